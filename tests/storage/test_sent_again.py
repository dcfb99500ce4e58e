"""An edit sent again after its connection died under a commit that had been made (a
server's network, say) is stored once and said to be stored, not refused as taken."""

from __future__ import annotations

import json

from annotator.core.commands import AddSpan, relabel
from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

TEXT = "Gunmen attacked a checkpoint near Kirkuk."


def test_a_span_added_twice_with_its_uid_is_stored_once(any_corpus: Corpus) -> None:
    add_documents(any_corpus, [DocumentRecord(text=TEXT)])
    span = Span(0, 6, "actor", "Gunmen", "alice", doc_id=1)
    AddSpan(span).apply(any_corpus)
    AddSpan(span).apply(any_corpus)  # the same edit again
    assert [s.uid for s in any_corpus.spans(1)] == [span.uid]
    logged = any_corpus.db.fetch_all("SELECT action FROM changes WHERE span_uid = ?", [span.uid])
    assert [row[0] for row in logged] == ["add span"]


def test_a_relabel_sent_again_is_done_once(any_corpus: Corpus) -> None:
    add_documents(any_corpus, [DocumentRecord(text=TEXT)])
    span = any_corpus.insert_span(Span(0, 6, "actor", "Gunmen", "alice", doc_id=1))
    change = relabel(span, "location")
    change.apply(any_corpus)
    change.apply(any_corpus)
    [stored] = any_corpus.spans(1)
    assert stored.label == "location"
    changes = [json.loads(row[0]) for row in any_corpus.db.fetch_all(
        "SELECT after FROM changes WHERE span_uid = ? AND action = 'change span'", [span.uid])]
    assert [c["label"] for c in changes] == ["location"]


def test_a_different_span_under_a_taken_uid_is_still_refused(any_corpus: Corpus) -> None:
    import pytest

    from annotator.storage.errors import CorpusError

    add_documents(any_corpus, [DocumentRecord(text=TEXT)])
    span = any_corpus.insert_span(Span(0, 6, "actor", "Gunmen", "alice", doc_id=1))
    other = Span(7, 15, "actor", "attacked", "alice", doc_id=1, uid=span.uid)
    with pytest.raises(CorpusError, match="cannot be stored"):
        any_corpus.insert_span(other)
