"""Carrying a first copy's spans, attacked: a long document and its reprint (a report
imported twice), whose alignment the window waits for."""

from __future__ import annotations

import random
import time

from annotator.core.carry_spans import carry
from annotator.core.model import Span

_RNG = random.Random(3)
# Words as often as a language has them (Zipf): a few very common, most rare.
_VOCABULARY = [f"w{n}" for n in range(5000)]
_WORDS = _RNG.choices(_VOCABULARY, [1 / (n + 1) for n in range(5000)], k=6000)


def _carry_time(count: int, runs: int) -> float:
    words = _WORDS[:count]
    first = " ".join(words)
    # The reprint: one word in fifty changed, as an outlet's copy-editing does.
    copy = " ".join(w + ("x" if i % 50 == 7 else "") for i, w in enumerate(words))
    at = first.index(" w0 ", len(first) // 2) + 1
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        placed = carry(first, copy, [Span(at, at + 2, "actor", "w0", "ana", doc_id=1)])
        best = min(best, time.perf_counter() - started)
        assert len(placed.spans) == 1
    return best


def test_carrying_to_a_long_copy_grows_with_its_length_not_its_cube():
    small, large = _carry_time(3000, 2), _carry_time(6000, 1)
    # Twice the words: at most about twice (or, aligning word pairs, four times) the work.
    assert large / small < 5.5, f"3,000 words {small:.2f} s, 6,000 words {large:.2f} s"
