"""Inter-coder agreement: span F1 (exact and overlap), relation F1 (over matched spans),
Cohen's kappa over tokens and over document labels, Krippendorff's alpha over the
attributes of matched spans.

Each figure is for a pair of coders over the documents both have coded. F1
treats one coder as reference; it is symmetric, so which one does not matter.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Relation, Span

OVERALL = "overall"
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w")


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


Pairs = list[tuple[Span, Span]]


def match(first: Sequence[Span], second: Sequence[Span], *, exact: bool) -> Pairs:
    """One-to-one pairs of same-label spans: identical offsets, or (not exact) overlapping,
    the largest overlaps paired first."""
    return matches(first, second)[0 if exact else 1]


def matches(first: Sequence[Span], second: Sequence[Span]) -> tuple[Pairs, Pairs]:
    """``match`` exact and by overlap, from one pass over the spans."""
    # Only spans of one label are ever paired: each of ``first`` is compared with the
    # other coder's spans of its label, not with all of them.
    by_label: dict[str, list[tuple[int, Span]]] = {}
    for j, b in enumerate(second):
        by_label.setdefault(b.label, []).append((j, b))
    # (rank, a's start, b's start, a's place, b's place): sorted as tuples, pairs of equal
    # rank and starts keep the order they were met in.
    exact: list[tuple[int, int, int, int, int]] = []
    overlap: list[tuple[int, int, int, int, int]] = []
    for i, a in enumerate(first):
        for j, b in by_label.get(a.label, ()):
            if a.start < b.end and b.start < a.end:
                # A discontinuous span matches exactly only with the same pieces.
                if a.pieces == b.pieces:
                    exact.append((0, a.start, b.start, i, j))
                shared = (min(a.end, b.end) - max(a.start, b.start)
                          if not (a.fragments or b.fragments) else _shared(a, b))
                if shared:
                    overlap.append((-shared, a.start, b.start, i, j))
    return _paired(exact, first, second), _paired(overlap, first, second)


def _paired(candidates: list[tuple[int, int, int, int, int]], first: Sequence[Span],
            second: Sequence[Span]) -> Pairs:
    """The best candidates first, each span paired once."""
    candidates.sort()
    used_a: set[str] = set()
    used_b: set[str] = set()
    pairs = []
    for _rank, _a_start, _b_start, i, j in candidates:
        a, b = first[i], second[j]
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


def document_counts(first: Sequence[Span], second: Sequence[Span],
                    matched: tuple[Sequence[tuple[Span, Span]], Sequence[tuple[Span, Span]]]
                    | None = None) -> dict[str, Counts]:
    """Per label (and overall): the exact and overlapping matches and each coder's spans.
    ``matched``, when given, is ``match(first, second)`` exact and by overlap."""
    # Spans pair only within a label, so matching all spans at once pairs the same spans
    # as matching each label's apart: one matching each way serves every label.
    exact, overlap = matched or matches(first, second)
    counts: dict[str, Counts] = {}
    for label in {s.label for s in (*first, *second)}:
        counts[label] = Counts()
    for s in first:
        counts[s.label].first += 1
    for s in second:
        counts[s.label].second += 1
    for a, _b in exact:
        counts[a.label].exact += 1
    for a, _b in overlap:
        counts[a.label].overlap += 1
    overall = Counts()
    for found in counts.values():
        overall.add(found)
    counts[OVERALL] = overall
    return counts


def token_labels(text: str, spans: Sequence[Span]) -> list[str]:
    """Each word or punctuation token's label: the shortest span over it, or O."""
    tokens = Tokens(text)
    starts, ends = tokens.under(spans)
    found = tokens.labels(spans, starts, ends)
    by_start = {starts[index]: label for index, label in found.items()}
    return [by_start.get(token.start(), "O") for token in _TOKEN.finditer(text)]


