"""Reading brat standoff: a ``.ann`` and the ``.txt`` beside it, as one document.

Carried: ``T`` spans (fragments kept; pieces apart only by line breaks, as brat
cuts a selection over several lines, read as one stretch), several labels on one
range, ``A``/``M`` attributes (repeated with other values: a list) and ``#`` notes
on spans and relations, ``N`` normalisations as knowledge-base links, ``R``
relations (other role names than Arg1/Arg2 kept in the relation's attributes),
``*`` equivalences as chained relations marked with their group, ``E`` events
(the trigger a member of role ``trigger``; an event as another event's argument a
relation between their triggers), attributes of events at the end of the event's
note (``brat_syntax.EVENT_ATTRIBUTES``). What is left (normalisations of other
kinds, attributes or notes on what annotator cannot hold) is counted in warnings
that name the file and the first line. brat offsets are code points, as
annotator's, counted over the text as stored (a CR counts).
"""

from __future__ import annotations

import functools
import itertools
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core.events import DATE_PRECISIONS, Event, EventMember
from annotator.core.model import (
    DocumentRecord,
    InvalidRecord,
    KbLink,
    Relation,
    Span,
    new_uid,
)
from annotator.core.text import first_line, normalise_with_offsets, read_utf8
from annotator.formats import brat_syntax as syntax
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    damage_problem,
    file_name,
    load_text,
    read_regular,
    unreadable,
)
from annotator.formats.file_names import ID_MAP_NAME, read_id_map


class Refused(ValueError):
    """A line brat itself would refuse."""


@dataclass
class _Bound:
    """A T line as read: pieces over the normalised text."""

    label: str
    pieces: list[tuple[int, int]]
    line: int
    attrs: dict[str, Any] = field(default_factory=dict)
    links: list[KbLink] = field(default_factory=list)


@dataclass
class _RawEvent:
    kind: str
    trigger: str
    arguments: list[tuple[str, str]]
    line: int
    note: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Reading:
    """Everything read from one ``.ann``, before it becomes records."""

    bounds: dict[str, _Bound] = field(default_factory=dict)
    events: dict[str, _RawEvent] = field(default_factory=dict)
    relations: dict[str, dict[str, Any]] = field(default_factory=dict)
    equivalences: list[tuple[str, list[str], int]] = field(default_factory=list)
    # what -> [count, first line]
    left: dict[str, list[int]] = field(default_factory=dict)
    repeated: int = 0

    def leave(self, what: str, line: int) -> None:
        entry = self.left.setdefault(what, [0, line])
        entry[0] += 1


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Read ``path`` (the ``.ann``; its ``.txt`` sits beside it)."""
    ann_path = path.with_suffix(".ann")
    txt_path = path.with_suffix(".txt")
    if not txt_path.exists():
        yield Problem(ann_path, None, f"has no text file {txt_path.name} beside it")
        return
    text_file = load_text(txt_path)
    if isinstance(text_file, Problem):
        yield text_file
        return
    if damaged := text_file.damage_problem(txt_path):
        yield damaged
        return
    ann = _annotations(ann_path)
    if isinstance(ann, Problem):
        yield ann
        return
    normalised = normalise_with_offsets(text_file.text)
    text = normalised.text
    reading = _Reading()
    problems: list[Problem] = []
    lines = [(n, *line.partition("\t")[::2]) for n, line in enumerate(ann.split("\n"), start=1)
             if line.strip()]
    # Text-bound lines first: other lines may point at ones defined further down.
    for number, ident, rest in lines:
        if ident.startswith("T"):
            try:
                reading.bounds[ident] = _text_bound(rest, text_file.text, text,
                                                    normalised.map_offset, number)
            except (Refused, ValueError, IndexError) as exc:
                problems.append(Problem(ann_path, number, f"{ident}: {exc}"))
    for number, ident, rest in lines:
        if ident.startswith("E"):
            try:
                reading.events[ident] = _event_line(rest, number)
            except (Refused, ValueError) as exc:
                problems.append(Problem(ann_path, number, f"{ident}: {exc}"))
    for number, ident, rest in lines:
        if ident[:1] in ("T", "E"):
            continue
        try:
            _other_line(reading, ident, rest, number)
        except (Refused, ValueError, IndexError, InvalidRecord) as exc:
            problems.append(Problem(ann_path, number, f"{ident}: {exc}"))
    if problems:
        yield from problems
        return
    named: list[Problem] = []
    try:
        record = _record(reading, text, options.coder, txt_path, named)
    except (Refused, InvalidRecord) as exc:
        yield Problem(ann_path, getattr(exc, "line", None), str(exc))
        return
    warnings = tuple(Problem(ann_path, line, f"{count} {what}")
                     for what, (count, line) in reading.left.items())
    warnings += text_file.encoding_warning(txt_path)
    uid = _exported_ids(txt_path.parent).get(txt_path.stem)
    if uid is not None:
        record = replace(record, uid=uid)
    yield ReadDocument(record, ann_path, None, (*warnings, *named))


def _exported_ids(folder: Path) -> dict[str, str]:
    """File stem -> document id, from the map an annotator export leaves in its folder;
    other brat folders have none, and their documents are told by their text."""
    path = folder / ID_MAP_NAME
    try:
        stat = path.stat()
    except OSError:
        return {}
    return _read_ids(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _read_ids(path: Path, _mtime: int, _size: int) -> dict[str, str]:
    try:
        return read_id_map(path)
    except (OSError, UnicodeError, ValueError):
        return {}  # not a map annotator wrote: its documents are told by their text


def _annotations(path: Path) -> str | Problem:
    """The ``.ann`` file's text: UTF-8, as brat writes it (an empty file is fine)."""
    try:
        data = read_regular(path)
    except OSError as exc:
        return unreadable(path, exc)
    decoded = read_utf8(data)
    # Line ends as text mode would read them: a CR must not end up in covered text.
    return damage_problem(path, decoded.damaged) or \
        decoded.text.replace("\r\n", "\n").replace("\r", "\n")


