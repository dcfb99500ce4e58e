"""Many documents in and out at once: import batches and export streams.

Imports go in batches, one transaction each, so a document and its spans
are stored together or not at all, and throughput stays close to plain
``executemany``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from annotator.core.model import CodedDocument, DocumentRecord
from annotator.storage.corpus import (
    DOCUMENT_COLUMNS,
    SPAN_COLUMNS,
    Corpus,
    document_from_row,
    now,
    span_from_row,
)

Outcome = Literal["added", "duplicate", "conflict"]


@dataclass(frozen=True, slots=True)
class AddResult:
    outcome: Outcome
    doc_id: int | None
    reason: str = ""


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def add_documents(corpus: Corpus, records: Sequence[DocumentRecord]) -> list[AddResult]:
    """Store ``records`` in one transaction; return what became of each."""
    db = corpus.db
    results = []
    with db.atomic():
        labels = list(dict.fromkeys(s.label for r in records for s in r.spans))
        corpus.ensure_labels(labels)
        coders = {s.coder for r in records for s in r.spans} | {
            c for r in records for c in r.statuses
        }
        for coder in sorted(coders):
            corpus.ensure_coder(coder)
        stamp = now()
        for record in records:
            result = _add_one(corpus, record, stamp)
            results.append(result)
    return results


def _add_one(corpus: Corpus, record: DocumentRecord, stamp: str) -> AddResult:
    db = corpus.db
    sha = text_sha256(record.text)
    uid = record.uid or sha[:16]
    existing = db.execute("SELECT id, sha256 FROM documents WHERE uid = ?", [uid]).fetchone()
    if existing:
        if existing[1] == sha:
            return AddResult("duplicate", existing[0], f"document {uid} is already in the corpus")
        return AddResult(
            "conflict", existing[0],
            f"id {uid!r} is already in the corpus with a different text",
        )
    if record.uid is None:
        same_text = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
        if same_text:
            return AddResult("duplicate", same_text[0], "the same text is already in the corpus")
    event_uids = [e.uid for e in record.events]
    if event_uids:
        marks = ",".join("?" * len(event_uids))
        taken = db.execute(f"SELECT uid FROM events WHERE uid IN ({marks})", event_uids).fetchone()
        if taken:
            return AddResult("conflict", None, f"event id {taken[0]!r} is already used in the corpus")
    span_uids = [s.uid for s in record.spans]
    if len(set(span_uids)) != len(span_uids):
        return AddResult("conflict", None, "two spans have the same id")
    if span_uids:
        marks = ",".join("?" * len(span_uids))
        taken = db.execute(f"SELECT uid FROM spans WHERE uid IN ({marks})", span_uids).fetchone()
        if taken:
            return AddResult("conflict", None, f"span id {taken[0]!r} is already used in the corpus")
    cursor = db.execute(
        "INSERT INTO documents (uid, title, text, date, source, url, meta, sha256, imported_at, "
        "notes, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [uid, record.title, record.text, record.date, record.source, record.url,
         json.dumps(dict(record.meta), ensure_ascii=False), sha, stamp, record.notes,
         json.dumps(dict(record.flags), ensure_ascii=False)],
    )
    doc_id = cursor.lastrowid
    db.conn.executemany(
        f"INSERT INTO spans ({SPAN_COLUMNS}, created_at, updated_at) "
        "VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(s.uid, doc_id, s.start, s.end, s.label, s.text,
          json.dumps(dict(s.attrs), ensure_ascii=False), s.coder, s.origin, stamp, stamp)
         for s in record.spans],
    )
    db.conn.executemany(
        "INSERT INTO doc_status (doc_id, coder, status, updated_at) VALUES (?, ?, ?, ?)",
        [(doc_id, coder, status, stamp) for coder, status in record.statuses.items()],
    )
    for event in record.events:
        corpus._write_event(replace(event, doc_id=doc_id))
    db.execute(
        "INSERT INTO changes (at, coder, action, doc_id, after) VALUES (?, ?, 'import', ?, ?)",
        [stamp, "", doc_id, json.dumps({"uid": uid, "spans": len(record.spans)})],
    )
    return AddResult("added", doc_id)


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
        for doc_id, events in corpus.events_of(list(by_doc)).items():
            kept = {s.uid for s in by_doc[doc_id].spans}
            # With a coder filter, an event keeps only the members still exported.
            by_doc[doc_id].events = [replace(e, members=tuple(m for m in e.members
                                                                if m.span_uid in kept))
                                     for e in events]
        yield from by_doc.values()
        after = last


def count_added(results: Iterable[AddResult]) -> int:
    return sum(1 for r in results if r.outcome == "added")


def document_keys(corpus: Corpus) -> Iterator[tuple[str, dict[str, str]]]:
    """Every document's uid and statuses, without reading any text."""
    statuses: dict[int, dict[str, str]] = {}
    for doc_id, coder, status in corpus.db.execute(
        "SELECT doc_id, coder, status FROM doc_status"
    ):
        statuses.setdefault(doc_id, {})[coder] = status
    for doc_id, uid in corpus.db.execute("SELECT id, uid FROM documents ORDER BY id"):
        yield uid, statuses.get(doc_id, {})
