"""The right pane: the document's spans, the selected one's details and attributes, its events.

The selected span's part gets the height its fields need whenever a span is shown
or the window is resized, taken from the other parts down to a few rows each: on
a 1280×720 screen every field of the largest label is in sight without scrolling.
Its details card is two lines; the codebook's guide for the label is one more,
cut at the pane's edge, and a click on its arrow shows it whole.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QWidget,
)

from annotator.core.commands import Batch, ChangeSpan, Edit, RejectSuggestion, RestoreSuggestion
from annotator.core.model import Span
from annotator.core.schema import LabelSpec
from annotator.gui.attribute_form import AttributeForm
from annotator.gui.notices import plain_tooltip
from annotator.gui.pane_parts import column, pane_title
from annotator.gui.span_list import SpanListModel, SpanListView, provenance, shown_text
from annotator.gui.theme import current_theme
from annotator.gui.wording import origin_word
from annotator.storage.suggestion_rates import SourceRate

GUIDE_LINK = "guide"
SHOWN_TEXT_MAX = 120  # characters of a long span's text shown in its card
# What the other parts keep while the selected span's fields take the height:
# the spans list about three rows, a section added later (Links) and Events about two.
SPANS_LIST_MIN = 66
SECTION_LIST_MIN = 44
RATES_SHOWN = 4  # sources named on the acceptance line; the rest in its tooltip


class SpanPane(QSplitter):
    """Spans of the document; the selected one's details and attributes; its events."""

    def __init__(self, model: SpanListModel) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.title = pane_title(self.tr("Spans"))
        # How often each suggestion source was accepted so far, under the title; shown
        # once any suggestion was accepted or rejected.
        # One line, as many sources as fit (a wrapped second line was squeezed out of
        # sight by the spans list); every source's counts are in its tooltip.
        self.rates = QLabel()
        self.rates.setObjectName("suggestionRates")
        self.rates.setTextFormat(Qt.TextFormat.RichText)
        self.rates.setMinimumWidth(1)  # a long line must not widen the pane
        self.rates.setContentsMargins(6, 0, 2, 2)  # in line with the title's words
        self.rates.hide()
        self._rates: list[SourceRate] = []
        self.rates.installEventFilter(self)  # fitted again to each new width
        self.list = SpanListView()  # a table of fixed rows: see span_list
        self.list.setModel(model)
        self.list.setMinimumHeight(SPANS_LIST_MIN)
        self.details = QLabel()
        self.details.setObjectName("spanDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The guide's one line is cut at the card's edge: it must not widen the pane.
        self.details.setMinimumWidth(1)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.details.linkActivated.connect(self._link)
        self.guide_open = False  # the label's guide shown whole, for every span until closed
        self._shown: tuple[Span, LabelSpec | None] | None = None
        self.form = AttributeForm()
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setWidget(column(self.details, self.form, margins=(0, 0, 0, 0)))
        self.events_title = pane_title(self.tr("Events"))
        self.events = QListWidget()
        self.events.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.events.setWordWrap(True)
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.setMinimumHeight(SECTION_LIST_MIN)
        self.selected_section = column(pane_title(self.tr("Selected span")), self.form_area)
        self.addWidget(column(self.title, self.rates, self.list))
        self.addWidget(self.selected_section)
        self.addWidget(column(self.events_title, self.events))
        self.setSizes([360, 200, 120])
        self.setChildrenCollapsible(False)
        # A taller window gives its height to the spans list first.
        self.setStretchFactor(0, 1)
        self.show_span(None, None)

    def add_section(self, title: QLabel, widget: QWidget, at: int, size: int = 120) -> None:
        """Another part of the pane (the Links list), at position ``at``."""
        sizes = self.sizes()
        widget.setMinimumHeight(SECTION_LIST_MIN)
        self.insertWidget(at, column(title, widget))
        self.setStretchFactor(self.indexOf(self.list.parentWidget()), 1)
        self.setSizes([*sizes[:at], size, *sizes[at:]])

    def set_count(self, count: int) -> None:
        self.title.setText(self.tr("Spans ({count})").format(count=count))

    def show_rates(self, rates: list[SourceRate]) -> None:
        """The acceptance line: the most decided sources with the share of their decided
        suggestions accepted; every source's counts, pending ones too, in its tooltip."""
        self._rates = rates
        decided = [rate for rate in rates if rate.decided]
        self.rates.setVisible(bool(decided))
        if not decided:
            self.rates.clear()
            self.rates.setToolTip("")
            return
        self._fit_rates()
        lines = [self.tr("Suggestions decided so far in this corpus, by every coder:")]
        lines += [self.tr("{source}: {accepted} accepted, {rejected} rejected, "
                          "{pending} pending").format(source=r.source, accepted=r.accepted,
                                                      rejected=r.rejected, pending=r.pending)
                  for r in rates]
        self.rates.setToolTip(plain_tooltip("\n".join(lines)))

    def _fit_rates(self) -> None:
        """The acceptance line with as many of the most decided sources as the pane's
        width holds (at most RATES_SHOWN), "…" standing for the others."""
        decided = [rate for rate in self._rates if rate.decided]
        if not decided:
            return
        part = self.tr("{source} {percent}% of {decided}")
        parts = [part.format(source=r.source, percent=round(100 * (r.rate or 0)),
                             decided=r.decided) for r in decided[:RATES_SHOWN]]
        metrics = self.rates.fontMetrics()
        width = self.rates.contentsRect().width()
        for count in range(len(parts), 0, -1):
            shown = parts[:count] + (["…"] if count < len(decided) else [])
            line = self.tr("Accepted: {sources}").format(sources=" · ".join(shown))
            if metrics.horizontalAdvance(line) <= width:
                break
        line = metrics.elidedText(line, Qt.TextElideMode.ElideRight, max(width, 1))
        self.rates.setText(f"<span style='color:{current_theme().muted}'>{escape(line)}</span>")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.rates and event.type() == QEvent.Type.Resize:
            self._fit_rates()
        return super().eventFilter(watched, event)

    def show_span(self, span: Span | None, spec: LabelSpec | None) -> None:
        self.form.show_span(span, spec)
        self._shown = (span, spec) if span is not None else None
        self.details.setToolTip("")
        if span is None:
            hint = self.tr("Click a span, or select text and press a label key (a selection "
                           "snaps to whole words; Alt as you let go of the mouse keeps it "
                           "exact). Ctrl+click several spans, then Ctrl+G to make an event.")
            self.details.setText(
                f"<span style='color:{current_theme().muted}'>{escape(hint)}</span>")
            return
        self.details.setText(self._card(span, spec))
        guide = _guide(spec)
        if guide:
            self.details.setToolTip(plain_tooltip(guide))
        self.give_room()

    def _card(self, span: Span, spec: LabelSpec | None) -> str:
        """The card: label and text; where, who and how; links; the label's guide."""
        text = shown_text(span)
        if len(text) > SHOWN_TEXT_MAX:
            text = text[:SHOWN_TEXT_MAX - 1] + "…"
        pieces = (self.tr(" in %n pieces", "", len(span.fragments)) if span.fragments else "")
        links = "".join(
            f" · {escape(link.kb)} {escape(link.id)}"
            + (f" ({escape(link.name)})" if link.name else "") for link in span.links)
        muted = current_theme().muted
        # The template is the window's words (escaped as text); the values are escaped
        # before they go in.
        where = escape(self.tr("characters {start}–{end}{pieces} · {coder} · {origin}{links}"))
        # A pending suggestion says what made it in place of "suggested"; an accepted one
        # says it after "accepted".
        made_by = provenance(span)
        origin = origin_word(span.origin)
        if made_by:
            origin = made_by if span.origin == "suggested" else f"{origin} · {made_by}"
        card = (f"<b>{escape(span.label)}</b> “{escape(text)}”<br>"
                f"<span style='color:{muted}'>"
                + where.format(start=span.start, end=span.end, pieces=escape(pieces),
                               coder=escape(span.coder), origin=escape(origin), links=links)
                + "</span>")
        guide = _guide(spec)
        if guide:
            arrow = "▾" if self.guide_open else "▸"
            wrap = "normal" if self.guide_open else "nowrap"
            card += (f"<p style='margin:0; white-space:{wrap}'>"
                     f"<a href='{GUIDE_LINK}' style='text-decoration:none'>{arrow}</a> "
                     f"<span style='color:{muted}'><i>{escape(guide)}</i></span></p>")
        if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            # A card starting with a Latin label name would be laid out left to right.
            card = f"<div dir='rtl'>{card}</div>"
        return card

    def _link(self, link: str) -> None:
        if link == GUIDE_LINK:
            self.toggle_guide()

    def toggle_guide(self) -> None:
        """Show the label's guide whole, or as its first line again."""
        self.guide_open = not self.guide_open
        if self._shown is not None:
            self.details.setText(self._card(*self._shown))
            self.give_room()

    def give_room(self) -> None:
        """Make the selected span's part as tall as its card and fields, taking the
        height from the other parts (the last first) down to their few rows."""
        index = self.indexOf(self.selected_section)
        sizes = self.sizes()
        if self._shown is None or index < 0 or not any(sizes):
            return
        content = self.form_area.widget()
        content.adjustSize()
        width = self.form_area.viewport().width()
        needed = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        if needed < 0:
            needed = content.sizeHint().height()
        # The title, margins and frame around the fields (from the layout, not from
        # geometries a resize has not reached yet).
        layout = self.selected_section.layout()
        margins = layout.contentsMargins()
        needed += (margins.top() + margins.bottom() + layout.spacing()
                   + layout.itemAt(0).sizeHint().height() + 2 * self.form_area.frameWidth())
        short = needed - sizes[index]
        others = [i for i in reversed(range(self.count())) if i != index]
        for other in others:
            if short <= 0:
                break
            spare = sizes[other] - self.widget(other).minimumSizeHint().height()
            taken = max(0, min(spare, short))
            sizes[other] -= taken
            sizes[index] += taken
            short -= taken
        self.setSizes(sizes)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.give_room()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.give_room()


def decides_suggestions(edit: Edit) -> bool:
    """Whether an edit accepts, rejects, makes or takes back a suggestion (or undoes
    one of these): what changes the acceptance line, unlike the coder's own edits."""
    if isinstance(edit, RejectSuggestion | RestoreSuggestion):
        return True
    if isinstance(edit, Batch):
        return any(decides_suggestions(inner) for inner in edit.edits)
    if isinstance(edit, ChangeSpan):
        return "suggested" in (edit.before.origin, edit.after.origin)
    span = getattr(edit, "span", None)  # a suggestion added or removed (AddSpan, RemoveSpan)
    return isinstance(span, Span) and span.origin == "suggested"


def _guide(spec: LabelSpec | None) -> str:
    """The codebook's words on a label: its description and examples."""
    if spec is None or not (spec.description or spec.examples):
        return ""
    examples = (QCoreApplication.translate("SpanPane", " e.g. {examples}").format(
        examples="; ".join(spec.examples)) if spec.examples else "")
    return f"{spec.description}{examples}".strip()
