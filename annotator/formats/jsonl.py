"""annotator's native JSON Lines: one document per line, everything kept.

A line: ``{"id", "title", "text", "date", "source", "url", "meta", "status",
"statuses", "spans": [{"id", "start", "end", "label", "text", "attrs",
"coder", "origin", "fragments", "links"}], "relations": [{"id", "head", "tail",
"label", "attrs", "coder", "origin"}], "doc_labels": [{"name", "value", "coder"}],
"events", "notes", "flags"}``. Only ``text`` is required. A discontinuous span's
``fragments`` are its pieces, ``[[start, end], ...]``; its ``start``/``end``/``text``
are the whole stretch, gaps included. ``links`` are its knowledge-base entries,
``[{"kb", "id", "name"}]``. A relation's ``head`` and ``tail`` are span ids. Offsets are Unicode code
points, end-exclusive. ``status`` is the importing coder's; ``statuses``
holds every coder's. Keys this format does not know go to ``meta``, so
nothing read is dropped.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from annotator.core.dates import parse_date
from annotator.core.events import DATE_PRECISIONS, Event, EventMember, event_object
from annotator.core.model import (
    STATUS_RANK,
    CodedDocument,
    DocLabel,
    DocumentRecord,
    InvalidRecord,
    KbLink,
    Relation,
    Span,
    overall_status,
)
from annotator.core.text import first_line, normalise_with_offsets
from annotator.formats.base import Problem, ReadDocument, ReadItem, ReadOptions, brief
from annotator.formats.json_input import read_json_records

if TYPE_CHECKING:
    from annotator.formats.exporting import ExportContext, Source

_KNOWN_KEYS = {"id", "title", "text", "date", "source", "url", "meta", "status", "statuses",
               "spans", "events", "notes", "flags", "relations", "doc_labels"}
_SPAN_KEYS = {"id", "start", "end", "label", "text", "attrs", "coder", "origin", "fragments",
              "links"}
_RELATION_KEYS = {"id", "head", "tail", "label", "attrs", "coder", "origin"}


class BadLine(ValueError):
    """A line that cannot become a document; the message says why."""


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    return read_converted(path, options, native)


Convert = Callable[[Mapping[str, Any]], tuple[dict[str, Any], list[str]]]


def native(obj: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A native line's object needs no converting."""
    return dict(obj), []


def read_converted(path: Path, options: ReadOptions, convert: Convert) -> Iterator[ReadItem]:
    """Records of a JSON or JSONL file, each turned into the native shape by ``convert``."""
    notices: list[Problem] = []  # about the whole file: said once, with its first document
    for line, obj, consumed in read_json_records(path, notices):
        if isinstance(obj, Problem):
            yield obj
            continue
        item = document_of(obj, path, line, consumed, options, convert)
        if isinstance(item, ReadDocument) and notices:
            item = ReadDocument(item.record, path, line, (*notices, *item.warnings),
                                consumed=consumed)
            notices.clear()
        yield item


def document_of(obj: Mapping[str, Any], path: Path, line: int | None, consumed: int,
                options: ReadOptions, convert: Convert = native) -> ReadDocument | Problem:
    """One record's object as a document, or the problem that refuses it."""
    try:
        converted, warnings = convert(obj)
        record, more = parse_object(converted, options)
    except BadLine as exc:
        return Problem(path, line, str(exc))
    except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:
        # A record of a shape no converter check foresaw: it alone is refused.
        return Problem(path, line, f"has a value of an unexpected kind "
                                   f"({exc.__class__.__name__}: {brief(str(exc))})")
    said = tuple(Problem(path, line, w) for w in [*warnings, *more])
    return ReadDocument(record, path, line, said, consumed=consumed)


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
        date = parse_date(_optional_text(obj["date"], "date") or "")
        if date is None:
            warnings.append(f"date {brief(obj['date'])} is not a valid date; "
                            "imported without a date")
    statuses = {str(k): _text(v, f"the status of {brief(k)}")
                for k, v in _mapping(obj.get("statuses"), "statuses").items()}
    # "status" is the overall one annotator writes beside "statuses"; alone, it is the
    # importing coder's.
    if "statuses" not in obj and obj.get("status") not in (None, ""):
        # A lone status is the importing coder's; "statuses" names its coders.
        statuses[options.coder] = _text(obj["status"], "status")
    elif obj.get("status") not in (None, "") and all(v in STATUS_RANK for v in statuses.values()) \
            and obj["status"] != overall_status(statuses):
        # Written beside "statuses" as their summary, then changed by hand: the change
        # is meant, and is the importing coder's (it was ignored without a word).
        statuses[options.coder] = _text(obj["status"], "status")
        warnings.append(f"status {brief(obj['status'])} differs from its statuses; taken as "
                        f"{options.coder}'s")
    title = _optional_text(obj.get("title"), "title")
    events = tuple(_parse_event(raw, i, spans)
                   for i, raw in enumerate(_list(obj.get("events"), "events"), start=1))
    relations = tuple(_parse_relation(raw, i, spans, options)
                      for i, raw in enumerate(_list(obj.get("relations"), "relations"), start=1))
    doc_labels = tuple(_parse_doc_label(raw, i, options)
                       for i, raw in enumerate(_list(obj.get("doc_labels"), "doc_labels"),
                                               start=1))
    try:
        record = DocumentRecord(
            text=normalised.text,
            uid=_optional_text(obj.get("id"), "id"),
            title=title or first_line(normalised.text),
            date=date,
            source=_optional_text(obj.get("source"), "source"),
            url=_optional_text(obj.get("url"), "url"),
            meta=meta,
            spans=tuple(spans),
            statuses=statuses,
            events=events,
            notes=_optional_text(obj.get("notes"), "notes") or "",
            flags=dict(_mapping(obj.get("flags"), "flags")),
            relations=relations,
            doc_labels=doc_labels,
        )
    except InvalidRecord as exc:
        raise BadLine(str(exc)) from None
    return record, warnings


