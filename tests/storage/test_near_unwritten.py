"""An import writes its fingerprints and band keys every few thousand documents, not with
each batch (NewDocuments' write_every): compared with meanwhile as if stored, they give
the marks and rows that writing each batch gives, and a kill leaves them to the next
check."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.near_duplicates import fingerprint
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import NewDocuments, check_new

WORDS = ["army", "rebels", "checkpoint", "village", "police", "convoy", "market", "border",
         "fighters", "town", "district", "officials", "said", "attack", "killed", "wounded",
         "fled", "shelling", "night", "morning"]


def _story(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 9)) for _ in range(120))


def _copy(text: str, seed: int) -> str:
    """A reprint: a word changed."""
    words = text.split()
    words[random.Random(seed).randrange(len(words))] = "changed"
    return " ".join(words)


def _tables(corpus: Corpus) -> tuple[list, list, list]:
    db = corpus.db
    return (db.fetch_all("SELECT doc_id, signature FROM near_fingerprints ORDER BY doc_id"),
            db.fetch_all("SELECT key, doc_id FROM near_bands ORDER BY key, doc_id"),
            db.fetch_all("SELECT doc_id, original_id, similarity FROM near_duplicates "
                         "ORDER BY doc_id"))


def _texts() -> list[str]:
    stories = [_story(n) for n in range(12)]
    texts = []
    for n in range(60):  # stories and their reprints, in several batches
        texts.append(_copy(stories[n % 12], n) if n >= 12 else stories[n])
    return texts


@pytest.mark.parametrize("every", [1, 7, 25, 1000])
def test_unwritten_fingerprints_give_the_marks_of_written_ones(tmp_path: Path,
                                                               every: int) -> None:
    texts = _texts()
    found = {}
    for name, write_every in (("each", 0), ("later", every)):
        with Corpus.open(tmp_path / f"{name}.sqlite") as corpus:
            ids = [r.doc_id for r in add_documents(corpus, [
                DocumentRecord(text=text, uid=f"d{n}") for n, text in enumerate(texts)])]
            near = NewDocuments(corpus, write_every=write_every)
            # Batches out of id order: a later batch holds the first copies, so stored
            # documents are marked again to them and their copies follow.
            order = list(range(20, 60)) + list(range(0, 20))
            for at in range(0, 60, 10):
                near.store([(ids[n], fingerprint(texts[n])) for n in order[at:at + 10]])
            near.flush()
            found[name] = (_tables(corpus), near.report)
    assert found["each"] == found["later"]
    fingerprints, rows, marks = found["later"][0]
    assert len(fingerprints) == 60 and rows and len(marks) >= 40


def test_a_stop_before_the_write_leaves_them_to_the_next_check(tmp_path: Path) -> None:
    texts = _texts()
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        ids = [r.doc_id for r in add_documents(corpus, [
            DocumentRecord(text=text, uid=f"d{n}") for n, text in enumerate(texts)])]
        near = NewDocuments(corpus, write_every=1000)
        near.store([(ids[n], fingerprint(texts[n])) for n in range(30)])
        # The process is killed here: nothing of the fingerprints was written.
        assert corpus.db.fetch_one("SELECT count(*) FROM near_fingerprints") == (0,)
        report = check_new(corpus)
        assert report.checked == 60
        assert corpus.db.fetch_one("SELECT count(*) FROM near_fingerprints") == (60,)
        assert corpus.db.fetch_one("SELECT count(*) FROM near_duplicates")[0] >= 40
