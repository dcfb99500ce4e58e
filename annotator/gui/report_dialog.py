"""Tools > Agreement report: read in the window, saved as a web page with charts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class ReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, html: str, full_html: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agreement")
        self._full_html = full_html
        self.browser = QTextBrowser()
        self.browser.setHtml(html)
        save = QPushButton("Save as HTML…")
        save.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 700)

    def save(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "Save report", "agreement.html",
                                                    "Web page (*.html)")
            if not chosen:
                return None
            path = Path(chosen)
        path.write_text(self._full_html, encoding="utf-8")
        return path
