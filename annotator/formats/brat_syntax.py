"""What brat's reader and annotator's brat reader and writer agree on: names, pieces
of text, attribute values, and the structured note annotator puts on an event.

brat's own reader (``server/src/annotation.py``) is the reference: it reads
``.ann`` lines with ``str.splitlines``, so none of the ten characters that ends a
line there may sit inside a field; the text field of a ``T`` line is the covered
text of each fragment joined by one space; an attribute's value is everything
after its target (spaces allowed, no tab); a normalisation is ``DB:ID`` with no
space in either and no ``:`` in DB.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from annotator.formats.safe_text import LINE_BREAKS

Piece = tuple[int, int]

_TYPE_CHARS = re.compile(r"[^\w-]")
_BREAK_AT = re.compile(f"[{re.escape(LINE_BREAKS)}]")
# In a field that ends at a tab or at the line's end.
NOT_IN_FIELD = re.compile(f"[\t{re.escape(LINE_BREAKS)}]")

# Relation attributes that say how a relation was written in brat, so that it is
# written back the same way: the argument roles of an R line when they are not
# Arg1/Arg2; the ``*`` line (its number in the document) a pair of an equivalence
# group came from; the events of an event argument that is itself an event
# (``Theme:E2``), kept as a relation from the outer event's trigger to the inner's.
ROLES = "brat:roles"
EQUIVALENCE = "brat:equivalence"
EVENT = "brat:event"
ARGUMENT = "brat:argument"
STRUCTURAL = (ROLES, EQUIVALENCE, EVENT, ARGUMENT)

# brat attributes of an event (``A1 Negation E1``): the Event record has no
# attributes, so they ride at the end of its note as one JSON line after this
# mark, which the writer takes off again and writes as A lines.
EVENT_ATTRIBUTES = "[brat attributes] "

# Keys of the structured note annotator writes on an event (``id=e1; date=...``).
_DETAIL_KEYS = frozenset({"id", "date", "precision", "note", "coder", "type", "trigger"})
_DETAIL_PREFIXES = ("group:", "role:")
ADDED_TRIGGER = "added"  # trigger=added: the trigger was made for brat, it is no span
SPAN_TRIGGER = "span"  # trigger=span: the trigger is a span of its own


def brat_type(label: str) -> str:
    """``label`` as a brat type name: letters, digits, ``_`` and ``-``."""
    return _TYPE_CHARS.sub("_", label)


def role_base(role: str) -> str:
    """The role of a numbered argument (``Org-Arg2`` is a second ``Org-Arg``)."""
    return role.rstrip("0123456789") or role


def line_pieces(text: str, pieces: Sequence[Piece]) -> list[Piece]:
    """``pieces`` cut at every line break (brat cannot hold one in a text field),
    empty pieces left out; white space is kept, so offsets and text stay exact."""
    found: list[Piece] = []
    for start, end in pieces:
        position = start
        for part in _BREAK_AT.split(text[start:end]):
            if part:
                found.append((position, position + len(part)))
            position += len(part) + 1
    return found


def joined_pieces(text: str, pieces: Sequence[Piece]) -> list[Piece]:
    """Pieces in order with those that touch, or are apart only by line breaks,
    made one: the reading of what ``line_pieces`` (and brat's own editor, for a
    selection over several lines) cuts apart."""
    found: list[Piece] = []
    for start, end in sorted(pieces):
        if found and (start <= found[-1][1] or _only_breaks(text[found[-1][1]:start])):
            found[-1] = (found[-1][0], max(end, found[-1][1]))
        else:
            found.append((start, end))
    return found


def _only_breaks(gap: str) -> bool:
    return bool(gap) and all(c in LINE_BREAKS for c in gap)


def covered(text: str, pieces: Sequence[Piece]) -> str:
    return " ".join(text[a:b] for a, b in pieces)


def offsets(pieces: Sequence[Piece]) -> str:
    return ";".join(f"{a} {b}" for a, b in pieces)


def fits_name(name: str) -> bool:
    """A name brat reads back as written in an A, R, E or ``#`` line."""
    return bool(name) and not re.search(r"\s", name) and not NOT_IN_FIELD.search(name)


def fits_value(value: str) -> bool:
    """A value an A line holds (brat takes the rest of the field; annotator and most
    other tools split it at spaces, so none)."""
    return fits_name(value)


def fits_note(value: str) -> bool:
    """Text a ``#`` line gives back as written (readers strip brat's padding)."""
    return bool(value) and value == value.strip() and not NOT_IN_FIELD.search(value)


def split_event_note(note: str) -> tuple[str, dict[str, Any]]:
    """An event's note without its brat attributes, and those attributes."""
    head, mark, tail = note.rpartition("\n" + EVENT_ATTRIBUTES)
    if not mark and note.startswith(EVENT_ATTRIBUTES):
        head, tail = "", note[len(EVENT_ATTRIBUTES):]
    elif not mark:
        return note, {}
    try:
        found = json.loads(tail)
    except ValueError:
        return note, {}
    return (head, found) if isinstance(found, dict) else (note, {})


def join_event_note(note: str, attributes: Mapping[str, Any]) -> str:
    if not attributes:
        return note
    trailer = EVENT_ATTRIBUTES + json.dumps(dict(attributes), ensure_ascii=False)
    return f"{note}\n{trailer}" if note else trailer


def event_details(note: str) -> dict[str, str] | None:
    """The fields of a note annotator wrote on an event (``id=e1; date=...``), or None
    for a note in other words (a coder's note in brat)."""
    details: dict[str, str] = {}
    for part in note.split(";"):
        key, equals, value = part.strip().partition("=")
        if not equals or not (key in _DETAIL_KEYS or key.startswith(_DETAIL_PREFIXES)):
            return None
        details[key] = value.strip()
    return details or None
