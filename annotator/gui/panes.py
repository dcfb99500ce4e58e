"""The side panes: the corpus list on the left; spans, their attributes and events on the right."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.dates import parse_date
from annotator.core.model import STATUSES, Span
from annotator.core.schema import LabelSpec
from annotator.core.search import DocumentFilter
from annotator.gui.attribute_form import AttributeForm
from annotator.gui.document_list import (
    DATE_COLUMN,
    SPANS_COLUMN,
    STATUS_COLUMN,
    TITLE_COLUMN,
    DocumentListModel,
)
from annotator.gui.search_box import SearchField, SearchStatus
from annotator.gui.span_list import SpanListModel, SpanListView, shown_text


def _pane_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("paneTitle")
    return label


def _column(*widgets: QWidget, margins: tuple[int, int, int, int] = (4, 4, 8, 4)) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(*margins)
    for widget in widgets:
        layout.addWidget(widget)
    return box


ANY_STATUS, ANY_LABEL, ANY_CODER = "any status", "any labels", "any coder"
ANY_DOC_LABEL = "any document label"


class DocumentPane(QWidget):
    filtersChanged = Signal()

    def __init__(self, model: DocumentListModel) -> None:
        super().__init__()
        self.title = _pane_title("Documents")
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
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, width in ((STATUS_COLUMN, 28), (DATE_COLUMN, 88), (SPANS_COLUMN, 58)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
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


class SpanPane(QSplitter):
    """Spans of the document; the selected one's details and attributes; its events."""

    def __init__(self, model: SpanListModel) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.title = _pane_title("Spans")
        self.list = SpanListView()  # a table of fixed rows: see span_list
        self.list.setModel(model)
        self.details = QLabel()
        self.details.setObjectName("spanDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.form = AttributeForm()
        form_area = QScrollArea()
        form_area.setWidgetResizable(True)
        form_area.setWidget(_column(self.details, self.form, margins=(0, 0, 0, 0)))
        self.events_title = _pane_title("Events")
        self.events = QListWidget()
        self.events.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.events.setWordWrap(True)
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addWidget(_column(self.title, self.list))
        self.addWidget(_column(_pane_title("Selected span"), form_area))
        self.addWidget(_column(self.events_title, self.events))
        self.setSizes([260, 360, 160])
        self.setChildrenCollapsible(False)
        self.show_span(None, None)

    def add_section(self, title: QLabel, widget: QWidget, at: int, size: int = 120) -> None:
        """Another part of the pane (the Links list), at position ``at``."""
        sizes = self.sizes()
        self.insertWidget(at, _column(title, widget))
        self.setSizes([*sizes[:at], size, *sizes[at:]])

    def set_count(self, count: int) -> None:
        self.title.setText(f"Spans ({count})")

    def show_span(self, span: Span | None, spec: LabelSpec | None) -> None:
        self.form.show_span(span, spec)
        if span is None:
            self.details.setText(
                "<span style='color:#6e7781'>Click a span, or select text and press "
                "a label key. Ctrl+click several spans, then Ctrl+G to make an event.</span>"
            )
            return
        guide = ""
        if spec is not None and (spec.description or spec.examples):
            examples = f" e.g. {'; '.join(spec.examples)}" if spec.examples else ""
            guide = (f"<br><span style='color:#6e7781'><i>{escape(spec.description)}"
                     f"{escape(examples)}</i></span>")
        pieces = (f" in {len(span.fragments)} pieces" if span.fragments else "")
        links = "".join(
            f"<br>{escape(link.kb)} {escape(link.id)}"
            + (f" ({escape(link.name)})" if link.name else "") for link in span.links)
        self.details.setText(
            f"<b>{escape(span.label)}</b> “{escape(shown_text(span))}”<br>"
            f"<span style='color:#57606a'>characters {span.start}–{span.end}{pieces} · "
            f"{escape(span.coder)} · {span.origin}</span>{links}{guide}"
        )
