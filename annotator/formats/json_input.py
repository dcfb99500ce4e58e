"""Reading JSON inputs the way peers write them: JSONL, or one JSON document.

Some tools name a pretty-printed JSON object (or a list of them) ``.jsonl``,
or write several pretty-printed objects one after another (doccano's
relation export does); others write real JSON Lines without a final newline.
All are read, and a broken record is reported with its line number while the
good ones go on.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.text import Utf8Survey, looks_binary, utf8_line
from annotator.formats.base import (
    REFUSED_DAMAGE,
    LoadedText,
    Problem,
    load_text,
    open_regular,
    unreadable,
)

# Files are read this much at a time while checking they are UTF-8.
_CHUNK = 1 << 20

_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _skip_space(text: str, position: int) -> int:
    return position + len(_WHITESPACE.match(text, position).group())  # type: ignore[union-attr]


class BadJson(ValueError):
    """Text that is not JSON annotator can read; the message says why."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def loads(data: str | bytes) -> Any:
    """``json.loads``, with every way it can fail turned into a ``BadJson`` message.

    Besides syntax errors, Python's parser gives up on nesting deeper than its
    recursion limit and on integers of more than 4,300 digits.
    """
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise BadJson(f"not valid JSON ({exc.msg} at column {exc.colno})", exc.lineno) from None
    except RecursionError:
        raise BadJson("not valid JSON for annotator (nested too deeply to read)") from None
    except UnicodeDecodeError:
        raise BadJson("not valid JSON (not UTF-8 text)") from None
    except ValueError as exc:
        raise BadJson(_number_problem(exc)) from None


def _number_problem(exc: ValueError) -> str:
    if "integer string conversion" in str(exc):
        return (f"not valid JSON for annotator (a number has more than "
                f"{sys.get_int_max_str_digits():,} digits)")
    return f"not valid JSON ({exc})"


def read_json_records(
    path: Path, notices: list[Problem] | None = None,
) -> Iterator[tuple[int | None, dict[str, Any] | Problem, int]]:
    """(line, object, bytes read so far) for every record in ``path``; problems
    in place of bad ones.

    UTF-8 JSON Lines, by far the commonest input, are read a line at a time, so
    an archive of 100,000 articles never sits in memory whole; a line with bytes
    that are not UTF-8 is refused on its own. Anything else (a JSON document,
    another encoding) is decoded whole first, and the encoding it was read in,
    if not UTF-8, is added to ``notices``.
    """
    try:
        by_line = streamable(path)
    except OSError as exc:
        yield None, unreadable(path, exc), 0
        return
    if by_line:
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
        for index, (first, last, item) in enumerate(whole, start=1):
            consumed = loaded.size * index // len(whole)
            if isinstance(item, BadJson):
                yield first, Problem(path, first, str(item)), consumed
                continue
            yield first, _whole_item(path, loaded, index, first, last, item), consumed
        return
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        damaged = loaded.damage_problem(path, number, number)
        record = damaged or _record(path, number, line)
        if record is not None:
            yield number, record, loaded.size * number // len(lines)


def _whole_item(path: Path, loaded: LoadedText, index: int, first: int, last: int,
                item: Any) -> dict[str, Any] | Problem:
    damaged = loaded.damage_problem(path, first, last)
    if damaged is not None:
        return damaged
    if not isinstance(item, dict):
        return Problem(path, first, f"item {index} is not a JSON object")
    return item


def _record(path: Path, number: int, line: str | bytes) -> dict[str, Any] | Problem | None:
    if not line.strip():
        return None
    try:
        obj = loads(line)
    except BadJson as exc:
        return Problem(path, number, str(exc))
    if not isinstance(obj, dict):
        return Problem(path, number, f"expected a JSON object, found {type(obj).__name__}")
    return obj


def streamable(path: Path) -> bool:
    """JSON Lines (the first line is a whole object) that is UTF-8, or nearly so."""
    with open_regular(path) as source:
        first = source.readline().removeprefix(codecs.BOM_UTF8)
        if not first.lstrip().startswith(b"{") or looks_binary(first[:8192]):
            return False
        try:
            loads(first)
        except BadJson:  # the whole-file reading says what is wrong
            return False
        source.seek(0)
        survey = Utf8Survey()
        while chunk := source.read(_CHUNK):
            survey.feed(chunk)
        survey.feed(b"", final=True)
    return survey.mostly_utf8


