"""The batch's candidates counted at once (``_stored_candidates``) and stored documents'
signatures asked for only when compared give the marks and key rows that comparing
one document at a time with every stored signature at hand gave: on stories from a
template (many shared keys, keys past their cap), reprints, a batch that comes before
stored documents (another import's), and a check of stored fingerprints again."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain

import pytest

from annotator.core.near_duplicates import (
    BANDS,
    KEY_CAP,
    PERMUTATIONS,
    Fingerprint,
    Mark,
    StoredKeys,
    alike,
    bands_shared,
    fingerprint,
    marks_for,
    similarity,
)

SENTENCES = [
    f"The {who} said {many} people were {what} in {where} on {day} after the {cause}."
    for who in ("police", "army", "governor", "witnesses")
    for many in ("three", "twelve", "forty")
    for what, where, day, cause in [("killed", "Gao", "Monday", "attack on the market"),
                                    ("wounded", "Mopti", "Sunday", "clashes near the road")]
]


def _story(rng: random.Random) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(10))


def _reprint(text: str, rng: random.Random) -> str:
    words = text.split()
    words[rng.randrange(len(words))] = "nearly"
    return "Headline of another outlet\n" + " ".join(words)


def _documents(seed: int, count: int) -> list[tuple[int, Fingerprint]]:
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(count):
        roll = rng.random()
        if texts and roll < 0.1:
            texts.append(rng.choice(texts))  # the very same story again
        elif texts and roll < 0.25:
            texts.append(_reprint(rng.choice(texts), rng))
        elif roll < 0.3:
            texts.append("Too short to judge.")
        else:
            texts.append(_story(rng))
    return [(number, fingerprint(text)) for number, text in enumerate(texts, start=1)]


def _one_at_a_time(fingerprints: Sequence[tuple[int, Fingerprint]],
                   stored: Mapping[int, bytes], stored_by_key: Mapping[int, Sequence[int]],
                   threshold: float, roots: Mapping[int, int] | None = None,
                   ) -> tuple[list[Mark], list[tuple[int, int]]]:
    """The comparison as it was made before: every candidate counted one document at a
    time against every stored signature given (the oracle)."""
    least = bands_shared(threshold)
    by_key = {key: list(docs) for key, docs in stored_by_key.items()}
    signatures = dict(stored)
    root_of = dict(roots or {})
    marks: dict[int, Mark] = {}
    rows: list[tuple[int, int]] = []
    for doc_id, found in fingerprints:
        if not found.keys:
            continue
        shared = Counter(chain.from_iterable([by_key.get(key, ()) for key in found.keys]))
        near = alike(found.signature, {doc: signatures[doc] for doc, count in shared.items()
                                       if count >= least and doc in signatures})
        earlier = sorted(doc for doc, share in near.items() if doc < doc_id and share >= threshold)
        if earlier:
            root = root_of.get(earlier[0], earlier[0])
            share = near[root] if root in near else similarity(found.signature,
                                                                signatures.get(root, b""))
            marks[doc_id] = Mark(doc_id, root, round(share, 4))
            root_of[doc_id] = root
        first = root_of.get(doc_id, doc_id)
        for later in sorted(doc for doc, share in near.items()
                            if doc > doc_id and share >= threshold):
            current = root_of.get(later)
            if later != first and (current is None or current > first):
                share = near[later] if first == doc_id else similarity(
                    signatures[later], signatures.get(first, b""))
                marks[later] = Mark(later, first, round(share, 4))
                root_of[later] = first
        signatures[doc_id] = found.signature
        for key in found.keys:
            docs = by_key.setdefault(key, [])
            if len(docs) < KEY_CAP and doc_id not in docs:
                docs.append(doc_id)
                rows.append((key, doc_id))
    return list(marks.values()), rows


class _Corpus:
    """What a corpus stores of the documents compared so far: key rows, signatures,
    marks."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, int]] = []
        self.signatures: dict[int, bytes] = {}
        self.roots: dict[int, int] = {}
        self.fetched: list[int] = []

    def store(self, found: Sequence[tuple[int, Fingerprint]], marks: list[Mark],
              rows: list[tuple[int, int]]) -> None:
        self.rows += rows
        self.signatures.update((doc, f.signature) for doc, f in found)
        self.roots.update((m.doc_id, m.original_id) for m in marks)

    def under(self, found: Sequence[tuple[int, Fingerprint]]) -> list[tuple[int, int]]:
        keys = {key for _doc, f in found for key in f.keys}
        return [row for row in self.rows if row[0] in keys]

    def by_key(self, found: Sequence[tuple[int, Fingerprint]]) -> dict[int, list[int]]:
        grouped: dict[int, list[int]] = {}
        for key, doc in self.under(found):
            grouped.setdefault(key, []).append(doc)
        return grouped

    def fetch(self, docs: Sequence[int]) -> tuple[dict[int, bytes], dict[int, int]]:
        self.fetched += docs
        return ({doc: self.signatures[doc] for doc in docs if doc in self.signatures},
                {doc: self.roots[doc] for doc in docs if doc in self.roots})


