"""Near-duplicate marks with the batch's candidates counted at once: documents whose ids
are large (a corpus file made or edited by another program) must be marked as before."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

from annotator.core.near_duplicates import Fingerprint, StoredKeys, fingerprint, marks_for
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus

WORDS = ("police army governor witnesses market road clashes attack wounded killed "
         "three twelve forty Monday Sunday Gao Mopti near the after on in said people were "
         "convoy bridge village night morning soldiers rebels town")


def _text(seed: int) -> str:
    rng = random.Random(seed)
    words = WORDS.split()
    return " ".join(rng.choice(words) for _ in range(120))


# Past 2**63 divided by the batch's size, (stored id * size + place) no longer fits in
# 64 bits; SQLite's ids go up to 2**63 - 1.
BIG = 2**61


def test_a_copy_of_a_stored_document_with_a_large_id_is_marked() -> None:
    original = fingerprint(_text(1))
    stored = StoredKeys.of([(key, BIG) for key in original.keys])
    batch: list[tuple[int, Fingerprint]] = [(BIG + 1, original)]
    batch += [(BIG + 1 + n, fingerprint(_text(100 + n))) for n in range(1, 8)]
    marks, _rows = marks_for(batch, {}, stored, 0.8,
                             fetch=lambda docs: ({d: original.signature for d in docs
                                                  if d == BIG}, {}))
    assert [(m.doc_id, m.original_id) for m in marks] == [(BIG + 1, BIG)]


def test_an_import_marks_the_reprint_in_a_corpus_with_large_document_ids(
        tmp_path: Path) -> None:
    path = tmp_path / "large-ids.annotator"
    Corpus.open(path, create=True).close()
    # A corpus whose documents were numbered by another program: SQLite gives each new
    # document the largest id plus one.
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("INSERT INTO documents (id, uid, text, sha256, imported_at) "
                    "VALUES (?, 'placed', 'Too short.', 'x', '2024-01-01T00:00:00')", [BIG])
    raw.close()
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text(json.dumps({"id": "wire", "text": _text(1)}) + "\n", encoding="utf-8")
    later.write_text("".join(json.dumps({"id": f"n{n}", "text": text}) + "\n" for n, text in
                             enumerate([_text(1) + " Reprinted by another outlet.",
                                        *(_text(200 + n) for n in range(7))])),
                     encoding="utf-8")
    with Corpus.open(path) as corpus:
        import_paths(corpus, [first])
        summary = import_paths(corpus, [later])
        ids = {uid: doc for doc, uid in corpus.db.fetch_all("SELECT id, uid FROM documents")}
        marked = [tuple(row) for row in corpus.db.fetch_all(
            "SELECT doc_id, original_id FROM near_duplicates")]
    assert ids["wire"] > BIG
    assert marked == [(ids["n0"], ids["wire"])]
    assert summary.near.marked == 1
