"""The casualty-count reader against the phrasings wire reports use."""

from __future__ import annotations

import pytest

from annotator.core.casualties import outcome_in, parse_casualty

# phrase -> (low, best, high, qualifier)
CASES = [
    ("At least five US personnel", (5, 5, None, "at least")),
    ("as many as seven military personnel and civilians", (None, None, 7, "at most")),
    ("2,500 people", (2500, 2500, 2500, "exact")),
    ("a dozen soldiers", (12, 12, 12, "exact")),
    ("dozens of civilians", (12, 12, None, "vague")),
    ("hundreds of people", (100, 100, None, "vague")),
    ("thousands", (1000, 1000, None, "vague")),
    ("more than 100 people", (100, 100, None, "more than")),
    ("nearly 40 villagers", (None, 40, 40, "approx")),
    ("two soldiers", (2, 2, 2, "exact")),
    ("Two Iraqi soldiers", (2, 2, 2, "exact")),
    ("three others", (3, 3, 3, "exact")),
    ("one of the Americans", (1, 1, 1, "exact")),
    ("a soldier", (1, 1, 1, "exact")),
    ("an aid worker", (1, 1, 1, "exact")),
    ("twenty-five fighters", (25, 25, 25, "exact")),
    ("one hundred and twenty people", (120, 120, 120, "exact")),
    ("a hundred protesters", (100, 100, 100, "exact")),
    ("two thousand three hundred civilians", (2300, 2300, 2300, "exact")),
    ("four thousand", (4000, 4000, 4000, "exact")),
    ("half a dozen policemen", (6, 6, 6, "exact")),
    ("two dozen", (24, 24, 24, "exact")),
    ("at least 28 civilians", (28, 28, None, "at least")),
    ("no fewer than 15 people", (15, 15, None, "at least")),
    ("up to 30 people", (None, None, 30, "at most")),
    ("about 20 people", (None, 20, None, "approx")),
    ("around 300 migrants", (None, 300, None, "approx")),
    ("some 50 fighters", (None, 50, None, "approx")),
    ("an estimated 1,200 civilians", (None, 1200, None, "approx")),
    ("approximately seventy", (None, 70, None, "approx")),
    ("almost 60 people", (None, 60, 60, "approx")),
    ("over 200 civilians", (200, 200, None, "more than")),
    ("more than a dozen", (12, 12, None, "more than")),
    ("between 10 and 15 soldiers", (10, 10, 15, "approx")),
    ("between ten and fifteen soldiers", (10, 10, 15, "approx")),
    ("10 to 15 people", (10, 10, 15, "approx")),
    ("20-30 civilians", (20, 20, 30, "approx")),
    ("several civilians", (3, 3, None, "vague")),
    ("a few soldiers", (3, 3, None, "vague")),
    ("scores of people", (20, 20, None, "vague")),
    ("a couple of guards", (2, 2, 2, "exact")),
    ("12 people", (12, 12, 12, "exact")),
    ("1,234,567 people", (1234567, 1234567, 1234567, "exact")),
    ("eleven children", (11, 11, 11, "exact")),
    ("ninety-nine", (99, 99, 99, "exact")),
    ("less than 10 people", (None, None, 10, "at most")),
    ("in excess of 400", (400, 400, None, "more than")),
]


@pytest.mark.parametrize(("phrase", "expected"), CASES, ids=[c[0] for c in CASES])
def test_counts(phrase: str, expected: tuple) -> None:
    found = parse_casualty(phrase)
    assert (found.count_low, found.count_best, found.count_high, found.qualifier) == expected


def test_there_are_at_least_forty_phrasings() -> None:
    assert len(CASES) >= 40


def test_no_number_gives_no_counts() -> None:
    found = parse_casualty("the victims")
    assert (found.count_low, found.count_best, found.count_high, found.qualifier) == (
        None, None, None, None)


@pytest.mark.parametrize(("sentence", "span", "outcome"), [
    ("At least five US personnel were injured in an attack.", "At least five US personnel",
     "injured"),
    ("Two Iraqi soldiers were killed and three others wounded.", "Two Iraqi soldiers", "killed"),
    ("Two Iraqi soldiers were killed and three others wounded.", "three others", "injured"),
    ("Seven military personnel and civilians were hurt.", "Seven military personnel", "injured"),
    ("The attack left 12 people dead.", "12 people", "killed"),
    ("Four aid workers died in the blast.", "Four aid workers", "killed"),
    ("Gunmen abducted 30 students.", "30 students", "abducted"),
    ("Twenty people were killed or injured.", "Twenty people", "killed or injured"),
    ("Five people were at the market.", "Five people", None),
])
def test_outcome_from_the_sentence(sentence: str, span: str, outcome: str | None) -> None:
    assert outcome_in(sentence, span) == outcome
    assert parse_casualty(span, sentence).outcome == outcome


def test_attrs_hold_only_what_was_found() -> None:
    found = parse_casualty("as many as seven", "as many as seven were hurt")
    assert found.attrs() == {"outcome": "injured", "count_high": 7, "qualifier": "at most"}


SEED = ("At least five US personnel were injured in an attack against a military base in Iraq, "
        "US officials have said, amid rising tensions following last week\u2019s killing of "
        "senior members of Hamas and Hezbollah.")


@pytest.mark.parametrize(("sentence", "span", "outcome"), [
    # The word inside the span says it, whatever follows in the sentence.
    (SEED, "At least five US personnel were injured", "injured"),
    (SEED, "At least five US personnel", "injured"),
    ("Five wounded civilians were taken to hospital after the blast killed two.",
     "Five wounded civilians", "injured"),
    # A word in another clause reports someone else.
    ("Five people were at the market, amid anger following the killing of a leader.",
     "Five people", None),
    ("Two soldiers, the army said, were killed.", "Two soldiers", "killed"),
    ("Three guards were abducted; two others were killed.", "Three guards", "abducted"),
])
def test_outcome_stays_within_the_span_and_its_clause(sentence: str, span: str,
                                                     outcome: str | None) -> None:
    assert outcome_in(sentence, span) == outcome
