"""A file's band keys kept in runs, newest first, as a log-structured merge tree keeps
them (migration 0014).

A document's band keys are random numbers. Written straight into ``near_bands``, each
comparison of an import (some 64,000 keys) touched pages all over its index, and its
commit wrote them again: at a million documents, a third of its 280 MB index for
every 2,000 documents. New keys go to a small table instead, whose pages stay few; when
it passes ``MERGE_AT`` rows it is merged, in key order, into the next run, whose index is
then written from one end to the other, once. A key's documents are read from every run.

A server keeps its keys in ``near_bands`` alone: its own storage manages its writes.
"""

from __future__ import annotations

import json
from itertools import pairwise
from typing import TYPE_CHECKING

from annotator.storage.migrations import NEAR_BAND_RUN_TABLES

if TYPE_CHECKING:
    import numpy as np

    from annotator.storage.connection import CorpusDatabase

# Newest first: a run is merged into the next when it holds MERGE_AT rows.
RUNS = (*NEAR_BAND_RUN_TABLES, "near_bands")
# About 8,000 documents' keys in the first run (32 a document), whose pages every
# comparison's commit writes again; sixteen times that in the second, written again at
# each merge of the first: each run a fixed multiple of the one before, as the tree wants.
MERGE_AT = {"near_bands_new": 256_000, "near_bands_recent": 4_096_000}


def add(db: CorpusDatabase, keys: list[int], docs: list[int]) -> None:
    """Store (key, document) rows in the newest run, in the caller's transaction, and
    merge the runs that are full."""
    db.executemany(f"INSERT INTO {runs(db)[0]} (key, doc_id) VALUES (?, ?)",
                   zip(keys, docs, strict=True))
    if db.dialect == "sqlite":
        merge_full(db)


def merge_full(db: CorpusDatabase) -> None:
    """Merge each run past its MERGE_AT rows into the next, in key order."""
    for run, into in pairwise(RUNS):
        if _rows(db, run) < MERGE_AT[run]:
            return
        merge(db, run, into)


def merge(db: CorpusDatabase, run: str, into: str) -> None:
    # OR IGNORE: a row in two runs (stored by hand) is kept once, not refused.
    db.execute(f"INSERT OR IGNORE INTO {into} (key, doc_id) "
               f"SELECT key, doc_id FROM {run} ORDER BY key, doc_id")
    db.execute(f"DELETE FROM {run}")


def runs(db: CorpusDatabase) -> tuple[str, ...]:
    """The tables a corpus keeps its band keys in, newest first."""
    return RUNS if db.dialect == "sqlite" else ("near_bands",)


def forget_all(db: CorpusDatabase) -> None:
    for run in runs(db):
        db.execute(f"DELETE FROM {run}")


def stored_under(db: CorpusDatabase, keys: np.ndarray) -> tuple[str | None, str | None]:
    """The stored rows under ``keys`` (sorted, distinct), from every run: each row's key
    as its place in ``keys`` and its document, as two comma-separated texts (read by
    NumPy: as Python tuples, tens of thousands a batch took three times as long)."""
    each = " UNION ALL ".join(f"SELECT w.place, n.doc_id FROM wanted w "
                              f"JOIN {run} n ON n.key = w.key" for run in RUNS)
    return db.fetch_one(
        "WITH wanted (place, key) AS MATERIALIZED (SELECT key, value FROM json_each(?)) "
        f"SELECT group_concat(place), group_concat(doc_id) FROM ({each})",
        [json.dumps(keys.tolist())])


def _rows(db: CorpusDatabase, run: str) -> int:
    return int(db.fetch_one(f"SELECT count(*) FROM {run}")[0])
