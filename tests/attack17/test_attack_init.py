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

import pytest

from tests.attack17.helpers import run

ATTEMPTS = 40


def _half_made(corpus: Path) -> bool:
    """Opens as a corpus, yet without ACLED's codebook."""
    result = run("schema", str(corpus))
    return result.exit_code == 0 and "dataset: acled" not in result.output


@pytest.mark.xfail(strict=True, reason="create_corpus makes and migrates the file, then "
                   "saves the dataset's schema in later transactions: a kill -9 between "
                   "them leaves a valid corpus with the default codebook, and init refuses "
                   "to redo it ('already exists'); seen in 8 of 30 kills")
def test_init_killed_never_leaves_a_valid_corpus_without_its_codebook(tmp_path: Path) -> None:
    for attempt in range(ATTEMPTS):
        corpus = tmp_path / f"c{attempt}.db"
        process = subprocess.Popen(
            [sys.executable, "-m", "annotator", "init", str(corpus), "--codebook", "acled"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Wait for the file to appear (the kill must land while init works on it), then a
        # little longer each attempt so the kill lands at different steps.
        while not corpus.exists() and process.poll() is None:
            time.sleep(0.0005)
        time.sleep(0.004 * (attempt % 12))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if _half_made(corpus):
            again = run("init", str(corpus), "--codebook", "acled")
            assert again.exit_code == 0, (
                f"attempt {attempt}: {corpus} opens without ACLED's codebook and init "
                f"refuses to make it again: {again.stderr.strip()}")
            assert not _half_made(corpus)
