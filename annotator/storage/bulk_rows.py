"""Documents made into table rows where they are read, and stored as rows.

An import reads and checks its documents in worker processes. Sending each
document back as objects (a record with its spans) costs the storing process
about as much to unpickle as reading the line itself; rows of plain values cost
a tenth of that. So a worker makes a document's rows (``rows_of``) and the storing
process only adds the row ids and writes them (``add_rows``).

Rows carry the plain case: a document with spans and statuses. A document with
relations, document labels or events, and any batch in which a document turns out
to be in the corpus already (its id, its text, a span's id), is stored from its
record instead (``bulk.add_documents``), which says what became of each one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.model import DocumentRecord
from annotator.storage.bulk import (
    IMPORTED_AT,
    INSERT_DOCUMENT,
    INSERT_IMPORT_CHANGE,
    INSERT_STATUS,
    AddResult,
    document_row,
    import_change,
    text_sha256,
)
from annotator.storage.corpus import INSERT_SPAN, Corpus, now, span_row
from annotator.storage.label_blocks import set_aside_insert_counting
from annotator.storage.migrations import SEARCH_INDEX_DEFERRED


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """One document's rows, without its row id and the time it is stored."""

    uid: str
    by_text: bool  # no id in the file: a copy is told by its text
    sha: str
    document: tuple[Any, ...]  # bulk's document row, its time blank
    spans: tuple[tuple[Any, ...], ...]  # span_row's, row id and times blank
    statuses: tuple[tuple[str, str], ...]  # coder, status
    labels: tuple[str, ...]
    coders: tuple[str, ...]


def rows_of(record: DocumentRecord) -> DocumentRows | None:
    """The record's rows; None when it holds what only its record can store (relations,
    document labels, events)."""
    if record.relations or record.doc_labels or record.events:
        return None
    sha = text_sha256(record.text)
    uid = record.uid or sha[:16]
    # The rows every import writes, their row id and time left blank until stored.
    return DocumentRows(
        uid=uid, by_text=record.uid is None, sha=sha,
        document=tuple(document_row(record, uid, sha, "")),
        spans=tuple(span_row(s, None, "") for s in record.spans),
        statuses=tuple(record.statuses.items()),
        labels=tuple(dict.fromkeys(s.label for s in record.spans)),
        coders=tuple({s.coder for s in record.spans} | set(record.statuses)))


class _NotPlain(Exception):
    """A document of the batch is in the corpus already: the batch goes the record way."""


def add_rows(corpus: Corpus, batch: Sequence[DocumentRows]) -> list[AddResult] | None:
    """Store ``batch`` in one transaction, every document added; None (and nothing
    stored) if one of them is in the corpus already, for its records to say which."""
    db = corpus.db
    try:
        with db.atomic():
            corpus.ensure_labels(list(dict.fromkeys(label for rows in batch
                                                    for label in rows.labels)))
            for coder in sorted({coder for rows in batch for coder in rows.coders}):
                corpus.ensure_coder(coder)
            return _insert(corpus, batch, now())
    except _NotPlain:
        return None


def _insert(corpus: Corpus, batch: Sequence[DocumentRows], stamp: str) -> list[AddResult]:
    db = corpus.db
    for rows in batch:
        if rows.by_text and db.execute("SELECT 1 FROM documents WHERE sha256 = ?",
                                       [rows.sha]).fetchone():
            raise _NotPlain
    values = [[*rows.document[:IMPORTED_AT], stamp, *rows.document[IMPORTED_AT + 1:]] for rows in batch]
    counted_by_batch = db.dialect == "sqlite" and bool(batch)
    # The labels' documents counted a batch at once, not by the triggers a span at a
    # time (migration 0015): they are set aside for this transaction alone, which no
    # other connection sees, and an error rolls the setting aside back with the batch.
    set_aside = set_aside_insert_counting(corpus.db) if counted_by_batch else []
    try:
        ids = _stored_documents(corpus, values)
    except db.IntegrityError:  # an id is taken
        raise _NotPlain from None
    spans = [(row[0], doc_id, *row[2:-2], stamp, stamp)
             for doc_id, rows in zip(ids, batch, strict=True) for row in rows.spans]
    try:
        db.executemany(INSERT_SPAN, spans)
    except db.IntegrityError:  # a span's id is taken
        raise _NotPlain from None
    if counted_by_batch:
        _count_labels(corpus, ids[0], ids[-1])
        for statement in set_aside:
            db.execute(statement)
    db.executemany(INSERT_STATUS, [(doc_id, coder, status, stamp)
                                    for doc_id, rows in zip(ids, batch, strict=True)
                                    for coder, status in rows.statuses])
    db.executemany(INSERT_IMPORT_CHANGE, [
        (stamp, doc_id, import_change(rows.uid, len(rows.spans)))
        for doc_id, rows in zip(ids, batch, strict=True)])
    return [AddResult("added", doc_id) for doc_id in ids]


def _stored_documents(corpus: Corpus, values: list[list[Any]]) -> list[int]:
    """The documents' rows written; their row ids, in order."""
    db = corpus.db
    if not values:
        return []
    if db.dialect != "sqlite":  # a server's ids come from its sequence, one at a time
        return [db.execute(INSERT_DOCUMENT, row).lastrowid for row in values]
    # In a file, the ids are the next ones after the highest, as SQLite would give them
    # (the write transaction is held, documents are never deleted): one statement for
    # the batch rather than one a document.
    [(highest,)] = db.execute("SELECT coalesce(max(id), 0) FROM documents").fetchall()
    ids = list(range(highest + 1, highest + 1 + len(values)))
    # Indexed for search a batch at once, not by the trigger a row at a time (migration
    # 0012): the row that says so lasts only as long as this transaction.
    db.execute(f"INSERT INTO {SEARCH_INDEX_DEFERRED} (batch) VALUES (1)")
    db.executemany(_INSERT_DOCUMENT_WITH_ID, [[doc_id, *row]
                                              for doc_id, row in zip(ids, values, strict=True)])
    db.execute("INSERT INTO documents_fts (rowid, title, text) SELECT id, title, text "
               "FROM documents WHERE id BETWEEN ? AND ?", [ids[0], ids[-1]])
    db.execute(f"DELETE FROM {SEARCH_INDEX_DEFERRED}")
    return ids


def _count_labels(corpus: Corpus, first: int, last: int) -> None:
    """The labels of the documents ``first`` to ``last`` (new, numbered in a row) noted,
    and their blocks counted again: two statements a batch."""
    corpus.db.execute(
        "INSERT OR IGNORE INTO labelled_documents (label, doc_id) SELECT label, doc_id "
        "FROM spans WHERE doc_id BETWEEN ? AND ? AND origin != 'suggested' "
        "GROUP BY label, doc_id", [first, last])
    corpus.db.execute(
        "INSERT INTO label_blocks (label, block, labelled) "
        "SELECT label, doc_id >> 10, count(*) FROM labelled_documents "
        "WHERE label IN (SELECT DISTINCT label FROM spans WHERE doc_id BETWEEN ? AND ?) "
        "AND doc_id BETWEEN (? >> 10) << 10 AND ((? >> 10) << 10) + 1023 GROUP BY 1, 2 "
        "ON CONFLICT (label, block) DO UPDATE SET labelled = excluded.labelled",
        [first, last, first, last])


_INSERT_DOCUMENT_WITH_ID = INSERT_DOCUMENT.replace("(uid,", "(id, uid,").replace(
    "VALUES (?,", "VALUES (?, ?,")
