"""The side panes: the corpus list on the left; spans, their attributes and events on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.dates import parse_date
from annotator.core.model import STATUSES
from annotator.core.search import DocumentFilter
from annotator.gui.document_delegate import TitleDelegate, two_line_height
from annotator.gui.document_list import (
    DATE_COLUMN,
    SPANS_COLUMN,
    STATUS_COLUMN,
    TITLE_COLUMN,
    DocumentListModel,
)
from annotator.gui.pane_parts import pane_title
from annotator.gui.search_box import SearchField, SearchStatus
from annotator.gui.style import STATUS_MARKS

ANY_STATUS, ANY_LABEL, ANY_CODER = "any status", "any labels", "any coder"
ANY_DOC_LABEL = "any document label"


class DocumentPane(QWidget):
    filtersChanged = Signal()

    def __init__(self, model: DocumentListModel) -> None:
        super().__init__()
        self.title = pane_title("Documents")
        self.search = SearchField(model)
        self.search.stopRequested.connect(model.stop_search)
        self.search_status = SearchStatus(model)
        self.status_filter = QComboBox()
        self.status_filter.addItems([ANY_STATUS, *STATUSES])
        self.label_filter = QComboBox()
        self.coder_filter = QComboBox()
        self.doc_label_filter = QComboBox()  # filled from the codebook: see set_doc_label_choices
        self.doc_label_filter.addItem(ANY_DOC_LABEL, None)
        self.flagged = QCheckBox("flagged")
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText("from YYYY-MM-DD")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("to YYYY-MM-DD")
        for box in (self.status_filter, self.label_filter, self.coder_filter,
                    self.doc_label_filter):
            box.activated.connect(lambda _i: self.filtersChanged.emit())
            box.currentIndexChanged.connect(lambda _i: self.filtersChanged.emit())
        self.flagged.toggled.connect(lambda _on: self.filtersChanged.emit())
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.filtersChanged.emit)
        first = QHBoxLayout()
        first.addWidget(self.status_filter)
        first.addWidget(self.label_filter)
        second = QHBoxLayout()
        second.addWidget(self.coder_filter)
        second.addWidget(self.flagged)
        third = QHBoxLayout()
        third.addWidget(self.date_from)
        third.addWidget(self.date_to)
        fourth = QHBoxLayout()
        fourth.addWidget(self.doc_label_filter)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in (STATUS_COLUMN, DATE_COLUMN, SPANS_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.title_delegate = TitleDelegate(self.table)
        self.table.setItemDelegateForColumn(TITLE_COLUMN, self.title_delegate)
        model.modelReset.connect(self._fit_rows)
        model.rowsInserted.connect(lambda _parent, first, last: self._fit_counts(first, last))
        model.dataChanged.connect(
            lambda top, bottom, _roles: self._fit_counts(top.row(), bottom.row()))
        self._fit_columns()
        self._fit_rows()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.search_status)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(third)
        layout.addLayout(fourth)
        layout.addWidget(self.table)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()
            self._fit_rows()

    def _fit_columns(self) -> None:
        """The title takes the width; status, date and count as wide as what each
        shows. Measured from what they can hold rather than from the rows, so a column
        neither waits for a search's rows nor jumps as the list scrolls; a count too
        wide for its column widens it (see ``_fit_counts``)."""
        header = self.table.horizontalHeader()
        for column, samples in ((STATUS_COLUMN, list(STATUS_MARKS.values())),
                                (DATE_COLUMN, ["0000-00-00"]), (SPANS_COLUMN, ["9999"])):
            widest = max(self._cell_width(sample) for sample in samples)
            header.resizeSection(column, max(widest, header.sectionSizeHint(column)))

    def _cell_width(self, text: str) -> int:
        # A cell's text has the style's focus-frame margin on each side, as Qt's
        # delegate lays it out, and a little air.
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                None, self.table) + 1
        return self.table.fontMetrics().horizontalAdvance(text) + 2 * margin + 4

    def _fit_counts(self, first: int, last: int) -> None:
        """Widen the count column for a count wider than it (a report with 100,000 spans)."""
        model = self.table.model()
        header = self.table.horizontalHeader()
        widest = max((self._cell_width(str(model.index(row, SPANS_COLUMN).data() or ""))
                      for row in range(first, last + 1)), default=0)
        if widest > header.sectionSize(SPANS_COLUMN):
            header.resizeSection(SPANS_COLUMN, widest)

    def _fit_rows(self) -> None:
        """Rows of one line, or of two while a search lists its snippets.

        One height for every row: sizing rows to their contents would measure every
        row of a 100,000-document list.
        """
        model = self.table.model()
        metrics = self.table.fontMetrics()
        searching = isinstance(model, DocumentListModel) and bool(model.search)
        height = two_line_height(metrics) if searching else max(26, metrics.height() + 10)
        self.table.verticalHeader().setDefaultSectionSize(height)

    def set_counts(self, done: int, total: int) -> None:
        self.title.setText(f"Documents   {done} / {total} done")

    def set_choices(self, labels: list[str], coders: list[str]) -> None:
        """The labels and coders the filters offer, keeping what is chosen."""
        for box, first, items in (
            (self.label_filter, ANY_LABEL,
             [f"{way} {label}" for label in labels for way in ("with", "without")]),
            (self.coder_filter, ANY_CODER, coders),
        ):
            chosen = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItems([first, *items])
            box.setCurrentText(chosen if chosen in items else first)
            box.blockSignals(False)

    def set_doc_label_choices(self, choices: list[tuple[str, str]]) -> None:
        """(caption, filter) pairs for the document-label filter, keeping what is chosen."""
        box = self.doc_label_filter
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(ANY_DOC_LABEL, None)
        for text, wanted in choices:
            box.addItem(text, wanted)
        at = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(at, 0))
        box.blockSignals(False)
        if chosen is not None and at < 0:  # what was chosen is gone: the list shows all
            self.filtersChanged.emit()

    def filters(self) -> DocumentFilter:
        label = self.label_filter.currentText()
        way, _, name = label.partition(" ")
        status = self.status_filter.currentText()
        coder = self.coder_filter.currentText()
        return DocumentFilter(
            status=None if status == ANY_STATUS else status,
            with_label=name if way == "with" and label != ANY_LABEL else None,
            without_label=name if way == "without" else None,
            coder=None if coder == ANY_CODER else coder,
            date_from=parse_date(self.date_from.text()) if self.date_from.text().strip() else None,
            date_to=parse_date(self.date_to.text()) if self.date_to.text().strip() else None,
            flagged=self.flagged.isChecked(),
            doc_label=self.doc_label_filter.currentData(),
        )
