"""The corpus model's floor that README quotes: with CoNLL-2003's English development set
and the benchmark's seed, the model trained on 200 coded articles reaches at least
``learning.FLOOR`` F1 on the 16 held-out ones, and more than at 25.

Slow on purpose: it codes, trains and measures at k = 25 and k = 200 as the benchmark
does (``python -m annotator.bench --learning``), about a minute and a half on 2 cores.
"""

from __future__ import annotations

from pathlib import Path

from annotator.bench import learning
from tests.conftest import REAL_ANNOTATIONS, shared

CONLL_DEV = REAL_ANNOTATIONS / "nerpy" / "examples" / "data" / "conll03" / "dev.word.bioes.tsv"


def test_slow_the_model_of_200_coded_articles_keeps_the_readme_floor(tmp_path: Path) -> None:
    figures = learning.curve(shared(CONLL_DEV), tmp_path, steps=(25, 200))
    at_25, at_200 = figures["curve"]["25"], figures["curve"]["200"]
    assert figures["held_out_articles"] == 16 and figures["held_out_spans"] > 300
    assert at_200["f1"] >= learning.FLOOR, (at_200["f1"], learning.FLOOR)
    assert at_200["f1"] > at_25["f1"] + 0.1, (at_25["f1"], at_200["f1"])  # the curve rises