def _parse_relation(raw: Any, number: int, spans: list[Span], options: ReadOptions) -> Relation:
    where = f"relation {number}"
    if not isinstance(raw, dict):
        raise BadLine(f"{where} is not an object")
    known = {s.uid for s in spans}
    ends = []
    for key in ("head", "tail"):
        end = _text(raw.get(key), f"{where} {key}")
        if end not in known:
            raise BadLine(f"{where} {key} names span {brief(end)}, which this document "
                          "does not have")
        ends.append(end)
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise BadLine(f"{where} label must be a non-empty string")
    attrs = dict(_mapping(raw.get("attrs"), f"{where} attrs"))
    attrs.update({k: v for k, v in raw.items() if k not in _RELATION_KEYS})
    uid = _optional_text(raw.get("id"), f"{where} id")
    try:
        return Relation(head=ends[0], tail=ends[1], label=label.strip(),
                        coder=_optional_text(raw.get("coder"), f"{where} coder") or options.coder,
                        origin=_optional_text(raw.get("origin"), f"{where} origin") or "imported",
                        attrs=attrs, **({"uid": uid} if uid else {}))
    except InvalidRecord as exc:
        raise BadLine(f"{where}: {exc}") from None


def _parse_doc_label(raw: Any, number: int, options: ReadOptions) -> DocLabel:
    where = f"document label {number}"
    if not isinstance(raw, dict) or "name" not in raw or "value" not in raw:
        raise BadLine(f"{where} must be an object with a name and a value")
    try:
        return DocLabel(_text(raw["name"], f"{where} name"), raw["value"],
                        _optional_text(raw.get("coder"), f"{where} coder") or options.coder)
    except InvalidRecord as exc:
        raise BadLine(f"{where}: {exc}") from None


def _parse_fragments(raw: Any, number: int, raw_text: str, map_offset: Any,
                     ) -> tuple[tuple[int, int], ...]:
    where = f"span {number} fragments"
    pieces = []
    for piece in _list(raw, where):
        if not (isinstance(piece, list) and len(piece) == 2
                and all(_is_offset(v) for v in piece)):
            raise BadLine(f"{where}: {brief(piece)} is not a pair of whole numbers")
        low, high = piece
        if not 0 <= low < high <= len(raw_text):
            raise BadLine(f"{where}: {low}-{high} is out of range for a text of "
                          f"{len(raw_text)} characters")
        pieces.append((map_offset(low), map_offset(high)))
    return tuple(pieces) if len(pieces) > 1 else ()


def _parse_links(raw: Any, number: int) -> tuple[KbLink, ...]:
    where = f"span {number} links"
    links = []
    for item in _list(raw, where):
        if not isinstance(item, dict):
            raise BadLine(f"{where}: {brief(item)} is not an object")
        try:
            links.append(KbLink(_text(item.get("kb"), f"{where} kb"),
                                _text(item.get("id"), f"{where} id"),
                                _optional_text(item.get("name"), f"{where} name") or ""))
        except InvalidRecord as exc:
            raise BadLine(f"{where}: {exc}") from None
    return tuple(links)


