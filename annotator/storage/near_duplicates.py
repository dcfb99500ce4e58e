"""Near-duplicate marks of a corpus, and the fingerprints they are found with.

Three tables (migration 0009): ``near_fingerprints`` (a document's MinHash
signature; an empty one for a text too short to judge), ``near_bands`` (its band
keys, indexed, so a new document's candidates are looked up, never scanned for; in a
file, the newest are kept in smaller runs beside it: storage/near_band_runs.py)
and ``near_duplicates`` (a document, the first copy it repeats, how alike).

The marks are computed, not coded: they follow from the texts and the corpus's
threshold, and are found again whole when the threshold changes. A coder's own
judgement stays in the document's flags ("duplicate of", in its details).
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any

import numpy as np

from annotator.core.article_pool import Analysis, ArticlePool
from annotator.core.carry_spans import carry
from annotator.core.commands import PROVENANCE_ATTRS, SOURCE_ATTR
from annotator.core.model import Span
from annotator.core.near_duplicates import (
    DEFAULT_THRESHOLD,
    FINGERPRINT_VERSION,
    MIN_WORDS,
    Fetch,
    Fingerprint,
    Mark,
    StoredKeys,
    band_keys,
    check_threshold,
    marks_for,
    similarity,
)
from annotator.storage import near_band_runs
from annotator.storage.bulk import roomy_cache

if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus

# What a carried span's suggestion says it came from.
FIRST_COPY = "first copy"
THRESHOLD_SETTING = "near_duplicate_threshold"
VERSION_SETTING = "near_duplicate_fingerprints"
CHUNK = 500
Progress = Callable[[int, int], None]


@dataclass
class DuplicateCheck:
    """What a check did: documents fingerprinted, marked, too short to judge."""

    checked: int = 0
    marked: int = 0
    short: int = 0
    unreadable: int = 0  # too large to fingerprint in the memory there was
    threshold: float = DEFAULT_THRESHOLD

    def lines(self) -> list[str]:
        out = [f"{self.checked} documents checked for near-duplicates at similarity "
               f"{self.threshold:g}: {self.marked} marked as a duplicate of an earlier copy"]
        if self.short:
            out.append(f"{self.short} documents have fewer than {MIN_WORDS} words and were not "
                       "compared")
        if self.unreadable:
            out.append(f"{self.unreadable} documents could not be fingerprinted (too large for "
                       "the memory there was) and were not compared")
        return out


def threshold(corpus: Corpus) -> float:
    value = corpus.setting(THRESHOLD_SETTING, DEFAULT_THRESHOLD)
    try:
        return check_threshold(float(value))
    except (TypeError, ValueError):  # a setting edited by hand: the default, not a crash
        return DEFAULT_THRESHOLD


def set_threshold(corpus: Corpus, value: float, *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> DuplicateCheck:
    """Find every document's first copy again by ``value``, and store the threshold with
    the marks it gave, in one transaction: a stop before leaves the old threshold and
    the marks it gave."""
    check_threshold(value)
    return recheck(corpus, progress=progress, cancelled=cancelled, at=value)


class NewDocuments:
    """New documents compared with the corpus as their fingerprints come (made on other
    cores: core/article_pool.py), each batch stored with its marks in one
    transaction. A kill leaves the documents not yet stored without a fingerprint:
    the next check takes them."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.report = DuplicateCheck(threshold=threshold(corpus))

    def store(self, given: Sequence[tuple[int, Fingerprint | None]]) -> None:
        """Store fingerprints and marks; a document whose text could not be fingerprinted
        (None) is stored as not compared, and counted."""
        corpus = self.corpus
        if not given:
            return
        self.report.unreadable += sum(1 for _doc, f in given if f is None)
        found = [(doc, f if f is not None else Fingerprint(b"", ())) for doc, f in given]
        with corpus.db.atomic():
            # Another import's check may have taken some of these since they were read.
            taken = {row[0] for row in _rows_in(
                corpus, "SELECT doc_id FROM near_fingerprints WHERE doc_id",
                [doc for doc, _f in found])}
            found = [(doc, f) for doc, f in found if doc not in taken]
            marks, rows = marks_for(found, {}, _stored_keys(corpus, found),
                                    self.report.threshold, fetch=_fetcher(corpus))
            _store(corpus, found, marks, rows)
        self.report.checked += len(found)
        new = {doc for doc, _f in found}  # not the stored ones marked again
        self.report.marked += sum(1 for mark in marks if mark.doc_id in new)
        self.report.short += sum(1 for _doc, f in given if f is not None and not f.keys)


