"""Team work: splitting a corpus among coders, and merging their corpora back.

A coder's corpus is an ordinary corpus file holding their documents, the
schema and the codebook: what a team mails around. Merging matches
documents by id, keeps spans, statuses and events per coder, and can be
repeated: what is already there is not added twice.

A corpus that comes back is not trusted: anyone could have edited its rows
with ``sqlite3``. Merging reads every row itself, checks it against the
target's schema and rules (as an import does) and brings in only what
passes; the rest is counted in the report, with examples.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core.events import Event
from annotator.core.model import STATUS_RANK, DocumentRecord, Span
from annotator.core.schema import (
    LabelSpec,
    Schema,
    attribute_from_json,
    name_problem,
    shortcut_problem,
    shown,
    text_problem,
)
from annotator.storage.bulk import add_documents, text_sha256
from annotator.storage.corpus import Corpus, CorpusError, now
from annotator.storage.palette import color_for_new_label
from annotator.storage.schema_store import lenient_text
from annotator.storage.team_rows import (
    MAX_ID,
    Refused,
    checked_document,
    checked_event,
    checked_list,
    checked_span,
    checked_status,
    checked_text,
    coder_name_problem,
)

# Characters Windows refuses in file names, beside the separators refused outright.
_UNSAFE_IN_FILE_NAME = re.compile(r'[<>:"|?*\s]')
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                    *(f"lpt{n}" for n in range(1, 10))}


def coder_file_name(stem: str, coder: str) -> str:
    """``STEM-CODER.sqlite`` with what no file system takes replaced."""
    safe = _UNSAFE_IN_FILE_NAME.sub("_", coder).strip(".")
    if safe.lower() in _WINDOWS_DEVICES:
        safe += "_"
    return f"{stem}-{safe or '_'}.sqlite"


def _stem(corpus: Corpus) -> str:
    """What the coders' files are named after: the corpus file's name without its suffix,
    or a server corpus's database name, made safe as a file name."""
    if isinstance(corpus.path, Path):
        return corpus.path.stem
    safe = _UNSAFE_IN_FILE_NAME.sub("_", corpus.path.name.replace("/", "_").replace("\\", "_"))
    return safe.strip(".") or "corpus"


def plan_assignment(uids: Sequence[str], coders: Sequence[str], overlap: float,
                    seed: int = 0) -> dict[str, list[str]]:
    """Coder -> document ids: a share ``overlap`` of documents goes to two coders each,
    the rest to one, everyone getting about as many."""
    if len(coders) < 2 and overlap > 0:
        raise ValueError("double coding needs at least two coders")
    if not 0 <= overlap <= 1:
        raise ValueError("the overlap is a share between 0% and 100%")
    order = sorted(uids)
    random.Random(seed).shuffle(order)
    shared = round(len(order) * overlap)
    load = {coder: 0 for coder in coders}
    plan: dict[str, list[str]] = {coder: [] for coder in coders}
    for index, uid in enumerate(order):
        wanted = 2 if index < shared else 1
        # The least loaded coders take it (ties in the order given), so work evens out.
        for coder in sorted(coders, key=lambda c: (load[c], coders.index(c)))[:wanted]:
            plan[coder].append(uid)
            load[coder] += 1
    return plan


def assignment_files(corpus: Corpus, coders: Sequence[str], folder: Path) -> dict[str, Path]:
    """Coder -> the file ``assign`` would write, every name checked first: ValueError
    for a bad or repeated name, CorpusError for a file that is already there."""
    if not coders:
        raise ValueError("name at least one coder")
    for coder in coders:
        problem = coder_name_problem(coder)
        if problem:
            raise ValueError(f"coder name {problem}")
    paths = {coder: folder / coder_file_name(_stem(corpus), coder) for coder in coders}
    by_file: dict[str, str] = {}
    for coder, path in paths.items():
        # Case-insensitive file systems (macOS, Windows) would make two names one file.
        other = by_file.setdefault(path.name.casefold(), coder)
        if other != coder:
            raise ValueError(f"coders {other!r} and {coder!r} would share the file {path.name}")
    for path in paths.values():
        if path.exists() or path.is_symlink():
            raise CorpusError(f"{path}: already exists; nothing was written. Choose an empty "
                              "folder (assign never writes over a corpus)")
    return paths


