"""The main window: assembles the panes and the action modules, lays them out,
and shows the session (annotator.session) as it changes. What the coder is
doing lives in the session; the window sends it intents and follows its signals."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QToolBar, QVBoxLayout, QWidget

from annotator.core.commands import AddSpan, Batch, ChangeSpan, Edit, RemoveSpan
from annotator.core.model import Span
from annotator.core.search import search_terms
from annotator.gui.action_binder import ActionBinder, menu_title
from annotator.gui.appearance import apply_appearance
from annotator.gui.article_view import ArticleView
from annotator.gui.background import HealthWorker, os_reason
from annotator.gui.background_runner import BackgroundRunner
from annotator.gui.coding_actions import CodingActions
from annotator.gui.copy_actions import CopyActions
from annotator.gui.doc_label_pane import DocLabelActions, StripArea
from annotator.gui.document_list import DocumentListModel
from annotator.gui.editing import follow_history
from annotator.gui.event_actions import EventActions
from annotator.gui.file_actions import FileActions
from annotator.gui.find_bar import FindBar
from annotator.gui.fragment_actions import FragmentActions
from annotator.gui.geometry import keep_inside, restore_geometry, save_geometry
from annotator.gui.health_watch import HealthWatch
from annotator.gui.map_actions import MapActions
from annotator.gui.model_training import ModelTraining
from annotator.gui.notices import READ_ONLY_QSS, NoticeBar
from annotator.gui.panes import DocumentPane
from annotator.gui.prompts import Prompts
from annotator.gui.relation_actions import RelationActions
from annotator.gui.span_list import SpanListModel
from annotator.gui.span_pane import SpanPane, decides_suggestions
from annotator.gui.status_line import StatusLine
from annotator.gui.suggestion_actions import SuggestionActions
from annotator.gui.tool_actions import ToolActions
from annotator.gui.wording import shown
from annotator.gui.workbench import Workbench
from annotator.session.messages import Message
from annotator.session.session import Session
from annotator.settings import Settings
from annotator.storage.protocol import CorpusBackend
from annotator.storage.suggestion_rates import acceptance_by_source
from annotator.storage.team_server import on_server

WATCH_INTERVAL_MS = 2000
# A server's notices of others' changes wait in the connection: taking them costs no
# round trip, so a coder sees another's change well within a second.
SERVER_WATCH_INTERVAL_MS = 250


class MainWindow(QMainWindow):
    def __init__(self, corpus: CorpusBackend, coder: str, settings: Settings,
                 prompts: Prompts | None = None) -> None:
        super().__init__()
        self.session = session = Session(corpus, coder)
        self._form_shows: tuple[object, object] | None = None  # (span, its label) in the form
        self.settings = settings
        self.prompts = prompts or Prompts(self)
        self.binder = ActionBinder(self, session)
        self.documents = DocumentListModel(corpus, coder)
        self.documents.searchFailed.connect(self.statusBar().showMessage)
        self.spans = SpanListModel()
        self.view = ArticleView()
        self.find_bar = FindBar(self.view)
        self.document_pane = DocumentPane(self.documents)
        self.span_pane = SpanPane(self.spans)
        self.background = BackgroundRunner(self, session.say, self._crashed)
        self.bench = Workbench(session, self.prompts, self.binder, settings, self.view,
                               self.span_pane, self.background, self.save_settings)
        self.doc_labels = DocLabelActions(self.bench, self.document_pane)
        self.copies = CopyActions(self.bench, lambda: self.documents.reset())
        self._build_layout()
        self.status_line = StatusLine(self.statusBar())
        self.label_bar = QToolBar(self.tr("Labels"))
        self.label_bar.setObjectName("labels")
        self.label_bar.setMovable(False)
        self.addToolBar(self.label_bar)
        self.files = FileActions(self.bench, self.close)
        self.event_actions = EventActions(self.bench)
        self.model_training = ModelTraining(self.bench)
        self.suggestion_actions = SuggestionActions(self.bench, self.model_training.model)
        self.relation_actions = RelationActions(self.bench)
        self.fragment_actions = FragmentActions(self.bench)
        self.tools = ToolActions(self.bench)
        self.coding = CodingActions(self.bench, self.find_bar, self.document_pane,
                                    self.suggestion_actions)
        self.map = MapActions(self.bench, self.documents, self.event_actions)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.map.dock)
        self._build_menus()
        self._connect()
        self._observe()
        # The remembered theme and text size (the application's sheet dresses the window).
        apply_appearance(application_of(self), settings)
        self.health_watch = HealthWatch(self, self.prompts, self.statusBar().showMessage,
                                        self.notice)
        # Another window or a command-line import may write to the same corpus: the
        # session notices (the corpus's data version) and the list and document follow.
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_INTERVAL_MS)
        self.watch.timeout.connect(self.pick_up_outside_changes)
        self.watch.start()
        session.open_corpus(corpus)
        # The size and place the window had on this screen, once its panes hold the
        # corpus (their least widths are known only then).
        restore_geometry(self, settings)
        self._share_width()

    # -- what the session holds, as the window's callers knew it ---------------------

    @property
    def corpus(self) -> CorpusBackend:
        return self.session.corpus

    @property
    def doc_id(self) -> int | None:
        return self.session.doc_id

    @property
    def label_actions(self) -> list[QAction]:
        return self.coding.label_keys.actions

    # -- building ------------------------------------------------------------

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.document_pane)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 4, 0, 0)
        self.read_only_bar = NoticeBar(READ_ONLY_QSS, closable=False)
        self.notice = NoticeBar()  # what could not be saved, without stopping the coder
        strip = StripArea(self.doc_labels.strip)
        for widget in (self.read_only_bar, self.notice, self.copies.bar, self.find_bar, strip,
                       self.view):
            column.addWidget(widget)
        splitter.addWidget(centre)
        splitter.addWidget(self.span_pane)
        for index, stretch in enumerate((0, 1, 0)):
            splitter.setStretchFactor(index, stretch)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.splitter = splitter

    def _share_width(self) -> None:
        """The side panes take their share of the window's width (never all of it on a
        small screen); the article takes the rest."""
        width = self.width()
        documents = max(220, min(340, width * 22 // 100))
        spans = max(260, min(400, width * 27 // 100))
        self.splitter.setSizes([documents, max(200, width - documents - spans), spans])

    def _build_menus(self) -> None:
        menus = self.menuBar()
        self.files.populate(menus.addMenu(menu_title("file")))
        self.coding.populate(menus, self.label_bar, self.fragment_actions, self.doc_labels,
                             self.tools)
        self.relation_actions.populate(menus.addMenu(menu_title("link")))
        self.event_actions.populate(menus.addMenu(menu_title("event")))
        self.map.populate(self.coding.view_menu)
        suggest = menus.addMenu(menu_title("suggest"))
        self.suggestion_actions.populate(suggest)
        tools = menus.addMenu(menu_title("tools"))
        self.tools.populate(tools, menus.addMenu(menu_title("help")))
        self.copies.populate(self.coding.document_menu, suggest, tools)
        self.model_training.populate(suggest, self.coding.document_menu)

    def _connect(self) -> None:
        """What the coder does in the panes, sent to the session."""
        session = self.session
        self.document_pane.table.selectionModel().currentRowChanged.connect(
            self._on_list_row_changed)
        self.document_pane.search.searchRequested.connect(
            lambda text: self.documents.reset(search=text))
        self.document_pane.filtersChanged.connect(
            lambda: self.documents.reset(filters=self.document_pane.filters()))
        self.view.spanClicked.connect(self._on_span_clicked)
        self.view.spanMenuRequested.connect(lambda uid, where: self.coding.span_menu(
            uid, where, self.relation_actions, self.fragment_actions))
        self.span_pane.list.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self._on_span_rows_selected())
        self.span_pane.form.edited.connect(session.change_attributes)
        self.span_pane.form.invalid.connect(lambda message: session.say(message, 6000))

    def _observe(self) -> None:
        """The session's changes, shown."""
        session = self.session
        session.corpus_opened.connect(self._on_corpus_opened)
        session.schema_changed.connect(self._on_schema_changed)
        session.document_shown.connect(self._on_document_shown)
        session.edited.connect(self._on_edited)
        session.reread_done.connect(self._on_reread)
        session.selection_changed.connect(self._on_selection_changed)
        session.coders_view_changed.connect(self._on_coders_view_changed)
        session.progress_changed.connect(self._on_progress)
        session.saved.connect(self._on_saved)
        session.not_saved.connect(self._on_not_saved)
        session.said.connect(self.status_line.say)
        session.waiting_for_writer.connect(self._waiting_for_writer)
        session.waiting_for_server.connect(self._on_waiting_for_server)
        session.history.moved.connect(self._follow_history)

    # -- following the session ---------------------------------------------------------

    def _on_corpus_opened(self) -> None:
        session = self.session
        corpus = session.corpus
        self.notice.dismiss()
        self._show_read_only()
        self.documents.reset(corpus=corpus, coder=session.coder, search="")
        self.document_pane.search.clear_quietly()
        self.settings.remember_corpus(corpus.path)
        self.save_settings()
        self.files.refresh_recent()
        title = (self.tr("{name} (read-only) — annotator") if corpus.read_only
                 else self.tr("{name} — annotator"))
        self.setWindowTitle(title.format(name=corpus.path.name))
        self.status_line.show_coder(session.coder)
        if on_server(corpus):
            # The server keeps its own pages sound and its own backups (`annotator pull`
            # takes a copy); another coder's change is told at once, so it is looked for
            # often.
            self.health_watch.stop()
            self.watch.setInterval(SERVER_WATCH_INTERVAL_MS)
        else:
            self.watch.setInterval(WATCH_INTERVAL_MS)
            self.health_watch.check(corpus.path)

    def _on_schema_changed(self) -> None:
        session = self.session
        colors = {label.name: label.color for label in session.labels}
        self.view.set_colors(colors)
        self.spans.set_colors(colors)
        self.coding.label_keys.rebuild(session.labels)
        self.document_pane.set_choices([label.name for label in session.labels],
                                       session.corpus.coders())
        self.relation_actions.reload_types()
        self.doc_labels.reload()
        self.binder.apply_keys(self.settings.shortcuts)

    def _on_document_shown(self, doc_id: int | None) -> None:
        session = self.session
        self.binder.refresh()
        self.status_line.show_document(session.document)
        if doc_id is None or session.document is None:
            self.view.show_document("", [])
            self._show_spans()
            return
        document = session.document
        self.view.show_document(document.text, session.spans, meta=document.meta)
        if self.documents.search:  # opened from a search: mark and show the match
            self.view.mark_matches(search_terms(self.documents.search))
        self._show_spans()
        self._refresh_parts()
        self.span_pane.show_rates(acceptance_by_source(session.corpus))
        self._show_in_list(doc_id)
        self.view.setFocus()

    def _show_in_list(self, doc_id: int) -> None:
        """The document's row in the corpus list: current, and scrolled to."""
        row = self.documents.row_for(doc_id)
        table = self.document_pane.table
        if row is not None:
            index = self.documents.index(row, 1)
            if table.currentIndex().row() != row:
                table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            table.scrollTo(index)

    def _on_edited(self, edit: Edit, followed: bool) -> None:
        if not followed:  # the rows were read again: the text repaints what it touched
            self.view.update_spans(self.session.spans, touched_spans(edit))
        self._show_spans()
        self._refresh_parts()
        if decides_suggestions(edit):  # counted again only when a suggestion's fate changed
            self.span_pane.show_rates(acceptance_by_source(self.session.corpus))

    def _on_reread(self) -> None:
        """Spans changed elsewhere: recoloured in place; the text, the caret, the scroll and
        the coder's selection of text stay."""
        self.view.update_spans(self.session.spans)
        self.status_line.show_document(self.session.document)
        self._show_spans()
        self._refresh_parts()

    def _show_spans(self) -> None:
        spans = self.session.spans
        # Setting rows moves the list's current row: that is not the coder choosing.
        with QSignalBlocker(self.span_pane.list.selectionModel()):
            self.spans.set_spans(spans)
        # Pending suggestions are not the coder's spans: counted apart.
        suggested = spans.suggestion_count()
        if suggested:
            self.span_pane.title.setText(self.tr("Spans ({count} · {suggested} suggested)").format(
                count=len(spans) - suggested, suggested=suggested))
        else:
            self.span_pane.set_count(len(spans))
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        session = self.session
        current = session.current_span
        self.view.select_spans(session.selected_uids)  # the last is the current one
        shown = (current, session.schema.label(current.label) if current else None)
        if shown != self._form_shows:  # the same span as it was: what is typed stays
            self._form_shows = shown
            self.span_pane.show_span(*shown)
        self.relation_actions.show_links()
        self._select_rows(session.selected_uids)

    def _select_rows(self, uids: tuple[str, ...]) -> None:
        """The span list shows the session's selection (without telling it back)."""
        model = self.span_pane.list.selectionModel()
        with QSignalBlocker(model):
            model.clearSelection()
            for uid in uids:
                row = self.spans.row_of(uid)
                if row is not None:
                    model.select(self.spans.index(row), QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
            if uids and (row := self.spans.row_of(uids[-1])) is not None:
                model.setCurrentIndex(self.spans.index(row),
                                      QItemSelectionModel.SelectionFlag.NoUpdate)
        self.span_pane.list.viewport().update()

    def _refresh_parts(self) -> None:
        """What follows the open document besides its spans: events, links, its labels."""
        self.event_actions.refresh()
        self.relation_actions.refresh()
        self.doc_labels.refresh()

    def _on_coders_view_changed(self, on: bool) -> None:
        owner = self.session.coder if on else ""
        self.view.highlighter.owner = owner
        self.spans.owner = owner
        with QSignalBlocker(self.coding.all_coders_action):
            self.coding.all_coders_action.setChecked(on)

    def _on_progress(self, done: int, total: int) -> None:
        self.status_line.show_progress(done, total)
        self.document_pane.set_counts(done, total)

    def _on_saved(self, edit: Edit) -> None:
        self.documents.refresh(edit.doc_id, edit)
        self.status_line.show_saved()

    def _on_waiting_for_server(self, count: int) -> None:
        if count:
            self.status_line.show_waiting(count)
        else:
            self.status_line.show_saved()

    def _on_not_saved(self, message: Message) -> None:
        """Say plainly that an edit was not stored, without stopping the coder."""
        if not self.session.read_only:  # the read-only bar already says why
            self.status_line.show_not_saved()
            self.notice.show_notice(self.tr("Not saved. {message}").format(message=shown(message)))

    def _follow_history(self) -> None:
        follow_history(self.coding.undo_action, self.coding.redo_action, self.session.history,
                       read_only=bool(self.session.read_only))

    def _waiting_for_writer(self) -> None:
        self.status_line.say_now(
            self.tr("Waiting for another program that is writing to the corpus…"))

    def _show_read_only(self) -> None:
        """A corpus that cannot be written is for reading, searching and exporting:
        everything that would change it is disabled, and the window says why."""
        why = self.session.read_only
        self.binder.refresh()
        self._follow_history()
        self.span_pane.form.setEnabled(not why)
        self.status_line.show_writable(why)
        if why:
            self.read_only_bar.show_notice(self.tr(
                "read-only: {why}. You can read, search and export this corpus; nothing in "
                "it can be changed here.").format(why=why))
        else:
            self.read_only_bar.dismiss()

    def _crashed(self, message: str) -> None:
        self.prompts.error(self.tr("Stopped"), self.tr(
            "The work in the background stopped.\n\n{message}").format(message=message))

    # -- what the coder does in the window ------------------------------------------------

    def _on_list_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = self.documents.doc_id(current.row())
        if doc_id is not None and doc_id != self.session.doc_id:
            self.session.show_document(doc_id)

    def _on_span_clicked(self, uid: str) -> None:
        """A click on a span selects it (on no span: nothing); Ctrl+click adds it to the
        selection or takes it out, as in the span list, and on no span keeps it."""
        control = QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier
        if control:
            if uid:
                self.session.toggle(uid)
        else:
            self.session.select(uid)

    def _on_span_rows_selected(self) -> None:
        if self.session.following:
            return
        rows = sorted({i.row() for i in self.span_pane.list.selectionModel().selectedIndexes()})
        uids = [s.uid for s in (self.spans.span_at(r) for r in rows) if s is not None]
        current = self.spans.span_at(self.span_pane.list.currentIndex().row())
        if current is not None and current.uid in uids:  # the one clicked last is current
            uids = [u for u in uids if u != current.uid] + [current.uid]
        self.session.select(*uids)

    def pick_up_outside_changes(self) -> bool:
        """Show what another process committed since we last looked; True if anything."""
        if not self.session.pick_up_outside_changes():
            return False
        self.documents.reset()
        if self.session.doc_id is not None:
            self._show_in_list(self.session.doc_id)
        return True

    def save_settings(self) -> bool:
        """Keep the settings; a full or read-only settings disk is said, and the
        window goes on (the corpus is elsewhere and unharmed)."""
        try:
            self.settings.save()
        except OSError as exc:
            message = self.tr("Could not save the settings: {reason}. Work goes on.").format(
                reason=os_reason(exc))
            self.statusBar().showMessage(message, 15000)
            self.notice.show_notice(message)
            return False
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_inside(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.isVisible():  # sized before it is shown: the panes share the new width
            self._share_width()
        elif self.size() == self.minimumSizeHint().expandedTo(self.minimumSize()):
            keep_inside(self)  # grown to its least size (not by the coder): on the screen

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every edit is already committed; closing stops the work in the background
        # (cancelled, not awaited to its end) and lets go of the file.
        save_geometry(self, self.settings)
        self.save_settings()
        self.watch.stop()
        self.health_watch.stop()
        self.background.stop()
        self.model_training.stop()
        self.documents.close()
        self.map.close()
        self.session.close()
        super().closeEvent(event)

    @property
    def health(self) -> HealthWorker | None:
        return self.health_watch.worker

    @property
    def health_timer(self) -> QTimer:
        return self.health_watch.timer


def application_of(_widget: QWidget) -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # a window exists only in a QApplication
    return app


def touched_spans(edit: Edit) -> list[Span]:
    """The spans an edit added, removed or changed: what needs repainting."""
    if isinstance(edit, AddSpan | RemoveSpan):
        return [edit.span]
    if isinstance(edit, ChangeSpan):
        return [edit.before, edit.after]
    if isinstance(edit, Batch):
        return [span for inner in edit.edits for span in touched_spans(inner)]
    return []
