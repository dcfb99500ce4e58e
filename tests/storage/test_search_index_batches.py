"""An import indexes its documents for search a batch at a time (migration 0012): every
document is found as if the trigger had indexed it, whatever way it was stored, and a
corpus made before is upgraded in place, without a copy."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.model import DocumentRecord, Span
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage import migrations
from annotator.storage.bulk import add_documents
from annotator.storage.bulk_rows import add_rows, rows_of
from annotator.storage.corpus import Corpus

WORDS = ["army", "rebels", "checkpoint", "village", "police", "convoy", "market", "border"]


def _text(number: int) -> str:
    # A word of its own in every text, so that each is found alone.
    return f"Report q{number}x: " + " ".join(WORDS[(number + k) % len(WORDS)] for k in range(30))


def _found(corpus: Corpus, word: str) -> list[int]:
    return [row[0] for row in corpus.db.execute(
        "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid", [word])]


def _indexed_as_the_trigger_would(corpus: Corpus) -> None:
    """The index, term by term, equals one rebuilt from every stored row."""
    db = corpus.db
    db.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, documents_fts, instance)")
    every_term = "SELECT term, doc, col, offset FROM temp.terms ORDER BY 1, 2, 3, 4"
    before = db.execute(every_term).fetchall()
    with db.atomic():
        db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
    assert before and before == db.execute(every_term).fetchall()


def test_every_imported_document_is_found_by_its_own_word(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{n}", "title": f"Headline h{n}y",
                                          "text": _text(n)}) + "\n" for n in range(1200)))
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [source], options=ReadOptions(coder="ana"))
        assert summary.added == 1200
        ids = dict(corpus.db.execute("SELECT uid, id FROM documents").fetchall())
        for number in (0, 499, 500, 777, 1199):
            assert _found(corpus, f"q{number}x") == [ids[f"d{number}"]]
            assert _found(corpus, f"h{number}y") == [ids[f"d{number}"]]  # the headline too
        assert len(_found(corpus, "report")) == 1200
        assert corpus.db.execute("SELECT count(*) FROM search_index_deferred").fetchone() == (0,)
        _indexed_as_the_trigger_would(corpus)


def _record(number: int, uid: str | None = None) -> DocumentRecord:
    text = _text(number)
    return DocumentRecord(text=text, uid=uid or f"d{number}", spans=(
        Span(start=0, end=6, label="actor", text="Report", coder="ana"),))


def test_documents_stored_one_by_one_are_still_indexed_by_the_trigger(tmp_path: Path) -> None:
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        rows = [rows_of(_record(n)) for n in range(3)]
        assert add_rows(corpus, [r for r in rows if r is not None]) is not None
        [result] = add_documents(corpus, [_record(3)])  # a record's way, row by row
        corpus.db.execute("INSERT INTO documents (uid, text, sha256, imported_at) "
                          "VALUES ('other', 'q4x written by another program', '', '')")
        assert _found(corpus, "q3x") == [result.doc_id]
        assert len(_found(corpus, "q4x")) == 1
        assert [len(_found(corpus, f"q{n}x")) for n in range(3)] == [1, 1, 1]
        _indexed_as_the_trigger_would(corpus)


def test_a_batch_refused_leaves_the_trigger_indexing(tmp_path: Path) -> None:
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        first = rows_of(_record(0))
        assert first is not None and add_rows(corpus, [first]) is not None
        taken = rows_of(_record(1, uid="d0"))  # its id is taken: nothing of it is stored
        fresh = rows_of(_record(2))
        assert taken is not None and fresh is not None
        assert add_rows(corpus, [fresh, taken]) is None
        assert _found(corpus, "q2x") == [] and _found(corpus, "q1x") == []
        assert corpus.db.execute("SELECT count(*) FROM search_index_deferred").fetchone() == (0,)
        [result] = add_documents(corpus, [_record(5)])
        assert _found(corpus, "q5x") == [result.doc_id]


def test_a_corpus_made_before_is_upgraded_without_a_copy_and_found_as_before(
        tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.migrations.apply(db, stop_before="0012_search_index_by_batch")
    db.execute("INSERT INTO documents (uid, title, text, sha256, imported_at) "
               "VALUES ('d', 't', 'an older q9x text', 's', 'now')")
    db.conn.commit()
    db.conn.close()
    with Corpus.open(path, check=True) as corpus:
        assert _found(corpus, "q9x") == [1]
        rows = rows_of(_record(7))
        assert rows is not None and add_rows(corpus, [rows]) is not None
        assert _found(corpus, "q7x") == [2]
        [result] = add_documents(corpus, [_record(8)])
        assert _found(corpus, "q8x") == [result.doc_id]
    assert [p.name for p in tmp_path.iterdir() if ".before-" in p.name] == []
    raw = sqlite3.connect(path)
    assert "search_index_deferred" in raw.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'documents_ai'").fetchone()[0]
    raw.close()


@pytest.mark.parametrize("pending", ["0011_list_indexes", "0010_rejection_sources"])
def test_a_corpus_with_row_changes_pending_is_still_copied_first(tmp_path: Path,
                                                                 pending: str) -> None:
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.migrations.apply(db, stop_before=pending)
    db.conn.close()
    Corpus.open(path).close()
    assert (tmp_path / f"old.sqlite.before-{pending}").exists()
