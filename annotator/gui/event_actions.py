"""The Event menu and the events pane: group spans into events, edit, remove, show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem, QMenu

from annotator.core.commands import AddEvent, ChangeEvent, RemoveEvent
from annotator.core.datasets import dataset_role
from annotator.core.event_dates import date_for_event
from annotator.core.events import Event, EventMember, Range, casualty_totals, default_role
from annotator.gui.notices import plain_tooltip

if TYPE_CHECKING:
    from annotator.gui.workbench import Workbench


def shown_range(found: Range) -> str:
    """5, or 5–7 where reports differ; ? for a bound no report gives."""
    values = {found.low, found.best, found.high}
    if len(values) == 1:
        return str(found.best if found.best is not None else "?")
    low = found.low if found.low is not None else found.best
    return f"{'?' if low is None else low}–{'?' if found.high is None else found.high}"


class EventActions:
    def __init__(self, bench: Workbench) -> None:
        self.bench = bench
        self.session = bench.session
        self.events: list[Event] = []
        pane = bench.span_pane
        pane.events.currentRowChanged.connect(self._show_members)
        pane.events.itemActivated.connect(lambda _item: self.edit_event())

    def populate(self, menu: QMenu) -> None:
        actions = self.bench.actions
        actions.bind("event.new", self.new_event)
        actions.bind("event.edit", self.edit_event)
        actions.bind("event.remove", self.remove_event)
        actions.fill(menu, "event.new", "event.edit", "event.remove")

    def refresh(self) -> None:
        """List the open document's events, keeping the selection where it was."""
        session = self.session
        pane = self.bench.span_pane
        current = self.selected()
        self.events = session.corpus.events(session.doc_id) if session.doc_id is not None else []
        rows = session.spans
        spans = {m.span_uid: span for event in self.events for m in event.members
                 if (span := rows.by_uid(m.span_uid)) is not None}  # type: ignore[attr-defined]
        pane.events.blockSignals(True)
        pane.events.clear()
        for event in self.events:
            totals = casualty_totals(event, spans)
            # Types, outcomes and roles are the codebook's words; span texts the article's.
            counts = ", ".join(f"{outcome} {shown_range(r)}" for outcome, r in totals.items())
            members = QCoreApplication.translate("EventActions", "{count} spans").format(
                count=len(event.members))
            text = " · ".join(p for p in (event.type, event.date or "", counts, members) if p)
            item = QListWidgetItem(text)
            item.setToolTip(plain_tooltip("\n".join(  # span texts are the article's: not HTML
                f"{m.role}: {spans[m.span_uid].text if m.span_uid in spans else '?'}"
                + (QCoreApplication.translate("EventActions", " (group {group})").format(
                    group=m.group) if m.group else "") for m in event.members)))
            item.setData(Qt.ItemDataRole.UserRole, event.uid)
            pane.events.addItem(item)
            if current is not None and current.uid == event.uid:
                pane.events.setCurrentItem(item)
        pane.events.blockSignals(False)
        pane.events_title.setText(QCoreApplication.translate("EventActions", "Events ({count})")
                                  .format(count=len(self.events)))

    def selected(self) -> Event | None:
        row = self.bench.span_pane.events.currentRow()
        return self.events[row] if 0 <= row < len(self.events) else None

    def _show_members(self, row: int) -> None:
        event = self.events[row] if 0 <= row < len(self.events) else None
        self.bench.view.highlight_members([m.span_uid for m in event.members] if event else [])

    def new_event(self) -> None:
        session = self.session
        if session.doc_id is None:
            return
        spans = session.selected_spans()
        if not spans:
            session.say(QCoreApplication.translate(
                "EventActions", "Select spans first: Ctrl+click them in the text or the span list."),
                5000)
            return
        published = session.corpus.details(session.doc_id).date
        text = session.document.text if session.document is not None else ""
        # The date the sentence gives, relative to the article's; else the article's own.
        read = date_for_event(text, min(s.start for s in spans), max(s.end for s in spans),
                              published)
        types = session.schema.event_types or ("other",)
        draft = Event(session.doc_id, types[0],
                      tuple(EventMember(s.uid, dataset_role(session.schema, types[0],
                                                            default_role(s, session.spans)))
                            for s in spans),
                      date=read.date if read else published,
                      date_precision=read.precision if read else 1, coder=session.coder)
        source = (QCoreApplication.translate("EventActions", "from “{words}” in the text")
                  .format(words=read.evidence) if read else
                  QCoreApplication.translate("EventActions", "the article's date")
                  if published else "")
        event = self.bench.prompts.edit_event(
            draft, session.spans, session.schema, date_source=source,
            incidents=session.corpus.incident_choices(session.doc_id, draft.date))
        if event is not None and session.do(AddEvent(event)):
            self.refresh()
            self.bench.span_pane.events.setCurrentRow(len(self.events) - 1)

    def edit_event(self) -> None:
        event = self.selected()
        if event is None:
            self.session.say(QCoreApplication.translate(
                "EventActions", "Select an event in the Events list."), 4000)
            return
        changed = self.bench.prompts.edit_event(
            event, self.session.spans, self.session.schema,
            incidents=self.session.corpus.incident_choices(event.doc_id, event.date))
        if changed is not None and changed != event:
            self.session.do(ChangeEvent(event, changed))

    def remove_event(self) -> None:
        event = self.selected()
        if event is not None:
            self.session.do(RemoveEvent(event))
