"""Drawing spans: coloured tints per block, overlaps shown by underlines.

Blocks are coloured only when they are about to be painted, and an edit
recolours only the blocks its span touches, so opening a 10 MB report with
100,000 spans costs no more than the screenful the coder sees. Colours and
underlines never change a line's metrics, so no block is laid out again.

The painter listens to the document's ``SpanRows``: it keeps one entry per
loaded row, in the rows' order, and an inserted, removed or changed row is one
list operation and one block to recolour, never a pass over every span.

A discontinuous span ("is" … "n't") is drawn piece by piece: its pieces carry
its tint, the gap between them only a thin dotted line in its colour, so the
pieces read as one span without colouring words that are not in it.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from annotator.core.offsets import Utf16Map
from annotator.gui.theme import current_theme, highlight_colors, theme_named
from annotator.storage.span_rows import Place, RowsListener, SpanRows, place_pieces


class DrawnSpan(NamedTuple):
    """A span in Qt's units (UTF-16), ready to paint."""

    start: int
    end: int
    label: str
    uid: str
    origin: str = "manual"
    coder: str = ""
    # The pieces of a discontinuous span, in UTF-16; None for a span of one piece.
    fragments: tuple[tuple[int, int], ...] | None = None


# Index into a drawn entry: plain tuples laid out as DrawnSpan (making 100,000
# named tuples would cost more than reading the spans).
START, END, LABEL, UID, ORIGIN, CODER, FRAGMENTS = range(7)
# A place in UTF-16 units, its fragments made into pieces (None for one piece).
Drawn = tuple[int, int, str, str, str, str, tuple[tuple[int, int], ...] | None]


