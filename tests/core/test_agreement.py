"""Agreement figures against a hand-computed example and independent implementations."""

from __future__ import annotations

import random

import pytest

from annotator.core.agreement import (
    OVERALL,
    attribute_alpha,
    cohen_kappa,
    document_counts,
    token_labels,
)
from annotator.core.model import Span

TEXT = "Rebels attacked Gao and Kidal; two soldiers died."


def span(phrase: str, label: str, coder: str, **attrs: object) -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), label=label, text=phrase, coder=coder,
                attrs=attrs)


ALICE = [span("Rebels", "actor", "alice"), span("Gao", "location", "alice"),
         span("Kidal", "location", "alice"), span("two soldiers", "casualty", "alice")]
BOB = [span("Rebels", "actor", "bob"), span("Gao", "location", "bob"),
       span("Kidal;", "location", "bob")]


def test_f1_by_hand() -> None:
    counts = document_counts(ALICE, BOB)
    assert counts["actor"].f1(counts["actor"].exact) == 1.0
    assert counts["location"].f1(counts["location"].exact) == 0.5  # 2·1 / (2 + 2)
    assert counts["location"].f1(counts["location"].overlap) == 1.0
    assert counts["casualty"].f1(counts["casualty"].overlap) == 0.0
    overall = counts[OVERALL]
    assert overall.f1(overall.exact) == pytest.approx(4 / 7)
    assert overall.f1(overall.overlap) == pytest.approx(6 / 7)


def test_kappa_by_hand() -> None:
    a, b = token_labels(TEXT, ALICE), token_labels(TEXT, BOB)
    assert a == ["actor", "O", "location", "O", "location", "O", "casualty", "casualty", "O", "O"]
    assert b == ["actor", "O", "location", "O", "location", "location", "O", "O", "O", "O"]
    # observed 7/10; expected (1·1 + 5·6 + 2·3 + 2·0) / 100 = 0.37
    assert cohen_kappa(a, b) == pytest.approx((0.7 - 0.37) / (1 - 0.37))


def test_kappa_matches_scikit_learn_on_random_codings() -> None:
    from sklearn.metrics import cohen_kappa_score

    rng = random.Random(11)
    for _ in range(25):
        size = rng.randrange(5, 200)
        a = [rng.choice("OABC") for _ in range(size)]
        b = [x if rng.random() < 0.6 else rng.choice("OABC") for x in a]
        if len(set(a) | set(b)) > 1:
            assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))


def test_alpha_by_hand() -> None:
    outcomes = [("killed", "killed"), ("injured", "killed"), ("injured", "injured"),
                ("killed", "killed")]
    pairs = [(Span(start=0, end=1, label="casualty", text="R", coder="a", attrs={"outcome": x}),
              Span(start=0, end=1, label="casualty", text="R", coder="b", attrs={"outcome": y}))
             for x, y in outcomes]
    # Do = 2/8; De = 2·5·3 / (8·7); alpha = 1 − Do/De
    expected = 1 - (2 / 8) / (30 / 56)
    assert attribute_alpha(pairs, {"outcome": "choice"})["outcome"] == pytest.approx(expected)


def test_alpha_for_counts_is_interval_and_undefined_without_variation() -> None:
    pairs = [(Span(start=0, end=1, label="casualty", text="R", coder="a",
                   attrs={"count_best": x, "outcome": "killed"}),
              Span(start=0, end=1, label="casualty", text="R", coder="b",
                   attrs={"count_best": y, "outcome": "killed"}))
             for x, y in ((5, 5), (10, 12), (100, 100), (2, 3))]
    found = attribute_alpha(pairs, {"count_best": "integer", "outcome": "choice"})
    assert 0.9 < found["count_best"] <= 1.0
    assert found["outcome"] is None  # one value everywhere: alpha is undefined


def test_exact_f1_matches_a_set_computation_on_random_spans() -> None:
    rng = random.Random(5)
    text = "x" * 200
    for _ in range(30):
        def spans(coder: str) -> list[Span]:
            chosen = {(s, s + rng.randrange(1, 8), rng.choice("AB"))
                      for s in rng.sample(range(0, 190), rng.randrange(0, 15))}
            return [Span(start=a, end=b, label=c, text=text[a:b], coder=coder)
                    for a, b, c in chosen]

        first, second = spans("a"), spans("b")
        counts = document_counts(first, second)[OVERALL]
        left = {(s.start, s.end, s.label) for s in first}
        right = {(s.start, s.end, s.label) for s in second}
        expected = 2 * len(left & right) / (len(left) + len(right)) if left or right else None
        assert counts.f1(counts.exact) == expected
