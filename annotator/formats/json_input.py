"""Reading JSON inputs the way peers write them: JSONL, or one JSON document.

Some tools name a pretty-printed JSON object (or a list of them) ``.jsonl``;
others write real JSON Lines without a final newline. Both are read, and a
broken line is reported with its number while the good lines go on.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.text import looks_binary
from annotator.formats.base import Problem, load_text

# Files are read this much at a time while checking they are UTF-8.
_CHUNK = 1 << 20


def read_json_records(
    path: Path, notices: list[Problem] | None = None,
) -> Iterator[tuple[int | None, dict[str, Any] | Problem, int]]:
    """(line, object, bytes read so far) for every record in ``path``; problems
    in place of bad ones.

    UTF-8 JSON Lines, by far the commonest input, are read a line at a time, so
    an archive of 100,000 articles never sits in memory whole; anything else
    (a JSON document, another encoding) is decoded whole first, and the
    encoding it was read in, if not UTF-8, is added to ``notices``.
    """
    if _streamable(path):
        yield from _stream_lines(path)
        return
    loaded = load_text(path)
    if isinstance(loaded, Problem):
        yield None, loaded, 0
        return
    if notices is not None:
        notices.extend(loaded.encoding_warning(path))
    text = loaded.text.removeprefix("\ufeff")
    whole = _whole_document(text)
    if whole is not None:
        items = whole if isinstance(whole, list) else [whole]
        for index, item in enumerate(items, start=1):
            consumed = loaded.size * index // len(items)
            if isinstance(item, dict):
                yield None, item, consumed
            else:
                yield None, Problem(path, None, f"item {index} is not a JSON object"), consumed
        return
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if (record := _record(path, number, line)) is not None:
            yield number, record, loaded.size * number // len(lines)


def _record(path: Path, number: int, line: str | bytes) -> dict[str, Any] | Problem | None:
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(path, number, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return Problem(path, number, f"expected a JSON object, found {type(obj).__name__}")
    return obj


def _streamable(path: Path) -> bool:
    """UTF-8 (with or without BOM) JSON Lines: the first line is a whole object."""
    try:
        with path.open("rb") as source:
            first = source.readline().removeprefix(codecs.BOM_UTF8)
            if not first.lstrip().startswith(b"{") or looks_binary(first[:8192]):
                return False
            try:
                json.loads(first)
            except ValueError:  # bad JSON or bad UTF-8: the whole-file reading says which
                return False
            source.seek(0)
            check = codecs.getincrementaldecoder("utf-8")()
            while chunk := source.read(_CHUNK):
                check.decode(chunk)
            check.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False
    return True


def _stream_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | Problem, int]]:
    consumed = 0
    with path.open("rb") as source:
        for number, line in enumerate(source, start=1):
            consumed += len(line)
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if (record := _record(path, number, line)) is not None:
                yield number, record, consumed


def _whole_document(text: str) -> Any:
    """The file parsed as one JSON value, if it is one spread over several lines."""
    stripped = text.strip()
    # A list is one document even on one line; an object is one only if it
    # spreads over lines (else this is JSON Lines with a single record).
    if not (stripped.startswith("[") or (stripped.startswith("{") and "\n" in stripped)):
        return None
    try:
        return json.loads(stripped)
    except json.JSONDecodeError:
        return None
