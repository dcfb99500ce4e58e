"""Relation F1 and document-label kappa: by hand, and against independent computations."""

from __future__ import annotations

import random

from annotator.core.agreement import (
    OVERALL,
    cohen_kappa,
    document_counts,
    label_value,
    match,
    relation_counts,
)
from annotator.core.model import Relation, Span

TEXT = "Rebels attacked Gao and Kidal; two soldiers died in Kidal."


def span(phrase: str, label: str, coder: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return Span(start, start + len(phrase), label, phrase, coder, uid=f"{coder}-{phrase}-{nth}")


def figures(first: list[Span], second: list[Span], a: list[Relation], b: list[Relation]):
    return relation_counts(a, b, match(first, second, exact=True),
                           match(first, second, exact=False))


def test_relation_f1_by_hand() -> None:
    alice = [span("Rebels", "actor", "alice"), span("Gao", "location", "alice"),
             span("two soldiers", "casualty", "alice"), span("Kidal", "location", "alice", 1)]
    bob = [span("Rebels", "actor", "bob"), span("Gao", "location", "bob"),
           span("two soldiers died", "casualty", "bob"), span("Kidal", "location", "bob", 1)]
    a = [Relation("alice-Rebels-0", "alice-Gao-0", "attacked", "alice"),
         Relation("alice-two soldiers-0", "alice-Kidal-1", "located in", "alice")]
    b = [Relation("bob-Rebels-0", "bob-Gao-0", "attacked", "bob"),
         Relation("bob-two soldiers died-0", "bob-Kidal-1", "located in", "bob"),
         Relation("bob-Rebels-0", "bob-Kidal-1", "attacked", "bob")]
    counts = figures(alice, bob, a, b)
    # attacked: 1 of alice's 1 matches one of bob's 2, exactly and by overlap.
    assert (counts["attacked"].exact, counts["attacked"].overlap) == (1, 1)
    assert counts["attacked"].f1(1) == 2 * 1 / 3
    # located in: its head differs in extent, so it matches by overlap only.
    assert (counts["located in"].exact, counts["located in"].overlap) == (0, 1)
    assert counts[OVERALL].f1(counts[OVERALL].exact) == 2 * 1 / 5
    assert counts[OVERALL].f1(counts[OVERALL].overlap) == 2 * 2 / 5


def test_a_relation_in_the_other_direction_or_of_another_type_does_not_match() -> None:
    alice = [span("Rebels", "actor", "alice"), span("Gao", "location", "alice")]
    bob = [span("Rebels", "actor", "bob"), span("Gao", "location", "bob")]
    a = [Relation("alice-Rebels-0", "alice-Gao-0", "attacked", "alice")]
    for other in (Relation("bob-Gao-0", "bob-Rebels-0", "attacked", "bob"),
                  Relation("bob-Rebels-0", "bob-Gao-0", "located in", "bob")):
        assert figures(alice, bob, a, [other])[OVERALL].exact == 0


def test_relation_f1_matches_a_set_computation_on_random_codings() -> None:
    """With both coders' spans at the same places, a relation matches exactly when its
    (head place, tail place, label) is in the other coder's set."""
    rng = random.Random(11)
    text = "x" * 120
    places = [(s, s + 3) for s in range(0, 120, 6)]
    for _ in range(40):
        chosen = rng.sample(places, rng.randrange(2, 12))

        def spans(coder: str, chosen: list[tuple[int, int]] = chosen) -> list[Span]:
            return [Span(a, b, "actor", text[a:b], coder, uid=f"{coder}{a}") for a, b in chosen]

        left, right = ({(rng.choice(chosen)[0], rng.choice(chosen)[0], rng.choice("PQ"))
                        for _ in range(rng.randrange(0, 10))} for _coder in "ab")
        a = [Relation(f"a{h}", f"a{t}", label, "a") for h, t, label in left]
        b = [Relation(f"b{h}", f"b{t}", label, "b") for h, t, label in right]
        counts = figures(spans("a"), spans("b"), a, b)[OVERALL]
        expected = 2 * len(left & right) / (len(left) + len(right)) if left or right else None
        assert counts.f1(counts.exact) == expected
        assert counts.exact == counts.overlap


def test_a_discontinuous_span_matches_exactly_only_with_the_same_pieces() -> None:
    start = TEXT.index("Gao and Kidal")
    end = start + len("Gao and Kidal")
    pieces = ((start, start + 3), (end - 5, end))
    split = Span(start, end, "location", TEXT[start:end], "alice", fragments=pieces)
    whole = Span(start, end, "location", TEXT[start:end], "bob")
    same = Span(start, end, "location", TEXT[start:end], "bob", fragments=pieces)
    assert document_counts([split], [whole])["location"].exact == 0
    assert document_counts([split], [whole])["location"].overlap == 1
    assert document_counts([split], [same])["location"].exact == 1
    # Overlapping only in the gap is no overlap at all.
    gap = Span(start + 4, start + 7, "location", TEXT[start + 4:start + 7], "bob")
    assert document_counts([split], [gap])["location"].overlap == 0


def test_document_label_values_are_categories_kappa_can_compare() -> None:
    assert label_value(["b", "a"]) == label_value(["a", "b"]) == "a|b"
    assert label_value(True) == "true"
    first = [label_value(v) for v in (True, True, False, ["attack"], "(not set)")]
    second = [label_value(v) for v in (True, False, False, ["attack"], "(not set)")]
    from sklearn.metrics import cohen_kappa_score

    assert abs(cohen_kappa(first, second) - cohen_kappa_score(first, second)) < 1e-12
