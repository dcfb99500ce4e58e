"""Team work: merging coders' corpora back (``assignment`` splits a corpus among them).

A coder's corpus is an ordinary corpus file holding their documents, the
schema and the codebook: what a team mails around. Merging matches
documents by id, keeps spans (their pieces and knowledge-base links too),
statuses, events, relations and document labels per coder, and can be
repeated: what is already there is not added twice.

A corpus that comes back is not trusted: anyone could have edited its rows
with ``sqlite3``. Merging reads every row itself, checks it against the
target's schema and rules (as an import does) and brings in only what
passes; the rest is counted in the report, with examples.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.events import Event
from annotator.core.model import STATUS_RANK, DocLabel, DocumentRecord, Relation, Span
from annotator.core.schema import (
    LabelSpec,
    Schema,
    attribute_from_json,
    name_problem,
    shortcut_problem,
    shown,
    text_problem,
)

# Splitting a corpus is kept apart; its names are still found here.
from annotator.storage.assignment import (
    assign,
    assignment_files,
    coder_file_name,
    plan_assignment,
)
from annotator.storage.bulk import add_documents, text_sha256
from annotator.storage.corpus import Corpus, CorpusError, now
from annotator.storage.palette import color_for_new_label
from annotator.storage.schema_store import lenient_text
from annotator.storage.team_rows import (
    Refused,
    checked_doc_label,
    checked_document,
    checked_event,
    checked_list,
    checked_relation,
    checked_span,
    checked_status,
    checked_text,
    coder_name_problem,
)

__all__ = ["MergeReport", "assign", "assignment_files", "coder_file_name",
           "coder_name_problem", "merge", "plan_assignment"]


@dataclass
class MergeReport:
    documents: int = 0
    spans: int = 0
    statuses: int = 0
    events: int = 0
    relations: int = 0
    doc_labels: int = 0
    new_labels: list[str] = field(default_factory=list)
    new_event_names: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Stopped on request after this many of the source's documents (None: all read).
    stopped_after: tuple[int, int] | None = None
    # (kind, reason) -> how many rows were refused, and a few examples.
    refused: dict[tuple[str, str], int] = field(default_factory=dict)
    examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def refuse(self, kind: str, refused: Refused) -> None:
        key = (kind, refused.reason)
        self.refused[key] = self.refused.get(key, 0) + 1
        found = self.examples.setdefault(key, [])
        if len(found) < 3:
            found.append(refused.detail)

    def lines(self) -> list[str]:
        out = [f"added {self.documents} documents, {self.spans} spans, {self.events} events, "
               f"{self.statuses} statuses, {self.relations} relations, "
               f"{self.doc_labels} document labels"]
        if self.new_labels:
            out.append("new labels: " + ", ".join(self.new_labels))
        if self.new_event_names:
            out.append("new event types and roles: " + ", ".join(self.new_event_names))
        if self.stopped_after is not None:
            done, total = self.stopped_after
            out.append(f"stopped after {done} of {total} documents, each whole; merging the "
                       "same corpus again brings in the rest")
        return out + [f"problem: {p}" for p in self.problems]

    def finish(self) -> None:
        """Put the refusals into ``problems``, one line per kind and reason."""
        for (kind, reason), count in sorted(self.refused.items()):
            examples = "; ".join(self.examples[(kind, reason)])
            more = ", e.g." if count > len(self.examples[(kind, reason)]) else ":"
            self.problems.append(f"{kind}: {count} refused ({reason}){more} {examples}")


def merge(target: Corpus, source: Corpus, *, progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> MergeReport:
    """Bring ``source``'s documents, spans, statuses, events, relations and document
    labels into ``target``, a document at a time (``progress``: documents read of all;
    ``cancelled`` asked between documents).

    Every row is checked first; what fails is left out and reported. Never raises
    for what the source holds (only for a target that cannot be written).
    """
    report = MergeReport()
    with lenient_text(source):
        try:
            schema = _merge_schema(target, source, report)
        except CorpusError as exc:
            report.problems.append(f"nothing merged: {exc}")
            return report
        total = int(source.db.execute("SELECT count(*) FROM documents").fetchone()[0])
        if progress is not None:
            progress(0, total)
        done = 0
        for document, held in _source_documents(source, report):
            if cancelled is not None and cancelled():
                break
            _merge_document(target, schema, document, held, report)
            done += 1
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total)
        if progress is not None:
            progress(done, total)
        # Asked after the last document too: a stop asked during it stops what would
        # follow (the next corpus of a merge of several).
        if cancelled is not None and cancelled():
            report.stopped_after = (done, total)
    report.finish()
    return report


PROGRESS_EVERY = 100  # documents


@dataclass
class _Held:
    """A source document's raw rows, each checked as it is merged."""

    spans: list[tuple[Any, ...]] = field(default_factory=list)
    statuses: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]] = field(default_factory=list)
    relations: list[tuple[Any, ...]] = field(default_factory=list)
    doc_labels: list[tuple[Any, ...]] = field(default_factory=list)


