"""`annotator train --background` killed at the stages the existing tests leave out: while
it measures the doubt of undone documents, and while it writes the new model."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
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
    # While it writes: killed as soon as it says it is writing. Whether the kill lands
    # before or after the swap is the machine's timing, not the test's: either way the
    # corpus is as it was and the model in place is one whole model, never a part.
    process = _background(corpus)
    assert process.stdout is not None
    for line in process.stdout:
        if json.loads(line).get("stage") == "writing":
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode in (-signal.SIGKILL, 0)
    assert hashlib.sha256(corpus.read_bytes()).hexdigest() == digest
    after = _files(folder)
    if after != before:  # the new model swapped in just before the kill: whole
        assert process.returncode == 0 or set(after) >= {Path("meta.json"),
                                                           Path("config.cfg")}
    assert spacy.load(folder).meta["annotator"]["documents"] == 22
