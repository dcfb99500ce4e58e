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
from annotator.formats.uncarried import (
    CategoryRef,
    RelationRef,
    SpanRef,
    categories_said,
    relations_said,
    summed,
)


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
    return summed(read_converted(path, options, to_native))


def to_native(obj: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A doccano record in annotator's native shape, with what could not come along."""
    warnings: list[str] = []
    numbered: set[str] = set()
    spans, categories = _label_lists(obj, numbered)
    # doccano 1.x wrote "annotations", with label ids (numbers) rather than names.
    for item in _list(obj, "annotations"):
        if not isinstance(item, dict):
            raise BadLine(f'"annotations" items must be objects, found {brief(item)}')
        try:
            spans.append({"start": item["start_offset"], "end": item["end_offset"],
                          "label": _label_name(item["label"], numbered)})
        except KeyError as exc:
            raise BadLine(f"an annotation has no {exc.args[0]!r}") from None
    entities = _entities(obj)
    spans += [{"start": e.start, "end": e.end, "label": e.label} for e in entities.values()]
    if numbered:
        warnings.append(f"labels given by number ({', '.join(sorted(numbered))}) kept as label "
                        "names; rename them in the codebook (`annotator schema --load "
                        "--rename 1=actor`)")
    text = obj.get("text", obj.get("column_data"))
    warnings += relations_said(relations_of(obj, entities), text if isinstance(text, str)
                               else None)
    warnings += categories_said(categories + categories_of(obj), "doccano")
    meta = dict(obj.get("meta") or {}) if isinstance(obj.get("meta"), dict) else {}
    meta.update({k: v for k, v in obj.items() if k not in _KNOWN})
    native = {k: obj[k] for k in ("id", "text", "title", "date", "source", "url") if k in obj}
    if "text" not in obj and "column_data" in obj:
        native["text"] = obj["column_data"]  # doccano 1.x's name for the text
    native.update(meta=meta, spans=spans)
    return native, warnings


_KNOWN = {"id", "text", "label", "labels", "entities", "annotations", "relations", "meta",
          "title", "date", "source", "url", "cats", "column_data", "column_label"}


def _label_lists(obj: Mapping[str, Any], numbered: set[str]
                 ) -> tuple[list[dict[str, Any]], list[CategoryRef]]:
    """Spans (``[start, end, label]``) and, in text classification projects, the
    document's labels (plain names) from ``label``, ``labels`` or ``column_label``."""
    spans, categories = [], []
    for key in ("label", "labels", "column_label"):
        for item in _list(obj, key):
            if isinstance(item, str | int) and not isinstance(item, bool):
                categories.append(CategoryRef(key, item))
                continue
            if not (isinstance(item, list) and len(item) == 3):
                raise BadLine(f'"{key}" items must be [start, end, label] or a label name, '
                              f"found {brief(item)}")
            start, end, label = item
            spans.append({"start": start, "end": end, "label": _label_name(label, numbered)})
    return spans, categories


def _entities(obj: Mapping[str, Any]) -> dict[Any, SpanRef]:
    """``entities``: objects with ids (relation projects) or ``[start, end, label]``
    lists (intent detection projects), keyed by id (or by position, for lists)."""
    found: dict[Any, SpanRef] = {}
    for number, item in enumerate(_list(obj, "entities")):
        if isinstance(item, list) and len(item) == 3:
            found[("position", number)] = SpanRef(*item)
            continue
        if not isinstance(item, dict):
            raise BadLine(f'"entities" items must be objects, found {brief(item)}')
        try:
            ref = SpanRef(item["start_offset"], item["end_offset"], item["label"],
                          str(item["id"]) if "id" in item else None)
        except KeyError as exc:
            raise BadLine(f"an entity has no {exc.args[0]!r}") from None
        key = item["id"] if "id" in item and _hashable(item["id"]) else ("position", number)
        found[key] = ref
    return found


def _hashable(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def relations_of(obj: Mapping[str, Any], entities: Mapping[Any, SpanRef]
                 ) -> list[RelationRef]:
    """``relations``, between entities named by their ids (``from_id``, ``to_id``)."""
    relations = []
    for number, item in enumerate(_list(obj, "relations"), start=1):
        if not isinstance(item, dict):
            raise BadLine(f"relation {number} is not an object")
        ends = []
        for key in ("from_id", "to_id"):
            ref = item.get(key)
            known = entities.get(ref) if _hashable(ref) else None
            ends.append(known or SpanRef(None, None, None, brief(ref)))
        kind = item.get("type")
        label = "" if kind is None else str(kind) if _hashable(kind) else brief(kind)
        relations.append(RelationRef(ends[0], ends[1], label))
    return relations


def categories_of(obj: Mapping[str, Any]) -> list[CategoryRef]:
    """``cats``: the document's categories in intent detection projects."""
    cats = obj.get("cats")
    if cats is None:
        return []
    if isinstance(cats, dict):
        return [CategoryRef(str(name), value) for name, value in cats.items()]
    if not isinstance(cats, list):
        raise BadLine(f'"cats" must be a list of categories, not {brief(cats)}')
    return [CategoryRef("cats", cat) for cat in cats]


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
