"""The session drives a coder's work with no Qt at all: open, move, tag, select,
undo, fail, and follow another program's writes, all said through its signals."""

from __future__ import annotations

import inspect
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.commands import AddSpan
from annotator.core.model import Span
from annotator.session import History, Session
from annotator.storage.corpus import Corpus
from annotator.storage.protocol import CorpusBackend
from annotator.workspace import create_corpus


class Heard:
    """Every signal the session sent, in order, with its arguments."""

    def __init__(self, session: Session) -> None:
        self.events: list[tuple[str, tuple[object, ...]]] = []
        for name in ("corpus_opened", "document_shown", "edited", "selection_changed",
                     "schema_changed", "progress_changed", "saved", "not_saved", "said"):
            getattr(session, name).connect(
                lambda *args, name=name: self.events.append((name, args)))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def said(self) -> list[str]:
        return [str(args[0]) for name, args in self.events if name == "said"]


@pytest.fixture
def session(sample_location: str | Path) -> Session:
    corpus = Corpus.open(sample_location)
    opened = Session(corpus, "alice")
    opened.open_corpus(corpus)
    yield opened
    opened.close()


def word(session: Session, text: str) -> tuple[int, int]:
    assert session.document is not None
    start = session.document.text.index(text)
    return start, start + len(text)


def test_opening_shows_the_first_undone_document_and_says_so(
        corpus_location: str | Path) -> None:
    corpus, _ = create_corpus(corpus_location, sample=True)
    session = Session(corpus, "alice")
    heard = Heard(session)
    session.open_corpus(corpus)
    assert session.doc_id == corpus.first_undone("alice")
    assert session.document is not None and session.document.text
    assert heard.names()[:4] == ["schema_changed", "corpus_opened", "document_shown",
                                 "selection_changed"]
    assert ("progress_changed", (0, corpus.document_count())) in heard.events
    assert [label.name for label in session.labels] == ["actor", "casualty", "location"]
    session.close()


def test_tagging_marks_the_document_started_and_one_undo_takes_both_back(
        session: Session) -> None:
    heard = Heard(session)
    doc = session.doc_id
    assert doc is not None and session.corpus.status(doc, "alice") == "todo"
    start, end = word(session, "Hamas")
    span = session.tag(start, end, "actor")
    assert span is not None and span.text == "Hamas"
    assert session.corpus.status(doc, "alice") == "in progress"
    assert session.current_span == span and session.selected_uids == (span.uid,)
    assert [s.uid for s in session.spans] == [span.uid]  # the rows followed the edit
    assert "saved" in heard.names() and "edited" in heard.names()
    assert session.history.undo_text == "tag 'Hamas' as actor"

    assert session.undo()
    assert session.corpus.spans(doc) == []
    assert session.corpus.status(doc, "alice") == "todo"
    assert session.selected_uids == ()  # the span is gone, so is its selection
    assert session.redo()
    assert [s.text for s in session.corpus.spans(doc)] == ["Hamas"]


def test_the_same_span_twice_is_said_and_selected_not_stored_again(session: Session) -> None:
    heard = Heard(session)
    start, end = word(session, "Hamas")
    first = session.tag(start, end, "actor")
    assert first is not None
    session.select()
    assert session.tag(start, end, "actor") is None
    assert "Already tagged." in heard.said()
    assert session.selected_uids == (first.uid,)
    assert len(session.history) == 1


def test_ctrl_click_selection_adds_and_takes_out_and_the_last_is_current(
        session: Session) -> None:
    a = session.tag(*word(session, "Hamas"), "actor")
    b = session.tag(*word(session, "Iran"), "actor")
    assert a is not None and b is not None
    session.select(a.uid)
    session.toggle(b.uid)
    assert session.selected_uids == (a.uid, b.uid) and session.current_span == b
    assert [s.uid for s in session.selected_spans()] == [a.uid, b.uid]
    session.toggle(b.uid)
    assert session.selected_uids == (a.uid,)
    session.select("no-such-span", a.uid, a.uid)  # unknown uids and repeats drop out
    assert session.selected_uids == (a.uid,)


