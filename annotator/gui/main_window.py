"""The main window: assembles the panes, the actions and the editing flow."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.casualties import prefilled
from annotator.core.commands import (
    AddSpan,
    Batch,
    ChangeSpan,
    Edit,
    RemoveSpan,
    SetDocumentDetails,
    SetStatus,
    relabel,
    remove_span,
)
from annotator.core.model import STATUSES, Span
from annotator.core.schema import LabelSpec, Schema
from annotator.core.search import search_terms
from annotator.gui.article_view import ArticleView
from annotator.gui.background import HealthWorker, os_reason
from annotator.gui.codebook import edit_schema
from annotator.gui.details_dialog import details_text
from annotator.gui.doc_label_pane import DocLabelActions
from annotator.gui.document_list import DocumentListModel
from annotator.gui.editing import Editor
from annotator.gui.event_actions import EventActions
from annotator.gui.file_actions import FileActions
from annotator.gui.find_bar import FindBar
from annotator.gui.fragment_actions import FragmentActions
from annotator.gui.health_watch import HealthWatch
from annotator.gui.notices import READ_ONLY_QSS, NoticeBar, plain_label, plain_tooltip
from annotator.gui.panes import DocumentPane
from annotator.gui.prompts import Prompts
from annotator.gui.relation_actions import RelationActions
from annotator.gui.shortcuts import apply_shortcuts
from annotator.gui.span_list import SpanListModel
from annotator.gui.span_menu import span_menu
from annotator.gui.span_pane import SpanPane
from annotator.gui.style import WINDOW_QSS, fit_to_screen, label_button_qss
from annotator.gui.suggestion_actions import SuggestionActions
from annotator.gui.tool_actions import ToolActions
from annotator.settings import Settings
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.span_rows import SpanRows

WATCH_INTERVAL_MS = 2000
# How long an edit waits for another program writing to the corpus (a second
# window, a command-line import) before it is reported as not saved: long
# enough for their usual transactions, short enough that the window never hangs.
WRITE_WAIT_SECONDS = 2.0


class MainWindow(QMainWindow):
    def __init__(self, corpus: Corpus, coder: str, settings: Settings,
                 prompts: Prompts | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.coder = coder
        self.settings = settings
        self.prompts = prompts or Prompts(self)
        self.doc_id: int | None = None
        self.labels: list[LabelSpec] = []
        self.show_all_coders = False
        self.schema = Schema(())
        self.current_spans: SpanRows = SpanRows.of([])
        self._document_total = 0
        self.writing_actions: list[QAction] = []  # disabled on a read-only corpus
        self.editor = Editor(corpus, self)
        self.editor.changed.connect(self._on_edit_applied)
        self.editor.failed.connect(self._not_saved)

        self.documents = DocumentListModel(corpus, coder)
        self.documents.searchFailed.connect(self.statusBar().showMessage)
        self.spans = SpanListModel()
        self.view = ArticleView()
        self.find_bar = FindBar(self.view)
        self.document_pane = DocumentPane(self.documents)
        self.span_pane = SpanPane(self.spans)
        self.doc_labels = DocLabelActions(self, self.document_pane)
        self._build_layout()
        self._build_status_bar()
        self.label_bar = QToolBar("Labels")
        self.label_bar.setObjectName("labels")
        self.label_bar.setMovable(False)
        self.addToolBar(self.label_bar)
        self.label_actions: list[QAction] = []
        self.files = FileActions(self)
        self.event_actions = EventActions(self)
        self.suggestion_actions = SuggestionActions(self)
        self.relation_actions = RelationActions(self)
        self.fragment_actions = FragmentActions(self)
        self.tools = ToolActions(self)
        self._build_menus()
        self._connect()
        self.setStyleSheet(WINDOW_QSS)
        fit_to_screen(self)
        self.health_watch = HealthWatch(self, self.prompts, self.statusBar().showMessage,
                                        self.notice)
        self._data_version = 0
        # Another window or a command-line import may write to the same corpus:
        # SQLite's data_version says when, and the list and document follow.
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_INTERVAL_MS)
        self.watch.timeout.connect(self.pick_up_outside_changes)
        self.watch.start()
        self.open_corpus(corpus)

    # -- building ------------------------------------------------------------

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.document_pane)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 4, 0, 0)
        self.read_only_bar = NoticeBar(READ_ONLY_QSS, closable=False)
        self.notice = NoticeBar()  # what could not be saved, without stopping the coder
        column.addWidget(self.read_only_bar)
        column.addWidget(self.notice)
        column.addWidget(self.find_bar)
        column.addWidget(self.doc_labels.strip)
        column.addWidget(self.view)
        splitter.addWidget(centre)
        splitter.addWidget(self.span_pane)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
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

    def _action(self, text: str, slot: Callable[[], object],
                *shortcuts: QKeySequence | QKeySequence.StandardKey | str,
                writes: bool = False) -> QAction:
        """A window action; ``writes`` if it changes the corpus (so it is disabled
        while the corpus is read-only)."""
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work wherever focus is in the window
        if writes:
            self.writing_actions.append(action)
        return action

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        self.files.populate(file_menu)

        edit = menus.addMenu("&Edit")
        # Through the editor, not the stack's own actions: a failed undo must not
        # move the stack.
        edit.addActions([self.editor.undo_action(self), self.editor.redo_action(self)])
        edit.addSeparator()
        self.remove_action = self._action("Remove span", self.remove_selected_span,
                                          QKeySequence.StandardKey.Delete, "Backspace",
                                          writes=True)
        edit.addAction(self.remove_action)
        self.fragment_actions.populate(edit)
        edit.addAction(self._action("Clear selection", self.clear_selection, "Escape"))
        edit.addAction(self._action("Find in document", self.find_bar.open, "Ctrl+F"))
        edit.addAction(self._action("Find next", lambda: self.find_bar.step(1), "F3"))
        edit.addAction(self._action("Find previous", lambda: self.find_bar.step(-1), "Shift+F3"))
        edit.addAction(self._action("Search corpus", self.focus_search, "Ctrl+Shift+F"))
        edit.addAction(self._action("Edit attributes of the selected span",
                                    self.focus_attributes, "F2"))
        self.labels_menu = edit.addMenu("Tag or relabel as")
        edit.addSeparator()
        edit.addAction(self._action("Label schema…", self.edit_schema, "Ctrl+Shift+L",
                                    writes=True))
        edit.addAction(self._action("Keyboard shortcuts…", lambda: self.tools.edit_shortcuts()))

        document = menus.addMenu("&Document")
        document.addAction(self._action("Mark done and open next", self.done_and_next,
                                        "Ctrl+Return", "Ctrl+Enter", writes=True))
        for status in STATUSES:
            document.addAction(self._action(f"Mark {status}",
                                            lambda s=status: self.set_status(s), writes=True))
        document.addAction(self._action("Details…", self.edit_details, "Ctrl+D"))
        self.doc_labels.populate(document)
        document.addSeparator()
        document.addAction(self._action("Next document", lambda: self.go(1),
                                        "Alt+Right", "Ctrl+PgDown"))
        document.addAction(self._action("Previous document", lambda: self.go(-1),
                                        "Alt+Left", "Ctrl+PgUp"))
        document.addAction(self._action("Next undone document", self.next_undone))

        view = menus.addMenu("&View")
        self.all_coders_action = self._action("All coders' spans", lambda: None, "Ctrl+Shift+C")
        self.all_coders_action.setCheckable(True)
        self.all_coders_action.toggled.connect(self.set_show_all_coders)
        view.addAction(self.all_coders_action)
        self.relation_actions.populate(menus.addMenu("&Link"))
        self.event_actions.populate(menus.addMenu("E&vent"))
        self.suggestion_actions.populate(menus.addMenu("&Suggest"))

        self.tools.populate(menus.addMenu("&Tools"), menus.addMenu("&Help"))

    def _connect(self) -> None:
        self.document_pane.table.selectionModel().currentRowChanged.connect(
            self._on_list_row_changed
        )
        self.document_pane.search.searchRequested.connect(
            lambda text: self.documents.reset(search=text))
        self.document_pane.filtersChanged.connect(
            lambda: self.documents.reset(filters=self.document_pane.filters()))
        self.view.spanClicked.connect(self.select_span)
        self.view.spanMenuRequested.connect(self._span_menu)
        self.span_pane.list.selectionModel().currentRowChanged.connect(
            lambda index, _prev: self.select_span(self.spans.data(index, Qt.ItemDataRole.UserRole)
                                                  or "")
        )
        self.span_pane.form.edited.connect(
            lambda span, attrs: self.editor.do(ChangeSpan(span, dataclasses.replace(span,
                                                                                    attrs=attrs))))
        self.span_pane.form.invalid.connect(lambda message: self.statusBar().showMessage(
            message, 6000))

    def _build_label_actions(self) -> None:
        for action in self.label_actions:
            self.removeAction(action)
        self.label_bar.clear()
        self.labels_menu.clear()
        self.label_actions = []
        initials = [label.name[:1].upper() for label in self.labels]
        for label in self.labels:
            keys = [label.shortcut] if label.shortcut else []
            initial = label.name[:1].upper()
            if initials.count(initial) == 1 and initial not in keys:
                keys.append(initial)
            caption = f"{label.shortcut}  {label.name.capitalize()}".strip()
            # A label named "R&D" is not a mnemonic.
            action = self._action(caption.replace("&", "&&"),
                                  lambda name=label.name: self.apply_label(name), *keys)
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

    # -- corpus and documents ------------------------------------------------------

    def open_corpus(self, corpus: Corpus) -> None:
        if corpus is not self.corpus:
            self.corpus.close()
        self.corpus = corpus
        corpus.set_write_wait(WRITE_WAIT_SECONDS, on_wait=self._waiting_for_writer)
        self.editor.set_corpus(corpus)
        self.doc_id = None
        self.notice.dismiss()
        self._show_read_only()
        self.reload_schema()
        self.documents.reset(corpus=corpus, coder=self.coder, search="")
        self.document_pane.search.clear_quietly()
        self.settings.remember_corpus(corpus.path)
        self.save_settings()
        self.files.refresh_recent()
        self.setWindowTitle(f"{corpus.path.name}{' (read-only)' if corpus.read_only else ''}"
                            " — annotator")
        self.coder_label.setText(f"coder: {self.coder}")
        self.doc_id = None
        # Only imports change how many documents there are, and they reopen.
        self._document_total = corpus.document_count()
        self._data_version = self._current_data_version()
        self.health_watch.check(corpus.path)
        first = corpus.first_undone(self.coder) or corpus.neighbour(0, 1, self.coder)
        if first is not None:
            self.show_document(first)
        else:
            self.view.show_document("", [])
            self.document_label.setText("This corpus is empty: File > Import articles.")
        self._update_progress()

    def show_document(self, doc_id: int) -> None:
        document = self.corpus.document(doc_id)
        self.doc_id = doc_id
        spans = self._rows(doc_id)
        self.current_spans = spans
        self.view.show_document(document.text, spans)
        if self.documents.search:  # opened from a search: mark and show the match
            self.view.mark_matches(search_terms(self.documents.search))
        self._show_spans(spans)
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

    def _on_list_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = self.documents.doc_id(current.row())
        if doc_id is not None and doc_id != self.doc_id:
            self.show_document(doc_id)

    def _rows(self, doc_id: int) -> SpanRows:
        """The spans shown: the coder's own, or everyone's (View > All coders' spans)."""
        return SpanRows.read(self.corpus, doc_id, None if self.show_all_coders else self.coder)

    def set_show_all_coders(self, on: bool) -> None:
        self.show_all_coders = on
        self.view.highlighter.owner = self.coder if on else ""
        self.spans.owner = self.coder if on else ""
        if self.doc_id is not None:
            self.show_document(self.doc_id)

    def _show_spans(self, spans: SpanRows) -> None:
        self.current_spans = spans
        self.spans.set_spans(spans)
        self.span_pane.set_count(len(spans))
        self._show_selected_span()

    def _show_selected_span(self) -> None:
        span = self.view.selected_span()
        self.span_pane.show_span(span, self.schema.label(span.label) if span else None)
        self.relation_actions.show_links()

    def _refresh_parts(self) -> None:
        """What follows the open document besides its spans: events, links, its labels."""
        self.event_actions.refresh()
        self.relation_actions.refresh()
        self.doc_labels.refresh()

    def selected_spans(self) -> list[Span]:
        """Spans selected in the span list, else the one selected in the text."""
        rows = sorted({i.row() for i in self.span_pane.list.selectionModel().selectedIndexes()})
        chosen = [s for s in (self.spans.span_at(r) for r in rows) if s is not None]
        if not chosen and self.view.selected_span() is not None:
            chosen = [self.view.selected_span()]
        return chosen

    def go(self, step: int) -> None:
        if self.doc_id is None:
            return
        target = self.corpus.neighbour(self.doc_id, step, self.coder)
        if target is None:
            self.statusBar().showMessage("No more documents that way.", 4000)
        else:
            self.show_document(target)

    def next_undone(self) -> bool:
        start = self.doc_id or 0
        target = self.corpus.neighbour(start, 1, self.coder, undone=True)
        if target is None:
            target = self.corpus.first_undone(self.coder)
        if target is None or target == self.doc_id:
            self.statusBar().showMessage("Every document is done. Well coded!", 6000)
            return False
        self.show_document(target)
        return True

    # -- editing ---------------------------------------------------------------------

    def apply_label(self, label: str) -> None:
        """Tag the selected text with ``label``, or relabel the selected span."""
        if self.doc_id is None:
            return
        if self.corpus.read_only:
            self.statusBar().showMessage(f"read-only: {self.corpus.read_only} — nothing can be "
                                         "tagged or changed in this corpus.", 6000)
            return
        start, end = self.view.selection()
        if start < end:
            self.tag(start, end, label)
            return
        span = self.view.selected_span()
        if span is not None and span.label != label:
            self.editor.do(relabel(span, label))
        elif span is None:
            self.statusBar().showMessage("Select some text first, then press a label key.", 4000)

    def tag(self, start: int, end: int, label: str) -> None:
        assert self.doc_id is not None
        existing = self.corpus.find_span(self.doc_id, start, end, label, self.coder)
        if existing is not None:
            self.statusBar().showMessage("Already tagged.", 3000)
            self.select_span(existing)
            return
        span = Span(start=start, end=end, label=label, text=self.view.text[start:end],
                    coder=self.coder, doc_id=self.doc_id,
                    attrs=prefilled(self.schema.label(label), self.view.text, start, end))
        edits: list[Edit] = [AddSpan(span)]
        status = self.corpus.status(self.doc_id, self.coder)
        if status == "todo":
            edits.append(SetStatus(self.doc_id, self.coder, status, "in progress"))
        edit = edits[0] if len(edits) == 1 else Batch(edits, AddSpan(span).description)
        if self.editor.do(edit):
            self.view.clear_selection()
            self.select_span(span.uid)

    def remove_selected_span(self) -> None:
        span = self.view.selected_span()
        if span is None:
            self.statusBar().showMessage("Click a span to select it first.", 3000)
            return
        if span.origin == "suggested":  # Backspace on a suggestion rejects it
            self.suggestion_actions.reject_selected()
            return
        self.editor.do(remove_span(span, self.event_actions.events,
                                   self.corpus.relations_with_span(span.uid)))

    def edit_schema(self) -> None:
        edit_schema(self)

    def reload_schema(self) -> None:
        self.schema = self.corpus.schema()
        self.labels = list(self.schema.labels)
        colors = {label.name: label.color for label in self.labels}
        self.view.set_colors(colors)
        self.spans.set_colors(colors)
        self._build_label_actions()
        self.document_pane.set_choices([label.name for label in self.labels],
                                       self.corpus.coders())
        self.relation_actions.reload_types()
        self.doc_labels.reload()
        apply_shortcuts(self, self.settings.shortcuts)
        if self.doc_id is not None:
            self.show_document(self.doc_id)

    def edit_details(self) -> None:
        if self.doc_id is None:
            return
        before = self.corpus.details(self.doc_id)
        if self.corpus.read_only:  # shown, not offered for editing
            self.prompts.info("Document details (read-only)", details_text(before))
            return
        after = self.prompts.edit_details(before)
        if after is not None and after != before:
            self.editor.do(SetDocumentDetails(self.doc_id, before, after))

    def set_status(self, status: str) -> None:
        if self.doc_id is None:
            return
        before = self.corpus.status(self.doc_id, self.coder)
        if before != status:
            self.editor.do(SetStatus(self.doc_id, self.coder, before, status))

    def done_and_next(self) -> None:
        incomplete = [(s, missing) for s in self.current_spans if s.coder == self.coder
                      for missing in [self._missing(s)] if missing]
        if incomplete:
            span, missing = incomplete[0]
            self.select_span(span.uid)
            self.statusBar().showMessage(
                f"Not done yet: {len(incomplete)} span(s) lack required attributes "
                f"(“{span.text}” needs {', '.join(missing)}).", 8000)
            return
        self.set_status("done")
        self.next_undone()

    def _missing(self, span: Span) -> list[str]:
        spec = self.schema.label(span.label)
        return spec.missing(span.attrs) if spec else []

    def select_span(self, uid: str) -> None:
        self.view.select_span(uid)
        span = self.view.selected_span()
        self._show_selected_span()
        row = self.spans.row_of(uid) if span else None
        current = self.span_pane.list.currentIndex().row()
        if row is not None and row != current:
            self.span_pane.list.setCurrentIndex(self.spans.index(row))
        elif row is None:
            self.span_pane.list.clearSelection()

    def _span_menu(self, uid: str, where: QPoint) -> None:
        """Right-click on a span: relabel, link, take a piece out, remove."""
        self.select_span(uid)
        span = self.view.selected_span()
        if span is not None:
            span_menu(self, span, self.view.text, self.label_actions, self.remove_action,
                      self.relation_actions, self.fragment_actions).popup(where)

    def clear_selection(self) -> None:
        """Escape: close the find bar if it is open, else drop the selection."""
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
            return
        self.view.clear_selection()
        self.select_span("")

    def _on_edit_applied(self, edit: Edit) -> None:
        if edit.doc_id != self.doc_id:
            self.show_document(edit.doc_id)  # an undo elsewhere: show where it happened
        else:
            spans = self.current_spans
            kept = self.view.selected_span()
            # Removing the list's current row makes a neighbour current: that must not
            # select the neighbour (a second Delete would remove it too).
            with QSignalBlocker(self.span_pane.list.selectionModel()):
                followed = spans.follow(edit)  # the text and list redraw just what it touched
            if not followed:
                spans = self._rows(edit.doc_id)  # an edit they cannot follow: read them again
                self.view.update_spans(spans, touched_spans(edit))
            self._show_spans(spans)
            if isinstance(edit, ChangeSpan) and kept and self.view.selected_span() is None:
                self.select_span(kept.uid)  # moved (a piece added or taken): still selected
            self._refresh_parts()
        self.documents.refresh(edit.doc_id, edit)
        self._update_progress()
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(f"✓ saved {datetime.now():%H:%M:%S}")

    def _update_progress(self) -> None:
        done = self.corpus.done_count(self.coder)
        total = self._document_total
        self.progress_label.setText(f"done {done} / {total}")
        self.document_pane.set_counts(done, total)

    def _not_saved(self, message: str) -> None:
        """Say plainly that an edit was not stored, without stopping the coder."""
        self.statusBar().showMessage(f"Not saved: {message}", 15000)
        if not self.corpus.read_only:  # the read-only bar already says why
            self.saved_label.setStyleSheet("color: #b42318; font-weight: 600")
            self.saved_label.setText("✗ not saved")
            self.notice.show_notice(f"Not saved. {message}")
        # What failed may be a change made elsewhere: show the corpus as it is now.
        if self.doc_id is not None:
            self.show_document(self.doc_id)

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

    def _waiting_for_writer(self, _path: Path) -> None:
        # Called while the edit waits for the other writer, on this (blocked) thread:
        # paint the message now, the event loop is not running.
        self.statusBar().showMessage("Waiting for another program that is writing to the "
                                     "corpus…")
        self.statusBar().repaint()

    def _show_read_only(self) -> None:
        """A corpus that cannot be written is for reading, searching and exporting:
        everything that would change it is disabled, and the window says why."""
        why = self.corpus.read_only
        for action in self.writing_actions:
            action.setEnabled(not why)
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

    def _current_data_version(self) -> int:
        return self.corpus.db.execute("PRAGMA data_version").fetchone()[0]

    def pick_up_outside_changes(self) -> bool:
        """Show what another process committed since we last looked; True if anything."""
        try:
            version = self._current_data_version()
        except CorpusError:  # looked again at the next tick
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        self._document_total = self.corpus.document_count()
        current = self.doc_id
        self.documents.reset()
        if current is not None:
            self.show_document(current)
        self._update_progress()
        self.statusBar().showMessage("Updated with changes made elsewhere.", 4000)
        return True

    def focus_attributes(self) -> None:
        if not self.span_pane.form.focus_first():
            self.statusBar().showMessage("Select a span first (click it, or pick it in the "
                                         "span list).", 4000)

    def focus_search(self) -> None:
        self.document_pane.search.setFocus()
        self.document_pane.search.selectAll()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every edit is already committed; closing stops the work in the background
        # (cancelled, not awaited to its end) and lets go of the file.
        self.watch.stop()
        self.health_watch.stop()
        self.files.stop_worker()
        self.documents.close()
        self.corpus.close()
        super().closeEvent(event)

    @property
    def health(self) -> HealthWorker | None:
        return self.health_watch.worker

    @property
    def health_timer(self) -> QTimer:
        return self.health_watch.timer

    @property
    def corpus_path(self) -> Path:
        return self.corpus.path


def touched_spans(edit: Edit) -> list[Span]:
    """The spans an edit added, removed or changed: what needs repainting."""
    if isinstance(edit, AddSpan | RemoveSpan):
        return [edit.span]
    if isinstance(edit, ChangeSpan):
        return [edit.before, edit.after]
    if isinstance(edit, Batch):
        return [span for inner in edit.edits for span in touched_spans(inner)]
    return []
