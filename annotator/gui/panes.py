"""The side panes: the corpus list on the left, the document's spans on the right."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Span
from annotator.gui.document_list import (
    DATE_COLUMN,
    SPANS_COLUMN,
    STATUS_COLUMN,
    TITLE_COLUMN,
    DocumentListModel,
)
from annotator.gui.span_list import SpanListModel


def _pane_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("paneTitle")
    return label


class DocumentPane(QWidget):
    def __init__(self, model: DocumentListModel) -> None:
        super().__init__()
        self.title = _pane_title("Documents")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search corpus (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
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
        layout.addWidget(self.table)

    def set_counts(self, done: int, total: int) -> None:
        self.title.setText(f"Documents   {done} / {total} done")


class SpanPane(QWidget):
    def __init__(self, model: SpanListModel) -> None:
        super().__init__()
        self.title = _pane_title("Spans")
        self.list = QListView()
        self.list.setModel(model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSpacing(1)
        self.details = QLabel()
        self.details.setObjectName("spanDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 3)
        layout.addWidget(_pane_title("Selected span"))
        layout.addWidget(self.details, 1)
        self.show_span(None)

    def set_count(self, count: int) -> None:
        self.title.setText(f"Spans ({count})")

    def show_span(self, span: Span | None) -> None:
        if span is None:
            self.details.setText(
                "<span style='color:#6e7781'>Click a span, or select text and press "
                "a label key.</span>"
            )
            return
        rows = [
            f"<b>{escape(span.label)}</b>",
            f"“{escape(span.text)}”",
            f"<span style='color:#57606a'>characters {span.start}–{span.end} · "
            f"{escape(span.coder)} · {span.origin}</span>",
        ]
        rows += [f"{escape(str(k))}: {escape(str(v))}" for k, v in span.attrs.items()]
        self.details.setText("<br>".join(rows))
