"""The main window: assembles the panes and the action modules, lays them out,
and shows the session (annotator.session) as it changes. What the coder is
doing lives in the session; the window sends it intents and follows its signals."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QToolBar, QToolButton, QVBoxLayout, QWidget

from annotator.core.commands import AddSpan, Batch, ChangeSpan, Edit, RemoveSpan
from annotator.core.model import STATUSES, Span
from annotator.core.schema import LabelSpec, Schema
from annotator.core.search import search_terms
from annotator.gui.action_binder import ActionBinder
from annotator.gui.article_view import ArticleView
from annotator.gui.background import HealthWorker, os_reason
from annotator.gui.background_runner import BackgroundRunner
from annotator.gui.codebook import edit_schema
from annotator.gui.details_dialog import details_text
from annotator.gui.doc_label_pane import DocLabelActions
from annotator.gui.document_list import DocumentListModel
from annotator.gui.editing import follow_history
from annotator.gui.event_actions import EventActions
from annotator.gui.file_actions import FileActions
from annotator.gui.find_bar import FindBar
from annotator.gui.fragment_actions import FragmentActions
from annotator.gui.health_watch import HealthWatch
from annotator.gui.notices import READ_ONLY_QSS, NoticeBar, plain_label, plain_tooltip
from annotator.gui.panes import DocumentPane
from annotator.gui.prompts import Prompts
from annotator.gui.relation_actions import RelationActions
from annotator.gui.span_list import SpanListModel
from annotator.gui.span_menu import span_menu
from annotator.gui.span_pane import SpanPane
from annotator.gui.style import WINDOW_QSS, fit_to_screen, label_button_qss
from annotator.gui.suggestion_actions import SuggestionActions
from annotator.gui.tool_actions import ToolActions
from annotator.gui.workbench import Workbench
from annotator.session.session import Session
from annotator.settings import Settings
from annotator.storage.protocol import CorpusBackend
from annotator.storage.span_rows import SpanRows

WATCH_INTERVAL_MS = 2000


class MainWindow(QMainWindow):
    def __init__(self, corpus: CorpusBackend, coder: str, settings: Settings,
                 prompts: Prompts | None = None) -> None:
        super().__init__()
        self.session = session = Session(corpus, coder)
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
        self._build_layout()
        self._build_status_bar()
        self.label_bar = QToolBar("Labels")
        self.label_bar.setObjectName("labels")
        self.label_bar.setMovable(False)
        self.addToolBar(self.label_bar)
        self.label_actions: list[QAction] = []
        self.files = FileActions(self.bench, self.close)
        self.event_actions = EventActions(self.bench)
        self.suggestion_actions = SuggestionActions(self.bench)
        self.relation_actions = RelationActions(self.bench)
        self.fragment_actions = FragmentActions(self.bench)
        self.tools = ToolActions(self.bench)
        self._build_menus()
        self._connect()
        self._observe()
        self.setStyleSheet(WINDOW_QSS)
        fit_to_screen(self)
        self.health_watch = HealthWatch(self, self.prompts, self.statusBar().showMessage,
                                        self.notice)
        # Another window or a command-line import may write to the same corpus: the
        # session notices (the corpus's data version) and the list and document follow.
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_INTERVAL_MS)
        self.watch.timeout.connect(self.pick_up_outside_changes)
        self.watch.start()
        session.open_corpus(corpus)

    # -- what the session holds, as the window's callers knew it ---------------------

    @property
    def corpus(self) -> CorpusBackend:
        return self.session.corpus

    @property
    def coder(self) -> str:
        return self.session.coder

    @property
    def doc_id(self) -> int | None:
        return self.session.doc_id

    @property
    def schema(self) -> Schema:
        return self.session.schema

    @property
    def labels(self) -> list[LabelSpec]:
        return self.session.labels

    @property
    def current_spans(self) -> SpanRows:
        return self.session.spans

    @property
    def corpus_path(self) -> Path:
        return self.session.corpus.path

    # -- building ------------------------------------------------------------

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.document_pane)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 4, 0, 0)
        self.read_only_bar = NoticeBar(READ_ONLY_QSS, closable=False)
        self.notice = NoticeBar()  # what could not be saved, without stopping the coder
        for widget in (self.read_only_bar, self.notice, self.find_bar, self.doc_labels.strip,
                       self.view):
            column.addWidget(widget)
        splitter.addWidget(centre)
        splitter.addWidget(self.span_pane)
        for index, stretch in enumerate((0, 1, 0)):
            splitter.setStretchFactor(index, stretch)
        splitter.setSizes([300, 730, 340])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

    def _build_status_bar(self) -> None:
        # Titles, sources and coder names come from the corpus: shown as text, never HTML.
        self.coder_label = plain_label()
        self.progress_label = plain_label()
        self.document_label = plain_label()
        self.saved_label = plain_label("✓ all saved")
        bar = self.statusBar()
        bar.addWidget(self.coder_label)
        bar.addWidget(self.progress_label)
        bar.addWidget(self.document_label, 1)
        bar.addPermanentWidget(self.saved_label)

    def _build_menus(self) -> None:
        session, bind, fill = self.session, self.binder.bind, self.binder.fill
        menus = self.menuBar()
        self.files.populate(menus.addMenu("&File"))

        edit = menus.addMenu("&Edit")
        # Through the session's history: a failed undo must not move it.
        self.undo_action = bind("edit.undo", session.undo)
        self.redo_action = bind("edit.redo", session.redo)
        self.remove_action = bind("edit.remove_span", self.remove_selected_span)
        bind("edit.clear_selection", self.clear_selection)
        bind("edit.find", self.find_bar.open)
        bind("edit.find_next", lambda: self.find_bar.step(1))
        bind("edit.find_previous", lambda: self.find_bar.step(-1))
        bind("edit.search", self.focus_search)
        bind("edit.attributes", self.focus_attributes)
        bind("edit.schema", self.edit_schema)
        bind("edit.shortcuts", self.tools.edit_shortcuts)
        fill(edit, "edit.undo", "edit.redo", "-", "edit.remove_span")
        self.fragment_actions.populate(edit)
        fill(edit, "edit.clear_selection", "edit.find", "edit.find_next", "edit.find_previous",
             "edit.search", "edit.attributes")
        self.labels_menu = edit.addMenu("Tag or relabel as")
        fill(edit, "-", "edit.schema", "edit.shortcuts")

        document = menus.addMenu("&Document")
        bind("document.done_next", session.done_and_next)
        for status in STATUSES:
            bind(f"document.mark_{status.replace(' ', '_')}",
                 lambda s=status: session.set_status(s))
        bind("document.details", self.edit_details)
        bind("document.next", lambda: session.go(1))
        bind("document.previous", lambda: session.go(-1))
        bind("document.next_undone", session.next_undone)
        fill(document, "document.done_next",
             *(f"document.mark_{s.replace(' ', '_')}" for s in STATUSES), "document.details")
        self.doc_labels.populate(document)
        fill(document, "-", "document.next", "document.previous", "document.next_undone")

        view = menus.addMenu("&View")
        self.all_coders_action = bind("view.all_coders", session.set_show_all_coders)
        fill(view, "view.all_coders")
        self.relation_actions.populate(menus.addMenu("&Link"))
        self.event_actions.populate(menus.addMenu("E&vent"))
        self.suggestion_actions.populate(menus.addMenu("&Suggest"))
        self.tools.populate(menus.addMenu("&Tools"), menus.addMenu("&Help"))

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
        self.view.spanMenuRequested.connect(self._span_menu)
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
        session.selection_changed.connect(self._on_selection_changed)
        session.coders_view_changed.connect(self._on_coders_view_changed)
        session.progress_changed.connect(self._on_progress)
        session.saved.connect(self._on_saved)
        session.not_saved.connect(self._on_not_saved)
        session.said.connect(self._say)
        session.waiting_for_writer.connect(self._waiting_for_writer)
        session.history.moved.connect(self._follow_history)

    def _build_label_actions(self) -> None:
        for action in self.label_actions:
            self.binder.drop(action)
        self.label_bar.clear()
        self.labels_menu.clear()
        self.label_actions = []
        labels = self.session.labels
        initials = [label.name[:1].upper() for label in labels]
        for label in labels:
            keys = [label.shortcut] if label.shortcut else []
            initial = label.name[:1].upper()
            if initials.count(initial) == 1 and initial not in keys:
                keys.append(initial)
            caption = f"{label.shortcut}  {label.name.capitalize()}".strip()
            # A label named "R&D" is not a mnemonic.
            action = self.binder.make(caption.replace("&", "&&"),
                                      lambda name=label.name: self.apply_label(name), keys)
            examples = f"\nFor example: {'; '.join(label.examples)}" if label.examples else ""
            action.setToolTip(plain_tooltip(
                f"{label.description}{examples}\nKeys: {', '.join(keys)}".strip()))
            self.label_actions.append(action)
            self.label_bar.addAction(action)
            self.labels_menu.addAction(action)
            button = self.label_bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setStyleSheet(label_button_qss(label.color))
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

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
        self.setWindowTitle(f"{corpus.path.name}{' (read-only)' if corpus.read_only else ''}"
                            " — annotator")
        self.coder_label.setText(f"coder: {session.coder}")
        self.health_watch.check(corpus.path)

    def _on_schema_changed(self) -> None:
        session = self.session
        colors = {label.name: label.color for label in session.labels}
        self.view.set_colors(colors)
        self.spans.set_colors(colors)
        self._build_label_actions()
        self.document_pane.set_choices([label.name for label in session.labels],
                                       session.corpus.coders())
        self.relation_actions.reload_types()
        self.doc_labels.reload()
        self.binder.apply_keys(self.settings.shortcuts)

    def _on_document_shown(self, doc_id: int | None) -> None:
        session = self.session
        self.binder.refresh()
        if doc_id is None or session.document is None:
            self.view.show_document("", [])
            self._show_spans()
            self.document_label.setText("This corpus is empty: File > Import articles.")
            return
        document = session.document
        self.view.show_document(document.text, session.spans)
        if self.documents.search:  # opened from a search: mark and show the match
            self.view.mark_matches(search_terms(self.documents.search))
        self._show_spans()
        self._refresh_parts()
        parts = [document.date or "no date", document.source or "", document.title]
        self.document_label.setText(" · ".join(p for p in parts if p))
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
        self.view.setFocus()

    def _on_edited(self, edit: Edit, followed: bool) -> None:
        if not followed:  # the rows were read again: the text repaints what it touched
            self.view.update_spans(self.session.spans, touched_spans(edit))
        self._show_spans()
        self._refresh_parts()

    def _show_spans(self) -> None:
        spans = self.session.spans
        # Setting rows moves the list's current row: that is not the coder choosing.
        with QSignalBlocker(self.span_pane.list.selectionModel()):
            self.spans.set_spans(spans)
        # Pending suggestions are not the coder's spans: counted apart.
        suggested = spans.suggestion_count()
        pending = f" · {suggested} suggested" if suggested else ""
        self.span_pane.title.setText(f"Spans ({len(spans) - suggested}{pending})")
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        session = self.session
        current = session.current_span
        self.view.select_span(current.uid if current else "")
        select_many = getattr(self.view, "select_spans", None)
        if select_many is not None:
            select_many(session.selected_uids)
        self.span_pane.show_span(current, session.schema.label(current.label)
                                 if current else None)
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
        with QSignalBlocker(self.all_coders_action):
            self.all_coders_action.setChecked(on)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_label.setText(f"done {done} / {total}")
        self.document_pane.set_counts(done, total)

    def _on_saved(self, edit: Edit) -> None:
        self.documents.refresh(edit.doc_id, edit)
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(f"✓ saved {datetime.now():%H:%M:%S}")

    def _on_not_saved(self, message: str) -> None:
        """Say plainly that an edit was not stored, without stopping the coder."""
        if not self.session.read_only:  # the read-only bar already says why
            self.saved_label.setStyleSheet("color: #b42318; font-weight: 600")
            self.saved_label.setText("✗ not saved")
            self.notice.show_notice(f"Not saved. {message}")

    def _follow_history(self) -> None:
        follow_history(self.undo_action, self.redo_action, self.session.history,
                       read_only=bool(self.session.read_only))

    def _say(self, message: str, ms: int) -> None:
        if message:
            self.statusBar().showMessage(message, ms)
        else:
            self.statusBar().clearMessage()

    def _waiting_for_writer(self) -> None:
        # Told while the edit waits for the other writer, on this (blocked) thread:
        # paint the message now, the event loop is not running.
        self.statusBar().showMessage("Waiting for another program that is writing to the "
                                     "corpus…")
        self.statusBar().repaint()

    def _show_read_only(self) -> None:
        """A corpus that cannot be written is for reading, searching and exporting:
        everything that would change it is disabled, and the window says why."""
        why = self.session.read_only
        self.binder.refresh()
        self._follow_history()
        self.span_pane.form.setEnabled(not why)
        self.saved_label.setStyleSheet("")
        if why:
            self.read_only_bar.show_notice(
                f"read-only: {why}. You can read, search and export this corpus; nothing in "
                "it can be changed here.")
            self.saved_label.setText(f"read-only: {why}")
        else:
            self.read_only_bar.dismiss()
            self.saved_label.setText("✓ all saved")

    def _crashed(self, message: str) -> None:
        self.prompts.error("Stopped", f"The work in the background stopped.\n\n{message}")

    # -- what the coder does in the window ------------------------------------------------

    def _on_list_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = self.documents.doc_id(current.row())
        if doc_id is not None and doc_id != self.session.doc_id:
            self.session.show_document(doc_id)

    def _on_span_clicked(self, uid: str) -> None:
        """A click on a span selects it; Ctrl+click adds it to the selection (or takes
        it out), as in the span list."""
        control = QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier
        if control and uid:
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

    def show_document(self, doc_id: int) -> None:
        self.session.show_document(doc_id)

    def open_corpus(self, corpus: CorpusBackend) -> None:
        self.session.open_corpus(corpus)

    def set_show_all_coders(self, on: bool) -> None:
        self.session.set_show_all_coders(on)

    def selected_spans(self) -> list[Span]:
        return self.session.selected_spans()

    def select_span(self, uid: str) -> None:
        self.session.select(uid)

    def go(self, step: int) -> None:
        self.session.go(step)

    def next_undone(self) -> bool:
        return self.session.next_undone()

    def apply_label(self, label: str) -> None:
        """Tag the selected text with ``label``, or relabel the selected span."""
        # Left enabled on a read-only corpus: the key says why nothing happens.
        start, end = self.view.selection()
        if start < end and self.session.doc_id is not None and not self.session.read_only:
            if self.session.tag(start, end, label) is not None:
                self.view.clear_selection()
                self._on_selection_changed()
            return
        self.session.apply_label(label, start, start)

    def tag(self, start: int, end: int, label: str) -> None:
        if self.session.tag(start, end, label) is not None:
            self.view.clear_selection()
            self._on_selection_changed()

    def remove_selected_span(self) -> None:
        span = self.session.current_span
        if span is None:
            self.session.say("Click a span to select it first.", 3000)
            return
        if span.origin == "suggested":  # Backspace on a suggestion rejects it
            self.suggestion_actions.reject_selected()
            return
        self.session.remove(span)

    def edit_schema(self) -> None:
        edit_schema(self.session, self.prompts)

    def reload_schema(self) -> None:
        self.session.reload_schema()

    def edit_details(self) -> None:
        session = self.session
        if session.doc_id is None:
            return
        before = session.corpus.details(session.doc_id)
        if session.read_only:  # shown, not offered for editing
            self.prompts.info("Document details (read-only)", details_text(before))
            return
        after = self.prompts.edit_details(before)
        if after is not None:
            session.set_details(before, after)

    def set_status(self, status: str) -> None:
        self.session.set_status(status)

    def done_and_next(self) -> None:
        self.session.done_and_next()

    def _span_menu(self, uid: str, where: QPoint) -> None:
        """Right-click on a span: relabel, link, take a piece out, remove."""
        self.session.select(uid)
        span = self.session.current_span
        if span is not None:
            span_menu(self, span, self.view.text, self.label_actions, self.remove_action,
                      self.relation_actions, self.fragment_actions).popup(where)

    def clear_selection(self) -> None:
        """Escape: close the find bar if it is open, else drop the selection."""
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
            return
        self.view.clear_selection()
        self.session.select()

    def pick_up_outside_changes(self) -> bool:
        """Show what another process committed since we last looked; True if anything."""
        if not self.session.pick_up_outside_changes():
            return False
        self.documents.reset()
        if self.session.doc_id is not None:
            self._on_document_shown(self.session.doc_id)
        return True

    def save_settings(self) -> bool:
        """Keep the settings; a full or read-only settings disk is said, and the
        window goes on (the corpus is elsewhere and unharmed)."""
        try:
            self.settings.save()
        except OSError as exc:
            message = f"Could not save the settings: {os_reason(exc)}. Work goes on."
            self.statusBar().showMessage(message, 15000)
            self.notice.show_notice(message)
            return False
        return True

    def focus_attributes(self) -> None:
        if not self.span_pane.form.focus_first():
            self.session.say("Select a span first (click it, or pick it in the span list).",
                             4000)

    def focus_search(self) -> None:
        self.document_pane.search.setFocus()
        self.document_pane.search.selectAll()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every edit is already committed; closing stops the work in the background
        # (cancelled, not awaited to its end) and lets go of the file.
        self.watch.stop()
        self.health_watch.stop()
        self.background.stop()
        self.documents.close()
        self.session.close()
        super().closeEvent(event)

    @property
    def health(self) -> HealthWorker | None:
        return self.health_watch.worker

    @property
    def health_timer(self) -> QTimer:
        return self.health_watch.timer


def touched_spans(edit: Edit) -> list[Span]:
    """The spans an edit added, removed or changed: what needs repainting."""
    if isinstance(edit, AddSpan | RemoveSpan):
        return [edit.span]
    if isinstance(edit, ChangeSpan):
        return [edit.before, edit.after]
    if isinstance(edit, Batch):
        return [span for inner in edit.edits for span in touched_spans(inner)]
    return []