def _both(corpus: _Corpus, batch: Sequence[tuple[int, Fingerprint]], threshold: float
          ) -> tuple[list[Mark], list[tuple[int, int]]]:
    expected = _one_at_a_time(batch, corpus.signatures, corpus.by_key(batch), threshold,
                              corpus.roots)
    got = marks_for(batch, {}, StoredKeys.of(corpus.under(batch)), threshold,
                    fetch=corpus.fetch)
    assert sorted(got[0], key=lambda m: m.doc_id) == sorted(expected[0], key=lambda m: m.doc_id)
    rows = [(key, doc) for key, doc in got[1].tolist()]
    assert rows == sorted(expected[1])  # the same rows, in the index's order
    return got[0], rows


@pytest.mark.parametrize(("seed", "threshold"), [(1, 0.8), (2, 0.8), (3, 0.6), (4, 0.95)])
def test_batches_give_the_marks_of_one_document_at_a_time(seed: int, threshold: float) -> None:
    documents = _documents(seed, 240)
    corpus = _Corpus()
    marked = 0
    for at in range(0, len(documents), 60):
        batch = documents[at:at + 60]
        marks, rows = _both(corpus, batch, threshold)
        corpus.store(batch, marks, rows)
        marked += len(marks)
    assert marked >= 10  # reprints were found
    # Template keys filled up: some key holds KEY_CAP documents and no more.
    assert max(Counter(key for key, _doc in corpus.rows).values()) == KEY_CAP
    # Only compared documents' signatures were asked for, never every stored one.
    assert len(set(corpus.fetched)) < len(corpus.signatures)


def test_a_batch_before_stored_documents_marks_them_again() -> None:
    # Another import stored the later documents first; this one's earlier copies come
    # after, and the stored copies are marked again to the earlier first copy.
    documents = _documents(7, 200)
    corpus = _Corpus()
    later, earlier = documents[100:], documents[:100]
    for part in (later, earlier):
        marks, rows = _both(corpus, part, 0.8)
        corpus.store(part, marks, rows)
    assert any(doc > 100 and first <= 100 for doc, first in corpus.roots.items())


def test_stored_fingerprints_checked_again_give_the_same_marks() -> None:
    documents = _documents(9, 180)
    corpus = _Corpus()
    marks, rows = _both(corpus, documents, 0.8)
    corpus.store(documents, marks, rows)
    # A recheck: the documents compared are the stored ones, under their keys already.
    roots: dict[int, int] = {}
    for at in range(0, len(documents), 50):
        chunk = documents[at:at + 50]
        given = {doc: f.signature for doc, f in chunk}
        expected = _one_at_a_time(chunk, {**corpus.signatures}, corpus.by_key(chunk), 0.7,
                                  roots)
        got = marks_for(chunk, given, StoredKeys.of(corpus.under(chunk)), 0.7, roots,
                        fetch=lambda docs: (corpus.fetch(docs)[0], {}))
        assert sorted(got[0], key=lambda m: m.doc_id) == sorted(expected[0],
                                                                key=lambda m: m.doc_id)
        assert got[1].tolist() == expected[1] == []
        roots.update((m.doc_id, m.original_id) for m in got[0])
    assert roots


def _crafted(seed: int, ids: Sequence[int]) -> list[tuple[int, Fingerprint]]:
    """Documents whose band keys are drawn from a few a band, so that dozens of one
    batch share a key (past KEY_CAP within the batch), copies of a few stories'
    signatures with some values changed, and documents with no keys among them."""
    rng = random.Random(seed)
    stories = [rng.randbytes(4 * PERMUTATIONS) for _ in range(4)]
    documents: list[tuple[int, Fingerprint]] = []
    for doc in ids:
        if rng.random() < 0.15:
            documents.append((doc, Fingerprint(b"", ())))
            continue
        story = rng.randrange(len(stories))
        signature = bytearray(stories[story])
        for at in rng.sample(range(PERMUTATIONS), rng.choice([0, 6, 30, 70])):
            signature[4 * at:4 * at + 4] = rng.randbytes(4)
        keys = tuple((band * 101 + (story if rng.random() < 0.6 else 50 + rng.randrange(3)))
                     * 0x9E3779B1 - 2**62 for band in range(BANDS))
        documents.append((doc, Fingerprint(bytes(signature), keys)))
    return documents


@pytest.mark.parametrize(("seed", "threshold", "size", "spacing"),
                         [(11, 0.8, 40, 1), (12, 0.5, 25, 1), (13, 0.95, 60, 1),
                          (14, 0.8, 40, 2**40), (15, 0.6, 7, 3)])
