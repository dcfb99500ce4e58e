"""A batch compared with the stored key rows as each backend gives them: keys at both
ends of SQL's INTEGER, a key the stored documents have nearly filled."""

from __future__ import annotations

import random

from annotator.core.near_duplicates import KEY_CAP, PERMUTATIONS, Fingerprint
from annotator.storage.corpus import Corpus
from annotator.storage.near_band_runs import runs
from annotator.storage.near_duplicates import NewDocuments, _stored_keys

LOWEST, HIGHEST = -2**63, 2**63 - 1


def _fingerprint(doc: int, *shared: int) -> Fingerprint:
    own = tuple(doc * 1000 + band for band in range(32 - len(shared)))
    return Fingerprint(random.Random(doc).randbytes(4 * PERMUTATIONS), (*shared, *own))


def _stored(corpus: Corpus) -> dict[int, Fingerprint]:
    """Documents 1 to 30, and fingerprints and key rows of 1 to 20: 1 to 12 under the
    lowest key, 1 to 3 under the highest."""
    db = corpus.db
    with db.atomic():
        db.executemany("INSERT INTO documents (id, uid, text, sha256, imported_at) "
                       "VALUES (?, ?, 'text', ?, '2024-01-01T00:00:00')",
                       [(doc, f"d{doc}", f"s{doc}") for doc in range(1, 31)])
        stored = {doc: _fingerprint(doc, *([LOWEST] if doc <= 12 else []),
                                    *([HIGHEST] if doc <= 3 else []))
                  for doc in range(1, 21)}
        db.executemany("INSERT INTO near_fingerprints (doc_id, signature) VALUES (?, ?)",
                       [(doc, f.signature) for doc, f in stored.items()])
        db.executemany("INSERT INTO near_bands (key, doc_id) VALUES (?, ?)",
                       [(key, doc) for doc, f in stored.items() for key in f.keys])
    return stored


def test_the_rows_under_a_batch_s_keys_are_read_with_their_keys(any_corpus: Corpus) -> None:
    stored = _stored(any_corpus)
    batch = [(21, stored[5]), (22, _fingerprint(22, LOWEST, HIGHEST)), (23, Fingerprint(b"", ()))]
    got = _stored_keys(any_corpus, batch)
    asked = {key for _doc, f in batch for key in f.keys}
    assert sorted(zip(got.keys.tolist(), got.docs.tolist(), strict=True)) == sorted(
        (key, doc) for doc, f in stored.items() for key in f.keys if key in asked)
    assert not _stored_keys(any_corpus, [(23, Fingerprint(b"", ()))]).keys.size


def test_a_batch_is_compared_with_rows_under_the_extreme_keys(any_corpus: Corpus) -> None:
    db = any_corpus.db
    stored = _stored(any_corpus)
    near = NewDocuments(any_corpus)
    copy = Fingerprint(stored[5].signature, stored[5].keys)
    near.store([(21, copy), *((doc, _fingerprint(doc, LOWEST, HIGHEST)) for doc in range(22, 27))])

    def under(key: int) -> list[int]:
        every = " UNION ALL ".join(f"SELECT key, doc_id FROM {run}" for run in runs(db))
        return [row[0] for row in db.fetch_all(
            f"SELECT doc_id FROM ({every}) AS every_run WHERE key = ? ORDER BY doc_id", [key])]

    # Twelve stored under the lowest key: room for four more, the batch's first four.
    assert under(LOWEST) == [*range(1, 13), 21, 22, 23, 24]
    assert len(under(LOWEST)) == KEY_CAP
    assert under(HIGHEST) == [1, 2, 3, *range(22, 27)]  # the copy of 5 is not under it
    assert [tuple(row) for row in db.fetch_all(
        "SELECT doc_id, original_id, similarity FROM near_duplicates")] == [(21, 5, 1.0)]
    assert (near.report.checked, near.report.marked) == (6, 1)
