"""ACE 2005's event codebook as the LDC's guidelines define it, and the roles it allows."""

from __future__ import annotations

from annotator.core import datasets
from annotator.core.casualties import prefilled
from annotator.core.datasets import ace2005, dataset_schema
from annotator.core.events import Event, EventMember
from annotator.core.model import Span
from annotator.core.schema import schema_from_json, schema_to_json

# "ACE (Automatic Content Extraction) English Annotation Guidelines for Events", version
# 5.4.3, 2005-07-01 (Linguistic Data Consortium), section 5: 8 types and their 33 subtypes.
TYPES = {"Life": 5, "Movement": 1, "Transaction": 2, "Business": 4, "Conflict": 2,
         "Contact": 2, "Personnel": 4, "Justice": 13}
# Participant roles of a few subtypes, as section 5 lists them (attributes aside).
PARTICIPANTS = {
    "Conflict:Attack": {"Attacker", "Target", "Instrument"},
    "Life:Die": {"Agent", "Victim", "Instrument"},
    "Movement:Transport": {"Agent", "Artifact", "Vehicle", "Price", "Origin", "Destination"},
    "Transaction:Transfer-Money": {"Giver", "Recipient", "Beneficiary", "Money"},
    "Justice:Sentence": {"Defendant", "Adjudicator", "Crime", "Sentence"},
    "Personnel:Elect": {"Person", "Entity", "Position"},
}

TEXT = "Insurgents attacked the convoy near Mosul on Monday with a car bomb."


def _span(phrase: str, label: str, **attrs: object) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), label, phrase, "alice", uid=phrase, attrs=attrs)


SPANS = {s.uid: s for s in (
    _span("Insurgents", "actor", entity_type="PER", entity_subtype="Group"),
    _span("the convoy", "vehicle", entity_type="VEH", entity_subtype="Land"),
    _span("Mosul", "location", entity_type="GPE", entity_subtype="Population-Center"),
    _span("Monday", "time"),
    _span("a car bomb", "weapon", entity_type="WEA", entity_subtype="Exploding"),
)}
CODES = {"polarity": "Positive", "tense": "Past", "genericity": "Specific",
         "modality": "Asserted"}


def _attack(*members: tuple[str, str], kind: str = "Conflict:Attack", **codes: str) -> Event:
    return Event(1, kind, tuple(EventMember(uid, role) for uid, role in members),
                 attrs={**CODES, **codes})


def test_eight_types_and_thirty_three_subtypes() -> None:
    schema = dataset_schema("ace2005")
    assert schema.dataset == "ace2005"
    assert len(schema.event_types) == 33
    found: dict[str, int] = {}
    for name in schema.event_types:
        kind, _sub = name.split(":")
        found[kind] = found.get(kind, 0) + 1
    assert found == TYPES
    assert {"Conflict:Attack", "Life:Die", "Justice:Arrest-Jail", "Contact:Phone-Write",
            "Transaction:Transfer-Ownership", "Business:Declare-Bankruptcy"} <= set(
        schema.event_types)
    assert set(ace2005.ROLES) == set(schema.event_types)


def test_each_subtype_allows_the_guidelines_roles() -> None:
    schema = dataset_schema("ace2005")
    for subtype, participants in PARTICIPANTS.items():
        roles = set(ace2005.ROLES[subtype])
        assert participants <= roles, subtype
        assert roles - participants <= {"Place", *ace2005.TIME_ROLES}, subtype
    # Transport, Phone-Write and Extradite have no Place: their places are Origin and
    # Destination, or none.
    for subtype in ("Movement:Transport", "Contact:Phone-Write", "Justice:Extradite"):
        assert "Place" not in ace2005.ROLES[subtype]
    assert "Time-Within" in ace2005.ROLES["Life:Be-Born"]
    assert set(schema.event_roles) == {r for roles in ace2005.ROLES.values() for r in roles}
    assert len(schema.event_roles) == 27 + 8


