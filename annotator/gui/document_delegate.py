"""The corpus list's title cell: the title, and under it, when searching, where the
search matched, the matched words in bold.

Titles and snippets come from imported files, so they are drawn as text, piece by
piece, and never handed to anything that reads HTML: a title such as
``<b>x</b> &amp; y`` shows exactly those characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from annotator.core.search import search_terms
from annotator.gui.theme import current_theme

# The title cell's snippet, as (text, matched) pieces; None when not searching.
SNIPPET_ROLE = int(Qt.ItemDataRole.UserRole) + 1
PADDING = 4  # above, between and below the two lines

Index = QModelIndex | QPersistentModelIndex
Pieces = list[tuple[str, bool]]


def match_pattern(search: str) -> re.Pattern[str] | None:
    """The words a snippet marks for ``search`` (an FTS5 query), as the corpus's
    snippet finds them: each word, or a word it begins, case aside."""
    terms = search_terms(search.replace('"', " "))
    if not terms:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*",
                      re.IGNORECASE)


def snippet_pieces(snippet: str, pattern: re.Pattern[str] | None) -> Pieces:
    """``snippet`` (matches wrapped in [ ]) as pieces, the brackets it added taken off.

    A bracket of the text itself stays: only a match of ``pattern`` with a bracket on
    each side is one the snippet marked, and every match it holds was marked, so
    "[Reuters]" of the text, when Reuters is searched for, comes back as "[" + match + "]".
    """
    pieces: Pieces = []
    at = 0
    for found in pattern.finditer(snippet) if pattern else ():
        start, end = found.span()
        if start == 0 or end >= len(snippet) or snippet[start - 1] != "[" \
                or snippet[end] != "]":
            continue
        if start - 1 > at:
            pieces.append((snippet[at:start - 1], False))
        pieces.append((found.group(), True))
        at = end + 1
    if at < len(snippet):
        pieces.append((snippet[at:], False))
    return pieces


class TitleDelegate(QStyledItemDelegate):
    """Paints a title cell: one line, or two with the search's snippet under the title."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""  # the style draws the background, selection and focus; the text is ours
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        ink = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.Text)
        pieces = index.data(SNIPPET_ROLE)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(ink)
        metrics = QFontMetrics(opt.font)
        if not pieces:
            painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()))
            painter.restore()
            return
        line = metrics.height()
        top = area.top() + max(0, (area.height() - 2 * line - PADDING) // 2)
        painter.drawText(QRect(area.left(), top, area.width(), line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()))
        muted = QColor(ink)
        if not selected:
            muted.setAlphaF(0.75)  # the snippet reads as a second, quieter line
        self._paint_pieces(painter, pieces, QRect(area.left(), top + line + PADDING,
                                                  area.width(), line),
                           opt.font, muted, selected)
        painter.restore()

    @staticmethod
    def _paint_pieces(painter: QPainter, pieces: Sequence[tuple[str, bool]], line: QRect,
                      font: QFont, ink: QColor, selected: bool) -> None:
        """The pieces left to right, matches bold (on yellow unless the row is selected),
        the last one that does not fit cut with an ellipsis."""
        bold = QFont(font)
        bold.setBold(True)
        x, right = line.left(), line.right() + 1
        theme = current_theme()  # read as it paints: a theme switched since is followed
        pieces = _first_match_in_view(pieces, QFontMetrics(font), QFontMetrics(bold),
                                      right - x)
        for text, matched in pieces:
            metrics = QFontMetrics(bold if matched else font)
            room = right - x
            shown = text if metrics.horizontalAdvance(text) <= room else \
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            if not shown:
                break
            width = metrics.horizontalAdvance(shown)
            box = QRect(x, line.top(), width, line.height())
            painter.setFont(bold if matched else font)
            if matched and not selected:
                painter.fillRect(box, QColor(theme.search_match))
                painter.setPen(QColor(theme.search_match_text))
            else:
                painter.setPen(ink)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             shown)
            x += width
            if shown != text:
                break

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        if index.data(SNIPPET_ROLE):
            hint.setHeight(two_line_height(QFontMetrics(option.font)))
        return hint


def _first_match_in_view(pieces: Sequence[tuple[str, bool]], plain: QFontMetrics,
                         bold: QFontMetrics, room: int) -> Sequence[tuple[str, bool]]:
    """The pieces, the words before the first match cut from the left when they
    would push the match out of a narrow column: the match is what the line is for."""
    first = next((at for at, (_text, matched) in enumerate(pieces) if matched), None)
    if not first:  # no match, or the line begins with it
        return pieces
    before = "".join(text for text, _matched in pieces[:first])
    if plain.horizontalAdvance(before) + bold.horizontalAdvance(pieces[first][0]) <= room:
        return pieces
    kept = plain.elidedText(before, Qt.TextElideMode.ElideLeft, room // 3)
    if kept and kept != before:
        # Whole words after the ellipsis: "… in attack", not "…d in attack".
        space = kept.find(" ")
        kept = "…" + kept[space:] if space >= 0 else "…"
    return [(kept, False), *pieces[first:]] if kept else list(pieces[first:])


def two_line_height(metrics: QFontMetrics) -> int:
    """A row with a title and a snippet under it."""
    return 2 * metrics.height() + 3 * PADDING
