"""Text PDFs: reports and printed articles, and the digests that hold many articles.

The text layer is read page by page in reading order; a word broken with a hyphen
at a line's end is joined again, and the running headers, footers and page numbers
that repeat on every page are dropped. A PDF without a text layer (a scan) and an
encrypted PDF are refused with that reason: guessing their text would be wrong.
A PDF that holds many articles (a Nexis export, a clipping digest, a printed paper)
is cut into them where its layout tells them apart (pdf_articles); any other PDF is
one document.
"""

from __future__ import annotations

import io
import logging
import re
import warnings as python_warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from annotator.core.model import DocumentRecord
from annotator.core.text import first_line
from annotator.formats import pdf_articles
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    file_bytes,
    file_name,
)
from annotator.formats.pdf_layout import Line, joined, page_lines

# A line that is only a page number: "3", "- 3 -", "Page 3", "3 of 12", "3/12".
_PAGE_NUMBER = re.compile(r"^[\s\-–—]*(?:page|pagina|seite|p\.)?\s*\d{1,4}"
                          r"(?:\s*(?:of|/|van|di|von)\s*\d{1,4})?[\s\-–—]*$", re.I)
# How many lines at a page's top and bottom may be a running header or footer.
_EDGE = 3
# How many of a single document's first lines may hold the date it was published.
_DATELINE_WITHIN = 10
T = TypeVar("T")


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Read a PDF: the articles of a PDF that holds many, else one document."""
    data = file_bytes(path)
    if isinstance(data, Problem):
        yield data
        return
    found = _pages(data)
    if isinstance(found, str):
        yield Problem(path, None, found)
        return
    pages, title = found
    # A Nexis export starts each article on a page of its own with its paper and date,
    # and ends it with the same marks: lines that repeat at page edges because they are
    # its structure. Only its page numbers are dropped.
    nexis = pdf_articles.is_nexis([line.text for lines in pages for line in lines])
    lines = _without_running_lines(pages, repeated=not nexis)
    if not any(line.text.strip() for line in lines):
        yield Problem(path, None, "has no text layer (a scanned or image-only PDF); "
                                  "run text recognition (OCR) on it and import the result")
        return
    warnings: list[Problem] = []
    name = file_name(path, warnings)
    articles = pdf_articles.articles(path, name, lines, tuple(warnings))
    if articles is not None:
        last = max((i for i, item in enumerate(articles) if isinstance(item, ReadDocument)),
                   default=None)
        for i, item in enumerate(articles):
            if i == last and isinstance(item, ReadDocument):
                # The whole file is read once its last article is: progress counts bytes.
                item = replace(item, consumed=len(data))
            yield item
        return
    body = joined([line.text for line in lines])
    # A title in the file's properties is printed nowhere else; the type set largest
    # on the first page is the title the page shows.
    shown = pdf_articles.largest_line(lines)
    title = " ".join((title or "").split())
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    meta = {"file": name, "position": 1, "pages": len(pages)}
    # Only a date printed near the top is the document's: a PDF's creation date is when
    # the file was made, not when the text was published.
    date = pdf_articles.dateline(lines[:_DATELINE_WITHIN * 4], _DATELINE_WITHIN)
    record = DocumentRecord(text=text, title=title or shown or first_line(text), date=date,
                            meta=meta)
    yield ReadDocument(record, path, None, tuple(warnings), consumed=len(data))


def _pages(data: bytes) -> tuple[list[list[Line]], str | None] | str:
    """Each page's lines and the title from the file's properties, or what is wrong."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip()[:1024].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        return "is not a PDF (it does not begin with %PDF-)"
    # pypdf logs odd fonts and broken cross-references; the outcome below says what counts.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        with python_warnings.catch_warnings():
            python_warnings.simplefilter("ignore")
            pdf = PdfReader(io.BytesIO(data))
            if pdf.is_encrypted and not _opens_without_password(pdf):
                return ("is an encrypted PDF that needs a password to open; "
                        "save an unprotected copy and import that")
            pages = [page_lines(page, number) for number, page in enumerate(pdf.pages, 1)]
            title = _title(pdf)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RuntimeError) as exc:
        # Damaged files raise plain errors of many kinds from deep inside pypdf; a
        # compression filter it does not have, a RuntimeError of its own kind.
        return (f"is a damaged or incomplete PDF that cannot be read "
                f"({exc.__class__.__name__}); the file may have been cut short")
    if not pages:
        return "is a PDF without pages"
    return pages, title


def _opens_without_password(pdf: object) -> bool:
    """Whether an encrypted PDF opens with the empty user password (many only restrict
    printing or copying, and every viewer opens them)."""
    try:
        return bool(pdf.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # pypdf raises for ciphers it cannot undo (e.g. AES without cryptography)
        return False


def _title(pdf: object) -> str | None:
    metadata = getattr(pdf, "metadata", None)
    title = str(getattr(metadata, "title", None) or "").strip()
    # Word and printers drivers write file names and placeholders as the title.
    if not title or title.lower().startswith(("microsoft word", "untitled")) or \
            re.search(r"\.(docx?|pdf|rtf|odt|indd)$", title, re.I):
        return None
    return title


def _shape(line: str) -> str:
    """A line with its digits made alike, so "Page 3" and "Page 4" repeat as one header."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _without_running_lines(pages: list[list[Line]], repeated: bool = True) -> list[Line]:
    """The pages' lines without page numbers and (if ``repeated``) without the headers
    and footers that repeat at the same edge of most pages."""
    edges: Counter[str] = Counter()
    for lines in pages:
        kept = [line.text for line in lines if line.text.strip()]
        edges.update({_shape(text) for text in _edges(kept)})
    # A running line is one found at the edge of at least half the pages (two at least).
    running = {shape for shape, count in edges.items()
               if repeated and len(pages) >= 2 and count >= max(2, (len(pages) + 1) // 2)}
    out: list[Line] = []
    for lines in pages:
        edge = set(_edges([i for i, line in enumerate(lines) if line.text.strip()]))
        kept = [line for i, line in enumerate(lines)
                if not (i in edge and (_shape(line.text) in running
                                       or _PAGE_NUMBER.match(line.text)))]
        if not any(line.text.strip() for line in kept):
            # Nothing but "running" lines: a page printed again, or a short text on every
            # page. Its text is the text, not a header (only its page number goes).
            kept = [line for i, line in enumerate(lines)
                    if not (i in edge and _PAGE_NUMBER.match(line.text))]
        out += kept
    return out


def _edges(items: list[T]) -> list[T]:
    """The first and last few of a page's lines; on a short page fewer, so that a body
    line repeated by chance on every page is not taken for a header."""
    n = min(_EDGE, max(1, len(items) // 3))
    return items[:n] + items[-n:]
