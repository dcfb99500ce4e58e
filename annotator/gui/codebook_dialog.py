"""The corpus codebook: Markdown kept in the corpus, read and edited in the window."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
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
        self.setWindowTitle(self.tr("Codebook"))
        self._original = markdown
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.editor = QPlainTextEdit(markdown)
        self.editor.setTabChangesFocus(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.browser)
        self.pages.addWidget(self.editor)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self.toggle)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        # A codebook opened to be read has nothing to save: Save waits for an edit,
        # and until then Close is the button Enter presses.
        for button in (self.save_button, self.close_button, self.edit_button):
            button.setAutoDefault(False)
        self.editor.textChanged.connect(self._show_edited)
        self._show_edited()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.browser.setMarkdown(markdown)
        self.resize(720, 680)

    @property
    def edited(self) -> bool:
        """Whether the text differs from the codebook as it was opened."""
        return self.markdown != self._original

    def _show_edited(self) -> None:
        edited = self.edited
        self.save_button.setEnabled(edited)
        self.save_button.setDefault(edited)
        self.close_button.setDefault(not edited)

    def toggle(self) -> None:
        editing = self.pages.currentWidget() is self.editor
        if editing:
            self.browser.setMarkdown(self.editor.toPlainText())
        self.pages.setCurrentWidget(self.browser if editing else self.editor)
        self.edit_button.setText(self.tr("Edit") if editing else self.tr("Preview"))

    def reject(self) -> None:
        """Close, or Esc: an edit not saved is only dropped when the coder says so."""
        if self.edited and not self.discard_edits():
            return
        super().reject()

    def discard_edits(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Codebook"), self.tr("Drop your changes to the codebook?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    @property
    def markdown(self) -> str:
        return self.editor.toPlainText()
