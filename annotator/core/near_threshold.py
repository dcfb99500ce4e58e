"""The near-duplicate threshold: how alike two texts must be to be marked as copies.

Kept apart from the fingerprints (``near_duplicates``, which need NumPy) so that a
command naming the threshold in its help starts without them.
"""

from __future__ import annotations

DEFAULT_THRESHOLD = 0.8
MIN_THRESHOLD = 0.5

__all__ = ["DEFAULT_THRESHOLD", "MIN_THRESHOLD", "check_threshold"]


def check_threshold(value: float) -> float:
    """``value`` if a threshold can be met, else ValueError saying which can."""
    if not MIN_THRESHOLD <= value <= 1.0:
        raise ValueError(f"a near-duplicate threshold is between {MIN_THRESHOLD} and 1.0 "
                         f"(the share of five-word phrases two texts share), not {value}")
    return value
