"""Many documents in and out at once: import batches and export streams.

Imports go in batches, one transaction each, so a document and its spans
are stored together or not at all, and throughput stays close to plain
``executemany``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from typing import Any, Literal

from annotator.core.model import CodedDocument, DocumentRecord, Relation
from annotator.core.text import first_line
from annotator.storage.corpus import (
    DOCUMENT_COLUMNS,
    INSERT_SPAN,
    SPAN_COLUMNS,
    Corpus,
    CorpusError,
    document_from_row,
    now,
    span_from_row,
    span_row,
)
from annotator.storage.relations_store import (
    INSERT_DOC_LABEL,
    INSERT_RELATION,
    doc_label_rows,
    relation_row,
)

Outcome = Literal["added", "duplicate", "conflict"]


@dataclass(frozen=True, slots=True)
class AddResult:
    outcome: Outcome
    doc_id: int | None
    reason: str = ""


# The pages SQLite keeps in memory while a bulk job writes: the near-duplicate keys'
# index is read all over (its keys are random), and with SQLite's default 2 MB each
# lookup read its page from disk again. 256 MB halved the time of storing 100,000
# documents' keys; the pages are only taken as they are used. A larger corpus gets a
# sixteenth of its size, up to 1 GB: at a million articles (16 GB) the keys' index
# alone passes 256 MB, and reading it took 54 s of an import with 1 GB, 74 s without.
BULK_CACHE_KIB = 262_144
BULK_CACHE_MOST_KIB = 1_048_576
# Pages the write-ahead log takes before it is copied into the corpus: each batch's
# keys touch thousands of the index's pages, and copying them back every 1,000 pages
# (SQLite's default) was a tenth of a check's time.
BULK_CHECKPOINT_PAGES = 20_000


@contextmanager
def roomy_cache(corpus: Corpus) -> Iterator[None]:
    """A larger page cache and write-ahead log on this connection for the length of a
    bulk job (a file's corpus; a server manages its own memory). Every commit is still
    flushed to disk as it is made."""
    if corpus.db.dialect != "sqlite":
        yield
        return
    cache = int(corpus.db.fetch_one("PRAGMA cache_size")[0])
    checkpoint = int(corpus.db.fetch_one("PRAGMA wal_autocheckpoint")[0])
    fit_cache(corpus)
    corpus.db.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        corpus.db.execute(f"PRAGMA cache_size = {cache}")
        corpus.db.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")


def fit_cache(corpus: Corpus) -> None:
    """A bulk job's cache sized to the corpus as it is now (``roomy_cache``, and again
    as an import makes it grow)."""
    if corpus.db.dialect != "sqlite":
        return
    pages = int(corpus.db.fetch_one("PRAGMA page_count")[0])
    size = int(corpus.db.fetch_one("PRAGMA page_size")[0])
    kib = min(BULK_CACHE_MOST_KIB, max(BULK_CACHE_KIB, pages * size // 16 // 1024))
    corpus.db.execute(f"PRAGMA cache_size = -{kib}")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def add_documents(corpus: Corpus, records: Sequence[DocumentRecord]) -> list[AddResult]:
    """Store ``records`` in one transaction; return what became of each.

    The fast way stores the batch's spans with one statement; if any span or
    event id turns out to be taken, the batch is rolled back and stored again
    one document at a time, so only the documents at fault are refused.
    """
    try:
        with corpus.db.atomic():
            return _add_batch(corpus, records)
    except _SpanIdTaken:
        with corpus.db.atomic():
            _prepare(corpus, records)
            stamp = now()
            return [_add_one(corpus, record, stamp) for record in records]


class _SpanIdTaken(Exception):
    pass


def _prepare(corpus: Corpus, records: Sequence[DocumentRecord]) -> None:
    corpus.ensure_labels(list(dict.fromkeys(s.label for r in records for s in r.spans)))
    coders = ({s.coder for r in records for s in r.spans} | {c for r in records for c in r.statuses}
              | {x.coder for r in records for x in r.relations}
              | {x.coder for r in records for x in r.doc_labels})
    for coder in sorted(coders):
        corpus.ensure_coder(coder)
    relation_labels = [x.label for r in records for x in r.relations]
    doc_labels = [x for r in records for x in r.doc_labels]
    if relation_labels or doc_labels:
        corpus.ensure_codebook_for(relation_labels, doc_labels)


def _add_batch(corpus: Corpus, records: Sequence[DocumentRecord]) -> list[AddResult]:
    db = corpus.db
    _prepare(corpus, records)
    stamp = now()
    results: list[AddResult] = []
    spans: list[tuple[Any, ...]] = []
    relations: list[tuple[Any, ...]] = []
    doc_labels: list[tuple[Any, ...]] = []
    statuses: list[tuple[Any, ...]] = []
    changes: list[tuple[Any, ...]] = []
    added: list[tuple[int, DocumentRecord]] = []
    for record in records:
        sha = text_sha256(record.text)
        uid = record.uid or sha[:16]
        if record.uid is None:
            same = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
            if same:
                results.append(AddResult("duplicate", same[0],
                                         "the same text is already in the corpus"))
                continue
        try:
            # A refused INSERT undoes only itself; the transaction goes on (a server
            # needs a savepoint for that, a file does not).
            with db.savepoint() if db.dialect != "sqlite" else nullcontext():
                doc_id = db.execute(INSERT_DOCUMENT,
                                    document_row(record, uid, sha, stamp)).lastrowid
        except db.IntegrityError:
            results.append(_refusal(corpus, record, uid, sha))
            continue
        assert doc_id is not None
        spans += [span_row(s, doc_id, stamp) for s in record.spans]
        relations += [relation_row(r, doc_id, stamp) for r in record.relations]
        doc_labels += doc_label_rows(record.doc_labels, doc_id, stamp)
        statuses += [(doc_id, coder, status, stamp) for coder, status in record.statuses.items()]
        changes.append((stamp, doc_id, import_change(uid, len(record.spans))))
        added.append((doc_id, record))
        results.append(AddResult("added", doc_id))
    try:
        db.executemany(INSERT_SPAN, spans)
        db.executemany(INSERT_RELATION, relations)
        for doc_id, record in added:
            for event in record.events:
                corpus._write_event(replace(event, doc_id=doc_id))
    except db.IntegrityError as exc:
        raise _SpanIdTaken from exc
    db.executemany(INSERT_STATUS, statuses)
    db.executemany(INSERT_DOC_LABEL, doc_labels)
    db.executemany(INSERT_IMPORT_CHANGE, changes)
    return results


INSERT_DOCUMENT = (
    "INSERT INTO documents (uid, title, text, date, source, url, meta, sha256, imported_at, "
    "notes, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_STATUS = "INSERT INTO doc_status (doc_id, coder, status, updated_at) VALUES (?, ?, ?, ?)"
INSERT_IMPORT_CHANGE = "INSERT INTO changes (at, coder, action, doc_id, after) VALUES (?, '', 'import', ?, ?)"


def import_change(uid: str, spans: int) -> str:
    """What the change log says an import added: the document's id and its spans."""
    return f'{{"uid": {json.dumps(uid)}, "spans": {spans}}}'


