"""How often each suggestion source was accepted: accepted spans, rejections (which keep
their source) and pending suggestions counted per source on both backends; an undone
rejection no longer counts; rejections stored before sources were kept are left out;
copying a corpus between backends carries each rejection's source."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.commands import SOURCE_ATTR, RejectSuggestion, accept
from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.suggestion_rates import SourceRate, acceptance_by_source
from annotator.storage.transfer import copy_corpus, pull_to_file

TEXT = ("Militants of the Free Valley Brigade shelled Camp Tamarisk at dawn, killing three "
        "soldiers. The Free Valley Brigade later withdrew from Camp Tamarisk toward Gao.")


def add(corpus: Corpus) -> int:
    [result] = add_documents(corpus, [DocumentRecord(text=TEXT)])
    assert result.doc_id is not None
    return result.doc_id


def suggestion(corpus: Corpus, doc_id: int, phrase: str, label: str, source: str | None, *,
               nth: int = 0, coder: str = "alice") -> Span:
    start = TEXT.index(phrase) if nth == 0 else TEXT.rindex(phrase)
    attrs = {} if source is None else {SOURCE_ATTR: source}
    return corpus.insert_span(Span(start, start + len(phrase), label, phrase, coder,
                                   origin="suggested", attrs=attrs, doc_id=doc_id))


def accepted(corpus: Corpus, span: Span) -> None:
    assert span.doc_id is not None
    accept(span, span.coder, corpus.status(span.doc_id, span.coder)).apply(corpus)


def rates(corpus: Corpus, coder: str | None = None) -> dict[str, tuple[int, int, int]]:
    return {r.source: (r.accepted, r.rejected, r.pending)
            for r in acceptance_by_source(corpus, coder)}


def decided_corpus(corpus: Corpus) -> int:
    """Gazetteer: 2 accepted, 1 rejected, 1 pending; actor pattern: 1 accepted, 2 rejected;
    casualty phrase: 1 pending only."""
    doc_id = add(corpus)
    camp, camp_again, gao, valley = (
        suggestion(corpus, doc_id, "Camp Tamarisk", "location", "gazetteer"),
        suggestion(corpus, doc_id, "Camp Tamarisk", "location", "gazetteer", nth=1),
        suggestion(corpus, doc_id, "Gao", "location", "gazetteer"),
        suggestion(corpus, doc_id, "Valley", "location", "gazetteer"))
    brigade, militants, brigade_again = (
        suggestion(corpus, doc_id, "Free Valley Brigade", "actor", "actor pattern"),
        suggestion(corpus, doc_id, "Militants", "actor", "actor pattern"),
        suggestion(corpus, doc_id, "Free Valley Brigade", "actor", "actor pattern", nth=1))
    suggestion(corpus, doc_id, "three soldiers", "casualty", "casualty phrase")
    accepted(corpus, camp)
    accepted(corpus, camp_again)
    RejectSuggestion(valley).apply(corpus)
    accepted(corpus, brigade)
    RejectSuggestion(militants).apply(corpus)
    RejectSuggestion(brigade_again).apply(corpus)
    assert gao.origin == "suggested"
    return doc_id


def test_each_source_counts_its_accepted_rejected_and_pending(corpus: Corpus) -> None:
    decided_corpus(corpus)
    found = acceptance_by_source(corpus)
    assert found == [SourceRate("gazetteer", 2, 1, 1), SourceRate("actor pattern", 1, 2, 0),
                     SourceRate("casualty phrase", 0, 0, 1)]  # most decided first
    assert found[0].rate == pytest.approx(2 / 3)
    assert found[1].rate == pytest.approx(1 / 3)
    assert found[2].rate is None  # nothing decided: no rate made up


def test_an_undone_rejection_is_no_longer_counted(corpus: Corpus) -> None:
    doc_id = add(corpus)
    gao = suggestion(corpus, doc_id, "Gao", "location", "gazetteer")
    undo = RejectSuggestion(gao).apply(corpus)
    assert rates(corpus) == {"gazetteer": (0, 1, 0)}
    undo.apply(corpus)
    assert rates(corpus) == {"gazetteer": (0, 0, 1)}  # pending again, not rejected
    # Accepting it and undoing that gives the pending suggestion back too.
    undo_accept = accept(gao, "alice", corpus.status(doc_id, "alice")).apply(corpus)
    assert rates(corpus) == {"gazetteer": (1, 0, 0)}
    undo_accept.apply(corpus)
    assert rates(corpus) == {"gazetteer": (0, 0, 1)}


def test_a_coder_counts_only_their_own_decisions(corpus: Corpus) -> None:
    doc_id = add(corpus)
    accepted(corpus, suggestion(corpus, doc_id, "Gao", "location", "gazetteer"))
    RejectSuggestion(suggestion(corpus, doc_id, "Valley", "location", "gazetteer",
                                coder="bob")).apply(corpus)
    suggestion(corpus, doc_id, "Camp Tamarisk", "location", "gazetteer", coder="bob")
    assert rates(corpus, "alice") == {"gazetteer": (1, 0, 0)}
    assert rates(corpus, "bob") == {"gazetteer": (0, 1, 1)}
    assert rates(corpus) == {"gazetteer": (1, 1, 1)}
    assert rates(corpus, "carol") == {}


def test_rejections_without_a_source_are_left_out(corpus: Corpus) -> None:
    doc_id = decided_corpus(corpus)
    before = rates(corpus)
    # As annotator wrote a rejection before sources were kept, and a span that no
    # source made (its attrs hand-edited) rejected now.
    corpus.db.execute('INSERT INTO rejections (doc_id, start, "end", label) '
                      "VALUES (?, 0, 9, 'location')", [doc_id])
    RejectSuggestion(suggestion(corpus, doc_id, "dawn", "casualty", None)).apply(corpus)
    assert corpus.db.fetch_one("SELECT count(*) FROM rejections WHERE source IS NULL")[0] == 2
    assert rates(corpus) == before


def test_a_suggestion_whose_attrs_are_not_json_is_left_out(corpus: Corpus) -> None:
    doc_id = decided_corpus(corpus)
    before = rates(corpus)
    broken = suggestion(corpus, doc_id, "dawn", "casualty", "casualty phrase")
    corpus.db.execute("UPDATE spans SET attrs = 'not {json' WHERE uid = ?", [broken.uid])
    assert rates(corpus) == before


def test_an_older_file_is_upgraded_and_its_old_rejections_left_out(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Corpus.open(path) as corpus:
        doc_id = add(corpus)
        RejectSuggestion(suggestion(corpus, doc_id, "Gao", "location", "gazetteer")
                         ).apply(corpus)
    # Back to the schema before 0010: the rejection as it was stored then.
    conn = sqlite3.connect(path)
    conn.executescript("""
        DROP INDEX spans_suggested_by;
        CREATE TABLE old_rejections (
            doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL,
            PRIMARY KEY (doc_id, start, "end", label));
        INSERT INTO old_rejections SELECT doc_id, start, "end", label FROM rejections;
        DROP TABLE rejections;
        ALTER TABLE old_rejections RENAME TO rejections;
        DELETE FROM _sqlite_migrations WHERE name = '0010_rejection_sources';""")
    conn.close()
    with Corpus.open(path) as corpus:
        assert corpus.db.fetch_all("SELECT label, source, coder FROM rejections") == [
            ("location", None, "")]
        assert rates(corpus) == {}
        accepted(corpus, suggestion(corpus, doc_id, "Camp Tamarisk", "location", "gazetteer"))
        assert rates(corpus) == {"gazetteer": (1, 0, 0)}
        # Still remembered: Gao is not suggested again.
        assert corpus.db.fetch_one("SELECT count(*) FROM rejections")[0] == 1


def test_counting_reads_indexes_not_every_span(corpus_path: Path) -> None:
    with Corpus.open(corpus_path) as corpus:
        decided_corpus(corpus)
        acceptance_by_source(corpus)
        traced: list[str] = []
        corpus.db.conn.set_trace_callback(traced.append)
        acceptance_by_source(corpus, "alice")
        corpus.db.conn.set_trace_callback(None)
        plans = [" ".join(str(row[3]) for row in corpus.db.fetch_all(
                      f"EXPLAIN QUERY PLAN {sql}")) for sql in traced]
    assert len(plans) == 2
    assert "spans_suggested_by" in plans[0] and "SCAN spans" not in plans[0], plans[0]
    assert "COVERING INDEX rejections_source" in plans[1]


def test_copying_a_corpus_to_a_server_and_back_keeps_each_rejections_source(
        pg_url: str, tmp_path: Path) -> None:
    with Corpus.open(tmp_path / "mine.sqlite") as mine:
        decided_corpus(mine)
        expected = rates(mine)
        with Corpus.open(pg_url) as server:
            copy_corpus(mine, server)
            assert rates(server) == expected
            pull_to_file(server, tmp_path / "back.sqlite")
    with Corpus.open(tmp_path / "back.sqlite") as back:
        assert rates(back) == expected


def test_two_coders_rejections_of_one_suggestion_travel_to_a_server_and_back(
        pg_url: str, tmp_path: Path) -> None:
    """A copy carries no rejection's coder: two coders' rejections of one suggestion
    arrive as one, still remembered, and the copy does not fail on them."""
    with Corpus.open(tmp_path / "mine.sqlite") as mine:
        doc_id = add(mine)
        for coder in ("alice", "bob"):
            RejectSuggestion(suggestion(mine, doc_id, "Gao", "location", "gazetteer",
                                        coder=coder)).apply(mine)
        assert rates(mine) == {"gazetteer": (0, 2, 0)}
        with Corpus.open(pg_url) as server:
            report = copy_corpus(mine, server)
            assert report.rows["rejections"] == 2
            assert server.db.fetch_one("SELECT count(*) FROM rejections")[0] == 1
            pull_to_file(server, tmp_path / "back.sqlite")
    with Corpus.open(tmp_path / "back.sqlite") as back:
        assert back.db.fetch_all("SELECT label, source FROM rejections") == [
            ("location", "gazetteer")]
