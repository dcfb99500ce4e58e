"""doccano's sequence-labelling JSONL: ``{"text", "label": [[start, end, "LABEL"]]}``.

doccano counts offsets in code points, as annotator does. Its exports name
the span list ``label`` (older ones ``labels``), and relation projects write
``entities`` with ``start_offset``/``end_offset`` and a ``relations`` list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from annotator.formats.base import ReadItem, ReadOptions, brief
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.jsonl import BadLine, read_converted
from annotator.formats.losses import describe, report_left_out
from annotator.formats.safe_text import clipped, json_line


def write(source: Source, path: Path, context: ExportContext) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for coded in source():
            doc = coded.document
            for span in coded.spans:
                if span.attrs:
                    context.losses.add("span attributes (doccano spans hold only a label)",
                                       describe(doc.uid, doc.text, span.start, span.end,
                                                span.label) + f" {dict(span.attrs)}")
            report_left_out(coded, context.losses, "doccano", attributes=False)
            record = {
                "id": doc.uid,
                "text": doc.text,
                "label": [[s.start, s.end, s.label] for s in coded.spans],
                "title": doc.title,
                "date": doc.date,
                "source": doc.source,
                "url": doc.url,
                "meta": dict(doc.meta),
            }
            out.write(json_line(record, context.losses, f"document {clipped(doc.uid)}"))
            count += 1
    return count


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    return read_converted(path, options, to_native)


def to_native(obj: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A doccano record in annotator's native shape, with what could not come along."""
    warnings = []
    spans = []
    numbered: set[str] = set()
    for key in ("label", "labels"):
        for item in _list(obj, key):
            if not (isinstance(item, list) and len(item) == 3):
                raise BadLine(f'"{key}" items must be [start, end, label], found {brief(item)}')
            start, end, label = item
            spans.append({"start": start, "end": end, "label": _label_name(label, numbered)})
    # doccano 1.x wrote "annotations", with label ids (numbers) rather than names.
    for item in _list(obj, "annotations"):
        if not isinstance(item, dict):
            raise BadLine(f'"annotations" items must be objects, found {brief(item)}')
        try:
            spans.append({"start": item["start_offset"], "end": item["end_offset"],
                          "label": _label_name(item["label"], numbered)})
        except KeyError as exc:
            raise BadLine(f"an annotation has no {exc.args[0]!r}") from None
    for item in _list(obj, "entities"):
        if not isinstance(item, dict):
            raise BadLine(f'"entities" items must be objects, found {brief(item)}')
        try:
            spans.append({"start": item["start_offset"], "end": item["end_offset"],
                          "label": item["label"],
                          **({"id": item["id"]} if "id" in item else {})})
        except KeyError as exc:
            raise BadLine(f"an entity has no {exc.args[0]!r}") from None
    if numbered:
        warnings.append(f"labels given by number ({', '.join(sorted(numbered))}) kept as label "
                        "names; rename them in the codebook (`annotator schema --load "
                        "--rename 1=actor`)")
    if relations := _list(obj, "relations"):
        warnings.append(f"{len(relations)} relations not imported "
                        "(annotator codes events, not relations)")
    known = {"id", "text", "label", "labels", "entities", "annotations", "relations", "meta",
             "title", "date", "source", "url"}
    meta = dict(obj.get("meta") or {}) if isinstance(obj.get("meta"), dict) else {}
    meta.update({k: v for k, v in obj.items() if k not in known})
    native = {k: obj[k] for k in ("id", "text", "title", "date", "source", "url") if k in obj}
    native.update(meta=meta, spans=spans)
    return native, warnings


def _label_name(value: Any, numbered: set[str]) -> Any:
    """A label as annotator names it: a number (a doccano label id) becomes its text and
    is noted, so the coder is told; anything else goes on to the usual checks."""
    if isinstance(value, int) and not isinstance(value, bool):
        numbered.add(str(value))
        return str(value)
    return value


def _list(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadLine(f'"{key}" must be a list, not {brief(value)}')
    return value
