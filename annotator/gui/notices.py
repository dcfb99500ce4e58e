"""Text the corpus supplies, shown as text; and notices that never block the coder.

A QLabel, a QMessageBox and a tooltip each guess whether a string is HTML, so
a document titled ``<img src=x>`` or a label described with ``<a href=…>``
would be drawn as markup. Everything that can hold a value from the corpus or
an imported file goes through these helpers instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from annotator.gui.style import notice_qss, sheet_in_theme
from annotator.gui.theme import LIGHT


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows ``text`` (and whatever it is given later) literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it: escaped, line breaks kept.

    Tooltips have no plain-text switch; this is the rich text that draws ``text``
    exactly as written.
    """
    return QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


# The light sheets, for callers that name one before a theme is applied: a notice
# bar wears the current theme's colours for whichever it is given.
WARNING_QSS = notice_qss("warning", LIGHT)
READ_ONLY_QSS = notice_qss("info", LIGHT)


class NoticeBar(QFrame):
    """A line above the article saying what went wrong or what cannot be done.

    Unlike a message box it leaves the window usable: the coder reads it and
    carries on, and closes it (✕) when done with it.
    """

    closed = Signal()

    def __init__(self, style: str = WARNING_QSS, *, closable: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet(sheet_in_theme(style))
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.message, 1)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(QCoreApplication.translate("NoticeBar", "Close this notice"))
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismiss)
        self.close_button.setVisible(closable)
        row.addWidget(self.close_button)
        self.hide()

    def show_notice(self, text: str) -> None:
        self.message.setText(text)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.message.clear()
        self.closed.emit()

    def text(self) -> str:
        """What the bar says now; empty when it is hidden."""
        return self.message.text() if not self.isHidden() else ""
