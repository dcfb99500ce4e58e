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
from annotator.gui.wording import status_word

# The filters' choices carry what they filter by as their data: the texts are in the
# coder's language. A label choice is "+name" (with it) or "-name" (without it).
WITH, WITHOUT = "+", "-"


class DocumentPane(QWidget):
    filtersChanged = Signal()

    def __init__(self, model: DocumentListModel) -> None:
        super().__init__()
        self.title = pane_title(self.tr("Documents"))
        self.search = SearchField(model)
        self.search.stopRequested.connect(model.stop_search)
        self.search_status = SearchStatus(model)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("any status"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_word(status), status)
        self.label_filter = QComboBox()
        self.label_filter.addItem(self.tr("any labels"), None)
        self.coder_filter = QComboBox()
        self.coder_filter.addItem(self.tr("any coder"), None)
        self.doc_label_filter = QComboBox()  # filled from the codebook: see set_doc_label_choices
        self.doc_label_filter.addItem(self.tr("any document label"), None)
        self.flagged = QCheckBox(self.tr("flagged"))
        self.copies_filter = QComboBox()
        self.copies_filter.addItem(self.tr("near-duplicates too"), None)
        self.copies_filter.addItem(self.tr("no near-duplicates"), "hide")
        self.copies_filter.addItem(self.tr("near-duplicates only"), "only")
        self.copies_filter.setToolTip(self.tr(
            "Near-duplicates are stories the corpus already holds (a wire report other "
            "outlets ran): each is marked with how alike it is to the first copy."))
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText(self.tr("from YYYY-MM-DD"))
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText(self.tr("to YYYY-MM-DD"))
        for box in (self.status_filter, self.label_filter, self.coder_filter,
                    self.doc_label_filter, self.copies_filter):
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
        for box in (self.doc_label_filter, self.copies_filter):
            # Two choices on one line: each may be narrower than its longest item (its
            # list still opens wide enough), so the pane takes no more of a small screen.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
            fourth.addWidget(box)
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
        model.rowsRead.connect(self._fit_counts)
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
        self.title.setText(self.tr("Documents   {done} / {total} done").format(
            done=done, total=total))

    def set_choices(self, labels: list[str], coders: list[str]) -> None:
        """The labels and coders the filters offer, keeping what is chosen."""
        with_label, without_label = self.tr("with {label}"), self.tr("without {label}")
        label_items = [(way.format(label=label), sign + label) for label in labels
                       for way, sign in ((with_label, WITH), (without_label, WITHOUT))]
        for box, items in ((self.label_filter, label_items),
                           (self.coder_filter, [(coder, coder) for coder in coders])):
            chosen = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:  # the first choice, "any", stays
                box.removeItem(box.count() - 1)
            for text, wanted in items:
                box.addItem(text, wanted)
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
            box.blockSignals(False)

    def set_doc_label_choices(self, choices: list[tuple[str, str]]) -> None:
        """(caption, filter) pairs for the document-label filter, keeping what is chosen."""
        box = self.doc_label_filter
        chosen = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:  # the first choice, "any", stays
            box.removeItem(box.count() - 1)
        for text, wanted in choices:
            box.addItem(text, wanted)
        at = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(at, 0))
        box.blockSignals(False)
        if chosen is not None and at < 0:  # what was chosen is gone: the list shows all
            self.filtersChanged.emit()

    def filters(self) -> DocumentFilter:
        label = self.label_filter.currentData() or ""
        return DocumentFilter(
            status=self.status_filter.currentData(),
            with_label=label[1:] if label.startswith(WITH) else None,
            without_label=label[1:] if label.startswith(WITHOUT) else None,
            coder=self.coder_filter.currentData(),
            date_from=parse_date(self.date_from.text()) if self.date_from.text().strip() else None,
            date_to=parse_date(self.date_to.text()) if self.date_to.text().strip() else None,
            flagged=self.flagged.isChecked(),
            doc_label=self.doc_label_filter.currentData(),
            copies=self.copies_filter.currentData(),
        )
