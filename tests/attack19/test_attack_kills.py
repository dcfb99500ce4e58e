"""`annotator train --background` killed at the stages the existing tests leave out: while
it measures the doubt of undone documents, and while it writes the new model."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import spacy

from annotator.model_files import model_dir
from tests.attack19.test_attack_model_folder import coded_corpus, run


def _files(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _background(corpus: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "annotator", "train", str(corpus),
                             "--background", "--epochs", "2", "--doubt-pool", "200"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def test_killed_while_measuring_doubt_or_writing_the_previous_model_stays(tmp_path: Path):
    """Held: the corpus byte for byte as it was, the previous model whole and loadable."""
    corpus = coded_corpus(tmp_path, coded=22, undone=200)
    assert run("train", corpus, "--epochs", "1", "--doubt-pool", "0").exit_code == 0
    folder = model_dir(corpus)
    before = _files(folder)
    digest = hashlib.sha256(corpus.read_bytes()).hexdigest()
    # While it reads the undone documents: killed at its first word of doubt.
    process = _background(corpus)
    assert process.stdout is not None
    for line in process.stdout:
        if "doubt" in json.loads(line):
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert _files(folder) == before
    # While it writes: killed as soon as its hidden folder beside the model appears.
    staging = [p for p in tmp_path.iterdir() if p.name.startswith(f".{folder.name}-")]
    process = _background(corpus)
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if [p for p in tmp_path.iterdir()
                if p.name.startswith(f".{folder.name}-") and p not in staging]:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.001)  # a poll, not a wait for an outcome: the folder lives ~0.1 s
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the training ended before it was killed"
    assert hashlib.sha256(corpus.read_bytes()).hexdigest() == digest
    assert _files(folder) == before
    assert spacy.load(folder).meta["annotator"]["documents"] == 22
