"""How often each suggestion source was accepted so far.

A suggestion is accepted (a span of origin ``accepted`` keeping its source in
``attrs["suggested_by"]``), rejected (a row of ``rejections`` naming its source), or
still pending (a span of origin ``suggested``). Rejections stored before the corpus
kept their source (migration 0010) name none: they are left out of every count, not
guessed at, so a rate speaks only of decisions whose source is known.

Counted by the database in two grouped queries, each through an index: the accepted
and pending spans through ``spans_suggested_by``, which holds each one's source (never
the coders' own spans, and no span's JSON read again), the rejections through
``rejections_source``.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.storage.corpus import Corpus
from annotator.storage.migrations import SUGGESTED_BY

# The source of a suggestion as each backend's index spans_suggested_by holds it (read
# from the index, not from each span's JSON): in a file an expression over attrs, on a
# server a column it computes; NULL where attrs are not JSON (a row changed by hand).
_SOURCE_OF_SPAN = {"sqlite": SUGGESTED_BY, "postgresql": "suggested_by"}


@dataclass(frozen=True)
class SourceRate:
    source: str
    accepted: int
    rejected: int
    pending: int

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected

    @property
    def rate(self) -> float | None:
        """The share of decided suggestions accepted; None while none was decided."""
        return self.accepted / self.decided if self.decided else None


def acceptance_by_source(corpus: Corpus, coder: str | None = None) -> list[SourceRate]:
    """Each source's accepted, rejected and pending suggestions (of ``coder``, or
    everyone's), the most decided first; sources seen only in rejections without a
    source (older rows) are not counted."""
    counts: dict[str, list[int]] = {}
    spans_sql = (f"SELECT {_SOURCE_OF_SPAN[corpus.db.dialect]} AS source, origin, count(*) "
                 "FROM spans WHERE origin IN ('accepted', 'suggested')")
    params: list[object] = []
    if coder is not None:
        spans_sql += " AND coder = ?"
        params.append(coder)
    for source, origin, count in corpus.db.fetch_all(
            spans_sql + " GROUP BY 1, origin", params):
        if source is not None:
            counts.setdefault(str(source), [0, 0, 0])[0 if origin == "accepted" else 2] += count
    rejected_sql = "SELECT source, count(*) FROM rejections WHERE source IS NOT NULL"
    if coder is not None:
        rejected_sql += " AND coder = ?"
    for source, count in corpus.db.fetch_all(rejected_sql + " GROUP BY source", params):
        counts.setdefault(str(source), [0, 0, 0])[1] += count
    rates = [SourceRate(source, *numbers) for source, numbers in counts.items()]
    return sorted(rates, key=lambda r: (-r.decided, -r.pending, r.source))


def decided(rates: list[SourceRate]) -> list[SourceRate]:
    """The sources with at least one suggestion accepted or rejected."""
    return [rate for rate in rates if rate.decided]
