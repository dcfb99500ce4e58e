"""One row per span, for spreadsheets: safe to open in Excel or LibreOffice.

A cell that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from annotator.formats.exporting import ExportContext, Source

FIXED = ("document_id", "title", "date", "label", "start", "end", "text", "coder", "origin")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write(source: Source, path: Path, context: ExportContext) -> int:
    # A first pass finds every attribute name, so each gets a column.
    attribute_names: dict[str, None] = {}
    for coded in source():
        for span in coded.spans:
            attribute_names.update(dict.fromkeys(span.attrs))
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([*FIXED, *attribute_names])
        for coded in source():
            doc = coded.document
            for span in coded.spans:
                row = [doc.uid, doc.title, doc.date or "", span.label, span.start, span.end,
                       span.text, span.coder, span.origin,
                       *(span.attrs.get(name, "") for name in attribute_names)]
                writer.writerow([neutralise(cell) for cell in row])
            count += 1
    return count
