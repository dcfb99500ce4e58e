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

import functools
import re
import unicodedata
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from math import comb
from typing import Any

import numpy as np

# The threshold's own module (no NumPy), its names kept here for those who import them.
from annotator.core.near_threshold import DEFAULT_THRESHOLD as DEFAULT_THRESHOLD
from annotator.core.near_threshold import MIN_THRESHOLD as MIN_THRESHOLD
from annotator.core.near_threshold import check_threshold as check_threshold

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
# Fewer words than this and two unrelated texts ("Police said nothing.") look alike.
MIN_WORDS = 20
# What the stored fingerprints were made with: fingerprints made otherwise are made again.
FINGERPRINT_VERSION = f"minhash-affine32-{PERMUTATIONS}x{BANDS}-w{SHINGLE}-seed1-fnv-nfkd"

# Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao,
# Khmer, Myanmar): each character is a word, as a run of them is a whole clause.
_UNSPACED = ("\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff"
             "\u1000-\u109f\u1780-\u17ff")
_WORD = re.compile(f"[{_UNSPACED}]|[^\\W{_UNSPACED}]+")
# Marks a copy may have or lack without being another story: accents (a PDF's text
# layer or a Mac gives them decomposed, some outlets drop them), Arabic short vowels and
# the hamza on alef (أ إ آ written ا), Hebrew points. Dropped after NFKD.
_MARKS = re.compile("[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
                    "\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans({"\u0649": "\u064a", "\u0629": "\u0647"})  # ى as ي, ة as ه
# Only the start of a very long text is fingerprinted: a million characters is some
# 170,000 words, a story's copy is told long before, and time and memory stay bounded.
MAX_CHARS = 1_000_000
# Shingles given to MinHash at once: its work array is this many by 128.
_BATCH = 4096
_EMPTY = np.uint32(0xFFFFFFFF)  # datasketch's value before any is seen
_PRIME = np.uint64(1099511628211)  # the FNV prime: mixes a shingle's words in order
_SHIFT = np.uint64(32)
_BAND_SALT = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / golden ratio: spreads the band numbers
# Documents kept under one band key. A key every article shares (boilerplate: an
# agency's standard paragraph, a template) would make each new document a candidate
# of thousands; its first documents, the first copies, are kept and later ones not.
KEY_CAP = 16


@functools.cache
def _prototype() -> Any:
    """The MinHash every fingerprint starts from (its permutations drawn once). Made at
    the first fingerprint: datasketch brings scipy, a third of a second that a command
    which fingerprints nothing (search, stats) should not wait for."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme="affine32", hashfunc=int)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A document's MinHash signature and its band keys (none for a short text)."""

    signature: bytes
    keys: tuple[int, ...]


def normalised(text: str) -> str:
    """``text`` as it is compared: compatibility forms folded, marks dropped, case folded."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).translate(_LETTERS).casefold()


def words_of(text: str) -> list[bytes]:
    """The words of ``text`` as compared (``normalised``, then ``_WORD``), in UTF-8."""
    if text.isascii():
        # Folded and cut in C, four times as fast as the pattern: an ASCII text has no
        # marks nor compatibility forms, folds its case as lower() does, and its words
        # are the runs of letters, digits and underscores (what \w is in ASCII).
        return text.lower().encode("ascii").translate(_ASCII_WORD_BYTES).split()
    return [word.encode("utf-8", "surrogatepass") for word in _WORD.findall(normalised(text))]


# Every byte that is no ASCII word character read as a space: bytes.split then cuts
# the words.
_ASCII_WORD_BYTES = bytes(
    byte if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) == "_") else 0x20
    for byte in range(256))


def shingles(text: str) -> np.ndarray:
    """The distinct five-word shingles of ``text`` as 32-bit hashes (empty for a text
    of fewer than MIN_WORDS words)."""
    words = words_of(text[:MAX_CHARS])
    if len(words) < MIN_WORDS:
        return np.empty(0, dtype=np.uint32)
    # Each distinct word hashed once (CRC-32: the same in every process and release).
    ids = {word: zlib.crc32(word) for word in set(words)}
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
    values = _minimum_of_permutations(hashes).astype("<u4")
    return Fingerprint(values.tobytes(), band_keys(values))


def _minimum_of_permutations(hashes: np.ndarray) -> np.ndarray:
    """datasketch's affine32 MinHash of ``hashes`` (hashed values, taken as they are),
    computed on the whole array at once: its ``update_batch`` makes a Python list of
    the values first, which was two thirds of a fingerprint's time. The permutations
    are datasketch's own, so the values are the same (a test compares them)."""
    a, b = _prototype().permutations
    signature = np.full(PERMUTATIONS, _EMPTY, dtype=np.uint32)
    for start in range(0, len(hashes), _BATCH):
        mixed = _fmix32(hashes[start:start + _BATCH].astype(np.uint32)).reshape(-1, 1)
        np.minimum(signature, (mixed * a + b).min(axis=0), out=signature)
    return signature


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, the pre-mix datasketch's affine32 scheme gives
    each value (multiplication wraps: arithmetic mod 2**32)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


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


def alike(signature: bytes, candidates: Mapping[int, bytes]) -> dict[int, float]:
    """How alike ``signature`` is to each candidate's, all at once (a document with
    boilerplate has hundreds of candidates)."""
    usable = [doc for doc, other in candidates.items() if other and len(other) == len(signature)]
    if not usable or not signature:
        return {}
    others = np.frombuffer(b"".join(candidates[doc] for doc in usable), "<u4")
    shares = (others.reshape(len(usable), PERMUTATIONS) == np.frombuffer(signature, "<u4")
              ).sum(axis=1) / PERMUTATIONS
    return dict(zip(usable, shares.tolist(), strict=True))


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


# Signatures and first copies of stored documents, asked for as they are met.
Fetch = Callable[[Sequence[int]], tuple[Mapping[int, bytes], Mapping[int, int]]]


@dataclass(frozen=True)
class StoredKeys:
    """The stored (band key, document) rows under some keys, as two arrays."""

    keys: np.ndarray  # int64
    docs: np.ndarray  # int64

    @classmethod
    def of(cls, rows: Sequence[tuple[int, int]]) -> StoredKeys:
        # The rows' numbers read in one pass: np.array of a list of tuples looks at each
        # tuple as a sequence first, and took twice as long.
        table = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows))
        return cls(table[0::2].copy(), table[1::2].copy())