class Tokens:
    """A text's word and punctuation tokens, as kappa counts them: how many there are,
    and which lie wholly inside a span. Only the stretches spans cover are read token by
    token; the rest are only counted."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.count = len(_TOKEN.findall(text))

    def under(self, spans: Iterable[Span]) -> tuple[list[int], list[int]]:
        """Where each token that lies wholly under one of ``spans`` starts, and ends (in
        order, so that a span's tokens are a run of them)."""
        text = self.text
        starts: list[int] = []
        ends: list[int] = []
        stretches: list[list[int]] = []
        for span in sorted(spans, key=lambda s: s.start):
            if stretches and span.start <= stretches[-1][1]:
                stretches[-1][1] = max(stretches[-1][1], span.end)
            else:
                stretches.append([span.start, span.end])
        for start, end in stretches:
            matches = list(_TOKEN.finditer(text, start, end))
            # Read from ``start`` to ``end`` alone, a word the stretch cuts looks whole: a
            # word that runs on past either end is not under it.
            if matches and end < len(text) and matches[-1].end() == end \
                    and _WORD.match(text, end) and _WORD.match(text, end - 1):
                matches.pop()
            if matches and start > 0 and matches[0].start() == start \
                    and _WORD.match(text, start - 1) and _WORD.match(text, start):
                matches.pop(0)
            for token in matches:
                starts.append(token.start())
                ends.append(token.end())
        return starts, ends

    @staticmethod
    def labels(spans: Sequence[Span], starts: list[int], ends: list[int]) -> dict[int, str]:
        """Token (its place in ``starts``) -> the label of the shortest span over the whole
        token (the first of equally short ones); tokens no span covers are left out (O)."""
        found: dict[int, str] = {}
        # Longest first, so that the shortest span over a token writes its label last.
        for span in reversed(sorted(spans, key=lambda s: s.end - s.start)):
            # Tokens lie in order without overlapping: those inside the span are a run.
            for index in range(bisect_left(starts, span.start), bisect_right(ends, span.end)):
                found[index] = span.label
        return found

    def pairs(self, first: Sequence[Span], second: Sequence[Span]) -> Counter[tuple[str, str]]:
        """How many tokens each pair of labels (first coder's, second's) was given."""
        starts, ends = self.under((*first, *second))
        left, right = self.labels(first, starts, ends), self.labels(second, starts, ends)
        covered = left.keys() | right.keys()
        counted = Counter((left.get(i, "O"), right.get(i, "O")) for i in covered)
        if self.count > len(covered):
            counted["O", "O"] += self.count - len(covered)
        return counted


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa of two codings of the same items; None when it is undefined."""
    if len(first) != len(second):
        return None
    return kappa_of(Counter(zip(first, second, strict=True)))


def kappa_of(pairs: Mapping[tuple[str, str], int]) -> float | None:
    """Cohen's kappa from how many items got each pair of categories (first coder's,
    second's); None when it is undefined."""
    n = sum(pairs.values())
    if not n:
        return None
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for (a, b), count in pairs.items():
        left[a] += count
        right[b] += count
    observed = sum(count for (a, b), count in pairs.items() if a == b) / n
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
    tally = AlphaTally(kinds)
    tally.add(pairs)
    if skipped is not None:
        for name, count in tally.skipped.items():
            skipped[name] = skipped.get(name, 0) + count
    return tally.alphas()


@dataclass
class _Units:
    """One attribute's matched spans as alpha needs them: how many have a value from
    either coder, every value met, and how often each two values were given together."""

    units: int = 0
    values: set[Any] = field(default_factory=set)
    both: Counter[tuple[Any, Any]] = field(default_factory=Counter)


class AlphaTally:
    """Krippendorff's alpha per attribute, added to a document's matched spans at a time.

    Alpha depends only on how often each two values were given to one unit, so that
    is all that is kept: memory grows with the values met, not with the spans.
    """

    def __init__(self, kinds: Mapping[str, str]) -> None:
        self.kinds = dict(kinds)
        self.found: dict[str, _Units] = {}
        self.skipped: dict[str, int] = {}

    def add(self, pairs: Iterable[tuple[Span, Span]]) -> None:
        kinds = self.kinds
        for a, b in pairs:
            for name in (a.attrs.keys() | b.attrs.keys()) & kinds.keys():
                interval = kinds[name] in ("integer", "number")
                row = []
                for span in (a, b):
                    raw = span.attrs.get(name)
                    value = usable_value(raw, interval=interval)
                    if value is None and raw is not None:
                        self.skipped[name] = self.skipped.get(name, 0) + 1
                    row.append(value)
                first, second = row
                if first is None and second is None:
                    continue
                units = self.found.setdefault(name, _Units())
                units.units += 1
                if first is None or second is None:
                    units.values.add(second if first is None else first)
                else:
                    units.values.update(row)
                    units.both[first, second] += 1

    def merge(self, later: AlphaTally) -> None:
        """Add what another tally (of other documents) counted."""
        for name, theirs in later.found.items():
            units = self.found.setdefault(name, _Units())
            units.units += theirs.units
            units.values |= theirs.values
            units.both.update(theirs.both)
        for name, count in later.skipped.items():
            self.skipped[name] = self.skipped.get(name, 0) + count

    def alphas(self) -> dict[str, float | None]:
        return {name: self._alpha(self.found.get(name, _Units()),
                                  kind in ("integer", "number"))
                for name, kind in sorted(self.kinds.items())}

    @staticmethod
    def _alpha(units: _Units, interval: bool) -> float | None:
        """Alpha as the ``krippendorff`` package computes it (the same arithmetic on the
        same matrices, so the same figure), from the coincidences of values."""
        import numpy as np

        if units.units < 2 or len(units.values) < 2:
            return None  # too few units, or one value only: alpha is undefined
        domain = sorted(units.values)
        index = {value: i for i, value in enumerate(domain)}
        # A unit with one value pairs with nothing; one with two adds a coincidence
        # each way (two on the diagonal where the coders agree).
        o = np.zeros((len(domain), len(domain)), dtype=np.float64)
        for (first, second), count in units.both.items():
            o[index[first], index[second]] += count
            o[index[second], index[first]] += count
        if not o.any():
            return None  # no unit has both coders' values
        n_v = o.sum(axis=0)
        e = np.divide(np.outer(n_v, n_v) - np.diagflat(n_v), n_v.sum() - 1, dtype=np.float64)
        values = np.array(domain if interval else range(len(domain)), dtype=np.float64)
        d = ((values[:, np.newaxis] - values[np.newaxis, :]) ** 2 if interval
             else (values[:, np.newaxis] != values[np.newaxis, :]).astype(np.float64))
        expected = (e * d).sum()
        if expected == 0:
            return None  # the values both coders gave are all one: alpha is undefined
        return float(1 - (o * d).sum() / expected)


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
