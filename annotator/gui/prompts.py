"""Every question and message the window puts to the coder, in one place.

Tests hand the window a replacement that answers without showing dialogs.
Messages quote titles, names and values from the corpus, so every box and
question shows its text as plain text, never as HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox, QWidget

from annotator.core.datasets import DATASETS, allowed_roles, allowed_values, event_problems
from annotator.core.events import Event, IncidentChoice
from annotator.core.model import DocumentDetails, Span
from annotator.core.schema import Schema
from annotator.gui.adjudication_dialog import AdjudicationDialog
from annotator.gui.codebook_dialog import CodebookDialog
from annotator.gui.connect_dialog import ConnectDialog
from annotator.gui.details_dialog import DetailsDialog
from annotator.gui.event_dialog import EventDialog
from annotator.gui.export_dialog import ExportChoice, ExportDialog
from annotator.gui.report_dialog import ReportDialog
from annotator.gui.result_dialog import ResultDialog
from annotator.gui.schema_editor import SchemaEdit, SchemaEditor
from annotator.gui.shortcuts import ShortcutEditor, ShortcutSheet
from annotator.storage.pg.address import ServerAddress


def corpus_filter() -> str:
    """The file dialogs' filter for corpora, in the coder's language."""
    return QCoreApplication.translate(
        "Prompts", "annotator corpora (*.sqlite *.db *.annotator);;All files (*)")


def import_filter() -> str:
    """The file dialog's filter for files to import, in the coder's language."""
    return QCoreApplication.translate(
        "Prompts", "Articles and annotations (*.txt *.jsonl *.ndjson *.json *.csv *.spacy "
        "*.conll *.iob *.bio *.tsv *.ann);;All files (*)")


class Prompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_coder(self, suggestion: str) -> str | None:
        name = self.ask_text(
            QCoreApplication.translate("Prompts", "Who is coding?"),
            QCoreApplication.translate(
                "Prompts", "Your name or initials. Every span you make records it."),
            suggestion)
        return name or None

    def new_corpus_path(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, QCoreApplication.translate("Prompts", "New corpus"), "", corpus_filter())
        return Path(path) if path else None

    def new_corpus_codebook(self) -> str | None:
        """The dataset whose codebook a new corpus starts with ("" for annotator's own),
        or None if cancelled."""
        own = QCoreApplication.translate("Prompts", "annotator's own: actors, casualties, "
                                                    "locations")
        options = {own: "", **{title: name for name, title in DATASETS.items()}}
        chosen = self.choose(QCoreApplication.translate("Prompts", "New corpus"),
                             QCoreApplication.translate(
                                 "Prompts", "Which codebook should the new corpus start with? "
                                 "Its labels, attributes, event types and event codes can be "
                                 "changed later (F4)."), list(options), own)
        return None if chosen is None else options[chosen]

    def open_corpus_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, QCoreApplication.translate("Prompts", "Open corpus"), "",
            corpus_filter())
        return Path(path) if path else None

    def server_address(self, user: str) -> ServerAddress | None:
        """Where a team's corpus is (File > Connect to team server), or None."""
        dialog = ConnectDialog(self.parent, user=user)
        if dialog.exec() != ConnectDialog.DialogCode.Accepted:
            return None
        return dialog.result_address()

    def import_paths(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent, QCoreApplication.translate("Prompts", "Import articles"), "",
            import_filter())
        return [Path(p) for p in paths]

    def export_choice(self, corpus_path: Path, labels: list[str], coders: list[str],
                      folder: str = "") -> ExportChoice | None:
        dialog = ExportDialog(self.parent, corpus_path, labels, coders, folder)
        return dialog.choice if dialog.exec() else None

    def edit_event(self, event: Event, spans: Sequence[Span], schema: Schema, *,
                   date_source: str = "",
                   incidents: Sequence[IncidentChoice] = ()) -> Event | None:
        by_uid = {span.uid: span for span in spans}
        dialog = EventDialog(
            self.parent, event, spans, schema, date_source=date_source, incidents=incidents,
            narrowing=lambda name, values: allowed_values(schema, name, values),
            problems=(lambda edited: event_problems(schema, edited, by_uid))
            if schema.dataset else None,
            roles_for=lambda kind: allowed_roles(schema, kind))
        return dialog.result_event if dialog.exec() else None

    def edit_schema(self, schema: Schema) -> SchemaEdit | None:
        dialog = SchemaEditor(self.parent, schema)
        return dialog.result_edit if dialog.exec() else None

    def edit_details(self, details: DocumentDetails) -> DocumentDetails | None:
        dialog = DetailsDialog(self.parent, details)
        return dialog.result_details if dialog.exec() else None

    def choose(self, title: str, question: str, options: list[str],
               current: str | None = None) -> str | None:
        """One of ``options`` (``current`` offered first), or None if cancelled."""
        dialog = self._input_dialog(title, question)
        dialog.setComboBoxItems(options)
        dialog.setComboBoxEditable(False)
        if current in options:
            dialog.setTextValue(current)
        return dialog.textValue() if dialog.exec() else None

    def ask_text(self, title: str, question: str, current: str) -> str | None:
        dialog = self._input_dialog(title, question)
        dialog.setTextValue(current)
        return dialog.textValue().strip() if dialog.exec() else None

    def _input_dialog(self, title: str, question: str) -> QInputDialog:
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(question)
        for label in dialog.findChildren(QLabel):  # the question may quote a label's name
            label.setTextFormat(Qt.TextFormat.PlainText)
        return dialog

    def save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), file_filter)
        return Path(path) if path else None

    def show_report(self, html: str, full_html: str, corpus_path: Path, *, title: str = "",
                    file_name: str = "agreement.html") -> None:
        ReportDialog(self.parent, html, full_html, corpus_path, self, title=title,
                     file_name=file_name).exec()

    def adjudicate(self, spans: Callable[[], Sequence[Span]], coders: list[str],
                   take: Callable[[Any, list[Span]], None]) -> None:
        AdjudicationDialog(self.parent, spans, coders, take).exec()

    def merge_paths(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent, QCoreApplication.translate("Prompts", "Merge coders' corpora"), "",
            corpus_filter())
        return [Path(p) for p in paths]

    def show_shortcuts(self, html: str) -> None:
        ShortcutSheet(self.parent, html).exec()

    def edit_shortcuts(self, actions: list[QAction]) -> dict[str, str] | None:
        dialog = ShortcutEditor(self.parent, actions)
        return dialog.changes if dialog.exec() else None

    def edit_codebook(self, markdown: str) -> str | None:
        dialog = CodebookDialog(self.parent, markdown)
        return dialog.markdown if dialog.exec() else None

    def import_folder(self) -> Path | None:
        path = QFileDialog.getExistingDirectory(
            self.parent, QCoreApplication.translate("Prompts", "Import a folder of articles"))
        return Path(path) if path else None

    def show_result(self, title: str, message: str) -> None:
        """A result whose every line matters (an export's losses): all in the message,
        the first lines in view, the rest scrolling."""
        ResultDialog(self.parent, title, message).exec()

    def error(self, title: str, message: str) -> None:
        message_box(QMessageBox.Icon.Warning, title, message, self.parent).exec()

    def info(self, title: str, message: str, details: str = "") -> None:
        box = message_box(QMessageBox.Icon.Information, title, message, self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()


def message_box(icon: QMessageBox.Icon, title: str, message: str,
                parent: QWidget | None) -> QMessageBox:
    """A message box that shows ``message`` as written (its own guess would take a
    title like ``<b>bold</b>`` for HTML)."""
    box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
