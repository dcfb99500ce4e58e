"""The result of a long piece of work (an export), losses in the message itself.

What an export could not carry is the part a coder must read, so it is not put
behind "Show details": the first lines are in view when the box opens, and the
rest scrolls below them.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.notices import plain_label

SHOWN_LINES = 14  # lines in view without scrolling


class ResultDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, message: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        head, _, rest = message.partition("\n")
        self.head = plain_label(head)  # file names and labels from the corpus: as text
        self.head.setWordWrap(True)
        self.body = QPlainTextEdit(rest)
        self.body.setReadOnly(True)
        # Wrapped: an example of a loss is often longer than the box is wide.
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = max(1, min(SHOWN_LINES, rest.count("\n") + 1))
        height = QFontMetrics(self.body.font()).lineSpacing() * lines
        self.body.setMinimumHeight(height + 16)
        self.body.setVisible(bool(rest))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.resize(720, self.sizeHint().height())
