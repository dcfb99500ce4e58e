"""Ranked search on a server with a word in more documents than are ranked: every match
is listed exactly once over the pages, in one order for every page; headline matches
and the best-ranked come first; with fewer matches the ranking is that of every match."""

from __future__ import annotations

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.search import DocumentFilter, fts_query
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.pg import search as pg_search


@pytest.fixture
def corpus(pg_url: str):
    with Corpus.open(pg_url) as opened:
        # The headline match is the oldest document: ranked only through its headline.
        records = [DocumentRecord(text="A quiet day. Shelling was heard far away.",
                                  uid="old-headline", title="Shelling in Homs")]
        records += [DocumentRecord(text=f"Report {n}. " + "Shelling near the market. "
                                   * (1 + n % 4), uid=f"r{n:03d}", title=f"Report {n}")
                    for n in range(40)]
        records += [DocumentRecord(text=f"Nothing of note {n}.", uid=f"q{n}", title=f"Quiet {n}")
                    for n in range(5)]
        add_documents(opened, records)
        yield opened


def pages(corpus: Corpus, query: str, size: int, filters: DocumentFilter | None = None
          ) -> list[str]:
    found, offset = [], 0
    while rows := corpus.page("alice", search=query, limit=size, offset=offset,
                              filters=filters):
        found += [row.uid for row in rows]
        offset += size
    return found


@pytest.mark.parametrize("bound", [3, 10, 1000])
@pytest.mark.parametrize("size", [1, 4, 7])
def test_every_match_is_listed_once_whatever_the_bound_and_page_size(
        corpus: Corpus, monkeypatch: pytest.MonkeyPatch, bound: int, size: int) -> None:
    monkeypatch.setattr(pg_search, "RANKED_AT_MOST", bound)
    query = fts_query("shelling")
    listed = pages(corpus, query, size)
    assert len(listed) == len(set(listed)) == corpus.match_count(query, "alice") == 41
    # A headline match is in the ranked set however old (else it would come last).
    assert listed.index("old-headline") < min(bound, 40) + 1


def test_with_every_match_ranked_the_order_is_the_full_ranking(corpus: Corpus) -> None:
    query = fts_query("shelling")
    listed = pages(corpus, query, 50)
    ranks = dict(corpus.db.fetch_all(
        f"SELECT uid, ts_rank_cd('{pg_search.WEIGHTS}', search, to_tsquery('annotator_search', ?),"
        f" {pg_search.NORMALIZATION}) FROM documents WHERE search @@ to_tsquery('annotator_search', ?)",
        [pg_search.tsquery(query)] * 2))
    assert [ranks[uid] for uid in listed] == sorted(ranks.values(), reverse=True)


def test_filters_hold_on_both_parts(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg_search, "RANKED_AT_MOST", 3)
    corpus.set_status(5, "alice", "done")
    corpus.set_status(30, "alice", "done")
    done = pages(corpus, fts_query("shelling"), 2, DocumentFilter(status="done"))
    assert sorted(done) == ["r003", "r028"]


def test_the_headline_index_is_used(corpus: Corpus) -> None:
    corpus.db.execute("SET enable_seqscan = off")  # a small table: is the index usable at all
    plan = "\n".join(row[0] for row in corpus.db.fetch_all(
        "EXPLAIN SELECT id FROM documents d WHERE to_tsvector('annotator_search'::regconfig, "
        "d.title) @@ to_tsquery('annotator_search', 'homs')"))
    assert "documents_title_search" in plan


def test_near_means_words_close_together_in_either_order(pg_url: str, tmp_path) -> None:
    from annotator.storage.errors import QueryNotUnderstood

    records = [
        DocumentRecord(text="Rebels seized the checkpoint at dawn.", uid="close",
                       title="Dawn raid"),
        DocumentRecord(text="The checkpoint fell to rebels.", uid="reversed", title="Fallen"),
        DocumentRecord(text="Rebels were seen in the hills to the north of the town for many "
                       "days and nights before the army closed the old checkpoint near the "
                       "river.", uid="apart", title="Hills")]
    found = {}
    for where in (str(tmp_path / "file.sqlite"), pg_url):
        with Corpus.open(where) as corpus:
            add_documents(corpus, records)
            found[where] = sorted(row.uid for row in corpus.page(
                "alice", search="NEAR(rebels checkpoint, 3)", limit=10))
            with pytest.raises(QueryNotUnderstood):
                corpus.page("alice", search="NEAR(rebels checkpoint", limit=10)
    assert found[pg_url] == found[str(tmp_path / "file.sqlite")] == ["close", "reversed"]