def _offset(value: str) -> int:
    # Checked before int(): it would take "٣" (an Arabic-Indic three) and give up,
    # with a message about interpreter limits, on thousands of digits.
    if not (value.isascii() and value.isdigit() and len(value) <= 18):
        raise ValueError(f"offset {value[:20]!r} is not a whole number")
    return int(value)


def _text_bound(rest: str, raw_text: str, text: str, map_offset: Callable[[int], int],
                number: int) -> _Bound:
    head, tab, tail = rest.partition("\t")
    label, _, spec = head.partition(" ")
    pieces = [tuple(_offset(x) for x in piece.split()) for piece in spec.split(";")]
    if not label or not all(len(p) == 2 and 0 <= p[0] < p[1] for p in pieces):
        raise Refused(f"offsets {spec[:60]!r} are not start-end pairs")
    pairs = [(p[0], p[1]) for p in pieces]
    if max(end for _, end in pairs) > len(raw_text):
        raise Refused(f"points past the end of the text ({len(raw_text)} characters)")
    for i, (start, end) in enumerate(pairs):
        if any(end > other_start and start < other_end for other_start, other_end in pairs[:i]):
            raise Refused(f"fragments {spec[:60]!r} overlap")
    # brat's rule: the text field begins with each fragment's text, joined by a space;
    # whatever follows it must be apart by white space (brat keeps it as a tail).
    expected = syntax.covered(raw_text, pairs)
    if tab and tail and not (tail.startswith(expected)
                             and (len(tail) == len(expected) or tail[len(expected)].isspace())):
        raise Refused(f"the text there is {expected!r}, not {tail!r}")
    mapped = [(map_offset(a), map_offset(b)) for a, b in pairs]
    kept = syntax.joined_pieces(text, [p for p in mapped if p[0] < p[1]])
    if not kept:
        raise Refused("covers only line-end characters removed on import (CR)")
    return _Bound(label, kept, number)


def _event_line(rest: str, number: int) -> _RawEvent:
    fields = rest.partition("\t")[0].split()
    if not fields or ":" not in fields[0]:
        raise Refused("needs a type and a trigger (Type:T1)")
    kind, _, trigger = fields[0].partition(":")
    arguments = []
    for argument in fields[1:]:
        role, colon, target = argument.partition(":")
        if not colon or not role or not target:
            raise Refused(f"argument {argument[:40]!r} is not Role:Id")
        arguments.append((role, target))
    return _RawEvent(kind, trigger, arguments, number)


def _other_line(reading: _Reading, ident: str, rest: str, number: int) -> None:
    kind = ident[:1]
    head, _, tail = rest.partition("\t")
    if kind in ("A", "M"):
        # brat: NAME TARGET [VALUE], the value being the rest of the field.
        parts = head.split(" ", 2)
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise Refused("needs an attribute name and what it belongs to")
        value: Any = parts[2] if len(parts) > 2 else True
        _attach(reading, parts[1], parts[0], value, number, "attribute")
    elif kind == "#":
        note_type, _, target = head.partition(" ")
        if not target:
            raise Refused("needs a note type and what it belongs to")
        key = "note" if note_type == "AnnotatorNotes" else note_type
        _attach(reading, target.strip(), key, tail.strip(), number, "note")  # brat pads some
    elif kind == "N":
        _normalisation(reading, head, tail, number)
    elif kind == "R":
        arguments = [a.partition(":") for a in head.split()[1:]]
        if len(head.split()) != 3 or not all(colon for _, colon, _ in arguments):
            raise Refused("needs a type and two arguments (Arg1:T1 Arg2:T2)")
        (role1, _, head_id), (role2, _, tail_id) = arguments
        reading.relations[ident] = {"label": head.split()[0], "head": head_id, "tail": tail_id,
                                    "roles": (role1, role2), "line": number, "attrs": {}}
    elif kind == "*":
        fields = head.split()
        if len(fields) < 3:
            raise Refused("needs a type and two or more members")
        reading.equivalences.append((fields[0], fields[1:], number))
    else:
        reading.leave(f"lines of an unknown kind ({ident[:10]!r}) not imported", number)


