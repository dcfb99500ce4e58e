"""Whether a value can be a name or a text in a codebook, and how a message shows it.

Names (labels, choices, event types and roles) are shown in menus, lists and file
names; texts are kept whole. Both come from imported files, so each check says what
is wrong in words a message can quote.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Names past this length are a mistake or an attack.
MAX_NAME = 100
SURROGATE = re.compile("[\ud800-\udfff]")


def shown(value: Any, limit: int = 60) -> str:
    """``value`` for a message: quoted, escaped, and cut short if long."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 5] + "…" + text[-4:]


def json_kind(value: Any) -> str:
    """What a JSON value is, as a message says it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def text_problem(value: str, *, max_length: int | None = None, lines: bool = False,
                 controls: bool = False) -> str | None:
    """Why ``value`` cannot be stored as text: a lone surrogate (not text at all: it
    cannot even be written to the corpus), a control character (unless ``lines``
    allows newlines and tabs, or ``controls`` any), or too long."""
    found = SURROGATE.search(value)
    if found:
        return f"has a lone surrogate (U+{ord(found.group()):04X}), which is not text"
    allowed = "\n\t" if lines else ""
    for char in value if not controls else "":
        if unicodedata.category(char) == "Cc" and char not in allowed:
            return f"has a control character (U+{ord(char):04X})"
    if max_length is not None and len(value) > max_length:
        return f"is {len(value):,} characters long (at most {max_length:,})"
    return None


def name_problem(value: Any, max_length: int = MAX_NAME) -> str | None:
    """Why ``value`` is not a usable name (of a label, a choice, an event type...)."""
    if not isinstance(value, str):
        return f"must be a string, not {json_kind(value)}"
    if not value.strip():
        return "is empty"
    if value != value.strip():
        return f"{shown(value)} has spaces at its ends"
    problem = text_problem(value, max_length=max_length)
    return f"{shown(value)} {problem}" if problem else None


def shortcut_problem(value: str) -> str | None:
    """Why ``value`` is not a key a label can be given ("1", "A", "F5", "Ctrl+K")."""
    if not value:
        return None
    if len(value) > 32 or any(unicodedata.category(c) in ("Cc", "Cs") for c in value) \
            or value != value.strip():
        return f"shortcut {shown(value)} is not a key (such as 1, A or F5)"
    return None
