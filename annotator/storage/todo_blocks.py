"""Where a coder's "to do" documents can be: the blocks of ids not all settled.

"To do" keeps the documents a coder has no settled status for (done, in progress,
skipped): what has no row, so no index leads to it, and a list of it asked each
document in turn. A coder with most of a million documents done waited 2.3 s for the
first page of what was left. Each coder's settled documents are counted per block of
``BLOCK`` ids (``status_blocks``, migration 0013, kept by triggers on ``doc_status``),
and a "to do" page is read only within the blocks that are not all settled.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.storage.connection import CorpusDatabase

BLOCK_BITS = 10  # as migrations 0013's and 0015's triggers number the blocks: id >> 10
BLOCK = 1 << BLOCK_BITS


def open_ranges(db: CorpusDatabase, coder: str, after_id: int) -> Iterator[tuple[int, int]]:
    """Ranges of ids (first, last), in order, after ``after_id``, outside which every
    document is settled for ``coder``: between the blocks all settled."""
    return unfilled_ranges(db, "SELECT block, settled FROM status_blocks WHERE coder = ? "
                           "AND block >= ? AND settled > 0 ORDER BY block", [coder], after_id)


def unfilled_ranges(db: CorpusDatabase, counted_sql: str, params: list[Any],
                    after_id: int) -> Iterator[tuple[int, int]]:
    """Ranges of ids (first, last), in order, after ``after_id``, between the blocks whose
    every document is counted: ``counted_sql`` reads (block, count) from a first block
    (its last parameter) on, in block order, only blocks with a count. Read as they are
    asked for: a page stops once it is full."""
    [(highest,)] = db.fetch_all("SELECT max(id) FROM documents")
    if highest is None or highest <= after_id:
        return
    counted = db.fetch_all(counted_sql, [*params, (after_id + 1) >> BLOCK_BITS])
    first_block, cursor = (after_id + 1) >> BLOCK_BITS, after_id + 1
    # Only blocks with a counted document can be skipped: ids far apart (another
    # program's) leave no empty block to walk through.
    for block, count in counted:
        if block < first_block or not _all_counted(db, block, count):
            continue
        start = block << BLOCK_BITS
        if cursor < start:
            yield cursor, start - 1
        cursor = max(cursor, (block + 1) << BLOCK_BITS)
    if cursor <= highest:
        yield cursor, highest


def _all_counted(db: CorpusDatabase, block: int, count: int) -> bool:
    if not count:
        return False
    if count >= BLOCK:  # every id the block can hold
        return True
    # Ids a block lacks (documents removed, numbered by another program) are counted.
    [(documents,)] = db.fetch_all("SELECT count(*) FROM documents WHERE id BETWEEN ? AND ?",
                                  [block << BLOCK_BITS, ((block + 1) << BLOCK_BITS) - 1])
    return count >= documents
