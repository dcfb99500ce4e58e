"""View > Map of places: a dock with the map of the corpus's coded places.

The map shows the places of the documents the list shows (its search and filters,
and the spans the window shows: the coder's own, or everyone's), or, with "This
event only", the places of the event selected in the Events list. It is read
again when the list, the codebook or the coding changes, and only while it is in
sight. A click on a place opens its document with the place's span selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from annotator.core.commands import (
    AddEvent,
    AddSpan,
    Batch,
    ChangeEvent,
    ChangeSpan,
    Edit,
    RemoveEvent,
    RemoveSpan,
)
from annotator.core.places import Place, PlaceSet, event_colors
from annotator.core.search import DocumentFilter, fts_query
from annotator.core.world_map import WorldMapError, load_world_map
from annotator.gui.map_pane import MapPane
from annotator.gui.places_runner import PlacesRunner, Reading
from annotator.storage.errors import CorpusError
from annotator.storage.places import corpus_places, event_places

if TYPE_CHECKING:
    from annotator.gui.document_list import DocumentListModel
    from annotator.gui.event_actions import EventActions
    from annotator.gui.workbench import Workbench


class MapActions:
    def __init__(self, bench: Workbench, documents: DocumentListModel,
                 events: EventActions) -> None:
        self.bench = bench
        self.session = session = bench.session
        self.documents = documents
        self.events = events
        self.dock = QDockWidget(QCoreApplication.translate("MapActions", "Map of places"))
        self.dock.setObjectName("mapDock")
        try:
            world = load_world_map()
        except WorldMapError as exc:  # a damaged installation: the map says so, no more
            from annotator.core.world_map import WorldMap

            world, self._broken = WorldMap((), (), ()), str(exc)
        else:
            self._broken = ""
        self.pane = MapPane(world)
        self.dock.setWidget(self.pane)
        self.dock.hide()
        self._shown_for: object = None  # what the map was fitted to: fitted again on change
        self._stale = True
        self._sized = False
        self.reads = 0  # how often the places were read: a second each at 120,000
        self._runner: PlacesRunner | None = None  # reads them off the GUI thread
        self._ticket = 0  # the newest question; older answers are dropped
        self._asked: tuple[int, object, str] = (0, None, "")
        # Changes come in bursts (a list reset, then its pages): the map is read once after.
        self._timer = QTimer(self.dock)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self.pane.placeClicked.connect(self.open_place)
        self.pane.eventOnlyToggled.connect(lambda _on: self.schedule())
        self.dock.visibilityChanged.connect(self._on_visibility)
        documents.modelReset.connect(self.schedule)
        session.edited.connect(self._on_edited)
        session.schema_changed.connect(self.schedule)
        session.corpus_opened.connect(self._on_corpus_opened)
        session.coders_view_changed.connect(lambda _on: self.schedule())
        # Another document's Events list: no event is selected in it any more.
        session.document_shown.connect(lambda _doc_id: self._on_event_row(-1))
        bench.span_pane.events.currentRowChanged.connect(self._on_event_row)
        session.selection_changed.connect(self._mark)

    def populate(self, menu: QMenu) -> None:
        self.action = self.bench.actions.bind("view.map", self.set_shown)
        self.bench.actions.fill(menu, "-", "view.map")

    def set_shown(self, on: bool) -> None:
        self.dock.setVisible(on)
        if not on:
            return
        window = self.dock.parentWidget()
        if not self._sized and isinstance(window, QMainWindow) and not self.dock.isFloating():
            # Its first showing: a good share of the window's height, the article above.
            self._sized = True
            window.resizeDocks([self.dock], [window.height() * 9 // 20], Qt.Orientation.Vertical)
        self.dock.raise_()
        self.pane.view.setFocus()

    def _on_visibility(self, visible: bool) -> None:
        with QSignalBlocker(self.action):
            self.action.setChecked(not self.dock.isHidden())
        if visible and self._stale:
            self.schedule()

    def _on_corpus_opened(self) -> None:
        self._shown_for = None
        self._stop_runner()  # its thread reads the corpus that was open
        self.schedule()

    def _mark(self) -> None:
        """The open document's places ringed on the map, the selected span's larger."""
        current = self.session.current_span
        self.pane.view.mark(self.session.doc_id, current.uid if current is not None else "")

    def _on_edited(self, edit: Edit, _followed: bool) -> None:
        # Reading 120,000 places takes a second: not after every tag, only after an edit
        # that can change what the map shows.
        if self.documents.filters != DocumentFilter() or touches_places(edit):
            self.schedule()

    def _on_event_row(self, _row: int) -> None:
        if self.pane.event_only.isChecked():
            self.schedule()

    # -- reading and showing ----------------------------------------------------------

    def schedule(self) -> None:
        """Read the places again soon (once for a burst of changes), if in sight."""
        self._stale = True
        if self.dock.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        if not self.dock.isVisible():
            self._stale = True
            return
        self._stale = False
        if self._broken:
            self.pane.say(self._broken)
            return
        session = self.session
        if self.pane.event_only.isChecked():
            event = self.events.selected()
            if event is None:
                self._ticket += 1  # an answer still coming is for another question
                self.pane.say(QCoreApplication.translate(
                    "MapActions", "Select an event in the Events list to see its places."))
                self._shown_for = None
                return
            key: object = ("event", event.uid)
            uid = event.uid
            read: Reading = lambda corpus: event_places(corpus, uid)  # noqa: E731
            empty = QCoreApplication.translate(
                "MapActions", "None of this event's places has coordinates: give its "
                "location spans a latitude and a longitude.")
        else:
            key = ("list", self.documents.search, self.documents.filters)
            coder, search = session.coder, fts_query(self.documents.search)
            spans_of = None if session.show_all_coders else session.coder
            filters = self.documents.filters
            read = lambda corpus: corpus_places(  # noqa: E731
                corpus, coder, spans_of=spans_of, search=search, filters=filters)
            empty = self._empty_message()
        self.reads += 1
        self._ticket += 1
        self._asked = (self._ticket, key, empty)
        if self._runner is None:
            self._runner = PlacesRunner(session.corpus.path)
            self._runner.ready.connect(self._on_ready)
            self._runner.failed.connect(self._on_failed)
        self._runner.ask(self._ticket, read)

    def _on_ready(self, ticket: int, found: PlaceSet) -> None:
        asked, key, empty = self._asked
        if ticket != asked or ticket != self._ticket:
            return  # a newer question is on its way
        colors = event_colors(self.session.schema.event_types,
                              [t for p in found.places for t in p.event_types])
        fit = key != self._shown_for or not self.pane.showing_map()
        self._shown_for = key
        self.pane.show_places(found, colors, fit=fit, empty=empty)

    def _on_failed(self, ticket: int, error: str) -> None:
        if ticket < self._ticket:
            return
        self.pane.say(QCoreApplication.translate(
            "MapActions", "The places could not be read: {error}").format(error=error))

    def close(self) -> None:
        """Ends the reading thread; the window calls this as it closes."""
        self._ticket += 1
        self._stop_runner()

    def _stop_runner(self) -> None:
        if self._runner is not None:
            self._runner.stop()
            self._runner = None

    def _empty_message(self) -> str:
        if self.documents.search or self.documents.filters != DocumentFilter():
            return QCoreApplication.translate(
                "MapActions", "No place in the documents listed has coordinates. The map shows "
                "the places of the documents the list shows: widen the search or the filters "
                "to see more.")
        return QCoreApplication.translate(
            "MapActions", "No coded place has coordinates yet. Tag a place as a location and "
            "give it a latitude and a longitude (a suggestion from the gazetteer fills them "
            "in): it appears here.")

    def shown(self) -> PlaceSet:
        return self.pane.places

    # -- opening a place --------------------------------------------------------------

    def open_place(self, place: Place) -> None:
        """Open the place's document with its span selected (another coder's span: with
        everyone's spans shown, as it is theirs)."""
        session = self.session
        try:
            if session.doc_id != place.doc_id:
                session.show_document(place.doc_id)
            if session.spans.by_uid(place.span_uid) is None and not session.show_all_coders:
                session.set_show_all_coders(True)
        except CorpusError as exc:
            session.say(QCoreApplication.translate(
                "MapActions", "The place's document could not be opened: {error}").format(
                error=exc), 8000)
            return
        if session.spans.by_uid(place.span_uid) is None:  # removed meanwhile
            session.say(QCoreApplication.translate(
                "MapActions", "“{place}” is no longer coded in that document.").format(
                place=place.name), 5000)
            self.schedule()
            return
        session.select(place.span_uid)
        self.bench.view.setFocus(Qt.FocusReason.OtherFocusReason)


def touches_places(edit: Edit) -> bool:
    """Whether ``edit`` can change the map: an event's, or a span with coordinates
    before or after it (the list's filters aside: with them, any edit may)."""
    if isinstance(edit, AddEvent | RemoveEvent | ChangeEvent):
        return True
    if isinstance(edit, Batch):
        return any(touches_places(inner) for inner in edit.edits)
    if isinstance(edit, AddSpan | RemoveSpan):
        spans = [edit.span]
    elif isinstance(edit, ChangeSpan):
        spans = [edit.before, edit.after]
    else:
        return False
    return any("latitude" in span.attrs or "longitude" in span.attrs for span in spans)
