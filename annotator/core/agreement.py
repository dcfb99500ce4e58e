"""Inter-coder agreement: span F1 (exact and overlap), relation F1 (over matched spans),
Cohen's kappa over tokens and over document labels, Krippendorff's alpha over the
attributes of matched spans.

Each figure is for a pair of coders over the documents both have coded. F1
treats one coder as reference; it is symmetric, so which one does not matter.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Relation, Span

OVERALL = "overall"
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class Counts:
    """Matches and span totals of the two coders, for one label or all."""

    exact: int = 0
    overlap: int = 0
    first: int = 0
    second: int = 0

    def f1(self, matched: int) -> float | None:
        total = self.first + self.second
        return None if total == 0 else 2 * matched / total

    def add(self, other: Counts) -> None:
        self.exact += other.exact
        self.overlap += other.overlap
        self.first += other.first
        self.second += other.second


@dataclass
class PairReport:
    coders: tuple[str, str]
    documents: int
    counts: dict[str, Counts]
    kappa: float | None
    alpha: dict[str, float | None]
    disagreement: list[tuple[str, float]] = field(default_factory=list)  # (doc uid, 1 - F1)
    # What was left out because the corpus holds it in a form agreement cannot use.
    skipped: list[str] = field(default_factory=list)
    # Relation F1 per relation label (and overall): "exact" where both ends' spans match
    # exactly, "overlap" where they overlap.
    relations: dict[str, Counts] = field(default_factory=dict)
    # Cohen's kappa per document attribute over the documents both coders labelled.
    doc_labels: dict[str, float | None] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "coders": list(self.coders), "documents": self.documents,
            "labels": {label: {"f1_exact": c.f1(c.exact), "f1_overlap": c.f1(c.overlap),
                               "spans": [c.first, c.second]}
                       for label, c in sorted(self.counts.items(),
                                              key=lambda kv: (kv[0] == OVERALL, kv[0]))},
            "cohen_kappa_tokens": self.kappa,
            "krippendorff_alpha": self.alpha,
            "documents_by_disagreement": [{"id": uid, "disagreement": round(d, 4)}
                                          for uid, d in self.disagreement],
            "skipped": list(self.skipped),
            "relations": {label: {"f1_exact": c.f1(c.exact), "f1_overlap": c.f1(c.overlap),
                                  "relations": [c.first, c.second]}
                          for label, c in sorted(self.relations.items(),
                                                 key=lambda kv: (kv[0] == OVERALL, kv[0]))},
            "cohen_kappa_document_labels": dict(sorted(self.doc_labels.items())),
        }


def match(first: Sequence[Span], second: Sequence[Span], *, exact: bool) -> list[tuple[Span, Span]]:
    """One-to-one pairs of same-label spans: identical offsets, or (not exact) overlapping,
    the largest overlaps paired first."""
    candidates = []
    for a in first:
        for b in second:
            if a.label != b.label:
                continue
            if exact:
                # A discontinuous span matches exactly only with the same pieces.
                if a.pieces == b.pieces:
                    candidates.append((0, a, b))
            elif a.start < b.end and b.start < a.end:
                shared = _shared(a, b)
                if shared:
                    candidates.append((-shared, a, b))
    candidates.sort(key=lambda c: (c[0], c[1].start, c[2].start))
    used_a: set[str] = set()
    used_b: set[str] = set()
    pairs = []
    for _rank, a, b in candidates:
        if a.uid not in used_a and b.uid not in used_b:
            used_a.add(a.uid)
            used_b.add(b.uid)
            pairs.append((a, b))
    return pairs


def _shared(a: Span, b: Span) -> int:
    """How many characters two spans both cover (pieces, not the gaps between them)."""
    return sum(max(0, min(x_end, y_end) - max(x_start, y_start))
               for x_start, x_end in a.pieces for y_start, y_end in b.pieces)


def relation_counts(first: Sequence[Relation], second: Sequence[Relation],
                    exact_pairs: Iterable[tuple[Span, Span]],
                    overlap_pairs: Iterable[tuple[Span, Span]]) -> dict[str, Counts]:
    """Matches of two coders' relations per label (and overall): a relation matches one of
    the other coder's with the same label whose head and tail are the spans its own head
    and tail were matched with (exactly, or by overlap)."""
    def matched(pairs: Iterable[tuple[Span, Span]], label: str) -> int:
        partner = {a.uid: b.uid for a, b in pairs}
        theirs = Counter((r.head, r.tail) for r in second if r.label == label)
        found = 0
        for relation in first:
            if relation.label != label:
                continue
            key = (partner.get(relation.head), partner.get(relation.tail))
            if theirs[key] > 0:
                theirs[key] -= 1
                found += 1
        return found

    exact_pairs, overlap_pairs = list(exact_pairs), list(overlap_pairs)
    counts: dict[str, Counts] = {}
    for label in sorted({r.label for r in (*first, *second)}):
        counts[label] = Counts(matched(exact_pairs, label), matched(overlap_pairs, label),
                               sum(r.label == label for r in first),
                               sum(r.label == label for r in second))
    overall = Counts()
    for found in counts.values():
        overall.add(found)
    counts[OVERALL] = overall
    return counts


def label_value(value: Any) -> str:
    """A document label's value as kappa compares it: several choices as one category."""
    if isinstance(value, list):
        return "|".join(sorted(map(str, value)))
    return str(value).lower() if isinstance(value, bool) else str(value)