def _attach(reading: _Reading, target: str, key: str, value: Any, number: int,
            what: str) -> None:
    """An attribute or note onto the span, relation or event it names."""
    if target in reading.bounds:
        attrs = reading.bounds[target].attrs
    elif target in reading.relations:
        attrs = reading.relations[target]["attrs"]
    elif target in reading.events:
        attrs = reading.events[target].attrs
        if what == "note" and key == "note":
            event = reading.events[target]
            event.note = value if event.note is None else f"{event.note}\n{value}"
            return
    elif target.startswith(("T", "E", "R")):
        raise Refused(f"names {target!r}, which this file does not define")
    else:
        reading.leave(f"{what}s of {target[:1]!r} annotations not imported "
                      "(annotator keeps them on spans, relations and events)", number)
        return
    if key not in attrs:
        attrs[key] = value
        return
    if what == "note" and key == "note":
        attrs[key] = f"{attrs[key]}\n{value}"  # one note a line, as annotator writes them
        return
    # Said again with another value: brat's multi-valued attributes, kept as a list.
    values = attrs[key] if isinstance(attrs[key], list) else [attrs[key]]
    if value in values:
        reading.leave(f"{what}s said twice with the same value, kept once", number)
        return
    attrs[key] = [*values, value]


def _normalisation(reading: _Reading, head: str, name: str, number: int) -> None:
    fields = head.split(" ")
    if len(fields) != 3 or ":" not in fields[2]:
        raise Refused("needs a type, a target and DB:ID")
    kind, target, reference = fields
    kb, _, entry = reference.partition(":")
    if target not in reading.bounds:
        if not target.startswith(("T", "E", "R")):
            raise Refused(f"names {target!r}, which is no annotation")
        reading.leave("normalisations of events or relations not imported (annotator links "
                      "spans to a knowledge base)", number)
        return
    if kind != "Reference":
        reading.leave(f"normalisations of type {kind!r} imported as Reference (annotator's "
                      "links have no type)", number)
    reading.bounds[target].links.append(KbLink(kb=kb, id=entry, name=name))


def _record(reading: _Reading, text: str, coder: str, txt_path: Path,
            named: list[Problem]) -> DocumentRecord:
    notes = {ident: _event_note(event) for ident, event in reading.events.items()}
    synthetic = _added_triggers(reading, notes)
    uids = {ident: new_uid() for ident in reading.bounds if ident not in synthetic}
    spans = tuple(_span(bound, text, coder, uids[ident])
                  for ident, bound in reading.bounds.items() if ident in uids)
    event_uids = {ident: (notes[ident][0].get("id") or uuid.uuid4().hex)
                  for ident in reading.events}
    events, relations = [], []
    for ident, raw in reading.events.items():
        event, nested = _event(raw, ident, notes[ident], uids, event_uids, coder, reading)
        events.append(event)
        relations += nested
    relations += _relations(reading, uids, coder)
    return DocumentRecord(text=text, title=first_line(text),
                          meta={"file": file_name(txt_path, named)}, spans=spans,
                          events=tuple(events), relations=tuple(relations))


def _span(bound: _Bound, text: str, coder: str, uid: str) -> Span:
    start, end = bound.pieces[0][0], bound.pieces[-1][1]
    return Span(start=start, end=end, label=bound.label, text=text[start:end], coder=coder,
                origin="imported", attrs=bound.attrs, uid=uid,
                fragments=tuple(bound.pieces) if len(bound.pieces) > 1 else (),
                links=tuple(dict.fromkeys(bound.links)))


def _event_note(raw: _RawEvent) -> tuple[dict[str, str], str]:
    """An event's structured details (as annotator writes them) and its free note."""
    if raw.note is None:
        return {}, ""
    details = syntax.event_details(raw.note)
    return (details, details.get("note", "")) if details is not None else ({}, raw.note)


