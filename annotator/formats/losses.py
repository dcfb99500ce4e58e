"""What an export could not carry: counted per kind, with one example each.

No export drops anything in silence: every writer reports here, the CLI and
the window print the report, and ``--strict`` turns any loss into an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class LossReport:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, example: str, count: int = 1) -> None:
        self.counts[kind] += count
        self.examples.setdefault(kind, example)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def lines(self) -> list[str]:
        return [f"{count} × {kind} (e.g. {self.examples[kind]})"
                for kind, count in self.counts.most_common()]


def describe(doc_uid: str, text: str, start: int, end: int, label: str) -> str:
    """A span as a loss example: where it is and what it says."""
    shown = text[start:end]
    if len(shown) > 40:
        shown = shown[:39] + "…"
    return f"{label} {shown!r} at {start}-{end} in document {doc_uid}"
