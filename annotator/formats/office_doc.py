"""Single documents from word processors and e-book readers: DOCX, ODT, RTF, EPUB.

Each file is one document: its title from the file's own properties, else its
first heading, else its first line; its paragraphs one a line. The title is
kept at the start of the text when the text does not already begin with it.
"""

from __future__ import annotations

import logging
import re
import warnings as python_warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.core.dates import parse_date
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
from annotator.formats.html_text import html_blocks

# What a reader finds: paragraphs, a title from the file's properties, a date.
Found = tuple[list[str], str | None, str | None]
_RTF_TITLE = re.compile(rb"\{\\info.*?\{\\title\s+([^}]*)\}", re.S)


def _docx(path: Path, data: bytes) -> Found | str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        return _damaged("Word document (.docx)", data, exc)
    paragraphs: list[str] = []
    title = None
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table: its cells' paragraphs, row by row
            for row in block.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                line = "\t".join(dict.fromkeys(c for c in cells if c))  # merged cells repeat
                if line:
                    paragraphs.append(line)
            continue
        text = " ".join(block.text.split())
        style = (block.style.name if block.style is not None else "") or ""
        if text and title is None and style.lower().startswith(("title", "heading")):
            title = text
        if text:
            paragraphs.append(text)
    # No date: the file's "created" property is when it was written, not published.
    return paragraphs, (document.core_properties.title or "").strip() or title, None


def _odt(path: Path, data: bytes) -> Found | str:
    from odf import teletype
    from odf.opendocument import load

    try:
        document = load(str(path))
    except Exception as exc:  # odfpy raises XML parser errors of several kinds
        return _damaged("OpenDocument text (.odt)", data, exc)
    paragraphs: list[str] = []
    title = None
    for node in _walk(document.text):
        name = getattr(node, "qname", (None, None))[1]
        if name in ("p", "h"):
            line = " ".join(teletype.extractText(node).split())
            if line:
                if name == "h" and title is None:
                    title = line
                paragraphs.append(line)
    meta_title = None
    for node in _walk(document.meta):
        if getattr(node, "qname", (None, None))[1] == "title":
            meta_title = " ".join(teletype.extractText(node).split()) or None
    return paragraphs, meta_title or title, None


def _walk(node: object) -> Iterator[object]:
    """An ODF tree's elements in document order, not descending into paragraphs
    (whose text ``extractText`` gives whole)."""
    for child in getattr(node, "childNodes", []):
        yield child
        if getattr(child, "qname", (None, None))[1] not in ("p", "h"):
            yield from _walk(child)


def _rtf(path: Path, data: bytes) -> Found | str:
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        return "is not an RTF document (it does not begin with {\\rtf)"
    # RTF is 7-bit text with escapes for everything else; cp1252 reads any stray byte.
    source = data.decode("cp1252", "replace")
    try:
        plain = rtf_to_text(source, errors="replace")
    except Exception as exc:  # striprtf fails on some damaged groups with plain errors
        return f"is an RTF document that cannot be read ({exc.__class__.__name__})"
    title = None
    if match := _RTF_TITLE.search(data[:200_000]):
        title = " ".join(rtf_to_text(match.group(1).decode("cp1252", "replace")).split()) or None
    paragraphs = [" ".join(line.split()) for line in normalise(plain).split("\n")]
    return [p for p in paragraphs if p], title, None


def _epub(path: Path, data: bytes) -> Found | str:
    import ebooklib
    from ebooklib import epub

    try:
        book = epub.read_epub(str(path), options={"ignore_ncx": True})
    except Exception as exc:  # ebooklib raises its own, zip and XML errors alike
        return _damaged("EPUB book", data, exc)
    paragraphs: list[str] = []
    for item_id, _linear in book.spine:
        item = book.get_item_with_id(item_id)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT:
            continue
        content = item.get_content()
        html = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        paragraphs += [text for _, text in html_blocks(html)]
    title = next((value for value, _ in book.get_metadata("DC", "title") if value), None)
    date = next((parse_date(value) for value, _ in book.get_metadata("DC", "date")
                 if value and parse_date(value)), None)
    return paragraphs, title, date


def _damaged(kind: str, data: bytes, exc: Exception) -> str:
    if data[:4] == b"PK\x03\x04":
        return (f"is a damaged or incomplete {kind}: its zip cannot be read to the end "
                f"({exc.__class__.__name__}); the file may have been cut short")
    return f"is not a {kind} (its content is not one)"


READERS: dict[str, Callable[[Path, bytes], Found | str]] = {
    "docx": _docx, "odt": _odt, "rtf": _rtf, "epub": _epub}


def reader(kind: str) -> Callable[[Path, ReadOptions], Iterator[ReadItem]]:
    def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        yield from _read(kind, path)
    read.__name__ = f"read_{kind}"
    return read


def _read(kind: str, path: Path) -> Iterator[ReadItem]:
    data = file_bytes(path)
    if isinstance(data, Problem):
        yield data
        return
    logging.getLogger("ebooklib").setLevel(logging.CRITICAL)
    with python_warnings.catch_warnings():
        python_warnings.simplefilter("ignore")  # libraries warn of odd files; we say what counts
        found = READERS[kind](path, data)
    if isinstance(found, str):
        yield Problem(path, None, found)
        return
    paragraphs, title, date = found
    body = "\n".join(paragraphs).strip()
    if not body:
        yield Problem(path, None, "has no text (an empty document, or only images)")
        return
    title = " ".join((title or "").split())
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    warnings: list[Problem] = []
    meta = {"file": file_name(path, warnings), "position": 1}
    record = DocumentRecord(text=text, title=title or first_line(text), date=date, meta=meta)
    yield ReadDocument(record, path, None, tuple(warnings), consumed=len(data))


read_docx, read_odt, read_rtf, read_epub = (reader(k) for k in ("docx", "odt", "rtf", "epub"))
