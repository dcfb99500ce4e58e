"""annotator's native JSON Lines: one document per line, everything kept.

A line: ``{"id", "title", "text", "date", "source", "url", "meta", "status",
"statuses", "spans": [{"id", "start", "end", "label", "text", "attrs",
"coder", "origin"}]}``. Only ``text`` is required. Offsets are Unicode code
points, end-exclusive. ``status`` is the importing coder's; ``statuses``
holds every coder's. Keys this format does not know go to ``meta``, so
nothing read is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from annotator.core.dates import parse_date
from annotator.core.events import Event, EventMember, event_object
from annotator.core.model import (
    CodedDocument,
    DocumentRecord,
    InvalidRecord,
    Span,
    overall_status,
)
from annotator.core.text import normalise_with_offsets
from annotator.formats.base import Problem, ReadDocument, ReadItem, ReadOptions
from annotator.formats.json_input import read_json_records
from annotator.formats.news_txt import first_line

if TYPE_CHECKING:
    from annotator.formats.exporting import ExportContext, Source

_KNOWN_KEYS = {"id", "title", "text", "date", "source", "url", "meta", "status", "statuses",
               "spans", "events", "notes", "flags"}
_SPAN_KEYS = {"id", "start", "end", "label", "text", "attrs", "coder", "origin"}


class BadLine(ValueError):
    """A line that cannot become a document; the message says why."""


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    return read_converted(path, options, lambda obj: (dict(obj), []))


Convert = Callable[[Mapping[str, Any]], tuple[dict[str, Any], list[str]]]


def read_converted(path: Path, options: ReadOptions, convert: Convert) -> Iterator[ReadItem]:
    """Records of a JSON or JSONL file, each turned into the native shape by ``convert``."""
    notices: list[Problem] = []  # about the whole file: said once, with its first document
    for line, obj, consumed in read_json_records(path, notices):
        if isinstance(obj, Problem):
            yield obj
            continue
        try:
            native, warnings = convert(obj)
            record, more = parse_object(native, options)
        except BadLine as exc:
            yield Problem(path, line, str(exc))
            continue
        said = tuple(Problem(path, line, w) for w in [*warnings, *more])
        yield ReadDocument(record, path, line, (*notices, *said), consumed=consumed)
        notices.clear()


def parse_object(obj: Mapping[str, Any], options: ReadOptions) -> tuple[DocumentRecord, list[str]]:
    """One native JSON object as a document record, with any warnings."""
    warnings: list[str] = []
    raw_text = obj.get("text")
    if not isinstance(raw_text, str) or not raw_text.strip():
        raise BadLine('has no "text" (a non-empty string is required)')
    normalised = normalise_with_offsets(raw_text)
    spans = [
        _parse_span(raw, i, raw_text, normalised.text, normalised.map_offset, options)
        for i, raw in enumerate(_list(obj.get("spans"), "spans"), start=1)
    ]
    meta = dict(_mapping(obj.get("meta"), "meta"))
    meta.update({k: v for k, v in obj.items() if k not in _KNOWN_KEYS})
    date = None
    if obj.get("date") not in (None, ""):
        date = parse_date(str(obj["date"]))
        if date is None:
            warnings.append(f"date {obj['date']!r} is not a valid date; imported without a date")
    statuses = {str(k): str(v) for k, v in _mapping(obj.get("statuses"), "statuses").items()}
    if not statuses and obj.get("status") not in (None, ""):
        # A lone status is the importing coder's; "statuses" names its coders.
        statuses[options.coder] = str(obj["status"])
    title = obj.get("title")
    events = tuple(_parse_event(raw, i, spans)
                   for i, raw in enumerate(_list(obj.get("events"), "events"), start=1))
    try:
        record = DocumentRecord(
            text=normalised.text,
            uid=_optional_str(obj.get("id")),
            title=str(title) if title not in (None, "") else first_line(normalised.text),
            date=date,
            source=_optional_str(obj.get("source")),
            url=_optional_str(obj.get("url")),
            meta=meta,
            spans=tuple(spans),
            statuses=statuses,
            events=events,
            notes=str(obj.get("notes") or ""),
            flags=dict(_mapping(obj.get("flags"), "flags")),
        )
    except InvalidRecord as exc:
        raise BadLine(str(exc)) from None
    return record, warnings


def _parse_event(raw: Any, number: int, spans: list[Span]) -> Event:
    if not isinstance(raw, dict):
        raise BadLine(f"event {number} is not an object")
    known = {s.uid for s in spans}
    members = []
    for item in _list(raw.get("members"), f"event {number} members"):
        if not isinstance(item, dict) or "span_id" not in item or "role" not in item:
            raise BadLine(f"event {number}: a member needs a span_id and a role")
        if str(item["span_id"]) not in known:
            raise BadLine(f"event {number} names span {item['span_id']!r}, which this "
                          "document does not have")
        members.append(EventMember(str(item["span_id"]), str(item["role"]),
                                   str(item.get("group") or "")))
    date = raw.get("date")
    if date not in (None, "") and parse_date(str(date)) is None:
        raise BadLine(f"event {number}: date {date!r} is not a valid date")
    try:
        return Event(
            doc_id=0, type=str(raw.get("type") or ""), members=tuple(members),
            date=parse_date(str(date)) if date else None,
            date_precision=int(raw.get("date_precision") or 1),
            note=str(raw.get("note") or ""), coder=str(raw.get("coder") or ""),
            **({"uid": str(raw["id"])} if raw.get("id") not in (None, "") else {}),
        )
    except (InvalidRecord, ValueError) as exc:
        raise BadLine(f"event {number}: {exc}") from None


def _parse_span(
    raw: Any, number: int, raw_text: str, text: str, map_offset: Any, options: ReadOptions
) -> Span:
    if not isinstance(raw, dict):
        raise BadLine(f"span {number} is not an object")
    try:
        start, end = raw["start"], raw["end"]
        label = raw["label"]
    except KeyError as exc:
        raise BadLine(f"span {number} has no {exc.args[0]!r}") from None
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        raise BadLine(f"span {number} offsets must be whole numbers, not {start!r}-{end!r}")
    if not (0 <= start < end <= len(raw_text)):
        raise BadLine(
            f"span {number} ({start}-{end}) is out of range for a text of "
            f"{len(raw_text)} characters"
        )
    covered = raw_text[start:end]
    given = raw.get("text")
    if given is not None and given != covered:
        raise BadLine(
            f"span {number} ({start}-{end}) text {given!r} differs from the text there, "
            f"{covered!r}"
        )
    if not isinstance(label, str) or not label.strip():
        raise BadLine(f"span {number} label must be a non-empty string")
    new_start, new_end = map_offset(start), map_offset(end)
    attrs = dict(_mapping(raw.get("attrs"), f"span {number} attrs"))
    if not raw.keys() <= _SPAN_KEYS:  # keys this format does not know become attributes
        attrs.update({k: v for k, v in raw.items() if k not in _SPAN_KEYS})
    try:
        return Span(
            start=new_start, end=new_end, label=label.strip(), text=text[new_start:new_end],
            coder=str(raw.get("coder") or options.coder),
            origin=str(raw.get("origin") or "imported"),
            attrs=attrs,
            **({"uid": str(raw["id"])} if raw.get("id") not in (None, "") else {}),
        )
    except InvalidRecord as exc:
        raise BadLine(f"span {number}: {exc}") from None


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadLine(f'"{what}" must be an object')
    return value


def _list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadLine(f'"{what}" must be a list')
    return value


def _optional_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


# -- writing --------------------------------------------------------------


def document_object(stored: CodedDocument) -> dict[str, Any]:
    """The native JSON object of a stored document."""
    doc = stored.document
    return {
        "id": doc.uid,
        "title": doc.title,
        "text": doc.text,
        "date": doc.date,
        "source": doc.source,
        "url": doc.url,
        "meta": dict(doc.meta),
        "status": overall_status(stored.statuses),
        "statuses": stored.statuses,
        "spans": [
            {"id": s.uid, "start": s.start, "end": s.end, "label": s.label, "text": s.text,
             "attrs": dict(s.attrs), "coder": s.coder, "origin": s.origin}
            for s in stored.spans
        ],
        "events": [event_object(e) for e in stored.events],
        "notes": doc.notes,
        "flags": dict(doc.flags),
    }


def export(source: Source, path: Path, context: ExportContext) -> int:
    """The export writer: everything, nothing lost."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        return write(source(), out)


def write(documents: Iterable[CodedDocument], out: IO[str]) -> int:
    """Write one line per document; return how many were written."""
    count = 0
    for stored in documents:
        out.write(json.dumps(document_object(stored), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count
