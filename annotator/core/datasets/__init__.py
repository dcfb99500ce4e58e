"""The codebooks of the datasets coders feed: ACLED, UCDP GED, PLOVER and ACE 2005.

Each module here gives ``schema()``, the codebook set up as its dataset defines it
(labels and their attributes, event types and roles, the event's codes), with
``Schema.dataset`` naming it, so the dataset's export knows whose rules to check.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core.events import Event
from annotator.core.model import Span
from annotator.core.schema import Schema

# name -> what the window and `annotator init --help` call it
DATASETS = {
    "acled": "ACLED (Armed Conflict Location & Event Data)",
    "ucdp": "UCDP GED (Uppsala Conflict Data Program, Georeferenced Event Dataset)",
    "plover": "PLOVER / POLECAT (Political Language Ontology for Verifiable Event Records)",
    "ace2005": "ACE 2005 (Automatic Content Extraction events)",
}


class UnknownDataset(ValueError):
    pass


def dataset_schema(name: str) -> Schema:
    """The codebook of dataset ``name`` (a key of DATASETS)."""
    if name not in DATASETS:
        raise UnknownDataset(f"no codebook named {name!r} (there are {', '.join(DATASETS)})")
    module = importlib.import_module(f"annotator.core.datasets.{name}")
    schema: Schema = module.schema()
    return schema


def _module(schema: Schema) -> Any:
    if schema.dataset not in DATASETS:
        return None
    return importlib.import_module(f"annotator.core.datasets.{schema.dataset}")


def allowed_values(schema: Schema, name: str, values: Mapping[str, Any]) -> Sequence[str] | None:
    """The values the event attribute ``name`` may take given the event's type and other
    codes (``values``, with "event_type"), by the dataset's rules; None: any the codebook
    lists. A dataset module says so in ``DEPENDENT_CHOICES``: attribute -> event type ->
    values."""
    module = _module(schema)
    table = getattr(module, "DEPENDENT_CHOICES", {}) if module else {}
    by_type = table.get(name)
    if by_type is None:
        return None
    return by_type.get(values.get("event_type"))


def event_problems(schema: Schema, event: Event, spans: Mapping[str, Span]) -> list[str]:
    """What the dataset's rules find missing or wrong in ``event`` (none for a codebook
    of the corpus's own)."""
    module = _module(schema)
    check = getattr(module, "event_problems", None) if module else None
    if check is None:
        return []
    found: list[str] = check(event, spans, schema)
    return found


def dataset_role(schema: Schema, event_type: str, role: str) -> str:
    """The dataset's role for what the default rules draft (attacker, target, victim,
    place: ``core.events.default_role``), for a member of an event of ``event_type``:
    ACLED's actor1 for an attacker, UCDP's side_a, ACE 2005's Attacker of Conflict:Attack.
    A role the codebook does not have is never drafted: "other", or its first role."""
    module = _module(schema)
    mapped: str | None = None
    if module is not None:
        suggest = getattr(module, "suggested_role", None)
        mapped = suggest(event_type, role) if suggest else None
        if mapped is None:
            table = getattr(module, "DEFAULT_ROLES", None) or getattr(module, "ROLE_ALIASES", {})
            mapped = table.get(role)
    roles = schema.event_roles
    for candidate in (mapped, role, "other"):
        if candidate and (not roles or candidate in roles):
            return candidate
    return roles[0]


def allowed_roles(schema: Schema, event_type: str) -> Sequence[str] | None:
    """The roles an event of ``event_type`` may give its members by the dataset's rules
    (ACE 2005's Attacker, Target... of Conflict:Attack); None: any the codebook lists.
    A dataset module says so with ``roles_for(event_type)``."""
    module = _module(schema)
    roles_for = getattr(module, "roles_for", None) if module else None
    found: Sequence[str] = roles_for(event_type) if roles_for else ()
    return tuple(found) or None
