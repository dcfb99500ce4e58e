"""Training's memory as the coded documents grow, measured on real processes: measuring
the held-out fifth costs memory bounded by a batch, not growing with the documents."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").is_file(),
                                reason="the peak memory is read from /proc (Linux)")

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
# The peak of this program's own memory (not of the one that started it, which
# getrusage would count: a child's peak includes its parent's before exec).
with open("/proc/self/status", encoding="ascii") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def _peak_kb(count: int, hold: str) -> int:
    done = subprocess.run([sys.executable, "-c", TRAIN, str(count), hold], check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return int(done.stdout.split()[-1])


def test_measuring_the_held_out_share_costs_memory_bounded_by_a_batch():
    """Held since 19dfbfa (before it: +24 MB at 60 reports, +167 MB at 240; a 2 MB
    document held out took training to 7.1 GB)."""
    extra = {count: _peak_kb(count, "hold") - _peak_kb(count, "all")
             for count in (60, 240)}
    # Four times the documents: with the held-out share read in batches, about the
    # same extra memory; read all at once, four times it or more.
    assert extra[240] < 2.5 * max(extra[60], 20_000), extra