def assign(corpus: Corpus, coders: Sequence[str], overlap: float, folder: Path,
           seed: int = 0) -> dict[str, Path]:
    """Write one corpus per coder into ``folder``; return coder -> file.

    Everything is checked before anything is written; each corpus is written under
    a temporary name and put in place only when all are complete, so a failure
    part-way leaves nothing of this run behind.
    """
    paths = assignment_files(corpus, coders, folder)
    with lenient_text(corpus):
        uids = [uid for uid, in corpus.db.execute("SELECT uid FROM documents")]
        for uid in uids:
            if name_problem(uid, MAX_ID):
                raise CorpusError(f"{corpus.path}: a document id is damaged ({shown(uid)}); "
                                  "nothing was written")
        plan = plan_assignment(uids, coders, overlap, seed)
        schema, codebook = corpus.schema(), corpus.codebook()
        return _write_team(corpus, paths, plan, schema, codebook, folder)


def _write_team(corpus: Corpus, paths: dict[str, Path], plan: dict[str, list[str]],
                schema: Schema, codebook: str, folder: Path) -> dict[str, Path]:
    made_folder = not folder.exists()
    partials = {coder: path.with_name(f".{path.name}.partial") for coder, path in paths.items()}
    placed: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for partial in partials.values():
            _remove_with_companions(partial)  # left by a run that was killed
        for coder, uids in plan.items():
            _write_assignment(corpus, partials[coder], coder, set(uids), schema, codebook)
        for coder, path in paths.items():
            if path.exists():
                raise CorpusError(f"{path}: appeared while assigning; nothing was written")
            partials[coder].rename(path)
            placed.append(path)
    except BaseException as exc:  # Ctrl+C included: leave no half-made team behind
        for path in [*partials.values(), *placed]:
            _remove_with_companions(path)
        if made_folder and folder.exists() and not any(folder.iterdir()):
            folder.rmdir()
        if isinstance(exc, OSError):
            raise CorpusError(f"{folder}: the coders' corpora cannot be written "
                              f"({exc.strerror or exc}); nothing was left there") from exc
        raise
    return paths


def _remove_with_companions(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _write_assignment(corpus: Corpus, path: Path, coder: str, wanted: set[str], schema: Schema,
                      codebook: str) -> None:
    with Corpus.open(path) as mine:
        mine.save_schema(schema, moves={})
        mine.set_codebook(codebook)
        mine.set_setting("assigned_to", coder)
        batch = []
        for doc in _documents(corpus):
            if doc.uid in wanted:
                batch.append(doc)
            if len(batch) >= 500:
                add_documents(mine, batch)
                batch = []
        if batch:
            add_documents(mine, batch)
        # One self-contained file (no -wal beside it) is what is renamed and mailed;
        # the coder's annotator puts it back in WAL mode when it opens it.
        mine.db.execute("PRAGMA journal_mode = DELETE")


def _documents(corpus: Corpus) -> Iterator[DocumentRecord]:
    """The corpus's documents without their coding (which assign leaves behind)."""
    after = 0
    while True:
        rows = corpus.db.execute(
            "SELECT id, uid, title, text, date, source, url, meta, notes, flags FROM documents "
            "WHERE id > ? ORDER BY id LIMIT 500", [after]).fetchall()
        if not rows:
            return
        for row in rows:
            try:
                yield checked_document(row)
            except Refused as refused:
                raise CorpusError(f"{corpus.path}: document {shown(row[1])} is damaged "
                                  f"({refused.reason}: {refused.detail})") from None
        after = rows[-1][0]


# -- merging --------------------------------------------------------------------


@dataclass
class MergeReport:
    documents: int = 0
    spans: int = 0
    statuses: int = 0
    events: int = 0
    new_labels: list[str] = field(default_factory=list)
    new_event_names: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
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
               f"{self.statuses} statuses"]
        if self.new_labels:
            out.append("new labels: " + ", ".join(self.new_labels))
        if self.new_event_names:
            out.append("new event types and roles: " + ", ".join(self.new_event_names))
        return out + [f"problem: {p}" for p in self.problems]

    def finish(self) -> None:
        """Put the refusals into ``problems``, one line per kind and reason."""
        for (kind, reason), count in sorted(self.refused.items()):
            examples = "; ".join(self.examples[(kind, reason)])
            more = ", e.g." if count > len(self.examples[(kind, reason)]) else ":"
            self.problems.append(f"{kind}: {count} refused ({reason}){more} {examples}")


