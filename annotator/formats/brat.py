"""brat standoff: a ``.txt`` and an ``.ann`` per document, and ``annotation.conf``.

Writing: a T line per span (split into fragments at line breaks, which brat
cannot draw across), A lines for attributes whose values brat can hold, and
``#`` AnnotatorNotes for the rest. brat has no escapes, so a line break in a
note or an event's details becomes a space, and the loss report says so. Files
are named by document id where the id is a safe file name; otherwise by a
safe name (``file_names``), with every id in ``document-ids.tab``. Reading:
T, A and ``#`` lines; events, relations, equivalences and normalisations are
counted and reported, not silently dropped. brat offsets are code points, as
annotator's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.core.events import DATE_PRECISIONS, Event, EventMember
from annotator.core.model import CodedDocument, DocumentRecord, InvalidRecord, Span, new_uid
from annotator.core.text import normalise_with_offsets, read_utf8
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
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.file_names import ID_MAP_NAME, FileNames, write_id_map
from annotator.formats.losses import LossReport, describe
from annotator.formats.safe_text import LINE_BREAKS, clipped

_TYPE_CHARS = re.compile(r"[^\w-]")
_BREAK_AT = re.compile(f"[{re.escape(LINE_BREAKS)}]")
# In a note, a line break would start a new annotation line and a tab a new
# field (brat's own reader keeps tabs there, others split at every one).
_NOT_IN_NOTES = re.compile(f"[\t{re.escape(LINE_BREAKS)}]")
LINE_BREAK_IN_NOTE = "line break or tab in a note replaced by a space (brat has no escapes)"
SEMICOLON_IN_EVENT = "';' in an event's details written as ',' (brat event notes use ';')"


def brat_type(label: str) -> str:
    return _TYPE_CHARS.sub("_", label)


def write(source: Source, path: Path, context: ExportContext) -> int:
    path.mkdir(parents=True, exist_ok=True)
    attributes: dict[str, set[str]] = {}
    event_types: dict[str, set[str]] = {}
    names = FileNames()
    count = 0
    for coded in source():
        doc = coded.document
        stem = names.stem(doc.uid)
        if stem != doc.uid:
            context.losses.add(f"document id changed to a safe file name (every id is in "
                               f"{ID_MAP_NAME}; brat has no place for an id)",
                               f"{clipped(doc.uid)!r} written as {stem}.ann")
        lines, numbers = _span_lines(coded, context.losses, attributes)
        lines += _event_lines(coded, numbers, event_types, context.losses)
        (path / f"{stem}.txt").write_text(doc.text, encoding="utf-8", newline="\n")
        (path / f"{stem}.ann").write_text("".join(line + "\n" for line in lines),
                                          encoding="utf-8", newline="\n")
        count += 1
    if names.renamed:
        write_id_map(path, names.stems)
    _write_conf(path / "annotation.conf", [brat_type(n) for n in context.label_names], attributes,
                event_types)
    return count


def _span_lines(coded: CodedDocument, losses: LossReport,
                attributes: dict[str, set[str]]) -> tuple[list[str], dict[str, int]]:
    """T, A and # lines of a document's spans; and each written span's T number."""
    doc = coded.document
    lines: list[str] = []
    numbers: dict[str, int] = {}
    a_number = note_number = 0
    for span in coded.spans:
        where = describe(doc.uid, doc.text, span.start, span.end, span.label)
        pieces = _fragments(doc.text, span.start, span.end)
        if not pieces:
            losses.add("span of only white space left out (brat cannot show it)", where)
            continue
        kind = brat_type(span.label)
        if kind != span.label:
            losses.add("label renamed to fit brat's type names",
                       f"{span.label!r} written as {kind!r}")
        t_number = numbers[span.uid] = len(numbers) + 1
        lines.append(f"T{t_number}\t{kind} {_offsets(pieces)}\t{_covered(doc.text, pieces)}")
        for key, value in span.attrs.items():
            if _fits_attribute(key, value):
                a_number += 1
                lines.append(f"A{a_number}\t{key} T{t_number}" + ("" if value is True
                                                                   else f" {value}"))
                attributes.setdefault(key, set()).add(kind)
            elif value not in (None, False, ""):
                note = f"{key}: {value}"
                if _NOT_IN_NOTES.search(note):
                    losses.add(LINE_BREAK_IN_NOTE, f"{where} {key}={value!r}")
                    note = _NOT_IN_NOTES.sub(" ", note)
                note_number += 1
                lines.append(f"#{note_number}\tAnnotatorNotes T{t_number}\t{note}")
                losses.add("attribute written as a note (brat values hold no spaces)",
                           f"{where} {key}={value!r}")
    return lines, numbers


