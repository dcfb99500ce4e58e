"""A bulk job's page cache: a sixteenth of the corpus, between a floor and a ceiling,
sized again as an import makes the corpus grow, and the connection's own afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.bench.synthetic import articles, write_jsonl
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage import bulk
from annotator.storage.corpus import Corpus


def _cache_kib(corpus: Corpus) -> int:
    return -int(corpus.db.fetch_one("PRAGMA cache_size")[0])


def _sixteenth_kib(corpus: Corpus) -> int:
    pages = int(corpus.db.fetch_one("PRAGMA page_count")[0])
    return pages * int(corpus.db.fetch_one("PRAGMA page_size")[0]) // 16 // 1024


def test_the_cache_is_a_sixteenth_of_the_corpus_within_its_bounds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "a.jsonl"
    write_jsonl(source, articles(300, seed=3))
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        import_paths(corpus, [source], options=ReadOptions(coder="a"))
        own = int(corpus.db.fetch_one("PRAGMA cache_size")[0])
        sixteenth = _sixteenth_kib(corpus)
        assert sixteenth > 40
        monkeypatch.setattr(bulk, "BULK_CACHE_KIB", 8)
        monkeypatch.setattr(bulk, "BULK_CACHE_MOST_KIB", 10 ** 9)
        with bulk.roomy_cache(corpus):
            assert _cache_kib(corpus) == sixteenth
        assert int(corpus.db.fetch_one("PRAGMA cache_size")[0]) == own
        monkeypatch.setattr(bulk, "BULK_CACHE_MOST_KIB", 40)
        with bulk.roomy_cache(corpus):
            assert _cache_kib(corpus) == 40
        monkeypatch.setattr(bulk, "BULK_CACHE_KIB", sixteenth * 4)
        monkeypatch.setattr(bulk, "BULK_CACHE_MOST_KIB", 10 ** 9)
        with bulk.roomy_cache(corpus):
            assert _cache_kib(corpus) == sixteenth * 4


def test_an_import_sizes_the_cache_again_as_the_corpus_grows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "a.jsonl"
    write_jsonl(source, articles(1200, seed=4))
    monkeypatch.setattr(bulk, "BULK_CACHE_KIB", 1)
    monkeypatch.setattr("annotator.formats.importing.COMPARE_EVERY", 500)
    seen: list[tuple[int, int]] = []
    fit = bulk.fit_cache

    def watched(corpus: Corpus) -> None:
        fit(corpus)
        seen.append((_cache_kib(corpus), _sixteenth_kib(corpus)))

    monkeypatch.setattr("annotator.formats.importing.fit_cache", watched)
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        import_paths(corpus, [source], options=ReadOptions(coder="a"))
    assert len(seen) >= 2
    assert all(cache == max(1, sixteenth) for cache, sixteenth in seen)
    assert seen[-1][0] > seen[0][0]  # grown with the corpus
