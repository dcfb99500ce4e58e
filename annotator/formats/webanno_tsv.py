"""Reading WebAnno TSV 3 (``#FORMAT=WebAnno TSV 3.x``), INCEpTION's token table.

A header names the layers (``#T_SP=type|feature|...`` spans, ``#T_RL=...|BT_base``
relations, ``#T_CH=`` chains); then sentences: ``#Text=`` lines, and a line per
token (``1-2``) or sub-token (``1-2.1``) with its offsets, its text and a cell per
column. Cells stack annotations with ``|``; ``[N]`` ties the rows of one
annotation together; ``*`` is an empty value and ``_`` no annotation; ``\\|``,
``\\[``, ``\\_`` and the like escape. Offsets count UTF-16 units (an emoji is 2).
The text is rebuilt as INCEpTION does: ``#Text=`` lines joined by line feeds,
spaces where a sentence starts past the text so far, and the line feed after
the last sentence dropped. Which layers become spans, relations and document
labels is as for XMI (``xmi_cas``). Writing is in ``webanno_tsv_write``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.model import new_uid
from annotator.core.text import normalise_with_offsets
from annotator.formats.base import Problem, ReadDocument, ReadItem, ReadOptions, brief, load_text
from annotator.formats.inception_values import (
    label_of,
    parse_identifier,
    unescape_text,
    unescape_value,
)
from annotator.formats.jsonl import BadLine, parse_object
from annotator.formats.xmi_types import NAMED_ENTITY

FORMAT = re.compile(r"#FORMAT=WebAnno TSV 3\.\d+\s*$")
_UNIT = re.compile(r"(\d+)-(\d+)(?:\.(\d+))?$")
_OFFSETS = re.compile(r"(\d+)-(\d+)$")
_REF = re.compile(r"(\d+-\d+(?:\.\d+)?)(?:\[(\d+)_(\d+)\])?$")


@dataclass
class Column:
    layer: str  # "SP", "RL" or "CH"
    type: str
    feature: str | None  # None: a placeholder (a layer with no features)
    kind: str = "value"  # value, ref (a relation's governor), slot, chain


@dataclass
class Annotation:
    type: str
    begin: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    ref: tuple[str, int, int] | None = None  # a relation's governor unit and ids
    unit: str = ""
    rows: list[str] = field(default_factory=list)  # the units it is written on


class BadTsv(ValueError):
    def __init__(self, line: int | None, reason: str) -> None:
        super().__init__(reason)
        self.line = line


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    loaded = load_text(path)
    if isinstance(loaded, Problem):
        yield loaded
        return
    if damaged := loaded.damage_problem(path):
        yield damaged
        return
    try:
        native, warnings = _native(loaded.text.split("\n"), path.name)
        record, more = parse_object(native, options)
    except BadTsv as exc:
        yield Problem(path, exc.line, str(exc))
        return
    except BadLine as exc:
        yield Problem(path, None, str(exc))
        return
    said = tuple(Problem(path, None, w) for w in [*loaded.encoding_warning(path), *warnings,
                                                   *more])
    yield ReadDocument(record, path, 1, said, consumed=loaded.size)


def _header(lines: list[str]) -> tuple[list[Column], int]:
    """The columns the header declares, and the number of the first line after it."""
    if not lines or not FORMAT.match(lines[0].rstrip("\r")):
        raise BadTsv(1, f"does not start with #FORMAT=WebAnno TSV 3.x (found "
                        f"{brief(lines[0][:60] if lines else '')})")
    columns: list[Column] = []
    number = 1
    while number < len(lines) and lines[number].startswith("#T_"):
        line = lines[number].rstrip("\r")
        layer, _, rest = line[3:].partition("=")
        if layer not in ("SP", "RL", "CH") or not rest:
            raise BadTsv(number + 1, f"layer declaration {brief(line)} is not #T_SP=, "
                                     "#T_RL= or #T_CH= with a type")
        kind, *features = rest.split("|")
        if not features:
            columns.append(Column(layer, kind, None))
        previous = ""
        for feature in features:
            if layer == "RL" and feature.startswith("BT_"):
                columns.append(Column(layer, kind, feature[3:], "ref"))
            elif layer == "CH":
                columns.append(Column(layer, kind, feature, "chain"))
            elif feature.startswith("ROLE_") or previous.startswith("ROLE_"):
                columns.append(Column(layer, kind, feature, "slot"))
            else:
                columns.append(Column(layer, kind, feature))
            previous = feature
        number += 1
    return columns, number


def _native(lines: list[str], name: str) -> tuple[dict[str, Any], list[str]]:
    columns, number = _header(lines)
    text: list[str] = []
    length = 0  # of the text so far, in UTF-16 units
    pending: list[str] = []
    in_sentence = False
    units: list[tuple[str, int, int]] = []  # (id, begin, end) in UTF-16 units
    sentences: list[list[int]] = []
    found: dict[tuple[Any, ...], Annotation] = {}
    unread: Counter[str] = Counter()
    for index in range(number, len(lines)):
        line, place = lines[index].rstrip("\r"), index + 1
        if not line.strip():
            in_sentence = False
            continue
        if line.startswith("#Text="):
            if in_sentence:
                raise BadTsv(place, "#Text= after the tokens of its sentence (a blank line "
                                    "must come between sentences)")
            pending.append(unescape_text(line[6:]) + "\n")
            continue
        if line.startswith("#"):
            continue  # #Sentence.id= and comments
        cells = line.split("\t")
        unit = _UNIT.match(cells[0])
        offsets = _OFFSETS.match(cells[1]) if len(cells) > 1 else None
        if unit is None or offsets is None or len(cells) < 3 + len(columns):
            raise BadTsv(place, f"is not a token line (id, begin-end, text and "
                                f"{len(columns)} columns): {brief(line)}")
        begin, end = int(offsets[1]), int(offsets[2])
        if pending:  # the first token of a sentence places its text
            if not in_sentence and length > begin:
                if length != begin + 1 or not text or not text[-1].endswith("\n"):
                    raise BadTsv(place, f"sentence starts at {begin}, inside the text before "
                                        f"it (which ends at {length})")
                text[-1] = text[-1][:-1]
                length -= 1
            if length < begin:
                text.append(" " * (begin - length))
                length = begin
            sentence = "".join(pending)
            sentences.append([length, length + _utf16(sentence) - 1])
            text.append(sentence)
            length += _utf16(sentence)
            pending = []
        elif not in_sentence:
            raise BadTsv(place, "token line with no #Text= line before its sentence")
        in_sentence = True
        if not begin <= end <= length:
            raise BadTsv(place, f"offsets {begin}-{end} are not within the text so far "
                                f"({length} UTF-16 units)")
        units.append((cells[0], begin, end))
        for column, cell in zip(columns, cells[3:], strict=False):
            _cell(column, cell, cells[0], begin, end, found, unread, place)
    if not text:
        raise BadTsv(len(lines), "has no sentence (#Text= line)")
    raw = "".join(text)
    raw = raw[:-1] if raw.endswith("\n") else raw  # the line feed after the last sentence
    return _record(raw, name, units, sentences, found, unread)


def _cell(column: Column, cell: str, unit: str, begin: int, end: int,
          found: dict[tuple[Any, ...], Annotation], unread: Counter[str], place: int) -> None:
    if cell in ("_", ""):
        return
    if column.kind in ("slot", "chain"):
        unread[f"{column.type.rsplit('.', 1)[-1]} {column.kind} values"] += 1
        return
    for stack, value in enumerate(_stacked(cell)):
        ident = None
        if column.kind == "ref":
            ref = _REF.match(value)
            if ref is None:
                raise BadTsv(place, f"relation source {brief(value)} is not a token id like "
                                    "1-2 or 1-2[3_4]")
            key: tuple[Any, ...] = (column.type, unit, stack)
            note = found.setdefault(key, Annotation(column.type, begin, end, unit=unit))
            note.ref = (ref[1], int(ref[2] or 0), int(ref[3] or 0))
            continue
        if value.endswith("]") and not value.endswith("\\]") and "[" in value:
            value, _, tail = value.rpartition("[")
            if not tail[:-1].isdigit():
                raise BadTsv(place, f"{brief(tail)} is not a number in brackets")
            ident = int(tail[:-1])
        # A numbered span is one annotation over all its rows; others are one row's.
        key = (column.type, ident) if column.layer == "SP" and ident is not None \
            else (column.type, unit, stack)
        note = found.setdefault(key, Annotation(column.type, begin, end, unit=unit))
        note.begin, note.end = min(note.begin, begin), max(note.end, end)
        if unit not in note.rows:
            note.rows.append(unit)
        if ident is not None:
            note.values.setdefault("__id", ident)
        if column.feature is not None and value != "*":
            note.values[column.feature] = unescape_value(value)


def _stacked(cell: str) -> list[str]:
    """A cell's values: split at each ``|`` that no backslash escapes."""
    values, current, escaped = [], [], False
    for char in cell:
        if char == "|" and not escaped:
            values.append("".join(current))
            current = []
            continue
        current.append(char)
        escaped = char == "\\" and not escaped
    values.append("".join(current))
    return values


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _record(raw: str, name: str, units: list[tuple[str, int, int]], sentences: list[list[int]],
            found: dict[tuple[Any, ...], Annotation], unread: Counter[str],
            ) -> tuple[dict[str, Any], list[str]]:
    # UTF-16 unit -> code point, over the rebuilt text.
    points: dict[int, int] = {}
    position = 0
    for index, char in enumerate(raw):
        points[position] = index
        position += 2 if ord(char) > 0xFFFF else 1
    points[position] = len(raw)

    def point(offset: int) -> int:
        if offset not in points:
            raise BadTsv(None, f"offset {offset} falls inside a character (UTF-16 units)")
        return points[offset]

    spans: dict[tuple[str, str, int], dict[str, Any]] = {}  # (type, unit, id) -> span
    relations = []
    for note in found.values():
        if note.ref is not None:
            relations.append(note)
            continue
        if not (note.type == NAMED_ENTITY or note.type.startswith("webanno.custom.")):
            unread[f"{note.type.rsplit('.', 1)[-1]} annotations"] += 1
            continue
        ident = note.values.pop("__id", 0)
        label, attrs, links = label_of(note.type, note.values)
        span = {"start": point(note.begin), "end": point(note.end), "label": label,
                "attrs": attrs, "links": [parse_identifier(i) for i in links]}
        if span["start"] == span["end"]:
            unread[f"{note.type.rsplit('.', 1)[-1]} annotations with no text"] += 1
            continue
        for unit in note.rows:
            spans.setdefault((note.type, unit, ident), span)
    out_relations = []
    for note in relations:
        base, (source, g, d) = note.type, note.ref or ("", 0, 0)
        head = next((spans[k] for k in spans if k[1] == source and (g == 0 or k[2] == g)),
                    None)
        tail = next((spans[k] for k in spans if k[1] == note.unit and (d == 0 or k[2] == d)),
                    None)
        if head is None or tail is None:
            unread[f"{base.rsplit('.', 1)[-1]} relations between annotations not read as "
                   "spans"] += 1
            continue
        for span in (head, tail):
            span.setdefault("id", new_uid())
        label, attrs, _ = label_of(base, {k: v for k, v in note.values.items() if k != "__id"})
        out_relations.append({"head": head["id"], "tail": tail["id"], "label": label,
                              "attrs": attrs})
    normalised = normalise_with_offsets(raw)
    tokens = [[normalised.map_offset(point(b)), normalised.map_offset(point(e))]
              for unit, b, e in units if "." not in unit]
    sentence_points = [[normalised.map_offset(point(b)), normalised.map_offset(point(e))]
                       for b, e in sentences]
    native = {"text": raw, "spans": list({id(s): s for s in spans.values()}.values()),
              "relations": out_relations,
              "meta": {"file": name, "tokenization": {"sentences": sentence_points,
                                                      "tokens": tokens}}}
    warnings = [f"{count} {what} not read (annotator reads NamedEntity, webanno.custom layers "
                "and relations between them)" for what, count in sorted(unread.items())]
    return native, warnings
