"""An event's date from the text, relative to the article's date (Tuesday 2024-08-06)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.core.event_dates import DAY, MONTH, WEEK, DateReading, date_for_event, dates_in
from tests.timing import growth

TUESDAY = "2024-08-06"


@pytest.mark.parametrize(("text", "date", "precision", "evidence"), [
    ("Rockets were fired on Monday.", "2024-08-05", DAY, "on Monday"),
    ("Rockets were fired on Tuesday.", "2024-08-06", DAY, "on Tuesday"),
    ("Rockets were fired last Tuesday.", "2024-07-30", DAY, "last Tuesday"),
    ("Clashes on Saturday left two dead.", "2024-08-03", DAY, "on Saturday"),
    ("The base was hit yesterday.", "2024-08-05", DAY, "yesterday"),
    ("The base was hit today.", "2024-08-06", DAY, "today"),
    ("Fighting last week killed dozens.", "2024-07-29", WEEK, "last week"),
    ("Strikes in October displaced thousands.", "2023-10-01", MONTH, "in October"),
    ("Strikes in July displaced thousands.", "2024-07-01", MONTH, "in July"),
    ("The attack on 5 August killed two.", "2024-08-05", DAY, "5 August"),
    ("The attack on August 5th killed two.", "2024-08-05", DAY, "August 5th"),
    ("The attack on 12 December killed two.", "2023-12-12", DAY, "12 December"),
    ("The attack on 3 March 2022 killed two.", "2022-03-03", DAY, "3 March 2022"),
    ("Reported 2024-07-31 by officials.", "2024-07-31", DAY, "2024-07-31"),
    ("Clashes in April 2011 killed dozens.", "2011-04-01", MONTH, "in April 2011"),
    ("Fighting last month killed dozens.", "2024-07-01", MONTH, "last month"),
    ("The town fell earlier this month.", "2024-08-01", MONTH, "this month"),
    ("The town fell last August.", "2023-08-01", MONTH, "last August"),
    ("Protests over the weekend turned violent.", "2024-08-03", WEEK, "over the weekend"),
    ("Clashes between Saturday and Monday left two dead.", "2024-08-03", WEEK,
     "between Saturday and Monday"),
])
def test_a_date_is_read_relative_to_the_articles(text: str, date: str, precision: int,
                                                  evidence: str) -> None:
    [reading] = dates_in(text, TUESDAY)
    assert (reading.date, reading.precision, reading.evidence) == (date, precision, evidence)
    assert text[reading.start:reading.end] == evidence  # where it came from, for the coder


def test_without_the_articles_date_only_whole_dates_are_read() -> None:
    found = dates_in("On Monday, and on 3 March 2022, and on 5 August.", None)
    assert [(r.date, r.evidence) for r in found] == [("2022-03-03", "3 March 2022")]


def test_no_date_that_is_not_one() -> None:
    assert dates_in("On 31 February 2024 nothing happened; may peace last.", TUESDAY) == []


def _for(sentence: str, words: str, published: str = TUESDAY) -> tuple[str, int] | None:
    start = sentence.index(words)
    reading = date_for_event(sentence, start, start + len(words), published)
    return (reading.date, reading.precision) if reading else None


def test_an_abbreviated_month_does_not_end_the_sentence() -> None:
    assert _for("The toll of a Nov. 24 bombing rose to 92.", "bombing", "2016-12-03") == \
        ("2016-11-24", DAY)


def test_a_wire_reports_today_is_its_datelines_day() -> None:
    text = "CAIRO, Jan. 5 -- Gunmen fired at a bus today, police said."
    assert _for(text, "fired at a bus", "1993-01-06") == ("1993-01-05", DAY)
    # A dateline far from the printed date is not the report's: the printed date stands.
    assert _for("CAIRO, Jan. 5 -- Gunmen fired at a bus today.", "fired", "1993-03-06") == \
        ("1993-03-06", DAY)


@pytest.mark.parametrize(("sentence", "words"), [
    ("Five were hurt, amid tensions after last week's killing of a leader.", "Five were hurt"),
    ("Another 105 people were wounded, officials said Saturday.", "105 people were wounded"),
    ("Officials said Saturday that 105 people were wounded.", "105 people were wounded"),
    ("Attacks have grown since the war began in October.", "Attacks have grown"),
    ("The appeals came a day after the march of 5 August.", "The appeals"),
    ("Japan withdrew its troops in recent months, and Canada in March 2006.", "Japan withdrew"),
    ("The opposition is to meet next Monday in Istanbul.", "meet"),
])
def test_a_date_of_something_else_does_not_date_the_event(sentence: str, words: str) -> None:
    assert _for(sentence, words) is None


@pytest.mark.parametrize(("sentence", "words", "expected"), [
    ("Last week's killing of a leader raised tensions.", "killing of a leader",
     ("2024-07-29", WEEK)),
    ("Police said Saturday that two were killed.", "Police said", ("2024-08-03", DAY)),
    ("Attacks have grown since the war began in October.", "the war began",
     ("2023-10-01", MONTH)),
])
def test_the_date_of_the_event_itself_is_kept(sentence: str, words: str,
                                               expected: tuple[str, int]) -> None:
    assert _for(sentence, words) == expected


def test_in_a_text_with_no_full_stop_the_nearest_date_still_dates_the_event() -> None:
    chronology = "shelling went on in October and since then, " * 300
    sentence = chronology + "two soldiers were killed on Monday, " + chronology
    assert _for(sentence, "two soldiers were killed") == ("2024-08-05", DAY)




def _middle(text: str) -> DateReading | None:
    return date_for_event(text, len(text) // 2, len(text) // 2 + 5, TUESDAY)


@pytest.mark.parametrize(("name", "work", "small"), [
    ("qualifiers with no time word", lambda n: _middle("just about " * n), 4000),
    ("'since' with no comma", lambda n: _middle("since 3 March " * n), 2000),
    ("'said on' before each date", lambda n: _middle("police said on Friday " * n), 2000),
    ("every date of a text with no full stop",
     lambda n: dates_in("on Monday last week in October, " * n, TUESDAY), 1000),
    ("every event of a text with no full stop", lambda n: [
        date_for_event(text, at, at + 5, TUESDAY)
        for text in ["a bomb went off on Monday and " * n]
        for at in range(0, len(text), len("a bomb went off on Monday and "))], 100),
], ids=lambda value: value if isinstance(value, str) else "")
def test_reading_time_grows_no_faster_than_the_text(name: str, work: Callable[[int], object],
                                                     small: int) -> None:
    assert growth(work, small) < 9, name
