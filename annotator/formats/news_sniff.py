"""Telling a news database's export by its content, whatever its file is named."""

from __future__ import annotations

from pathlib import Path

from annotator.formats import factiva, nexis
from annotator.formats.base import open_regular

# Suffixes an export comes with; other files are not opened to be sniffed.
EXPORT_SUFFIXES = (".html", ".htm", ".xml", ".rtf", ".docx", ".txt")
# Factiva's HTML puts a quarter of a megabyte of style and state before its articles.
_HEAD = 1 << 20


def sniff(path: Path) -> str | None:
    """``"factiva"`` or ``"nexis"`` if ``path`` is such an export, else None."""
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        return None
    try:
        with open_regular(path) as handle:
            head = handle.read(_HEAD)
    except OSError:
        return None  # the reader the suffix names says why it cannot be read
    if head.startswith(b"PK") and len(head) == _HEAD:
        # A zip's directory is at its end: a DOCX larger than the head is opened whole.
        return "nexis" if nexis.docx_is_nexis(path) else None
    if factiva.sniff(head):
        return "factiva"
    if nexis.sniff(head):
        return "nexis"
    return None
