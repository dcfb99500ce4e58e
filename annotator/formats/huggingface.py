"""A Hugging Face token-classification dataset: ``tokens`` and integer ``ner_tags``.

Parquet (``.parquet``) carries the tag names in its schema the way
``datasets`` reads them, so ``load_dataset`` gives a ``ClassLabel`` feature;
JSON Lines (``.jsonl``) gets a ``<name>.tags.json`` beside it with the names.
Whitespace tokens are left out, as in CoNLL-derived datasets.

Beside the tags, what tags cannot hold goes in columns of its own, so that a
model of relations, nested spans or document classes can be trained from the same
file: ``text``; ``language`` (the document's ISO 639-1 code, null where not known), to
choose or filter by; ``spans`` (character offsets, each with its label, attributes as
JSON, ``fragments`` of a discontinuous span and knowledge-base ``links``), which
keeps overlapping and nested spans the tags drop; ``relations`` (``head`` and
``tail`` are ids in ``spans``); ``doc_labels`` (each value as JSON).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.model import CodedDocument
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.losses import report_left_out
from annotator.formats.safe_text import clipped, json_line
from annotator.formats.tokens import Aligned, align_spans, iob_tags, make_doc, without_overlaps

BATCH_ROWS = 1000


def tag_names(labels: list[str]) -> list[str]:
    return ["O"] + [f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]


def rows(source: Source, context: ExportContext, names: list[str]) -> Iterator[dict[str, Any]]:
    options = context.options
    index = {name: i for i, name in enumerate(names)}
    for coded in source():
        document = coded.document
        doc = make_doc(document.text, options.lang, notices=context.notices, meta=document.meta,
                       doc_uid=document.uid)
        aligned = align_spans(doc, coded.spans, options.align, document.uid, context.losses)
        kept = without_overlaps(aligned, document.uid, context.losses, "IOB tags")
        tags = iob_tags(doc, [a for a in kept if _has_tags(a, index, document.uid, context)])
        report_left_out(coded, context.losses, "Hugging Face token classification",
                        attributes=False, relations=False, fragments=False, links=False,
                        doc_labels=False, ids=False)
        words = [(t.text, index[tags[t.i]]) for t in doc if not t.is_space]
        yield {"id": document.uid, "tokens": [w for w, _ in words],
               "ner_tags": [tag for _, tag in words], **_columns(coded)}


def _columns(coded: CodedDocument) -> dict[str, Any]:
    language = coded.document.meta.get("language")
    return {
        "text": coded.document.text,
        "language": language if isinstance(language, str) else None,
        "spans": [{"id": s.uid, "start": s.start, "end": s.end, "label": s.label,
                   "attrs": json.dumps(dict(s.attrs), ensure_ascii=False),
                   "fragments": [list(piece) for piece in s.fragments],
                   "links": [{"kb": k.kb, "id": k.id, "name": k.name} for k in s.links]}
                  for s in coded.spans],
        "relations": [{"head": r.head, "tail": r.tail, "label": r.label,
                       "attrs": json.dumps(dict(r.attrs), ensure_ascii=False)}
                      for r in coded.relations],
        "doc_labels": [{"name": d.name, "value": json.dumps(d.value, ensure_ascii=False),
                        "coder": d.coder} for d in coded.doc_labels],
    }


def _has_tags(item: Aligned, index: dict[str, int], doc_uid: str,
              context: ExportContext) -> bool:
    # The tag names are fixed before the first row, from the corpus's labels; a
    # span whose label the schema no longer lists has none.
    if f"B-{item.span.label}" in index:
        return True
    context.losses.add("span whose label is not in the corpus's labels left out (its "
                       "tags have no ClassLabel name)", f"{item.span.label!r} in document "
                       f"{clipped(doc_uid)}")
    return False


def write(source: Source, path: Path, context: ExportContext) -> int:
    names = tag_names(context.label_names)
    if path.suffix.lower() == ".jsonl":
        return _write_jsonl(source, path, context, names)
    return _write_parquet(source, path, context, names)


def _write_jsonl(source: Source, path: Path, context: ExportContext, names: list[str]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows(source, context, names):
            out.write(json_line(row))
            count += 1
    path.with_name(path.stem + ".tags.json").write_text(json.dumps(names, indent=1) + "\n",
                                                        encoding="utf-8")
    return count


def _write_parquet(source: Source, path: Path, context: ExportContext, names: list[str]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    features = {
        "id": _VALUE,
        "tokens": {"feature": _VALUE, "_type": "List"},
        "ner_tags": {"feature": {"names": names, "_type": "ClassLabel"}, "_type": "List"},
        **_COLUMN_FEATURES,
    }
    schema = pa.schema(
        [("id", pa.string()), ("tokens", pa.list_(pa.string())), ("ner_tags", pa.list_(pa.int64())),
         *_column_types(pa)],
        metadata={"huggingface": json.dumps({"info": {"features": features}})},
    )
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows(source, context, names):
            batch.append(row)
            if len(batch) >= BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


_VALUE = {"dtype": "string", "_type": "Value"}
_INT = {"dtype": "int64", "_type": "Value"}


def _list_of(feature: dict[str, Any]) -> dict[str, Any]:
    return {"feature": feature, "_type": "List"}


_COLUMN_FEATURES: dict[str, Any] = {
    "text": _VALUE,
    "language": _VALUE,
    "spans": _list_of({"id": _VALUE, "start": _INT, "end": _INT, "label": _VALUE,
                       "attrs": _VALUE, "fragments": _list_of(_list_of(_INT)),
                       "links": _list_of({"kb": _VALUE, "id": _VALUE, "name": _VALUE})}),
    "relations": _list_of({"head": _VALUE, "tail": _VALUE, "label": _VALUE, "attrs": _VALUE}),
    "doc_labels": _list_of({"name": _VALUE, "value": _VALUE, "coder": _VALUE}),
}


def _column_types(pa: Any) -> list[tuple[str, Any]]:
    text = pa.string()
    link = pa.struct([("kb", text), ("id", text), ("name", text)])
    span = pa.struct([("id", text), ("start", pa.int64()), ("end", pa.int64()), ("label", text),
                      ("attrs", text), ("fragments", pa.list_(pa.list_(pa.int64()))),
                      ("links", pa.list_(link))])
    relation = pa.struct([("head", text), ("tail", text), ("label", text), ("attrs", text)])
    label = pa.struct([("name", text), ("value", text), ("coder", text)])
    return [("text", text), ("language", text), ("spans", pa.list_(span)), ("relations", pa.list_(relation)),
            ("doc_labels", pa.list_(label))]
