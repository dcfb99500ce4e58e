"""Relation types of a codebook: which label may link to which, and how a link is named.

A relation type ``located in`` with heads ``actor, casualty`` and tails ``location``
lets a coder link an actor to where it was, and refuses a link from a location to an
actor. Empty heads (or tails) allow every label.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator.core.model import InvalidRecord


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    heads: tuple[str, ...] = ()
    tails: tuple[str, ...] = ()
    description: str = ""
    shortcut: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name or self.name != self.name.strip():
            raise InvalidRecord(f"relation type name {self.name!r} is empty or padded with spaces")

    def allows(self, head_label: str, tail_label: str) -> bool:
        return ((not self.heads or head_label in self.heads)
                and (not self.tails or tail_label in self.tails))

    def refusal(self, head_label: str, tail_label: str) -> str | None:
        """Why a link of this type cannot go from a ``head_label`` span to a ``tail_label``
        one, or None if it can."""
        if self.heads and head_label not in self.heads:
            return (f"a {self.name!r} relation starts at {', '.join(self.heads)}, "
                    f"not at {head_label!r}")
        if self.tails and tail_label not in self.tails:
            return (f"a {self.name!r} relation ends at {', '.join(self.tails)}, "
                    f"not at {tail_label!r}")
        return None


def relation_type_to_json(kind: RelationType) -> dict[str, Any]:
    out: dict[str, Any] = {"name": kind.name}
    if kind.heads:
        out["heads"] = list(kind.heads)
    if kind.tails:
        out["tails"] = list(kind.tails)
    if kind.description:
        out["description"] = kind.description
    if kind.shortcut:
        out["shortcut"] = kind.shortcut
    return out


RELATION_KEYS = ("name", "heads", "tails", "description", "shortcut")

DEFAULT_RELATION_TYPES = (
    RelationType("attacked", ("actor",), ("actor", "location"),
                 "The head actor attacked the tail (an actor, or a place).", "Shift+A"),
    RelationType("located in", ("actor", "casualty"), ("location",),
                 "The head was at the tail place when the event happened.", "Shift+L"),
    RelationType("member of", ("actor",), ("actor",),
                 "The head actor belongs to the tail group or force.", "Shift+M"),
    RelationType("casualty of", ("casualty",), ("actor",),
                 "The head casualties belong to the tail actor (its fighters, its citizens).",
                 "Shift+C"),
)


def check_names(kinds: tuple[RelationType, ...], labels: Mapping[str, object]) -> None:
    """Each relation type once, and naming only labels the codebook has."""
    seen: set[str] = set()
    for kind in kinds:
        if kind.name in seen:
            raise InvalidRecord(f"the relation type {kind.name!r} is listed twice")
        seen.add(kind.name)
        for label in (*kind.heads, *kind.tails):
            if label not in labels:
                raise InvalidRecord(f"relation type {kind.name!r} names the label {label!r}, "
                                    "which the codebook does not have")
