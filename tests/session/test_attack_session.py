"""Attacks on the session and its undo history, without Qt: a coder tags, relabels,
removes, accepts, undoes and redoes while another program (a second connection to
the same corpus, as a second window or a command-line tool is) removes and changes
the same spans and statuses.

What must hold: nothing the coder (or the other program) saved is lost; undo and
redo move only when the corpus took the change; a failed edit is said and changes
nothing; the selection only ever holds spans that are shown; another program's
writes are picked up with the selection kept; accepting suggestions starts a todo
document in the same step and leaves a done one done.

The tests marked ``xfail(strict=True)`` are bugs found here: each fails today and
names where the fault is.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
)

from annotator.core.commands import AddSpan, Batch, accept, accept_many
from annotator.core.events import Event, EventMember
from annotator.core.model import Relation, Span
from annotator.core.schema import LabelSpec
from annotator.session import Session
from annotator.storage.corpus import Corpus
from annotator.workspace import create_corpus

CODER = "alice"
LABELS = ("actor", "casualty", "location")


class Said:
    """What the session said, and what it reported not saved."""

    def __init__(self, session: Session) -> None:
        self.messages: list[str] = []
        self.not_saved: list[str] = []
        session.said.connect(lambda message, _ms: self.messages.append(str(message)))
        session.not_saved.connect(lambda message: self.not_saved.append(str(message)))


def open_session(path: str | Path) -> Session:
    corpus = Corpus.open(path)
    session = Session(corpus, CODER)
    session.open_corpus(corpus)
    return session


@pytest.fixture
def session(sample_location: str | Path) -> Iterator[Session]:
    opened = open_session(sample_location)
    yield opened
    opened.close()


@pytest.fixture
def other(session: Session) -> Iterator[Corpus]:
    """Another program's connection to the same corpus."""
    opened = Corpus.open(session.corpus.path)
    yield opened
    opened.close()


def word(session: Session, text: str) -> tuple[int, int]:
    assert session.document is not None
    start = session.document.text.index(text)
    return start, start + len(text)


def tagged(session: Session, text: str, label: str = "actor") -> Span:
    span = session.tag(*word(session, text), label)
    assert span is not None
    return span


def suggestion(session: Session, text: str, doc_id: int | None = None) -> Span:
    """A pending suggestion for the coder, stored (as suggesting stores them)."""
    doc_id = doc_id or session.doc_id
    assert doc_id is not None
    document = session.corpus.document(doc_id)
    start = document.text.index(text)
    span = Span(start=start, end=start + len(text), label="location", text=text, coder=CODER,
                origin="suggested", attrs={"suggested_by": "gazetteer"}, doc_id=doc_id)
    assert session.do(AddSpan(span))
    return span


def state(corpus: Corpus, doc_id: int) -> tuple[object, ...]:
    """Everything coded in a document, as the corpus has it now."""
    spans = sorted((s.uid, s.start, s.end, s.label, s.coder, s.origin,
                    json.dumps(dict(s.attrs), sort_keys=True)) for s in corpus.spans(doc_id))
    relations = sorted((r.uid, r.head, r.tail, r.label) for r in corpus.relations(doc_id))
    events = sorted((e.uid, tuple(m.span_uid for m in e.members)) for e in corpus.events(doc_id))
    # No status row and a 'todo' row say the same.
    statuses = tuple(sorted((c, v) for c, v in corpus.statuses(doc_id).items() if v != "todo"))
    return spans, relations, events, statuses


# -- what holds --------------------------------------------------------------------------


def test_removing_the_selected_span_leaves_the_selection_and_its_undo_selects_nothing_else(
        session: Session) -> None:
    a, b, c = (tagged(session, w) for w in ("Katyusha", "Ain al-Assad", "Iraqi"))
    session.select(a.uid, b.uid)
    assert session.remove(b)
    assert session.selected_uids == (a.uid,)
    assert session.undo()
    assert session.selected_uids == (a.uid,)  # b is back, not selected; c never was
    session.select(b.uid)
    assert session.remove(b)
    assert session.selected_uids == ()
    assert session.undo() and session.selected_uids == ()
    assert session.redo() and session.selected_uids == ()
    assert [s.uid for s in session.spans] == [a.uid, c.uid]


def test_a_span_removed_elsewhere_leaves_the_selection_when_picked_up(
        session: Session, other: Corpus) -> None:
    a, b = tagged(session, "Katyusha"), tagged(session, "Iraqi")
    session.select(a.uid, b.uid)
    other.delete_span(other.span(a.uid))
    assert session.pick_up_outside_changes()
    assert session.selected_uids == (b.uid,) and session.current_span is not None
    other.insert_span(Span(start=0, end=3, label="actor", text="Two", coder=CODER,
                           doc_id=session.doc_id))
    assert session.pick_up_outside_changes()
    assert session.selected_uids == (b.uid,)  # another program's new span selects nothing