def test_the_four_event_attributes() -> None:
    schema = dataset_schema("ace2005")
    values = {spec.name: spec.values for spec in schema.event_attributes}
    assert values == {"polarity": ("Positive", "Negative"),
                      "tense": ("Past", "Present", "Future", "Unspecified"),
                      "genericity": ("Specific", "Generic"), "modality": ("Asserted", "Other")}
    assert all(spec.required for spec in schema.event_attributes)


def test_labels_keep_the_coders_three_and_add_aces_fillers() -> None:
    schema = dataset_schema("ace2005")
    names = [label.name for label in schema.labels]
    assert names[:3] == ["actor", "casualty", "location"]
    assert {"weapon", "vehicle", "time", "crime", "job_title", "sentence", "money"} <= set(names)
    assert schema.label("actor").attribute("entity_type").values == ("PER", "ORG", "GPE")  # type: ignore[union-attr]
    assert schema.label("location").attribute("entity_type").values == ("GPE", "LOC", "FAC")  # type: ignore[union-attr]
    sentence = "Two soldiers were killed in the blast."
    assert prefilled(schema.label("casualty"), sentence, 0, 12)["outcome"] == "killed"
    assert schema_from_json(schema_to_json(schema)) == schema


def test_a_well_coded_attack_has_no_problem() -> None:
    schema = dataset_schema("ace2005")
    event = _attack(("Insurgents", "Attacker"), ("the convoy", "Target"), ("Mosul", "Place"),
                    ("Monday", "Time-Within"), ("a car bomb", "Instrument"))
    assert datasets.event_problems(schema, event, SPANS) == []


def test_a_role_the_subtype_does_not_have_is_named() -> None:
    schema = dataset_schema("ace2005")
    found = ace2005.event_problems(_attack(("the convoy", "Victim"), ("Mosul", "Origin")),
                                   SPANS, schema)
    assert len(found) == 2
    assert found[0].startswith("vehicle 'the convoy': role 'Victim' is not one of "
                               "Conflict:Attack's (Attacker, Target, Instrument, Place")
    assert "role 'Origin'" in found[1]
    moved = _attack(("the convoy", "Vehicle"), ("Mosul", "Destination"),
                    kind="Movement:Transport")
    assert ace2005.event_problems(moved, SPANS, schema) == []


def test_fillers_of_the_wrong_kind_and_missing_codes() -> None:
    schema = dataset_schema("ace2005")
    event = Event(1, "Conflict:Attack", (EventMember("Insurgents", "Place"),
                                         EventMember("Mosul", "Time-Within")),
                  attrs={"polarity": "Positive", "tense": "Yesterday"})
    found = ace2005.event_problems(event, SPANS, schema)
    assert "actor 'Insurgents': a Place is a location span" in found
    assert "location 'Mosul': a Time-Within is a time span" in found
    assert "no genericity (Specific or Generic)" in found
    assert "no modality (Asserted or Other)" in found
    assert "tense 'Yesterday' is not one of Past, Present, Future, Unspecified" in found
    odd = Event(1, "Attack", (), attrs=CODES)
    assert ace2005.event_problems(odd, SPANS, schema) == [
        "event type 'Attack' is not an ACE 2005 subtype (Type:Subtype, such as "
        "Conflict:Attack)"]


def test_an_entity_subtype_of_another_type_is_named() -> None:
    schema = dataset_schema("ace2005")
    spans = {**SPANS, "x": Span(0, 10, "actor", "Insurgents", "alice", uid="x",
                                attrs={"entity_type": "PER", "entity_subtype": "Nation"})}
    found = ace2005.event_problems(_attack(("x", "Attacker")), spans, schema)
    assert found == ["actor 'Insurgents': 'Nation' is not a subtype of PER "
                     "(Individual, Group, Indeterminate)"]


def test_the_default_codebooks_roles_in_aces_words() -> None:
    assert ace2005.suggested_role("Conflict:Attack", "attacker") == "Attacker"
    assert ace2005.suggested_role("Life:Die", "attacker") == "Agent"
    assert ace2005.suggested_role("Life:Die", "victim") == "Victim"
    assert ace2005.suggested_role("Conflict:Attack", "victim") == "Target"
    assert ace2005.suggested_role("Movement:Transport", "place") is None
