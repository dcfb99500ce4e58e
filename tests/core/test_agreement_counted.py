"""Agreement's figures, computed from counts, against their plain definitions and the
``krippendorff`` package on random codings; and what the counting keeps."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from annotator.core.agreement import (
    AlphaTally,
    Tokens,
    attribute_alpha,
    cohen_kappa,
    kappa_of,
    match,
    token_labels,
)
from annotator.core.model import Span

# Words, punctuation, spaces of several kinds and letters outside ASCII: where a span
# cuts a word, a token is not inside it.
LETTERS = "ab_é1 .,;!\n-Ω漢\u00a0'"


def plain_token_labels(text: str, spans: list[Span]) -> list[str]:
    """The definition: each token's label is the shortest span over all of it's."""
    import re

    ordered = sorted(spans, key=lambda s: s.end - s.start)
    labels = []
    for token in re.finditer(r"\w+|[^\w\s]", text):
        covering = next((s for s in ordered if s.start <= token.start() and token.end() <= s.end),
                        None)
        labels.append(covering.label if covering else "O")
    return labels


def plain_match(first: list[Span], second: list[Span], exact: bool) -> list[tuple[str, str]]:
    """The definition: every same-label candidate, the largest overlap paired first."""
    candidates = []
    for a in first:
        for b in second:
            if a.label != b.label:
                continue
            if exact:
                if a.pieces == b.pieces:
                    candidates.append((0, a, b))
            else:
                shared = sum(max(0, min(x1, y1) - max(x0, y0))
                             for x0, x1 in a.pieces for y0, y1 in b.pieces)
                if shared:
                    candidates.append((-shared, a, b))
    candidates.sort(key=lambda c: (c[0], c[1].start, c[2].start))
    used: set[str] = set()
    pairs = []
    for _rank, a, b in candidates:
        if a.uid not in used and b.uid not in used:
            used |= {a.uid, b.uid}
            pairs.append((a.uid, b.uid))
    return pairs


def random_spans(rng: random.Random, text: str, coder: str) -> list[Span]:
    spans = []
    for _ in range(rng.randrange(0, 8)):
        start = rng.randrange(0, len(text))
        end = rng.randrange(start + 1, len(text) + 1)
        pieces: tuple[tuple[int, int], ...] = ()
        if end - start >= 4 and rng.random() < 0.2:
            middle = rng.randrange(start + 1, end - 2)
            pieces = ((start, middle), (middle + 1, end))
        spans.append(Span(start=start, end=end, label=rng.choice("AB"), text=text[start:end],
                          coder=coder, fragments=pieces))
    return spans


def test_tokens_and_matches_follow_their_definitions_on_random_codings() -> None:
    rng = random.Random(20)
    for _ in range(2000):
        text = "".join(rng.choice(LETTERS) for _ in range(rng.randrange(1, 60)))
        a, b = random_spans(rng, text, "a"), random_spans(rng, text, "b")
        left, right = plain_token_labels(text, a), plain_token_labels(text, b)
        assert token_labels(text, a) == left, (text, a)
        tokens = Tokens(text)
        assert tokens.count == len(left)
        assert tokens.pairs(a, b) == Counter(zip(left, right, strict=True))
        assert kappa_of(tokens.pairs(a, b)) == cohen_kappa(left, right)
        for exact in (True, False):
            assert [(x.uid, y.uid) for x, y in match(a, b, exact=exact)] == \
                plain_match(a, b, exact)


def unit(value: object, other: object, name: str = "n") -> tuple[Span, Span]:
    return (Span(start=0, end=1, label="casualty", text="x", coder="a",
                 attrs={} if value is None else {name: value}),
            Span(start=0, end=1, label="casualty", text="x", coder="b",
                 attrs={} if other is None else {name: other}))


def package_alpha(pairs: list[tuple[Span, Span]], name: str, interval: bool) -> float:
    """Alpha as the ``krippendorff`` package computes it from the units one by one."""
    krippendorff = pytest.importorskip("krippendorff")
    import numpy as np

    rows = [[span.attrs.get(name) for span in pair] for pair in pairs
            if any(name in span.attrs for span in pair)]
    values = sorted({v for row in rows for v in row if v is not None})
    code = {v: float(v) if interval else float(i) for i, v in enumerate(values)}
    data = np.array([[np.nan if v is None else code[v] for v in column]
                     for column in zip(*rows, strict=True)])
    return float(krippendorff.alpha(reliability_data=data,
                                     level_of_measurement="interval" if interval
                                     else "nominal"))


def test_alpha_is_the_krippendorff_packages_to_the_last_digit() -> None:
    rng = random.Random(7)
    compared = 0
    for _ in range(300):
        interval = rng.random() < 0.5
        choices = [1, 2, 3, 7.5, 40] if interval else ["killed", "injured", "abducted"]
        pairs = []
        for _ in range(rng.randrange(2, 60)):
            first = rng.choice([*choices, None])
            second = first if rng.random() < 0.7 else rng.choice([*choices, None])
            pairs.append(unit(first, second))
        kinds = {"n": "number" if interval else "choice"}
        both = [pair for pair in pairs if all("n" in span.attrs for span in pair)]
        values = {v for pair in both for v in (pair[0].attrs["n"], pair[1].attrs["n"])}
        if len(both) < 1 or len(values) < 2:
            continue
        assert attribute_alpha(pairs, kinds)["n"] == package_alpha(pairs, "n", interval)
        compared += 1
    assert compared > 200


def test_alpha_is_undefined_where_no_span_has_both_coders_values() -> None:
    # One coder counted, the other never did: there is nothing to agree on (the package
    # refuses such data outright).
    pairs = [unit(5, None), unit(12, None), unit(None, 3)]
    assert attribute_alpha(pairs, {"n": "integer"}) == {"n": None}
    krippendorff = pytest.importorskip("krippendorff")
    with pytest.raises(ValueError):
        krippendorff.alpha(reliability_data=[[5, 12, float("nan")], [float("nan")] * 2 + [3]])


def test_alpha_keeps_how_often_values_met_not_the_spans() -> None:
    pairs = [unit("killed", "killed"), unit("killed", "injured"), unit("injured", "injured"),
             unit("abducted", None)]
    once, often = AlphaTally({"n": "choice"}), AlphaTally({"n": "choice"})
    once.add(pairs)
    for _ in range(500):
        often.add(pairs)
    assert often.found["n"].units == 500 * once.found["n"].units
    # What is kept grows with the values met, not with the spans.
    assert often.found["n"].both == Counter({key: 500 * count
                                             for key, count in once.found["n"].both.items()})
    assert len(often.found["n"].both) == 3
    assert often.found["n"].values == {"killed", "injured", "abducted"}
