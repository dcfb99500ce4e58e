"""A file's band keys in runs, copied whole (push, pull): a (key, document) row that is
in two runs (written there by another program) is one row to the file itself, as the
runs' merge keeps it, and must not make the copy of an otherwise sound corpus fail."""

from __future__ import annotations

import random
from pathlib import Path

from annotator.core.near_duplicates import fingerprint
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import NewDocuments
from annotator.storage.transfer import copy_corpus

WORDS = [f"w{n}" for n in range(3000)]


def _texts(count: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(90)) for _ in range(count)]


def _fingerprinted(path: Path, texts: list[str]) -> None:
    with Corpus.open(path) as corpus:
        with corpus.db.atomic():
            corpus.db.executemany("INSERT INTO documents (id, uid, text, sha256, imported_at) "
                                  "VALUES (?, ?, ?, '', '')",
                                  [(doc, f"d{doc}", text)
                                   for doc, text in enumerate(texts, 1)])
        NewDocuments(corpus).store([(doc, fingerprint(text))
                                    for doc, text in enumerate(texts, 1)])


def test_a_band_key_row_in_two_runs_is_copied_once(tmp_path: Path) -> None:
    source, copy = tmp_path / "mine.sqlite", tmp_path / "copy.sqlite"
    _fingerprinted(source, _texts(6))
    with Corpus.open(source) as corpus:
        key, doc = corpus.db.fetch_one("SELECT key, doc_id FROM near_bands_new "
                                       "ORDER BY key LIMIT 1")
        # Another program (an older tool writing straight into near_bands) stored it too.
        with corpus.db.atomic():
            corpus.db.execute("INSERT INTO near_bands (key, doc_id) VALUES (?, ?)",
                              [key, doc])
        distinct = {tuple(row) for row in corpus.db.fetch_all(
            "SELECT key, doc_id FROM near_bands UNION SELECT key, doc_id FROM near_bands_new "
            "UNION SELECT key, doc_id FROM near_bands_recent")}
        with Corpus.open(copy) as target:
            copy_corpus(corpus, target)
            copied = {tuple(row) for row in target.db.fetch_all(
                "SELECT key, doc_id FROM near_bands")}
    assert copied == distinct