def _event_lines(coded: CodedDocument, numbers: dict[str, int],
                 event_types: dict[str, set[str]], losses: LossReport) -> list[str]:
    """E lines; brat wants a trigger, so each event gets one on its first member's text."""
    text = coded.document.text
    spans = {span.uid: span for span in coded.spans}
    lines = []
    next_t = len(numbers)
    for number, event in enumerate(coded.events, start=1):
        members = [m for m in event.members if m.span_uid in numbers]
        for member in event.members:
            if member.span_uid in spans and member.span_uid not in numbers:
                losses.add("event member left out with its span", f"event {event.uid} "
                           f"{member.role} in document {coded.document.uid}")
        if not members:
            continue
        kind = brat_type(event.type)
        first = spans[members[0].span_uid]
        pieces = _fragments(text, first.start, first.end)
        next_t += 1
        lines.append(f"T{next_t}\t{kind} {_offsets(pieces)}\t{_covered(text, pieces)}")
        seen: dict[str, int] = {}
        arguments = []
        for member in members:
            role = brat_type(member.role)
            seen[role] = seen.get(role, 0) + 1
            suffix = "" if seen[role] == 1 else str(seen[role])
            arguments.append(f"{role}{suffix}:T{numbers[member.span_uid]}")
            event_types.setdefault(kind, set()).add(role)
        lines.append(f"E{number}\t{kind}:T{next_t} " + " ".join(arguments))
        details = [f"{k}={_detail(v, event, losses)}"
                   for k, v in (("id", event.uid), ("date", event.date),
                                ("precision", event.date_precision), ("note", event.note),
                                ("coder", event.coder)) if v]
        groups = [f"group:T{numbers[m.span_uid]}={_detail(m.group, event, losses)}"
                  for m in members if m.group]
        lines.append(f"#E{number}\tAnnotatorNotes E{number}\t" + "; ".join(details + groups))
    return lines


def _detail(value: object, event: Event, losses: LossReport) -> str:
    """An event detail that cannot end the line or split the ``;`` list it sits in."""
    text = str(value)
    if _NOT_IN_NOTES.search(text):
        losses.add(LINE_BREAK_IN_NOTE, f"event {event.uid}: {text!r}")
        text = _NOT_IN_NOTES.sub(" ", text)
    if ";" in text:
        losses.add(SEMICOLON_IN_EVENT, f"event {event.uid}: {text!r}")
        text = text.replace(";", ",")
    return text


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span's pieces between line breaks, without white space at their ends."""
    pieces = []
    position = start
    for line in _BREAK_AT.split(text[start:end]):
        stripped_start = position + (len(line) - len(line.lstrip()))
        stripped_end = position + len(line.rstrip())
        if stripped_end > stripped_start:
            pieces.append((stripped_start, stripped_end))
        position += len(line) + 1
    return pieces


def _offsets(pieces: list[tuple[int, int]]) -> str:
    return ";".join(f"{a} {b}" for a, b in pieces)


def _covered(text: str, pieces: list[tuple[int, int]]) -> str:
    # brat joins the text of a span's fragments with a space.
    return " ".join(text[a:b] for a, b in pieces)


def _fits_attribute(key: str, value: Any) -> bool:
    if not re.fullmatch(r"[A-Za-z][\w-]*", key):
        return False
    return value is True or (isinstance(value, int | float | str) and not isinstance(value, bool)
                             and str(value) != "" and not re.search(r"\s", str(value)))