@dataclass(frozen=True)
class _Entries:
    """The batch's keys, one entry a (document, key), in the batch's order; and the same
    entries sorted by key, each key's group in the batch's order (a stable sort)."""

    keys: np.ndarray  # int64, each entry's key
    owners: np.ndarray  # int64, each entry's document as its place in the batch
    order: np.ndarray  # the entries sorted by key
    group: np.ndarray  # in sorted order: each entry's key as its place in ``distinct``
    distinct: np.ndarray  # the keys, sorted, each once
    starts: np.ndarray  # where each key's group starts in sorted order, and the end
    repeats: bool  # whether a document has a key twice (two bands alike by chance)

    @classmethod
    def of(cls, fingerprints: Sequence[tuple[int, Fingerprint]]) -> _Entries:
        counts = [len(f.keys) for _doc, f in fingerprints]
        keys = np.fromiter(chain.from_iterable(f.keys for _doc, f in fingerprints),
                           dtype=np.int64, count=sum(counts))
        owners = np.repeat(np.arange(len(fingerprints), dtype=np.int64), counts)
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        new_key = _run_starts(ordered)
        starts = np.append(np.flatnonzero(new_key), len(ordered))
        # A document's entries under one key are next to each other in its group.
        by_key = owners[order]
        repeats = bool(((by_key[1:] == by_key[:-1]) & ~new_key[1:]).any())
        return cls(keys, owners, order, np.cumsum(new_key) - 1, ordered[new_key], starts,
                   repeats)

    @property
    def sizes(self) -> np.ndarray:
        """How many entries each key has."""
        return np.diff(self.starts)


