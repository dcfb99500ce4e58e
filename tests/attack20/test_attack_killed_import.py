"""An import of JSON Lines killed with SIGKILL: the importing process mid-way, or one of
the worker processes it spawned to read the lines: the workers end with the import, whole
documents only, nothing lost or doubled."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.formats.importing import IN_FLIGHT
from annotator.storage.corpus import Corpus

LINES = 8000
WORDS = ["army", "rebels", "Gao", "Kidal", "attack", "village", "killed", "said", "police"]


def _write(path: Path, lines: int = LINES) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number in range(lines):
            text = f"Report {number}: " + " ".join(WORDS[(number * 7 + k) % len(WORDS)]
                                                    for k in range(150))
            spans = [{"start": 0, "end": 6, "label": "report", "coder": "ana"},
                     {"start": 8, "end": 8 + len(str(number)), "label": "number", "coder": "ana"}]
            out.write(json.dumps({"id": f"d{number}", "text": text, "spans": spans,
                                  "statuses": {"ana": "done"}}) + "\n")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# `annotator import` as a user runs it, saying each batch it has sent on standard output:
# once one is said, all but the IN_FLIGHT - 1 before it are stored, and once the first is,
# the worker processes are started. The tests wait for what it says.
REPORTING_IMPORT = """
import sys
from annotator.formats import importing

real = importing.import_paths

def reporting(*args, progress=None, **kwargs):
    def said(done, total):
        print("progress", done, total, flush=True)
        if progress:
            progress(done, total)
    return real(*args, progress=said, **kwargs)

importing.import_paths = reporting
from annotator.cli import main
sys.argv = ["annotator", *sys.argv[1:]]
main()
"""


def reporting_import(corpus: Path, source: Path, **popen: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", REPORTING_IMPORT, "import", str(corpus),
                             str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            **popen)  # type: ignore[call-overload]


def batches_sent(process: subprocess.Popen[bytes], count: int) -> None:
    """Returns once the import has said it sent ``count`` batches."""
    assert process.stdout is not None
    seen = 0
    while seen < count:
        line = process.stdout.readline()
        assert line, f"the import ended after {seen} batches: {process.stderr.read()[-2000:]!r}"
        seen += line.startswith(b"progress")


def ended(pid: int, seconds: float) -> bool:
    """Whether process ``pid`` (not a child of this one) ends within ``seconds``: the
    kernel says so through a pidfd."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        readable, _, _ = select.select([handle], [], [], seconds)
        return bool(readable) or not _alive(pid)
    finally:
        os.close(handle)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    _write(path)
    return path


def _stored(corpus: Path) -> int:
    if not corpus.exists():
        return 0
    with Corpus.open(corpus) as opened:
        return int(opened.db.execute("SELECT count(*) FROM documents").fetchone()[0])


def _start(corpus: Path, source: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    process = reporting_import(corpus, source)
    batches_sent(process, 1)  # the worker processes are started by the first batch
    workers = [pid for pid in _children(process.pid)
               if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    assert workers, "the import never started its worker processes"
    return process, workers


@pytest.fixture
def reaped() -> Iterator[list[int]]:
    """Processes the test started indirectly, ended by their ids should they outlive it."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def test_workers_of_a_killed_import_end_with_it(tmp_path: Path, source: Path,
                                                 reaped: list[int]) -> None:
    process, workers = _start(tmp_path / "c.sqlite", source)
    reaped += workers + [pid for pid in _children(process.pid) if pid not in workers]
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert all(ended(pid, 30) for pid in workers), (
        f"worker processes {workers} still running after their import was killed")


def test_a_killed_import_leaves_whole_documents_only(tmp_path: Path, source: Path,
                                                     reaped: list[int]) -> None:
    """Held: every document stored has its two spans, its status and its history line."""
    corpus = tmp_path / "c.sqlite"
    process, workers = _start(corpus, source)
    reaped += workers + _children(process.pid)

    # Once a batch is sent, all but IN_FLIGHT - 1 of those before it are stored.
    batches_sent(process, IN_FLIGHT + 1)  # two batches of 500 stored
    assert _stored(corpus) > 500
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    with Corpus.open(corpus) as opened:
        db = opened.db
        [(documents,)] = db.execute("SELECT count(*) FROM documents").fetchall()
        assert 500 < documents < LINES
        assert db.execute("SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM "
                          "spans s WHERE s.doc_id = d.id) != 2").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM spans s WHERE NOT EXISTS (SELECT 1 FROM "
                          "documents d WHERE d.id = s.doc_id)").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM doc_status").fetchone()[0] == documents
        # Search finds every stored document and no other: the import indexes a batch
        # itself, in the batch's transaction, and its note saying so went with it.
        assert db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH "
                          "'report'").fetchone()[0] == documents
        assert db.execute("SELECT count(*) FROM search_index_deferred").fetchone()[0] == 0
    # The import run again adds what was left, and only that.
    again = subprocess.run([sys.executable, "-m", "annotator", "import", str(corpus),
                            str(source)], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{LINES - documents} added, {documents} skipped as duplicates" in again.stdout
    with Corpus.open(corpus) as opened:  # the fingerprints the kill left unwritten, made
        assert opened.db.execute("SELECT count(*) FROM near_fingerprints").fetchone() == (LINES,)


def test_a_killed_worker_loses_and_doubles_nothing(tmp_path: Path, source: Path,
                                                   reaped: list[int]) -> None:
    """Held: its share is read again here; every line stored once."""
    corpus = tmp_path / "c.sqlite"
    process, workers = _start(corpus, source)
    reaped += workers
    os.kill(workers[0], signal.SIGKILL)
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    assert f"{LINES} added".encode() in out
    with Corpus.open(corpus) as opened:
        assert opened.db.execute("SELECT count(*), count(DISTINCT uid) FROM documents"
                                 ).fetchone() == (LINES, LINES)
        assert opened.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 2 * LINES
