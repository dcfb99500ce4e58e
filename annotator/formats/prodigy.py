"""Prodigy's ``ner_manual`` JSONL: text, tokens, spans with token indices.

``token_end`` is inclusive, as Prodigy writes it. Reading: accepted spans
become spans (see ``prodigy_tasks`` for per-span answers and binary data, where
one text comes in many tasks); an ``accept`` answer marks the document done,
``ignore`` skipped, ``reject`` leaves it to do. Relations, entity-linking choices
and text categories become relations, links and document labels.

Writing: one ``ner_manual`` task per document whose ``relations`` are in
``rel.manual``'s shape (``head``/``child`` the index of each span's last token,
``head_span``/``child_span`` its offsets, tokens and label); then, on the same
text (a re-import merges them back into one document), an entity-linking
``choice`` task per linked span (each entry an option whose ``source`` names its
knowledge base), and a task per document label: true/false as a binary ``label``
answered accept or reject, choices as a ``choice`` task (``meta.doc_label`` names
the label; ``config.choice_style`` single for one choice), numbers as ``cats``.
Other values, relation attributes and discontinuous spans are reported.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from annotator.core.model import CodedDocument, Document
from annotator.formats.base import Problem, ReadDocument, ReadItem, ReadOptions, brief
from annotator.formats.carried import (
    doc_label_lost,
    is_number,
    is_text_list,
    one_per_name,
    relation_attrs_lost,
    relation_lost,
    twins_lost,
)
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.json_input import read_json_records
from annotator.formats.jsonl import BadLine, parse_object
from annotator.formats.losses import report_left_out
from annotator.formats.prodigy_tasks import Task, lines_of, merge, parse_task
from annotator.formats.safe_text import clipped, json_line
from annotator.formats.tokens import Aligned, align_spans, make_doc
from annotator.formats.uncarried import summed


def write(source: Source, path: Path, context: ExportContext) -> int:
    options = context.options
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for coded in source():
            doc = coded.document
            tokens = make_doc(doc.text, options.lang, notices=context.notices, doc_uid=doc.uid,
                              meta=doc.meta)
            aligned = align_spans(tokens, coded.spans, options.align, doc.uid, context.losses)
            report_left_out(coded, context.losses, "Prodigy", relations=False, links=False,
                            doc_labels=False, statuses=False, details=("notes", "flags"), ids=False)
            _report_statuses(coded, context)
            twins_lost(coded, context.losses, "Prodigy")
            record = {
                "text": doc.text,
                "tokens": [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text),
                            "id": t.i, "ws": bool(t.whitespace_)} for t in tokens],
                "spans": [_span(a) for a in aligned],
                "relations": _relations(coded, aligned, context),
                "answer": "accept",
                "meta": _meta(doc, context),
            }
            where = f"document {clipped(doc.uid)}"
            out.write(json_line(record, context.losses, where))
            for task in [*_link_tasks(aligned), *_label_tasks(coded, context)]:
                # Named like the document's own task, so a re-import merges them.
                meta = {**task.get("meta", {}), "id": doc.uid}
                out.write(json_line({"text": doc.text, **task, "meta": meta, "answer": task.get(
                    "answer", "accept")}, context.losses, where))
            count += 1
    return count


def _report_statuses(coded: CodedDocument, context: ExportContext) -> None:
    """Every task is written accepted (what Prodigy trains on), which a re-import reads
    as the importing coder's "done": one coder's "done" comes back (when that coder is
    the one the spans come back to), nothing else does."""
    statuses = coded.statuses
    if len(statuses) == 1:
        [(coder, status)] = statuses.items()
        if status == "done" and context.losses.first_coder in (None, coder):
            return
    shown = ", ".join(f"{c}: {s}" for c, s in sorted(statuses.items())) or "todo"
    context.losses.add("document statuses (Prodigy tasks are written accepted: a re-import "
                       "marks the document done by the importing coder)",
                       f"{shown} on document {clipped(coded.document.uid)}")


def _span(item: Aligned) -> dict[str, Any]:
    token = item.token_span
    return {"start": token.start_char, "end": token.end_char, "text": token.text,
            "label": item.span.label, "token_start": token.start, "token_end": token.end - 1}


def _relations(coded: CodedDocument, aligned: list[Aligned], context: ExportContext,
               ) -> list[dict[str, Any]]:
    """rel.manual's relations: each end by its last token, its offsets and label."""
    by_uid = {item.span.uid: item for item in aligned}
    relations = []
    for relation in coded.relations:
        ends = [by_uid.get(relation.head), by_uid.get(relation.tail)]
        if ends[0] is None or ends[1] is None:
            relation_lost(context.losses, coded, relation, "an end is a span left out of "
                          "the Prodigy tokens")
            continue
        relation_attrs_lost(context.losses, "Prodigy", coded, relation, dict(relation.attrs))
        head, child = (_span(end) for end in ends)
        relations.append({"head": head["token_end"], "child": child["token_end"],
                          "head_span": {k: v for k, v in head.items() if k != "text"},
                          "child_span": {k: v for k, v in child.items() if k != "text"},
                          "label": relation.label})
    return relations


