"""Prodigy's ``ner_manual`` JSONL: text, tokens, spans with token indices.

``token_end`` is inclusive, as Prodigy writes it. Reading: accepted spans
become spans (see ``prodigy_tasks`` for per-span answers and binary data, where
one text comes in many tasks); an ``accept`` answer marks the document done,
``ignore`` skipped, ``reject`` leaves it to do. Relations, text categories and
entity-linking choices are reported, not yet stored.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from annotator.core.model import Document
from annotator.formats.base import Problem, ReadDocument, ReadItem, ReadOptions, brief
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.json_input import read_json_records
from annotator.formats.jsonl import BadLine, parse_object
from annotator.formats.losses import report_left_out
from annotator.formats.prodigy_tasks import Task, lines_of, merge, parse_task
from annotator.formats.safe_text import clipped, json_line
from annotator.formats.tokens import align_spans, make_doc
from annotator.formats.uncarried import summed


def write(source: Source, path: Path, context: ExportContext) -> int:
    options = context.options
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for coded in source():
            doc = coded.document
            tokens = make_doc(doc.text, options.lang, notices=context.notices, doc_uid=doc.uid)
            aligned = align_spans(tokens, coded.spans, options.align, doc.uid, context.losses)
            report_left_out(coded, context.losses, "Prodigy")
            record = {
                "text": doc.text,
                "tokens": [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text),
                            "id": t.i, "ws": bool(t.whitespace_)} for t in tokens],
                "spans": [{"start": a.token_span.start_char, "end": a.token_span.end_char,
                           "text": a.token_span.text, "label": a.span.label,
                           "token_start": a.token_span.start,
                           "token_end": a.token_span.end - 1}
                          for a in aligned],
                "answer": "accept",
                "meta": _meta(doc, context),
            }
            out.write(json_line(record, context.losses, f"document {clipped(doc.uid)}"))
            count += 1
    return count


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
    expected = Counter(_key(obj.get("text")) for _line, obj, _ in read_json_records(path)
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
        key = _key(task.text) if isinstance(task.text, str) else None
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


def _key(text: object) -> bytes | None:
    if not isinstance(text, str):
        return None
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


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
