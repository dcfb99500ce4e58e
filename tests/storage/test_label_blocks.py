"""A "without a label" list read within the blocks of ids not all labelled (migration
0015): it lists what asking every document lists, with any other filter; its counts
follow every change of a span or a document whichever way it is made; and it reads a few
blocks where the other way read them all."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.model import DocumentRecord, Span
from annotator.core.search import DocumentFilter
from annotator.formats.importing import import_paths
from annotator.storage import migrations
from annotator.storage.bulk_rows import add_rows, rows_of
from annotator.storage.corpus import Corpus
from annotator.storage.label_count_sql import LABEL_COUNT_TRIGGERS
from annotator.storage.search_sql import page_ids
from annotator.storage.todo_blocks import BLOCK
from tests.storage.test_todo_blocks import read_by_blocks

LABELS = ("actor", "casualty", "location")
TOTAL = 5 * BLOCK + 300


def _record(n: int, rng: random.Random) -> DocumentRecord:
    """Nearly every document has an actor; fewer a casualty; a location by chance, some
    of them only suggested."""
    text = f"Report {n:05d}: rebels fled the market at dawn."
    spans = []
    if n % 97:
        spans.append(Span(start=0, end=6, label="actor", text="Report", coder="ana"))
    if n % 3 == 0:
        spans.append(Span(start=14, end=20, label="casualty", text="rebels", coder="ben"))
    if rng.random() < 0.3:
        spans.append(Span(start=21, end=25, label="location", text="fled", coder="ana",
                          origin=rng.choice(["manual", "suggested"])))
    return DocumentRecord(text=text, uid=f"r{n}", spans=tuple(spans),
                          date=f"2024-0{1 + n % 9}-1{n % 10}")


def _fill(corpus: Corpus, count: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    records = [_record(n, rng) for n in range(count)]
    for at in range(0, count, 1500):
        rows = [rows_of(record) for record in records[at:at + 1500]]
        assert add_rows(corpus, [r for r in rows if r is not None]) is not None


def _listed(corpus: Corpus, filters: DocumentFilter, page: int = 50,
            coder: str = "ana") -> list[int]:
    found: list[int] = []
    while rows := corpus.page(coder, after_id=found[-1] if found else 0, limit=page,
                              filters=filters):
        assert len(rows) <= page
        found += [row.id for row in rows]
    return found


def _asked(corpus: Corpus, filters: DocumentFilter, coder: str = "ana") -> list[int]:
    """Every document asked in turn (the query the list used before): what it must show."""
    found: list[int] = []
    while True:
        sql, params = page_ids(filters, coder, found[-1] if found else 0, 1000)
        rows = [row[0] for row in corpus.db.execute(sql, params)]
        if not rows:
            return found
        found += rows


def _recounted(corpus: Corpus) -> dict[tuple[str, int], int]:
    """The kept counts, checked against the spans and documents counted again."""
    kept = {(label, block): labelled for label, block, labelled in corpus.db.execute(
        "SELECT label, block, labelled FROM label_blocks") if labelled}
    counted = {(label, block): labelled for label, block, labelled in corpus.db.execute(
        "SELECT label, doc_id >> 10, count(DISTINCT doc_id) FROM spans "
        "WHERE origin != 'suggested' AND doc_id IN (SELECT id FROM documents) GROUP BY 1, 2")}
    assert kept == counted
    assert corpus.db.execute("SELECT count(*) FROM labelled_pending").fetchone() == (0,)
    return kept


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    opened = Corpus.open(tmp_path / "c.sqlite")
    _fill(opened, TOTAL)
    yield opened
    opened.close()


def _settle(corpus: Corpus, statuses: dict[int, str], coder: str = "ana") -> None:
    corpus.ensure_coder(coder)
    with corpus.db.atomic():
        corpus.db.executemany(
            "INSERT INTO doc_status (doc_id, coder, status, updated_at) VALUES (?, ?, ?, '') "
            "ON CONFLICT (doc_id, coder) DO UPDATE SET status = excluded.status",
            [(doc, coder, status) for doc, status in statuses.items()])


FILTERS = [
    DocumentFilter(without_label="actor"),
    DocumentFilter(without_label="casualty"),
    DocumentFilter(without_label="location"),
    DocumentFilter(without_label="weapon"),  # no document has it
    DocumentFilter(without_label="actor", status="todo"),
    DocumentFilter(without_label="actor", status="done"),
    DocumentFilter(without_label="actor", status="todo", coder="ben"),
    DocumentFilter(without_label="casualty", with_label="location"),
    DocumentFilter(without_label="actor", coder="ben"),
    DocumentFilter(without_label="actor", date_from="2024-03-01", date_to="2024-06-30"),
    DocumentFilter(without_label="location", copies="hide"),
    DocumentFilter(without_label="actor", copies="only"),
    DocumentFilter(without_label="casualty", status="todo", date_from="2024-05-01"),
]


def test_without_a_label_lists_what_asking_each_document_lists(corpus: Corpus) -> None:
    rng = random.Random(5)
    # Whole blocks done for ana, some documents here and there for ben.
    _settle(corpus, {doc: "done" for doc in range(1, 3 * BLOCK)})
    _settle(corpus, {doc: rng.choice(["done", "skipped"]) for doc in
                     rng.sample(range(1, TOTAL), 900)}, coder="ben")
    with corpus.db.atomic():
        corpus.db.executemany("INSERT INTO near_duplicates (doc_id, original_id, similarity) "
                              "VALUES (?, 1, 0.9)", [(doc,) for doc in range(2, TOTAL, 41)])
    _recounted(corpus)
    assert 0 < len(_asked(corpus, FILTERS[0])) < TOTAL // 50
    for filters in FILTERS:
        for coder in ("ana", "ben"):
            want = _asked(corpus, filters, coder)
            for page in (1, 7, 50, 500):
                assert _listed(corpus, filters, page, coder) == want, (filters, coder, page)
    # Any later page: from every position, the next page is the oracle's.
    want = _asked(corpus, FILTERS[0])
    for after in [0, *rng.sample(range(1, TOTAL + 5), 40)]:
        rows = corpus.page("ana", after_id=after, limit=3, filters=FILTERS[0])
        assert [row.id for row in rows] == [doc for doc in want if doc > after][:3]


_RAW_SPAN = ('INSERT OR REPLACE INTO spans (id, uid, doc_id, start, "end", label, text, '
             "coder, origin, created_at, updated_at) VALUES (?, ?, ?, 0, 6, ?, 'Report', "
             "'ana', ?, '', '')")


def test_every_change_of_a_span_or_document_keeps_the_counts(corpus: Corpus) -> None:
    rng = random.Random(11)
    db = corpus.db
    _recounted(corpus)
    # Spans added and removed as the window does.
    for _round in range(20):
        doc = rng.randint(1, TOTAL)
        if spans := corpus.spans(doc):
            corpus.delete_span(rng.choice(spans))
        corpus.insert_span(Span(start=0, end=6, label=rng.choice(LABELS), text="Report",
                                coder="ana", doc_id=rng.randint(1, TOTAL)))
    _recounted(corpus)
    [(highest_span,)] = db.execute("SELECT max(id) FROM spans").fetchall()
    changes: list[tuple[str, list[object]]] = [
        ("UPDATE spans SET label = 'casualty' WHERE doc_id % 5 = 0 AND label = 'actor'", []),
        ("UPDATE spans SET origin = 'suggested' WHERE doc_id % 7 = 0", []),
        ("UPDATE spans SET origin = 'accepted' WHERE doc_id % 14 = 0", []),
        ("UPDATE spans SET doc_id = doc_id + 1500 WHERE doc_id BETWEEN 1 AND 40", []),
        ("DELETE FROM spans WHERE doc_id % 11 = 0", []),
        # Replaced by id, the old row in another document and block, with another label.
        (_RAW_SPAN, [1, "moved", 3 * BLOCK + 5, "location", "manual"]),
        # Replaced by uid, the old row in another document.
        (_RAW_SPAN, [highest_span + 1, "moved", 2 * BLOCK + 9, "actor", "imported"]),
        # Replaced in place by a suggestion.
        ("INSERT OR REPLACE INTO spans SELECT id, uid, doc_id, start, \"end\", label, text, "
         "attrs, coder, 'suggested', created_at, updated_at, fragments, links FROM spans "
         "WHERE doc_id = ?", [4 * BLOCK + 2]),
        ("UPDATE OR REPLACE spans SET uid = 'moved' WHERE id = 2", []),
        ("UPDATE OR REPLACE spans SET id = 3 WHERE id = 4", []),
        # Another program's own conflict clause, which a trigger's statements take.
        ("UPDATE OR ABORT spans SET origin = 'manual' WHERE doc_id BETWEEN 50 AND 90", []),
        ("UPDATE OR FAIL spans SET label = 'location' WHERE doc_id BETWEEN 91 AND 99", []),
        ("INSERT OR ROLLBACK INTO spans (uid, doc_id, start, \"end\", label, text, coder, "
         "origin, created_at, updated_at) SELECT 'again-' || uid, doc_id, start, \"end\", "
         "label, text, coder, origin, '', '' FROM spans WHERE doc_id BETWEEN 1 AND 60", []),
        ("UPDATE labels SET name = 'who' WHERE name = 'actor'", []),  # cascades to spans
        ("DELETE FROM documents WHERE id BETWEEN 100 AND 140", []),  # cascades to spans
    ]
    for sql, params in changes:
        with db.atomic():
            db.execute(sql, params)
        _recounted(corpus)
    counts = _recounted(corpus)
    assert any(label == "who" for label, _block in counts)
    assert not any(label == "actor" for label, _block in counts)
    for filters in (DocumentFilter(without_label="who"), DocumentFilter(without_label="location")):
        assert _listed(corpus, filters) == _asked(corpus, filters)


def test_to_do_and_without_a_label_together(tmp_path: Path) -> None:
    """Blocks all labelled and blocks all done in turn: only where neither is whole are
    documents asked."""
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        records = [DocumentRecord(text=f"Report {n}: rebels fled.", uid=f"r{n}", spans=(
            Span(start=0, end=6, label="actor", text="Report", coder="ana"),)
            if (n + 1) // BLOCK % 2 == 0 and n % 400 else ()) for n in range(6 * BLOCK + 60)]
        assert add_rows(corpus, [r for r in map(rows_of, records) if r is not None])
        _settle(corpus, {doc: "done" for doc in range(1, 6 * BLOCK + 61)
                         if doc // BLOCK % 2 == 1 or doc % 300 == 0})
        for filters in (DocumentFilter(without_label="actor", status="todo"),
                        DocumentFilter(without_label="actor", status="done")):
            want = _asked(corpus, filters)
            assert want
            for page in (1, 3, 50, 500):
                assert _listed(corpus, filters, page) == want, (filters, page)


def _raw(path: Path, *statements: tuple[str, list[object]]) -> None:
    """Another program's changes: the sqlite3 shell's way, foreign keys off."""
    con = sqlite3.connect(path)
    with con:
        for sql, params in statements:
            con.execute(sql, params)
    con.close()


def test_another_programs_changes_keep_the_counts(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with Corpus.open(path) as corpus:
        _fill(corpus, 2 * BLOCK + 50)
    far = 2 ** 40
    _raw(path,
         ("DELETE FROM documents WHERE id BETWEEN 10 AND 60", []),  # spans left behind
         ("INSERT INTO spans (uid, doc_id, start, \"end\", label, text, coder, origin, "
          "created_at, updated_at) VALUES ('lost', 99999, 0, 6, 'actor', 'Report', 'ana', "
          "'manual', '', '')", []),  # a span of no document
         ("INSERT INTO documents (id, uid, title, text, sha256, imported_at) "
          "SELECT ?, 'far', title, text, sha256, imported_at FROM documents WHERE id = 1",
          [far]),
         (_RAW_SPAN, [None, "far-actor", far, "actor", "manual"]),
         ("INSERT INTO documents (id, uid, title, text, sha256, imported_at) "
          "SELECT ?, 'far2', title, text, sha256, imported_at FROM documents WHERE id = 1",
          [far + 5]),
         (_RAW_SPAN, [None, "x1", 5, "casualty", "manual"]),
         (_RAW_SPAN, [None, "x1", 6, "casualty", "manual"]),  # replaces x1 of document 5
         ("INSERT OR REPLACE INTO spans SELECT * FROM spans WHERE doc_id = 7", []),
         ("UPDATE documents SET id = ? WHERE id = 8", [far + 9]))  # its spans left behind
    with Corpus.open(path) as corpus:
        counts = _recounted(corpus)
        assert counts[("actor", far >> 10)] == 1
        assert counts[("casualty", 0)] == len([
            doc for doc in _listed(corpus, DocumentFilter(with_label="casualty")) if doc < BLOCK])
        for label in LABELS:
            filters = DocumentFilter(without_label=label)
            want = _asked(corpus, filters)
            assert all(doc not in want for doc in range(10, 61))
            assert _listed(corpus, filters, page=7) == want
        assert _asked(corpus, DocumentFilter(without_label="actor"))[-2:] == [far + 5, far + 9]
    # The deleted documents' ids given again: their spans count once more.
    _raw(path, ("INSERT INTO documents (id, uid, title, text, sha256, imported_at) "
                "SELECT 30, 'back', title, text, sha256, imported_at FROM documents "
                "WHERE id = 1", []))
    with Corpus.open(path) as corpus:
        _recounted(corpus)
        filters = DocumentFilter(without_label="actor")
        assert _listed(corpus, filters) == _asked(corpus, filters)


def test_a_page_reads_only_the_blocks_not_all_labelled(tmp_path: Path) -> None:
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        records = [DocumentRecord(text=f"Report {n}: rebels fled.", uid=f"r{n}", spans=(
            Span(start=0, end=6, label="actor", text="Report", coder="ana"),
            Span(start=7, end=8, label="location", text=str(n)[0], coder="ana"))
            if n < 6 * BLOCK else ()) for n in range(6 * BLOCK + 60)]
        assert add_rows(corpus, [r for r in map(rows_of, records) if r is not None])
        without = DocumentFilter(without_label="actor")
        first = corpus.page("ana", limit=50, filters=without)
        assert [row.id for row in first] == list(range(6 * BLOCK + 1, 6 * BLOCK + 51))
        read_by_blocks(corpus, without)


def test_a_corpus_made_before_counts_its_labels_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.migrations.apply(db, stop_before="0015_label_blocks")
    db.execute("INSERT INTO coders (name) VALUES ('ana')")
    for doc in range(1, 2 * BLOCK + 10):
        db.execute("INSERT INTO documents (id, uid, text, sha256, imported_at) "
                   "VALUES (?, ?, 'Report text', '', '')", [doc, f"d{doc}"])
    db.execute("INSERT INTO spans (uid, doc_id, start, \"end\", label, text, coder, origin, "
               "created_at, updated_at) SELECT 's' || id, id, 0, 6, "
               "CASE WHEN id % 9 = 0 THEN 'location' ELSE 'actor' END, 'Report', 'ana', "
               "CASE WHEN id % 13 = 0 THEN 'suggested' ELSE 'manual' END, '', '' "
               "FROM documents")
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("DELETE FROM documents WHERE id BETWEEN 100 AND 120")  # spans left behind
    db.conn.commit()
    db.conn.close()
    with Corpus.open(path) as corpus:
        assert _recounted(corpus)
        filters = DocumentFilter(without_label="actor")
        want = _asked(corpus, filters)
        assert want == [doc for doc in range(1, 2 * BLOCK + 10) if (doc % 9 == 0 or doc % 13 == 0)
                        and not 100 <= doc <= 120]
        assert _listed(corpus, filters) == want
    assert [p.name for p in tmp_path.iterdir() if ".before-" in p.name] == []
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT count(*) FROM _sqlite_migrations WHERE name = "
                       "'0015_label_blocks'").fetchone() == (1,)
    raw.close()


def test_an_imports_spans_are_counted(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rng = random.Random(2)
    with source.open("w", encoding="utf-8") as out:
        for n in range(2500):
            record = _record(n, rng)
            out.write(json.dumps({
                "id": f"i{record.uid}", "text": record.text,
                "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": s.text,
                           **({"origin": s.origin} if s.origin == "suggested" else {})}
                          for s in record.spans]}) + "\n")
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        _fill(corpus, 3)  # documents of its own first
        assert import_paths(corpus, [source]).ok
        assert corpus.document_count() == 2503
        counts = _recounted(corpus)
        assert sum(n for (label, _block), n in counts.items() if label == "actor") > 2400
        for label in (*LABELS, "weapon"):
            filters = DocumentFilter(without_label=label)
            assert _listed(corpus, filters, page=100) == _asked(corpus, filters)
        # Imported again, each batch is refused part-way (its documents are there) and
        # rolled back: the counting set aside for it is back.
        assert import_paths(corpus, [source]).ok
        assert corpus.document_count() == 2503
        assert {name for (name,) in corpus.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")} >= set(
            LABEL_COUNT_TRIGGERS)
        _recounted(corpus)
        corpus.ensure_labels(["weapon"])
        corpus.insert_span(Span(start=0, end=6, label="weapon", text="Report", coder="ana",
                                doc_id=2000))
        assert _recounted(corpus)[("weapon", 2000 >> 10)] == 1


def test_a_read_only_corpus_lists_without_a_label(tmp_path: Path, read_only_folder) -> None:
    path = tmp_path / "c.sqlite"
    with Corpus.open(path) as corpus:
        _fill(corpus, BLOCK + 300)
        want = _asked(corpus, DocumentFilter(without_label="actor"))
    [copy] = read_only_folder(path)
    with Corpus.open(copy) as corpus:
        assert corpus.read_only
        assert _listed(corpus, DocumentFilter(without_label="actor"), page=5) == want


_LIST = """
import sys
from annotator.core.search import DocumentFilter
from annotator.storage.corpus import Corpus
with Corpus.open(sys.argv[1]) as corpus:
    print([row.id for row in corpus.page("ana", filters=DocumentFilter(without_label="actor"))])
