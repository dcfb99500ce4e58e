"""A "to do" list read within the blocks of ids not all settled (migration 0013): it
lists what asking every document lists, its counts follow every change of a status
whichever way it is made, and it reads a few blocks where the other way read them all."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.model import DocumentRecord, Span
from annotator.core.search import DocumentFilter
from annotator.storage import migrations
from annotator.storage.bulk_rows import add_rows, rows_of
from annotator.storage.corpus import Corpus
from annotator.storage.search_sql import page_ids
from annotator.storage.todo_blocks import BLOCK

SETTLED = ("done", "in progress", "skipped")


def _fill(corpus: Corpus, count: int) -> None:
    records = [DocumentRecord(text=f"Report {n}: rebels fled the market.", uid=f"r{n}",
                              spans=(Span(start=0, end=6, label="actor", text="Report",
                                          coder="ana"),) if n % 5 else ())
               for n in range(count)]
    for at in range(0, count, 2000):
        rows = [rows_of(record) for record in records[at:at + 2000]]
        assert add_rows(corpus, [r for r in rows if r is not None]) is not None


def _settle(corpus: Corpus, statuses: dict[int, str], coder: str = "ana") -> None:
    corpus.ensure_coder(coder)
    with corpus.db.atomic():
        corpus.db.executemany(
            "INSERT INTO doc_status (doc_id, coder, status, updated_at) VALUES (?, ?, ?, '') "
            "ON CONFLICT (doc_id, coder) DO UPDATE SET status = excluded.status",
            [(doc, coder, status) for doc, status in statuses.items()])


def _listed(corpus: Corpus, filters: DocumentFilter, page: int = 50,
            coder: str = "ana") -> list[int]:
    found: list[int] = []
    while rows := corpus.page(coder, after_id=found[-1] if found else 0, limit=page,
                              filters=filters):
        assert len(rows) <= page
        found += [row.id for row in rows]
    return found


def _to_do(corpus: Corpus, coder: str) -> list[int]:
    """Every document asked in turn: what the list must show."""
    settled = {doc for (doc,) in corpus.db.execute(
        "SELECT doc_id FROM doc_status WHERE coder = ? AND status != 'todo'", [coder])}
    return [doc for (doc,) in corpus.db.execute("SELECT id FROM documents ORDER BY id")
            if doc not in settled]


def _recounted(corpus: Corpus) -> dict[tuple[str, int], int]:
    kept = {(coder, block): settled for coder, block, settled in corpus.db.execute(
        "SELECT coder, block, settled FROM status_blocks") if settled}
    counted = {(coder, block): settled for coder, block, settled in corpus.db.execute(
        "SELECT coder, doc_id >> 10, count(*) FROM doc_status WHERE status != 'todo' "
        "GROUP BY 1, 2")}
    assert kept == counted
    return kept


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    opened = Corpus.open(tmp_path / "c.sqlite")
    _fill(opened, 6 * BLOCK + 300)
    yield opened
    opened.close()


def test_to_do_lists_what_asking_each_document_lists(corpus: Corpus) -> None:
    rng = random.Random(3)
    statuses = {doc: "done" for doc in range(1, 3 * BLOCK + 1)}  # three blocks all done
    statuses.update({doc: rng.choice(SETTLED) for doc in range(3 * BLOCK + 1, 5 * BLOCK)})
    for doc in (5, BLOCK + 17, 3 * BLOCK + 2, 4 * BLOCK + 600):
        statuses[doc] = "todo"  # a row that says "to do" is to do
    statuses.update({doc: "done" for doc in range(5 * BLOCK, 6 * BLOCK + 301)})
    _settle(corpus, statuses)
    _settle(corpus, {doc: "done" for doc in range(1, 200)}, coder="ben")
    _recounted(corpus)
    want = _to_do(corpus, "ana")
    assert 0 < len(want) < 1000
    for page in (1, 7, 50, 500):
        assert _listed(corpus, DocumentFilter(status="todo"), page) == want
    # With other filters asked of each document, and another coder's to do.
    without = {doc for (doc,) in corpus.db.execute(
        "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM spans s "
        "WHERE s.doc_id = d.id AND s.label = 'actor')")}
    assert _listed(corpus, DocumentFilter(status="todo", without_label="actor")) == [
        doc for doc in want if doc in without]
    # The coder filter keeps the documents with that coder's spans, to do for the one
    # listing: ben coded no span.
    assert _listed(corpus, DocumentFilter(status="todo", coder="ben")) == []
    assert _listed(corpus, DocumentFilter(status="todo"), coder="ben") == _to_do(corpus, "ben")
    assert _to_do(corpus, "ben")[:3] == [200, 201, 202]


def test_every_change_of_a_status_keeps_the_counts(corpus: Corpus) -> None:
    rng = random.Random(11)
    total = 6 * BLOCK + 300
    for _round in range(30):
        doc = rng.randint(1, total)
        corpus.set_status(doc, rng.choice(["ana", "ben"]), rng.choice([*SETTLED, "todo"]))
    _settle(corpus, {doc: rng.choice(SETTLED) for doc in rng.sample(range(1, total), 2500)})
    _recounted(corpus)
    db = corpus.db
    with db.atomic():
        db.execute("UPDATE doc_status SET status = 'todo' WHERE doc_id % 3 = 0")
        db.execute("UPDATE doc_status SET doc_id = doc_id + 1 WHERE doc_id = 7 "
                   "AND NOT EXISTS (SELECT 1 FROM doc_status WHERE doc_id = 8)")
        db.execute("DELETE FROM doc_status WHERE doc_id % 7 = 0")
        db.execute("UPDATE coders SET name = 'anna' WHERE name = 'ana'")  # cascades
        db.execute("DELETE FROM documents WHERE id BETWEEN 100 AND 140")  # cascades
    counts = _recounted(corpus)
    assert any(coder == "anna" for coder, _block in counts)
    assert _listed(corpus, DocumentFilter(status="todo"), coder="anna") == _to_do(corpus, "anna")


def _steps(corpus: Corpus, read: object) -> int:
    """The SQLite steps a read takes (its progress handler's calls, one per 100)."""
    counted = [0]

    def count() -> int:
        counted[0] += 1
        return 0

    corpus.db.conn.set_progress_handler(count, 100)
    try:
        read()  # type: ignore[operator]
    finally:
        corpus.db.conn.set_progress_handler(None, 0)
    return counted[0]


def read_by_blocks(corpus: Corpus, filters: DocumentFilter) -> None:
    """A page of ``filters`` reads at least five times fewer SQLite steps than asking
    every document in turn, walks no table, and takes the ids of each range from their
    own index."""
    blocks = _steps(corpus, lambda: corpus.page("ana", limit=50, filters=filters))
    sql, params = page_ids(filters, "ana", 0, 50)  # every document asked in turn
    each = _steps(corpus, lambda: corpus.db.execute(sql, params).fetchall())
    assert blocks * 5 < each, (blocks, each)
    statements: list[str] = []
    corpus.db.conn.set_trace_callback(statements.append)
    corpus.page("ana", limit=50, filters=filters)
    corpus.db.conn.set_trace_callback(None)
    plans = [" | ".join(row[3] for row in corpus.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
             for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert any("documents_order (id>? AND id<?)" in plan for plan in plans), plans
    assert not any("SCAN d" in plan or "SCAN documents" in plan for plan in plans), plans


def test_a_to_do_page_reads_only_the_blocks_not_all_done(corpus: Corpus) -> None:
    _settle(corpus, {doc: "done" for doc in range(1, 6 * BLOCK + 250)})
    todo = DocumentFilter(status="todo")
    first = corpus.page("ana", limit=50, filters=todo)
    assert [row.id for row in first] == list(range(6 * BLOCK + 250, 6 * BLOCK + 301))[:50]
    read_by_blocks(corpus, todo)


def test_a_corpus_made_before_counts_its_statuses_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.migrations.apply(db, stop_before="0013_status_blocks")
    db.execute("INSERT INTO coders (name) VALUES ('ana')")
    for doc in range(1, 2 * BLOCK + 10):
        db.execute("INSERT INTO documents (id, uid, text, sha256, imported_at) "
                   "VALUES (?, ?, 'text', '', '')", [doc, f"d{doc}"])
    db.execute("INSERT INTO doc_status (doc_id, coder, status, updated_at) "
               "SELECT id, 'ana', CASE WHEN id % 9 = 0 THEN 'todo' ELSE 'done' END, '' "
               "FROM documents")
    db.conn.commit()
    db.conn.close()
    with Corpus.open(path) as corpus:
        assert _recounted(corpus)
        assert _listed(corpus, DocumentFilter(status="todo")) == _to_do(corpus, "ana")
    assert [p.name for p in tmp_path.iterdir() if ".before-" in p.name] == []
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT count(*) FROM _sqlite_migrations WHERE name = "
                       "'0013_status_blocks'").fetchone() == (1,)
    raw.close()
