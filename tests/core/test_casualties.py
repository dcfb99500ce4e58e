"""The casualty-count reader against the phrasings wire reports use."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.core.casualties import outcome_in, parse_casualty, prefilled, sentence_around
from annotator.core.default_codebook import default_schema
from annotator.core.schema import MAX_WHOLE
from tests.timing import growth

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


@pytest.mark.parametrize(("sentence", "span", "outcome"), [
    # The verb that governs the span says it, whichever side it stands on.
    ("Gunmen killed 12 worshippers and kidnapped several others.", "12 worshippers", "killed"),
    ("Gunmen killed 12 worshippers and kidnapped several others.", "several others",
     "abducted"),
    ("The blast killed one person and wounded five others.", "five others", "injured"),
    ("Rebels fired rockets, killing 35 and wounding 20 more.", "35", "killed"),
    ("Security forces shot dead eight people, and injured many more.", "eight people",
     "killed"),
    ("The raid resulted in the wounding of 27 peacekeepers and the death of 1 peacekeeper.",
     "1 peacekeeper", "killed"),
    ("Among the dead were eight security officers.", "eight security officers", "killed"),
    ("Officials say the toll stands at 19 dead and more than 50 wounded.", "more than 50",
     "injured"),
    ("The number of casualties now stands at 30,729, including 9,333 people killed.",
     "30,729", "killed or injured"),
    # An aside after the span still speaks of it.
    ("About 12, who were attending prayers, were caught in the gunfire and killed.",
     "About 12", "killed"),
    ("He wished a recovery to the two peacekeepers, who were wounded in the attack.",
     "the two peacekeepers", "injured"),
    ("The gunman — named by police as a local man, 26 — was killed by deputies.",
     "The gunman", "killed"),
    # Wounds that were not the end of it.
    ("Two soldiers were gravely wounded and died later.", "Two soldiers", "killed"),
    ("The attack injured 10 people, one of whom later succumbed to his injuries.",
     "one of whom", "killed"),
    ("The tally of fatally wounded Americans rose to 14.", "14", "killed"),
    ("Four militants blew themselves up as troops closed in.", "Four militants", "killed"),
    # Lives claimed, both outcomes in one count, people missing or held.
    ("The conflict has claimed more than 70,000 lives.", "more than 70,000 lives", "killed"),
    ("Clashes claimed the lives of 19 people and 12 were injured.", "19 people", "killed"),
    ("Dozens were killed and wounded in the market.", "Dozens", "killed or injured"),
    ("Two people are still missing after the strike.", "Two people", "unknown"),
    ("Some are still held captive, including nearly 100 girls.", "nearly 100 girls",
     "abducted"),
])
def test_outcome_of_the_span_from_the_verb_that_governs_it(sentence: str, span: str,
                                                           outcome: str) -> None:
    assert outcome_in(sentence, span) == outcome


@pytest.mark.parametrize(("sentence", "span", "expected"), [
    # None at all is a count: zero, exactly.
    ("No one was hurt.", "No one", (0, 0, 0, "exact")),
    ("None of the 20 passengers were hurt.", "None of the 20 passengers", (0, 0, 0, "exact")),
    ("There were no civilian casualties.", "no civilian casualties", (0, 0, 0, "exact")),
    # One more, and people named one by one.
    ("One assailant was killed and another injured.", "another", (1, 1, 1, "exact")),
    ("Another four people were wounded.", "Another four people", (4, 4, 4, "exact")),
    ("A Jordanian and a Senegalese peacekeeper were killed.",
     "A Jordanian and a Senegalese peacekeeper", (2, 2, 2, "exact")),
    ("A security agent and hunter were wounded.", "A security agent and hunter",
     (2, 2, 2, "exact")),
    ("A woman and her children were hurt.", "A woman and her children",
     (None, None, None, "vague")),
    # A qualifier just before a span marked without it.
    ("The shelling killed at least 44 villagers.", "44 villagers", (44, 44, None, "at least")),
    ("The raid killed nearly 70 civilians.", "70 civilians", (None, 70, 70, "approx")),
    ("A death toll surpassing one hundred soldiers.", "one hundred soldiers",
     (100, 100, None, "more than")),
    ("CNN reported a toll as high as 200 people.", "as high as 200 people",
     (None, None, 200, "at most")),
    # A quantity with no number: vague, and the count is the coder's.
    ("Security forces injured many more.", "many more", (None, None, None, "vague")),
    ("Militants claimed heavy casualties among the troops.", "heavy casualties",
     (None, None, None, "vague")),
    ("The fighters overran the base, killing number of soldiers.", "number of soldiers",
     (None, None, None, "vague")),
])
def test_counts_read_in_their_sentence(sentence: str, span: str, expected: tuple) -> None:
    found = parse_casualty(span, sentence)
    assert (found.count_low, found.count_best, found.count_high, found.qualifier) == expected


def test_a_count_is_read_digit_by_digit_up_to_what_the_codebook_holds() -> None:
    largest = str(MAX_WHOLE)
    assert parse_casualty(f"{largest} people").count_best == MAX_WHOLE
    assert parse_casualty("12,345,678,901,234 people").count_best == 12_345_678_901_234
    # one more than a count holds, or more digits than a float holds exactly: left out
    for numeral in (str(MAX_WHOLE + 1), "1" * 20, "1" + "0" * 400, "9" * 5000,
                    "hundred " * 30 + "people", "a dozen " + "dozen " * 20 + "men"):
        reading = parse_casualty(numeral, f"{numeral} were killed")
        assert (reading.count_low, reading.count_best, reading.count_high) == (None,) * 3
        assert reading.outcome == "killed"
    assert parse_casualty(f"between 5 and {'1' * 30} people").count_high is None


def test_tagging_a_span_in_a_text_with_no_full_stop_reads_its_own_clause() -> None:
    text = "Shelling went on all week, " * 400 + "and three soldiers were wounded " + \
        "while the talks went on " * 400
    start = text.index("three soldiers")
    attrs = prefilled(default_schema().label("casualty"), text, start,
                      start + len("three soldiers"))
    assert attrs["outcome"] == "injured" and attrs["count_best"] == 3
    sentence = sentence_around(text, start, start + len("three soldiers"))
    assert "three soldiers were wounded" in sentence and len(sentence) < 2500




def _every_phrase(n: int) -> None:
    """What `annotator suggest` does: read each casualty phrase of a text with no full
    stop in its sentence."""
    text = "5 people were killed and " * n
    for at in range(0, len(text), len("5 people were killed and ")):
        parse_casualty(text[at:at + 8], sentence_around(text, at, at + 8))


@pytest.mark.parametrize(("name", "work", "small"), [
    ("every phrase of a text with no full stop", _every_phrase, 500),
    ("a span of 'between'", lambda n: parse_casualty("between " * n + "5"), 8000),
    ("a span of '1,'", lambda n: parse_casualty("1," * n + "1 people"), 16000),
    ("a span of 'a'", lambda n: parse_casualty("a " * n + "soldier"), 16000),
    ("a span of 'hundred'", lambda n: parse_casualty("a " + "hundred " * n), 8000),
    ("a sentence of asides", lambda n: parse_casualty(
        "two men", "two men, who " + "— who ( which " * n + "were killed"), 4000),
    ("a sentence of qualifiers", lambda n: parse_casualty(
        "5 people", "at least " * n + "5 people were hurt"), 8000),
], ids=lambda value: value if isinstance(value, str) else "")
def test_reading_time_grows_no_faster_than_the_text(name: str, work: Callable[[int], object],
                                                     small: int) -> None:
    assert growth(work, small) < 9, name
