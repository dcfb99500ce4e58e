"""An event's date from the text, relative to the article's date (Tuesday 2024-08-06)."""

from __future__ import annotations

import pytest

from annotator.core.event_dates import DAY, MONTH, WEEK, dates_in

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
