"""`annotator duplicates --threshold` (a recheck of every mark) while another process
imports: a reprint that process stored and marked meanwhile keeps its mark."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.near_duplicates import fingerprint
from annotator.storage import near_duplicates
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import NewDocuments, check_new, set_threshold

WORDS = [f"w{n}" for n in range(3000)]


def _texts(count: int, seed: int = 9) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(90)) for _ in range(count)]


def _add(corpus: Corpus, documents: list[tuple[int, str]]) -> None:
    with corpus.db.atomic():
        corpus.db.executemany("INSERT INTO documents (id, uid, text, sha256, imported_at) "
                              "VALUES (?, ?, ?, '', '')",
                              [(doc, f"d{doc}", text) for doc, text in documents])


def _marks(corpus: Corpus) -> dict[int, int]:
    return dict(corpus.db.fetch_all("SELECT doc_id, original_id FROM near_duplicates"))


def test_a_reprint_marked_by_another_import_during_a_recheck_keeps_its_mark(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "corpus.sqlite"
    texts = _texts(12)
    words = texts[3].split()
    words[10] = "changed"
    reprint = " ".join(words)
    with Corpus.open(path) as corpus, Corpus.open(path) as importing:
        _add(corpus, list(enumerate(texts, 1)))
        NewDocuments(corpus).store([(doc, fingerprint(text))
                                    for doc, text in enumerate(texts, 1)])
        imported: list[dict[int, int]] = []
        chunks = near_duplicates._fingerprint_chunks

        def then_another_import(opened: Corpus) -> Iterator[list[Any]]:
            yield from chunks(opened)
            # Once the recheck has read the last fingerprints, and before it writes (it
            # waits there for the import's write lock), another process's import stores
            # a reprint of document 4, and marks it.
            _add(importing, [(13, reprint)])
            NewDocuments(importing).store([(13, fingerprint(reprint))])
            imported.append(_marks(importing))

        monkeypatch.setattr(near_duplicates, "_fingerprint_chunks", then_another_import)
        set_threshold(corpus, 0.7)
        assert imported == [{13: 4}]
        check_new(corpus)  # what the next `annotator duplicates` does first
        assert _marks(corpus) == {13: 4}