def test_an_undo_refused_because_the_span_was_removed_elsewhere_changes_nothing(
        session: Session, other: Corpus) -> None:
    said = Said(session)
    span = tagged(session, "Katyusha")
    session.apply_label("location", 0, 0)
    doc = session.doc_id
    assert doc is not None
    other.delete_span(other.span(span.uid))
    before = state(session.corpus, doc)
    assert not session.undo()
    assert state(session.corpus, doc) == before
    assert said.not_saved and "dropped from the undo history" in said.not_saved[-1]
    assert session.spans.by_uid(span.uid) is None  # shown as the corpus has it now


def test_accepting_starts_a_todo_document_in_the_same_step_and_leaves_a_done_one_done(
        session: Session) -> None:
    doc = session.doc_id
    assert doc is not None
    first, second = suggestion(session, "Katyusha"), suggestion(session, "Iraqi")
    assert session.corpus.status(doc, CODER) == "todo"  # suggesting is not coding
    assert session.do(accept(first, CODER, session.corpus.status(doc, CODER)))
    assert session.corpus.status(doc, CODER) == "in progress"
    assert session.undo()
    assert session.corpus.status(doc, CODER) == "todo"
    assert session.corpus.span(first.uid).origin == "suggested"
    session.set_status("done")
    assert session.do(accept_many([first, second], CODER,
                                  {doc: session.corpus.status(doc, CODER)}))
    assert session.corpus.status(doc, CODER) == "done"
    assert session.undo() and session.corpus.status(doc, CODER) == "done"
    assert session.redo() and session.corpus.status(doc, CODER) == "done"
    with pytest.raises(ValueError, match="status"):  # no status given: refused, not todo
        accept_many([first], CODER, {})


def test_accepting_in_several_documents_starts_each_todo_one_once(session: Session) -> None:
    here = session.doc_id
    assert here is not None
    there = next(i for i in session.corpus.document_ids()
                 if i != here and "Iraqi" in session.corpus.document(i).text)
    spans = [suggestion(session, "Katyusha"), suggestion(session, "Iraqi"),
             suggestion(session, "Iraqi", there)]
    session.corpus.set_status(there, CODER, "done")
    edit = accept_many(spans, CODER, {doc: session.corpus.status(doc, CODER)
                                      for doc in (here, there)})
    assert sum(1 for e in edit.edits if type(e).__name__ == "SetStatus") == 1
    assert session.do(edit)
    assert (session.corpus.status(here, CODER), session.corpus.status(there, CODER)) == (
        "in progress", "done")


def test_a_failed_tag_is_said_and_nothing_is_shown_as_saved(
        session: Session, tmp_path: Path) -> None:
    said, saved, doc = Said(session), [], session.doc_id
    session.saved.connect(saved.append)
    assert doc is not None
    session.corpus.db.read_only = "the disk is read-only"  # as a disk gone read-only is
    before = state(session.corpus, doc)
    assert session.tag(*word(session, "Katyusha"), "actor") is None
    assert saved == [] and len(session.history) == 0 and session.selected_uids == ()
    assert said.not_saved and state(session.corpus, doc) == before
    assert [s.uid for s in session.spans] == []


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.sampled_from(["tag", "relabel", "remove", "undo", "redo"]),
                          st.integers(0, 11), st.sampled_from(LABELS)), max_size=18))
def test_undoing_everything_restores_the_start_and_redoing_restores_the_end(
        moves: list[tuple[str, int, str]]) -> None:
    """Without another program in between, undo and redo are exact inverses."""
    with tempfile.TemporaryDirectory() as folder:
        session = open_session(template(Path(folder)))
        try:
            doc = session.doc_id
            assert doc is not None
            places = words(session)
            start = state(session.corpus, doc)
            for move, index, label in moves:
                play(session, move, index, label, places)
            end, done = state(session.corpus, doc), session.history.index
            while session.history.can_undo:
                assert session.undo()
            assert state(session.corpus, doc) == start
            for _ in range(done):
                assert session.redo()
            assert state(session.corpus, doc) == end
        finally:
            session.close()


_TEMPLATE: dict[str, Path] = {}


