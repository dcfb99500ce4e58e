"""UCDP GED's codebook as GED defines it, and what GED finds missing in an event."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest

from annotator.core.datasets import dataset_schema
from annotator.core.datasets.ucdp import (
    DATE_PREC,
    DEFAULT_ROLES,
    EVENT_CLARITY,
    TYPES_OF_VIOLENCE,
    WHERE_PREC,
    event_problems,
    merged,
    read_event,
)
from annotator.core.datasets.ucdp_countries import COUNTRIES, country_of, region_of
from annotator.core.events import Event, EventMember
from annotator.core.model import Span
from annotator.core.schema import schema_from_json, schema_to_json

TEXT = ("JNIM fighters attacked an army post in Boulkessi on Monday, killing 12 soldiers; "
        "the army said it killed 20 attackers. Three civilians also died, as many as five "
        "by a local count.")


def span(phrase: str, label: str, uid: str, **attrs: object) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), label, phrase, "alice", uid=uid, attrs=attrs,
                doc_id=1)


def complete() -> tuple[Event, dict[str, Span]]:
    spans = [
        span("JNIM fighters", "actor", "jnim", ucdp_name="JNIM", actor_id=6801),
        span("an army post", "actor", "army", ucdp_name="Government of Mali",
             actor_type="government", government_of="MLI"),
        span("Boulkessi", "location", "place", where_prec="1", latitude=14.6,
             longitude=-1.9, country="MLI", admin1="Mopti"),
        span("12 soldiers", "casualty", "dead-army", outcome="killed", count_best=12,
             deaths_of="side_a"),
        span("20 attackers", "casualty", "dead-jnim", outcome="killed", count_best=20,
             deaths_of="side_b"),
        span("Three civilians", "casualty", "civ-1", outcome="killed", count_best=3,
             deaths_of="civilians"),
        span("as many as five", "casualty", "civ-2", outcome="killed", count_high=5,
             deaths_of="civilians"),
    ]
    event = Event(1, "state-based conflict", (
        EventMember("army", "side_a"), EventMember("jnim", "side_b"),
        EventMember("place", "place"), EventMember("dead-army", "victim"),
        EventMember("dead-jnim", "victim"), EventMember("civ-1", "victim", "civilians"),
        EventMember("civ-2", "victim", "civilians")),
        uid="e1", date="2024-08-05", date_precision=1, attrs={"event_clarity": "1"})
    return event, {s.uid: s for s in spans}


def test_the_codebook_is_geds() -> None:
    schema = dataset_schema("ucdp")
    assert schema.dataset == "ucdp"
    # GED's three types of violence, in the order of their codes 1, 2, 3.
    assert schema.event_types == ("state-based conflict", "non-state conflict",
                                  "one-sided violence")
    assert {"side_a", "side_b"} <= set(schema.event_roles)
    # The labels suggestions, the casualty reader and the map know.
    assert [label.name for label in schema.labels] == ["actor", "casualty", "location"]
    casualty = schema.label("casualty")
    assert casualty is not None
    deaths_of = casualty.attribute("deaths_of")
    assert deaths_of is not None and deaths_of.values == (
        "side_a", "side_b", "civilians", "unknown")
    assert all(casualty.attribute(n) for n in ("outcome", "count_low", "count_best",
                                               "count_high"))
    location = schema.label("location")
    assert location is not None
    where_prec = location.attribute("where_prec")
    assert where_prec is not None and where_prec.values == tuple("1234567")
    assert len(WHERE_PREC) == 7 and "international airspace" in WHERE_PREC[7]
    assert "1 the exact place" in where_prec.description
    clarity = schema.event_attribute("event_clarity")
    assert clarity is not None and clarity.values == ("1", "2") and clarity.required
    assert len(EVENT_CLARITY) == 2
    date_prec = schema.event_attribute("date_prec")
    assert date_prec is not None and date_prec.values == tuple("12345")
    assert len(DATE_PREC) == 5
    for optional in ("conflict_new_id", "dyad_new_id", "conflict_name", "dyad_name"):
        spec = schema.event_attribute(optional)
        assert spec is not None and not spec.required
    assert schema_from_json(schema_to_json(schema)) == schema


def test_a_complete_event_has_no_problem_and_its_deaths_are_by_side() -> None:
    event, spans = complete()
    schema = dataset_schema("ucdp")
    assert event_problems(event, spans, schema) == []
    reading = read_event(event, spans, schema)
    assert reading.violence == 1
    assert reading.side_a.names == ("Government of Mali",)
    assert reading.side_a.governments == (432,)
    assert reading.side_b.names == ("JNIM",) and reading.side_b.actor_ids == (6801,)
    assert reading.deaths["side_a"].best == 12 and reading.deaths["side_b"].best == 20
    # Two reports of the same civilians: the smallest best, the widest range.
    civilians = reading.deaths["civilians"]
    assert (civilians.low, civilians.best, civilians.high) == (3, 3, 5)
    assert reading.dates == (date(2024, 8, 5), date(2024, 8, 5), 1)


def test_what_ged_needs_is_named() -> None:
    event, spans = complete()
    schema = dataset_schema("ucdp")
    bare = Event(1, "state-based conflict", (EventMember("jnim", "side_b"),
                                             EventMember("civ-1", "victim")), uid="e2")
    problems = event_problems(bare, spans, schema)
    assert "no actor is side_a" in problems
    assert "no date" in problems
    assert "no place, so no country" in problems
    assert "no event_clarity" in problems
    wrong = Event(1, "riot", event.members, uid="e3", date="2024-08-05",
                  attrs={"event_clarity": "1"})
    assert any("'riot' is not a type of violence" in p for p in
               event_problems(wrong, spans, schema))


def test_the_sides_must_fit_the_type_of_violence() -> None:
    event, spans = complete()
    schema = dataset_schema("ucdp")
    swapped = Event(1, "state-based conflict", (
        EventMember("jnim", "side_a"), EventMember("army", "side_b"),
        *event.members[2:]), uid="e4", date="2024-08-05", attrs={"event_clarity": "1"})
    assert any("side A is a government" in p for p in event_problems(swapped, spans, schema))
    non_state = Event(1, "non-state conflict", event.members, uid="e5", date="2024-08-05",
                      attrs={"event_clarity": "1"})
    assert any("neither side is a government" in p
               for p in event_problems(non_state, spans, schema))
    # One-sided violence: the civilians are side B without being coded.
    one_sided = Event(1, "one-sided violence", (
        EventMember("jnim", "side_a"), EventMember("place", "place"),
        EventMember("civ-1", "victim")), uid="e6", date="2024-08-05",
        attrs={"event_clarity": "1"})
    assert event_problems(one_sided, spans, schema) == []
    # Its victims named as an actor are the civilians GED writes as side B.
    spans["villagers"] = span("Three civilians", "actor", "villagers")
    one_sided = Event(1, "one-sided violence", (*one_sided.members,
                                                EventMember("villagers", "victim")),
                      uid="e6", date="2024-08-05", attrs={"event_clarity": "1"})
    assert event_problems(one_sided, spans, schema) == []
    assert read_event(one_sided, spans, schema).side_b.names == ()


def test_injuries_unsaid_sides_and_foreign_roles_are_named() -> None:
    event, spans = complete()
    schema = dataset_schema("ucdp")
    spans["hurt"] = span("killing 12 soldiers", "casualty", "hurt", outcome="injured",
                         count_best=4)
    spans["whose"] = span("Three civilians", "casualty", "whose", outcome="killed",
                          count_best=3)
    members = tuple(m for m in event.members if m.span_uid != "jnim")
    event = Event(1, event.type, (*members, EventMember("jnim", "attacker"),
                                  EventMember("hurt", "victim"), EventMember("whose", "victim")),
                  uid="e7", date=event.date, attrs=event.attrs)
    problems = event_problems(event, spans, schema)
    assert any("GED counts the killed only" in p for p in problems)
    assert any("does not say whose deaths" in p for p in problems)
    assert any("'JNIM fighters' is 'attacker'" in p for p in problems)
    assert read_event(event, spans, schema).deaths["unknown"].best == 3


@pytest.mark.parametrize(("precision", "attrs", "expected"), [
    (1, {}, ("2024-08-05", "2024-08-05", 1)),
    (2, {}, ("2024-08-05", "2024-08-11", 3)),  # a week: the date is its first day
    (3, {}, ("2024-08-01", "2024-08-31", 4)),  # a month: all of it
    (1, {"date_prec": "5"}, ("2024-01-01", "2024-12-31", 5)),
    (1, {"date_end": "2024-08-08"}, ("2024-08-05", "2024-08-08", 2)),  # four days
])
def test_date_prec_is_geds_scale(precision: int, attrs: dict[str, str],
                                 expected: tuple[str, str, int]) -> None:
    event, spans = complete()
    schema = dataset_schema("ucdp")
    event = Event(1, event.type, event.members, uid="e8", date="2024-08-05",
                  date_precision=precision, attrs={"event_clarity": "1", **attrs})
    found = read_event(event, spans, schema).dates
    assert found is not None
    assert (found[0].isoformat(), found[1].isoformat(), found[2]) == expected


def test_reports_of_one_incident_merge_as_alternatives() -> None:
    event, spans = complete()
    schema = dataset_schema("ucdp")
    other_spans = dict(spans)
    other_spans["dead-army"] = span("12 soldiers", "casualty", "dead-army", outcome="killed",
                                    count_low=10, count_best=15, count_high=18,
                                    deaths_of="side_a")
    first = read_event(event, spans, schema)
    second = read_event(event, other_spans, schema)
    both = merged([first, second])
    side_a = both.deaths["side_a"]
    assert (side_a.low, side_a.best, side_a.high) == (10, 12, 18)


def test_the_gazetteers_precision_gives_where_prec_and_says_so() -> None:
    event, spans = complete()
    schema = dataset_schema("ucdp")
    for precision, where_prec in ((1, 1), (3, 6)):
        spans["place"] = span("Boulkessi", "location", "place", precision=precision,
                              country="MLI")
        where = read_event(event, spans, schema).where
        assert where is not None
        assert (where.where_prec, where.derived_prec) == (where_prec, True)
    spans["place"] = span("Boulkessi", "location", "place", precision=1, where_prec="4",
                          country="MLI")
    where = read_event(event, spans, schema).where
    assert where is not None and (where.where_prec, where.derived_prec) == (4, False)
    spans["place"] = span("Boulkessi", "location", "place", country="MLI")
    assert "place 'Boulkessi' has no where_prec" in event_problems(event, spans, schema)


def test_reports_that_disagree_on_a_side_are_named() -> None:
    event, spans = complete()
    schema = dataset_schema("ucdp")
    other = dict(spans)
    other["jnim"] = span("JNIM fighters", "actor", "jnim", ucdp_name="IS Sahel")
    both = merged([read_event(event, spans, schema), read_event(event, other, schema)])
    assert both.side_b.names == ("JNIM",)
    assert any(p.kind == "disagree" and "side_b" in p.text for p in both.notes)


def test_the_default_roles_have_a_ucdp_role() -> None:
    from annotator.core.schema import EVENT_ROLES

    schema = dataset_schema("ucdp")
    assert set(DEFAULT_ROLES) == set(EVENT_ROLES)
    assert set(DEFAULT_ROLES.values()) <= set(schema.event_roles)
    assert DEFAULT_ROLES["attacker"] == "side_a" and DEFAULT_ROLES["target"] == "side_b"


def test_the_countries_are_gleditsch_and_wards() -> None:
    # Where UCDP's numbers differ from the Correlates of War's, or from other lists.
    assert country_of("IRQ") == ("IRQ", 645, "Iraq")
    assert country_of("YEM") == ("YEM", 678, "Yemen (North Yemen)")
    assert country_of("VNM")[1:] == (816, "Vietnam (North Vietnam)")  # type: ignore[index]
    assert country_of("CZE")[1] == 316  # type: ignore[index]
    assert country_of("DEU")[1] == 260  # type: ignore[index]
    assert country_of("SRB")[1] == 340  # type: ignore[index]
    assert country_of("PSE")[1:] == (666, "Israel")  # type: ignore[index]
    assert country_of("DR Congo")[1] == 490  # type: ignore[index]
    assert country_of("mali") == ("MLI", 432, "Mali")
    assert country_of("Atlantis") is None and country_of(None) is None
    assert (region_of(432), region_of(645), region_of(651), region_of(700), region_of(2),
            region_of(365)) == ("Africa", "Middle East", "Middle East", "Asia", "Americas",
                                "Europe")
    # Every code is a real ISO 3166 alpha-3 (Kosovo's XKX is the one in common use).
    for code in COUNTRIES:
        assert code == "XKX" or pycountry.countries.get(alpha_3=code) is not None, code
    # Every state of the UN has a number (the table covers the world).
    members = {c.alpha_3 for c in pycountry.countries} & set(COUNTRIES)
    assert len(members) >= 193
    assert len(set(TYPES_OF_VIOLENCE)) == 3
