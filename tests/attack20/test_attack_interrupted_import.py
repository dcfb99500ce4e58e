"""Ctrl-C at the terminal during `annotator import` of a JSON Lines file: the terminal
sends SIGINT to the whole foreground group, the importing process and the worker
processes it spawned alike. The import hangs instead of ending (seen: the process
waiting for ever, a thread blocked writing to a worker's pipe)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from concurrent.futures import Future
from pathlib import Path

import pytest

from annotator.core import article_pool
from annotator.formats.importing import IN_FLIGHT
from annotator.storage.corpus import Corpus
from tests.attack20.test_attack_killed_import import LINES, _write, batches_sent, reporting_import


def test_ctrl_c_ends_the_import_and_keeps_whole_documents(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    _write(source)
    corpus = tmp_path / "c.sqlite"
    # A group of its own, as at a terminal.
    process = reporting_import(corpus, source, start_new_session=True)
    try:
        batches_sent(process, IN_FLIGHT + 1)  # the workers run and two batches are stored
        os.killpg(process.pid, signal.SIGINT)
        try:
            _out, err = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("the import still runs a minute after Ctrl-C")
        assert process.returncode != 0
        assert b"Traceback" not in err, err.decode(errors="replace")[-2000:]
        with Corpus.open(corpus) as opened:
            db = opened.db
            [(documents,)] = db.execute("SELECT count(*) FROM documents").fetchall()
            assert 0 < documents <= LINES
            assert db.execute("SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM "
                              "spans s WHERE s.doc_id = d.id) != 2").fetchone()[0] == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=60)


def test_a_share_interrupted_in_its_worker_is_done_here() -> None:
    shares: list[Future[list[str]]] = [Future(), Future()]
    joined = article_pool._joined(shares, lambda index: [f"again {index}"])
    shares[0].set_result(["first"])
    # What a worker sends back when SIGINT reaches it mid-share; should it escape the
    # done-callback, it does so here as it does in the executor's thread.
    with contextlib.suppress(KeyboardInterrupt):
        shares[1].set_exception(KeyboardInterrupt())
    assert joined.done(), "the batch's future is never done: the import waits for ever"
    assert joined.result() == ["first", "again 1"]
