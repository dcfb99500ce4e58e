"""An event's date read from the text, relative to the article's date.

News reports date events against the day they were written: in an article dated
Tuesday 2024-08-06, "on Monday" is 2024-08-05, "last week" the week before, "in
October" October of the year (the last one, if October is still to come); a wire
report's dateline ("CAIRO, Jan. 5 --") is its day when printed the day after. Each
reading says where in the text it came from and how precise it is, in ACLED's
and the event's own terms (1 the day, 2 within a week, 3 within a month), so the
coder sees its source and has the last word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

DAY, WEEK, MONTH = 1, 2, 3

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_ABBREVIATIONS = {name[:3]: n for n, name in enumerate(_MONTHS, 1)}

_MONTH_WORD = "|".join(_MONTHS) + "|" + "|".join(_MONTH_ABBREVIATIONS) + "|sept"
_DAY_WORD = "|".join(_WEEKDAYS)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Time words that date nothing on the calendar; read first, so that "next Monday"
    # or "a day after" is never taken for a day, and they outweigh a farther date.
    ("vague", re.compile(r"\b(?:in recent (?:days|weeks|months|years)|recently"
                         r"|(?:just |about |nearly |some |more than |less than |over ){0,3}"
                         r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|"
                         r"a few|\d+) (?:hours?|days?|weeks?|months?|years?) "
                         r"(?:ago|later|after|before|earlier)"
                         r"|(?:last|this|next) year|the (?:day|night) (?:after|before)"
                         r"|next (?:week|month|(?:" + _DAY_WORD + r")(?: and (?:" + _DAY_WORD
                         + r"))?))\b")),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("day month", re.compile(r"\b(\d{1,2}) (" + _MONTH_WORD + r")\.?(?: (\d{4}))?\b")),
    ("month day", re.compile(r"\b(" + _MONTH_WORD + r")\.? (\d{1,2})(?:st|nd|rd|th)?"
                             r"(?:,? (\d{4}))?\b")),
    ("month year", re.compile(r"\b(?:(?:in|since|during|early|late|mid-?|until|by) )?("
                              + "|".join(_MONTHS) + r")(?: of)? (\d{4})\b")),
    ("today", re.compile(r"\b(today|this morning|this afternoon|tonight|this evening)\b")),
    ("yesterday", re.compile(r"\b(yesterday|last night)\b")),
    ("weekend", re.compile(r"\b(?:over|at|on|during|this|last) (?:the )?weekend\b")),
    ("range", re.compile(r"\b(?:between |from )?(" + _DAY_WORD + r")(?: night| morning)?"
                         r" (?:and|to|through|until) (?:" + _DAY_WORD + r")\b")),
    ("weekday", re.compile(r"\b(?:on |last |this )?(" + _DAY_WORD + r")\b")),
    ("last week", re.compile(r"\b(last week|earlier this week|this week)\b")),
    ("last month", re.compile(r"\b(last|this) month\b")),
    ("month", re.compile(r"\b(in |since |during |early |late |mid-?|last )(" + "|".join(_MONTHS)
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
    return [r for r in _readings(text, published) if r.precision]


def _readings(text: str, published: str | None) -> list[DateReading]:
    """The dates and, with precision 0, the time words that date nothing ("a day
    after", "next Monday", "in recent months")."""
    today = _day(published)
    found: list[DateReading] = []
    # the characters readings already hold: one look per match, however many readings
    taken = bytearray(len(text))
    lowered = text.lower()
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(lowered):
            if taken.find(1, match.start(), match.end()) >= 0:
                continue  # part of a reading already made ("Monday 5 August")
            reading = (date.min, 0) if kind == "vague" else _read(kind, match, today)
            if reading is None:
                if kind in ("iso", "day month", "month day"):
                    _take(taken, match)  # "31 February 2024" is no February
                continue
            day, precision = reading
            _take(taken, match)
            found.append(DateReading(day.isoformat(), precision, match.start(), match.end(),
                                     text[match.start():match.end()]))
    return sorted(found, key=lambda r: r.start)


def _take(taken: bytearray, match: re.Match[str]) -> None:
    taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())


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
    if kind == "month year":
        return date(int(match[2]), _month_number(match[1]), 1), MONTH
    if today is None:
        return None
    if kind == "today":
        return today, DAY
    if kind == "yesterday":
        return today - timedelta(days=1), DAY
    if kind == "weekend":  # the last Saturday, or this one on a weekend's own day
        return today - timedelta(days=(today.weekday() - 5) % 7), WEEK
    if kind in ("weekday", "range"):
        back = (today.weekday() - _WEEKDAYS.index(match[1])) % 7 or 7
        # "on Tuesday" in a Tuesday's article is most often today's news: the same day.
        if back == 7 and not match.group(0).startswith("last"):
            back = 0
        return today - timedelta(days=back), DAY if kind == "weekday" else WEEK
    if kind == "last week":
        monday = today - timedelta(days=today.weekday())
        if match[1] == "last week":
            return monday - timedelta(days=7), WEEK
        return monday, WEEK
    if kind == "last month":
        first = today.replace(day=1)
        return (first - timedelta(days=1)).replace(day=1) if match[1] == "last" else first, MONTH
    month = _MONTHS.index(match[2]) + 1
    # "last August" in an August is the year before; "in August" there is this one.
    latest = today.month - 1 if match[1] == "last " else today.month
    year = today.year if month <= latest else today.year - 1
    return date(year, month, 1), MONTH


def _month_number(text: str) -> int:
    if text == "sept":
        return 9
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
# A full stop after these ends no sentence ("Jan. 5", "Nov. 24", "Mr. Clinton").
_ABBREVIATIONS = frozenset({*_MONTH_ABBREVIATIONS, "sept", "mr", "mrs", "ms", "dr", "gen",
                            "col", "lt", "sgt", "capt", "maj", "st", "no", "gov", "sen", "rep"})
