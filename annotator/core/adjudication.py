"""Adjudication: where coders' spans agree and disagree, and the gold result.

Spans from all coders are grouped where they overlap; a group in which every
coder has the same spans (offsets, label, attributes) is agreed, any other is
a disagreement for the adjudicator to settle. The settled spans are stored
under the coder ``gold``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.commands import PROVENANCE_ATTRS
from annotator.core.model import Span

GOLD = "gold"


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    versions: dict[str, tuple[Span, ...]]  # coder -> their spans in this stretch
    gold: tuple[Span, ...]

    @property
    def agreed(self) -> bool:
        shapes = {tuple(sorted(_shape(s) for s in spans)) for spans in self.versions.values()}
        return len(shapes) == 1

    def version_of(self, coder: str) -> tuple[Span, ...]:
        return self.versions.get(coder, ())


def _shape(span: Span) -> tuple[object, ...]:
    # Where an accepted suggestion came from is not something coders disagree on.
    return (span.start, span.end, span.label,
            tuple(sorted((k, str(v)) for k, v in span.attrs.items() if k not in PROVENANCE_ATTRS)))


def items(spans: Sequence[Span], coders: Sequence[str]) -> list[Item]:
    """Overlapping spans of ``coders`` grouped into stretches, in reading order."""
    mine = sorted((s for s in spans if s.coder in coders and s.origin != "suggested"),
                  key=lambda s: (s.start, s.end))
    gold = [s for s in spans if s.coder == GOLD]
    groups: list[list[Span]] = []
    end = -1
    for span in mine:
        if groups and span.start < end:
            groups[-1].append(span)
            end = max(end, span.end)
        else:
            groups.append([span])
            end = span.end
    found = []
    for group in groups:
        start, stop = min(s.start for s in group), max(s.end for s in group)
        versions = {coder: tuple(s for s in group if s.coder == coder) for coder in coders}
        found.append(Item(start, stop, versions,
                          tuple(g for g in gold if g.start < stop and start < g.end)))
    return found


def as_gold(spans: Sequence[Span]) -> list[Span]:
    """Copies of spans as the adjudicated (gold) coding."""
    return [dataclasses.replace(s, coder=GOLD, origin="manual",
                                uid=Span(start=s.start, end=s.end, label=s.label, text=s.text,
                                         coder=GOLD).uid)
            for s in spans]