def check_new(corpus: Corpus, *, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None,
              pool: ArticlePool | None = None) -> DuplicateCheck:
    """Fingerprint the documents that have none yet (stored by an older release, or
    by an import that was stopped), oldest first, and mark each that repeats an
    earlier one. The texts are fingerprinted on every core while the next are read."""
    _forget_other_versions(corpus)
    if _all_fingerprinted(corpus):
        return DuplicateCheck(threshold=threshold(corpus))
    total = _count(corpus, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                           "(SELECT 1 FROM near_fingerprints f WHERE f.doc_id = d.id)")
    check = NewDocuments(corpus)
    waiting: deque[tuple[list[int], Future[list[Analysis]]]] = deque()

    def store_first() -> None:
        ids, future = waiting.popleft()
        check.store(list(zip(ids, [found for _language, found in future.result()],
                             strict=True)))
        if progress:
            progress(check.report.checked, total)

    with pool or ArticlePool(workers=os.cpu_count() or 1) as working, roomy_cache(corpus):
        after = 0
        while not (cancelled and cancelled()):
            rows = corpus.db.fetch_all(
                "SELECT d.id, d.text FROM documents d WHERE d.id > ? AND NOT EXISTS "
                "(SELECT 1 FROM near_fingerprints f WHERE f.doc_id = d.id) "
                "ORDER BY d.id LIMIT ?", [after, CHUNK])
            if not rows:
                break
            after = rows[-1][0]
            waiting.append(([doc for doc, _text in rows],
                            working.submit([(text, False) for _doc, text in rows])))
            while waiting and (waiting[0][1].done() or len(waiting) > 2):
                store_first()
        while waiting:
            store_first()
    return check.report


def recheck(corpus: Corpus, *, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None, at: float | None = None
            ) -> DuplicateCheck:
    """Every mark found again from the stored fingerprints (made first where missing),
    at threshold ``at`` (stored with the marks) or the corpus's. The old marks stay
    until the new ones replace them."""
    check_new(corpus, progress=progress, cancelled=cancelled)
    report = DuplicateCheck(threshold=threshold(corpus) if at is None else at)
    marks: dict[int, Mark] = {}
    roots: dict[int, int] = {}
    total = _count(corpus, "SELECT count(*) FROM near_fingerprints")
    read: set[int] = set()
    for chunk in _fingerprint_chunks(corpus):
        if cancelled and cancelled():
            return report
        read.update(doc for doc, _f in chunk)
        found, _rows = marks_for(chunk, {doc: f.signature for doc, f in chunk},
                                 _stored_keys(corpus, chunk), report.threshold, roots,
                                 fetch=_fetcher(corpus, marked=False))
        for mark in found:
            marks[mark.doc_id] = mark
            roots[mark.doc_id] = mark.original_id
        report.checked += len(chunk)
        report.short += sum(1 for _doc, f in chunk if not f.keys)
        if progress:
            progress(report.checked, total)
    with corpus.db.atomic():
        # Documents another process fingerprinted and marked since they were read here
        # (an import running meanwhile) keep their marks: no check would make them again.
        meanwhile = [tuple(row) for row in corpus.db.fetch_all(
            "SELECT doc_id, original_id, similarity FROM near_duplicates") if row[0] not in read]
        corpus.db.execute("DELETE FROM near_duplicates")
        corpus.db.executemany("INSERT INTO near_duplicates (doc_id, original_id, similarity) "
                              "VALUES (?, ?, ?)",
                              [(m.doc_id, m.original_id, m.similarity) for m in marks.values()])
        corpus.db.executemany("INSERT INTO near_duplicates (doc_id, original_id, similarity) "
                              "VALUES (?, ?, ?) ON CONFLICT (doc_id) DO NOTHING", meanwhile)
        if at is not None:
            corpus.set_setting(THRESHOLD_SETTING, at)
    report.marked = len(marks)
    return report


