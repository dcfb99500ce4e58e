"""Prodigy's ``ner_manual`` JSONL: text, tokens, spans with token indices.

``token_end`` is inclusive, as Prodigy writes it. Reading: ``accept`` answers
bring their spans and mark the document done; ``ignore`` marks it skipped;
``reject`` brings the text without spans.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from annotator.core.model import Document
from annotator.formats.base import ReadItem, ReadOptions, brief
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.jsonl import BadLine, read_converted
from annotator.formats.losses import report_left_out
from annotator.formats.safe_text import clipped, json_line
from annotator.formats.tokens import align_spans, make_doc

_STATUS_OF_ANSWER = {"accept": "done", "ignore": "skipped", "reject": "todo"}


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
    return read_converted(path, options, lambda obj: to_native(obj, options.coder))


def to_native(obj: Mapping[str, Any], coder: str) -> tuple[dict[str, Any], list[str]]:
    answer = obj.get("answer", "accept")
    if not isinstance(answer, str) or answer not in _STATUS_OF_ANSWER:
        raise BadLine(f'"answer" {brief(answer)} is not accept, reject or ignore')
    spans = []
    found = obj.get("spans")
    if found is not None and not isinstance(found, list):
        raise BadLine(f'"spans" must be a list, not {brief(found)}')
    if answer == "accept":
        for number, item in enumerate(found or [], start=1):
            if not isinstance(item, dict):
                raise BadLine(f"span {number} is not an object")
            spans.append({k: item[k] for k in ("start", "end", "label", "text") if k in item})
    meta = dict(obj.get("meta") or {}) if isinstance(obj.get("meta"), dict) else {}
    doc_id = meta.pop("id", None) or obj.get("_input_hash")
    native: dict[str, Any] = {
        "text": obj.get("text"),
        "spans": spans,
        "statuses": {coder: _STATUS_OF_ANSWER[answer]},
        "meta": meta,
    }
    for key in ("title", "date", "source", "url"):
        if meta.get(key) is not None:
            native[key] = meta.pop(key)
    if doc_id is not None:
        native["id"] = doc_id
    return native, []
