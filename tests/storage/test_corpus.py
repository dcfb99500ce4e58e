from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.core.search import DocumentFilter
from annotator.storage.bulk import add_documents, iter_documents
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.stats import corpus_stats

TEXT = "Two Katyusha rockets were fired at Ain al-Assad airbase. At least five US personnel were injured."


def add(corpus: Corpus, text: str = TEXT, **kwargs) -> int:
    [result] = add_documents(corpus, [DocumentRecord(text=text, **kwargs)])
    assert result.outcome == "added"
    assert result.doc_id is not None
    return result.doc_id


def span_of(text: str, phrase: str, label: str, doc_id: int, coder: str = "alice") -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase), label=label, text=phrase, coder=coder,
                doc_id=doc_id)


def test_a_new_corpus_file_is_wal_with_foreign_keys_fts_and_migrations(corpus_path: Path) -> None:
    with Corpus.open(corpus_path) as corpus:
        assert corpus.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert corpus.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"documents", "documents_fts", "labels", "spans", "doc_status", "changes",
                "coders", "_sqlite_migrations"} <= set(corpus.db.table_names())
        assert [label.name for label in corpus.labels()] == ["actor", "casualty", "location"]
        add(corpus)
    # Plain sqlite3 reads it, and full-text search finds the document.
    conn = sqlite3.connect(corpus_path)
    hits = conn.execute(
        "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'katyusha'"
    ).fetchall()
    assert hits == [(1,)]
    conn.close()


def test_reopening_applies_no_migration_twice(corpus_path: Path) -> None:
    Corpus.open(corpus_path).close()
    with Corpus.open(corpus_path) as corpus:
        names = [row[0] for row in corpus.db.execute("SELECT name FROM _sqlite_migrations")]
    assert names == ["0001_initial", "0002_schema_events_details", "0003_suggestions",
                     "0004_label_examples", "0005_spans_doc_covering",
                     "0006_relations_fragments_document_labels", "0007_accepted_origin",
                     "0008_event_details", "0009_near_duplicates", "0010_rejection_sources",
                     "0011_list_indexes", "0012_search_index_by_batch", "0013_status_blocks",
                     "0014_near_band_runs", "0015_label_blocks"]


def test_a_file_that_is_not_a_corpus_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database")
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="not a corpus"):
        Corpus.open(path)
    assert path.read_bytes() == before


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="not an annotator corpus"):
        Corpus.open(path)
    assert path.read_bytes() == before  # not even switched to WAL
    assert not path.with_name("other.db-wal").exists()


def test_a_corpus_from_a_newer_version_is_refused(corpus_path: Path) -> None:
    with Corpus.open(corpus_path) as corpus:
        corpus.db["_sqlite_migrations"].insert(
            {"migration_set": "annotator", "name": "9999_future", "applied_at": "2030"}
        )
    with pytest.raises(CorpusError, match="newer version"):
        Corpus.open(corpus_path)


def test_an_empty_file_left_by_a_crash_opens_as_a_new_corpus(corpus_path: Path) -> None:
    corpus_path.write_bytes(b"")
    with Corpus.open(corpus_path) as corpus:
        assert corpus.document_count() == 0


