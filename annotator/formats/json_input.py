"""Reading JSON inputs the way peers write them: JSONL, or one JSON document.

Some tools name a pretty-printed JSON object (or a list of them) ``.jsonl``;
others write real JSON Lines without a final newline. Both are read, and a
broken line is reported with its number while the good lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.formats.base import Problem, load_text


def read_json_records(path: Path) -> Iterator[tuple[int | None, dict[str, Any] | Problem]]:
    """(line, object) for every record in ``path``; problems in place of bad ones."""
    loaded = load_text(path)
    if isinstance(loaded, Problem):
        yield None, loaded
        return
    text = loaded.text.removeprefix("\ufeff")
    whole = _whole_document(text)
    if whole is not None:
        items = whole if isinstance(whole, list) else [whole]
        for index, item in enumerate(items, start=1):
            if isinstance(item, dict):
                yield None, item
            else:
                yield None, Problem(path, None, f"item {index} is not a JSON object")
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, Problem(path, number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield number, Problem(path, number, f"expected a JSON object, found {type(obj).__name__}")
            continue
        yield number, obj


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
