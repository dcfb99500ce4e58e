"""ACLED's codebook as ACLED defines it, and what its rules find wrong in an event."""

from __future__ import annotations

from annotator.core.datasets import acled, allowed_values, dataset_schema, event_problems
from annotator.core.events import Event, EventMember
from annotator.core.model import Span
from annotator.core.schema import schema_from_json, schema_to_json

# ACLED Codebook (2024 edition, 7 October 2024; the codebook ACLED keeps online since
# writes the Inter columns as text): Table 2, event types and sub-event types in
# ACLED's hierarchical order, with their disorder types.
TABLE_2 = {
    "Battles": [("Government regains territory", "Political violence"),
                ("Non-state actor overtakes territory", "Political violence"),
                ("Armed clash", "Political violence")],
    "Protests": [("Excessive force against protesters", "Political violence; Demonstrations"),
                 ("Protest with intervention", "Demonstrations"),
                 ("Peaceful protest", "Demonstrations")],
    "Riots": [("Violent demonstration", "Demonstrations"),
              ("Mob violence", "Political violence")],
    "Explosions/Remote violence": [(s, "Political violence") for s in (
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade")],
    "Violence against civilians": [(s, "Political violence") for s in (
        "Sexual violence", "Attack", "Abduction/forced disappearance")],
    "Strategic developments": [(s, "Strategic developments") for s in (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other")],
}
# The same codebook, "Actor names, types, and Inter codes", 1 to 8.
INTER = ["State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
         "Protesters", "Civilians", "External/Other forces"]


def test_six_event_types_and_25_sub_event_types_with_their_disorder_types() -> None:
    schema = dataset_schema("acled")
    assert schema.dataset == "acled"
    assert list(schema.event_types) == list(TABLE_2)
    assert {kind: list(subs) for kind, subs in acled.SUB_EVENT_TYPES.items()} == {
        kind: [sub for sub, _d in rows] for kind, rows in TABLE_2.items()}
    sub = schema.event_attribute("sub_event_type")
    assert sub is not None and sub.required and len(sub.values) == 25
    assert len(set(sub.values)) == 25
    for rows in TABLE_2.values():
        for name, disorder in rows:
            assert acled.disorder_type(name) == disorder, name
    disorder = schema.event_attribute("disorder_type")
    assert disorder is not None and set(disorder.values) == {d for rows in TABLE_2.values()
                                                             for _s, d in rows}


def test_actor_types_interactions_and_precisions() -> None:
    schema = dataset_schema("acled")
    actor = schema.label("actor")
    assert actor is not None and actor.attribute("actor_type").values == tuple(INTER)
    # Table 3: the lower Inter code first whatever the order of Actor 1 and 2, "only"
    # for a single actor, and 78 written with the external force first.
    assert acled.interaction("Civilians", "State forces") == "State forces-Civilians"
    assert acled.interaction("Rebel group", "Political militia") == \
        "Rebel group-Political militia"
    assert acled.interaction("Protesters", None) == "Protesters only"
    assert acled.interaction("Civilians", "External/Other forces") == \
        "External/Other forces-Civilians"
    assert acled.interaction("Rioters", "External/Other forces") == \
        "Rioters-External/Other forces"
    pairs = {acled.interaction(a, b) for a in INTER for b in INTER}
    assert len(pairs) == 36  # 8 × 9 / 2 unordered pairs
    location = schema.label("location")
    assert location is not None
    assert location.attribute("geo_precision").values == ("1", "2", "3")
    assert {"latitude", "longitude", "admin1", "admin2", "admin3", "country"} <= {
        a.name for a in location.attributes}
    assert set(schema.event_roles) >= {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
                                       "place", "victim"}
    # The casualty reader and the map need these three labels by name.
    assert [label.name for label in schema.labels] == ["actor", "casualty", "location"]


def test_the_codebook_survives_its_json_and_the_default_spellings_of_actor_types() -> None:
    schema = dataset_schema("acled")
    assert schema_from_json(schema_to_json(schema)) == schema
    assert acled.actor_type("rebel groups") == "Rebel group"  # the default codebook's
    assert acled.actor_type("state forces") == "State forces"
    assert acled.actor_type("insurgents") is None  # ACLED has no such actor type


def test_the_sub_event_types_narrow_by_event_type() -> None:
    schema = dataset_schema("acled")
    assert allowed_values(schema, "sub_event_type", {"event_type": "Riots"}) == (
        "Violent demonstration", "Mob violence")


TEXT = "Militants attacked soldiers in Kirkuk, killing two."


def spans() -> dict[str, Span]:
    made = [Span(0, 9, "actor", "Militants", "alice", uid="a1",
                 attrs={"actor_type": "Rebel group"}),
            Span(19, 27, "actor", "soldiers", "alice", uid="a2",
                 attrs={"actor_type": "State forces"}),
            Span(31, 37, "location", "Kirkuk", "alice", uid="p1",
                 attrs={"latitude": 35.47, "longitude": 44.39, "country": "IRQ",
                        "geo_precision": "1"})]
    return {span.uid: span for span in made}


def event(kind: str = "Battles", **attrs: object) -> Event:
    return Event(1, kind, (EventMember("a1", "actor1"), EventMember("a2", "actor2"),
                           EventMember("p1", "place")), date="2024-08-05",
                 attrs={"sub_event_type": "Armed clash", **attrs})


def test_a_complete_battle_has_no_problem() -> None:
    schema = dataset_schema("acled")
    assert event_problems(schema, event(), spans()) == []


def test_what_acled_would_refuse_is_said() -> None:
    schema = dataset_schema("acled")
    found = event_problems(schema, event("Battles", sub_event_type="Attack"), spans())
    assert found == ["a sub-event type of another event type: 'Attack' is not one of "
                     "Battles's (Government regains territory, Non-state actor overtakes "
                     "territory, Armed clash)"]
    assert "civilian targeting marked on an event type ACLED never marks: Battles (only " \
        "Riots, Explosions/Remote violence, Violence against civilians)" in event_problems(
            schema, event(civilian_targeting=True), spans())
    assert any(p.startswith("a disorder type the sub-event type does not have")
               for p in event_problems(schema, event(disorder_type="Demonstrations"), spans()))
    lone = Event(1, "Battles", (EventMember("a1", "actor1"),), attrs={})
    said = event_problems(schema, lone, spans())
    assert "no sub-event type" in said and "no date" in said
    assert "a battle without Actor 2 (ACLED's battles have two sides)" in said
    assert "no location (a location in the role place)" in said
    vac = Event(1, "Violence against civilians", event().members, date="2024-08-05",
                attrs={"sub_event_type": "Attack"})
    assert event_problems(schema, vac, spans()) == [
        "violence against civilians without civilians among the actors: "
        "Rebel group and State forces"]
    untyped = {**spans(), "a1": Span(0, 9, "actor", "Militants", "alice", uid="a1")}
    assert "Actor 1 has no actor type (Inter 1): 'Militants'" in event_problems(
        schema, event(), untyped)
