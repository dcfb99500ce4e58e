"""Which reader handles which format, and how a file's format is told."""

from __future__ import annotations

from pathlib import Path

from annotator.formats import csv_import, jsonl, news_txt
from annotator.formats.base import Reader

READERS: dict[str, Reader] = {
    "txt": news_txt.read,
    "jsonl": jsonl.read,
    "csv": csv_import.read,
}

SUFFIXES = {".txt": "txt", ".text": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}

IMPORT_FORMATS = ("auto", *READERS)


def format_for(path: Path, requested: str) -> str | None:
    """The format to read ``path`` in, or None if auto cannot tell."""
    if requested != "auto":
        return requested
    return SUFFIXES.get(path.suffix.lower())