def _merge_document(target: Corpus, schema: Schema, document: DocumentRecord, held: _Held,
                    report: MergeReport) -> None:
    where = f"document {shown(document.uid)}"
    found = target.db.execute("SELECT id, sha256 FROM documents WHERE uid = ?",
                              [document.uid]).fetchone()
    if found is not None and found[1] != text_sha256(document.text):
        report.problems.append(f"{where} has a different text in the two corpora; "
                               "its spans were not merged")
        return
    doc_id = found[0] if found else None
    have = set() if doc_id is None else {r[0] for r in target.db.execute(
        "SELECT uid FROM spans WHERE doc_id = ?", [doc_id])}
    good: list[Span] = []
    present = set(have)
    for row in held.spans:
        try:
            span = checked_span(row, document.text, schema, where)
            if span.uid in have:
                continue  # merged before
            if span.uid in present or _taken(target, "spans", span.uid):
                raise Refused("id already used by another span", f"span {shown(span.uid)} "
                                                                  f"in {where}")
            good.append(span)
            present.add(span.uid)
        except Refused as refused:
            report.refuse("spans", refused)
    good_statuses: dict[str, str] = {}
    for row in held.statuses:
        try:
            coder, status = checked_status(row, where)
            good_statuses[coder] = status
        except Refused as refused:
            report.refuse("statuses", refused)
    known = set() if doc_id is None else {r[0] for r in target.db.execute(
        "SELECT uid FROM events WHERE doc_id = ?", [doc_id])}
    good_events: list[Event] = []
    for row, members in held.events:
        try:
            event = checked_event(row, members, present, schema, where)
            if event.uid in known:
                continue
            if _taken(target, "events", event.uid) or event.uid in {e.uid for e in good_events}:
                raise Refused("id already used by another event",
                               f"event {shown(event.uid)} in {where}")
            good_events.append(event)
        except Refused as refused:
            report.refuse("events", refused)
    relations = _good_relations(target, doc_id, held, present, where, report)
    doc_labels = _good_doc_labels(target, doc_id, held, where, report)
    if doc_id is None:
        _add_new(target, replace(document, spans=tuple(good), statuses=good_statuses,
                                 events=tuple(good_events), relations=tuple(relations),
                                 doc_labels=tuple(doc_labels)), report)
        return
    with target.batch():
        for span in good:
            try:
                target.insert_span(replace(span, doc_id=doc_id))
            except CorpusError as exc:  # a rule of the corpus file itself
                report.refuse("spans", Refused("not accepted by the target", str(exc)))
                present.discard(span.uid)
                continue
            report.spans += 1
        for coder, status in good_statuses.items():
            current = target.status(doc_id, coder)
            if STATUS_RANK[status] > STATUS_RANK.get(current, 0):  # the furthest a coder got
                target.set_status(doc_id, coder, status)
                report.statuses += 1
        for event in good_events:
            if not all(m.span_uid in present for m in event.members):
                report.refuse("events", Refused("names a span that is missing or was refused",
                                                 f"event {shown(event.uid)} in {where}"))
                continue
            target.insert_event(replace(event, doc_id=doc_id))
            report.events += 1
        _store_relations_and_labels(target, doc_id, relations, doc_labels, present, where,
                                    report)


def _good_relations(target: Corpus, doc_id: int | None, held: _Held, present: set[str],
                    where: str, report: MergeReport) -> list[Relation]:
    """The source's relations of a document the target takes (between spans it keeps),
    less those merged before."""
    known = set() if doc_id is None else {r[0] for r in target.db.execute(
        "SELECT uid FROM relations WHERE doc_id = ?", [doc_id])}
    good: list[Relation] = []
    for row in held.relations:
        try:
            relation = checked_relation(row, present, where)
            if relation.uid in known:
                continue
            if _taken(target, "relations", relation.uid) or \
                    relation.uid in {r.uid for r in good}:
                raise Refused("id already used by another relation",
                              f"relation {shown(relation.uid)} in {where}")
            good.append(relation)
        except Refused as refused:
            report.refuse("relations", refused)
    return good


