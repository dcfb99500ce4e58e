"""The corpus search box: searches a moment after typing stops, says how it went,
and Esc or Stop gives up on a search still running."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from annotator.gui.document_list import DocumentListModel

# Long enough that a word typed at speed is one search, short enough to feel instant.
TYPING_PAUSE_MS = 180


class SearchField(QLineEdit):
    searchRequested = Signal(str)
    stopRequested = Signal()

    def __init__(self, model: DocumentListModel) -> None:
        super().__init__()
        self._model = model
        self.setPlaceholderText(self.tr("Search corpus (Ctrl+Shift+F)"))
        self.setClearButtonEnabled(True)
        self.setToolTip(self.tr('Words, "a phrase", OR, NOT, NEAR(a b), prefix*\n'
                                "Enter searches at once; Esc stops a search or clears it"))
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.search_now)
        self.textChanged.connect(lambda _text: self._pause.start())
        self.returnPressed.connect(self.search_now)

    def search_now(self) -> None:
        self._pause.stop()
        self.searchRequested.emit(self.text())

    def clear_quietly(self) -> None:
        """Empty the box without searching (a new corpus was opened)."""
        self._pause.stop()
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)

    def _escape_is_mine(self, event: QKeyEvent) -> bool:
        return event.key() == Qt.Key.Key_Escape and (self._model.searching or bool(self.text()))

    def event(self, event: QEvent) -> bool:
        # The window's own Escape (drop the selection) must not take it from here.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self._escape_is_mine(event)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._escape_is_mine(event):
            if self._model.searching:
                self.stopRequested.emit()
            else:
                self.clear()
                self.search_now()
            event.accept()
            return
        super().keyPressEvent(event)


class SearchStatus(QWidget):
    """One line under the box: "Searching…" with Stop, then how many were found."""

    def __init__(self, model: DocumentListModel) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setObjectName("searchStatus")
        # A search cannot say how far along it is; a moving bar says it is at work.
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(56, 8)
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setToolTip(self.tr("Stop this search (Esc)"))
        self.stop.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stop.clicked.connect(lambda _checked: model.stop_search())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.stop)
        model.searchState.connect(self.show_state)
        self.show_state("", False)

    def show_state(self, text: str, busy: bool) -> None:
        self.label.setText(text)
        self.stop.setVisible(busy)
        self.busy.setVisible(busy)
        self.setVisible(bool(text))