def test_a_label_key_relabels_the_current_span_and_says_what_to_do_with_nothing(
        session: Session) -> None:
    heard = Heard(session)
    session.apply_label("actor", 0, 0)
    assert "Select some text first, then press a label key." in heard.said()
    span = session.tag(*word(session, "Hamas"), "actor")
    assert span is not None
    session.apply_label("location", 0, 0)
    assert [s.label for s in session.corpus.spans(span.doc_id or 0)] == ["location"]


def test_removing_a_span_takes_its_events_and_links_in_one_undoable_step(
        session: Session) -> None:
    from annotator.core.commands import AddEvent, AddRelation
    from annotator.core.events import Event, EventMember
    from annotator.core.model import Relation

    a = session.tag(*word(session, "Hamas"), "actor")
    b = session.tag(*word(session, "Iran"), "actor")
    assert a is not None and b is not None and session.doc_id is not None
    assert session.do(AddEvent(Event(session.doc_id, "attack",
                                     (EventMember(a.uid, "attacker"),), coder="alice")))
    assert session.do(AddRelation(Relation(a.uid, b.uid, "allied with", "alice",
                                           doc_id=session.doc_id)))
    assert session.remove(a)
    corpus = session.corpus
    assert corpus.relations_with_span(a.uid) == []
    assert all(not e.members for e in corpus.events(session.doc_id))
    assert session.undo()
    assert len(corpus.relations_with_span(a.uid)) == 1
    assert [m.span_uid for e in corpus.events(session.doc_id) for m in e.members] == [a.uid]


def test_done_waits_for_required_attributes_and_then_opens_the_next(session: Session) -> None:
    from annotator.core.schema import AttributeSpec

    schema = session.schema
    casualty = schema.label("casualty")
    assert casualty is not None
    required = AttributeSpec("verified", "boolean", required=True)
    labels = tuple(replace(label, attributes=(*label.attributes, required))
                   if label.name == "casualty" else label for label in schema.labels)
    session.corpus.save_schema(replace(schema, labels=labels))
    session.schema_saved()
    heard = Heard(session)
    first = session.doc_id
    span = session.tag(*word(session, "five US personnel"), "casualty")
    assert span is not None
    session.select()
    assert not session.done_and_next()
    assert session.doc_id == first and session.current_span == span
    assert any("lack required attributes" in m and "verified" in m for m in heard.said())
    assert session.change_attributes(span, {**span.attrs, "verified": True})
    assert session.done_and_next()
    assert session.doc_id != first
    assert session.corpus.status(first or 0, "alice") == "done"


def test_an_edit_refused_by_the_corpus_is_said_and_the_history_does_not_move(
        session: Session, tmp_path: Path) -> None:
    heard = Heard(session)
    doc = session.doc_id
    assert doc is not None
    text = session.document.text if session.document else ""
    bad = Span(start=0, end=5, label="actor", text=text[1:6], coder="alice", doc_id=doc)
    assert not session.do(AddSpan(bad))  # its text is not the document's
    assert len(session.history) == 0 and not session.history.can_undo
    [message] = [args[0] for name, args in heard.events if name == "not_saved"]
    assert "Could not save" in str(message)
    assert any(m.startswith("Not saved: Could not save") for m in heard.said())


def test_writes_by_another_program_are_picked_up_once(session: Session) -> None:
    doc = session.doc_id
    assert doc is not None and not session.pick_up_outside_changes()
    text = session.corpus.document(doc).text
    start = text.index("Hamas")
    with Corpus.open(session.corpus.path) as other:  # another program, its own connection
        other.insert_span(Span(start=start, end=start + 5, label="actor", text="Hamas",
                               coder="alice", doc_id=doc))
    heard = Heard(session)
    assert session.pick_up_outside_changes()
    assert [s.text for s in session.spans] == ["Hamas"]
    assert "Updated with changes made elsewhere." in heard.said()
    assert not session.pick_up_outside_changes()  # nothing new since