def _good_doc_labels(target: Corpus, doc_id: int | None, held: _Held, where: str,
                     report: MergeReport) -> list[DocLabel]:
    """The source's document labels the target lacks; one a coder answered otherwise in
    the target is reported, the target's answer kept (as a span changed on both sides
    keeps the target's)."""
    good: list[DocLabel] = []
    for row in held.doc_labels:
        try:
            label = checked_doc_label(row, where)
        except Refused as refused:
            report.refuse("document labels", refused)
            continue
        theirs = None if doc_id is None else target.doc_label(doc_id, label.coder, label.name)
        if theirs is not None and theirs != label:
            report.problems.append(
                f"{where}: {label.coder}'s document label {label.name!r} is "
                f"{_as_json(label.value)} there and {_as_json(theirs.value)} here; kept as "
                "here")
        if theirs is None:
            good.append(label)
    return good


def _as_json(value: Any) -> str:
    return shown(json.dumps(value, ensure_ascii=False)).strip("'")


def _store_relations_and_labels(target: Corpus, doc_id: int, relations: list[Relation],
                                doc_labels: list[DocLabel], present: set[str], where: str,
                                report: MergeReport) -> None:
    target.ensure_codebook_for([r.label for r in relations], doc_labels)
    for relation in relations:
        if relation.head not in present or relation.tail not in present:
            report.refuse("relations", Refused("links a span that is missing or was refused",
                                               f"relation {shown(relation.uid)} in {where}"))
            continue
        target.insert_relation(replace(relation, doc_id=doc_id))
        report.relations += 1
    for label in doc_labels:
        target.set_doc_label(doc_id, label.coder, label.name, label.value)
        report.doc_labels += 1


def _add_new(target: Corpus, document: DocumentRecord, report: MergeReport) -> None:
    [result] = add_documents(target, [document])
    if result.outcome == "added":
        report.documents += 1
        report.spans += len(document.spans)
        report.events += len(document.events)
        report.statuses += len(document.statuses)
        report.relations += len(document.relations)
        report.doc_labels += len(document.doc_labels)
    else:
        report.refuse("documents", Refused("not accepted by the target",
                                            f"{shown(document.uid)}: {result.reason}"))


def _taken(target: Corpus, table: str, uid: str) -> bool:
    return target.db.execute(f"SELECT 1 FROM {table} WHERE uid = ?", [uid]).fetchone() is not None


# -- reading the source, row by row ----------------------------------------------


# What a source document holds, by the _Held list it goes to; each row starts with its
# document's row number.
_HELD_ROWS = (
    ("spans", 'SELECT doc_id, uid, start, "end", label, text, attrs, coder, origin, fragments, '
              "links FROM spans WHERE doc_id BETWEEN ? AND ? ORDER BY id"),
    ("statuses", "SELECT doc_id, coder, status FROM doc_status WHERE doc_id BETWEEN ? AND ? "
                 "ORDER BY coder"),
    ("events", "SELECT doc_id, id, uid, doc_id, type, date, date_precision, note, coder, "
               "attrs, incident FROM events WHERE doc_id BETWEEN ? AND ? ORDER BY id"),
    ("relations", "SELECT doc_id, uid, head, tail, label, attrs, coder, origin FROM relations "
                  "WHERE doc_id BETWEEN ? AND ? ORDER BY id"),
    ("doc_labels", "SELECT doc_id, coder, name, value FROM doc_labels "
                   "WHERE doc_id BETWEEN ? AND ? ORDER BY coder, name"),
)


def _source_documents(source: Corpus, report: MergeReport
                      ) -> Iterator[tuple[DocumentRecord, _Held]]:
    """Each readable document of ``source`` with its raw rows; an unreadable document
    is refused with all it holds."""
    db = source.db
    after = 0
    while True:
        rows = db.execute(
            "SELECT id, uid, title, text, date, source, url, meta, notes, flags FROM documents "
            "WHERE id > ? ORDER BY id LIMIT 200", [after]).fetchall()
        if not rows:
            return
        first, last = rows[0][0], rows[-1][0]
        held: dict[Any, _Held] = {row[0]: _Held() for row in rows}
        members: dict[Any, list[tuple[Any, ...]]] = {}
        for row in db.execute("SELECT m.event_id, m.span_uid, m.role, m.grp FROM event_members m "
                              "JOIN events e ON e.id = m.event_id WHERE e.doc_id BETWEEN ? AND ? "
                              "ORDER BY m.event_id, m.position", [first, last]):
            members.setdefault(row[0], []).append(row[1:])
        for table, sql in _HELD_ROWS:
            for row in db.execute(sql, [first, last]):
                mine = held.get(row[0])  # None: a row whose document is gone (edited by hand)
                if mine is not None:
                    getattr(mine, table).append(
                        (row[1:], members.get(row[1], [])) if table == "events" else row[1:])
        for row in rows:
            try:
                document = checked_document(row)
            except Refused as refused:
                report.refuse("documents", refused)
                mine = held[row[0]]
                for kind, items in (("spans", mine.spans), ("statuses", mine.statuses),
                                    ("events", mine.events), ("relations", mine.relations),
                                    ("document labels", mine.doc_labels)):
                    for _ in items:
                        report.refuse(kind, Refused("their document was refused",
                                                     f"document {shown(row[1])}"))
                continue
            yield document, held[row[0]]
        after = last


