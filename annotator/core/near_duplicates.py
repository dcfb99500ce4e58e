"""Near-duplicate stories: a wire report reprinted by many outlets, found once.

Each document gets a fingerprint: a MinHash signature (datasketch) of its word
shingles, five words each, case folded. Two documents' signatures agree in about
the share of positions that their shingle sets overlap (their Jaccard
similarity), so the similarity shown is that estimate.

Candidates are found by banding: the signature's 128 values in 32 bands of 4,
each band one key. Documents that share a key are compared; documents that share
none are never read. A pair as similar as 0.5 shares a key 87 times in 100, one
of 0.6 99 times in 100, so thresholds from 0.5 up are met. The keys are stored
with the corpus, so a new import is checked against every document without
reading their texts.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import comb

import numpy as np
from datasketch import MinHash

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
# Fewer words than this and two unrelated texts ("Police said nothing.") look alike.
MIN_WORDS = 20
DEFAULT_THRESHOLD = 0.8
MIN_THRESHOLD = 0.5
# What the stored fingerprints were made with: fingerprints made otherwise are made again.
FINGERPRINT_VERSION = f"minhash-affine32-{PERMUTATIONS}x{BANDS}-w{SHINGLE}-seed1-fnv"

_WORD = re.compile(r"\w+")
_PRIME = np.uint64(1099511628211)  # the FNV prime: mixes a shingle's words in order
_SHIFT = np.uint64(32)
_BAND_SALT = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / golden ratio: spreads the band numbers
_PROTOTYPE = MinHash(num_perm=PERMUTATIONS, seed=1, scheme="affine32", hashfunc=int)
# Documents kept under one band key. A key every article shares (boilerplate: an
# agency's standard paragraph, a template) would make each new document a candidate
# of thousands; its first documents, the first copies, are kept and later ones not.
KEY_CAP = 16


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A document's MinHash signature and its band keys (none for a short text)."""

    signature: bytes
    keys: tuple[int, ...]


def check_threshold(value: float) -> float:
    """``value`` if a threshold can be met, else ValueError saying which can."""
    if not MIN_THRESHOLD <= value <= 1.0:
        raise ValueError(f"a near-duplicate threshold is between {MIN_THRESHOLD} and 1.0 "
                         f"(the share of five-word phrases two texts share), not {value}")
    return value


def shingles(text: str) -> np.ndarray:
    """The distinct five-word shingles of ``text`` as 32-bit hashes (empty for a text
    of fewer than MIN_WORDS words)."""
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return np.empty(0, dtype=np.uint32)
    # Each distinct word hashed once (CRC-32: the same in every process and release).
    ids = {word: zlib.crc32(word.encode("utf-8", "surrogatepass")) for word in set(words)}
    hashed = np.array([ids[word] for word in words], dtype=np.uint64)
    count = len(hashed) - SHINGLE + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE):
        mixed = mixed * _PRIME + hashed[offset:offset + count]  # wraps: arithmetic mod 2**64
    return np.unique((mixed ^ (mixed >> _SHIFT)).astype(np.uint32))


def fingerprint(text: str) -> Fingerprint:
    hashes = shingles(text)
    if not len(hashes):
        return Fingerprint(b"", ())
    minhash = _PROTOTYPE.copy()
    minhash.update_batch(hashes.tolist())
    values = minhash.hashvalues.astype("<u4")
    return Fingerprint(values.tobytes(), band_keys(values))


def band_keys(values: np.ndarray) -> tuple[int, ...]:
    """One signed 64-bit key a band (what SQL's INTEGER holds): its four values mixed in
    order, with the band's place, so equal values in two places are two keys."""
    bands = values.astype(np.uint64).reshape(BANDS, ROWS)
    mixed = np.arange(1, BANDS + 1, dtype=np.uint64) * _BAND_SALT
    for row in range(ROWS):
        mixed = (mixed ^ bands[:, row]) * _PRIME  # FNV-1a over the values; wraps mod 2**64
    return tuple(mixed.view(np.int64).tolist())


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two signatures' shingle sets (0 for a short text)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return float(np.count_nonzero(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4"))
                 / PERMUTATIONS)


@dataclass(frozen=True, slots=True)
class Mark:
    doc_id: int
    original_id: int
    similarity: float


def first_copy(doc_id: int, signature: bytes, candidates: Mapping[int, bytes],
               threshold: float) -> Mark | None:
    """The earliest document among ``candidates`` (earlier than ``doc_id``) at least
    ``threshold`` alike: the copy a coder codes; the rest are its duplicates."""
    earlier = sorted(doc for doc, other in candidates.items()
                     if doc < doc_id and len(other) == len(signature))
    if not earlier or not signature:
        return None
    # All candidates at once: a document with boilerplate has hundreds.
    others = np.frombuffer(b"".join(candidates[doc] for doc in earlier), "<u4")
    alike = (others.reshape(len(earlier), PERMUTATIONS) == np.frombuffer(signature, "<u4")
             ).sum(axis=1) / PERMUTATIONS
    passing = np.flatnonzero(alike >= threshold)
    if not len(passing):
        return None
    best = int(passing[0])
    return Mark(doc_id, earlier[best], round(float(alike[best]), 4))


def bands_shared(threshold: float) -> int:
    """The fewest band keys two documents ``threshold`` alike share, 99 times in 100.

    A band matches with probability threshold**ROWS, so the count of matching bands is
    binomial. Two stories written from one template share a band or two by chance;
    copies at 0.8 share about 13. Comparing only documents that share this many keys
    spares the comparisons with the template's other stories.
    """
    chance = threshold ** ROWS
    least, above = 1, 1.0  # above: P(at least ``least`` bands match)
    for count in range(1, BANDS + 1):
        exactly = comb(BANDS, count - 1) * chance ** (count - 1) * (1 - chance) ** (BANDS - count + 1)
        if above - exactly < 0.99:
            break
        above -= exactly
        least = count
    return least


def marks_for(fingerprints: Sequence[tuple[int, Fingerprint]],
              stored: Mapping[int, bytes], stored_by_key: Mapping[int, Sequence[int]],
              threshold: float) -> tuple[list[Mark], list[tuple[int, int]]]:
    """Marks for ``fingerprints`` (new documents, in id order) against the documents
    already fingerprinted (``stored``: their signatures, ``stored_by_key``: the
    documents each band key of the new ones leads to) and against each other; and the
    (key, document) rows to store, no key past KEY_CAP documents."""
    least = bands_shared(threshold)
    by_key = {key: list(docs) for key, docs in stored_by_key.items()}
    signatures = dict(stored)
    marks: list[Mark] = []
    rows: list[tuple[int, int]] = []
    for doc_id, found in fingerprints:
        if not found.keys:
            continue
        shared = Counter(doc for key in found.keys for doc in by_key.get(key, ()))
        if mark := first_copy(doc_id, found.signature,
                              {doc: signatures[doc] for doc, count in shared.items()
                               if count >= least and doc in signatures}, threshold):
            marks.append(mark)
        signatures[doc_id] = found.signature
        for key in found.keys:
            docs = by_key.setdefault(key, [])
            if len(docs) < KEY_CAP and doc_id not in docs:
                docs.append(doc_id)
                rows.append((key, doc_id))
    return marks, rows
