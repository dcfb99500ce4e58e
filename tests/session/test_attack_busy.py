"""Attacks on the session while another program keeps the corpus locked for writing
(on a file, a process of its own in ``BEGIN IMMEDIATE``; on a server, another
connection holding the corpus's write lock in an open transaction): tag, undo, redo
and "done and next" must each be said as not saved, change nothing, and leave the
history where it was; once the other program lets go, the same steps work.

The test marked ``xfail(strict=True)`` is a bug found here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.session import Session
from annotator.storage.corpus import Corpus
from tests.gui.processes import LockHolder

CODER = "alice"
# How long an edit waits for the other program here: short, so each refusal comes
# quickly (the window waits two seconds); the refusal is what the test waits for.
WAIT = 0.3


@pytest.fixture
def session(sample_location: str | Path) -> Iterator[Session]:
    corpus = Corpus.open(sample_location)
    opened = Session(corpus, CODER)
    opened.open_corpus(corpus)
    corpus.set_write_wait(WAIT)
    yield opened
    opened.close()


class ServerLockHolder:
    """Another coder's connection in the middle of writing: it holds the corpus's write
    lock in an open transaction until ``release``."""

    def __init__(self, location: object) -> None:
        self.corpus = Corpus.open(location)  # type: ignore[arg-type]
        self.corpus.db.begin_write()

    def release(self) -> None:
        self.corpus.db.rollback()

    def stop(self) -> None:
        self.corpus.close()


def holding(session: Session) -> LockHolder | ServerLockHolder:
    path = session.corpus.path
    return LockHolder(path) if isinstance(path, Path) else ServerLockHolder(path)


# What each backend says of a write that waited too long for another's.
BUSY = ("another program is writing", "another coder's change is being written")


def coded(corpus_path: str | Path, doc_id: int) -> list[tuple[str, str]]:
    """What the corpus holds, read by a connection of its own."""
    with Corpus.open(corpus_path) as other:
        return sorted((s.uid, s.label) for s in other.spans(doc_id))


def test_edits_while_another_program_writes_are_said_and_change_nothing(
        session: Session) -> None:
    not_saved: list[str] = []
    session.not_saved.connect(lambda message: not_saved.append(str(message)))
    doc = session.doc_id
    assert doc is not None and session.document is not None
    text = session.document.text
    first = session.tag(text.index("Katyusha"), text.index("Katyusha") + 8, "actor")
    second = session.tag(text.index("Iraqi"), text.index("Iraqi") + 5, "actor")
    assert first is not None and second is not None
    assert session.undo()  # the second one is undone, ready to redo
    path = session.corpus.path
    before = coded(path, doc)
    holder = holding(session)
    try:
        start = text.index("Ain al-Assad")
        assert session.tag(start, start + 12, "location") is None
        assert not session.undo()
        assert not session.redo()
        session.select(first.uid)
        session.apply_label("casualty", 0, 0)
        assert (len(session.history), session.history.index) == (2, 1)
        assert len(not_saved) == 4
        assert all(any(busy in message for busy in BUSY) for message in not_saved), not_saved
        assert coded(path, doc) == before
        assert [s.uid for s in session.spans] == [first.uid]
        assert session.selected_uids == (first.uid,)
    finally:
        holder.release()
        holder.stop()
    assert session.redo() and session.undo() and session.undo()
    assert coded(path, doc) == []


def test_done_and_next_stays_on_the_document_when_done_was_not_stored(
        session: Session) -> None:
    doc = session.doc_id
    assert doc is not None
    holder = holding(session)
    try:
        session.done_and_next()
        stayed = session.doc_id == doc
    finally:
        holder.release()
        holder.stop()
    assert session.corpus.status(doc, CODER) != "done"  # it was not stored
    assert stayed
