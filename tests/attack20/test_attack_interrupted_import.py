"""Ctrl-C at the terminal during `annotator import` of a JSON Lines file: the terminal
sends SIGINT to the whole foreground group, the importing process and the worker
processes it spawned alike. The import hangs instead of ending (seen: the process
waiting for ever, a thread blocked writing to a worker's pipe)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.storage.corpus import Corpus
from tests.attack20.test_attack_killed_import import LINES, _children, _until, _write


@pytest.mark.xfail(strict=True, reason="after Ctrl-C (SIGINT to the group) the import of a "
                   "JSON Lines file read in worker processes never ends")
def test_ctrl_c_ends_the_import_and_keeps_whole_documents(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    _write(source)
    corpus = tmp_path / "c.sqlite"
    process = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(corpus),
                                str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)  # a group of its own, as at a terminal
    try:
        def stored() -> bool:
            if not corpus.exists():
                return False
            with Corpus.open(corpus) as opened:
                return opened.db.execute("SELECT count(*) FROM documents").fetchone()[0] > 0

        assert _until(lambda: any(b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
                                  for pid in _children(process.pid)), 60)
        assert _until(stored, 120)
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
