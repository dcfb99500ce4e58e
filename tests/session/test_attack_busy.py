"""Attacks on the session while another program (a process of its own) keeps the
corpus locked for writing: tag, undo, redo and "done and next" must each be said
as not saved, change nothing, and leave the history where it was; once the other
program lets go, the same steps work.

The test marked ``xfail(strict=True)`` is a bug found here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.session import Session
from annotator.storage.corpus import Corpus
from annotator.workspace import create_corpus
from tests.gui.processes import LockHolder

CODER = "alice"
# How long an edit waits for the other program here: short, so each refusal comes
# quickly (the window waits two seconds); the refusal is what the test waits for.
WAIT = 0.3


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    corpus, _ = create_corpus(tmp_path / "c.sqlite", sample=True)
    opened = Session(corpus, CODER)
    opened.open_corpus(corpus)
    corpus.set_write_wait(WAIT)
    yield opened
    opened.close()


def coded(corpus_path: Path, doc_id: int) -> list[tuple[str, str]]:
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
    holder = LockHolder(path)
    try:
        start = text.index("Ain al-Assad")
        assert session.tag(start, start + 12, "location") is None
        assert not session.undo()
        assert not session.redo()
        session.select(first.uid)
        session.apply_label("casualty", 0, 0)
        assert (len(session.history), session.history.index) == (2, 1)
        assert len(not_saved) == 4
        assert all("another program is writing" in message for message in not_saved)
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
    holder = LockHolder(session.corpus.path)
    try:
        session.done_and_next()
        stayed = session.doc_id == doc
    finally:
        holder.release()
        holder.stop()
    assert session.corpus.status(doc, CODER) != "done"  # it was not stored
    assert stayed
