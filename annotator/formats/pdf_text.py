"""Text PDFs (reports, printed articles) as one document each.

The text layer is read page by page in reading order; a word broken with a hyphen
at a line's end is joined again, and the running headers, footers and page numbers
that repeat on every page are dropped. A PDF without a text layer (a scan) and an
encrypted PDF are refused with that reason: guessing their text would be wrong.
"""

from __future__ import annotations

import io
import logging
import re
import warnings as python_warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from annotator.core.model import DocumentRecord
from annotator.core.text import first_line, normalise
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    file_bytes,
    file_name,
)

# A line that is only a page number: "3", "- 3 -", "Page 3", "3 of 12", "3/12".
_PAGE_NUMBER = re.compile(r"^[\s\-–—]*(?:page|pagina|seite|p\.)?\s*\d{1,4}"
                          r"(?:\s*(?:of|/|van|di|von)\s*\d{1,4})?[\s\-–—]*$", re.I)
# A word broken at the line's end: a letter, a hyphen, then a lower-case letter on the next line.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")
# How many lines at a page's top and bottom may be a running header or footer.
_EDGE = 3
T = TypeVar("T")


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Read one PDF as one document (its title from the file's properties, else its first line)."""
    data = file_bytes(path)
    if isinstance(data, Problem):
        yield data
        return
    found = _pages(data)
    if isinstance(found, str):
        yield Problem(path, None, found)
        return
    pages, title = found
    body = _join_broken_words("\n".join(_without_running_lines(pages)))
    if not body.strip():
        yield Problem(path, None, "has no text layer (a scanned or image-only PDF); "
                                  "run text recognition (OCR) on it and import the result")
        return
    body = normalise(body).strip()
    title = " ".join((title or "").split())
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    warnings: list[Problem] = []
    meta = {"file": file_name(path, warnings), "position": 1, "pages": len(pages)}
    record = DocumentRecord(text=text, title=title or first_line(text), meta=meta)
    yield ReadDocument(record, path, None, tuple(warnings), consumed=len(data))


def _pages(data: bytes) -> tuple[list[list[str]], str | None] | str:
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
            pages = [_lines(page.extract_text() or "") for page in pdf.pages]
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


def _lines(page_text: str) -> list[str]:
    return [line.rstrip() for line in page_text.replace("\r\n", "\n").split("\n")]


def _shape(line: str) -> str:
    """A line with its digits made alike, so "Page 3" and "Page 4" repeat as one header."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _without_running_lines(pages: list[list[str]]) -> list[str]:
    """The pages' lines without page numbers and without the headers and footers that
    repeat at the same edge of most pages."""
    edges: Counter[str] = Counter()
    for lines in pages:
        kept = [line for line in lines if line.strip()]
        edges.update({_shape(line) for line in _edges(kept)})
    # A running line is one found at the edge of at least half the pages (two at least).
    running = {shape for shape, count in edges.items()
               if len(pages) >= 2 and count >= max(2, (len(pages) + 1) // 2)}
    out: list[str] = []
    for lines in pages:
        edge = set(_edges([i for i, line in enumerate(lines) if line.strip()]))
        for i, line in enumerate(lines):
            if i in edge and (_shape(line) in running or _PAGE_NUMBER.match(line)):
                continue
            out.append(line)
    return out


def _edges(items: list[T]) -> list[T]:
    """The first and last few of a page's lines; on a short page fewer, so that a body
    line repeated by chance on every page is not taken for a header."""
    n = min(_EDGE, max(1, len(items) // 3))
    return items[:n] + items[-n:]


def _join_broken_words(text: str) -> str:
    """Undo hyphenation at line ends inside words only ("ver-\\nhuurderheffing"); a
    hyphen before a capital or a digit ("Noord-\\nHolland", "COVID-\\n19") is kept."""
    def join(match: re.Match[str]) -> str:
        following = text[match.end():match.end() + 1]
        return "" if following.islower() else match.group(0)
    return _BROKEN_WORD.sub(join, text)