class SpanPainter(RowsListener):
    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._rows: SpanRows | None = None
        self._offsets = Utf16Map("")
        self._drawn: list[Drawn] = []  # one per loaded row, in UTF-16 units
        self._starts: list[int] = []  # their starts, for bisecting
        self._longest = 0  # no drawn span is longer (after removals, perhaps shorter)
        self._known_before: float = float("inf")  # UTF-16: every span starting before is here
        self._colors: dict[str, str] = {}
        self._formatted: set[int] = set()  # block numbers whose formats are final
        self._recolour: set[int] = set()  # blocks invalidated since the view last repainted
        self.painted_partly = False  # a block was painted before all its spans were read
        self.changed: Callable[[], None] = lambda: None  # something shown must be repainted
        self.owner = ""  # the window's coder: others' spans are drawn apart

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = dict(colors)
        self._formatted.clear()

    def set_rows(self, rows: SpanRows, offsets: Utf16Map) -> None:
        """Draw ``rows`` (and follow them from now on) over a text with ``offsets``."""
        if self._rows is not None:
            self._rows.unsubscribe(self)
        self._rows, self._offsets = rows, offsets
        rows.subscribe(self)
        self._drawn = self._to_utf16(list(rows.places()))
        self._starts = [d[START] for d in self._drawn]
        self._longest = max((d[END] - d[START] for d in self._drawn), default=0)
        self._update_known()

    def set_spans(self, places: Sequence[Place], offsets: Utf16Map) -> None:
        """Draw spans given as (start, end, label, uid, origin, coder, fragments) in
        code points."""
        self.set_rows(SpanRows(places), offsets)

    def _to_utf16(self, places: list[Place]) -> list[Drawn]:
        # Places come in reading order (start, then end), the order lookups rely on,
        # and converting offsets keeps it. Most texts have nothing to convert, and
        # most spans no fragments (whose stored JSON is read into UTF-16 pieces here).
        if self._offsets.is_identity:
            return [place if place[FRAGMENTS] is None else self._pieces_utf16(place)
                    for place in places]
        to_utf16 = self._offsets.to_utf16
        return [(to_utf16(start), to_utf16(end), label, uid, origin, coder, None)
                if fragments is None else self._pieces_utf16(place)
                for place in places
                for start, end, label, uid, origin, coder, fragments in [place]]

    def _pieces_utf16(self, place: Place) -> Drawn:
        to_utf16 = self._offsets.to_utf16
        start, end, label, uid, origin, coder, fragments = place
        pieces = tuple((to_utf16(low), to_utf16(high))
                       for low, high in place_pieces(fragments, start, end))
        return (to_utf16(start), to_utf16(end), label, uid, origin, coder, pieces)

    def _update_known(self) -> None:
        known = self._rows.known_before() if self._rows is not None else float("inf")
        self._known_before = (known if known == float("inf") else self._offsets.to_utf16(
            max(0, min(int(known), self._offsets.length))))

    def drawn(self) -> list[DrawnSpan]:
        """The spans drawn so far, in reading order."""
        return [DrawnSpan._make(d) for d in self._drawn]

    @property
    def _spans(self) -> list[DrawnSpan]:  # what older tests read
        return self.drawn()

    # -- following the rows -----------------------------------------------------

    def rows_inserted(self, row: int, places: Sequence[Place]) -> None:
        known = self._known_before
        drawn = self._to_utf16(list(places))
        self._drawn[row:row] = drawn
        self._starts[row:row] = [d[START] for d in drawn]
        self._longest = max(self._longest, max(d[END] - d[START] for d in drawn))
        self._update_known()
        # Rows read as the coder reads lie past every final block; an edit's do not.
        touched = [d for d in drawn if d[START] < known]
        for d in touched:
            self.invalidate(d[START], d[END])
        if touched or self.painted_partly:
            self.changed()

    def row_removed(self, row: int, place: Place) -> None:
        drawn = self._drawn.pop(row)
        del self._starts[row]
        self.invalidate(drawn[START], drawn[END])
        self.changed()

    def row_changed(self, row: int, before: Place, after: Place) -> None:
        old, [new] = self._drawn[row], self._to_utf16([after])
        self._drawn[row] = new
        self._longest = max(self._longest, new[END] - new[START])
        self.invalidate(min(old[START], new[START]), max(old[END], new[END]))
        self.changed()

    # -- painting ---------------------------------------------------------------------

    def reset(self) -> None:
        """A new text: every block will be coloured when first painted."""
        self._formatted.clear()
        self._recolour.clear()
        self.painted_partly = False

    def spans_at(self, position: int) -> list[DrawnSpan]:
        """Spans covering UTF-16 ``position`` (with a piece, not a gap), shortest first."""
        return sorted((DrawnSpan._make(d) for d in self._covering(position, position + 1)
                       if _covers(d, position, position + 1)),
                      key=lambda d: d.end - d.start)

    def _covering(self, start: int, end: int) -> list[Drawn]:
        # A span that reaches into [start, end) starts at most `longest`
        # before it, so only that window of the sorted list is looked at.
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [d for d in self._drawn[lo:hi] if d[END] > start]

    def invalidate(self, start: int, end: int) -> None:
        """Blocks that UTF-16 range ``start:end`` touches are recoloured when next painted."""
        block = self._document.findBlock(start)
        while block.isValid() and block.position() <= end:
            self._formatted.discard(block.blockNumber())
            self._recolour.add(block.blockNumber())
            block = block.next()

    def invalidate_all(self) -> None:
        self._formatted.clear()

    def take_recoloured(self) -> set[int]:
        """Blocks invalidated since last asked: only these need repainting."""
        blocks, self._recolour = self._recolour, set()
        return blocks

    def ensure_formatted(self, block: QTextBlock) -> None:
        number = block.blockNumber()
        if number in self._formatted:
            return
        if block.position() + block.length() - 1 <= self._known_before:
            self._formatted.add(number)
        else:  # spans reaching into it may not be read yet: colour it again then
            self.painted_partly = True
        block.layout().setFormats(self.ranges(block))

    def ranges(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        block_start = block.position()
        block_end = block_start + block.length() - 1
        here = self._covering(block_start, block_end)
        if not here:
            return []
        cuts = sorted({block_start, block_end}
                      | {max(block_start, min(block_end, p)) for d in here
                         for piece in (d[FRAGMENTS] or ((d[START], d[END]),)) for p in piece})
        ranges = []
        for left, right in itertools.pairwise(cuts):
            covering = [d for d in here if d[START] < right and d[END] > left]
            if not covering:
                continue
            pieces = [d for d in covering if _covers(d, left, right)]
            if not pieces:  # only the gap of a discontinuous span: a line joins its pieces
                item = QTextLayout.FormatRange()
                item.start, item.length = left - block_start, right - left
                item.format = _gap(self._colors.get(covering[0][LABEL], "#888888"))
                ranges.append(item)
                continue
            covering = pieces
            coded = sorted((d for d in covering if d[ORIGIN] != "suggested"),
                           key=lambda d: d[END] - d[START])
            item = QTextLayout.FormatRange()
            item.start = left - block_start
            item.length = right - left
            if coded:
                item.format = self._format(coded[0][LABEL],
                                           coded[-1][LABEL] if len(coded) > 1 else None)
                if self.owner and all(d[CODER] != self.owner for d in coded):
                    item.format = _others(item.format)
            else:  # only suggestions here: drawn apart, a dashed line and no tint
                item.format = _suggested(self._colors.get(covering[0][LABEL], "#888888"),
                                         current_theme().name)
            ranges.append(item)
        return ranges

    def _format(self, inner: str, outer: str | None) -> QTextCharFormat:
        return _format(self._colors.get(inner, "#888888"),
                       self._colors.get(outer, "#888888") if outer else None,
                       current_theme().name)


def _covers(drawn: Drawn, start: int, end: int) -> bool:
    """Whether a drawn span covers ``start:end`` with one of its pieces (the stretch
    lies between cuts, so it is inside a piece or outside all of them)."""
    fragments = drawn[FRAGMENTS]
    if fragments is None:
        return True
    return any(low < end and high > start for low, high in fragments)


@lru_cache(maxsize=64)
def _gap(color: str) -> QTextCharFormat:
    """Between the pieces of a discontinuous span: no tint (those words are not in
    it), a dotted line in its colour joining the pieces."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(color))
    return fmt


def _others(base: QTextCharFormat) -> QTextCharFormat:
    """Another coder's span: its tint, with a dotted line under it."""
    fmt = QTextCharFormat(base)
    # (setFontUnderline would turn any style back into a single line)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(current_theme().others_line))
    return fmt


@lru_cache(maxsize=64)
def _suggested(color: str, theme: str) -> QTextCharFormat:
    """A pending suggestion: a fainter tint, dashed under; ``theme`` (its name) keys
    the cache, the tint is the current theme's."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(QColor(color))
    shown = highlight_colors(color, theme_named(theme), suggested=True)
    fmt.setBackground(shown.background)
    fmt.setForeground(shown.foreground)
    return fmt


@lru_cache(maxsize=256)
def _format(inner_color: str, outer_color: str | None, theme: str) -> QTextCharFormat:
    """The look of a stretch of text: the innermost span's tint, readable in the theme;
    an enclosing span shows as an underline in its own colour."""
    fmt = QTextCharFormat()
    shown = highlight_colors(inner_color, theme_named(theme))
    fmt.setBackground(shown.background)
    fmt.setForeground(shown.foreground)
    if outer_color:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(outer_color))
        fmt.setFontUnderline(True)
    return fmt
