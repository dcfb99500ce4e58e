"""What every document read must be before it is stored, whatever its format.

Readers check what their format promises; this checks what storing needs,
for all of them alike, so that one odd value refuses its own document and
not the batch of hundreds stored with it. A lone surrogate (JSON's
``"\\ud800"``) cannot be encoded for SQLite; nesting a thousand levels deep
makes ``json.dumps`` fail half-way through a batch; NaN and infinity are
not JSON, so no export could write them back.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from annotator.core.model import DocumentRecord, InvalidRecord, Span
from annotator.core.schema import Schema
from annotator.core.text import unpaired_surrogate
from annotator.formats.base import Problem, ReadDocument

# Far deeper than any real metadata, far shallower than Python's recursion limit.
MAX_DEPTH = 100


class _Unfit(ValueError):
    """A value that cannot be stored; the message says where and why."""


def record_problem(record: DocumentRecord) -> str | None:
    """Why ``record`` cannot be stored as it is, or None if it can."""
    # A document holds hundreds of strings; encoding them one by one to look for a lone
    # surrogate was a tenth of an import's reading. They are encoded together, and only
    # a record with one is gone through again, to say where it is.
    texts: list[str] = []
    try:
        _check_record(record, lambda what, value, optional=False: _gathered(
            what, value, optional, texts), texts)
        if unpaired_surrogate("".join(texts)) is None:
            return None
        _check_record(record, _text)
    except _Unfit as exc:
        return str(exc)
    return None  # never reached: the second reading names the surrogate


def _check_record(record: DocumentRecord, text: Callable[..., None],
                  gathered: list[str] | None = None) -> None:
    """Every value of ``record`` checked; its strings by ``text``, or, given ``gathered``,
    a plain span's put there at once (the common span: five strings, two whole numbers,
    no attributes nor links; its checks' messages are made only for any other)."""
    text("text", record.text)
    text("title", record.title)
    text("notes", record.notes)
    for what, value in (("id", record.uid), ("date", record.date), ("source", record.source),
                        ("url", record.url)):
        text(what, value, optional=True)
    _value("meta", record.meta)
    _value("flags", record.flags)
    for coder, status in record.statuses.items():
        text("a status's coder", coder)
        text(f"the status of coder {coder!r}", status)
    for number, span in enumerate(record.spans, start=1):
        if gathered is not None and _plain(span):
            gathered += (span.label, span.text, span.coder, span.uid, span.origin)
            continue
        where = f"span {number}"
        for what, value in (("label", span.label), ("text", span.text), ("coder", span.coder),
                            ("id", span.uid), ("origin", span.origin)):
            text(f"{where} {what}", value)
        for what, value in (("start", span.start), ("end", span.end)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise _Unfit(f"{where} {what} must be a whole number, not {type(value).__name__}")
        _value(f"{where} attrs", span.attrs)
        for link in span.links:
            for what, value in (("knowledge base", link.kb), ("entry id", link.id),
                                ("entry name", link.name)):
                text(f"{where} link {what}", value)
    for number, relation in enumerate(record.relations, start=1):
        where = f"relation {number}"
        for what, value in (("label", relation.label), ("coder", relation.coder),
                            ("id", relation.uid), ("head", relation.head),
                            ("tail", relation.tail), ("origin", relation.origin)):
            text(f"{where} {what}", value)
        _value(f"{where} attrs", relation.attrs)
    for label in record.doc_labels:
        where = f"document label {label.name!r:.40}"
        text("a document label's name", label.name)
        text(f"{where} coder", label.coder)
        _value(where, {"value": label.value})
    for number, event in enumerate(record.events, start=1):
        where = f"event {number}"
        for what, value in (("type", event.type), ("id", event.uid), ("note", event.note),
                            ("coder", event.coder)):
            text(f"{where} {what}", value)
        text(f"{where} date", event.date, optional=True)
        if not isinstance(event.date_precision, int) or isinstance(event.date_precision, bool):
            raise _Unfit(f"{where} date_precision must be a whole number")
        text(f"{where} incident", event.incident)
        _value(f"{where} attrs", event.attrs)
        for member in event.members:
            for what, value in (("span id", member.span_uid), ("role", member.role),
                                ("group", member.group)):
                text(f"{where} member {what}", value)


def _plain(span: Span) -> bool:
    return (type(span.start) is int and type(span.end) is int and not span.attrs
            and not span.links and type(span.label) is str and type(span.text) is str
            and type(span.coder) is str and type(span.uid) is str
            and type(span.origin) is str)


def _gathered(what: str, value: Any, optional: bool, texts: list[str]) -> None:
    """``_text``'s check of kind, the value kept to be encoded with the others."""
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise _Unfit(f"{what} must be text, not {type(value).__name__}")
    texts.append(value)


def _text(what: str, value: Any, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise _Unfit(f"{what} must be text, not {type(value).__name__}")
    _no_surrogate(what, value)


def _no_surrogate(what: str, value: str) -> None:
    at = unpaired_surrogate(value)
    if at is not None:
        raise _Unfit(f"{what} contains an unpaired surrogate (U+{ord(value[at]):04X} at "
                     f"character {at + 1}), which is not text and cannot be stored")


def _value(what: str, value: Mapping[str, Any]) -> None:
    """A JSON-like value: text, finite numbers, lists and string-keyed objects."""
    if value and not _fine(value):
        _explain(what, value)


def _fine(value: Any) -> bool:
    """Whether ``value`` can be stored, found without building any message (the
    common case, and every document passes through here)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict) and not all(
                isinstance(key, str) and unpaired_surrogate(key) is None for key in item):
            return False
        for child in children:
            if isinstance(child, str):
                if unpaired_surrogate(child) is not None:
                    return False
            elif isinstance(child, dict | list | tuple):
                stack.append((child, depth + 1))
            elif isinstance(child, float):
                if not math.isfinite(child):
                    return False
            elif not (child is None or isinstance(child, int)):
                return False
    return True


def _explain(what: str, value: Any) -> None:
    """Raise ``_Unfit`` saying where in ``value`` it cannot be stored, and why."""
    for where, item, depth in _walk(what, value):
        if depth > MAX_DEPTH:
            raise _Unfit(f"{what} is nested more than {MAX_DEPTH} levels deep")
        if isinstance(item, str):
            _no_surrogate(where, item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise _Unfit(f"{where} is {item}, which is not a number JSON can hold")
        elif not (item is None or isinstance(item, bool | int | float | list | tuple | dict)):
            raise _Unfit(f"{where} is a {type(item).__name__}, which JSON cannot hold")
    raise _Unfit(f"{what} cannot be stored")  # not reached: _fine and _walk agree


def _walk(what: str, value: Any) -> Iterator[tuple[str, Any, int]]:
    """(where, item, depth) for ``value`` and everything in it, without recursion."""
    stack: list[tuple[str, Any, int]] = [(what, value, 0)]
    while stack:
        where, item, depth = stack.pop()
        yield where, item, depth
        if depth > MAX_DEPTH:
            return  # the caller refuses it; nothing deeper needs looking at
        if isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise _Unfit(f"{where} has a key {key!r:.40} that is not text")
                _no_surrogate(f"a key in {where}", key)
                stack.append((f"{where}[{key!r:.40}]", child, depth + 1))
        elif isinstance(item, list | tuple):
            stack.extend((f"{where}[{index}]", child, depth + 1)
                         for index, child in enumerate(item))


def checked_against(schema: Schema, item: ReadDocument) -> ReadDocument | Problem:
    """The document with its span and event attributes checked (and typed) by the schema."""
    if not any(span.attrs for span in item.record.spans) \
            and not any(event.attrs for event in item.record.events):
        return item  # nothing to check
    events = []
    for number, event in enumerate(item.record.events, start=1):
        try:
            attrs = schema.check_event(event.attrs)
        except InvalidRecord as exc:
            return Problem(item.file, item.line, f"event {number} ({event.type}): {exc}")
        events.append(event if attrs == event.attrs else replace(event, attrs=attrs))
    item = replace(item, record=replace(item.record, events=tuple(events)))
    spans = []
    for number, span in enumerate(item.record.spans, start=1):
        if not span.attrs:
            spans.append(span)
            continue
        try:
            attrs = schema.check_span(span.label, span.attrs)
        except InvalidRecord as exc:
            return Problem(item.file, item.line, f"span {number} ({span.label} {span.text!r}): {exc}")
        spans.append(span if attrs == span.attrs else replace(span, attrs=attrs))
    return replace(item, record=replace(item.record, spans=tuple(spans)))
