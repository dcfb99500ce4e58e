"""The article: read-only text in which coders select, tag and pick spans.

Positions from Qt are UTF-16 units; everything this view hands out is in
code points, converted by ``Utf16Map`` and nowhere else.

A selection snaps to the tokens exports write, without sentence punctuation at
its edges (core.snap): a mouse selection shows its snapped extent as soon as the
button is let go, a keyboard one a dotted line under what a label key would tag.
Alt held as the button goes down or comes up keeps the selection as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QStatusTipEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.model import Span
from annotator.core.offsets import Utf16Map
from annotator.core.snap import snap_selection
from annotator.formats.token_lookup import ExportTokens
from annotator.gui.appearance import use_reading_font
from annotator.gui.highlighter import SpanPainter
from annotator.gui.span_list import shown_text
from annotator.gui.theme import current_theme, themed_tint
from annotator.storage.span_rows import Place, RowsListener, SpanRows

READING_WIDTH_PX = 780  # about 80 characters: a comfortable line to read
SNAP_HINT = ("The selection snaps to whole words without the full stop or quotes at its "
             "ends; hold Alt as you let go of the mouse to keep it exactly as dragged.")


class ArticleView(QPlainTextEdit):
    """Shows one document's text with its spans."""

    spanClicked = Signal(str)  # uid of the span under a click, "" for none
    spanMenuRequested = Signal(str, QPoint)  # a span uid and where the menu goes
    suggestionKey = Signal(str)  # "next", "previous", "accept", "reject"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        use_reading_font(self)  # and again when the text size changes
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(18)
        self.setCursorWidth(2)
        self.setMouseTracking(True)
        self.highlighter = SpanPainter(self.document())
        self.highlighter.changed = self._spans_changed
        self._text = ""
        self._offsets = Utf16Map("")
        self._spans = SpanRows.of([])
        self._follower = _SelectionFollower(self)
        # A long report's spans are read a part at a time while the coder reads;
        # each part is a few milliseconds, so the window never waits for them all.
        self._loader = QTimer(self)
        self._loader.setInterval(0)
        self._loader.timeout.connect(self._load_more)
        self._selected_uid = ""  # the current span: what the span pane shows
        self._selected_uids: list[str] = []  # every selected span (Ctrl+click), current last
        self._member_uids: list[str] = []
        self._link_head = ""
        self._matches: list[tuple[int, int]] = []
        self._colors: dict[str, str] = {}
        self._exact = False
        self._press_pos = QPoint()
        self._tokens = ExportTokens("")
        self._preview: tuple[int, int] | None = None  # what a keyboard selection would tag
        self._hinting = False  # the status bar shows SNAP_HINT

    # -- content ---------------------------------------------------------

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = dict(colors)
        self.highlighter.set_colors(colors)
        self.viewport().update()

    def show_document(self, text: str, spans: Sequence[Span],
                      meta: Mapping[str, Any] | None = None) -> None:
        """Show ``text`` with ``spans``; ``SpanRows`` are followed as they load and change.
        ``meta`` is the document's: the tokens its source had, or its language, which
        say the tokens selections snap to."""
        self._text = text
        self._offsets = Utf16Map(text)
        self._tokens = ExportTokens(text, meta)
        if text:
            # The tokeniser loads while the coder reads: the first selection does not wait.
            self._tokens.warm_up()
        self._preview = None
        self._use_rows(spans)
        self._selected_uid = ""
        self._selected_uids = []
        self._member_uids = []
        self._link_head = ""
        self._matches = []
        self.highlighter.reset()
        self.setPlainText(text)  # blocks are coloured as they are painted
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._draw_selected()

    def update_spans(self, spans: Sequence[Span], changed: Sequence[Span] = ()) -> None:
        """New spans for the same text; recolour only what ``changed`` touched."""
        self._use_rows(spans)
        if changed:
            for span in changed:
                self.highlighter.invalidate(
                    self._offsets.to_utf16(span.start), self._offsets.to_utf16(span.end)
                )
        else:
            self.highlighter.invalidate_all()
        self.viewport().update()
        self._drop_selected(lambda uid: self._spans.by_uid(uid) is None)
        self._draw_selected()

    def _use_rows(self, spans: Sequence[Span]) -> None:
        self._spans.unsubscribe(self._follower)
        self._spans = spans if isinstance(spans, SpanRows) else SpanRows.of(spans)
        self.highlighter.set_rows(self._spans, self._offsets)
        self._spans.subscribe(self._follower)
        if self._spans.complete:
            self._loader.stop()
        else:
            self._loader.start()

    def _load_more(self) -> None:
        self._spans.load_more()
        if self._spans.complete:
            self._loader.stop()

    def _spans_changed(self) -> None:
        recoloured = self.highlighter.take_recoloured()
        if self.highlighter.painted_partly or not recoloured:
            self.highlighter.painted_partly = False  # the next paint says if it still is
            self.viewport().update()
            return
        # An edit: repaint only its lines, if they are on screen (a whole screen of text
        # costs a few milliseconds to paint).
        for block, rect in self._visible_blocks():
            if block.blockNumber() in recoloured:
                self.viewport().update(rect.toAlignedRect())

    @property
    def spans(self) -> SpanRows:
        """The spans shown (and followed)."""
        return self._spans

    @property
    def text(self) -> str:
        return self._text

    # -- selection -------------------------------------------------------

    def selection(self) -> tuple[int, int]:
        """The selected text in code points: what a label key tags. Snapped to whole
        tokens without edge punctuation, unless Alt kept it exact."""
        start, end = self.raw_selection()
        if start == end or self._exact:
            return start, end
        return self.snapped(start, end)

    def raw_selection(self) -> tuple[int, int]:
        """The selected text in code points, as the coder's cursor has it."""
        cursor = self.textCursor()
        return (self._offsets.to_codepoint(cursor.selectionStart()),
                self._offsets.to_codepoint(cursor.selectionEnd()))

    def snapped(self, start: int, end: int) -> tuple[int, int]:
        """Code points ``start:end`` snapped to this document's export tokens."""
        return snap_selection(self._text, start, end, self._tokens)

    def _show_snapped(self) -> None:
        """A mouse selection becomes what a label key will tag, so the coder sees it."""
        start, end = self.raw_selection()
        low, high = self.snapped(start, end)
        if (low, high) == (start, end):
            return
        cursor = self.textCursor()
        backwards = cursor.position() < cursor.anchor()
        cursor = self._cursor_over(*((high, low) if backwards else (low, high)), cursor)
        self.setTextCursor(cursor)
        self._hint(True)

    def _preview_keyboard_selection(self) -> None:
        """A keyboard selection is left as the keys made it (so Ctrl+Shift+Right goes
        on from where it was); a dotted line shows what a label key will tag."""
        start, end = self.raw_selection()
        preview = None
        if start < end and not self._exact:
            snapped = self.snapped(start, end)
            preview = snapped if snapped != (start, end) and snapped[0] < snapped[1] else None
        if preview != self._preview:
            self._preview = preview
            self._draw_selected()
        self._hint(preview is not None)

    def _hint(self, on: bool) -> None:
        """Say (in the window's status bar) how snapping works while it shows."""
        if on or self._hinting:
            self._hinting = on
            QApplication.sendEvent(self, QStatusTipEvent(SNAP_HINT if on else ""))

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``start:end`` as if the coder had."""
        self.setTextCursor(self._cursor_over(start, end, self.textCursor()))

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self._forget_preview()

    def _forget_preview(self) -> None:
        self._hint(False)
        if self._preview is not None:
            self._preview = None
            self._draw_selected()

    def _drop_selected(self, gone: Callable[[str], bool]) -> None:
        """Spans that are ``gone`` are selected no more; the last one left is current."""
        self._selected_uids = [uid for uid in self._selected_uids if not gone(uid)]
        if self._selected_uid and gone(self._selected_uid):
            self._selected_uid = self._selected_uids[-1] if self._selected_uids else ""

    def selected_span(self) -> Span | None:
        """The current span: the one selected last."""
        return self._spans.by_uid(self._selected_uid) if self._selected_uid else None

    def selected_span_uids(self) -> list[str]:
        """Every selected span, in the order chosen; the current one is last."""
        return list(self._selected_uids)

    def select_spans(self, uids: Sequence[str]) -> None:
        """Select several spans (Ctrl+click); the last becomes the current one.
        All are drawn as selected."""
        chosen = [uid for uid in dict.fromkeys(uids) if uid and self._spans.by_uid(uid)]
        if chosen == self._selected_uids and (chosen[-1] if chosen else "") == self._selected_uid:
            return
        self._selected_uids = chosen
        self._selected_uid = chosen[-1] if chosen else ""
        self._draw_selected()

    def select_span(self, uid: str) -> None:
        """Select one span (and no other); "" selects none."""
        self._selected_uid = uid if uid and self._spans.by_uid(uid) is not None else ""
        self._selected_uids = [self._selected_uid] if self._selected_uid else []
        self._draw_selected()
        span = self.selected_span()
        if span is not None and not span.start <= self.cursor_position() <= span.end:
            # A click inside the span leaves the cursor where it was: it says which
            # fragment a "remove fragment" means.
            cursor = self.textCursor()
            cursor.setPosition(self._offsets.to_utf16(span.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def point_under(self, position: int) -> QPoint:
        """A point on the screen just below code point ``position``: where a popup
        about the text there goes."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(position))
        rect = self.cursorRect(cursor)
        return self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 4))

    def cursor_position(self) -> int:
        """Where the text cursor is, in code points."""
        return self._offsets.to_codepoint(self.textCursor().position())

    def span_uid_at(self, point: QPoint) -> str:
        position = self.cursorForPosition(point).position()
        # cursorForPosition lands between characters; the character under the
        # pointer is the one after that gap unless the pointer is on its right half.
        rect = self.cursorRect(self.cursorForPosition(point))
        if point.x() < rect.x() and position > 0:
            position -= 1
        found = self.highlighter.spans_at(position)
        return found[0].uid if found else ""

    def highlight_members(self, uids: Sequence[str]) -> None:
        """Outline the spans of one event, so the coder sees what it groups."""
        self._member_uids = [uid for uid in uids if self._spans.by_uid(uid) is not None]
        self._draw_selected()

    def mark_matches(self, terms: Sequence[str], *, literal: bool = False) -> list[tuple[int, int]]:
        """Mark where ``terms`` occur (case aside; search words also as word starts),
        show the first, and return them all in code points."""
        self._matches = []
        if terms:
            if literal:
                pattern = "|".join(re.escape(t) for t in terms)
            else:
                pattern = r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*"
            self._matches = [m.span() for m in re.finditer(pattern, self._text, re.IGNORECASE)]
        self._draw_selected()
        if self._matches and not literal:
            self.select_range(*self._matches[0])
            self.ensureCursorVisible()
        return list(self._matches)

    def _draw_selected(self) -> None:
        """Search matches, the members of the event being made, and the selected span,
        drawn over the spans' own colours."""
        extra = []
        theme = current_theme()
        match = QTextCharFormat()
        match.setBackground(QColor(theme.search_match))
        match.setForeground(QColor(theme.search_match_text))
        extra += [self._extra(start, end, match) for start, end in self._matches]
        member_format = QTextCharFormat()
        member_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        member_format.setUnderlineColor(QColor(theme.text))
        member_format.setFontUnderline(True)
        members = [self._spans.by_uid(uid) for uid in self._member_uids]
        # Piece by piece: the gap of a discontinuous span is not part of it.
        extra += [self._extra(low, high, member_format) for m in members if m is not None
                  for low, high in m.pieces]
        for uid in self._selected_uids:
            span = self._spans.by_uid(uid)
            if span is not None:
                fmt = self._selected_format(span.label, current=uid == self._selected_uid)
                extra += [self._extra(low, high, fmt) for low, high in span.pieces]
        if self._preview is not None:
            preview = QTextCharFormat()
            preview.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            preview.setUnderlineColor(QColor(theme.preview_line))
            extra.append(self._extra(*self._preview, preview))
        head = self._spans.by_uid(self._link_head) if self._link_head else None
        if head is not None:  # the span a link being made starts from: over its selection
            head_format = QTextCharFormat()
            head_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            head_format.setUnderlineColor(QColor(theme.error_text))
            extra += [self._extra(low, high, head_format) for low, high in head.pieces]
        self.setExtraSelections(extra)

    def _selected_format(self, label: str, *, current: bool) -> QTextCharFormat:
        """A selected span: a stronger tint of its colour, underlined; the current one
        (whose attributes the pane shows) with a solid line, the others dashed."""
        fmt = QTextCharFormat()
        color = QColor(self._colors.get(label, "#888888"))
        theme = current_theme()
        # Stronger than a span's own tint, as far as the theme's text stays readable on it.
        fmt.setBackground(themed_tint(color.name(), 0.6, theme))
        fmt.setForeground(QColor(theme.text))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline if current
                              else QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(color.darker(130 if current else 160))
        return fmt

    def mark_link_head(self, uid: str) -> None:
        """Mark the span a link starts from (a wavy line) while its other end is chosen."""
        self._link_head = uid
        self._draw_selected()

    def _cursor_over(self, start: int, end: int, cursor: QTextCursor | None = None,
                     ) -> QTextCursor:
        """``cursor`` (or a new one) selecting code points ``start:end``."""
        cursor = cursor if cursor is not None else QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _extra(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor_over(start, end)
        selection.format = fmt
        return selection

    # -- events ----------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self.format_visible_blocks()
        super().paintEvent(event)

    def format_visible_blocks(self) -> None:
        """Colour the blocks on screen that are not coloured yet, and set right-to-left
        paragraphs against the right edge."""
        for block, _rect in self._visible_blocks():
            self.highlighter.ensure_formatted(block)
            align_right_to_left(block, self.document().documentMargin())

    def _visible_blocks(self) -> Iterator[tuple[QTextBlock, QRectF]]:
        """The blocks on screen, each with where it is in the viewport."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = self.viewport().height()
        while block.isValid():
            rect = self.blockBoundingGeometry(block).translated(offset)
            if rect.top() > bottom:
                break
            yield block, rect
            block = block.next()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        self._exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        self._forget_preview()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if (point - self._press_pos).manhattanLength() < 4 and not self.textCursor().hasSelection():
            # Ctrl+click as well: the window adds the span to the selection or takes it out.
            self.spanClicked.emit(self.span_uid_at(point))
            return
        if event.button() != Qt.MouseButton.LeftButton or not self.textCursor().hasSelection():
            return
        # Alt as the button comes up keeps the drag as it is too: where a window manager
        # takes Alt+drag for moving windows, Alt can still be pressed during the drag.
        self._exact = self._exact or bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if not self._exact:
            self._show_snapped()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        uid = self.span_uid_at(self.viewport().mapFromGlobal(event.globalPos()))
        if uid:
            self.spanMenuRequested.emit(uid, event.globalPos())
        else:
            super().contextMenuEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and self._spans.suggestions()):
            self.suggestionKey.emit("accept")
            return
        before = (self.textCursor().anchor(), self.textCursor().position())
        super().keyPressEvent(event)
        cursor = self.textCursor()
        if (cursor.anchor(), cursor.position()) != before:
            # A selection made with the keyboard snaps like one made with the mouse,
            # unless Alt is held as well.
            self._exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            self._preview_keyboard_selection()

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab move between suggestions while there are any; otherwise
        # they move the focus on, as everywhere else.
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and self._spans.suggestions()):
            backwards = (event.key() == Qt.Key.Key_Backtab
                         or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            self.suggestionKey.emit("previous" if backwards else "next")
            return True
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            uid = self.span_uid_at(event.pos())
            span = self._spans.by_uid(uid) if uid else None
            if span is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), span_tooltip(span), self.viewport())
            return True
        return super().viewportEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # A closing window closes its corpus next: read nothing more from it.
        self._loader.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._spans.complete:
            self._loader.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Keep lines at a readable length on wide screens by centring the text.
        spare = max(0, self.width() - READING_WIDTH_PX)
        self.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)
        super().resizeEvent(event)


class _SelectionFollower(RowsListener):
    """Keeps what the view marks over the spans (the selected span, an event's
    members) in step with the rows."""

    def __init__(self, view: ArticleView) -> None:
        self._view = view

    def row_removed(self, row: int, place: Place) -> None:
        view, uid = self._view, place[3]
        if uid in view._selected_uids or uid == view._selected_uid or uid in view._member_uids:
            view._drop_selected(lambda selected: selected == uid)
            view._member_uids = [m for m in view._member_uids if m != uid]
            view._draw_selected()

    def row_changed(self, row: int, before: Place, after: Place) -> None:
        if after[3] in self._view._selected_uids:  # its colour may have changed
            self._view._draw_selected()


def span_tooltip(span: Span) -> str:
    lines = [f"<b>{escape(span.label)}</b> — {escape(shown_text(span))}",
             f"coder: {escape(span.coder)} · {span.origin}"]
    lines += [f"{escape(str(key))}: {escape(str(value))}" for key, value in span.attrs.items()]
    return "<br>".join(lines)


def align_right_to_left(block: QTextBlock, margin: float) -> None:
    """Set the lines of a right-to-left paragraph against the right edge.

    QPlainTextEdit lays every line out from the left edge whatever its direction
    (its layout takes the document's one text option, where "left" is not
    mirrored), so an Arabic paragraph would be ragged on the side it starts from.
    Moving a line moves what Qt draws, hit-tests and places the caret by, so
    selecting, clicking and the spans' colours follow. A layout that is done again
    starts from the left: this runs before every paint.
    """
    if block.textDirection() != Qt.LayoutDirection.RightToLeft:
        return
    layout = block.layout()
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        x = margin + max(0.0, line.width() - line.naturalTextWidth())
        if line.x() != x:
            line.setPosition(QPointF(x, line.y()))
