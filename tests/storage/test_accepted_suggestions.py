"""Accepted suggestions in the corpus: stored with origin ``accepted`` (an older corpus is
upgraded to allow it, nothing lost), a coder's spans everywhere a coder's spans count,
and pending suggestions are not counted as spans."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.adjudication import items
from annotator.core.commands import SOURCE_ATTR, accept
from annotator.core.model import DocumentRecord, Span
from annotator.storage import migrations
from annotator.storage.agreement import agreement, coded_by
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.stats import corpus_stats
from annotator.storage.suggestions import (
    corpus_actors,
    corpus_places,
    make_suggestions,
    store_suggestions,
)

TEXT = ("Militants of the Free Valley Brigade shelled Camp Tamarisk at dawn. "
        "The Free Valley Brigade later withdrew from Camp Tamarisk toward Gao.")


def add(corpus: Corpus, text: str = TEXT) -> int:
    [result] = add_documents(corpus, [DocumentRecord(text=text)])
    assert result.doc_id is not None
    return result.doc_id


def at(phrase: str, label: str, doc_id: int, coder: str = "alice", *, nth: int = 0,
       origin: str = "manual", **attrs: object) -> Span:
    start = TEXT.index(phrase) if nth == 0 else TEXT.rindex(phrase)
    return Span(start=start, end=start + len(phrase), label=label, text=phrase, coder=coder,
                origin=origin, attrs=attrs, doc_id=doc_id)


def suggested(phrase: str, label: str, doc_id: int, *, nth: int = 0, **attrs: object) -> Span:
    return at(phrase, label, doc_id, nth=nth, origin="suggested",
              **{SOURCE_ATTR: "gazetteer", **attrs})


def accepted_in(corpus: Corpus, span: Span, coder: str = "alice") -> Span:
    assert span.doc_id is not None
    accept(span, coder, corpus.status(span.doc_id, coder)).apply(corpus)
    return corpus.span(span.uid)


def test_an_accepted_suggestion_is_stored_as_accepted_with_its_source(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with Corpus.open(path) as corpus:  # the connection that has just made the corpus
        doc_id = add(corpus)
        pending = suggested("Gao", "location", doc_id, latitude=16.27)
        corpus.insert_span(pending)
        accepted_in(corpus, pending)
        assert corpus.status(doc_id, "alice") == "in progress"
    with Corpus.open(path) as corpus:
        stored = corpus.span(pending.uid)
        assert (stored.origin, stored.coder) == ("accepted", "alice")
        assert dict(stored.attrs) == {SOURCE_ATTR: "gazetteer", "latitude": 16.27}
        logged = corpus.db.execute("SELECT after FROM changes WHERE action = 'change span'"
                                   ).fetchone()[0]
        assert '"origin": "accepted"' in logged


def test_accepting_and_its_undo_are_one_step_on_the_corpus(corpus: Corpus) -> None:
    doc_id = add(corpus)
    pending = suggested("Gao", "location", doc_id)
    corpus.insert_span(pending)
    undo = accept(pending, "alice", corpus.status(doc_id, "alice")).apply(corpus)
    assert (corpus.span(pending.uid).origin, corpus.status(doc_id, "alice")) == (
        "accepted", "in progress")
    undo.apply(corpus)
    assert corpus.span(pending.uid) == pending
    assert corpus.status(doc_id, "alice") == "todo"


def old_corpus(path: Path) -> None:
    """A corpus as annotator wrote it before origin ``accepted``: a document, spans in an
    event and a relation, a status."""
    db = Database(path)
    migrations.migrations.apply(db, stop_before="0007_accepted_origin")
    stamp = "2024-08-06T00:00:00.000+00:00"
    db.execute("INSERT INTO documents (uid, title, text, sha256, imported_at) "
               "VALUES ('d1', 't', ?, 's', ?)", [TEXT, stamp])
    db.execute("INSERT INTO coders (name) VALUES ('bob')")
    for uid, phrase, label, origin in (("s1", "Free Valley Brigade", "actor", "manual"),
                                       ("s2", "Camp Tamarisk", "location", "imported"),
                                       ("s3", "Gao", "location", "suggested")):
        start = TEXT.index(phrase)
        db.execute('INSERT INTO spans (uid, doc_id, start, "end", label, text, coder, origin, '
                   "created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, 'bob', ?, ?, ?)",
                   [uid, start, start + len(phrase), label, phrase, origin, stamp, stamp])
    db.execute("INSERT INTO relations (uid, doc_id, head, tail, label, coder, origin, "
               "created_at, updated_at) VALUES ('r1', 1, 's1', 's2', 'located in', 'bob', "
               "'manual', ?, ?)", [stamp, stamp])
    db.execute("INSERT INTO events (uid, doc_id, type, created_at, updated_at) "
               "VALUES ('e1', 1, 'attack', ?, ?)", [stamp, stamp])
    db.execute("INSERT INTO event_members (event_id, span_uid, role) VALUES (1, 's1', 'actor'), "
               "(1, 's2', 'location')")
    db.execute("INSERT INTO doc_status (doc_id, coder, status, updated_at) "
               "VALUES (1, 'bob', 'in progress', ?)", [stamp])
    db.conn.commit()
    db.conn.close()


def test_an_older_corpus_is_upgraded_to_hold_accepted_spans_losing_nothing(
        tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old_corpus(path)
    with Corpus.open(path) as corpus:
        assert [(s.uid, s.origin) for s in corpus.spans(1)] == [
            ("s1", "manual"), ("s2", "imported"), ("s3", "suggested")]
        [relation] = corpus.relations(1)
        assert (relation.head, relation.tail) == ("s1", "s2")
        [event] = corpus.events(1)
        assert sorted(m.span_uid for m in event.members) == ["s1", "s2"]
        assert corpus.status(1, "bob") == "in progress"
        assert corpus.check() == []
        assert accepted_in(corpus, corpus.span("s3"), "bob").origin == "accepted"
    assert (tmp_path / "old.sqlite.before-0007_accepted_origin").exists()
    with Corpus.open(path, check=True) as corpus:
        assert corpus.span("s3").origin == "accepted"
        assert len(corpus.relations(1)) == 1 and len(corpus.events(1)[0].members) == 2
    conn = sqlite3.connect(path)
    try:
        # The constraint still refuses what is no origin.
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("UPDATE spans SET origin = 'guessed' WHERE uid = 's1'")
    finally:
        conn.close()


def test_accepted_spans_teach_the_suggestions_as_a_coders_own_do(corpus: Corpus) -> None:
    doc_id = add(corpus)
    brigade = suggested("Free Valley Brigade", "actor", doc_id)
    camp = suggested("Camp Tamarisk", "location", doc_id, latitude=16.5, longitude=-1.2)
    pending = suggested("Gao", "location", doc_id)
    store_suggestions(corpus, [brigade, camp, pending])
    assert "Free Valley Brigade" not in corpus_actors(corpus)
    assert "Camp Tamarisk" not in corpus_places(corpus)
    accepted_in(corpus, brigade)
    accepted_in(corpus, camp)
    assert "Free Valley Brigade" in corpus_actors(corpus)
    assert corpus_places(corpus)["Camp Tamarisk"].latitude == 16.5
    assert "Gao" not in corpus_places(corpus)  # still pending
    # Neither is suggested again over itself.
    again = make_suggestions(corpus, doc_id, "alice")
    assert (brigade.start, brigade.end) not in {(s.start, s.end) for s in again}


def test_agreement_and_adjudication_count_accepted_spans_as_the_coders(corpus: Corpus) -> None:
    doc_id = add(corpus)
    brigade = suggested("Free Valley Brigade", "actor", doc_id)
    corpus.insert_span(brigade)
    accepted_in(corpus, brigade, "alice")
    corpus.insert_span(at("Free Valley Brigade", "actor", doc_id, "bob"))
    corpus.insert_span(suggested("Gao", "location", doc_id))  # alice's, pending
    corpus.set_status(doc_id, "bob", "in progress")
    corpus.set_status(doc_id, "alice", "todo")  # her accepted span alone makes her a coder
    assert coded_by(corpus) == ["alice", "bob"]
    [report] = agreement(corpus)
    overall = report.as_json()["labels"]["overall"]
    assert (overall["f1_exact"], overall["spans"]) == (1.0, [1, 1])
    [item] = items(corpus.spans(doc_id), ["alice", "bob"])
    assert [s.origin for s in item.version_of("alice")] == ["accepted"]
    assert [s.origin for s in item.version_of("bob")] == ["manual"]


def coded_with_pending(corpus: Corpus) -> int:
    """Two spans coded (alice's and bob's) and eight pending suggestions, made for alice
    as the window makes them."""
    doc_id = add(corpus)
    corpus.insert_span(at("Free Valley Brigade", "actor", doc_id))
    corpus.insert_span(at("Gao", "location", doc_id, "bob"))
    store_suggestions(corpus, [
        suggested("Free Valley Brigade", "actor", doc_id, nth=1),
        suggested("Camp Tamarisk", "location", doc_id),
        suggested("Camp Tamarisk", "location", doc_id, nth=1),
        suggested("Militants", "actor", doc_id),
        suggested("Valley", "location", doc_id),
        suggested("Valley", "location", doc_id, nth=1),
        suggested("Tamarisk", "location", doc_id),
        suggested("dawn", "casualty", doc_id),
    ])
    return doc_id


def test_document_rows_count_spans_not_pending_suggestions(corpus: Corpus) -> None:
    doc_id = coded_with_pending(corpus)
    assert len(corpus.spans(doc_id)) == 10
    assert corpus.page("alice")[0].span_count == 2
    assert corpus.row(doc_id, "alice").span_count == 2
    assert corpus.page("alice", search="Tamarisk")[0].span_count == 2
    accepted_in(corpus, next(s for s in corpus.spans(doc_id) if s.origin == "suggested"))
    assert corpus.row(doc_id, "alice").span_count == 3


def test_stats_count_spans_per_coder_and_label_and_pending_suggestions_apart(
        corpus: Corpus) -> None:
    doc_id = coded_with_pending(corpus)
    figures = corpus_stats(corpus)
    assert figures["spans"] == 2
    assert figures["pending_suggestions"] == 8
    assert figures["coders"] == {"alice": 1, "bob": 1}
    assert figures["labels"] == {"actor": 1, "casualty": 0, "location": 1}
    assert (corpus.span_count(), corpus.suggestion_count()) == (2, 8)
    camp = next(s for s in corpus.spans(doc_id) if s.text == "Camp Tamarisk")
    accepted_in(corpus, camp)
    figures = corpus_stats(corpus)
    assert (figures["spans"], figures["pending_suggestions"]) == (3, 7)
    assert figures["coders"] == {"alice": 2, "bob": 1}
    assert figures["labels"]["location"] == 2
