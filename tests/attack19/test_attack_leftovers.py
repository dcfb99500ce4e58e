"""Half-written models a killed training leaves beside the corpus, attacked through the
corpus's name: the next training clears them whatever the name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.model_files import OWNER_FILE, model_dir
from tests.attack19.test_attack_model_folder import coded_corpus, run


def _dead_pid() -> int:
    """The id of a process that has ended (a training killed part-way)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("name", ["plain", "ACLED [2024]"])  # brackets: held since 4956b9a
def test_a_killed_trainings_leftover_is_cleared_next_time(tmp_path: Path, name: str):
    corpus = coded_corpus(tmp_path)
    corpus = corpus.rename(corpus.with_name(f"{name}.sqlite"))
    out = model_dir(corpus)
    # What a training killed while writing leaves: its hidden folder, a whole model in it.
    leftover = out.with_name(f".{out.name}-k1ll3d")
    (leftover / "model").mkdir(parents=True)
    (leftover / "model" / "big.bin").write_bytes(b"\0" * 1_000_000)
    (leftover / OWNER_FILE).write_text(str(_dead_pid()), encoding="utf-8")
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0")
    assert result.exit_code == 0, result.output
    assert (out / "meta.json").is_file()
    assert not leftover.exists()