def test_opening_a_missing_corpus_without_create_fails(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such corpus"):
        Corpus.open(tmp_path / "missing.sqlite", create=False)


def test_span_edits_are_committed_and_logged(corpus_path: Path) -> None:
    with Corpus.open(corpus_path) as corpus:
        doc_id = add(corpus)
        place = span_of(TEXT, "Ain al-Assad airbase", "location", doc_id)
        corpus.insert_span(place)
        moved = span_of(TEXT, "Ain al-Assad airbase", "actor", doc_id)
        corpus.replace_span(place, Span(**{**_fields(moved), "uid": place.uid}))
        corpus.set_status(doc_id, "alice", "done")
    # A second connection sees it all: every edit was committed.
    with Corpus.open(corpus_path) as again:
        [stored] = again.spans(doc_id)
        assert (stored.label, stored.text, stored.coder) == ("actor", "Ain al-Assad airbase", "alice")
        assert again.status(doc_id, "alice") == "done"
        assert again.progress("alice") == (1, 1)
        actions = [row[0] for row in again.db.execute("SELECT action FROM changes ORDER BY id")]
        assert actions == ["import", "add span", "change span", "status"]
        again.delete_span(stored)
        assert again.spans(doc_id) == []


def _fields(span: Span) -> dict:
    return {name: getattr(span, name) for name in Span.__slots__}


def test_a_span_that_does_not_match_the_text_is_refused(corpus: Corpus) -> None:
    doc_id = add(corpus)
    wrong = Span(start=0, end=3, label="actor", text="One", coder="alice", doc_id=doc_id)
    with pytest.raises(CorpusError, match="does not match"):
        corpus.insert_span(wrong)
    assert corpus.spans(doc_id) == []


def test_offsets_are_code_points_in_sql_too(corpus: Corpus) -> None:
    text = "👩‍👩‍👧 fled قاعدة عين الأسد after Cafe\u0301 strike"
    doc_id = add(corpus, text)
    for phrase in ("قاعدة عين الأسد", "Cafe\u0301", "👩‍👩‍👧"):
        corpus.insert_span(span_of(text, phrase, "location", doc_id))
    assert sorted(s.text for s in corpus.spans(doc_id)) == sorted(
        ["قاعدة عين الأسد", "Cafe\u0301", "👩‍👩‍👧"]
    )


def test_duplicates_and_conflicting_ids(corpus: Corpus) -> None:
    first = add_documents(corpus, [DocumentRecord(text=TEXT), DocumentRecord(text=TEXT)])
    assert [r.outcome for r in first] == ["added", "duplicate"]
    again = add_documents(corpus, [DocumentRecord(text="Other text", uid="doc-1"),
                                   DocumentRecord(text="Other text", uid="doc-1"),
                                   DocumentRecord(text="Changed text", uid="doc-1")])
    assert [r.outcome for r in again] == ["added", "duplicate", "conflict"]
    assert "different text" in again[2].reason
    assert corpus.document_count() == 2


def test_pages_neighbours_and_search(corpus: Corpus) -> None:
    ids = [add(corpus, f"Report number {n} about shelling in town {n}") for n in range(1, 8)]
    corpus.set_status(ids[0], "alice", "done")
    page = corpus.page("alice", after_id=0, limit=3)
    assert [row.id for row in page] == ids[:3]
    assert page[0].status == "done"
    assert [row.id for row in corpus.page("alice", after_id=ids[2], limit=3)] == ids[3:6]
    assert corpus.first_undone("alice") == ids[1]
    assert corpus.neighbour(ids[3], -1, "alice") == ids[2]
    assert corpus.neighbour(ids[-1], 1, "alice") is None
    hits = corpus.page("alice", search='"town" "5"')
    assert [row.id for row in hits] == [ids[4]]



def test_search_ranks_by_relevance_headline_first_and_pages_on(corpus: Corpus) -> None:
    body = "Shelling was reported near the market. " * 3
    # Titles of their own: a document without one gets its first line, here all its text.
    once = add(corpus, body + "A checkpoint was hit.", title="Report one")
    headline = add(corpus, body + "A checkpoint was hit too.", title="Checkpoint attacked")
    thrice = add(corpus, body + "The checkpoint, a second checkpoint and a third checkpoint.",
                 title="Report three")
    unrelated = add(corpus, body, title="Report four")
    hits = [row.id for row in corpus.page("alice", search='"checkpoint"*')]
    assert hits == [headline, thrice, once] and unrelated not in hits
    if corpus.db.dialect == "sqlite":
        # The page is the best part of FTS5's own ranking with the same weights.
        expected = [row[0] for row in corpus.db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'checkpoint' "
            "ORDER BY bm25(documents_fts, 2.0, 1.0)")]
        assert hits == expected
    second = corpus.page("alice", search='"checkpoint"*', limit=2, offset=2)
    assert [row.id for row in second] == [once]

