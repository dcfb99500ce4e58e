"""Making and unmaking discontinuous spans: a range added to a span, a piece taken away."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from annotator.core.model import Fragment, Span


def merged(pieces: Iterable[Fragment]) -> tuple[Fragment, ...]:
    """``pieces`` in order, those that overlap or touch made one (a fragment is kept
    apart from the next by at least one character)."""
    out: list[Fragment] = []
    for low, high in sorted(pieces):
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return tuple(out)


def with_pieces(span: Span, pieces: Iterable[Fragment], text: str) -> Span:
    """``span`` covering ``pieces`` of the document ``text`` instead: its hull (start,
    end and text, gaps included) follows, and one piece means no fragments."""
    parts = merged(pieces)
    if not parts:
        raise ValueError("a span needs at least one piece")
    start, end = parts[0][0], parts[-1][1]
    return dataclasses.replace(span, start=start, end=end, text=text[start:end],
                               fragments=parts if len(parts) > 1 else ())


def piece_at(span: Span, start: int, end: int) -> Fragment | None:
    """The piece of ``span`` that ``start:end`` (a selection, or a cursor where the two
    are equal) falls in or overlaps; None if it is in a gap or outside."""
    for low, high in span.pieces:
        if (low < end and high > start) or (start == end and low <= start <= high):
            return (low, high)
    return None
