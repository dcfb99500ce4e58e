"""Driving the article view the way a coder does: mouse drags and keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from annotator.core.offsets import Utf16Map
from annotator.gui.article_view import ArticleView


def point_of(view: ArticleView, codepoint: int) -> QPoint:
    """The viewport point just inside the character at ``codepoint``."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(Utf16Map(view.text).to_utf16(codepoint))
    rect = view.cursorRect(cursor)
    return QPoint(rect.x() + 2, rect.center().y())


def drag_select(view: ArticleView, start: int, end: int) -> None:
    """Press at ``start``, drag to ``end``, release: a real mouse selection."""
    view.ensureCursorVisible()
    viewport = view.viewport()
    begin, finish = point_of(view, start), point_of(view, end)
    begin.setX(begin.x() - 2)
    finish.setX(finish.x() - 2)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, begin)
    QTest.mouseMove(viewport, finish)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       finish)


def click_at(view: ArticleView, codepoint: int) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point_of(view, codepoint))


def press(widget, key: Qt.Key | str, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    if isinstance(key, str):
        QTest.keyClicks(widget, key, modifiers)
    else:
        QTest.keyClick(widget, key, modifiers)


def search_corpus(qtbot, window, text: str) -> None:
    """Type ``text`` into the corpus search box, key by key, and wait for the answer."""
    field = window.document_pane.search
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)
    qtbot.waitUntil(lambda: window.documents.search == text and not window.documents.searching)
