"""The "to do" list read within blocks of ids (storage/todo_blocks.py): hostile ids and
rows another program left must list what asking each document lists, in bounded time."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.search import DocumentFilter
from annotator.storage.bulk_rows import add_rows, rows_of
from annotator.storage.corpus import Corpus

TO_DO = DocumentFilter(status="todo")


def _corpus(path: Path, count: int) -> None:
    with Corpus.open(path) as corpus:
        rows = [rows_of(DocumentRecord(text=f"Report {n}: rebels fled the market.",
                                       uid=f"r{n}")) for n in range(count)]
        assert add_rows(corpus, [r for r in rows if r is not None]) is not None


_LIST = """
import sys
from annotator.core.search import DocumentFilter
from annotator.storage.corpus import Corpus
with Corpus.open(sys.argv[1]) as corpus:
    print([row.id for row in corpus.page("ana", filters=DocumentFilter(status="todo"))])
"""


def test_a_far_id_lists_to_do_at_once(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    _corpus(path, 3)
    far = 2 ** 40
    with sqlite3.connect(path) as con:  # a row numbered by another program
        con.execute("INSERT INTO documents (id, uid, title, text, sha256, imported_at) "
                    "SELECT ?, 'far', title, text, sha256, imported_at FROM documents "
                    "WHERE id = 1", [far])
    con.close()
    try:
        done = subprocess.run([sys.executable, "-c", _LIST, str(path)], capture_output=True,
                              text=True, timeout=30, cwd=Path(__file__).parents[2])
    except subprocess.TimeoutExpired:
        pytest.fail("a 'to do' page of four documents took over 30 seconds")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"[1, 2, 3, {far}]"


def test_a_document_deleted_by_another_program_leaves_the_rest_to_do(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    _corpus(path, 3)
    with Corpus.open(path) as corpus:
        corpus.set_status(1, "ana", "done")
        corpus.set_status(2, "ana", "done")
    with sqlite3.connect(path) as con:  # the sqlite3 shell: no cascade to doc_status
        con.execute("DELETE FROM documents WHERE id = 2")
    con.close()
    with Corpus.open(path) as corpus:
        assert [row.id for row in corpus.page("ana", filters=TO_DO)] == [3]


def test_a_status_replaced_by_another_program_leaves_the_rest_to_do(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    _corpus(path, 3)
    with Corpus.open(path) as corpus:
        corpus.set_status(1, "ana", "done")
    with sqlite3.connect(path) as con:  # a script of the team's, or the sqlite3 shell
        for _ in range(2):
            con.execute("INSERT OR REPLACE INTO doc_status VALUES (1, 'ana', 'done', '')")
    con.close()
    with Corpus.open(path) as corpus:
        assert [row.id for row in corpus.page("ana", filters=TO_DO)] == [2, 3]