def _added_triggers(reading: _Reading, notes: dict[str, tuple[dict[str, str], str]]) -> set[str]:
    """Triggers annotator made for brat (an event needs one), which are no spans."""
    used = {r[end] for r in reading.relations.values() for end in ("head", "tail")}
    used |= {t for _, members, _ in reading.equivalences for t in members}
    used |= {t for e in reading.events.values() for _, t in e.arguments}
    found = set()
    for ident, raw in reading.events.items():
        details = notes[ident][0]
        bound = reading.bounds.get(raw.trigger)
        if bound is None or raw.trigger in used or bound.attrs or bound.links:
            continue
        if details.get("trigger") == syntax.ADDED_TRIGGER:
            found.add(raw.trigger)
        elif "id" in details and "trigger" not in details and any(
                reading.bounds[t].pieces == bound.pieces for _, t in raw.arguments
                if t in reading.bounds):
            found.add(raw.trigger)  # written by an annotator of before the mark
    return found


def _event(raw: _RawEvent, ident: str, note: tuple[dict[str, str], str], uids: dict[str, str],
           event_uids: dict[str, str], coder: str,
           reading: _Reading) -> tuple[Event, list[Relation]]:
    details, free = note
    if raw.trigger not in reading.bounds:
        raise _refused(raw.line, f"{ident}: its trigger {raw.trigger!r} is no text-bound "
                                 "annotation of this file")
    members: list[EventMember] = []
    if raw.trigger in uids:
        role = details.get(f"role:{raw.trigger}", "trigger")
        members.append(EventMember(uids[raw.trigger], role, details.get(f"group:{raw.trigger}",
                                                                         "")))
    nested = []
    for role, target in raw.arguments:
        role = details.get(f"role:{target}", syntax.role_base(role))
        if target in uids:
            if any(m.span_uid == uids[target] for m in members):
                reading.leave("event arguments naming a span already in the event, kept once",
                              raw.line)
                continue
            members.append(EventMember(uids[target], role, details.get(f"group:{target}", "")))
        elif target in reading.events:
            inner = reading.events[target]
            if raw.trigger not in uids or inner.trigger not in uids:
                reading.leave("event arguments that are events without a trigger span not "
                              "imported", raw.line)
                continue
            nested.append(Relation(head=uids[raw.trigger], tail=uids[inner.trigger],
                                   label=role, coder=coder, origin="imported",
                                   attrs={syntax.EVENT: event_uids[ident],
                                          syntax.ARGUMENT: event_uids[target]}))
        else:
            raise _refused(raw.line, f"{ident}: argument {target!r} is not defined in this file")
    precision = details.get("precision", "1")
    if precision not in {str(p) for p in DATE_PRECISIONS}:
        raise _refused(raw.line, f"{ident}: precision {precision[:20]!r} in its note is not "
                                 f"one of {', '.join(map(str, DATE_PRECISIONS))}")
    event = Event(doc_id=0, type=details.get("type") or raw.kind, members=tuple(members),
                  uid=event_uids[ident], date=details.get("date") or None,
                  date_precision=int(precision), note=syntax.join_event_note(free, raw.attrs),
                  coder=details.get("coder", ""))
    return event, nested


def _relations(reading: _Reading, uids: dict[str, str], coder: str) -> list[Relation]:
    found = []
    for ident, raw in reading.relations.items():
        if raw["head"] not in uids or raw["tail"] not in uids:
            missing = next(end for end in (raw["head"], raw["tail"]) if end not in uids)
            if missing in reading.events or missing in reading.bounds:
                reading.leave("relations between events not imported (annotator relates "
                              "spans)", raw["line"])
                continue
            raise _refused(raw["line"], f"{ident}: argument {missing!r} is not defined in "
                                        "this file")
        attrs = dict(raw["attrs"])
        if raw["roles"] != ("Arg1", "Arg2"):
            attrs[syntax.ROLES] = " ".join(raw["roles"])
        found.append(Relation(head=uids[raw["head"]], tail=uids[raw["tail"]],
                              label=raw["label"], coder=coder, origin="imported", attrs=attrs))
    for group, (kind, members, line) in enumerate(reading.equivalences, start=1):
        if any(m not in uids for m in members):
            missing = next(m for m in members if m not in uids)
            raise _refused(line, f"equivalence {kind}: member {missing!r} is no span of "
                                 "this file")
        for head, tail in itertools.pairwise(members):
            found.append(Relation(head=uids[head], tail=uids[tail], label=kind, coder=coder,
                                  origin="imported", attrs={syntax.EQUIVALENCE: str(group)}))
    return found


def _refused(line: int, message: str) -> Refused:
    refused = Refused(message)
    refused.line = line  # type: ignore[attr-defined]
    return refused
