"""A new event's members are drafted in the dataset's own roles: what the default rules
call an attacker is ACLED's actor1, UCDP's side_a, PLOVER's actor, ACE 2005's Attacker
(where the event type has one); never a role the codebook lacks."""

from __future__ import annotations

import pytest

from annotator.core.datasets import DATASETS, dataset_role, dataset_schema
from annotator.core.default_codebook import default_schema


@pytest.mark.parametrize(("dataset", "event_type", "expected"), [
    ("acled", "Battles", {"attacker": "actor1", "target": "actor2", "place": "place"}),
    ("ucdp", "state-based conflict", {"attacker": "side_a", "target": "side_b",
                                      "place": "place"}),
    ("plover", "ASSAULT", {"attacker": "actor", "target": "recipient", "place": "place"}),
    ("ace2005", "Conflict:Attack", {"attacker": "Attacker", "target": "Target",
                                    "place": "Place"}),
])
def test_the_default_roles_become_the_datasets(dataset: str, event_type: str,
                                               expected: dict[str, str]) -> None:
    schema = dataset_schema(dataset)
    assert event_type in schema.event_types
    for role, wanted in expected.items():
        assert dataset_role(schema, event_type, role) == wanted


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_a_drafted_role_is_always_one_the_codebook_has(dataset: str) -> None:
    schema = dataset_schema(dataset)
    for event_type in schema.event_types:
        for role in (*default_schema().event_roles, "something else"):
            assert dataset_role(schema, event_type, role) in schema.event_roles


def test_annotator_s_own_codebook_keeps_its_roles() -> None:
    schema = default_schema()
    assert dataset_role(schema, "attack", "attacker") == "attacker"
    assert dataset_role(schema, "attack", "made up") == "other"