"""


def test_far_ids_list_at_once(tmp_path: Path) -> None:
    """Documents numbered far apart by another program, all labelled but the last: the page
    skips the labelled blocks without walking the empty ones between them."""
    path = tmp_path / "c.sqlite"
    with Corpus.open(path) as corpus:
        _fill(corpus, 3)
    far = 2 ** 40
    _raw(path, *[stmt for n, doc in enumerate((far, far * 2, far * 3)) for stmt in (
        ("INSERT INTO documents (id, uid, title, text, sha256, imported_at) SELECT ?, ?, "
         "title, text, sha256, imported_at FROM documents WHERE id = 1", [doc, f"far{n}"]),
        (_RAW_SPAN, [None, f"far-span{n}", doc, "actor" if n < 2 else "location", "manual"]))])
    try:
        done = subprocess.run([sys.executable, "-c", _LIST, str(path)], capture_output=True,
                              text=True, timeout=30, cwd=Path(__file__).parents[2])
    except subprocess.TimeoutExpired:
        pytest.fail("a 'without a label' page of six documents took over 30 seconds")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"[1, {far * 3}]"  # the first has no actor (_record)


def test_a_copy_counts_its_labels_once_and_keeps_its_triggers(corpus: Corpus,
                                                               tmp_path: Path) -> None:
    from annotator.storage.transfer import copy_corpus

    kept = _recounted(corpus)
    with Corpus.open(tmp_path / "copy.sqlite") as copy:
        copy_corpus(corpus, copy)
        assert _recounted(copy) == kept and kept
        without = DocumentFilter(without_label="casualty")
        assert _listed(copy, without) == _asked(copy, without) == _asked(corpus, without)
        triggers = {row[0] for row in copy.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert set(LABEL_COUNT_TRIGGERS) <= triggers
        # Counted by its triggers again from here on.
        first = _asked(copy, without)[0]
        copy.db.execute("INSERT INTO spans (uid, doc_id, start, \"end\", label, text, coder, "
                        "origin, created_at, updated_at) VALUES ('x', ?, 0, 1, 'casualty', "
                        "'x', 'ana', 'manual', '', '')", [first])
        _recounted(copy)
        assert first not in _listed(copy, without)
