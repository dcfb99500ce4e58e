"""Training's memory as the coded documents grow, measured on real processes: measuring
the held-out fifth costs memory bounded by a batch, not growing with the documents."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# A process that trains one pass on ``count`` coded reports of 1.6 KB (held out or not).
TRAIN = """
import sys
from annotator.core.training import CodedText, train
count, hold = int(sys.argv[1]), sys.argv[2] == "hold"
report = "Fighters fired mortars at the camp near Gao on day {n}. Residents fled to Kidal. "
documents = []
for n in range(count):
    text = report.format(n=n) * 20
    spans, at = [], text.find("mortars")
    while at >= 0:
        spans.append((at, at + 7, "weapon"))
        at = text.find("mortars", at + 1)
    documents.append(CodedText(f"r{n}", text, tuple(spans)))
train(documents, epochs=1, seed=0, kind="ner", hold_out=hold)
"""


def _peak_kb(count: int, hold: str) -> int:
    child = subprocess.Popen([sys.executable, "-c", TRAIN, str(count), hold],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return usage.ru_maxrss


@pytest.mark.xfail(strict=True, reason="train() scores the held-out fifth with one "
                   "nlp.evaluate at spaCy's default batch size (1000): every held-out "
                   "document is parsed in one batch, so what measuring costs grows with the "
                   "documents (80 -> 320 reports of 1.6 KB: +55 -> +342 MB over training "
                   "alone; a 2 MB document held out took the peak to 7.1 GB)")
def test_measuring_the_held_out_share_costs_memory_bounded_by_a_batch():
    extra = {count: _peak_kb(count, "hold") - _peak_kb(count, "all")
             for count in (60, 240)}
    # Four times the documents: with the held-out share read in batches, about the
    # same extra memory; read all at once, four times it or more.
    assert extra[240] < 2.5 * max(extra[60], 20_000), extra
