"""A first copy's spans carried to a near-identical copy of the story.

The two texts are aligned word by word (difflib); a span goes where its words
went, and is carried only if the copy has exactly its text there. A span in a
passage the copy rewrote or cut is not carried, and counted: the coder is told
how many stayed behind rather than given a span on the wrong words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import Match, SequenceMatcher

from annotator.core.model import Span

_WORD = re.compile(r"\S+")
# How far from where the alignment puts it a span's text may be found instead (a
# changed word just before it shifts the place by a few characters).
_REACH = 200


@dataclass(frozen=True, slots=True)
class Carried:
    spans: list[tuple[int, int, Span]]  # where in the copy, and the first copy's span
    left: list[Span]  # the first copy's spans the copy has no place for


class _Words:
    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        self.starts = [start for start, _end, _word in found]
        self.words = [word for _start, _end, word in found]

    def index_at(self, offset: int) -> int:
        """The word that holds ``offset``, or the one before it."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


def carry(first: str, copy: str, spans: Sequence[Span]) -> Carried:
    """Where each of ``spans`` (of ``first``) falls in ``copy``, or that it has no place."""
    source, target = _Words(first), _Words(copy)
    blocks = SequenceMatcher(None, source.words, target.words).get_matching_blocks()
    block_starts = [block.a for block in blocks]
    carried: list[tuple[int, int, Span]] = []
    left: list[Span] = []
    for span in spans:
        place = _mapped(span.start, source, target, blocks, block_starts)
        found = _nearest(copy, span.text, place) if place is not None else None
        if found is None:
            left.append(span)
        else:
            carried.append((found, found + len(span.text), span))
    return Carried(carried, left)


def _mapped(offset: int, source: _Words, target: _Words, blocks: list[Match],
            starts: list[int]) -> int | None:
    """Where ``offset`` of the first text falls in the copy, through the aligned words."""
    if not source.words or not target.words:
        return None
    word = source.index_at(offset)
    at = bisect.bisect_right(starts, word) - 1
    if at < 0:
        return None
    block = blocks[at]
    if not block.size:
        return None
    if word >= block.a + block.size:
        # In a passage the copy changed: where the last aligned word before it went.
        return target.starts[block.b + block.size - 1]
    within = offset - source.starts[word]
    return target.starts[block.b + (word - block.a)] + within


def _nearest(text: str, wanted: str, place: int) -> int | None:
    """The start of the occurrence of ``wanted`` nearest ``place``, within reach."""
    if not wanted:
        return None
    best: int | None = None
    start = max(place - _REACH, 0)
    while (found := text.find(wanted, start, place + _REACH + len(wanted))) != -1:
        if best is None or abs(found - place) < abs(best - place):
            best = found
        start = found + 1
    return best
