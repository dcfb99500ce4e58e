"""Drawing spans: coloured tints per block, overlaps shown by underlines.

Blocks are coloured only when they are about to be painted, and an edit
recolours only the blocks its span touches, so opening a 1 MB report with
10,000 spans costs no more than the screenful the coder sees. Colours and
underlines never change a line's metrics, so no block is laid out again.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from annotator.core.offsets import Utf16Map
from annotator.gui.style import tint


class DrawnSpan(NamedTuple):
    """A span in Qt's units (UTF-16), ready to paint."""

    start: int
    end: int
    label: str
    uid: str
    origin: str = "manual"
    coder: str = ""


class SpanPainter:
    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._spans: list[DrawnSpan] = []
        self._starts: list[int] = []
        self._longest = 0
        self._colors: dict[str, str] = {}
        self._formatted: set[int] = set()  # block numbers whose formats are current
        self.owner = ""  # the window's coder: others' spans are drawn apart

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = dict(colors)
        self._formatted.clear()

    def set_spans(self, places: Iterable[tuple[int, int, str, str, str, str]],
                  offsets: Utf16Map) -> None:
        """Spans as (start, end, label, uid, origin, coder) in code points."""
        # Places come in reading order (start, then end), the order lookups rely on,
        # and converting offsets keeps it. Most texts have nothing to convert.
        if offsets.is_identity:
            drawn = [DrawnSpan._make(place) for place in places]
        else:
            to_utf16 = offsets.to_utf16
            drawn = [DrawnSpan(to_utf16(start), to_utf16(end), label, uid, origin, coder)
                     for start, end, label, uid, origin, coder in places]
        self._spans = drawn
        self._starts = [d.start for d in drawn]
        self._longest = max((d.end - d.start for d in drawn), default=0)

    def reset(self) -> None:
        """A new text: every block will be coloured when first painted."""
        self._formatted.clear()

    def spans_at(self, position: int) -> list[DrawnSpan]:
        """Spans covering UTF-16 ``position``, shortest first."""
        return sorted(self._covering(position, position + 1), key=lambda d: d.end - d.start)

    def _covering(self, start: int, end: int) -> list[DrawnSpan]:
        # A span that reaches into [start, end) starts at most `longest`
        # before it, so only that window of the sorted list is looked at.
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [d for d in self._spans[lo:hi] if d.end > start]

    def invalidate(self, start: int, end: int) -> None:
        """Blocks that UTF-16 range ``start:end`` touches are recoloured when next painted."""
        block = self._document.findBlock(start)
        while block.isValid() and block.position() <= end:
            self._formatted.discard(block.blockNumber())
            block = block.next()

    def invalidate_all(self) -> None:
        self._formatted.clear()

    def ensure_formatted(self, block: QTextBlock) -> None:
        number = block.blockNumber()
        if number in self._formatted:
            return
        self._formatted.add(number)
        block.layout().setFormats(self.ranges(block))

    def ranges(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        block_start = block.position()
        block_end = block_start + block.length() - 1
        here = self._covering(block_start, block_end)
        if not here:
            return []
        cuts = sorted({block_start, block_end}
                      | {max(block_start, min(block_end, p)) for d in here
                         for p in (d.start, d.end)})
        ranges = []
        for left, right in itertools.pairwise(cuts):
            covering = [d for d in here if d.start < right and d.end > left]
            if not covering:
                continue
            coded = sorted((d for d in covering if d.origin != "suggested"),
                           key=lambda d: d.end - d.start)
            item = QTextLayout.FormatRange()
            item.start = left - block_start
            item.length = right - left
            if coded:
                item.format = self._format(coded[0].label,
                                           coded[-1].label if len(coded) > 1 else None)
                if self.owner and all(d.coder != self.owner for d in coded):
                    item.format = _others(item.format)
            else:  # only suggestions here: drawn apart, a dashed line and no tint
                item.format = _suggested(self._colors.get(covering[0].label, "#888888"))
            ranges.append(item)
        return ranges

    def _format(self, inner: str, outer: str | None) -> QTextCharFormat:
        return _format(self._colors.get(inner, "#888888"),
                       self._colors.get(outer, "#888888") if outer else None)


def _others(base: QTextCharFormat) -> QTextCharFormat:
    """Another coder's span: its tint, with a dotted line under it."""
    fmt = QTextCharFormat(base)
    # (setFontUnderline would turn any style back into a single line)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor("#57606a"))
    return fmt


@lru_cache(maxsize=64)
def _suggested(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(QColor(color))
    fmt.setBackground(tint(color, 0.08))
    return fmt


@lru_cache(maxsize=256)
def _format(inner_color: str, outer_color: str | None) -> QTextCharFormat:
    """The look of a stretch of text: the innermost span's tint; an enclosing
    span shows as an underline in its own colour."""
    fmt = QTextCharFormat()
    fmt.setBackground(tint(inner_color))
    if outer_color:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(outer_color))
        fmt.setFontUnderline(True)
    return fmt