def merge(target: Corpus, source: Corpus) -> MergeReport:
    """Bring ``source``'s documents, spans, statuses and events into ``target``.

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
        for document, spans, statuses, events in _source_documents(source, report):
            _merge_document(target, schema, document, spans, statuses, events, report)
    report.finish()
    return report


def _merge_document(target: Corpus, schema: Schema, document: DocumentRecord,
                    spans: list[tuple[Any, ...]], statuses: list[tuple[Any, ...]],
                    events: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]],
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
    for row in spans:
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
    for row in statuses:
        try:
            coder, status = checked_status(row, where)
            good_statuses[coder] = status
        except Refused as refused:
            report.refuse("statuses", refused)
    known = set() if doc_id is None else {r[0] for r in target.db.execute(
        "SELECT uid FROM events WHERE doc_id = ?", [doc_id])}
    good_events: list[Event] = []
    for row, members in events:
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
    if doc_id is None:
        _add_new(target, document, good, good_statuses, good_events, report)
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


def _add_new(target: Corpus, document: DocumentRecord, spans: list[Span],
             statuses: dict[str, str], events: list[Event], report: MergeReport) -> None:
    [result] = add_documents(target, [replace(document, spans=tuple(spans), statuses=statuses,
                                              events=tuple(events))])
    if result.outcome == "added":
        report.documents += 1
        report.spans += len(spans)
        report.events += len(events)
        report.statuses += len(statuses)
    else:
        report.refuse("documents", Refused("not accepted by the target",
                                            f"{shown(document.uid)}: {result.reason}"))


def _taken(target: Corpus, table: str, uid: str) -> bool:
    return target.db.execute(f"SELECT 1 FROM {table} WHERE uid = ?", [uid]).fetchone() is not None


# -- reading the source, row by row ----------------------------------------------


def _source_documents(source: Corpus, report: MergeReport) -> Iterator[tuple[
        DocumentRecord, list[tuple[Any, ...]], list[tuple[Any, ...]],
        list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]]]:
    """Each readable document of ``source`` with its raw span, status and event rows;
    an unreadable document is refused with all it holds."""
    db = source.db
    after = 0
    while True:
        rows = db.execute(
            "SELECT id, uid, title, text, date, source, url, meta, notes, flags FROM documents "
            "WHERE id > ? ORDER BY id LIMIT 200", [after]).fetchall()
        if not rows:
            return
        first, last = rows[0][0], rows[-1][0]
        spans: dict[Any, list[tuple[Any, ...]]] = {}
        for row in db.execute('SELECT doc_id, uid, start, "end", label, text, attrs, coder, '
                              "origin FROM spans WHERE doc_id BETWEEN ? AND ? ORDER BY id",
                              [first, last]):
            spans.setdefault(row[0], []).append(row[1:])
        statuses: dict[Any, list[tuple[Any, ...]]] = {}
        for row in db.execute("SELECT doc_id, coder, status FROM doc_status "
                              "WHERE doc_id BETWEEN ? AND ?", [first, last]):
            statuses.setdefault(row[0], []).append(row[1:])
        members: dict[Any, list[tuple[Any, ...]]] = {}
        for row in db.execute("SELECT m.event_id, m.span_uid, m.role, m.grp FROM event_members m "
                              "JOIN events e ON e.id = m.event_id WHERE e.doc_id BETWEEN ? AND ? "
                              "ORDER BY m.event_id, m.position", [first, last]):
            members.setdefault(row[0], []).append(row[1:])
        events: dict[Any, list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]] = {}
        for row in db.execute("SELECT id, uid, doc_id, type, date, date_precision, note, coder "
                              "FROM events WHERE doc_id BETWEEN ? AND ? ORDER BY id",
                              [first, last]):
            events.setdefault(row[2], []).append((row, members.get(row[0], [])))
        for row in rows:
            doc_id = row[0]
            try:
                document = checked_document(row)
            except Refused as refused:
                report.refuse("documents", refused)
                for kind, held in (("spans", spans), ("statuses", statuses), ("events", events)):
                    for _ in held.get(doc_id, []):
                        report.refuse(kind, Refused("their document was refused",
                                                     f"document {shown(row[1])}"))
                continue
            yield document, spans.get(doc_id, []), statuses.get(doc_id, []), \
                events.get(doc_id, [])
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

