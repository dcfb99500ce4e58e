"""Every question and message the window puts to the coder, in one place.

Tests hand the window a replacement that answers without showing dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from annotator.gui.export_dialog import ExportChoice, ExportDialog

CORPUS_FILTER = "annotator corpora (*.sqlite *.db *.annotator);;All files (*)"
IMPORT_FILTER = ("Articles and annotations (*.txt *.jsonl *.ndjson *.json *.csv *.spacy *.conll "
                 "*.iob *.bio *.tsv *.ann);;All files (*)")


class Prompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_coder(self, suggestion: str) -> str | None:
        name, ok = QInputDialog.getText(
            self.parent, "Who is coding?",
            "Your name or initials. Every span you make records it.", text=suggestion,
        )
        return name.strip() if ok and name.strip() else None

    def new_corpus_path(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, "New corpus", "", CORPUS_FILTER)
        return Path(path) if path else None

    def open_corpus_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open corpus", "", CORPUS_FILTER)
        return Path(path) if path else None

    def import_paths(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent, "Import articles", "", IMPORT_FILTER
        )
        return [Path(p) for p in paths]

    def export_choice(self, corpus_path: Path, labels: list[str],
                      coders: list[str]) -> ExportChoice | None:
        dialog = ExportDialog(self.parent, corpus_path, labels, coders)
        return dialog.choice if dialog.exec() else None

    def import_folder(self) -> Path | None:
        path = QFileDialog.getExistingDirectory(self.parent, "Import a folder of articles")
        return Path(path) if path else None

    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, message)

    def info(self, title: str, message: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()
