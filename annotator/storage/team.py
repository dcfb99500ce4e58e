"""Team work: splitting a corpus among coders, and merging their corpora back.

A coder's corpus is an ordinary corpus file holding their documents, the
schema and the codebook: what a team mails around. Merging matches
documents by id, keeps spans, statuses and events per coder, and can be
repeated: what is already there is not added twice.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.model import STATUS_RANK, DocumentRecord
from annotator.storage.bulk import add_documents, iter_documents, text_sha256
from annotator.storage.corpus import Corpus, CorpusError, now


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


def assign(corpus: Corpus, coders: Sequence[str], overlap: float, folder: Path,
           seed: int = 0) -> dict[str, Path]:
    """Write one corpus per coder into ``folder``; return coder -> file."""
    folder.mkdir(parents=True, exist_ok=True)
    plan = plan_assignment([uid for uid, in corpus.db.execute("SELECT uid FROM documents")],
                           coders, overlap, seed)
    schema, codebook = corpus.schema(), corpus.codebook()
    written = {}
    for coder, uids in plan.items():
        path = folder / f"{corpus.path.stem}-{coder}.sqlite"
        if path.exists():
            raise CorpusError(f"{path}: already exists; choose an empty folder")
        wanted = set(uids)
        with Corpus.open(path) as mine:
            mine.save_schema(schema, moves={})
            mine.set_codebook(codebook)
            mine.set_setting("assigned_to", coder)
            batch = []
            for coded in iter_documents(corpus):
                doc = coded.document
                if doc.uid in wanted:
                    batch.append(DocumentRecord(text=doc.text, uid=doc.uid, title=doc.title,
                                                date=doc.date, source=doc.source, url=doc.url,
                                                meta=doc.meta, notes=doc.notes, flags=doc.flags))
                if len(batch) >= 500:
                    add_documents(mine, batch)
                    batch = []
            if batch:
                add_documents(mine, batch)
        written[coder] = path
    return written


@dataclass
class MergeReport:
    documents: int = 0
    spans: int = 0
    statuses: int = 0
    events: int = 0
    new_labels: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"added {self.documents} documents, {self.spans} spans, {self.events} events, "
               f"{self.statuses} statuses"]
        if self.new_labels:
            out.append("new labels: " + ", ".join(self.new_labels))
        return out + [f"problem: {p}" for p in self.problems]


def merge(target: Corpus, source: Corpus) -> MergeReport:
    """Bring ``source``'s documents, spans, statuses and events into ``target``."""
    report = MergeReport()
    _merge_schema(target, source, report)
    for coded in iter_documents(source):
        doc = coded.document
        found = target.db.execute("SELECT id, sha256 FROM documents WHERE uid = ?",
                                  [doc.uid]).fetchone()
        if found is None:
            [result] = add_documents(target, [DocumentRecord(
                text=doc.text, uid=doc.uid, title=doc.title, date=doc.date, source=doc.source,
                url=doc.url, meta=doc.meta, notes=doc.notes, flags=doc.flags,
                spans=tuple(replace(s, doc_id=None) for s in coded.spans),
                statuses=coded.statuses,
                events=tuple(replace(e, doc_id=0) for e in coded.events))])
            if result.outcome == "added":
                report.documents += 1
                report.spans += len(coded.spans)
                report.events += len(coded.events)
                report.statuses += len(coded.statuses)
            else:
                report.problems.append(f"document {doc.uid}: {result.reason}")
            continue
        doc_id, sha = found
        if sha != text_sha256(doc.text):
            report.problems.append(f"document {doc.uid} has a different text in the two corpora; "
                                   "its spans were not merged")
            continue
        with target.batch():
            _merge_into(target, doc_id, coded, report)
    return report


def _merge_into(target: Corpus, doc_id: int, coded: object, report: MergeReport) -> None:
    have = {row[0] for row in target.db.execute("SELECT uid FROM spans WHERE doc_id = ?",
                                                 [doc_id])}
    for span in coded.spans:  # type: ignore[attr-defined]
        if span.uid not in have:
            target.insert_span(replace(span, doc_id=doc_id))
            report.spans += 1
    for coder, status in coded.statuses.items():  # type: ignore[attr-defined]
        current = target.status(doc_id, coder)
        if STATUS_RANK[status] > STATUS_RANK[current]:  # the furthest a coder got
            target.set_status(doc_id, coder, status)
            report.statuses += 1
    known = {row[0] for row in target.db.execute("SELECT uid FROM events WHERE doc_id = ?",
                                                  [doc_id])}
    present = have | {s.uid for s in coded.spans}  # type: ignore[attr-defined]
    for event in coded.events:  # type: ignore[attr-defined]
        if event.uid not in known:
            target.insert_event(replace(event, doc_id=doc_id, members=tuple(
                m for m in event.members if m.span_uid in present)))
            report.events += 1


def _merge_schema(target: Corpus, source: Corpus, report: MergeReport) -> None:
    mine, theirs = target.schema(), source.schema()
    added = []
    for label in theirs.labels:
        ours = mine.label(label.name)
        if ours is None:
            added.append(replace(label, shortcut="" if any(
                x.shortcut == label.shortcut for x in mine.labels) else label.shortcut))
        elif (ours.attributes, ours.description) != (label.attributes, label.description):
            report.problems.append(
                f"label {label.name!r} is defined differently in {source.path.name}; "
                f"{target.path.name}'s definition is kept")
    if added:
        target.save_schema(replace(mine, labels=(*mine.labels, *added)))
        report.new_labels = [label.name for label in added]
    target.set_setting("merged_at", now())