def _source_label(row: Sequence[Any], position: int, report: MergeReport) -> LabelSpec:
    """A source label from its row; what cannot be used of it is refused. A damaged
    colour, shortcut, description or examples are replaced and reported, a damaged
    name or attributes refuse the label (and so its spans)."""
    name, color, shortcut, description, attributes, examples = row
    problem = name_problem(name)
    if problem:
        raise Refused("name not usable", f"label name {problem}")
    where = f"label {name!r}"
    raw = checked_list(attributes, "attributes", where)
    try:
        specs = tuple(attribute_from_json(a, where, i) for i, a in enumerate(raw, start=1))
    except ValueError as exc:  # InvalidRecord
        raise Refused("attributes not usable", str(exc)) from None
    if not isinstance(color, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        report.refuse("label colours", Refused("not #rrggbb; a palette colour given instead",
                                                f"{where}: {shown(color)}"))
        color = color_for_new_label(position)
    if not isinstance(shortcut, str) or shortcut_problem(shortcut):
        report.refuse("label shortcuts", Refused("not a key; left without one",
                                                  f"{where}: {shown(shortcut)}"))
        shortcut = ""
    try:
        description = checked_text(description, "description", where)
    except Refused as refused:
        report.refuse("label descriptions", refused)
        description = ""
    try:
        texts = tuple(checked_list(examples, "examples", where))
        if not all(isinstance(t, str) and not text_problem(t) for t in texts):
            raise Refused("examples are not texts", f"{where}: {shown(list(texts))}")
    except Refused as refused:
        report.refuse("label examples", refused)
        texts = ()
    return LabelSpec(name, color, shortcut, description, specs, texts)


def _source_event_names(source: Corpus, key: str, report: MergeReport) -> list[str]:
    row = source.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        return []
    try:
        names = json.loads(row[0]) if isinstance(row[0], str) else None
    except (ValueError, RecursionError):
        names = None
    if not isinstance(names, list):
        report.refuse("schema settings", Refused("not a list of names",
                                                  f"{key}: {shown(row[0])}"))
        return []
    good = []
    for name in names:
        if name_problem(name):
            report.refuse("schema settings", Refused("not a usable name",
                                                      f"{key}: {name_problem(name)}"))
        else:
            good.append(name)
    return good


def _merge_schema(target: Corpus, source: Corpus, report: MergeReport) -> Schema:
    """Add the source's usable labels, event types and roles the target lacks; report
    labels defined differently (the target's definition is kept). Returns the target's
    schema as merged rows are checked against."""
    mine = target.schema()
    added: list[LabelSpec] = []
    taken_keys = {x.shortcut for x in mine.labels if x.shortcut}
    for row in source.db.execute("SELECT name, color, shortcut, description, attributes, "
                                 "examples FROM labels ORDER BY position, name"):
        try:
            label = _source_label(row, len(mine.labels) + len(added), report)
        except Refused as refused:
            report.refuse("labels", refused)
            continue
        ours = mine.label(label.name)
        if ours is None:
            if label.name in {x.name for x in added}:
                continue
            if label.shortcut in taken_keys:
                label = replace(label, shortcut="")
            taken_keys.add(label.shortcut)
            added.append(label)
        elif (ours.attributes, ours.description) != (label.attributes, label.description):
            report.problems.append(
                f"label {label.name!r} is defined differently in {source.path.name}; "
                f"{target.path.name}'s definition is kept")
    types = [t for t in _source_event_names(source, "event_types", report)
             if t not in mine.event_types]
    roles = [r for r in _source_event_names(source, "event_roles", report)
             if r not in mine.event_roles]
    if added or types or roles:
        target.save_schema(replace(mine, labels=(*mine.labels, *added),
                                   event_types=(*mine.event_types, *dict.fromkeys(types)),
                                   event_roles=(*mine.event_roles, *dict.fromkeys(roles))))
        report.new_labels = [label.name for label in added]
        report.new_event_names = [*dict.fromkeys(types), *dict.fromkeys(roles)]
    target.set_setting("merged_at", now())
    return target.schema()

