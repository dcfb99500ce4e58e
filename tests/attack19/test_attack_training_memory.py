"""Training's memory as the coded documents grow, measured on real processes: the peak
grows with the coded text, not with the held-out share read all at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.attack19.test_attack_model_folder import run

REPORT = "Fighters fired mortars at the camp near Gao on day {n}. Residents fled to Kidal. "


def _corpus(folder: Path, count: int) -> tuple[Path, int]:
    """``count`` coded reports of 1.6 KB each; the corpus and the bytes of its text."""
    folder.mkdir()
    source = folder / "reports.jsonl"
    size = 0
    with source.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = REPORT.format(n=n) * 20
            size += len(text)
            spans = []
            at = text.find("mortars")
            while at >= 0:
                spans.append({"start": at, "end": at + 7, "label": "weapon", "coder": "alice"})
                at = text.find("mortars", at + 1)
            out.write(json.dumps({"id": f"r{n}", "text": text, "spans": spans,
                                  "statuses": {"alice": "done"}}) + "\n")
    corpus = folder / "c.sqlite"
    assert run("import", corpus, source).exit_code == 0
    return corpus, size


def _peak_kb(corpus: Path) -> int:
    """The peak resident memory of `annotator train` on ``corpus`` (one pass), in KB."""
    child = subprocess.Popen([sys.executable, "-m", "annotator", "train", str(corpus),
                              "--epochs", "1", "--doubt-pool", "0"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, child.stderr.read() if child.stderr else ""
    return usage.ru_maxrss


@pytest.mark.xfail(strict=True, reason="train() scores the held-out fifth with "
                   "nlp.evaluate at spaCy's default batch size (1000): every held-out "
                   "document is parsed in one batch, so the peak grows ~900 bytes per byte "
                   "of coded text (80 -> 320 reports of 1.6 KB: 227 -> 557 MB; with batches "
                   "of 16, 209 MB)")
def test_training_memory_grows_with_the_text_not_the_held_out_batch(tmp_path: Path):
    small, small_text = _corpus(tmp_path / "small", 60)
    large, large_text = _corpus(tmp_path / "large", 240)
    grown = (_peak_kb(large) - _peak_kb(small)) * 1024
    # spaCy's own training loop takes about 100 bytes per byte of text; 250 is room.
    assert grown < 250 * (large_text - small_text), (grown, large_text - small_text)
