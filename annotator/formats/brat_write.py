"""Writing brat standoff: a ``.txt`` and an ``.ann`` per document, and ``annotation.conf``.

Every span is a ``T`` line over exactly its characters: white space at its ends is
kept, and it is cut into fragments only at line breaks, which brat cannot hold in
a text field (the reader joins pieces apart only by line breaks again). Attributes
are ``A`` lines where brat can hold the value, ``#`` notes of their own name where
the value has spaces; knowledge-base links are ``N`` lines; relations ``R`` lines,
equivalence groups ``*`` lines; events ``E`` lines whose trigger is their member
of role ``trigger`` (or a ``T`` made for brat, marked ``trigger=added`` in the
event's note, when they have none), with annotator's details in that note.
Whatever brat cannot carry is counted in the loss report.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotator.core.events import Event, EventMember
from annotator.core.model import CodedDocument, Relation, Span
from annotator.core.schema import LabelSpec
from annotator.formats import brat_syntax as syntax
from annotator.formats.brat_conf import ConfTypes
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.file_names import ID_MAP_NAME, FileNames, write_id_map
from annotator.formats.losses import LossReport, describe, report_left_out
from annotator.formats.safe_text import clipped

LINE_BREAK_IN_NOTE = "line break or tab in a note replaced by a space (brat has no escapes)"
SEMICOLON_IN_EVENT = "';' in an event's details written as ',' (brat event notes use ';')"
AS_NOTE = "attribute written as a note 'name: value' (brat holds no such value)"
LEFT_OUT_EMPTY = "false or empty attribute left out (brat writes only attributes that are there)"
NUMBER_AS_TEXT = ("number attribute reads back as text (brat values are text and the codebook "
                  "does not say it is a number)")
LABEL_RENAMED = "label renamed to fit brat's type names"


def write(source: Source, path: Path, context: ExportContext) -> int:
    path.mkdir(parents=True, exist_ok=True)
    conf = ConfTypes()
    specs = {spec.name: spec for spec in context.labels}
    names = FileNames()
    count = 0
    for coded in source():
        doc = coded.document
        stem = names.stem(doc.uid)
        if stem != doc.uid:
            context.notices.add(f"document id changed to a safe file name (every id is in "
                                f"{ID_MAP_NAME}, which a re-import reads)",
                                f"{clipped(doc.uid)!r} written as {stem}.ann")
        lines = _Document(coded, context.losses, conf, specs, context.notices).lines()
        (path / f"{stem}.txt").write_text(doc.text, encoding="utf-8", newline="\n")
        (path / f"{stem}.ann").write_text("".join(line + "\n" for line in lines),
                                          encoding="utf-8", newline="\n")
        count += 1
    # Always: a re-import gives each document back its id from it.
    write_id_map(path, names.stems)
    codebook = [syntax.brat_type(n) for n in context.label_names]
    (path / "annotation.conf").write_text(conf.text(codebook, context.options.all_labels),
                                          encoding="utf-8", newline="\n")
    return count


class _Document:
    """The lines of one document's ``.ann``."""

    def __init__(self, coded: CodedDocument, losses: LossReport, conf: ConfTypes,
                 specs: Mapping[str, LabelSpec], notices: LossReport | None = None) -> None:
        self.coded, self.losses, self.conf, self.specs = coded, losses, conf, specs
        # What is changed on the way and given back on reading (an event type renamed
        # for brat, its name kept in the event's note).
        self.notices = notices if notices is not None else LossReport()
        self.text = coded.document.text
        self.out: list[str] = []
        self.numbers: dict[str, int] = {}  # span uid -> T number
        self.kinds: dict[str, str] = {}  # span uid -> brat type written
        self.counters = {"T": 0, "A": 0, "#": 0, "N": 0, "R": 0}
        self.in_equivalence: set[str] = set()
        self.spans = {span.uid: span for span in coded.spans}

    def next(self, prefix: str) -> int:
        self.counters[prefix] += 1
        return self.counters[prefix]

    def lines(self) -> list[str]:
        for span in self.coded.spans:
            self._span(span)
        relations = self._equivalences(list(self.coded.relations))
        events, nested = self._event_numbers()
        relations = [r for r in relations if id(r) not in nested]
        for relation in relations:
            self._relation(relation)
        for event in self.coded.events:
            if event.uid in events:
                self._event(event, events, nested)
        # An event's coder travels in its note; nothing else has a place for one.
        report_left_out(self.coded, self.losses, "brat", attributes=False, events=False,
                        relations=False, fragments=False, links=False, doc_labels=True,
                        coders=("spans", "relations"), ids=False)
        return self.out

    # -- spans ------------------------------------------------------------------------

    def _where(self, span: Span) -> str:
        doc = self.coded.document
        return describe(doc.uid, doc.text, span.start, span.end, span.label)

    def _span(self, span: Span) -> None:
        pieces = syntax.line_pieces(self.text, span.pieces)
        if not syntax.covered(self.text, pieces).strip():
            # brat reads a blank text field as a missing one and fills it in again,
            # without the spaces: the line changes under it.
            self.losses.add("span of only white space left out (brat takes its text for "
                            "missing)", self._where(span))
            return
        if syntax.joined_pieces(self.text, pieces) != list(span.pieces):
            if (pieces[0][0], pieces[-1][1]) != (span.start, span.end):
                self.losses.add("span starting or ending with a line break written without it "
                                "(brat holds no line break in a span)", self._where(span))
            else:
                self.losses.add("discontinuous span whose pieces are apart only by line breaks "
                                "reads back as one stretch", self._where(span))
        kind = self._kind(span.label)
        number = self.numbers[span.uid] = self.next("T")
        self.kinds[span.uid] = kind
        self.out.append(f"T{number}\t{kind} {syntax.offsets(pieces)}\t"
                        f"{syntax.covered(self.text, pieces)}")
        self.conf.entity(kind)
        self._attributes(f"T{number}", span.attrs, kind, self.specs.get(span.label),
                         self._where(span))
        for link in span.links:
            self._link(number, link.kb, link.id, link.name, span)

    def _kind(self, label: str, what: str = LABEL_RENAMED) -> str:
        kind = syntax.brat_type(label) or "_"
        if kind != label:
            self.losses.add(what, f"{label!r} written as {kind!r}")
        return kind

    def _link(self, number: int, kb: str, entry: str, name: str, span: Span) -> None:
        where = f"{self._where(span)} {kb}:{entry}"
        if not syntax.fits_name(kb) or ":" in kb or not syntax.fits_name(entry):
            self.losses.add("knowledge-base link left out (brat's DB:ID holds no space, and "
                            "no ':' in DB)", where)
            return
        if syntax.NOT_IN_FIELD.search(name):
            self.losses.add(LINE_BREAK_IN_NOTE, where)
            name = syntax.NOT_IN_FIELD.sub(" ", name)
        self.out.append(f"N{self.next('N')}\tReference T{number} {kb}:{entry}\t{name}")

    # -- attributes and notes ----------------------------------------------------------

    def _attributes(self, target: str, attrs: Mapping[str, Any], owner: str,
                    spec: LabelSpec | None, where: str) -> None:
        for key, value in attrs.items():
            if value is None or value is False or value == "" or value == []:
                self.losses.add(LEFT_OUT_EMPTY, f"{where} {key}={value!r}")
                continue
            values = value if key != "note" and _several(value) else [value]
            if all(self._writable(key, v) for v in values):
                for each in values:
                    self._one_attribute(target, key, each, owner)
                self._typed(key, value, spec, where)
            elif key == "note" and isinstance(value, str):
                self._note(target, "AnnotatorNotes", value, where)
            else:
                self._note(target, "AnnotatorNotes", f"{key}: {value}", where)
                self.losses.add(AS_NOTE, f"{where} {key}={value!r}")

    def _writable(self, key: str, value: Any) -> bool:
        text = _text_of(value)
        if value is True:
            return syntax.fits_name(key)
        if text is None:
            return False
        if key == "note":  # a line break: one note a line, which the reader joins
            return all(syntax.fits_note(line) for line in text.split("\n"))
        return syntax.fits_name(key) and key != "AnnotatorNotes" and (
            syntax.fits_value(text) or syntax.fits_note(text))

    def _one_attribute(self, target: str, key: str, value: Any, owner: str) -> None:
        text = _text_of(value)
        if value is True:
            self.out.append(f"A{self.next('A')}\t{key} {target}")
            self.conf.attribute(key, owner, None)
        elif text is not None and key != "note" and syntax.fits_value(text):
            self.out.append(f"A{self.next('A')}\t{key} {target} {text}")
            self.conf.attribute(key, owner, text)
        elif key == "note":
            for line in str(text).split("\n"):
                self.out.append(f"#{self.next('#')}\tAnnotatorNotes {target}\t{line}")
        else:  # a text with spaces: a note of the attribute's name
            self.out.append(f"#{self.next('#')}\t{key} {target}\t{text}")

    def _typed(self, key: str, value: Any, spec: LabelSpec | None, where: str) -> None:
        values = value if isinstance(value, list) else [value]
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        attribute = spec.attribute(key) if spec else None
        if numbers and not (attribute and attribute.kind in ("integer", "number")):
            self.losses.add(NUMBER_AS_TEXT, f"{where} {key}={value!r}")

    def _note(self, target: str, note_type: str, text: str, where: str) -> None:
        if syntax.NOT_IN_FIELD.search(text):
            self.losses.add(LINE_BREAK_IN_NOTE, f"{where} {text!r}")
            text = syntax.NOT_IN_FIELD.sub(" ", text)
        self.out.append(f"#{self.next('#')}\t{note_type} {target}\t{text}")

    # -- relations ---------------------------------------------------------------------

    def _relation_where(self, relation: Relation) -> str:
        return (f"{relation.label} {relation.head} -> {relation.tail} in document "
                f"{clipped(self.coded.document.uid)}")

    def _relation(self, relation: Relation) -> None:
        head, tail = self.numbers.get(relation.head), self.numbers.get(relation.tail)
        if head is None or tail is None:
            self.losses.add("relation left out with its span", self._relation_where(relation))
            return
        attrs = dict(relation.attrs)
        roles = str(attrs.get(syntax.ROLES, "")).split(" ")
        if len(roles) == 2 and roles[0] != roles[1] and all(
                syntax.fits_name(r) and ":" not in r for r in roles):
            del attrs[syntax.ROLES]
        else:
            roles = ["Arg1", "Arg2"]
        kind = self._kind(relation.label, "relation type renamed to fit brat's type names")
        number = self.next("R")
        self.out.append(f"R{number}\t{kind} {roles[0]}:T{head} {roles[1]}:T{tail}")
        self.conf.relation(kind, roles, self.kinds[relation.head], self.kinds[relation.tail])
        self._attributes(f"R{number}", attrs, kind, None, self._relation_where(relation))

    def _equivalences(self, relations: list[Relation]) -> list[Relation]:
        """``*`` lines for the equivalence groups; the relations left to write."""
        groups: dict[tuple[str, str], list[Relation]] = {}
        for relation in relations:
            group = relation.attrs.get(syntax.EQUIVALENCE)
            if (set(relation.attrs) == {syntax.EQUIVALENCE} and relation.head in self.numbers
                    and relation.tail in self.numbers
                    and syntax.brat_type(relation.label) == relation.label):
                groups.setdefault((str(group), relation.label), []).append(relation)
        written: set[int] = set()
        for (_, label), members in groups.items():
            chained = all(a.tail == b.head for a, b in itertools.pairwise(members))
            spans = [members[0].head, *(m.tail for m in members)]
            if not chained or len(set(spans)) != len(spans):
                continue  # not one chain: written as R lines, the group as their attribute
            self.out.append(f"*\t{label} " + " ".join(f"T{self.numbers[s]}" for s in spans))
            self.in_equivalence.update(spans)
            self.conf.equivalence(label, [self.kinds[s] for s in spans])
            written |= {id(m) for m in members}
        return [r for r in relations if id(r) not in written]

    # -- events ------------------------------------------------------------------------

    def _event_numbers(self) -> tuple[dict[str, int], dict[int, tuple[str, str]]]:
        """E numbers of the events that can be written (they need a span for a trigger);
        relations that are event arguments (``Theme:E2``), by id: (outer, inner)."""
        numbers: dict[str, int] = {}
        triggers: dict[str, str] = {}
        for event in self.coded.events:
            written = [m for m in event.members if m.span_uid in self.numbers]
            if not written:
                self.losses.add("event without a written span left out (a brat event needs a "
                                "trigger)", f"{event.type} event {event.uid} in document "
                                f"{clipped(self.coded.document.uid)}")
                continue
            numbers[event.uid] = len(numbers) + 1
            trigger = self._trigger(event, written)
            if trigger is not None:
                triggers[event.uid] = trigger.span_uid
        nested = {}
        for relation in self.coded.relations:
            outer, inner = relation.attrs.get(syntax.EVENT), relation.attrs.get(syntax.ARGUMENT)
            if (set(relation.attrs) == {syntax.EVENT, syntax.ARGUMENT}
                    and triggers.get(str(outer)) == relation.head
                    and triggers.get(str(inner)) == relation.tail):
                nested[id(relation)] = (str(outer), str(inner))
        return numbers, nested

    def _event(self, event: Event, numbers: dict[str, int],
               nested: dict[int, tuple[str, str]]) -> None:
        number = numbers[event.uid]
        for member in event.members:
            if member.span_uid not in self.numbers:
                self.losses.add("event member left out with its span", f"event {event.uid} "
                                f"{member.role} in document {clipped(self.coded.document.uid)}")
        written = [m for m in event.members if m.span_uid in self.numbers]
        where = f"event {event.uid} in document {clipped(self.coded.document.uid)}"
        for name in event.attrs:
            self.losses.add("event attributes left out (brat's attributes of an event are "
                            "read back as its note: export jsonl to keep them)",
                            f"{name} of {where}")
        if event.incident:
            self.losses.add("events' incident links left out (brat has no place for an "
                            "event reported by several documents: export jsonl to keep them)",
                            where)
        kind = syntax.brat_type(event.type) or "_"
        if kind != event.type:
            self.notices.add("event type renamed to fit brat's type names (the name is kept "
                             "in the event's note and read back)",
                             f"{event.type!r} written as {kind!r}")
        free, attributes = syntax.split_event_note(event.note)
        details: list[tuple[str, str]] = [
            (k, str(v)) for k, v in (("id", event.uid), ("date", event.date),
                                      ("precision", event.date_precision), ("note", free),
                                      ("coder", event.coder)) if v]
        if kind != event.type:
            details.append(("type", event.type))
        trigger = self._trigger(event, written)
        if trigger is None:
            trigger_number = self._added_trigger(kind, written[0])
            details.append(("trigger", syntax.ADDED_TRIGGER))
            arguments = written
        else:
            trigger_number = self.numbers[trigger.span_uid]
            arguments = [m for m in written if m is not trigger]
            # Said, so that no reader takes it for a trigger made for brat.
            details.append(("trigger", syntax.SPAN_TRIGGER))
            self.conf.trigger(kind, self.kinds[trigger.span_uid])
        fields = [f"{kind}:T{trigger_number}"]
        seen: dict[str, int] = {}
        for target, role, owner_kind in (
                [(f"T{self.numbers[m.span_uid]}", m.role, self.kinds[m.span_uid])
                 for m in arguments]
                + [(f"E{numbers[inner]}", r.label, "<EVENT>") for r in self.coded.relations
                   if id(r) in nested and nested[id(r)][0] == event.uid
                   for inner in [nested[id(r)][1]]]):
            base = syntax.brat_type(role) or "Arg"
            seen[base] = seen.get(base, 0) + 1
            written_role = base if seen[base] == 1 else f"{base}{seen[base]}"
            fields.append(f"{written_role}:{target}")
            self.conf.argument(kind, base, owner_kind)
            if syntax.role_base(written_role) != role:
                details.append((f"role:{target}", role))
        details += [(f"group:T{self.numbers[m.span_uid]}", m.group) for m in written if m.group]
        self.out.append(f"E{number}\t" + " ".join(fields))
        self._attributes(f"E{number}", attributes, "<EVENT>", None,
                         f"{event.type} event {event.uid}")
        shown = "; ".join(f"{k}={self._detail(v, event)}" for k, v in details)
        self.out.append(f"#{self.next('#')}\tAnnotatorNotes E{number}\t{shown}")

    def _trigger(self, event: Event, written: list[EventMember]) -> EventMember | None:
        """The member brat can take as the event's trigger: of role trigger, of the
        event's type, and named by nothing but events and relations (brat refuses a
        document where an attribute, note, link or equivalence names a trigger).
        Without one, a trigger is made and the member is an argument of role trigger."""
        kind = syntax.brat_type(event.type) or "_"
        for member in written:
            span = self.spans[member.span_uid]
            if (member.role == "trigger" and self.kinds[span.uid] == kind and not span.attrs
                    and not span.links and span.uid not in self.in_equivalence):
                return member
        return None

    def _added_trigger(self, kind: str, first: EventMember) -> int:
        pieces = syntax.line_pieces(self.text, self.spans[first.span_uid].pieces)
        number = self.next("T")
        self.out.append(f"T{number}\t{kind} {syntax.offsets(pieces)}\t"
                        f"{syntax.covered(self.text, pieces)}")
        self.conf.trigger(kind, kind)
        return number

    def _detail(self, value: str, event: Event) -> str:
        """An event detail that cannot end the line or split the ``;`` list it sits in."""
        if syntax.NOT_IN_FIELD.search(value):
            self.losses.add(LINE_BREAK_IN_NOTE, f"event {event.uid}: {value!r}")
            value = syntax.NOT_IN_FIELD.sub(" ", value)
        if ";" in value:
            self.losses.add(SEMICOLON_IN_EVENT, f"event {event.uid}: {value!r}")
            value = value.replace(";", ",")
        return value


def _several(value: Any) -> bool:
    """A list brat can give back as one attribute said several times."""
    return (isinstance(value, list) and len(value) >= 2
            and all(not isinstance(v, bool) and _text_of(v) is not None for v in value)
            and len({_text_of(v) for v in value}) == len(value))


def _text_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    return None
