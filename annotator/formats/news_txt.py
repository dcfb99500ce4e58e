"""Plain-text articles, with or without the news header our users receive.

The header is a first line ``date YYYY-MM-DD <headline>``, possibly after
leading white space. The headline becomes the title *and stays in the text*,
so it can be annotated; the ``date YYYY-MM-DD`` prefix does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.core.dates import parse_date
from annotator.core.model import DocumentRecord
from annotator.core.text import first_line, normalise
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    file_name,
    load_text,
)

_HEADER = re.compile(r"date[ \t]+(\S+)[ \t]+(?=\S)")


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    loaded = load_text(path)
    if isinstance(loaded, Problem):
        yield loaded
        return
    if damaged := loaded.damage_problem(path):
        yield damaged  # the article is the whole file
        return
    warnings = list(loaded.encoding_warning(path))
    text = normalise(loaded.text).strip()
    if not text:
        yield Problem(path, None, "is empty")
        return
    date = None
    header = _HEADER.match(text)
    if header:
        date = parse_date(header.group(1))
        if date is None:
            warnings.append(
                Problem(path, 1, f"header date {header.group(1)!r} is not a valid date; "
                                 "imported without a date")
            )
        text = text[header.end():]
    record = DocumentRecord(
        text=text,
        title=first_line(text),
        date=date,
        meta={"file": file_name(path, warnings)},
    )
    yield ReadDocument(record, path, None, tuple(warnings), consumed=loaded.size)


