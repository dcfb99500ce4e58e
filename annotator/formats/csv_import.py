"""Spreadsheets of articles: one document per row, text in a named column.

Columns named ``id``, ``title``, ``date``, ``source`` and ``url`` are used as
such; every other column goes to the document's ``meta``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from annotator.core.dates import parse_date
from annotator.core.model import DocumentRecord, InvalidRecord
from annotator.core.text import first_line, normalise
from annotator.formats.base import Problem, ReadDocument, ReadItem, ReadOptions, load_text

_FIELDS = ("id", "title", "date", "source", "url")

# Articles can be long; the csv module's default cap of 128 KiB per field is not.
csv.field_size_limit(2**31 - 1)


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    loaded = load_text(path)
    if isinstance(loaded, Problem):
        yield loaded
        return
    content = loaded.text
    reader = csv.DictReader(io.StringIO(content.removeprefix("\ufeff"), newline=""))
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        yield Problem(path, 1, f"is not valid CSV ({exc})")
        return
    if options.text_column not in columns:
        shown = ", ".join(columns[:12]) or "none"
        yield Problem(path, 1, f"has no column {options.text_column!r} (columns: {shown}); "
                               "name the text column with --text-column")
        return
    if damaged := loaded.damage_problem(path, 1, reader.line_num):
        yield damaged  # in the header: no row can be read right
        return
    total = loaded.size
    lines = content.count("\n") + 1
    try:
        first = reader.line_num + 1
        for row in reader:
            line = reader.line_num
            consumed = total * line // lines
            # A row (a quoted cell can hold line breaks) spans lines first to line.
            damaged = loaded.damage_problem(path, first, line)
            yield damaged or _row_item(path, line, row, options, consumed)
            first = line + 1
    except csv.Error as exc:
        yield Problem(path, reader.line_num, f"is not valid CSV ({exc})")


def _row_item(
    path: Path, line: int, row: dict[str | None, str | None], options: ReadOptions, consumed: int
) -> ReadItem:
    if None in row:
        return Problem(path, line, "has more cells than the header has columns")
    raw_text = row.get(options.text_column) or ""
    text = normalise(raw_text).strip()
    if not text:
        return Problem(path, line, f"column {options.text_column!r} is empty")
    value = {k: (v or "").strip() for k, v in row.items() if k is not None}
    warnings = []
    date = None
    if value.get("date"):
        date = parse_date(value["date"])
        if date is None:
            warnings.append(Problem(path, line, f"date {value['date']!r} is not a valid date; "
                                                "imported without a date"))
    meta = {k: v for k, v in value.items() if k not in _FIELDS and k != options.text_column}
    try:
        record = DocumentRecord(
            text=text,
            uid=value.get("id") or None,
            title=value.get("title") or first_line(text),
            date=date,
            source=value.get("source") or None,
            url=value.get("url") or None,
            meta=meta,
        )
    except InvalidRecord as exc:
        return Problem(path, line, str(exc))
    return ReadDocument(record, path, line, tuple(warnings), consumed=consumed)