def _fingerprint_chunks(corpus: Corpus) -> Iterator[list[tuple[int, Fingerprint]]]:
    after = 0
    while True:
        rows = corpus.db.fetch_all(
            "SELECT doc_id, signature FROM near_fingerprints WHERE doc_id > ? "
            "ORDER BY doc_id LIMIT ?", [after, CHUNK])
        if not rows:
            return
        after = rows[-1][0]
        yield [(doc, Fingerprint(bytes(sig), band_keys(np.frombuffer(bytes(sig), "<u4"))
                                 if sig else ())) for doc, sig in rows]


def _stored_keys(corpus: Corpus, found: Sequence[tuple[int, Fingerprint]]) -> StoredKeys:
    """The stored documents under ``found``'s band keys."""
    keys = np.sort(np.fromiter(chain.from_iterable(f.keys for _doc, f in found),
                               dtype=np.int64))
    keys = keys[np.append(True, keys[1:] != keys[:-1])] if keys.size else keys
    if not keys.size:
        return StoredKeys.of([])
    if corpus.db.dialect != "sqlite":
        return StoredKeys.of(_rows_in(corpus, "SELECT key, doc_id FROM near_bands WHERE key",
                                      keys.tolist()))
    # Each key comes back as its place in the list asked with, a few digits, not twenty.
    places, docs = near_band_runs.stored_under(corpus.db, keys)
    return StoredKeys(keys[_numbers(places)], _numbers(docs))


def _numbers(text: str | None) -> np.ndarray:
    """The integers of a comma-separated ``text`` (None: none)."""
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.empty(0, np.int64)


def _fetcher(corpus: Corpus, *, marked: bool = True) -> Fetch:
    """What ``marks_for`` asks of the corpus: stored documents' signatures and, with
    ``marked``, the first copies they are marked to."""
    def fetch(docs: Sequence[int]) -> tuple[dict[int, bytes], dict[int, int]]:
        ordered = sorted(docs)
        roots = dict(_rows_in(corpus, "SELECT doc_id, original_id FROM near_duplicates "
                                      "WHERE doc_id", ordered)) if marked else {}
        return _signatures(corpus, ordered), roots

    return fetch


def _signatures(corpus: Corpus, docs: list[int]) -> dict[int, bytes]:
    if not docs:
        return {}
    return {doc: bytes(sig) for doc, sig in _rows_in(
        corpus, "SELECT doc_id, signature FROM near_fingerprints WHERE doc_id", docs)}


def _rows_in(corpus: Corpus, select: str, values: list[int]) -> list[Any]:
    """Rows of ``select`` whose column is one of ``values`` (the statement ends at that
    column), in one statement on either backend."""
    if corpus.db.dialect == "sqlite":
        return corpus.db.fetch_all(f"{select} IN (SELECT value FROM json_each(?))",
                                   [json.dumps(values)])
    return corpus.db.fetch_all(f"{select} = ANY(?)", [values])


def _store(corpus: Corpus, found: Sequence[tuple[int, Fingerprint]], marks: list[Mark],
           rows: np.ndarray) -> None:
    db = corpus.db
    db.executemany("INSERT INTO near_fingerprints (doc_id, signature) VALUES (?, ?)",
                   [(doc, f.signature) for doc, f in found])
    # In key order (marks_for's): the index is written in one pass rather than all over.
    near_band_runs.add(db, rows[:, 0].tolist(), rows[:, 1].tolist())
    # A stored document may be marked again to an earlier first copy (marks_for), and the
    # copies marked to it go with it.
    db.executemany("INSERT INTO near_duplicates (doc_id, original_id, similarity) "
                   "VALUES (?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET "
                   "original_id = excluded.original_id, similarity = excluded.similarity",
                   [(m.doc_id, m.original_id, m.similarity) for m in marks])
    moved = [(m.original_id, m.doc_id) for m in marks]
    followers = _rows_in(corpus, "SELECT doc_id, original_id FROM near_duplicates "
                                 "WHERE original_id", [doc for _first, doc in moved]) \
        if moved else []
    if followers:
        new_first = {doc: first for first, doc in moved}
        wanted = sorted({d for d, _o in followers} | {new_first[o] for _d, o in followers})
        signatures = _signatures(corpus, wanted)
        db.executemany("UPDATE near_duplicates SET original_id = ?, similarity = ? "
                       "WHERE doc_id = ?",
                       [(new_first[old], round(similarity(signatures.get(doc, b""),
                                                          signatures.get(new_first[old], b"")),
                                               4), doc) for doc, old in followers])


