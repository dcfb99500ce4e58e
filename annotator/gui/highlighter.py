"""Drawing spans: coloured tints per block, overlaps shown by underlines.

Only the blocks Qt asks about are coloured, and an edit recolours only the
blocks its span touches, so a document of any size stays quick.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Span
from annotator.core.offsets import Utf16Map
from annotator.gui.style import tint


@dataclass(frozen=True, slots=True)
class DrawnSpan:
    """A span in Qt's units (UTF-16), ready to paint."""

    start: int
    end: int
    label: str
    uid: str


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[DrawnSpan] = []
        self._starts: list[int] = []
        self._longest = 0
        self._colors: dict[str, str] = {}

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = dict(colors)

    def set_spans(self, spans: Sequence[Span], offsets: Utf16Map) -> None:
        drawn = sorted(
            (DrawnSpan(offsets.to_utf16(s.start), offsets.to_utf16(s.end), s.label, s.uid)
             for s in spans),
            key=lambda d: (d.start, d.end),
        )
        self._spans = drawn
        self._starts = [d.start for d in drawn]
        self._longest = max((d.end - d.start for d in drawn), default=0)

    def spans_at(self, position: int) -> list[DrawnSpan]:
        """Spans covering UTF-16 ``position``, shortest first."""
        return sorted(self._covering(position, position + 1), key=lambda d: d.end - d.start)

    def _covering(self, start: int, end: int) -> list[DrawnSpan]:
        # A span that reaches into [start, end) starts at most `longest`
        # before it, so only that window of the sorted list is looked at.
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [d for d in self._spans[lo:hi] if d.end > start]

    def rehighlight_range(self, start: int, end: int) -> None:
        """Recolour the blocks that UTF-16 range ``start:end`` touches."""
        document = self.document()
        block = document.findBlock(start)
        while block.isValid() and block.position() <= end:
            self.rehighlightBlock(block)
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        here = self._covering(block_start, block_end)
        if not here:
            return
        cuts = sorted({block_start, block_end}
                      | {max(block_start, min(block_end, p)) for d in here
                         for p in (d.start, d.end)})
        for left, right in itertools.pairwise(cuts):
            covering = [d for d in here if d.start < right and d.end > left]
            if covering:
                self.setFormat(left - block_start, right - left, self._format(covering))

    def _format(self, covering: list[DrawnSpan]) -> QTextCharFormat:
        covering.sort(key=lambda d: d.end - d.start)
        innermost, outermost = covering[0], covering[-1]
        fmt = QTextCharFormat()
        fmt.setBackground(tint(self._colors.get(innermost.label, "#888888")))
        if len(covering) > 1:
            # The enclosing span shows as a thick underline in its own colour.
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(self._colors.get(outermost.label, "#888888")))
            fmt.setFontUnderline(True)
        return fmt
