"""Values as INCEpTION writes them, shared by XMI and WebAnno TSV: labels from layer
features, knowledge-base identifiers, and TSV 3's escapes."""

from __future__ import annotations

import re
from typing import Any

from annotator.core.model import KbLink
from annotator.formats.xmi_types import NAMED_ENTITY

LABEL_FEATURES = ("value", "label", "Value", "Label")
# What INCEpTION calls a link to a knowledge base it does not name.
UNNAMED_KB = "inception"


def label_of(kind: str, values: dict[str, Any]) -> tuple[str, dict[str, Any], list[str]]:
    """A layer's label, other features (attributes) and identifiers (links).

    The label is a ``value`` or ``label`` feature, else the layer's only text feature,
    else the layer's own name (its features then all become attributes)."""
    values = dict(values)
    links = []
    if kind == NAMED_ENTITY and values.get("identifier"):
        links.append(str(values.pop("identifier")))
    values.pop("identifier", None) if kind == NAMED_ENTITY else None
    chosen = next((n for n in LABEL_FEATURES if values.get(n) not in (None, "")), None)
    if chosen is None and len(values) == 1 and isinstance(next(iter(values.values())), str):
        chosen = next(iter(values))
    label = str(values.pop(chosen)) if chosen else kind.rsplit(".", 1)[-1]
    return label, values, links


def identifier_of(link: KbLink) -> str:
    """``kb:id``, or the id alone where it is an IRI (as INCEpTION's are)."""
    return link.id if "://" in link.id else f"{link.kb}:{link.id}"


def parse_identifier(identifier: str) -> dict[str, str]:
    """A link as the native record has it: ``kb:id``, or an IRI from an unnamed base."""
    if "://" in identifier or ":" not in identifier.strip(":"):
        return {"kb": UNNAMED_KB, "id": identifier}
    kb, _, entry = identifier.partition(":")
    return {"kb": kb, "id": entry}


def carried(link: KbLink) -> bool:
    """Whether ``identifier_of`` then ``parse_identifier`` give ``link`` back."""
    parsed = parse_identifier(identifier_of(link))
    return not link.name and parsed == {"kb": link.kb, "id": link.id}


# -- TSV 3 escapes (INCEpTION's Escaping): feature values and #Text= lines ----------

_VALUE_ESCAPES = {"\\": "\\\\", "[": "\\[", "]": "\\]", "|": "\\|", "_": "\\_", "->": "\\->",
                  ";": "\\;", "\t": "\\t", "\n": "\\n", "*": "\\*"}
_VALUE = re.compile("|".join(map(re.escape, sorted(_VALUE_ESCAPES, key=len, reverse=True))))
_VALUE_BACK = {v: k for k, v in _VALUE_ESCAPES.items()}
_VALUE_UNESCAPE = re.compile("|".join(map(re.escape, sorted(_VALUE_BACK, key=len,
                                                             reverse=True))))

# Control characters as a backslash and the character itself, except those with a
# readable escape; as Escaping.escapeText does.
_TEXT_ESCAPES = {chr(i): "\\" + chr(i) for i in range(32) if not 7 < i < 14}
_TEXT_ESCAPES.update({"\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\b": "\\b",
                      "\\": "\\\\"})
_TEXT = re.compile("|".join(map(re.escape, _TEXT_ESCAPES)))
_TEXT_BACK = {v: k for k, v in _TEXT_ESCAPES.items()}
_TEXT_UNESCAPE = re.compile("|".join(map(re.escape, sorted(_TEXT_BACK, key=len,
                                                           reverse=True))))


def escape_value(value: str) -> str:
    return _VALUE.sub(lambda m: _VALUE_ESCAPES[m[0]], value)


def unescape_value(value: str) -> str:
    return _VALUE_UNESCAPE.sub(lambda m: _VALUE_BACK[m[0]], value)


def escape_text(text: str) -> str:
    return _TEXT.sub(lambda m: _TEXT_ESCAPES[m[0]], text)


def unescape_text(text: str) -> str:
    return _TEXT_UNESCAPE.sub(lambda m: _TEXT_BACK[m[0]], text)
