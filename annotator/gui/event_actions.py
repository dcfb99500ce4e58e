"""The Event menu and the events pane: group spans into events, edit, remove, show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QMenu

from annotator.core.commands import AddEvent, ChangeEvent, RemoveEvent
from annotator.core.events import Event, EventMember, Range, casualty_totals, default_role
from annotator.gui.notices import plain_tooltip

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


def shown_range(found: Range) -> str:
    """5, or 5–7 where reports differ; ? for a bound no report gives."""
    values = {found.low, found.best, found.high}
    if len(values) == 1:
        return str(found.best if found.best is not None else "?")
    low = found.low if found.low is not None else found.best
    return f"{'?' if low is None else low}–{'?' if found.high is None else found.high}"


class EventActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.events: list[Event] = []
        pane = window.span_pane
        pane.events.currentRowChanged.connect(self._show_members)
        pane.events.itemActivated.connect(lambda _item: self.edit_event())

    def populate(self, menu: QMenu) -> None:
        w = self.window
        menu.addAction(w._action("New event from selected spans…", self.new_event, "Ctrl+G",
                                 writes=True))
        menu.addAction(w._action("Edit event…", self.edit_event, "Ctrl+Shift+G", writes=True))
        menu.addAction(w._action("Remove event", self.remove_event, "Ctrl+Shift+Delete",
                                 writes=True))

    def refresh(self) -> None:
        """List the open document's events, keeping the selection where it was."""
        window = self.window
        pane = window.span_pane
        current = self.selected()
        self.events = window.corpus.events(window.doc_id) if window.doc_id is not None else []
        rows = window.current_spans
        spans = {m.span_uid: span for event in self.events for m in event.members
                 if (span := rows.by_uid(m.span_uid)) is not None}  # type: ignore[attr-defined]
        pane.events.blockSignals(True)
        pane.events.clear()
        for event in self.events:
            totals = casualty_totals(event, spans)
            counts = ", ".join(f"{outcome} {shown_range(r)}" for outcome, r in totals.items())
            text = " · ".join(p for p in (event.type, event.date or "", counts,
                                          f"{len(event.members)} spans") if p)
            item = QListWidgetItem(text)
            item.setToolTip(plain_tooltip("\n".join(  # span texts are the article's: not HTML
                f"{m.role}: {spans[m.span_uid].text if m.span_uid in spans else '?'}"
                + (f" (group {m.group})" if m.group else "") for m in event.members)))
            item.setData(Qt.ItemDataRole.UserRole, event.uid)
            pane.events.addItem(item)
            if current is not None and current.uid == event.uid:
                pane.events.setCurrentItem(item)
        pane.events.blockSignals(False)
        pane.events_title.setText(f"Events ({len(self.events)})")

    def selected(self) -> Event | None:
        row = self.window.span_pane.events.currentRow()
        return self.events[row] if 0 <= row < len(self.events) else None

    def _show_members(self, row: int) -> None:
        event = self.events[row] if 0 <= row < len(self.events) else None
        self.window.view.highlight_members([m.span_uid for m in event.members] if event else [])

    def new_event(self) -> None:
        window = self.window
        if window.doc_id is None:
            return
        spans = window.selected_spans()
        if not spans:
            window.statusBar().showMessage(
                "Select spans first: Ctrl+click them in the span list.", 5000)
            return
        date = window.corpus.details(window.doc_id).date
        types = window.schema.event_types or ("other",)
        draft = Event(window.doc_id, types[0],
                      tuple(EventMember(s.uid, default_role(s)) for s in spans),
                      date=date, coder=window.coder)
        event = window.prompts.edit_event(draft, window.current_spans, window.schema)
        if event is not None and window.editor.do(AddEvent(event)):
            self.refresh()
            self.window.span_pane.events.setCurrentRow(len(self.events) - 1)

    def edit_event(self) -> None:
        event = self.selected()
        if event is None:
            self.window.statusBar().showMessage("Select an event in the Events list.", 4000)
            return
        changed = self.window.prompts.edit_event(event, self.window.current_spans,
                                                 self.window.schema)
        if changed is not None and changed != event:
            self.window.editor.do(ChangeEvent(event, changed))

    def remove_event(self) -> None:
        event = self.selected()
        if event is not None:
            self.window.editor.do(RemoveEvent(event))