def test_crowded_keys_give_the_marks_of_one_document_at_a_time(
        seed: int, threshold: float, size: int, spacing: int) -> None:
    # spacing 2**40: stored ids far apart, counted by sorting rather than by their range.
    documents = _crafted(seed, [1 + n * spacing for n in range(200)])
    corpus = _Corpus()
    past_cap = 0
    for at in range(0, len(documents), size):
        batch = documents[at:at + size]
        held = Counter(key for key, _doc in corpus.rows)
        marks, rows = _both(corpus, batch, threshold)
        added = Counter(key for key, _doc in rows)
        wanting = Counter(key for _doc, f in batch for key in f.keys)
        # Keys the batch alone filled, the stored documents counted, with more wanting.
        past_cap += sum(1 for key, count in wanting.items()
                        if count > added[key] and added[key] and held[key] + added[key] == KEY_CAP)
        corpus.store(batch, marks, rows)
    assert past_cap
    assert corpus.roots  # copies were marked
    assert max(Counter(key for key, _doc in corpus.rows).values()) == KEY_CAP


def _keys(*numbers: int) -> tuple[int, ...]:
    return tuple(number * 0x9E3779B1 for number in numbers)


def test_a_batch_fills_a_stored_key_to_its_cap_skipping_documents_without_keys() -> None:
    shared = 7
    corpus = _Corpus()
    stored = [(doc, Fingerprint(random.Random(doc).randbytes(4 * PERMUTATIONS),
                                _keys(shared, *range(doc * 100, doc * 100 + 31))))
              for doc in range(1, 11)]
    corpus.store(stored, [], [(key, doc) for doc, f in stored for key in f.keys])
    batch = [(doc, Fingerprint(b"", ()) if doc in (13, 14) else
              Fingerprint(random.Random(doc).randbytes(4 * PERMUTATIONS),
                          _keys(shared, *range(doc * 100, doc * 100 + 31))))
             for doc in range(11, 21)]
    _marks, rows = _both(corpus, batch, 0.8)
    # Ten stored under the key: room for six more, the first six with keys.
    assert [doc for key, doc in rows if key == _keys(shared)[0]] == [11, 12, 15, 16, 17, 18]
    assert len(rows) == 8 * 32 - 2


def test_a_key_a_document_has_twice_counts_twice_as_it_did() -> None:
    # Seven shared keys make a candidate at 0.8; the stored document is under six of the
    # new one's keys, one of which the new one has twice (two bands alike by chance).
    signature = random.Random(3).randbytes(4 * PERMUTATIONS)
    corpus = _Corpus()
    first = (1, Fingerprint(signature, _keys(*range(1, 7), *range(100, 126))))
    corpus.store([first], [], [(key, 1) for key in first[1].keys])
    copy = (2, Fingerprint(signature, _keys(1, *range(1, 7), *range(200, 225))))
    marks, _rows = _both(corpus, [copy], 0.8)
    assert [(m.doc_id, m.original_id) for m in marks] == [(2, 1)]


def test_crowded_stored_fingerprints_checked_again_give_the_same_marks() -> None:
    documents = _crafted(21, range(1, 161))
    corpus = _Corpus()
    for at in range(0, len(documents), 40):
        batch = documents[at:at + 40]
        marks, rows = _both(corpus, batch, 0.8)
        corpus.store(batch, marks, rows)
    roots: dict[int, int] = {}
    for at in range(0, len(documents), 30):
        chunk = documents[at:at + 30]
        given = {doc: f.signature for doc, f in chunk}
        expected = _one_at_a_time(chunk, corpus.signatures, corpus.by_key(chunk), 0.6, roots)
        got = marks_for(chunk, given, StoredKeys.of(corpus.under(chunk)), 0.6, roots,
                        fetch=lambda docs: (corpus.fetch(docs)[0], {}))
        assert sorted(got[0], key=lambda m: m.doc_id) == sorted(expected[0],
                                                                key=lambda m: m.doc_id)
        assert got[1].tolist() == expected[1] == []
        roots.update((m.doc_id, m.original_id) for m in got[0])
    assert len(roots) >= 10


def test_documents_out_of_id_order_or_an_id_twice_are_taken_as_they_come() -> None:
    # Not what an import gives (its documents come in id order, each once), but the
    # rows and marks are still those of one document at a time.
    ids = [*range(1, 41)]
    random.Random(31).shuffle(ids)
    ids[10] = ids[3]
    ids[25] = ids[20]
    corpus = _Corpus()
    batch = _crafted(31, ids)
    marks, rows = _both(corpus, batch, 0.6)
    assert marks
    assert len(set(rows)) == len(rows)
