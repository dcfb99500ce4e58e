"""Dates as coders meet them: ISO calendar dates, sometimes only a year or month."""

from __future__ import annotations

import re
from datetime import date

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: str) -> str | None:
    """``value`` as an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or None.

    A timestamp keeps only its date; anything not a real calendar date
    (``2024-02-30``) gives None.
    """
    value = value.strip()
    if len(value) > 10 and value[10] in "T ":
        value = value[:10]
    match = _PARTIAL.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return value


def typed_date(text: str) -> str | None:
    """A date a coder typed: None when left empty, ValueError when not a date."""
    text = text.strip()
    if not text:
        return None
    date = parse_date(text)
    if date is None:
        raise ValueError(f"date {text!r} is not a date (YYYY-MM-DD)")
    return date
