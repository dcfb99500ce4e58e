"""A page of the list read within blocks of ids, for the filters that keep what has no
row: "to do" (storage/todo_blocks.py) and "without a label".

"Without a label" keeps the documents with no span of that label (suggestions aside):
no index leads to them, and asking each document in turn took 0.8 s for a first page
at a million documents that nearly all had the label. Each label's documents are
counted per block of ids (``label_blocks``, migration 0015, kept by triggers on spans
and documents), and the page is read only within the blocks not all labelled. With
both filters, only where both kinds of block leave room.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import reduce
from typing import TYPE_CHECKING

from annotator.core.search import DocumentFilter
from annotator.storage.label_count_sql import LABEL_COUNT_ON_INSERT, LABEL_COUNTING
from annotator.storage.search_sql import driven_ids, page_ids
from annotator.storage.todo_blocks import open_ranges, unfilled_ranges

if TYPE_CHECKING:
    from annotator.storage.connection import CorpusDatabase

Ranges = Iterator[tuple[int, int]]


def by_blocks(filters: DocumentFilter, coder: str) -> bool:
    """Whether a page is read within blocks: "to do" or "without a label" is asked, and
    no other filter's index leads (``search_sql.driven_ids``)."""
    return bool(filters.status == "todo" or filters.without_label) and driven_ids(
        filters, coder, 0, 1) is None


def block_page_ids(db: CorpusDatabase, filters: DocumentFilter, coder: str, after_id: int,
                   limit: int) -> list[int]:
    """The ids of a page after ``after_id``, every filter asked of each document within
    the ranges the blocks leave open."""
    walks: list[Ranges] = []
    if filters.status == "todo":
        walks.append(open_ranges(db, filters.coder or coder, after_id))
    if filters.without_label:
        walks.append(unlabelled_ranges(db, filters.without_label, after_id))
    found: list[int] = []
    for first, last in reduce(_both, walks):
        sql, params = page_ids(filters, coder, first - 1, limit - len(found), last)
        found += [row[0] for row in db.fetch_all(sql, params)]
        if len(found) >= limit:
            break
    return found


def unlabelled_ranges(db: CorpusDatabase, label: str, after_id: int) -> Ranges:
    """Ranges of ids (first, last), in order, after ``after_id``, outside which every
    document has ``label``."""
    return unfilled_ranges(db, "SELECT block, labelled FROM label_blocks WHERE label = ? "
                           "AND block >= ? AND labelled > 0 ORDER BY block", [label], after_id)


def _both(one: Ranges, other: Ranges) -> Ranges:
    """The ranges where both ``one`` and ``other`` leave room, in order."""
    a, b = next(one, None), next(other, None)
    while a is not None and b is not None:
        first, last = max(a[0], b[0]), min(a[1], b[1])
        if first <= last:
            yield first, last
        if a[1] < b[1]:
            a = next(one, None)
        else:
            b = next(other, None)


def set_aside_insert_counting(db: CorpusDatabase) -> list[str]:
    """Migration 0015's insert triggers dropped, in the caller's transaction (no other
    connection sees them gone; a rollback brings them back); the statements that make
    them again. For a bulk writer that counts what it wrote itself."""
    marks = ", ".join("?" * len(LABEL_COUNT_ON_INSERT))
    kept = [sql for (sql,) in db.execute(
        f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        list(LABEL_COUNT_ON_INSERT)).fetchall()]
    for name in LABEL_COUNT_ON_INSERT:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    return kept


def count_every_label(db: CorpusDatabase) -> None:
    """Every label's documents counted from the spans, into a corpus that has none
    counted yet (a copy made with the insert triggers set aside)."""
    for statement in LABEL_COUNTING:
        db.execute(statement)
