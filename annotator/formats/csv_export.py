"""One row per span, for spreadsheets: safe to open in Excel or LibreOffice.

A text cell (header included: attribute names come from imported files) that
a spreadsheet would run as a formula gets an apostrophe in front: one that
starts with ``=``, ``+``, ``-`` or ``@`` (or their full-width forms), also
after leading white space, or with a tab or carriage return (OWASP's CSV
injection advice). So that this can be undone, a cell that already starts
with an apostrophe gets one too: removing the first apostrophe of any cell
that starts with one gives the value back. annotator's own CSV import reads
cells as they are, apostrophe included; the export's report counts the cells
changed and shows one.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from annotator.formats.exporting import ExportContext, Source
from annotator.formats.losses import LossReport, report_left_out
from annotator.formats.safe_text import clipped

FIXED = ("document_id", "title", "date", "label", "start", "end", "text", "coder", "origin")
# = + - @, their full-width (U+FF1D ...) and small (U+FE62 ...) forms, after any
# white space; a leading tab or CR on its own; and the apostrophe that marks the rest.
_FORMULA = re.compile(r"^(?:\s*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b]|[\t\r'])")
NOTICE = ("cell given a leading ' so a spreadsheet shows it as text (remove the first ' "
          "of any cell that starts with one to get the value)")


def neutralise(value: Any, notices: LossReport | None = None, where: str = "") -> Any:
    """``value`` as a cell no spreadsheet runs; ``notices`` counts the changes."""
    if isinstance(value, str) and _FORMULA.match(value):
        if notices is not None:
            notices.add(NOTICE, f"{value!r}{where}")
        return "'" + value
    return value


def neutralised_row(row: list[Any], notices: LossReport, where: str) -> list[Any]:
    return [neutralise(cell, notices, where) for cell in row]


def write(source: Source, path: Path, context: ExportContext) -> int:
    # A first pass finds every attribute name, so each gets a column.
    attribute_names: dict[str, None] = {}
    for coded in source():
        for span in coded.spans:
            attribute_names.update(dict.fromkeys(span.attrs))
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(neutralised_row([*FIXED, *attribute_names], context.notices,
                                        " in the header"))
        for coded in source():
            doc = coded.document
            report_left_out(coded, context.losses, "span CSV", attributes=False, coders=False,
                            ids=False, details=("source", "url", "meta", "notes", "flags"))
            # A table of spans, not a corpus: no reader takes it back as one.
            context.losses.add("document texts (a span CSV holds each span's own text, not "
                               "its document's: export jsonl to keep a corpus)",
                               f"document {clipped(doc.uid)}")
            if not coded.spans:
                context.losses.add("documents without spans (a span CSV has a row per span)",
                                   f"document {clipped(doc.uid)}")
            for span in coded.spans:
                row = [doc.uid, doc.title, doc.date or "", span.label, span.start, span.end,
                       span.text, span.coder, span.origin,
                       *(span.attrs.get(name, "") for name in attribute_names)]
                writer.writerow(neutralised_row(row, context.notices,
                                                f" in document {clipped(doc.uid)}"))
            count += 1
    return count