def _forget_other_versions(corpus: Corpus) -> None:
    """Fingerprints made another way (another release's shingles) cannot be compared with
    new ones: they are dropped, to be made again."""
    if corpus.setting(VERSION_SETTING) == FINGERPRINT_VERSION:
        return
    with corpus.db.atomic():
        if corpus.setting(VERSION_SETTING) == FINGERPRINT_VERSION:
            return
        # The marks go too: they were made with the fingerprints, and are made again.
        near_band_runs.forget_all(corpus.db)
        for table in ("near_fingerprints", "near_duplicates"):
            corpus.db.execute(f"DELETE FROM {table}")
        corpus.set_setting(VERSION_SETTING, FINGERPRINT_VERSION)


def _count(corpus: Corpus, sql: str, params: Sequence[Any] = ()) -> int:
    return int(corpus.db.fetch_one(sql, list(params))[0])


def _all_fingerprinted(corpus: Corpus) -> bool:
    """Whether every document has its fingerprint: documents are never deleted, so equal
    counts say so without a lookup for each."""
    return (_count(corpus, "SELECT count(*) FROM near_fingerprints")
            == _count(corpus, "SELECT count(*) FROM documents"))


@dataclass(frozen=True, slots=True)
class DuplicateOf:
    """A document's mark: the first copy (its id, uid and title) and how alike."""

    original_id: int
    original_uid: str
    original_title: str
    similarity: float


def duplicate_of(corpus: Corpus, doc_id: int) -> DuplicateOf | None:
    row = corpus.db.fetch_one(
        "SELECT n.original_id, d.uid, d.title, n.similarity FROM near_duplicates n "
        "JOIN documents d ON d.id = n.original_id WHERE n.doc_id = ?", [doc_id])
    return DuplicateOf(row[0], row[1], row[2], row[3]) if row else None


def copies_of(corpus: Corpus, doc_id: int) -> list[tuple[int, float]]:
    """The documents marked as duplicates of ``doc_id``, with how alike, in id order."""
    return [(row[0], row[1]) for row in corpus.db.fetch_all(
        "SELECT doc_id, similarity FROM near_duplicates WHERE original_id = ? ORDER BY doc_id",
        [doc_id])]


def duplicate_count(corpus: Corpus) -> int:
    return _count(corpus, "SELECT count(*) FROM near_duplicates")


@dataclass(frozen=True, slots=True)
class CarryResult:
    made: list[Span]  # suggestions for the copy, not yet stored
    left: int  # spans of the first copy with no place in this copy
    already: int  # spans this copy has already (or a coder rejected there)


def carried_spans(corpus: Corpus, doc_id: int, coder: str) -> CarryResult | None:
    """The coded spans of ``doc_id``'s first copy (anyone's, pending suggestions not)
    as suggestions for ``coder`` in ``doc_id``; None if it is marked as no one's copy."""
    mark = duplicate_of(corpus, doc_id)
    if mark is None:
        return None
    first = corpus.document(mark.original_id)
    copy = corpus.document(doc_id).text
    coded: dict[tuple[int, int, str], Span] = {}
    for span in corpus.spans(mark.original_id):
        if span.origin != "suggested":
            coded.setdefault((span.start, span.end, span.label), span)
    placed = carry(first.text, copy, list(coded.values()))
    have = {(s.start, s.end, s.label) for s in corpus.spans(doc_id)}
    have |= {tuple(row) for row in corpus.db.fetch_all(
        'SELECT start, "end", label FROM rejections WHERE doc_id = ?', [doc_id])}
    made, already = [], 0
    for start, end, span in placed.spans:
        if (start, end, span.label) in have:
            already += 1
            continue
        have.add((start, end, span.label))
        shift = start - span.start
        made.append(Span(start=start, end=end, label=span.label, text=copy[start:end],
                         coder=coder, origin="suggested", doc_id=doc_id,
                         attrs={**{k: v for k, v in span.attrs.items()
                                   if k not in ("note", *PROVENANCE_ATTRS)},
                                SOURCE_ATTR: FIRST_COPY},
                         fragments=tuple((low + shift, high + shift)
                                         for low, high in span.fragments),
                         links=span.links))
    return CarryResult(made, len(placed.left), already)