def _write_conf(path: Path, types: list[str], attributes: dict[str, set[str]],
                event_types: dict[str, set[str]]) -> None:
    events = [f"{kind}\t" + ", ".join(f"{role}*:<ENTITY>" for role in sorted(roles))
              for kind, roles in sorted(event_types.items())]
    lines = ["[entities]", *types, "", "[relations]", "", "[events]", *events, "",
             "[attributes]"]
    for name, kinds in sorted(attributes.items()):
        lines.append(f"{name}\tArg:{'|'.join(sorted(kinds))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


# -- reading ------------------------------------------------------------------------


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
    raw_text, text = text_file.text, normalised.text
    spans: dict[str, dict[str, Any]] = {}
    skipped: dict[str, int] = {}
    problems: list[Problem] = []
    lines = [(n, *line.partition("\t")[::2]) for n, line in enumerate(ann.split("\n"), start=1)
             if line.strip()]
    # Text-bound lines first: other lines may point at ones defined further down.
    for number, ident, rest in lines:
        if ident.startswith("T"):
            try:
                spans[ident] = _text_bound(rest, raw_text, normalised.map_offset)
            except (ValueError, IndexError) as exc:
                problems.append(Problem(ann_path, number, f"{ident}: {exc}"))
    event_notes = {rest.partition("\t")[0].partition(" ")[2]: rest.partition("\t")[2]
                   for _n, ident, rest in lines if ident.startswith("#")
                   and rest.partition("\t")[0].partition(" ")[2].startswith("E")}
    events: list[Event] = []
    triggers: set[str] = set()
    for number, ident, rest in lines:
        kind = ident[:1]
        if kind == "T" or (kind == "#" and rest.partition("\t")[0].partition(" ")[2]
                           in event_notes):
            continue
        try:
            if kind == "E":
                event, trigger, dropped = _event(ident, rest, spans, event_notes.get(ident, ""))
                if event is not None:
                    events.append(event)
                triggers.add(trigger)
                if dropped:
                    skipped["event arguments that are other events"] = dropped
                continue
            what = _attach(kind, rest, spans)
        except (ValueError, IndexError) as exc:
            problems.append(Problem(ann_path, number, f"{ident}: {exc}"))
            continue
        if what:
            skipped[what] = skipped.get(what, 0) + 1
    if problems:
        yield from problems
        return
    warnings = tuple(Problem(ann_path, None, f"{n} {what} not imported (annotator keeps spans "
                                             "and their attributes)")
                     for what, n in skipped.items())
    warnings += text_file.encoding_warning(txt_path)
    # A trigger that only repeats a member's place (as annotator writes them) is no span.
    member_places = {(spans[m.span_uid]["start"], spans[m.span_uid]["end"])
                     for e in events for m in e.members if m.span_uid in spans}
    synthetic = {t for t in triggers if t in spans and not any(e.has(t) for e in events)
                 and (spans[t]["start"], spans[t]["end"]) in member_places}
    uids = {ident: new_uid() for ident in spans}
    named: list[Problem] = []
    try:
        record = DocumentRecord(
            text=text, title=text.split("\n", 1)[0].strip()[:200],
            meta={"file": file_name(txt_path, named)},
            spans=tuple(Span(start=s["start"], end=s["end"], label=s["label"],
                             text=text[s["start"]:s["end"]], coder=options.coder,
                             origin="imported", attrs=s["attrs"], uid=uids[ident])
                        for ident, s in spans.items() if ident not in synthetic),
            events=tuple(replace(e, members=tuple(replace(m, span_uid=uids[m.span_uid])
                                                  for m in e.members)) for e in events),
        )
    except InvalidRecord as exc:
        yield Problem(ann_path, None, str(exc))
        return
    yield ReadDocument(record, ann_path, None, (*warnings, *named))


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


def _event(ident: str, rest: str, spans: dict[str, dict[str, Any]],
           note: str) -> tuple[Event | None, str, int]:
    """An E line as an event over text-bound spans: (event, trigger id, arguments dropped)."""
    if not rest.split():
        raise ValueError("is empty")
    head, *arguments = rest.split()
    kind, _, trigger = head.partition(":")
    details = dict(part.strip().partition("=")[::2] for part in note.split(";") if "=" in part)
    members, dropped = [], 0
    if trigger in spans and spans[trigger]["label"] != kind:
        members.append(EventMember(trigger, "trigger"))
    for argument in arguments:
        role, _, target = argument.partition(":")
        if target not in spans:
            dropped += 1
            continue
        role = role.rstrip("0123456789") or role
        members.append(EventMember(target, role, details.get(f"group:{target}", "")))
    if not members:
        return None, trigger, dropped
    if trigger in spans and spans[trigger]["label"] == kind and not any(
            m.span_uid == trigger for m in members):
        trigger_place = (spans[trigger]["start"], spans[trigger]["end"])
        if trigger_place not in {(spans[m.span_uid]["start"], spans[m.span_uid]["end"])
                                 for m in members}:
            members.insert(0, EventMember(trigger, "trigger"))
    precision = details.get("precision", "1").strip()
    if precision not in {str(p) for p in DATE_PRECISIONS}:
        raise ValueError(f"precision {precision[:20]!r} in its note is not one of "
                         f"{', '.join(map(str, DATE_PRECISIONS))}")
    event = Event(doc_id=0, type=kind, members=tuple(dict.fromkeys(members)),
                  date=details.get("date") or None,
                  date_precision=int(precision),
                  note=details.get("note", ""), coder=details.get("coder", ""),
                  **({"uid": details["id"]} if details.get("id") else {}))
    return event, trigger, dropped


def _attach(kind: str, rest: str, spans: dict[str, dict[str, Any]]) -> str | None:
    """Put an A, M, # or N line onto its span; say what was not kept, if anything."""
    if kind in ("A", "M"):
        fields = rest.split()
        if len(fields) < 2:
            raise ValueError("needs an attribute name and what it belongs to")
        if fields[1] not in spans:
            return "attributes of events or relations"
        spans[fields[1]]["attrs"][fields[0]] = fields[2] if len(fields) > 2 else True
        return None
    if kind == "#":
        head, _, note = rest.partition("\t")
        note_type, _, target = head.partition(" ")
        if target not in spans:
            return "notes on events or relations"
        key = "note" if note_type == "AnnotatorNotes" else note_type
        spans[target]["attrs"][key] = note.strip()  # brat pads some notes with a space
        return None
    if kind == "N":
        head, _, _name = rest.partition("\t")
        ref_type, target, reference = head.split(" ", 2)
        if target not in spans:
            return "normalisations of events or relations"
        spans[target]["attrs"][ref_type] = reference
        return None
    return {"E": "events", "R": "relations", "*": "equivalences"}.get(kind, f"{kind!r} lines")


def _offset(value: str) -> int:
    # Checked before int(): it would take "٣" (an Arabic-Indic three) and give up,
    # with a message about interpreter limits, on thousands of digits.
    if not (value.isascii() and value.isdigit() and len(value) <= 18):
        raise ValueError(f"offset {value[:20]!r} is not a whole number")
    return int(value)


def _text_bound(rest: str, raw_text: str, map_offset: Any) -> dict[str, Any]:
    head, _, covered = rest.partition("\t")
    label, _, offsets = head.partition(" ")
    pieces = [tuple(_offset(x) for x in piece.split()) for piece in offsets.split(";")]
    if not all(len(p) == 2 and 0 <= p[0] < p[1] for p in pieces):
        raise ValueError(f"offsets {offsets[:60]!r} are not start-end pairs")
    start, end = pieces[0][0], pieces[-1][1]
    if end > len(raw_text):
        raise ValueError(f"points past the end of the text ({len(raw_text)} characters)")
    fragments = " ".join(raw_text[a:b] for a, b in pieces)
    if covered and fragments != covered:
        raise ValueError(f"the text there is {fragments!r}, not {covered!r}")
    return {"start": map_offset(start), "end": map_offset(end), "label": label, "attrs": {}}
