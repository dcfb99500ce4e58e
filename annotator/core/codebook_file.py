"""A codebook file read from its bytes: the encoding, JSON's pitfalls (a key given
twice, NaN), and where in the file a fault is, before ``schema_from_json`` reads it."""

from __future__ import annotations

import json
from typing import Any

from annotator.core.model import InvalidRecord
from annotator.core.schema import Schema, schema_from_json, shown


class SchemaFileError(InvalidRecord):
    """A codebook file that cannot be read; ``line`` is where, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def read_schema(data: bytes) -> Schema:
    """A schema from the bytes of a codebook file (JSON, UTF-8).

    SchemaFileError says what is wrong and, where it can, on which line: the
    file is not UTF-8, not JSON, nested too deeply to be a codebook, or not a
    schema.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decoded(data, "utf-16")
    else:
        text = _decoded(data.removeprefix(b"\xef\xbb\xbf"), "utf-8")
    try:
        raw = json.loads(text, object_pairs_hook=_no_repeated_keys,
                         parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise SchemaFileError(f"not valid JSON ({exc.msg} at column {exc.colno})",
                              exc.lineno) from None
    except RecursionError:
        # json's parser recurses once per nesting level.
        raise SchemaFileError("nested too deeply to be a codebook (thousands of levels of "
                              "lists or objects)") from None
    except InvalidRecord as exc:
        raise SchemaFileError(str(exc)) from None
    try:
        return schema_from_json(raw)
    except RecursionError:
        raise SchemaFileError("nested too deeply to be a codebook") from None


def _decoded(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start : exc.start + 1].hex()
        raise SchemaFileError(f"is not {encoding.upper()} text (byte 0x{byte} cannot be read); "
                              "save the codebook as UTF-8", line) from None


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            # json would keep the last silently; one of the two is a mistake.
            raise InvalidRecord(f"the key {shown(key)} appears twice in one object")
        found[key] = value
    return found


def _no_constants(name: str) -> Any:
    raise InvalidRecord(f"{name} is not a JSON value")