# "CAIRO, Jan. 5 --", "TOKAI, Japan, Tuesday, Jan. 5 --", "BEIRUT, April 24 (Reuters) -":
# a wire report's "today" is its dateline's day, which may be the day before it is printed.
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]+(?:, [A-Z][A-Za-z .'-]*)*, (?:[A-Z][a-z]+day, )?"
                       r"([A-Z][a-z]{2,8})\.? (\d{1,2})(?:,? (\d{4}))?"
                       r"(?: \([A-Za-z .]{1,40}\))? ?(?:--|—|–|-)\s")
_SPEECH = re.compile(r"\b(?:said|says|told|reported|announced|added|confirmed|stated)"
                     r"(?: on)? $")
_SINCE = re.compile(r"\bsince\b")


# How many characters either side of a span the date search reads: several times the
# longest sentence of the evaluation set.
_REACH = 1000
_SPACE = re.compile(r"\s")


def _sentence_ends(text: str, lo: int, hi: int, first: bool = False) -> list[int]:
    """Where sentences end between ``lo`` and ``hi``: all of them, or the first."""
    ends = []
    for match in _SENTENCE_END.finditer(text, lo, hi):
        word = re.search(r"(\w+)$", text[max(lo, match.start() - 12):match.start()])
        if match.group(0)[0] == "." and word and word[1].lower() in _ABBREVIATIONS:
            continue
        ends.append(match.end())
        if first:
            break
    return ends


def _word_start(text: str, at: int, limit: int) -> int:
    """Where to start reading at ``at`` without half a word: past the first space from
    ``at`` (before ``limit``), else ``at``."""
    if at <= 0:
        return 0
    space = _SPACE.search(text, at, limit)
    return space.end() if space else at


def _word_end(text: str, at: int, limit: int) -> int:
    """Where to stop reading at ``at`` without half a word: the last space before ``at``
    (from ``limit`` on), else ``at``."""
    if at >= len(text):
        return len(text)
    space = max(text.rfind(" ", limit, at), text.rfind("\n", limit, at))
    return space if space >= 0 else at


def _reference_day(text: str, published: str | None) -> str | None:
    """The article's date, or its dateline's when the text opens with one a few days
    before the printed date."""
    printed = _day(published)
    opening = _DATELINE.match(text[:160])
    if not opening or opening[1].lower().rstrip(".")[:3] not in _MONTH_ABBREVIATIONS:
        return published
    month = _month_number(opening[1].lower()[:3])
    if opening[3]:
        dated = _checked(int(opening[3]), month, int(opening[2]), DAY)
    elif printed:
        dated = _checked(printed.year - ((month, int(opening[2])) > (printed.month, printed.day)),
                         month, int(opening[2]), DAY)
    else:
        dated = None
    if dated is None or (printed and not 0 <= (printed - dated[0]).days <= 3):
        return published
    return dated[0].isoformat()


class _Sentence:
    """A sentence with what deciding which of its dates date a span needs, found once:
    where "since" and the commas stand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.since = [m.start() for m in _SINCE.finditer(self.lowered)]
        self.commas = [i for i, char in enumerate(text) if char == ","]


def _dates_the_span(reading: DateReading, sentence: _Sentence, start: int, end: int) -> bool:
    """Whether a date of the sentence can be the date of what ``start``–``end`` says:
    "last week's killing" dates the killing only, "police said Friday" the saying only,
    and "attacks since the war began in October" the war's start, not the attacks."""
    if sentence.text[reading.end:reading.end + 2] in ("'s", "’s"):
        return reading.start <= start <= reading.end + 3
    # the verb of saying stands right before the date ("said on Friday"): its few
    # characters are all there is to read
    speech = _SPEECH.search(sentence.lowered, max(0, reading.start - 30), reading.start)
    if speech and not (start <= speech.start() < end + 2 or start <= reading.start <= end):
        return False
    # a "since" after the span and before the date, with no comma after it
    comma = bisect_left(sentence.commas, reading.start) - 1
    lowest = max(end, sentence.commas[comma] + 1 if comma >= 0 else 0)
    at = bisect_left(sentence.since, lowest)
    return not (at < len(sentence.since) and
                sentence.since[at] + len("since") <= reading.start)


def date_for_event(text: str, start: int, end: int, published: str | None) -> DateReading | None:
    """The date the text gives for what happens in ``start``–``end`` (an event's spans):
    a reading in the same sentence, the nearest one that can date it; None when the
    sentence gives none, or the nearest time words date nothing ("a day after", "in
    recent months"): the article's own date (its dateline's) is then the coder's to take."""
    # A text that runs on without a full stop (a chronology, a transcript) is read no
    # farther than _REACH either side of the span: the time taken stays the same
    # however long it runs, and a date farther off is no longer this sentence's.
    low = max(0, start - _REACH)
    begin = max(_sentence_ends(text, low, start), default=_word_start(text, low, start))
    high = min(len(text), end + _REACH)
    after = _sentence_ends(text, end, high, first=True)
    finish = after[0] - 1 if after else _word_end(text, high, end)
    sentence = text[begin:finish]
    around = _Sentence(sentence)
    readings = [r for r in _readings(sentence, _reference_day(text, published))
                if _dates_the_span(r, around, start - begin, end - begin)]
    if not readings:
        return None
    middle = (start + end) / 2 - begin
    nearest = min(readings, key=lambda r: abs((r.start + r.end) / 2 - middle))
    if not nearest.precision:
        return None
    return DateReading(nearest.date, nearest.precision, nearest.start + begin,
                       nearest.end + begin, nearest.evidence)
