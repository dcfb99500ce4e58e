"""The corpus codebook: Markdown kept in the corpus, read and edited in the window."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class CodebookDialog(QDialog):
    def __init__(self, parent: QWidget | None, markdown: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Codebook")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.editor = QPlainTextEdit(markdown)
        self.editor.setTabChangesFocus(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.browser)
        self.pages.addWidget(self.editor)
        self.edit_button = QPushButton("Edit")
        self.edit_button.clicked.connect(self.toggle)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.browser.setMarkdown(markdown)
        self.resize(720, 680)

    def toggle(self) -> None:
        editing = self.pages.currentWidget() is self.editor
        if editing:
            self.browser.setMarkdown(self.editor.toPlainText())
        self.pages.setCurrentWidget(self.browser if editing else self.editor)
        self.edit_button.setText("Edit" if editing else "Preview")

    @property
    def markdown(self) -> str:
        return self.editor.toPlainText()
