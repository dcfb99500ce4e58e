"""The document list at any size: a filtered page is read through one filter's index,
a position through the ids alone, and a ranked search ranks a bounded set; what each
lists is what asking every document would list, on a file and on a server."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.core.search import DocumentFilter, fts_query
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.pg import search as pg_search

COUNT = 60
LABELS = ("actor", "casualty", "location")


def text_of(n: int) -> str:
    return f"Report {n}: shelling near the market. " + "Rebels fled. " * (1 + n % 3)


def build(corpus: Corpus) -> None:
    """Documents with a spread of statuses, labels and coders, and a gap in the ids."""
    add_documents(corpus, [DocumentRecord(text=text_of(n), uid=f"r{n}", title=f"Report {n}")
                           for n in range(COUNT)])
    for doc_id in range(1, COUNT + 1):
        text = text_of(doc_id - 1)
        if doc_id % 3:
            label = LABELS[doc_id % len(LABELS)]
            coder = "bob" if doc_id % 7 == 0 else "alice"
            start = text.index("shelling")
            corpus.insert_span(Span(start=start, end=start + 8, label=label, text="shelling",
                                    coder=coder, doc_id=doc_id))
        if doc_id % 11 == 0:  # a pending suggestion is not a coded span
            start = text.index("Rebels")
            corpus.insert_span(Span(start=start, end=start + 6, label="location", text="Rebels",
                                    coder="model", doc_id=doc_id, origin="suggested"))
        if doc_id % 4 == 0:
            corpus.set_status(doc_id, "alice", "done" if doc_id % 8 else "skipped")
        if doc_id % 5 == 0:
            corpus.set_status(doc_id, "bob", "done")


def expected(corpus: Corpus, coder: str, filters: DocumentFilter) -> list[int]:
    """The documents ``filters`` keeps, asked of each document in turn."""
    kept = []
    for doc_id in corpus.document_ids():
        spans = corpus.spans(doc_id)
        coded = {s.label for s in spans if s.origin != "suggested"}
        status = corpus.status(doc_id, filters.coder or coder)
        if filters.status and status != filters.status:
            continue
        if filters.with_label and filters.with_label not in coded:
            continue
        if filters.without_label and filters.without_label in coded:
            continue
        if filters.coder and not any(s.coder == filters.coder for s in spans):
            continue
        kept.append(doc_id)
    return kept


def listed(corpus: Corpus, coder: str, filters: DocumentFilter, size: int) -> list[int]:
    ids, after = [], 0
    while page := corpus.page(coder, after_id=after, limit=size, filters=filters):
        ids += [row.id for row in page]
        after = page[-1].id
    return ids


FILTERS = [DocumentFilter(status=s, with_label=w, coder=c)
           for s, w, c in itertools.product((None, "done", "skipped", "todo"),
                                            (None, "actor", "location", "weapon"),
                                            (None, "alice", "bob"))]


def test_filtered_pages_list_what_each_document_passes(corpus_location: str | Path) -> None:
    with Corpus.open(corpus_location) as corpus:
        build(corpus)
        corpus.db.execute("DELETE FROM documents WHERE id = 30")  # ids need not follow on
        for filters in [*FILTERS, DocumentFilter(without_label="actor", coder="alice")]:
            want = expected(corpus, "alice", filters)
            assert listed(corpus, "alice", filters, 7) == want, filters
            assert listed(corpus, "alice", filters, 500) == want, filters
        rows = corpus.page("alice", filters=DocumentFilter(status="done"))
        assert [(r.status, r.span_count) for r in rows[:2]] == [("done", 1), ("done", 0)]


def plans(corpus: Corpus, action) -> list[str]:
    """The query plan of each statement ``action`` runs (a file's own planner)."""
    statements: list[str] = []
    corpus.db.conn.set_trace_callback(statements.append)
    action()
    corpus.db.conn.set_trace_callback(None)
    return [" | ".join(row[3] for row in corpus.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


@pytest.mark.parametrize(("filters", "index"), [
    (DocumentFilter(status="done"), "doc_status_coder (coder=? AND status=? AND doc_id>?)"),
    (DocumentFilter(with_label="weapon"), "spans_label (label=? AND doc_id>?)"),
    (DocumentFilter(coder="bob"), "spans_coder (coder=? AND doc_id>?)"),
    (DocumentFilter(status="done", with_label="actor", coder="bob"), "doc_status_coder"),
    # Asked of each document in turn: the ids from their own index, no text read.
    (DocumentFilter(), "COVERING INDEX documents_order (id>?)"),
])  # "to do" and "without a label" are read within the blocks not all settled, or not
# all labelled: tests/storage/test_todo_blocks.py, tests/storage/test_label_blocks.py
def test_a_filtered_page_is_read_through_one_filters_index(
        corpus_path: Path, filters: DocumentFilter, index: str) -> None:
    with Corpus.open(corpus_path) as corpus:
        build(corpus)
        for after in (0, COUNT // 2):
            [plan] = plans(corpus, lambda a=after: corpus.page("alice", after_id=a, limit=5,
                                                              filters=filters))
            assert index in plan, plan
            assert "SCAN" not in plan.replace("SCAN listed", ""), plan  # no table walked
            # The ids come in order from the index: only the page's rows are sorted.
            ids_part = plan.split("| SCAN listed")[0]
            assert "TEMP B-TREE" not in ids_part, plan


def test_any_position_is_one_read_through_the_ids_alone(corpus_path: Path) -> None:
    with Corpus.open(corpus_path) as corpus:
        build(corpus)
        total = corpus.document_count()
        assert [corpus.id_at(p, total) for p in (0, 29, total - 1)] == [1, 30, COUNT]
        corpus.db.execute("DELETE FROM documents WHERE id IN (2, 40)")
        total = corpus.document_count()
        ids = corpus.document_ids()
        for position, doc_id in enumerate(ids):
            assert corpus.id_at(position, total) == doc_id
            assert corpus.position_of(doc_id, total) == position
            assert [r.id for r in corpus.page_at("alice", position, 3, total)] == \
                ids[position:position + 3]
        assert corpus.id_at(total, total) is None
        for position in (1, total - 2):  # from the front, and from the end
            [_bounds, plan] = plans(corpus, lambda p=position: corpus.id_at(p, total))
            assert plan == "SCAN documents USING COVERING INDEX documents_order", plan
        [_bounds, plan] = plans(corpus, lambda: corpus.position_of(50, total))
        assert "COVERING INDEX documents_order (id<?)" in plan, plan


def ranked_pages(corpus: Corpus, query: str, size: int) -> list[int]:
    found, offset = [], 0
    while rows := corpus.page("alice", search=query, limit=size, offset=offset):
        found += [row.id for row in rows]
        offset += size
    return found


@pytest.mark.parametrize("bound", [4, 25, 1000])
@pytest.mark.parametrize("size", [1, 7, 50])
def test_a_bounded_search_lists_every_match_once(
        corpus_path: Path, monkeypatch: pytest.MonkeyPatch, bound: int, size: int) -> None:
    monkeypatch.setattr(pg_search, "RANKED_AT_MOST", bound)
    with Corpus.open(corpus_path) as corpus:
        build(corpus)
        query = fts_query("rebels")
        found = ranked_pages(corpus, query, size)
        assert sorted(found) == corpus.document_ids()
        ranked = sorted(corpus.document_ids())[-bound:]  # the newest ``bound``, ranked first
        assert sorted(found[:len(ranked)]) == ranked
        assert found[len(ranked):] == sorted(set(found) - set(ranked), reverse=True)


def test_with_every_match_ranked_the_order_is_bm25s(corpus_path: Path) -> None:
    with Corpus.open(corpus_path) as corpus:
        build(corpus)
        query = fts_query("rebels")
        everything = [row[0] for row in corpus.db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? "
            "ORDER BY bm25(documents_fts, 2.0, 1.0), rowid", [query])]
        assert ranked_pages(corpus, query, 9) == everything  # the ranking before the bound
