"""The done count a window shows, followed through its own status edits, against a
fresh count of the corpus when another process has marked documents meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.session import Session
from annotator.storage.corpus import Corpus
from annotator.workspace import create_corpus


@pytest.fixture
def session(corpus_location: str | Path) -> Session:
    made, _ = create_corpus(corpus_location, sample=True)
    made.close()
    corpus = Corpus.open(corpus_location)
    opened = Session(corpus, "alice")
    opened.open_corpus(corpus)
    yield opened
    opened.close()


def _shown(session: Session) -> list[tuple[int, int]]:
    heard: list[tuple[int, int]] = []
    session.progress_changed.connect(lambda done, total: heard.append((done, total)))
    return heard


def test_progress_said_after_a_status_edit_counts_what_another_process_marked(
        session: Session) -> None:
    corpus = session.corpus
    assert session.progress()[0] == corpus.done_count("alice")  # the count is taken
    heard = _shown(session)
    other = Corpus.open(corpus.path)
    try:
        elsewhere = next(doc for doc in range(1, corpus.document_count() + 1)
                         if doc != session.doc_id and other.status(doc, "alice") != "done")
        other.set_status(elsewhere, "alice", "done")
    finally:
        other.close()
    assert session.set_status("done")
    assert heard, "the coder's own status edit says the progress"
    assert heard[-1][0] == corpus.done_count("alice")
    assert session.progress()[0] == corpus.done_count("alice")


def test_progress_after_a_refused_undo_equals_a_fresh_count(session: Session) -> None:
    corpus = session.corpus
    doc = session.doc_id
    assert doc is not None and session.set_status("done")
    other = Corpus.open(corpus.path)
    try:
        other.set_status(doc, "alice", "skipped")  # taken back elsewhere
    finally:
        other.close()
    assert not session.undo()  # refused: the status is no longer "done"
    assert session.progress()[0] == corpus.done_count("alice")