def _stored_candidates(entries: _Entries, size: int, stored: StoredKeys, place: np.ndarray,
                       least: int) -> list[list[int]]:
    """For each of the batch's ``size`` documents, the stored documents sharing at least
    ``least`` of its keys, counted for the whole batch at once (a template's story
    shares a key or two with hundreds of stored ones, and counting them a document at a
    time was most of an import's comparing). ``place`` is each stored row's key as its
    place among the batch's keys (-1 for another key)."""
    found: list[list[int]] = [[] for _ in range(size)]
    under = place >= 0
    if not under.any():
        return found
    docs, number, rows = _numbered(stored.docs[under])
    # A stored document under fewer of the batch's keys than ``least`` is no one's
    # candidate (unless a document has a key twice, each time counted).
    keep = rows[number] >= (1 if entries.repeats else least)
    groups, number = place[under][keep], number[keep]
    many = entries.sizes[groups]
    total = int(many.sum())
    if not total:
        return found
    # Every (stored document, new document) pair once for each key they share, each
    # pair as one number: the stored document's place among them, then the new one's.
    at = np.repeat(entries.starts[groups] - (np.cumsum(many) - many), many)
    owners = entries.owners[entries.order[at + np.arange(total, dtype=np.int64)]]
    hits = _often(np.repeat(number, many) * size + owners, least)
    for doc, owner in zip(docs[hits // size].tolist(), (hits % size).tolist(), strict=True):
        found[owner].append(doc)
    return found


def _often(values: np.ndarray, least: int) -> np.ndarray:
    """The values found ``least`` times or more in ``values`` (non-negative), sorted: a
    count of each value without counting them all (np.unique's counts)."""
    span = len(values) - least + 1
    if span <= 0:
        return np.empty(0, dtype=np.int64)
    if int(values.max()) <= np.iinfo(np.int32).max:
        values = values.astype(np.int32)  # sorted in about half the time
    values = np.sort(values)
    # Sorted, a value there ``least`` times equals the one ``least - 1`` places on.
    found = values[:span][values[:span] == values[least - 1:]]
    return found[_run_starts(found)].astype(np.int64)


def _run_starts(values: np.ndarray) -> np.ndarray:
    """Which of sorted ``values`` differ from the one before (the first does)."""
    starts = np.ones(len(values), dtype=bool)
    starts[1:] = values[1:] != values[:-1]
    return starts


# Stored documents numbered by their id less the least, when the ids are this close.
_CLOSE_IDS = 1 << 21


def _numbered(docs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``docs`` numbered from 0: the documents by number, each of ``docs``' numbers, and
    how often each number is there. Ids close together (a corpus's own) are numbered
    by their distance from the least, counted without sorting them."""
    low, high = int(docs.min()), int(docs.max())
    if high - low >= max(_CLOSE_IDS, 8 * len(docs)):
        return np.unique(docs, return_inverse=True, return_counts=True)
    number = docs - low
    return np.arange(low, high + 1, dtype=np.int64), number, np.bincount(number)


def _within_batch(entries: _Entries, ids: np.ndarray, stored: StoredKeys, place: np.ndarray,
                  least: int) -> tuple[np.ndarray, list[list[int]]]:
    """The entries stored under their key (by key, then the batch's order), and for each
    document the earlier ones of the batch under at least ``least`` of its keys.

    A document goes under each of its keys in the batch's order, once, unless it is
    there already (a check of stored fingerprints) or the key holds KEY_CAP documents,
    stored ones counted; a document's candidates are the documents under its keys
    before it. Neither depends on what is marked, so both are found for the batch at
    once."""
    size, total = len(ids), len(entries.keys)
    # All of this function's arrays are in sorted order (by key, then the batch's).
    owners = entries.owners[entries.order]
    step = np.arange(total, dtype=np.int64)
    # A document's entries are next to each other in its key's group: a run.
    run = np.ones(total, dtype=bool)
    run[1:] = (entries.group[1:] != entries.group[:-1]) | (owners[1:] != owners[:-1])
    docs = owners  # what tells a key's documents apart: their place, or their id's first
    if (ids[1:] > ids[:-1]).all() or len(np.unique(ids)) == size:
        fresh = run
    else:  # an id twice in the batch: under a key once, at its first place
        _unique, first_place, same = np.unique(ids, return_index=True, return_inverse=True)
        docs = first_place[same.reshape(-1)][owners]
        by_doc = np.lexsort((step, docs, entries.group))
        again = np.zeros(total, dtype=bool)
        again[1:] = ((entries.group[by_doc][1:] == entries.group[by_doc][:-1])
                     & (docs[by_doc][1:] == docs[by_doc][:-1]))
        fresh = np.ones(total, dtype=bool)
        fresh[by_doc[again]] = False
    eligible = fresh
    if np.isin(ids, stored.docs).any():
        mine = np.isin(stored.docs, ids)
        there = set(zip(stored.keys[mine].tolist(), stored.docs[mine].tolist(), strict=True))
        eligible = fresh & np.array([(key, doc) not in there for key, doc in zip(
            entries.keys[entries.order].tolist(), ids[owners].tolist(), strict=True)],
            dtype=bool)
    held = np.bincount(place[place >= 0], minlength=len(entries.distinct))
    room = np.maximum(KEY_CAP - held, 0)[entries.group]
    counted = np.concatenate(([0], np.cumsum(eligible)))
    group_start = entries.starts[entries.group]
    kept = eligible & (counted[step] - counted[group_start] < room)
    # The documents under a key when a document is compared: those kept before its run.
    kept_before = np.concatenate(([0], np.cumsum(kept)))
    run_start = np.maximum.accumulate(np.where(run, step, 0))
    before = kept_before[run_start] - kept_before[group_start]
    found: list[list[int]] = [[] for _ in range(size)]
    pairs = int(before.sum())
    if not pairs:
        return entries.order[kept], found
    # Each entry with each of those before it: the kept entries of its group from the
    # group's first on.
    kept_at = np.flatnonzero(kept)
    first = np.repeat(kept_before[group_start] - (np.cumsum(before) - before), before)
    earlier = docs[kept_at[first + np.arange(pairs, dtype=np.int64)]]
    hits = _often(np.repeat(owners, before) * size + earlier, least)
    for owner, other in zip((hits // size).tolist(), (hits % size).tolist(), strict=True):
        found[owner].append(int(ids[other]))
    return entries.order[kept], found


def marks_for(fingerprints: Sequence[tuple[int, Fingerprint]],
              stored: Mapping[int, bytes], stored_keys: StoredKeys,
              threshold: float, roots: Mapping[int, int] | None = None,
              fetch: Fetch | None = None,
              ) -> tuple[list[Mark], np.ndarray]:
    """Marks for ``fingerprints`` (new documents, in id order) against the documents
    already fingerprinted and against each other; and the (key, document) rows to
    store, no key past KEY_CAP documents, in key order (then document's): the index's.
    The rows are an array of two columns: tens of thousands of Python tuples a batch
    kept the garbage collector busy.

    ``stored_keys`` are the stored documents under the new ones' keys. ``stored`` holds
    signatures of stored documents, and ``roots`` the first copies stored documents are
    marked to (document to its first copy); those they do not hold are asked of
    ``fetch`` when a document is first compared. Only documents sharing
    ``bands_shared`` keys are compared. A copy is marked to its story's first copy,
    never to another copy: the one a coder codes. A stored document that a new one
    comes before (an import that stored its documents while another's earlier ones
    waited for their fingerprints) is marked again to the earlier first copy.
    """
    least = bands_shared(threshold)
    entries = _Entries.of(fingerprints)
    if not len(entries.keys):
        return [], np.empty((0, 2), dtype=np.int64)
    ids = np.fromiter((doc for doc, _f in fingerprints), dtype=np.int64,
                      count=len(fingerprints))
    # Each stored row's key as its place among the batch's keys (-1: none of them).
    place = np.searchsorted(entries.distinct, stored_keys.keys)
    place[place == len(entries.distinct)] = 0
    place = np.where(entries.distinct[place] == stored_keys.keys, place, -1)
    from_stored = _stored_candidates(entries, len(fingerprints), stored_keys, place, least)
    kept, from_batch = _within_batch(entries, ids, stored_keys, place, least)
    signatures = dict(stored)
    root_of = dict(roots or {})
    asked: set[int] = set(signatures)

    def known(docs: Sequence[int]) -> None:
        """Signatures and first copies of ``docs`` (and of those copies) from ``fetch``."""
        wanted = [doc for doc in docs if doc not in asked]
        while fetch is not None and wanted:
            asked.update(wanted)
            found, firsts = fetch(wanted)
            signatures.update(found)
            for doc, first in firsts.items():
                root_of.setdefault(doc, first)
            wanted = [first for first in firsts.values() if first not in asked]

    marks: dict[int, Mark] = {}
    for (doc_id, found), earlier_stored, earlier_new in zip(fingerprints, from_stored,
                                                            from_batch, strict=True):
        if not found.keys:
            continue
        candidates = [*earlier_stored, *earlier_new]
        if candidates:  # most documents have none, and nothing to do but be known
            _compare(doc_id, found.signature, candidates, threshold, known, signatures,
                     root_of, marks)
        signatures[doc_id] = found.signature
        asked.add(doc_id)
    keys, docs = entries.keys[kept], ids[entries.owners[kept]]
    if not (ids[1:] > ids[:-1]).all():  # documents not in id order: the rows sorted again
        by_doc = np.lexsort((docs, keys))
        keys, docs = keys[by_doc], docs[by_doc]
    return list(marks.values()), np.stack([keys, docs], axis=1)


def _compare(doc_id: int, signature: bytes, candidates: list[int], threshold: float,
             known: Callable[[Sequence[int]], None], signatures: dict[int, bytes],
             root_of: dict[int, int], marks: dict[int, Mark]) -> None:
    """Mark ``doc_id`` to the first copy of the earliest of ``candidates`` it is
    ``threshold`` alike, and the later ones alike to it to its own first copy."""
    known(candidates)
    near = alike(signature, {doc: signatures[doc] for doc in candidates if doc in signatures})
    earlier = sorted(doc for doc, share in near.items() if doc < doc_id and share >= threshold)
    if earlier:
        root = root_of.get(earlier[0], earlier[0])
        known([root])
        share = near[root] if root in near else similarity(signature, signatures.get(root, b""))
        marks[doc_id] = Mark(doc_id, root, round(share, 4))
        root_of[doc_id] = root
    first = root_of.get(doc_id, doc_id)
    for later in sorted(doc for doc, share in near.items() if doc > doc_id and share >= threshold):
        current = root_of.get(later)
        if later != first and (current is None or current > first):
            share = near[later] if first == doc_id else similarity(
                signatures[later], signatures.get(first, b""))
            marks[later] = Mark(later, first, round(share, 4))
            root_of[later] = first
