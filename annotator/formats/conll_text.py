"""Tokens of a token-per-line file joined into a document's text, and back.

A document read from CoNLL gets one sentence a line: its tokens joined by one
space, or by nothing in languages written without spaces (Chinese, Japanese,
Thai: a file with one character a line comes back as written), or as CoNLL-U's
``SpaceAfter=No`` and flair's ``+``/``-`` column say. Exporters must give the
same tokens and sentences back, so the document's ``meta`` keeps how:

    meta["tokenization"] = {"sentences": "lines",
                            "tokens": "spaces" | "characters" | [[start, end], ...]}

``spaces`` and ``characters`` name the two rules the tokens follow from the text
itself; a list (code point offsets, end-exclusive) is kept only where neither
gives the tokens back (a token with a space in it, words joined without one).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

TOKENIZATION = "tokenization"

# Scripts written without spaces between words: one character is one token.
_NO_SPACE_SCRIPTS = re.compile(
    "[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"  # Thai, Lao, Myanmar, Khmer
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff"  # CJK, kana, bopomofo
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"  # Han, full-width forms
    "\U00020000-\U0003134f]")


def written_without_spaces(char: str) -> bool:
    return bool(_NO_SPACE_SCRIPTS.match(char))


def no_space_share(text: str) -> float:
    """The share of the letters of ``text`` in scripts written without spaces."""
    letters = [c for c in text if not c.isspace() and unicodedata.category(c)[0] in "LN"]
    if not letters:
        return 0.0
    return sum(1 for c in letters if written_without_spaces(c)) / len(letters)


def by_character(tokens: Sequence[str]) -> bool:
    """Whether a document's tokens are characters of a language without spaces:
    most are one character, and they include such characters."""
    if not tokens:
        return False
    single = sum(1 for t in tokens if len(t) == 1)
    return single * 2 >= len(tokens) and any(written_without_spaces(t[0]) for t in tokens)


@dataclass(frozen=True)
class Joined:
    text: str
    sentences: list[list[tuple[int, int]]]  # per sentence: each token's (start, end)


def join(sentences: Sequence[Sequence[str]],
         space_after: Sequence[Sequence[bool | None]] | None = None) -> Joined:
    """One sentence a line; tokens apart by a space unless the source says none is there."""
    characters = by_character([t for sentence in sentences for t in sentence])
    parts: list[str] = []
    length = 0
    placed: list[list[tuple[int, int]]] = []
    for number, sentence in enumerate(sentences):
        if number:
            parts.append("\n")
            length += 1
        offsets = []
        for index, token in enumerate(sentence):
            if index:
                told = space_after[number][index - 1] if space_after is not None else None
                spaced = told if told is not None else (
                    not characters or _apart(sentence[index - 1], token))
                if spaced:
                    parts.append(" ")
                    length += 1
            offsets.append((length, length + len(token)))
            parts.append(token)
            length += len(token)
        placed.append(offsets)
    return Joined("".join(parts), placed)


def _apart(before: str, after: str) -> bool:
    """In a text joined by characters, words of other scripts keep a space between them."""
    if len(before) == 1 and len(after) == 1:
        return False
    return before[-1].isalnum() and after[0].isalnum() and not (
        written_without_spaces(before[-1]) or written_without_spaces(after[0]))


def tokenization_meta(joined: Joined) -> dict[str, Any]:
    """What exporters need to give these tokens and sentences back."""
    flat = [pair for sentence in joined.sentences for pair in sentence]
    for rule in ("spaces", "characters"):
        if rule_offsets(joined.text, rule) == flat:
            return {"sentences": "lines", "tokens": rule}
    return {"sentences": "lines", "tokens": [list(pair) for pair in flat]}


def rule_offsets(text: str, rule: str) -> list[tuple[int, int]]:
    if rule == "spaces":
        return [m.span() for m in re.finditer(r"[^ \n]+", text)]
    return [(i, i + 1) for i, c in enumerate(text) if not c.isspace()]


def stored_tokens(text: str, meta: Mapping[str, Any] | None) -> list[tuple[int, int]] | None:
    """The source's tokens of a document, if its meta keeps them and they fit its text."""
    kept = (meta or {}).get(TOKENIZATION)
    if not isinstance(kept, Mapping):
        return None
    tokens = kept.get("tokens")
    if tokens in ("spaces", "characters"):
        return rule_offsets(text, str(tokens))
    if not isinstance(tokens, list):
        return None
    pairs: list[tuple[int, int]] = []
    previous = 0
    for pair in tokens:
        if (not isinstance(pair, list | tuple) or len(pair) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair)):
            return None
        start, end = pair
        if not previous <= start < end <= len(text) or text[start:end].strip() != text[start:end]:
            return None  # edited by hand, or not this text's: the tokeniser decides
        pairs.append((start, end))
        previous = end
    return pairs


def sentences_are_lines(meta: Mapping[str, Any] | None) -> bool:
    kept = (meta or {}).get(TOKENIZATION)
    return isinstance(kept, Mapping) and kept.get("sentences") == "lines"