def template(folder: Path) -> Path:
    """A copy of a sample corpus made once (made afresh for every example, it is slow)."""
    if "path" not in _TEMPLATE:
        made = Path(tempfile.mkdtemp()) / "template.sqlite"
        corpus, _ = create_corpus(made, sample=True)
        corpus.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        corpus.close()
        _TEMPLATE["path"] = made
    copy = folder / "c.sqlite"
    shutil.copy(_TEMPLATE["path"], copy)
    return copy


def words(session: Session) -> list[tuple[int, int]]:
    assert session.document is not None
    return [m.span() for m in re.finditer(r"\w+", session.document.text)][:12]


def play(session: Session, move: str, index: int, label: str,
         places: list[tuple[int, int]]) -> None:
    spans = list(session.spans)
    if move == "tag":
        session.tag(*places[index % len(places)], label)
    elif move == "relabel" and spans:
        session.select(spans[index % len(spans)].uid)
        session.apply_label(label, 0, 0)
    elif move == "remove" and spans:
        session.remove(spans[index % len(spans)])
    elif move == "undo":
        session.undo()
    elif move == "redo":
        session.redo()


class CoderAndAnotherProgram(RuleBasedStateMachine):
    """A coder's session and another program on one corpus, interleaved at random.

    After every step: the selection holds only spans shown; the rows shown are the
    corpus's (the other program's writes are picked up at once); an undo or redo that
    returns False changed nothing in the corpus and moved the history only by
    dropping the step it could not apply (and said so); one that returns True moved
    it by one; a refused edit changed nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.session = open_session(template(self.folder))
        self.other = Corpus.open(self.session.corpus.path)
        self.said = Said(self.session)
        assert self.session.doc_id is not None
        self.doc = self.session.doc_id
        self.places = words(self.session)

    def teardown(self) -> None:
        self.other.close()
        self.session.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _state(self) -> tuple[object, ...]:
        return state(self.session.corpus, self.doc)
    def _mine(self) -> list[Span]:
        return [s for s in self.other.spans(self.doc) if s.coder == CODER]

    # -- the coder ----------------------------------------------------------------------

    @rule(index=st.integers(0, 11), label=st.sampled_from(LABELS))
    def tag(self, index: int, label: str) -> None:
        size = len(self.session.history)
        before = self._state()
        span = self.session.tag(*self.places[index % len(self.places)], label)
        if span is None:
            assert self._state() == before and len(self.session.history) == size
        else:
            assert self.session.selected_uids == (span.uid,)
            assert self.session.corpus.status(self.doc, CODER) != "todo"

    @rule(index=st.integers(0, 30), label=st.sampled_from(LABELS))
    def relabel(self, index: int, label: str) -> None:
        spans = list(self.session.spans)
        if spans:
            self.session.select(spans[index % len(spans)].uid)
            self.session.apply_label(label, 0, 0)

    @rule(index=st.integers(0, 30))
    def remove(self, index: int) -> None:
        spans = list(self.session.spans)
        if spans:
            span = spans[index % len(spans)]
            if self.session.remove(span):
                assert span.uid not in self.session.selected_uids

    @rule(index=st.integers(0, 30), extra=st.integers(0, 30))
    def select(self, index: int, extra: int) -> None:
        spans = list(self.session.spans)
        if spans:
            self.session.select(spans[index % len(spans)].uid)
            self.session.toggle(spans[extra % len(spans)].uid)

    @rule(status=st.sampled_from(["todo", "in progress", "done", "skipped"]))
    def mark(self, status: str) -> None:
        self.session.set_status(status)

    @precondition(lambda self: self.session.history.can_undo)
    @rule()
    def undo(self) -> None:
        history = self.session.history
        size, index, heard = len(history), history.index, len(self.said.not_saved)
        chosen = set(self.session.selected_uids)
        before = self._state()
        if self.session.undo():
            assert set(self.session.selected_uids) <= chosen
            assert len(history) == size and history.index == index - 1
        else:
            assert self._state() == before
            assert len(self.said.not_saved) == heard + 1
            if len(history) == size - 1:  # dropped: it can never be taken back
                assert history.index == index - 1
                assert "dropped from the undo history" in self.said.not_saved[-1]
            else:
                assert (len(history), history.index) == (size, index)

    @precondition(lambda self: self.session.history.can_redo)
    @rule()
    def redo(self) -> None:
        history = self.session.history
        size, index, heard = len(history), history.index, len(self.said.not_saved)
        chosen = set(self.session.selected_uids)
        before = self._state()
        if self.session.redo():
            assert set(self.session.selected_uids) <= chosen
            assert len(history) == size and history.index == index + 1
        else:
            assert self._state() == before
            assert len(self.said.not_saved) == heard + 1
            if len(history) == size - 1:
                assert history.index == index
                assert "dropped from the undo history" in self.said.not_saved[-1]
            else:
                assert (len(history), history.index) == (size, index)

    @rule(index=st.integers(0, 11))
    def suggest(self, index: int) -> None:
        start, end = self.places[index % len(self.places)]
        text = self.other.document(self.doc).text
        if self.other.find_span(self.doc, start, end, "location", CODER) is None:
            self.session.do(AddSpan(Span(start=start, end=end, label="location",
                                         text=text[start:end], coder=CODER,
                                         origin="suggested", doc_id=self.doc)))

    @rule(index=st.integers(0, 30))
    def accept_one(self, index: int) -> None:
        pending = [s for s in self.session.spans if s.origin == "suggested"]
        if pending:
            before = self.session.corpus.status(self.doc, CODER)
            span = pending[index % len(pending)]
            if self.session.do(accept(span, CODER, before)):
                after = self.session.corpus.status(self.doc, CODER)
                assert after == ("in progress" if before == "todo" else before)
                assert self.session.corpus.span(span.uid).origin == "accepted"

    # -- the other program --------------------------------------------------------------

    @rule(index=st.integers(0, 30))
    def removed_elsewhere(self, index: int) -> None:
        mine = self._mine()
        if mine:
            self.other.delete_span(mine[index % len(mine)])
        self.session.pick_up_outside_changes()

    @rule(index=st.integers(0, 30), label=st.sampled_from(LABELS))
    def relabelled_elsewhere(self, index: int, label: str) -> None:
        mine = self._mine()
        if mine:
            span = mine[index % len(mine)]
            self.other.replace_span(span, dataclasses.replace(span, label=label))
        self.session.pick_up_outside_changes()

    @rule(index=st.integers(0, 11))
    def tagged_elsewhere(self, index: int) -> None:
        start, end = self.places[index % len(self.places)]
        text = self.other.document(self.doc).text
        if self.other.find_span(self.doc, start, end, "location", CODER) is None:
            self.other.insert_span(Span(start=start, end=end, label="location",
                                        text=text[start:end], coder=CODER, doc_id=self.doc))
        self.session.pick_up_outside_changes()

    # -- what holds -----------------------------------------------------------------------

    @invariant()
    def selection_is_of_shown_spans(self) -> None:
        shown = {s.uid for s in self.session.spans}
        assert set(self.session.selected_uids) <= shown

    @invariant()
    def rows_are_the_corpus(self) -> None:
        shown = sorted((s.uid, s.label) for s in self.session.spans)
        assert shown == sorted((s.uid, s.label) for s in self._mine())

    @invariant()
    def history_is_consistent(self) -> None:
        assert 0 <= self.session.history.index <= len(self.session.history)


CoderAndAnotherProgram.TestCase.settings = settings(
    max_examples=40, stateful_step_count=30, deadline=None,
    suppress_health_check=list(HealthCheck))
test_a_coder_and_another_program_interleaved = CoderAndAnotherProgram.TestCase


# -- bugs ---------------------------------------------------------------------------------


def test_undo_and_redo_of_a_tag_keep_the_links_and_events_another_program_added(
        session: Session, other: Corpus) -> None:
    doc = session.doc_id
    assert doc is not None
    a, b = tagged(session, "Katyusha"), tagged(session, "Iraqi")
    other.insert_relation(Relation(a.uid, b.uid, "allied with", "bob", doc_id=doc))
    other.insert_event(Event(doc, "attack", (EventMember(b.uid, "attacker"),), coder="bob"))
    assert session.pick_up_outside_changes()
    session.undo()  # the tag of b
    session.redo()
    assert len(session.corpus.relations(doc)) == 1
    assert [m.span_uid for e in session.corpus.events(doc) for m in e.members] == [b.uid]


def test_undoing_a_relabel_does_not_overwrite_a_change_made_elsewhere_since(
        session: Session, other: Corpus) -> None:
    said = Said(session)
    span = tagged(session, "Katyusha")
    session.apply_label("location", 0, 0)
    theirs = other.span(span.uid)
    other.replace_span(theirs, dataclasses.replace(theirs, attrs={"note": "seen on video"}))
    session.undo()
    kept = session.corpus.span(span.uid).attrs.get("note") == "seen on video"
    assert kept or any("elsewhere" in m for m in said.not_saved)


def test_an_attribute_edit_does_not_undo_a_relabel_made_elsewhere(
        session: Session, other: Corpus) -> None:
    span = tagged(session, "Katyusha")
    theirs = other.span(span.uid)
    other.replace_span(theirs, dataclasses.replace(theirs, label="location"))
    # The coder edits the span as shown, before the window's next look at the corpus.
    stale = session.current_span
    assert stale is not None and stale.label == "actor"
    session.change_attributes(stale, {"note": "confirmed"})
    assert session.corpus.span(span.uid).label == "location"


def test_undoing_an_accept_does_not_take_back_a_done_marked_elsewhere(
        session: Session, other: Corpus) -> None:
    doc = session.doc_id
    assert doc is not None
    pending = suggestion(session, "Katyusha")
    assert session.do(accept(pending, CODER, session.corpus.status(doc, CODER)))
    other.set_status(doc, CODER, "done")  # the coder's second window, say
    session.pick_up_outside_changes()
    session.undo()
    assert session.corpus.status(doc, CODER) == "done"


def test_undo_on_a_moved_corpus_keeps_the_history(session: Session, tmp_path: Path) -> None:
    if session.corpus.db.dialect != "sqlite":
        pytest.skip("a file moved by another program: a server's database has no file")
    for text in ("Katyusha", "Iraqi", "Ain al-Assad"):
        tagged(session, text)
    path = session.corpus.path
    moved = tmp_path / "moved.sqlite"
    names = [n for n in ("", "-wal", "-shm") if Path(f"{path}{n}").exists()]
    # Moved by another program (this process refuses to move a corpus it holds).
    for suffix in names:
        subprocess.run(["mv", f"{path}{suffix}", f"{moved}{suffix}"], check=True)
    for _ in range(3):
        assert not session.undo()
    for suffix in names:
        subprocess.run(["mv", f"{moved}{suffix}", f"{path}{suffix}"], check=True)
    assert (len(session.history), session.history.index) == (3, 3)


def test_a_failed_undo_names_the_step_undone(session: Session, other: Corpus) -> None:
    tagged(session, "Katyusha")  # starts the document: the next tag is a lone AddSpan
    span = tagged(session, "Iraqi")
    assert session.history.undo_text == "tag 'Iraqi' as actor"
    said = Said(session)
    session.corpus.db.read_only = "the disk is read-only"
    assert not session.undo()
    assert "tag 'Iraqi' as actor" in said.not_saved[-1], said.not_saved[-1]
    assert span.uid in {s.uid for s in session.corpus.spans(span.doc_id or 0)}


def test_a_label_added_elsewhere_is_picked_up(session: Session, other: Corpus) -> None:
    schema = other.schema()
    other.save_schema(dataclasses.replace(
        schema, labels=(*schema.labels, LabelSpec("weapon", "#806040", "4"))))
    assert session.pick_up_outside_changes()
    assert "weapon" in [label.name for label in session.labels]


def test_an_edit_across_documents_leaves_the_coder_where_they_are(session: Session) -> None:
    ids = session.corpus.document_ids()
    first, here = ids[0], next(i for i in ids[1:]
                                if "Iraqi" in session.corpus.document(i).text)
    session.show_document(here)
    mine = tagged(session, "soldiers")
    session.select(mine.uid)

    def occurrence(doc_id: int, text: str) -> AddSpan:
        document = session.corpus.document(doc_id)
        start = document.text.index(text)
        return AddSpan(Span(start=start, end=start + len(text), label="actor", text=text,
                            coder=CODER, origin="suggested", doc_id=doc_id))

    assert session.do(Batch([occurrence(first, "Iraqi"), occurrence(here, "Iraqi")],
                            "tag all 'Iraqi' in the corpus"))
    assert session.doc_id == here
    assert session.selected_uids == (mine.uid,)


def test_changes_elsewhere_that_cannot_be_read_are_said_once_not_raised(
        corpus_path: Path) -> None:
    """A codebook damaged by another program: the window's watch says so once and goes on,
    rather than raising on every tick."""
    from annotator.core.model import DocumentRecord
    from annotator.session.session import Session
    from annotator.storage.bulk import add_documents

    with Corpus.open(corpus_path) as corpus:
        add_documents(corpus, [DocumentRecord(text="Gunmen attacked a checkpoint.")])
    session = Session(Corpus.open(corpus_path), "alice")
    said: list[str] = []
    session.said.connect(lambda message, _ms: said.append(str(message)))
    session.open_corpus(session.corpus)
    with Corpus.open(corpus_path) as other:
        other.db.execute("UPDATE settings SET value = 'not json' WHERE key = 'event_types'")
    assert session.pick_up_outside_changes() is False
    assert any("could not be read" in text for text in said)
    assert session.pick_up_outside_changes() is False  # nothing new: not said again
    assert sum("could not be read" in text for text in said) == 1
    session.close()
