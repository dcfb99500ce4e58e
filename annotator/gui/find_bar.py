"""Find in the open document (Ctrl+F): every match marked, Enter and F3 step through."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from annotator.gui.article_view import ArticleView


class FindField(QLineEdit):
    """Enter finds the next match, Shift+Enter the one before, Escape closes."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__()
        self._bar = bar

    def event(self, event: QEvent) -> bool:
        # Shift+Enter is also the window's "add the selected text to the span": here it
        # means the match before, so the field takes it before the window's shortcut.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.ShiftModifier):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._bar.step(-1 if backwards else 1)
        elif event.key() == Qt.Key.Key_Escape:
            self._bar.close_bar()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, view: ArticleView) -> None:
        super().__init__()
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.field = FindField(self)
        self.field.setPlaceholderText(self.tr("Find in this document"))
        self.field.textChanged.connect(self._find)
        self.count = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for text, slot in (("↑", lambda: self.step(-1)), ("↓", lambda: self.step(1)),
                           ("✕", self.close_bar)):
            button = QPushButton(text)
            button.setFixedWidth(32)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.hide()

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._find(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self._view.mark_matches([])
        self._view.setFocus()

    def _find(self, text: str) -> None:
        self._matches = self._view.mark_matches([text] if text.strip() else [], literal=True)
        self._current = -1
        if self._matches:
            self.step(1)
        else:
            self.count.setText(self.tr("no match") if text.strip() else "")

    def step(self, direction: int) -> None:
        if not self._matches:
            return
        self._current = (self._current + direction) % len(self._matches)
        start, end = self._matches[self._current]
        self._view.select_range(start, end)
        self._view.ensureCursorVisible()
        self.count.setText(self.tr("{current} of {total}").format(
            current=self._current + 1, total=len(self._matches)))
