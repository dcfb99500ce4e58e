"""An event's date read from the text, relative to the article's date.

News reports date events against the day they were written: in an article dated
Tuesday 2024-08-06, "on Monday" is 2024-08-05, "last week" the week before, "in
October" October of the year (the last one, if October is still to come). Each
reading says where in the text it came from and how precise it is, in ACLED's
and the event's own terms (1 the day, 2 within a week, 3 within a month), so the
coder sees its source and has the last word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

DAY, WEEK, MONTH = 1, 2, 3

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_ABBREVIATIONS = {name[:3]: n for n, name in enumerate(_MONTHS, 1)}

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("day month", re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r"|"
                             + "|".join(_MONTH_ABBREVIATIONS) + r")\.?(?: (\d{4}))?\b")),
    ("month day", re.compile(r"\b(" + "|".join(_MONTHS) + r"|"
                             + "|".join(_MONTH_ABBREVIATIONS) + r")\.? (\d{1,2})(?:st|nd|rd|th)?"
                             r"(?:,? (\d{4}))?\b")),
    ("today", re.compile(r"\b(today|this morning|this afternoon|tonight|this evening)\b")),
    ("yesterday", re.compile(r"\b(yesterday|last night)\b")),
    ("weekday", re.compile(r"\b(?:on |last |this )?(" + "|".join(_WEEKDAYS) + r")\b")),
    ("last week", re.compile(r"\b(last week|earlier this week|this week)\b")),
    ("month", re.compile(r"\b(?:in |since |during |early |late |mid-?)(" + "|".join(_MONTHS)
                         + r")\b")),
)


@dataclass(frozen=True, slots=True)
class DateReading:
    """A date the text gives: ISO (the first day of a week or month read), how precise,
    and the characters of the text it was read from."""

    date: str
    precision: int
    start: int
    end: int
    evidence: str


def dates_in(text: str, published: str | None) -> list[DateReading]:
    """Every date ``text`` gives, in reading order, relative to ``published`` (the
    article's date, ISO) where the text is relative; none of those without it."""
    today = _day(published)
    found: list[DateReading] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(lowered):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue  # part of a reading already made ("Monday 5 August")
            reading = _read(kind, match, today)
            if reading is None:
                continue
            day, precision = reading
            taken.append(match.span())
            found.append(DateReading(day.isoformat(), precision, match.start(), match.end(),
                                     text[match.start():match.end()]))
    return sorted(found, key=lambda r: r.start)


def _read(kind: str, match: re.Match[str], today: date | None) -> tuple[date, int] | None:
    if kind == "iso":
        return _checked(int(match[1]), int(match[2]), int(match[3]), DAY)
    if kind in ("day month", "month day"):
        day_text, month_text, year_text = ((match[1], match[2], match[3]) if kind == "day month"
                                           else (match[2], match[1], match[3]))
        month = _month_number(month_text)
        if year_text:
            return _checked(int(year_text), month, int(day_text), DAY)
        if today is None:
            return None
        year = today.year if (month, int(day_text)) <= (today.month, today.day) else \
            today.year - 1  # a date still to come this year was last year's
        return _checked(year, month, int(day_text), DAY)
    if today is None:
        return None
    if kind == "today":
        return today, DAY
    if kind == "yesterday":
        return today - timedelta(days=1), DAY
    if kind == "weekday":
        back = (today.weekday() - _WEEKDAYS.index(match[1])) % 7 or 7
        # "on Tuesday" in a Tuesday's article is most often today's news: the same day.
        if back == 7 and not match.group(0).startswith("last"):
            back = 0
        return today - timedelta(days=back), DAY
    if kind == "last week":
        monday = today - timedelta(days=today.weekday())
        if match[1] == "last week":
            return monday - timedelta(days=7), WEEK
        return monday, WEEK
    month = _MONTHS.index(match[1]) + 1
    year = today.year if month <= today.month else today.year - 1
    return date(year, month, 1), MONTH


def _month_number(text: str) -> int:
    return _MONTHS.index(text) + 1 if text in _MONTHS else _MONTH_ABBREVIATIONS[text]


def _checked(year: int, month: int, day: int, precision: int) -> tuple[date, int] | None:
    try:
        return date(year, month, day), precision
    except ValueError:
        return None  # "31 February": no date


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def date_for_event(text: str, start: int, end: int, published: str | None) -> DateReading | None:
    """The date the text gives for what happens in ``start``–``end`` (an event's spans):
    a reading in the same sentence, the nearest one; None when the sentence gives none
    (the article's own date is then the coder's to take)."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    finish = after.start() + 1 if after else len(text)
    readings = dates_in(text[begin:finish], published)
    if not readings:
        return None
    middle = (start + end) / 2 - begin
    nearest = min(readings, key=lambda r: abs((r.start + r.end) / 2 - middle))
    return DateReading(nearest.date, nearest.precision, nearest.start + begin,
                       nearest.end + begin, nearest.evidence)
