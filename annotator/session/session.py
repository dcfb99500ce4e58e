"""The coder's working state, without Qt: the open corpus, the coder, the open
document and its spans, the selected spans, the schema, and the undo history.

The window and its panes observe it (plain-Python signals) and send it intents
(open this document, tag this range, undo); it can be driven and tested without
a display. Messages for the coder come out as ``said`` so the same session
serves a status bar, a log or a test: a Message (session.messages) the window
shows in the coder's language, English read as ``str``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from psygnal import Signal

from annotator.core.casualties import prefilled
from annotator.core.commands import (
    AddSpan,
    Batch,
    ChangeSpan,
    Edit,
    SetDocumentDetails,
    SetStatus,
    relabel,
    remove_span,
)
from annotator.core.model import Document, DocumentDetails, Span
from annotator.core.schema import LabelSpec, Schema
from annotator.session.history import History
from annotator.session.messages import QT_TRANSLATE_NOOP, Message, said
from annotator.storage.errors import CorpusError, CorpusOffline
from annotator.storage.protocol import CorpusBackend
from annotator.storage.span_rows import SpanRows
from annotator.storage.training_data import most_doubtful
from annotator.storage.work_queue import has_queue, next_document

# How long an edit waits for another program writing to the corpus (a second
# window, a command-line import) before it is reported as not saved: long
# enough for their usual transactions, short enough that the window never hangs.
WRITE_WAIT_SECONDS = 2.0
SHORT, NORMAL, LONG = 3000, 6000, 15000  # how long a message stays, in ms


class Session:
    """One coder at work on one corpus."""

    corpus_opened = Signal()
    document_shown = Signal(object)  # the doc_id, or None for an empty corpus
    reread_done = Signal()  # the open document's spans read again (changed elsewhere)
    edited = Signal(object, bool)  # an Edit of the open document; whether the rows followed it
    selection_changed = Signal()
    schema_changed = Signal()
    coders_view_changed = Signal(bool)  # all coders' spans shown, or only the coder's
    progress_changed = Signal(int, int)  # done, total
    saved = Signal(object)  # the Edit just stored
    not_saved = Signal(object)  # a Message: what was not stored, and why
    waiting_for_writer = Signal()
    # How many edits wait for a team's server that cannot be reached (0: all stored).
    waiting_for_server = Signal(int)
    # A message for the coder (a Message, or text the window has already translated;
    # "" clears), and for how many ms it matters.
    said = Signal(object, int)

    def __init__(self, corpus: CorpusBackend, coder: str) -> None:
        self.corpus = corpus
        self.coder = coder
        self.doc_id: int | None = None
        self.document: Document | None = None
        self.spans: SpanRows = SpanRows.of([])
        self.schema = Schema(())
        self.show_all_coders = False
        self.search = ""  # the corpus search the open document was reached from
        # Document id -> the mistakes the corpus model expects on it: "next undone"
        # offers the most doubtful first when there are any (the coder's choice).
        self.doubts: Mapping[str, float] = {}
        self._selected: tuple[str, ...] = ()
        # True while the open document's rows change under an edit: views that follow
        # the rows see rows come and go, which is not the coder choosing anything.
        self.following = False
        self._document_total = 0
        self._data_version = 0
        # The coder's done documents: counted when first asked (a count over every one
        # of them, many thousands in a large corpus), then followed through each status
        # edit, and counted again when another process changed the corpus.
        self._done: tuple[str, int] | None = None
        self.history = History(corpus)
        self.history.applied.connect(self._on_applied)
        self.history.failed.connect(self._on_failed)
        self.history.waiting.connect(self._on_waiting)

    # -- the corpus --------------------------------------------------------------------

    def open_corpus(self, corpus: CorpusBackend) -> None:
        """Work on ``corpus`` from now on (the one open before is closed)."""
        if corpus is not self.corpus:
            self.corpus.close()
        self.corpus = corpus
        corpus.set_write_wait(WRITE_WAIT_SECONDS, on_wait=lambda _path: self.waiting_for_writer.emit())
        self.history.set_target(corpus)
        self.doc_id, self.document, self._selected = None, None, ()
        self.search = ""
        self.reload_schema(show=False)
        # Only imports change how many documents there are, and they reopen.
        self._document_total = corpus.document_count()
        self._data_version = corpus.data_version()
        self._done = None
        self.corpus_opened.emit()
        first = (next_document(corpus, self.coder) if has_queue(corpus) else None) or \
            corpus.first_undone(self.coder) or corpus.neighbour(0, 1, self.coder)
        if first is not None:
            self.show_document(first)
        else:
            self.spans = SpanRows.of([])
            self.document_shown.emit(None)
        self._tell_progress()

    @property
    def labels(self) -> list[LabelSpec]:
        return list(self.schema.labels)

    @property
    def read_only(self) -> str | None:
        """Why nothing can be changed in this corpus, or None."""
        return self.corpus.read_only

    def reload_schema(self, *, show: bool = True) -> None:
        self.schema = self.corpus.schema()
        self.schema_changed.emit()
        if show and self.doc_id is not None:
            self.show_document(self.doc_id)

    def schema_saved(self) -> None:
        """The codebook changed: steps recorded under the old one may no longer apply."""
        self.history.clear()
        self.reload_schema()

    def pick_up_outside_changes(self) -> bool:
        """Follow what another process committed since we last looked; True if anything.
        Edits that wait for a server that could not be reached are sent again first."""
        if self.history.pending:
            self.history.retry()
        try:
            version = self.corpus.data_version()
        except CorpusError:  # looked at again next time
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        self._done = None
        try:
            self._document_total = self.corpus.document_count()
            schema = self.corpus.schema()
            if schema != self.schema:  # a label or question added elsewhere gets its key
                self.reload_schema(show=False)
            if self.doc_id is not None:
                self.reread()
        except CorpusError as exc:
            # What another program wrote cannot be read now (a codebook damaged by hand,
            # the server gone again): said once, looked at again at the next change.
            self.say(_said(QT_TRANSLATE_NOOP("Session", "Changes made elsewhere could not be "
                                             "read: {error}"), error=str(exc)), LONG)
            return False
        self._tell_progress()
        self.say(_said(QT_TRANSLATE_NOOP("Session", "Updated with changes made elsewhere.")),
                 SHORT)
        return True

    def reread(self) -> None:
        """Read the open document's spans again (changed elsewhere), keeping the selection
        of what is still there: the window keeps the text, the caret, the scroll and
        the form the coder is typing in."""
        assert self.doc_id is not None
        self.document = self.corpus.document(self.doc_id)
        self.spans = self._rows(self.doc_id)
        self.reread_done.emit()
        kept = tuple(uid for uid in self._selected if self.spans.by_uid(uid) is not None)
        if kept != self._selected:
            self._selected = kept
        self.selection_changed.emit()

    # -- documents ---------------------------------------------------------------------

    def show_document(self, doc_id: int, *, keep_selection: bool = False) -> None:
        self.document = self.corpus.document(doc_id)
        changed = doc_id != self.doc_id
        self.doc_id = doc_id
        self.spans = self._rows(doc_id)
        if changed or not keep_selection:
            self._selected = ()
        else:
            self._selected = tuple(uid for uid in self._selected
                                   if self.spans.by_uid(uid) is not None)
        self.document_shown.emit(doc_id)
        self.selection_changed.emit()

    def _rows(self, doc_id: int) -> SpanRows:
        """The spans shown: the coder's own, or everyone's."""
        # Read as they are shown: a report of 100,000 spans opens with its first rows.
        return SpanRows.read(self.corpus, doc_id,  # type: ignore[arg-type]
                             None if self.show_all_coders else self.coder)

    def set_show_all_coders(self, on: bool) -> None:
        if on == self.show_all_coders:
            return
        self.show_all_coders = on
        self.coders_view_changed.emit(on)
        if self.doc_id is not None:
            self.show_document(self.doc_id, keep_selection=True)

    def go(self, step: int) -> bool:
        if self.doc_id is None:
            return False
        target = self.corpus.neighbour(self.doc_id, step, self.coder)
        if target is None:
            self.say(_said(QT_TRANSLATE_NOOP("Session", "No more documents that way.")), SHORT)
            return False
        self.show_document(target)
        return True

    def next_undone(self) -> bool:
        if has_queue(self.corpus):
            # A team's queue: the coder's unfinished claim, else the next one no one
            # else is taking.
            target = next_document(self.corpus, self.coder)
            if target is None:
                self.say(_said(QT_TRANSLATE_NOOP(
                    "Session", "Your queue is empty: nothing more is queued for you.")), NORMAL)
                return False
            if target != self.doc_id:
                self.show_document(target)
            return True
        target = most_doubtful(self.corpus, self.coder, self.doubts, skip=self.doc_id)
        if target is not None:
            self.show_document(target)
            return True
        start = self.doc_id or 0
        target = self.corpus.neighbour(start, 1, self.coder, undone=True)
        if target is None:
            target = self.corpus.first_undone(self.coder)
        if target is None or target == self.doc_id:
            self.say(_said(QT_TRANSLATE_NOOP("Session", "Every document is done. Well coded!")),
                     NORMAL)
            return False
        self.show_document(target)
        return True

    @property
    def document_total(self) -> int:
        return self._document_total

    def progress(self) -> tuple[int, int]:
        if self._done is None or self._done[0] != self.coder:
            self._done = (self.coder, self.corpus.done_count(self.coder))
        return self._done[1], self._document_total

    def _tell_progress(self) -> None:
        self.progress_changed.emit(*self.progress())

    # -- selection ---------------------------------------------------------------------

    @property
    def selected_uids(self) -> tuple[str, ...]:
        """The selected spans, in the order they were chosen; the last is the current one."""
        return self._selected

    @property
    def current_span(self) -> Span | None:
        return self.spans.by_uid(self._selected[-1]) if self._selected else None

    def selected_spans(self) -> list[Span]:
        return [s for uid in self._selected if (s := self.spans.by_uid(uid)) is not None]

    def select(self, *uids: str) -> None:
        """Select exactly these spans ("" or nothing: none)."""
        chosen = tuple(dict.fromkeys(u for u in uids if u and self.spans.by_uid(u) is not None))
        if chosen != self._selected:
            self._selected = chosen
            self.selection_changed.emit()

    def toggle(self, uid: str) -> None:
        """Ctrl+click: add the span to the selection, or take it out."""
        if uid in self._selected:
            self.select(*(u for u in self._selected if u != uid))
        else:
            self.select(*self._selected, uid)

    # -- editing -----------------------------------------------------------------------

    def do(self, edit: Edit) -> bool:
        """Store ``edit`` now (undoable); False, and said, if it was not stored."""
        return self.history.do(edit)

    def undo(self) -> bool:
        return self.history.undo()

    def redo(self) -> bool:
        return self.history.redo()

    def refuse_if_read_only(self) -> bool:
        why = self.corpus.read_only
        if why:
            # Why is the storage's reason, in its words (English).
            self.say(_said(QT_TRANSLATE_NOOP(
                "Session", "read-only: {why} — nothing can be tagged or changed in this corpus."),
                why=why), NORMAL)
        return bool(why)

    def apply_label(self, label: str, start: int, end: int) -> None:
        """A label key: tag the range ``start``–``end``, or relabel the current span."""
        if self.doc_id is None or self.refuse_if_read_only():
            return
        if start < end:
            self.tag(start, end, label)
            return
        span = self.current_span
        if span is not None and span.label != label:
            self.do(relabel(span, label))
        elif span is None:
            self.say(_said(QT_TRANSLATE_NOOP(
                "Session", "Select some text first, then press a label key.")), SHORT)

    def tag(self, start: int, end: int, label: str) -> Span | None:
        """A new span of the coder's; the document becomes *in progress* if it was *todo*."""
        assert self.doc_id is not None and self.document is not None
        text = self.document.text
        span = Span(start=start, end=end, label=label, text=text[start:end],
                    coder=self.coder, doc_id=self.doc_id,
                    attrs=prefilled(self.schema.label(label), text, start, end))
        try:
            existing = self.corpus.find_span(self.doc_id, start, end, label, self.coder)
            edit = self.with_status_started(AddSpan(span))
        except CorpusOffline:
            # The server is out of reach: the tag waits with the edits before it and
            # is stored as it is when the server answers.
            existing, edit = None, AddSpan(span)
        if existing is not None:
            self.say(_said(QT_TRANSLATE_NOOP("Session", "Already tagged.")), SHORT)
            self.select(existing)
            return None
        if not self.do(edit):
            return None
        self.select(span.uid)
        return span

    def with_status_started(self, edit: Edit) -> Edit:
        """``edit``, and the open document marked *in progress* in the same step if
        the coder had not started it."""
        assert self.doc_id is not None
        status = self.corpus.status(self.doc_id, self.coder)
        if status != "todo":
            return edit
        return Batch([edit, SetStatus(self.doc_id, self.coder, status, "in progress")],
                     edit.description)

    def remove(self, span: Span) -> bool:
        """Remove ``span`` with its place in events and its links, in one undoable step."""
        assert span.doc_id is not None
        return self.do(remove_span(span, self.corpus.events(span.doc_id),
                                   self.corpus.relations_with_span(span.uid)))

    def change_attributes(self, span: Span, attrs: dict[str, object]) -> bool:
        return self.do(ChangeSpan(span, dataclasses.replace(span, attrs=attrs)))

    def set_status(self, status: str) -> bool:
        """Mark the open document; False (and said) if that was not stored."""
        if self.doc_id is None:
            return False
        before = self.corpus.status(self.doc_id, self.coder)
        return before == status or self.do(SetStatus(self.doc_id, self.coder, before, status))

    def set_details(self, before: DocumentDetails, after: DocumentDetails) -> None:
        if self.doc_id is not None and after != before:
            self.do(SetDocumentDetails(self.doc_id, before, after))

    def missing(self, span: Span) -> list[str]:
        """The required attributes ``span`` lacks under the codebook."""
        spec = self.schema.label(span.label)
        return spec.missing(span.attrs) if spec else []

    def done_and_next(self) -> bool:
        """Mark the document done and open the next undone one, unless a span of the
        coder's still lacks a required attribute (then that span is selected)."""
        incomplete = [(s, missing) for s in self.spans if s.coder == self.coder
                      for missing in [self.missing(s)] if missing]
        if incomplete:
            span, missing = incomplete[0]
            self.select(span.uid)
            # The span's text and the attributes' names are the corpus's and the codebook's.
            self.say(_said(QT_TRANSLATE_NOOP(
                "Session", "Not done yet: {count} span(s) lack required attributes "
                "(“{text}” needs {missing})."),
                count=len(incomplete), text=span.text, missing=", ".join(missing)), 8000)
            return False
        if not self.set_status("done"):  # said; the coder stays on this document
            return False
        return self.next_undone()

    def _on_applied(self, edit: Edit) -> None:
        if self.doc_id is None or not touches(edit, self.doc_id):
            self.show_document(edit.doc_id)  # an undo elsewhere: show where it happened
        else:
            self.following = True
            try:
                followed = self.spans.follow(edit)  # the text and list redraw just what it touched
            finally:
                self.following = False
            if not followed:  # an edit the rows cannot follow: read them again
                self.spans = self._rows(edit.doc_id)
            self.edited.emit(edit, followed)
            kept = tuple(uid for uid in self._selected if self.spans.by_uid(uid) is not None)
            if kept != self._selected:
                self._selected = kept
                self.selection_changed.emit()
        if change := _done_change(edit, self.coder):
            if self._done is not None and not self._written_elsewhere():
                self._done = (self._done[0], self._done[1] + change)
            else:  # another process may have marked documents too: counted afresh
                self._done = None
            self._tell_progress()
        self.saved.emit(edit)

    def _written_elsewhere(self) -> bool:
        """Whether another process committed to the corpus since the window last looked
        (its own commits leave ``data_version`` as it was)."""
        try:
            return self.corpus.data_version() != self._data_version
        except CorpusError:  # unknown: as if it had
            return True

    def _on_failed(self, message: Message) -> None:
        self._done = None  # refused by what is stored now: counted afresh when next shown
        self.not_saved.emit(message)
        self.say(_said(QT_TRANSLATE_NOOP("Session", "Not saved: {message}"), message=message),
                 LONG)
        # What failed may be a change made elsewhere: show the corpus as it is now.
        if self.doc_id is not None:
            self.show_document(self.doc_id, keep_selection=True)

    def _on_waiting(self, count: int) -> None:
        self.waiting_for_server.emit(count)
        if count:
            self.say(_said(QT_TRANSLATE_NOOP(
                "Session", "Not saved yet: the server cannot be reached. {count} edit(s) wait "
                "and are saved, in order, as soon as it answers."), count=count), LONG)
        else:
            self.say(_said(QT_TRANSLATE_NOOP(
                "Session", "The server answers again: every edit that waited is saved.")),
                NORMAL)

    def say(self, message: Message | str, ms: int = NORMAL) -> None:
        """Tell the coder ``message`` (a Message, or text already in the coder's
        language; "" clears what was said)."""
        self.said.emit(message, ms)

    def close(self) -> None:
        self.corpus.close()


def _said(template: str, **values: object) -> Message:
    return said("Session", template, **values)


def touches(edit: Edit, doc_id: int) -> bool:
    """Whether ``edit`` changes document ``doc_id`` (a batch across documents may)."""
    if isinstance(edit, Batch):
        return any(touches(inner, doc_id) for inner in edit.edits)
    return edit.doc_id == doc_id


def _done_change(edit: Edit, coder: str) -> int:
    """How many more documents ``coder`` has done once ``edit`` is stored (a status edit
    is stored only from the status it names, so this is the corpus's change)."""
    if isinstance(edit, Batch):
        return sum(_done_change(inner, coder) for inner in edit.edits)
    if isinstance(edit, SetStatus) and edit.coder == coder:
        return (edit.after == "done") - (edit.before == "done")
    return 0
