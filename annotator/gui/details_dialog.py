"""A document's editable details: date, source, url, notes and flags."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from annotator.core.dates import typed_date
from annotator.core.model import DocumentDetails
from annotator.gui.dialogs import accept_valid, error_line, ok_cancel

NOT_RELEVANT = "not relevant"
DUPLICATE_OF = "duplicate of"


def details_text(details: DocumentDetails) -> str:
    """The details as lines of text, for a corpus that can only be read."""
    lines = [QCoreApplication.translate("DetailsDialog", "Published: {date}").format(
                 date=details.date or "—"),
             QCoreApplication.translate("DetailsDialog", "Source: {source}").format(
                 source=details.source or "—"),
             QCoreApplication.translate("DetailsDialog", "URL: {url}").format(
                 url=details.url or "—")]
    if details.flags.get(NOT_RELEVANT):
        lines.append(QCoreApplication.translate("DetailsDialog", "Not relevant to this codebook"))
    if details.flags.get(DUPLICATE_OF):
        lines.append(QCoreApplication.translate("DetailsDialog", "Duplicate of: {document}")
                     .format(document=details.flags[DUPLICATE_OF]))
    if details.notes:
        lines += ["", QCoreApplication.translate("DetailsDialog", "Notes:"), details.notes]
    return "\n".join(lines)


class DetailsDialog(QDialog):
    def __init__(self, parent: QWidget | None, details: DocumentDetails) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document details"))
        self._details = details
        self.date = QLineEdit(details.date or "")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.source = QLineEdit(details.source or "")
        self.url = QLineEdit(details.url or "")
        self.notes = QPlainTextEdit(details.notes)
        self.notes.setTabChangesFocus(True)
        self.not_relevant = QCheckBox(self.tr("Not relevant to this codebook"))
        self.not_relevant.setChecked(bool(details.flags.get(NOT_RELEVANT)))
        self.duplicate_of = QLineEdit(str(details.flags.get(DUPLICATE_OF) or ""))
        self.duplicate_of.setPlaceholderText(self.tr("id of the document this one repeats"))
        self.error = error_line()
        form = QFormLayout(self)
        form.addRow(self.tr("Published"), self.date)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("URL"), self.url)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow("", self.not_relevant)
        form.addRow(self.tr("Duplicate of"), self.duplicate_of)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self._accept))
        self.result_details: DocumentDetails | None = None

    def read_details(self) -> DocumentDetails:
        date = typed_date(self.date.text())
        flags = {k: v for k, v in self._details.flags.items()
                 if k not in (NOT_RELEVANT, DUPLICATE_OF)}
        if self.not_relevant.isChecked():
            flags[NOT_RELEVANT] = True
        if self.duplicate_of.text().strip():
            flags[DUPLICATE_OF] = self.duplicate_of.text().strip()
        return DocumentDetails(date, self.source.text().strip() or None,
                               self.url.text().strip() or None,
                               self.notes.toPlainText().strip(), flags)

    def _accept(self) -> None:
        accept_valid(self, self.error, self.read_details,
                     lambda details: setattr(self, "result_details", details))