def document_counts(first: Sequence[Span], second: Sequence[Span]) -> dict[str, Counts]:
    counts: dict[str, Counts] = {}
    for label in {s.label for s in (*first, *second)}:
        a = [s for s in first if s.label == label]
        b = [s for s in second if s.label == label]
        counts[label] = Counts(len(match(a, b, exact=True)), len(match(a, b, exact=False)),
                               len(a), len(b))
    overall = Counts()
    for found in counts.values():
        overall.add(found)
    counts[OVERALL] = overall
    return counts


def token_labels(text: str, spans: Sequence[Span]) -> list[str]:
    """Each word or punctuation token's label: the shortest span over it, or O."""
    labels = []
    ordered = sorted(spans, key=lambda s: s.end - s.start)
    for token in _TOKEN.finditer(text):
        covering = next((s for s in ordered if s.start <= token.start() and token.end() <= s.end),
                        None)
        labels.append(covering.label if covering else "O")
    return labels


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa of two codings of the same items; None when it is undefined."""
    if len(first) != len(second) or not first:
        return None
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    left, right = Counter(first), Counter(second)
    expected = sum(left[k] * right[k] for k in left) / (n * n)
    if expected == 1:
        return None  # both coders used one category throughout
    return (observed - expected) / (1 - expected)


def attribute_alpha(pairs: Iterable[tuple[Span, Span]], kinds: Mapping[str, str],
                    skipped: dict[str, int] | None = None) -> dict[str, float | None]:
    """Krippendorff's alpha per attribute over matched spans: nominal for choices and
    text, interval for numbers.

    A stored value alpha cannot use (text in a count, a huge or non-finite number, a
    list) counts as missing; ``skipped`` gets how many there were per attribute.
    """
    import krippendorff
    import numpy as np

    pairs = list(pairs)
    result: dict[str, float | None] = {}
    for name, kind in sorted(kinds.items()):
        interval = kind in ("integer", "number")
        rows = []
        for a, b in pairs:
            row = []
            for span in (a, b):
                raw = span.attrs.get(name)
                value = usable_value(raw, interval=interval)
                if value is None and raw is not None and skipped is not None:
                    skipped[name] = skipped.get(name, 0) + 1
                row.append(value)
            if row[0] is not None or row[1] is not None:
                rows.append(row)
        values = [v for row in rows for v in row if v is not None]
        if len(rows) < 2 or len(set(values)) < 2:
            result[name] = None  # too few units, or one value only: alpha is undefined
            continue
        if interval:
            data = np.array([[np.nan if v is None else v for v in column]
                             for column in zip(*rows, strict=True)], dtype=float)
        else:
            codes = {v: i for i, v in enumerate(sorted(set(values)))}
            data = np.array([[np.nan if v is None else codes[v] for v in column]
                             for column in zip(*rows, strict=True)], dtype=float)
        result[name] = float(krippendorff.alpha(reliability_data=data,
                                                level_of_measurement="interval" if interval
                                                else "nominal"))
    return result


def usable_value(value: Any, *, interval: bool) -> Any:
    """``value`` as alpha compares it (a finite float, or a string), or None."""
    if value is None or isinstance(value, dict | list):
        return None
    if not interval:
        return str(value)
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None
