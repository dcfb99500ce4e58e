"""PLOVER's codebook as the PLOVER manual defines it, and what it finds wrong in an event."""

from __future__ import annotations

from annotator.core import datasets
from annotator.core.casualties import prefilled
from annotator.core.datasets import dataset_schema, plover
from annotator.core.events import Event, EventMember
from annotator.core.model import Span
from annotator.core.schema import schema_from_json, schema_to_json

# The PLOVER manual, draft version 2.0 (PLOVER_MANUAL.tex in github.com/openeventdata/PLOVER,
# commit 5e0c24f of 2024-02-04): the sixteen sections of chapter "Event Categories", each
# mode table's rows, the "General contexts" table and the "Sector Codes" table.
CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
              "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
              "COERCE", "ASSAULT")
MODE_COUNTS = {"AGREE": 0, "CONSULT": 4, "SUPPORT": 0, "CONCEDE": 0, "COOPERATE": 0, "AID": 0,
               "RETREAT": 6, "REQUEST": 4, "ACCUSE": 3, "REJECT": 4, "THREATEN": 6,
               "PROTEST": 7, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 10, "ASSAULT": 15}

TEXT = "Rebels shelled Kidal, killing three soldiers. The UN sent aid to Gao."


def _span(phrase: str, label: str, uid: str, **attrs: object) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), label, phrase, "alice", uid=uid, attrs=attrs)


SPANS = {s.uid: s for s in (
    _span("Rebels", "actor", "a", country="MLI", sector="REB"),
    _span("Kidal", "location", "k", latitude=18.44, longitude=1.41, resolution=4,
          country="MLI"),
    _span("three soldiers", "casualty", "c", outcome="killed", count_best=3),
    _span("soldiers", "actor", "s", country="MLI", sector="MIL"),
    _span("The UN", "actor", "u", country="UNO", sector="GOV"),
    _span("Gao", "location", "g"),
)}


def _event(kind: str, *members: tuple[str, str], **attrs: object) -> Event:
    return Event(1, kind, tuple(EventMember(uid, role) for uid, role in members),
                 date="2024-08-05", attrs=attrs)


def test_the_codebook_is_plovers() -> None:
    schema = dataset_schema("plover")
    assert schema.dataset == "plover"
    assert schema.event_types == CATEGORIES
    assert {k: len(v) for k, v in plover.MODES.items()} == MODE_COUNTS
    assert plover.MODES["REQUEST"] == plover.MODES["REJECT"] == (
        "assist", "change", "yield", "meet")
    assert "vandalize" in plover.MODES["PROTEST"] and "drone" in plover.MODES["ASSAULT"]
    assert len(plover.CONTEXTS) == 37 and {"military", "trafficking", "pro_democracy"} <= set(
        plover.CONTEXTS)
    assert len(plover.SECTORS) == 25 and {"GOV", "MIL", "REB", "UAF", "CVL", "PRE"} <= set(
        plover.SECTORS)
    assert {"COOPERATE", "AID", "SANCTION"} == plover.REQUIRES_RECIPIENT
    assert [plover.QUAD[c] for c in ("AGREE", "AID", "ACCUSE", "ASSAULT")] == [1, 2, 3, 4]
    mode = schema.event_attribute("mode")
    assert mode is not None and mode.kind == "choices"
    assert set(mode.values) == {m for modes in plover.MODES.values() for m in modes}
    assert schema.event_attribute("context").values == plover.CONTEXTS  # type: ignore[union-attr]


def test_the_coders_labels_stay_and_carry_plovers_fields() -> None:
    schema = dataset_schema("plover")
    assert [label.name for label in schema.labels] == ["actor", "casualty", "location"]
    actor = schema.label("actor")
    assert actor is not None and actor.attribute("sector").values == plover.SECTORS  # type: ignore[union-attr]
    location = schema.label("location")
    assert location is not None and all(location.attribute(name) for name in (
        "latitude", "longitude", "geonames_id", "country", "admin1", "admin2", "resolution"))
    # The casualty reader still fills a casualty span's counts and outcome.
    sentence = "At least five US personnel were injured in the attack."
    assert prefilled(schema.label("casualty"), sentence, 0, 26) == {
        "outcome": "injured", "count_low": 5, "count_best": 5, "qualifier": "at least"}


