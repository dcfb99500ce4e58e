"""Search and filters over a corpus, as the coder states them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# FTS5 syntax a coder may mean on purpose: quotes, operators, prefixes, groups, columns.
_SYNTAX = re.compile(r'["*()^:]|\b(?:AND|OR|NOT|NEAR)\b')


def fts_query(text: str) -> str:
    """What was typed, as an FTS5 query.

    Plain words become quoted words (all of them, the last one a prefix), so
    nothing typed is a syntax error; text using FTS5's own syntax (quotes,
    AND/OR/NOT, NEAR, *, column:) is passed on as written, and may be wrong.
    """
    if _SYNTAX.search(text):
        return text
    words = [w.replace('"', '""') for w in text.split()]
    if not words:
        return ""
    return " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'


def search_terms(text: str) -> list[str]:
    """The words of a query, to find and mark in a document's text."""
    words = re.findall(r"\w+", re.sub(r"\b(?:AND|OR|NOT|NEAR)\b", " ", text))
    return [w for w in words if len(w) > 1]


@dataclass(frozen=True)
class DocumentFilter:
    """Conditions on the document list; all must hold."""

    status: str | None = None  # of ``coder`` below, or of the window's coder
    with_label: str | None = None
    without_label: str | None = None
    coder: str | None = None  # has spans by this coder
    date_from: str | None = None
    date_to: str | None = None
    flagged: bool = False
    # A document label: "relevant" (any value) or "event_types=attack" (that value, or
    # that choice among several), given by ``coder`` above or by anyone.
    doc_label: str | None = None
    # Near-duplicates (storage/near_duplicates.py): "hide" them (first copies and unique
    # stories only), or "only" them.
    copies: str | None = None
    language: str | None = None  # the document's language code (its meta "language")


_TOKEN = re.compile(r"\S+")
_NOT_SPACE = re.compile(r"\S")


def snippet(text: str, terms: list[str], words: int = 12) -> str:
    """A few words of ``text`` around the first match of ``terms``, matches in [ ]."""
    if not terms:
        return ""
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*",
                         re.IGNORECASE)
    first = pattern.search(text)
    if first is None:
        return ""
    # Only the words near the match are split out: a search page makes a snippet for
    # each of its rows, and some documents are whole reports.
    reach = 80 * words
    low_at, high_at = max(0, first.start() - reach), min(len(text), first.end() + reach)
    tokens = list(_TOKEN.finditer(text, low_at, high_at))
    # A word cut in half by the window is left out, unless it holds the match.
    if low_at and not text[low_at - 1].isspace() and tokens[0].end() <= first.start():
        tokens = tokens[1:]
    if high_at < len(text) and not text[high_at].isspace() and tokens[-1].start() >= first.end():
        tokens = tokens[:-1]
    at = next((i for i, t in enumerate(tokens) if t.end() > first.start()), 0)
    low, high = max(0, at - words // 3), min(len(tokens), at + words - words // 3)
    begin, end = tokens[low].start(), tokens[high - 1].end()
    shown = text[begin:end].replace("\n", " ")
    marked = pattern.sub(lambda m: f"[{m.group()}]", shown)
    before = _NOT_SPACE.search(text, 0, begin) is not None
    after = _NOT_SPACE.search(text, end) is not None
    return ("…" if before else "") + marked + ("…" if after else "")