def _link_tasks(aligned: list[Aligned]) -> list[dict[str, Any]]:
    """One entity-linking choice task per linked span, its entries accepted."""
    tasks = []
    for item in aligned:
        if not item.span.links:
            continue
        options = [{"id": link.id, "text": f"{link.id}: {link.name}" if link.name else link.id,
                    "source": link.kb, **({"name": link.name} if link.name else {})}
                   for link in item.span.links]
        tasks.append({"spans": [_span(item)], "options": options,
                      "accept": [link.id for link in item.span.links]})
    return tasks


def _label_tasks(coded: CodedDocument, context: ExportContext) -> list[dict[str, Any]]:
    """A task per document label; numbers together as ``cats``."""
    tasks: list[dict[str, Any]] = []
    cats = {}
    for label in one_per_name(coded, context.losses, "Prodigy"):
        value = label.value
        if isinstance(value, bool):
            tasks.append({"label": label.name, "answer": "accept" if value else "reject"})
        elif is_number(value):
            cats[label.name] = value
        elif isinstance(value, str) or is_text_list(value):
            chosen = [value] if isinstance(value, str) else list(value)
            task: dict[str, Any] = {"options": [{"id": c, "text": c} for c in chosen],
                                    "accept": chosen, "meta": {"doc_label": label.name}}
            if isinstance(value, str):
                task["config"] = {"choice_style": "single"}
            tasks.append(task)
        else:
            doc_label_lost(context.losses, "Prodigy", coded, label,
                           "a value that is neither true/false, choices nor a number "
                           "(Prodigy text classification holds no other)")
    if cats:
        tasks.append({"cats": cats})
    return tasks


def _meta(doc: Document, context: ExportContext) -> dict[str, Any]:
    """The document's fields and its meta in one object; a meta key that would
    replace a field (a re-import reads ``meta.id`` as the id) gives way."""
    fields = {"id": doc.uid, "title": doc.title, "date": doc.date, "source": doc.source,
              "url": doc.url}
    for key in fields.keys() & doc.meta.keys():
        context.losses.add("meta key named like a document field left out (Prodigy's meta "
                           "holds both)",
                           f"meta {key}={doc.meta[key]!r} in document {clipped(doc.uid)}")
    return {**dict(doc.meta), **fields}


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    return summed(_read(path, options))


def _read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    # Tasks on one text can be anywhere in the file, so a first pass counts them:
    # each document is then given out as soon as its last task is read, and only
    # texts with tasks still to come are held in memory.
    expected = Counter(_key(obj.get("text"), obj.get("meta")) for _line, obj, _
                       in read_json_records(path)
                       if isinstance(obj, dict) and isinstance(obj.get("text"), str))
    waiting: dict[bytes, list[Task]] = {}
    notices: list[Problem] = []  # about the whole file: said with its first document
    for line, obj, consumed in read_json_records(path, notices):
        if isinstance(obj, Problem):
            yield obj
            continue
        try:
            task = parse_task(obj, line)
        except BadLine as exc:
            yield Problem(path, line, str(exc))
            continue
        except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:
            yield _unexpected(path, line, exc)
            continue
        key = _key(task.text, obj.get("meta")) if isinstance(task.text, str) else None
        if key is None or expected[key] < 2:
            group = [task]
        else:
            group = waiting.setdefault(key, [])
            group.append(task)
            if len(group) < expected[key]:
                continue
            del waiting[key]
        yield _document(path, group, options, notices, consumed)
    # Tasks whose fellows were refused (or changed since the count) come last.
    for group in waiting.values():
        yield _document(path, group, options, notices, 0)


def to_native(obj: Mapping[str, Any], coder: str) -> tuple[dict[str, Any], list[str]]:
    """One task on its own in annotator's native shape, with what could not come along."""
    return merge([parse_task(obj, None)], coder)


def _key(text: object, meta: object) -> bytes | None:
    """Tasks on one text are one document; where a task's meta names its document (as
    annotator's exports do), two documents with the same text stay two."""
    if not isinstance(text, str):
        return None
    named = meta.get("id") if isinstance(meta, dict) else None
    whose = repr(named).encode("utf-8", "backslashreplace") if named is not None else b""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass") + b"\0" + whose,
                           digest_size=16).digest()


def _document(path: Path, tasks: list[Task], options: ReadOptions, notices: list[Problem],
              consumed: int) -> ReadItem:
    line = tasks[0].line
    also = f" (the {len(tasks)} tasks on lines {lines_of(tasks)})" if len(tasks) > 1 else ""
    try:
        native, warnings = merge(tasks, options.coder)
        record, more = parse_object(native, options)
    except BadLine as exc:
        return Problem(path, line, f"{exc}{also}")
    except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:
        return _unexpected(path, line, exc)
    said = tuple(Problem(path, line, w) for w in [*warnings, *more])
    document = ReadDocument(record, path, line, (*notices, *said), consumed=consumed)
    notices.clear()
    return document


def _unexpected(path: Path, line: int | None, exc: Exception) -> Problem:
    # A record of a shape no check foresaw: it alone is refused.
    return Problem(path, line, f"has a value of an unexpected kind "
                               f"({exc.__class__.__name__}: {brief(str(exc))})")