# Where a document row (``document_row``) holds the time it was stored.
IMPORTED_AT = [name.strip() for name in INSERT_DOCUMENT.split("(", 1)[1].split(")", 1)[0]
               .split(",")].index("imported_at")


def document_row(record: DocumentRecord, uid: str, sha: str, stamp: str) -> list[Any]:
    """The values ``INSERT_DOCUMENT`` stores of ``record`` (worker processes make them too,
    ``bulk_rows``)."""
    # A document whose file names no title gets its first line, whatever the format.
    return [uid, record.title or first_line(record.text), record.text, record.date, record.source, record.url,
            _json(record.meta), sha, stamp, record.notes, _json(record.flags)]


def _add_one(corpus: Corpus, record: DocumentRecord, stamp: str) -> AddResult:
    db = corpus.db
    sha = text_sha256(record.text)
    uid = record.uid or sha[:16]
    if record.uid is None:
        same_text = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
        if same_text:
            return AddResult("duplicate", same_text[0], "the same text is already in the corpus")
    # Optimistic: insert, and let the UNIQUE constraints say if an id is taken. A
    # savepoint keeps a refused document from touching the rest of the batch.
    db.execute("SAVEPOINT document")
    try:
        doc_id = _insert(corpus, record, uid, sha, stamp)
    except db.IntegrityError:
        db.execute("ROLLBACK TO SAVEPOINT document")
        db.execute("RELEASE SAVEPOINT document")
        return _refusal(corpus, record, uid, sha)
    db.execute("RELEASE SAVEPOINT document")
    return AddResult("added", doc_id)


def _insert(corpus: Corpus, record: DocumentRecord, uid: str, sha: str, stamp: str) -> int:
    db = corpus.db
    doc_id = db.execute(INSERT_DOCUMENT, document_row(record, uid, sha, stamp)).lastrowid
    assert doc_id is not None
    if record.spans:
        db.executemany(INSERT_SPAN, [span_row(s, doc_id, stamp) for s in record.spans])
    if record.relations:
        db.executemany(INSERT_RELATION,
                            [relation_row(r, doc_id, stamp) for r in record.relations])
    if record.doc_labels:
        db.executemany(INSERT_DOC_LABEL, doc_label_rows(record.doc_labels, doc_id, stamp))
    if record.statuses:
        db.executemany(
            INSERT_STATUS,
            [(doc_id, coder, status, stamp) for coder, status in record.statuses.items()],
        )
    for event in record.events:
        corpus._write_event(replace(event, doc_id=doc_id))
    db.execute(INSERT_IMPORT_CHANGE, [stamp, doc_id, import_change(uid, len(record.spans))])
    return doc_id


