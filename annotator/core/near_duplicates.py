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

import hashlib
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

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
FINGERPRINT_VERSION = f"minhash-affine32-{PERMUTATIONS}x{BANDS}-w{SHINGLE}-seed1"

_WORD = re.compile(r"\w+")
_PRIME = np.uint64(1099511628211)  # the FNV prime: mixes a shingle's words in order
_SHIFT = np.uint64(32)
_PROTOTYPE = MinHash(num_perm=PERMUTATIONS, seed=1, scheme="affine32", hashfunc=int)
# Words are hashed once each; a corpus's vocabulary is bounded, but not a hostile one's.
_WORD_HASHES: dict[str, int] = {}
_MAX_CACHED_WORDS = 500_000


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


def _word_hash(word: str) -> int:
    found = _WORD_HASHES.get(word)
    if found is None:
        if len(_WORD_HASHES) >= _MAX_CACHED_WORDS:
            _WORD_HASHES.clear()
        found = _WORD_HASHES[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
    return found


def shingles(text: str) -> np.ndarray:
    """The distinct five-word shingles of ``text`` as 32-bit hashes (empty for a text
    of fewer than MIN_WORDS words)."""
    words = np.fromiter((_word_hash(w) for w in _WORD.findall(text.casefold())),
                        dtype=np.uint64)
    if len(words) < MIN_WORDS:
        return np.empty(0, dtype=np.uint32)
    count = len(words) - SHINGLE + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE):
        mixed = mixed * _PRIME + words[offset:offset + count]  # wraps: arithmetic mod 2**64
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
    """One signed 64-bit key a band (what SQL's INTEGER holds), the band's place in it."""
    raw = values.astype("<u4").tobytes()
    width = ROWS * 4
    return tuple(int.from_bytes(hashlib.blake2b(bytes([band]) + raw[band * width:(band + 1) * width],
                                                digest_size=8).digest(), "little", signed=True)
                 for band in range(BANDS))


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
    for other in sorted(candidates):
        if other >= doc_id:
            break
        alike = similarity(signature, candidates[other])
        if alike >= threshold:
            return Mark(doc_id, other, round(alike, 4))
    return None


class BandIndex:
    """Band keys to documents, in memory: for documents of one batch, compared with
    each other before their keys are stored."""

    def __init__(self) -> None:
        self._docs: dict[int, list[int]] = {}
        self.signatures: dict[int, bytes] = {}

    def add(self, doc_id: int, found: Fingerprint) -> None:
        self.signatures[doc_id] = found.signature
        for key in found.keys:
            self._docs.setdefault(key, []).append(doc_id)

    def candidates(self, keys: Iterable[int]) -> set[int]:
        return {doc for key in keys for doc in self._docs.get(key, ())}


def marks_for(fingerprints: Sequence[tuple[int, Fingerprint]],
              stored: Mapping[int, bytes], stored_by_key: Mapping[int, Iterable[int]],
              threshold: float) -> list[Mark]:
    """Marks for ``fingerprints`` (new documents, in id order) against the documents
    already fingerprinted (``stored``: their signatures, ``stored_by_key``: the
    documents each band key of the new ones leads to) and against each other."""
    batch = BandIndex()
    marks = []
    for doc_id, found in fingerprints:
        if found.keys:
            near = {doc for key in found.keys for doc in stored_by_key.get(key, ())}
            signatures = {doc: stored[doc] for doc in near if doc in stored}
            for doc in batch.candidates(found.keys):
                signatures[doc] = batch.signatures[doc]
            if mark := first_copy(doc_id, found.signature, signatures, threshold):
                marks.append(mark)
        batch.add(doc_id, found)
    return marks
