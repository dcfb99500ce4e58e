"""Discontinuous spans in the window: add a range to the selected span, take a piece away.

With a span selected, the coder selects another stretch (mouse or Shift+arrows)
and presses Shift+Enter: the span gains it as a fragment ("is" … "n't"). Shift+
Backspace takes away the piece the cursor is in (a span clicked keeps the cursor
where the click was); the span's menu names each piece. Each is one ChangeSpan,
undoable like any other edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.core.commands import ChangeSpan
from annotator.core.fragments import piece_at, with_pieces
from annotator.core.model import Fragment, InvalidRecord
from annotator.gui.span_list import shown_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from annotator.gui.workbench import Workbench


class FragmentActions:
    def __init__(self, bench: Workbench) -> None:
        self.bench = bench
        self.session = bench.session

    def populate(self, menu: QMenu) -> None:
        actions = self.bench.actions
        actions.bind("edit.add_range", self.add_range)
        actions.bind("edit.remove_fragment", lambda: self.remove_piece())
        actions.fill(menu, "edit.add_range", "edit.remove_fragment")

    def _say(self, message: str, ms: int = 6000) -> None:
        self.session.say(message, ms)

    def add_range(self) -> None:
        """The selected text becomes another piece of the selected span."""
        view = self.bench.view
        span = self.session.current_span
        start, end = view.selection()
        if span is None:
            self._say(QCoreApplication.translate(
                "FragmentActions", "Click the span first, then select the stretch to add to it "
                "and press Shift+Enter."))
            return
        if start >= end:
            self._say(QCoreApplication.translate(
                "FragmentActions", "Select the stretch to add to “{span}”, then press "
                "Shift+Enter.").format(span=shown_text(span)))
            return
        if span.origin == "suggested":
            self._say(QCoreApplication.translate(
                "FragmentActions", "Accept the suggestion (Enter) before adding to it."))
            return
        after = with_pieces(span, (*span.pieces, (start, end)), view.text)
        if after.pieces == span.pieces:
            self._say(QCoreApplication.translate(
                "FragmentActions", "That stretch is already part of the span."), 4000)
            return
        if self.session.do(ChangeSpan(span, after)):
            view.clear_selection()
            self.session.select(span.uid)
            self._say(QCoreApplication.translate(
                "FragmentActions", "“{span}”: {count} piece(s).").format(
                    span=shown_text(after), count=len(after.pieces)), 5000)

    def remove_piece(self, piece: Fragment | None = None) -> None:
        """Take ``piece`` (or the one at the cursor or selection) from the selected span."""
        view = self.bench.view
        span = self.session.current_span
        if self.session.read_only:  # the key is disabled; the span's menu still offers it
            self._say(QCoreApplication.translate(
                "FragmentActions", "read-only: {why} — nothing can be changed here.").format(
                    why=self.session.read_only))
            return
        if span is None or not span.fragments:
            self._say(QCoreApplication.translate(
                "FragmentActions",
                "Select a span of several pieces first; Delete removes a whole span."))
            return
        if piece is None:
            start, end = view.selection()
            if start == end:
                start = end = view.cursor_position()
            piece = piece_at(span, start, end)
        if piece is None:
            self._say(QCoreApplication.translate(
                "FragmentActions",
                "Put the cursor in the piece to take away (or right-click the span)."))
            return
        try:
            after = with_pieces(span, [p for p in span.pieces if p != piece], view.text)
        except (ValueError, InvalidRecord) as exc:
            self._say(QCoreApplication.translate("FragmentActions", "Not changed: {reason}.")
                      .format(reason=exc))
            return
        if self.session.do(ChangeSpan(span, after)):
            self.session.select(span.uid)
            self._say(QCoreApplication.translate(
                "FragmentActions", "Took “{piece}” from the span: now “{span}”.").format(
                    piece=view.text[piece[0]:piece[1]], span=shown_text(after)), 5000)