def _refusal(corpus: Corpus, record: DocumentRecord, uid: str, sha: str) -> AddResult:
    """Why a document could not go in: its id is taken, or one of its spans' or events'."""
    db = corpus.db
    existing = db.execute("SELECT id, sha256 FROM documents WHERE uid = ?", [uid]).fetchone()
    if existing:
        if existing[1] == sha:
            return AddResult("duplicate", existing[0], f"document {uid} is already in the corpus")
        return AddResult("conflict", existing[0],
                         f"id {uid!r} is already in the corpus with a different text")
    span_uids = [s.uid for s in record.spans]
    if len(set(span_uids)) != len(span_uids):
        return AddResult("conflict", None, "two spans have the same id")
    relation_uids = [r.uid for r in record.relations]
    if len(set(relation_uids)) != len(relation_uids):
        return AddResult("conflict", None, "two relations have the same id")
    for table, uids, what in (("spans", span_uids, "span"),
                              ("events", [e.uid for e in record.events], "event"),
                              ("relations", relation_uids, "relation")):
        if uids:
            marks = ",".join("?" * len(uids))
            taken = db.execute(f"SELECT uid FROM {table} WHERE uid IN ({marks})", uids).fetchone()
            if taken:
                return AddResult("conflict", None,
                                 f"{what} id {taken[0]!r} is already used in the corpus")
    return AddResult("conflict", None, "it breaks a rule of the corpus (a label or coder unknown)")


def _json(value: Mapping[str, Any]) -> str:
    return json.dumps(dict(value), ensure_ascii=False) if value else "{}"


def iter_documents(
    corpus: Corpus, *, coder: str | None = None, page_size: int = 500
) -> Iterator[CodedDocument]:
    """Every document with its spans (of ``coder``, or all) and statuses."""
    after = 0
    while True:
        rows = corpus.db.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id > ? ORDER BY id LIMIT ?",
            [after, page_size],
        ).fetchall()
        if not rows:
            return
        first, last = rows[0][0], rows[-1][0]
        by_doc: dict[int, CodedDocument] = {}
        for row in rows:
            by_doc[row[0]] = CodedDocument(document_from_row(row))
        span_sql = f"SELECT {SPAN_COLUMNS} FROM spans WHERE doc_id BETWEEN ? AND ?"
        params: list[object] = [first, last]
        if coder is not None:
            span_sql += " AND coder = ?"
            params.append(coder)
        for row in corpus.db.execute(span_sql + ' ORDER BY doc_id, start, "end", id', params):
            by_doc[row[2]].spans.append(span_from_row(row))
        for doc_id, who, status in corpus.db.execute(
            "SELECT doc_id, coder, status FROM doc_status WHERE doc_id BETWEEN ? AND ? "
            "ORDER BY coder",
            [first, last],
        ):
            by_doc[doc_id].statuses[who] = status
        for doc_id, relations in corpus.relations_of(list(by_doc), coder).items():
            kept = {s.uid for s in by_doc[doc_id].spans}
            if coder is None:  # every span is read: a relation must find both of its own
                _check_ends(corpus, doc_id, relations, kept)
            by_doc[doc_id].relations = [r for r in relations if r.head in kept and r.tail in kept]
        for doc_id, labels in corpus.doc_labels_of(list(by_doc), coder).items():
            by_doc[doc_id].doc_labels = labels
        for doc_id, events in corpus.events_of(list(by_doc)).items():
            kept = {s.uid for s in by_doc[doc_id].spans}
            # With a coder filter, an event keeps only the members still exported.
            by_doc[doc_id].events = [replace(e, members=tuple(m for m in e.members
                                                                if m.span_uid in kept))
                                     for e in events]
        yield from by_doc.values()
        after = last



def _check_ends(corpus: Corpus, doc_id: int, relations: list[Relation], spans: set[str]) -> None:
    """A relation whose span is missing or in another document was changed outside
    annotator (foreign keys off): said, never left out in silence."""
    for relation in relations:
        for end in (relation.head, relation.tail):
            if end not in spans:
                raise CorpusError(
                    f"{corpus.path}: relation {relation.uid!r} of document row {doc_id} "
                    f"links span {end!r}, which is not a span of that document; the corpus "
                    "was changed outside annotator. `annotator history` shows its edits, "
                    "`annotator restore` puts them back")


def document_keys(corpus: Corpus) -> Iterator[tuple[str, dict[str, str]]]:
    """Every document's uid and statuses, without reading any text."""
    statuses: dict[int, dict[str, str]] = {}
    for doc_id, coder, status in corpus.db.execute(
        "SELECT doc_id, coder, status FROM doc_status"
    ):
        statuses.setdefault(doc_id, {})[coder] = status
    for doc_id, uid in corpus.db.execute("SELECT id, uid FROM documents ORDER BY id"):
        yield uid, statuses.get(doc_id, {})