def _parse_event(raw: Any, number: int, spans: list[Span]) -> Event:
    if not isinstance(raw, dict):
        raise BadLine(f"event {number} is not an object")
    known = {s.uid for s in spans}
    where = f"event {number}"
    members = []
    for item in _list(raw.get("members"), f"{where} members"):
        if not isinstance(item, dict) or "span_id" not in item or "role" not in item:
            raise BadLine(f"{where}: a member needs a span_id and a role")
        span_id = _text(item["span_id"], f"{where} member span_id")
        if span_id not in known:
            raise BadLine(f"{where} names span {brief(span_id)}, which this document does not have")
        members.append(EventMember(span_id, _text(item["role"], f"{where} member role"),
                                   _optional_text(item.get("group"), f"{where} group") or ""))
    date = _optional_text(raw.get("date"), f"{where} date")
    if date is not None and parse_date(date) is None:
        raise BadLine(f"{where}: date {brief(date)} is not a valid date")
    uid = _optional_text(raw.get("id"), f"{where} id")
    try:
        return Event(
            doc_id=0, type=_optional_text(raw.get("type"), f"{where} type") or "",
            members=tuple(members),
            date=parse_date(date) if date else None,
            date_precision=_date_precision(raw.get("date_precision"), where),
            note=_optional_text(raw.get("note"), f"{where} note") or "",
            coder=_optional_text(raw.get("coder"), f"{where} coder") or "",
            attrs=_event_attrs(raw.get("attrs"), where),
            incident=_optional_text(raw.get("incident"), f"{where} incident") or "",
            **({"uid": uid} if uid else {}),
        )
    except InvalidRecord as exc:
        raise BadLine(f"{where}: {exc}") from None


def _event_attrs(value: Any, where: str) -> dict[str, Any]:
    """An event's attributes: an object of names to plain values (checked against the
    codebook where the event is stored)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadLine(f"{where}: attrs must be an object, not {brief(value)}")
    return value


def _date_precision(value: Any, where: str) -> int:
    """1, 2 or 3 (a JSON integer, or those digits as a string); missing means 1."""
    if value is None or value == "":
        return 1
    if isinstance(value, str) and value.strip() in {str(p) for p in DATE_PRECISIONS}:
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value in DATE_PRECISIONS:
        return value
    raise BadLine(f"{where}: date_precision {brief(value)} is not one of "
                  f"{', '.join(map(str, DATE_PRECISIONS))}")


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
    if not (_is_offset(start) and _is_offset(end)):
        raise BadLine(f"span {number} offsets must be whole numbers, not "
                      f"{brief(start)}-{brief(end)}")
    if not (0 <= start < end <= len(raw_text)):
        raise BadLine(
            f"span {number} ({start}-{end}) is out of range for a text of "
            f"{len(raw_text)} characters"
        )
    covered = raw_text[start:end]
    given = raw.get("text")
    if given is not None and given != covered:
        raise BadLine(
            f"span {number} ({start}-{end}) text {brief(given)} differs from the text there, "
            f"{brief(covered)}"
        )
    if not isinstance(label, str) or not label.strip():
        raise BadLine(f"span {number} label must be a non-empty string")
    new_start, new_end = map_offset(start), map_offset(end)
    # The optional keys are read only where present: a file of millions of spans
    # seldom has them, and their checks' messages were made for every span.
    attrs = {} if (given_attrs := raw.get("attrs")) is None else dict(
        _mapping(given_attrs, f"span {number} attrs"))
    if not raw.keys() <= _SPAN_KEYS:  # keys this format does not know become attributes
        attrs.update({k: v for k, v in raw.items() if k not in _SPAN_KEYS})
    optional = {key: _optional_text(value, f"span {number} {key}")
                for key in ("id", "coder", "origin") if (value := raw.get(key)) is not None}
    fragments, links = raw.get("fragments"), raw.get("links")
    try:
        return Span(
            start=new_start, end=new_end, label=label.strip(), text=text[new_start:new_end],
            coder=optional.get("coder") or options.coder,
            origin=optional.get("origin") or "imported",
            attrs=attrs,
            fragments=() if fragments is None else _parse_fragments(
                fragments, number, raw_text, map_offset),
            links=() if links is None else _parse_links(links, number),
            **({"uid": uid} if (uid := optional.get("id")) else {}),
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


def _is_offset(value: Any) -> bool:
    """Offsets are JSON integers: not true or false (Python's bool is an int), and
    not 3.0 either, as everywhere else annotator reads offsets."""
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_text(value: Any, what: str) -> str | None:
    """A string field; a number is taken as its digits (ids often are numbers)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and math.isfinite(value)):
        return str(value)
    raise BadLine(f'"{what}" must be a string, not {brief(value)}')


def _text(value: Any, what: str) -> str:
    text = _optional_text(value, what)
    if text is None:
        raise BadLine(f'"{what}" must be a non-empty string')
    return text


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
        "spans": [span_object(s) for s in stored.spans],
        "events": [event_object(e) for e in stored.events],
        "notes": doc.notes,
        "flags": dict(doc.flags),
        "relations": [
            {"id": r.uid, "head": r.head, "tail": r.tail, "label": r.label,
             "attrs": dict(r.attrs), "coder": r.coder, "origin": r.origin}
            for r in stored.relations
        ],
        "doc_labels": [{"name": d.name, "value": d.value, "coder": d.coder}
                       for d in stored.doc_labels],
    }


def span_object(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": span.uid, "start": span.start, "end": span.end, "label": span.label,
        "text": span.text, "attrs": dict(span.attrs), "coder": span.coder,
        "origin": span.origin}
    if span.fragments:
        out["fragments"] = [list(piece) for piece in span.fragments]
    if span.links:
        out["links"] = [link.as_json() for link in span.links]
    return out


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
