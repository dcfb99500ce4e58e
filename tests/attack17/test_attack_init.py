"""`annotator init CORPUS --codebook NAME` killed part way: no corpus is left that opens as
a valid corpus but lacks the codebook asked for (init then refuses to make it again, so a
coder would code ACLED's events in annotator's own codebook)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.attack17.helpers import run

ATTEMPTS = 24


def _init(corpus: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "init", str(corpus), "--codebook", "acled"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_init_killed_never_leaves_a_valid_corpus_without_its_codebook(tmp_path: Path) -> None:
    # How long one whole init takes here: the kills are spread over it.
    started = time.monotonic()
    assert _init(tmp_path / "whole.db").wait(120) == 0
    whole = time.monotonic() - started
    killed = 0
    for attempt in range(ATTEMPTS):
        corpus = tmp_path / f"c{attempt}.db"
        process = _init(corpus)
        try:  # the process's own end, or the moment to kill it, whichever comes first
            process.wait(timeout=whole * attempt / ATTEMPTS)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
        if corpus.exists():
            shown = run("schema", str(corpus))
            assert shown.exit_code == 0 and "dataset: acled" in shown.output, (
                f"attempt {attempt}: {corpus} is there without ACLED's codebook")
        else:  # killed before it was whole: nothing there, and init makes it now
            assert run("init", str(corpus), "--codebook", "acled").exit_code == 0
    assert killed >= ATTEMPTS // 2  # most kills landed while init was at work
    # What a killed init left half made beside its corpus, the next init of it removed.
    assert not [p.name for p in tmp_path.iterdir() if ".partial" in p.name]