def test_stats_and_iteration(corpus: Corpus) -> None:
    doc_id = add(corpus)
    corpus.insert_span(span_of(TEXT, "Ain al-Assad airbase", "location", doc_id))
    corpus.insert_span(span_of(TEXT, "At least five US personnel", "casualty", doc_id, "bob"))
    corpus.set_status(doc_id, "bob", "in progress")
    add(corpus, "Another report.")
    figures = corpus_stats(corpus)
    assert figures["documents"] == 2
    assert figures["spans"] == 2
    assert figures["labels"] == {"actor": 0, "casualty": 1, "location": 1}
    assert figures["coders"] == {"alice": 1, "bob": 1}
    assert figures["status"] == {"todo": 1, "in progress": 1, "done": 0, "skipped": 0}
    [first, second] = list(iter_documents(corpus, page_size=1))
    assert [s.label for s in first.spans] == ["location", "casualty"]
    assert first.statuses == {"bob": "in progress"}
    assert second.spans == []
    assert [s.coder for s in next(iter_documents(corpus, coder="bob")).spans] == ["bob"]


def test_a_taken_span_id_refuses_only_its_document(corpus: Corpus) -> None:
    first = DocumentRecord(text="Hamas said", uid="a", spans=(
        Span(start=0, end=5, label="actor", text="Hamas", coder="x", uid="span-1"),))
    assert [r.outcome for r in add_documents(corpus, [first])] == ["added"]
    clash = DocumentRecord(text="Hamas denied", uid="b", spans=(
        Span(start=0, end=5, label="actor", text="Hamas", coder="x", uid="span-1"),))
    fine = DocumentRecord(text="Israel said", uid="c", spans=(
        Span(start=0, end=6, label="actor", text="Israel", coder="x"),))
    results = add_documents(corpus, [fine, clash])
    assert [r.outcome for r in results] == ["added", "conflict"]
    assert "span id 'span-1' is already used" in results[1].reason
    assert corpus.document_count() == 2
    assert corpus.span_count() == 2


# A search's matches, and a list filtered by what a document lacks, are each asked of
# the filters in turn; the plain list with a label, coder or status filter is read
# through that filter's index instead (tests/storage/test_list_scale.py).
@pytest.mark.parametrize(("search", "filters"), [
    *(('"shelling"', f) for f in (
        DocumentFilter(with_label="actor"), DocumentFilter(without_label="actor"),
        DocumentFilter(coder="bob"), DocumentFilter(status="done"))),
    (None, DocumentFilter(without_label="actor")),
])
def test_filters_look_spans_up_by_document_never_by_label(
        corpus_path: Path, search: str | None, filters: DocumentFilter) -> None:
    corpus = Corpus.open(corpus_path)  # SQLite's own query planner
    # Looked up by label, each listed document read every span with that label.
    doc_id = add(corpus, "Shelling in Homs. Hamas said so.")
    corpus.insert_span(span_of("Shelling in Homs. Hamas said so.", "Hamas", "actor", doc_id))
    add(corpus, "Calm in Idlib.")  # one without it: a list of what lacks it asks this one
    statements: list[str] = []
    corpus.db.conn.set_trace_callback(statements.append)
    corpus.page("alice", search=search, filters=filters)
    corpus.db.conn.set_trace_callback(None)
    listings = [s for s in statements if "LIMIT" in s and not s.startswith("--")]
    plan = " ".join(row[3] for listing in listings
                    for row in corpus.db.execute(f"EXPLAIN QUERY PLAN {listing}"))
    assert listings and "spans_label" not in plan and "spans_coder" not in plan
    if filters.with_label or filters.without_label or filters.coder:
        assert "COVERING INDEX spans_doc" in plan  # answered from the index alone


def test_match_count_agrees_with_the_pages(corpus: Corpus) -> None:
    ids = [add(corpus, f"Shelling in district {n}.") for n in range(5)]
    corpus.set_status(ids[1], "alice", "done")
    assert corpus.match_count('"shelling"', "alice") == 5
    assert corpus.match_count('"shelling"', "alice", DocumentFilter(status="done")) == 1
    assert corpus.match_count('"district" "3"', "alice") == 1
    done = corpus.page("alice", search='"shelling"', filters=DocumentFilter(status="done"))
    assert [row.id for row in done] == [ids[1]]
