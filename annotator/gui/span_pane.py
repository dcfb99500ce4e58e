"""The right pane: the document's spans, the selected one's details and attributes, its events."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QScrollArea, QSplitter, QWidget

from annotator.core.model import Span
from annotator.core.schema import LabelSpec
from annotator.gui.attribute_form import AttributeForm
from annotator.gui.pane_parts import column, pane_title
from annotator.gui.span_list import SpanListModel, SpanListView, shown_text


class SpanPane(QSplitter):
    """Spans of the document; the selected one's details and attributes; its events."""

    def __init__(self, model: SpanListModel) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.title = pane_title("Spans")
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
        form_area.setWidget(column(self.details, self.form, margins=(0, 0, 0, 0)))
        self.events_title = pane_title("Events")
        self.events = QListWidget()
        self.events.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.events.setWordWrap(True)
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addWidget(column(self.title, self.list))
        self.addWidget(column(pane_title("Selected span"), form_area))
        self.addWidget(column(self.events_title, self.events))
        self.setSizes([260, 360, 160])
        self.setChildrenCollapsible(False)
        self.show_span(None, None)

    def add_section(self, title: QLabel, widget: QWidget, at: int, size: int = 120) -> None:
        """Another part of the pane (the Links list), at position ``at``."""
        sizes = self.sizes()
        self.insertWidget(at, column(title, widget))
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