def test_every_commit_elsewhere_is_seen_at_the_next_look(sample_location: str | Path) -> None:
    """A window looks at once after another program's commit and must see it every time,
    not most times (a server's notice of it comes a moment after the commit)."""
    with Corpus.open(sample_location) as mine, Corpus.open(sample_location) as other:
        missed = 0
        for n in range(300):
            before = mine.data_version()
            other.ensure_coder(f"coder {n}")
            missed += mine.data_version() == before
        assert missed == 0


def test_show_all_coders_reads_everyones_spans_and_keeps_the_selection(
        session: Session) -> None:
    doc = session.doc_id
    assert doc is not None
    mine = session.tag(*word(session, "Hamas"), "actor")
    assert mine is not None
    start, end = word(session, "Iran")
    session.corpus.insert_span(Span(start=start, end=end, label="actor", text="Iran",
                                    coder="bob", doc_id=doc))
    session.show_document(doc)
    session.select(mine.uid)
    assert [s.coder for s in session.spans] == ["alice"]
    session.set_show_all_coders(True)
    assert sorted(s.coder for s in session.spans) == ["alice", "bob"]
    assert session.selected_uids == (mine.uid,)


def test_history_drops_a_step_that_can_never_be_undone(session: Session) -> None:
    history: History = session.history
    heard = Heard(session)
    span = session.tag(*word(session, "Hamas"), "actor")
    assert span is not None
    session.apply_label("location", 0, 0)  # relabel it
    assert len(history) == 2
    with Corpus.open(session.corpus.path) as other:  # another window removes it
        [theirs] = other.spans(span.doc_id or 0)
        other.delete_span(theirs)
    assert not history.undo()  # the relabel cannot be taken back: the span is gone
    assert any("dropped from the undo history" in m for m in heard.said())
    assert len(history) == 1 and history.index == 1  # the dead step left, the older stays
    # The tag before it cannot be taken back either (its span is gone): said, dropped.
    assert not history.undo()
    assert len(history) == 0 and session.corpus.spans(span.doc_id or 0) == []


def test_the_sqlite_corpus_implements_the_backend_interface() -> None:
    """Every member the session and window use is there, with the same parameters."""
    members = [name for name in dir(CorpusBackend)
               if not name.startswith("_") and name not in dir(object)]
    assert len(members) > 30
    for name in members:
        wanted = getattr(CorpusBackend, name)
        assert hasattr(Corpus, name), name
        if callable(wanted) and not isinstance(wanted, property):
            given = inspect.signature(getattr(Corpus, name)).parameters
            assert list(inspect.signature(wanted).parameters) == list(given), name


def test_progress_follows_status_edits_without_counting_every_done_document_again(
        session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = session.corpus
    counted: list[str] = []
    count = corpus.done_count
    monkeypatch.setattr(corpus, "done_count", lambda coder: counted.append(coder) or count(coder))
    heard = Heard(session)
    total = corpus.document_count()
    start, end = word(session, "Hamas")
    assert session.tag(start, end, "actor") is not None  # todo to in progress: no change
    assert session.set_status("done")
    assert session.progress() == (1, total)
    assert session.undo()  # back to in progress
    assert session.progress() == (0, total)
    assert session.redo() and session.next_undone() and session.set_status("done")
    assert session.progress() == (2, total) == (count("alice"), total)
    # What was said each time is what the corpus holds; nothing was counted again.
    assert [args for name, args in heard.events if name == "progress_changed"] == [
        (1, total), (0, total), (1, total), (2, total)]
    assert counted == []
    # Another process marks a document done: counted again once.
    other = Corpus.open(corpus.path)
    third = other.first_undone("alice")
    assert third is not None
    other.set_status(third, "alice", "done")
    other.close()
    assert session.pick_up_outside_changes()
    assert session.progress() == (3, total) and counted == ["alice"]
