"""Dates as news databases print them, in the language of the export's interface.

Factiva and Nexis write dates for people: ``29 décembre 2011``, ``9 Januar 1993``,
``December 19, 1991, Sunday``, ``12 April 2013 Tuesday``. An export is made in its
user's interface language, so the month names of the common ones are known here.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from annotator.core.dates import parse_date

# Month names (and the usual abbreviations), accents removed and lower case.
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "januar", "janner", "enero", "ene", "gennaio",
        "gen", "januari", "janeiro", "styczen", "ocak"),
    2: ("february", "feb", "fevrier", "fev", "februar", "febrero", "febbraio", "februari",
        "fevereiro", "fevr", "luty", "subat"),
    3: ("march", "mar", "mars", "marz", "maerz", "marzo", "maart", "marco", "mrt"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecien", "nisan"),
    5: ("may", "mai", "mayo", "maggio", "mag", "mei", "maio"),
    6: ("june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho"),
    7: ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho"),
    8: ("august", "aug", "aout", "agosto", "ago", "augustus", "ags"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro"),
    10: ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott",
         "outubro", "out"),
    11: ("november", "nov", "novembre", "noviembre", "novembro"),
    12: ("december", "dec", "decembre", "dezember", "dez", "diciembre", "dic", "dicembre",
         "dezembro"),
}
_MONTH = {name: number for number, names in _MONTHS.items() for name in names}

_WORD = r"([^\W\d_]+)\.?"
_DAY_FIRST = re.compile(r"\b(\d{1,2})\.?(?:er|º)?\s+(?:de\s+)?" + _WORD + r"\s+(?:de\s+)?(\d{4})\b")
_MONTH_FIRST = re.compile(r"\b" + _WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MONTH_YEAR = re.compile(r"\b" + _WORD + r"\s+(\d{4})\b")


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _iso(year: str, month: int, day: str | None) -> str | None:
    try:
        when = date(int(year), month, int(day) if day else 1)
    except ValueError:
        return None
    return when.isoformat() if day else when.isoformat()[:7]


def news_date(text: str) -> str | None:
    """The first date printed in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    text = " ".join(text.split())
    if (found := parse_date(text)) is not None:
        return found
    if match := _ISO.search(text):
        return _iso(match.group(1), int(match.group(2)), match.group(3))
    candidates = []
    for match in _DAY_FIRST.finditer(text):
        if (month := _MONTH.get(_plain(match.group(2)))) is not None:
            candidates.append((match.start(), _iso(match.group(3), month, match.group(1))))
            break
    for match in _MONTH_FIRST.finditer(text):
        if (month := _MONTH.get(_plain(match.group(1)))) is not None:
            candidates.append((match.start(), _iso(match.group(3), month, match.group(2))))
            break
    if candidates:
        return min(candidates)[1]
    for match in _MONTH_YEAR.finditer(text):
        if (month := _MONTH.get(_plain(match.group(1)))) is not None:
            return _iso(match.group(2), month, None)
    return None


def is_date_line(text: str) -> bool:
    """Whether a short line is a printed date (and little else)."""
    return len(text) <= 60 and news_date(text) is not None
