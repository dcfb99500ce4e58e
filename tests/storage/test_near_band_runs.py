"""A file's band keys in runs (storage/near_band_runs.py, migration 0014): the marks are
those one table gives, whatever run a key is in when it is asked for; a merge cut short
leaves the batch's transaction undone; a copy of the corpus carries every run."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.near_duplicates import Fingerprint, fingerprint
from annotator.storage import migrations, near_band_runs
from annotator.storage.corpus import Corpus
from annotator.storage.errors import CorpusError
from annotator.storage.near_duplicates import VERSION_SETTING, NewDocuments, check_new, recheck
from annotator.storage.transfer import copy_corpus

WORDS = [f"w{n}" for n in range(3000)]
SMALL_RUNS = {"near_bands_new": 300, "near_bands_recent": 1500}


def _texts(count: int, seed: int = 7) -> list[str]:
    """Stories, a fifth of them reprints of one a few to a few hundred before, with a
    word changed: copies whose first copy's keys are in any run when they come."""
    rng = random.Random(seed)
    texts: list[str] = []
    for n in range(count):
        if n > 10 and n % 5 == 0:
            words = texts[n - rng.randint(1, min(n, 300))].split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        else:
            words = [rng.choice(WORDS) for _ in range(90)]
        texts.append(" ".join(words))
    return texts


def _documents(corpus: Corpus, texts: list[str]) -> None:
    with corpus.db.atomic():
        corpus.db.executemany("INSERT INTO documents (id, uid, text, sha256, imported_at) "
                              "VALUES (?, ?, ?, '', '')",
                              [(doc, f"d{doc}", text) for doc, text in enumerate(texts, 1)])


def _store_in_batches(corpus: Corpus, texts: list[str], size: int = 4) -> NewDocuments:
    near = NewDocuments(corpus)
    prints = [(doc, fingerprint(text)) for doc, text in enumerate(texts, 1)]
    for start in range(0, len(prints), size):
        near.store(prints[start:start + size])
    return near


def _marks(corpus: Corpus) -> list[tuple[int, int, float]]:
    return [tuple(row) for row in corpus.db.fetch_all(
        "SELECT doc_id, original_id, similarity FROM near_duplicates ORDER BY doc_id")]


def _rows_by_run(corpus: Corpus) -> dict[str, set[tuple[int, int]]]:
    return {run: {tuple(row) for row in corpus.db.fetch_all(f"SELECT key, doc_id FROM {run}")}
            for run in near_band_runs.RUNS}


@pytest.fixture
def small_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(near_band_runs, "MERGE_AT", SMALL_RUNS)
    yield