def test_the_codebook_survives_json_and_its_stricter_rules() -> None:
    schema = dataset_schema("plover")
    assert schema_from_json(schema_to_json(schema)) == schema
    assert set(plover.DEFAULT_ROLES.values()) <= set(schema.event_roles)


def test_modes_offered_are_the_categorys() -> None:
    schema = dataset_schema("plover")
    assert datasets.allowed_values(schema, "mode", {"event_type": "PROTEST"}) == (
        "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize")
    assert datasets.allowed_values(schema, "mode", {"event_type": "AGREE"}) == ()
    assert datasets.allowed_values(schema, "context", {"event_type": "AGREE"}) is None


def test_a_complete_event_has_no_problem() -> None:
    schema = dataset_schema("plover")
    assault = _event("ASSAULT", ("a", "actor"), ("s", "recipient"), ("k", "place"),
                     ("c", "victim"), mode=["heavy-weapons"], context=["military"])
    assert datasets.event_problems(schema, assault, SPANS) == []
    aid = _event("AID", ("u", "actor"), ("a", "target"))  # the default codebook's word
    assert plover.event_problems(aid, SPANS, schema) == []


def test_what_plover_finds_wrong() -> None:
    schema = dataset_schema("plover")
    aid = Event(1, "AID", (EventMember("u", "actor"), EventMember("k", "place"),
                           EventMember("g", "place")),
                attrs={"mode": ["visit", "nonsense"], "context": ["=cmd"]})
    found = plover.event_problems(aid, SPANS, schema)
    assert "no recipient, which the category requires: AID" in found
    assert "no event date" in found
    assert "mode not one of the category's: 'visit' with AID (its modes: none)" in found
    assert "mode not in PLOVER's codebook: 'nonsense'" in found
    assert "context not in PLOVER's codebook: '=cmd'" in found
    assert "more than one place (event_loc holds one): 2 places" in found
    nobody = _event("PROTEST", ("s", "other"), ("c", "victim"))
    found = plover.event_problems(nobody, SPANS, schema)
    assert "no actor (PLOVER requires one)" in found
    assert "actor span neither actor nor recipient: 'soldiers' has role 'other'" in found
    assert plover.event_problems(_event("attack", ("a", "actor")), SPANS, schema) == [
        "event type not a PLOVER category: 'attack'"]


def test_entities_need_a_country_and_a_sector_plover_knows() -> None:
    schema = dataset_schema("plover")
    spans = {**SPANS, "x": Span(0, 6, "actor", "Rebels", "alice", uid="x",
                                attrs={"country": "XYZ", "sector": "ARMY"}),
             "y": Span(0, 6, "actor", "Rebels", "alice", uid="y")}
    found = plover.event_problems(_event("ASSAULT", ("x", "actor"), ("y", "recipient")),
                                  spans, schema)
    assert any(p.startswith("entity country not a PLOVER country: 'Rebels'") for p in found)
    assert "entity sector not a PLOVER sector: 'Rebels': sector 'ARMY' is not a PLOVER " \
        "sector code" in found
    assert "entity without a country code: 'Rebels'" in found
    assert "entity without a sector: 'Rebels'" in found
    assert plover.country_problem("KOS") is None and plover.country_problem("IRQ") is None
    assert plover.country_name("UNO") == "United Nations"


def test_casualties_need_an_outcome_plover_counts_and_a_count() -> None:
    schema = dataset_schema("plover")
    spans = {**SPANS,
             "m": Span(0, 6, "casualty", "Rebels", "alice", uid="m", attrs={"count_best": 2}),
             "h": Span(0, 6, "casualty", "Rebels", "alice", uid="h",
                       attrs={"outcome": "injured", "count_high": 9})}
    found = plover.event_problems(
        _event("ASSAULT", ("a", "actor"), ("m", "victim"), ("h", "victim")), spans, schema)
    assert "casualty without an outcome PLOVER counts: 'Rebels' (no outcome)" in found
    assert "casualty count only an upper bound: injured: at most 9" in found