def _stream_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | Problem, int]]:
    for number, consumed, raw in raw_lines(path):
        if (record := line_record(path, number, raw)) is not None:
            yield number, record, consumed


RawLine = tuple[int, int, bytes]  # its number, the bytes read up to its end, the line


def raw_lines(path: Path) -> Iterator[RawLine]:
    """The lines of a file that ``streamable`` found to be JSON Lines, as bytes."""
    consumed = 0
    with open_regular(path) as source:
        for number, raw in enumerate(source, start=1):
            consumed += len(raw)
            yield number, consumed, raw


def line_record(path: Path, number: int, raw: bytes) -> dict[str, Any] | Problem | None:
    """One line of JSON Lines as its object, a problem, or None for a blank line."""
    if number == 1:
        raw = raw.removeprefix(codecs.BOM_UTF8)
    line, bad = utf8_line(raw)
    if bad:
        plural = "s that are" if bad > 1 else " that is"
        return Problem(path, number, f"has {bad} byte{plural} not UTF-8; {REFUSED_DAMAGE}")
    return _record(path, number, line)


def _whole_document(text: str) -> list[tuple[int, int, Any]] | None:
    """The file as JSON values spread over lines, if it is that: (first line, last
    line, value) for each of its items (the list's items, or each object of a
    stream of pretty-printed objects; a broken one as a ``BadJson``)."""
    stripped = text.strip()
    # A list is one document even on one line; objects are read as a stream only
    # if the first spreads over lines (else this is JSON Lines, read line by line).
    if stripped.startswith("["):
        return list_items(text)
    if not (stripped.startswith("{") and "\n" in stripped):
        return None
    return concatenated_values(text)


def concatenated_values(text: str) -> list[tuple[int, int, Any]] | None:
    """Pretty-printed JSON values one after another, with the lines each spans.

    None unless the first value spreads over several lines: one-line records are
    JSON Lines, whose broken lines the line-by-line reading names one by one.
    A broken value becomes a ``BadJson`` at its line, and reading resumes at the
    next line that opens an object in its first column, where pretty-printers
    start each record, so one bad record does not cost the rest of the file.
    """
    decoder = json.JSONDecoder()
    items: list[tuple[int, int, Any]] = []
    position = _skip_space(text, 0)
    line, counted_to = 1, 0

    def line_at(offset: int) -> int:
        nonlocal line, counted_to
        line += text.count("\n", counted_to, offset)
        counted_to = offset
        return line

    while position < len(text):
        first = line_at(position)
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            if not items:
                return None
            resume = text.find("\n{", exc.pos)
            items.append((exc.lineno, exc.lineno, BadJson(
                f"not valid JSON ({exc.msg} at column {exc.colno}); the record begun on "
                f"line {first} is not read")))
            if resume < 0:
                break
            position = resume + 1
            continue
        except (ValueError, RecursionError):
            if not items:
                return None
            items.append((first, first, BadJson(
                "not valid JSON for annotator (nested too deeply, or a number too long)")))
            resume = text.find("\n{", position + 1)
            if resume < 0:
                break
            position = resume + 1
            continue
        last = line_at(end)
        if not items and first == last:
            return None  # one record per line: JSON Lines
        items.append((first, last, value))
        position = _skip_space(text, end)
    return items


def list_items(text: str) -> list[tuple[int, int, Any]] | None:
    """The items of a JSON list with the lines each spans, or None if it is not one."""
    decoder = json.JSONDecoder()
    items: list[tuple[int, int, Any]] = []
    position = _skip_space(text, text.index("[") + 1)
    line, counted_to = 1, 0

    def line_at(offset: int) -> int:
        nonlocal line, counted_to
        line += text.count("\n", counted_to, offset)
        counted_to = offset
        return line

    if text.startswith("]", position):
        position += 1
    else:
        while True:
            try:
                value, end = decoder.raw_decode(text, position)
            except (ValueError, RecursionError):
                return None  # read line by line instead, each bad line named
            items.append((line_at(position), line_at(end), value))
            position = _skip_space(text, end)
            if text.startswith("]", position):
                position += 1
                break
            if not text.startswith(",", position):
                return None
            position = _skip_space(text, position + 1)
    return items if not text[position:].strip() else None
