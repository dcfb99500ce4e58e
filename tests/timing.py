"""How a piece of work's time grows with its input, measured in the run itself: a ratio,
never a time, so a loaded machine slows both sides alike."""

from __future__ import annotations

import time
from collections.abc import Callable


def growth(work: Callable[[int], object], small: int, runs: int = 2) -> float:
    """How many times longer ``work(4 * small)`` takes than ``work(small)``: 4 if the
    time grows with the input, 16 if with its square (the best of ``runs`` runs each)."""
    def seconds(size: int) -> float:
        best = float("inf")
        for _ in range(runs):
            started = time.perf_counter()
            work(size)
            best = min(best, time.perf_counter() - started)
        return best
    return seconds(4 * small) / max(seconds(small), 1e-3)