def test_marks_and_keys_are_those_of_one_table_whatever_run_a_key_is_in(
        tmp_path: Path, small_runs: None, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts(400)
    with Corpus.open(tmp_path / "runs.sqlite") as in_runs:
        _documents(in_runs, texts)
        near = _store_in_batches(in_runs, texts)
        runs, marks = _rows_by_run(in_runs), _marks(in_runs)
    with monkeypatch.context() as one_table:  # as before runs: near_bands alone
        one_table.setattr(near_band_runs, "RUNS", ("near_bands",))
        with Corpus.open(tmp_path / "one.sqlite") as in_one:
            _documents(in_one, texts)
            _store_in_batches(in_one, texts)
            [only] = _rows_by_run(in_one).values()
            assert _marks(in_one) == marks
    reprints = len(range(15, 400, 5))
    assert near.report.marked == len(marks) >= 0.9 * reprints
    # Every run was written and merged on: the comparisons read all three.
    assert all(runs.values()), {run: len(rows) for run, rows in runs.items()}
    assert len(runs["near_bands_new"]) < SMALL_RUNS["near_bands_new"]
    assert len(runs["near_bands_recent"]) < SMALL_RUNS["near_bands_recent"]
    every = [row for rows in runs.values() for row in rows]
    assert len(every) == len(set(every)) and set(every) == only


def test_a_merge_cut_short_leaves_the_batch_and_the_runs_as_they_were(
        tmp_path: Path, small_runs: None, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = Corpus.open(tmp_path / "corpus.sqlite")
    texts = _texts(200)
    _documents(corpus, texts)
    prints = [(doc, fingerprint(text)) for doc, text in enumerate(texts, 1)]
    near = NewDocuments(corpus)
    near.store(prints[:8])  # 256 rows: the next batch fills the first run
    before = (_rows_by_run(corpus), _marks(corpus),
              corpus.db.fetch_all("SELECT doc_id FROM near_fingerprints"))

    def failing(db: object, run: str, into: str) -> None:
        db.execute(f"INSERT INTO {into} (key, doc_id) SELECT key, doc_id FROM {run}")
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as broken:
        broken.setattr(near_band_runs, "merge", failing)
        with pytest.raises(CorpusError, match="disk I/O error"):
            near.store(prints[8:40])
    assert (_rows_by_run(corpus), _marks(corpus),
            corpus.db.fetch_all("SELECT doc_id FROM near_fingerprints")) == before
    near.store(prints[8:40])
    runs = _rows_by_run(corpus)
    assert runs["near_bands_recent"] and len(runs["near_bands_new"]) < 300
    assert len({doc for rows in runs.values() for _key, doc in rows}) == 40
    corpus.close()


def test_a_copy_of_the_corpus_carries_every_run(tmp_path: Path, small_runs: None) -> None:
    texts = _texts(304, seed=11)  # 76 batches: rows left in the first two runs
    with Corpus.open(tmp_path / "source.sqlite") as source, \
            Corpus.open(tmp_path / "copy.sqlite") as target:
        _documents(source, texts)
        _store_in_batches(source, texts)
        runs = _rows_by_run(source)
        assert all(runs.values())
        report = copy_corpus(source, target)
        copied = _rows_by_run(target)
        assert copied["near_bands"] == set().union(*runs.values())
        assert report.rows["near_bands"] == sum(len(rows) for rows in runs.values())
        marks = _marks(source)
        assert recheck(target).marked == len(marks)
        assert _marks(target) == marks


def test_fingerprints_made_another_way_go_from_every_run(tmp_path: Path,
                                                          small_runs: None) -> None:
    corpus = Corpus.open(tmp_path / "corpus.sqlite")
    texts = _texts(120)
    _documents(corpus, texts)
    _store_in_batches(corpus, texts)
    marks = _marks(corpus)
    corpus.set_setting(VERSION_SETTING, "an older way")
    corpus.db.execute("INSERT INTO near_bands_recent (key, doc_id) VALUES (1, 1)")
    check_new(corpus)
    runs = _rows_by_run(corpus)
    assert (1, 1) not in set().union(*runs.values())
    assert _marks(corpus) == marks
    corpus.close()


def test_a_corpus_made_before_runs_compares_new_documents_with_its_keys(
        tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    texts = _texts(60, seed=3)
    copy = texts[5].replace(texts[5].split()[0], "changed", 1)
    db = Database(path)
    migrations.migrations.apply(db, stop_before="0014_near_band_runs")
    for doc, text in enumerate(texts, 1):
        db.execute("INSERT INTO documents (id, uid, text, sha256, imported_at) "
                   "VALUES (?, ?, ?, '', '')", [doc, f"d{doc}", text])
        found = fingerprint(text)
        db.execute("INSERT INTO near_fingerprints (doc_id, signature) VALUES (?, ?)",
                   [doc, found.signature])
        db.conn.executemany("INSERT OR IGNORE INTO near_bands (key, doc_id) VALUES (?, ?)",
                            [(key, doc) for key in found.keys])
    db.conn.commit()
    db.conn.close()
    with Corpus.open(path) as corpus:
        corpus.db.execute("INSERT INTO documents (id, uid, text, sha256, imported_at) "
                          "VALUES (61, 'copy', ?, '', ''), (62, 'short', 'a few words', '', "
                          "'')", [copy])
        near = NewDocuments(corpus)
        near.store([(61, fingerprint(copy)), (62, Fingerprint(b"", ()))])
        assert [m[:2] for m in _marks(corpus)] == [(61, 6)]
        assert {doc for _key, doc in _rows_by_run(corpus)["near_bands_new"]} == {61}
    assert [p.name for p in tmp_path.iterdir() if ".before-" in p.name] == []
