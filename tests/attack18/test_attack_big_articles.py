"""Hostile texts through fingerprinting, in real processes: one very long article (the
memory a fingerprint takes) and one too long for the memory a worker process has (an
exception in the pool)."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.storage.test_near_duplicates import WIRE


def _numbers(count: int) -> str:
    """A text of ``count`` distinct words (a table of figures, a log pasted whole)."""
    return " ".join(str(n) for n in range(count))


# Runs one import in this process and says its peak memory (kilobytes) on the last line.
_MEASURED = """
import resource, sys
from annotator.cli import cli
try:
    cli.main(sys.argv[1:], prog_name="annotator", standalone_mode=False)
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_one_long_article_imports_within_a_gigabyte(tmp_path: Path):
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"id": "long", "text": _numbers(1_500_000)}) + "\n",
                      encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _MEASURED, "import",
                           str(tmp_path / "c.sqlite"), str(source)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout
    peak_mb = int(done.stdout.splitlines()[-1]) // 1024
    # The budget for finding duplicates in 100,000 articles.
    assert peak_mb < 1024, f"importing one {source.stat().st_size // 2**20} MB article " \
                           f"took {peak_mb} MB"


def _limited() -> None:
    # A gigabyte of address space: a container's limit, `ulimit -v` on a shared server.
    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def test_a_worker_out_of_memory_neither_hangs_the_import_nor_loses_the_batch(tmp_path: Path):
    source = tmp_path / "batch.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(299):  # enough for the batch to go to the worker processes
            out.write(json.dumps({"id": f"a{n}", "text": f"Story {n}. "
                                  + WIRE.replace("Sunday", f"day {n}")}) + "\n")
        out.write(json.dumps({"id": "table", "text": _numbers(1_000_000)}) + "\n")
    corpus = tmp_path / "c.sqlite"
    process = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(corpus),
                                str(source)], cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, preexec_fn=_limited,
                               start_new_session=True)
    try:
        out, err = process.communicate(timeout=45)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the import and its worker processes
        out, err = process.communicate()
        pytest.fail(f"the import still ran after 45 s; it said: {err[-600:]}")
    assert "Traceback" not in err, err
    # The 299 ordinary articles are stored, whatever becomes of the table.
    assert "299 added" in out or "300 added" in out, out + err


def test_an_article_too_long_to_fingerprint_gives_a_message_not_a_traceback(tmp_path: Path):
    source = tmp_path / "table.jsonl"
    source.write_text(json.dumps({"id": "table", "text": _numbers(1_000_000)}) + "\n",
                      encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "annotator", "import",
                           str(tmp_path / "c.sqlite"), str(source)], cwd=REPO,
                          capture_output=True, text=True, timeout=120, preexec_fn=_limited)
    assert "Traceback" not in done.stderr, done.stderr[-800:]
    assert "1 added" in done.stdout or (done.returncode != 0 and "table.jsonl" in done.stderr)
