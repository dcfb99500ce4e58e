"""doccano's JSONL: sequence labelling, relation extraction, text classification.

doccano counts offsets in code points, as annotator does. Its exports name
the span list ``label`` (older ones ``labels``, 1.x ``column_label``), and
relation projects write ``entities`` with ``start_offset``/``end_offset`` and
ids, and ``relations`` ``{"id", "from_id", "to_id", "type"}`` between those ids
(the import example leaves out the relation's own id). A relation becomes a
``Relation`` between the two spans; one whose end names no entity is reported.

Categories of the whole document (text classification ``label`` names, intent
detection ``cats``) become one document label named ``category`` whose value is
the list of names, in the file's order; ``cats`` given as ``{name: score}``
become one label per name with its score.

Writing: documents go out in the plain ``label`` shape unless the export holds
relations or document labels; then every record has doccano's relation-extraction
shape, ``entities`` (with ids 1, 2, ... per document: doccano takes whole numbers)
and ``relations``, plus ``cats`` for the ``category`` label. doccano holds no
other document label, no coder, span attribute, discontinuous span or
knowledge-base link: those are reported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from annotator.core.model import CodedDocument, new_uid
from annotator.formats.base import ReadItem, ReadOptions, brief
from annotator.formats.carried import (
    doc_label_lost,
    is_text_list,
    one_per_name,
    relation_attrs_lost,
)
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.jsonl import BadLine, read_converted
from annotator.formats.losses import describe, report_left_out
from annotator.formats.safe_text import clipped, json_line
from annotator.formats.uncarried import (
    CategoryRef,
    RelationRef,
    SpanRef,
    relations_said,
    summed,
)

# The document label doccano's categories become, and the one written back as them.
CATEGORY = "category"


def write(source: Source, path: Path, context: ExportContext) -> int:
    # One shape per file, as doccano imports one per project: the relation shape
    # when anything in the export needs it (a first pass over the documents).
    relational = any(coded.relations or coded.doc_labels for coded in source())
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for coded in source():
            doc = coded.document
            for span in coded.spans:
                if span.attrs:
                    context.losses.add("span attributes (doccano spans hold only a label)",
                                       describe(doc.uid, doc.text, span.start, span.end,
                                                span.label) + f" {dict(span.attrs)}")
            report_left_out(coded, context.losses, "doccano", attributes=False,
                            relations=False, doc_labels=False, details=(),
                            coders=("spans", "relations"), ids=False)
            record: dict[str, Any] = {"id": doc.uid, "text": doc.text}
            if relational:
                record.update(_relational(coded, context))
            else:
                record["label"] = [[s.start, s.end, s.label] for s in coded.spans]
            record.update({"title": doc.title, "date": doc.date, "source": doc.source,
                           "url": doc.url, "meta": dict(doc.meta), "notes": doc.notes,
                           "flags": dict(doc.flags)})
            out.write(json_line(record, context.losses, f"document {clipped(doc.uid)}"))
            count += 1
    return count


def _relational(coded: CodedDocument, context: ExportContext) -> dict[str, Any]:
    """``entities``, ``relations`` and ``cats`` of one document."""
    ids = {span.uid: number for number, span in enumerate(coded.spans, start=1)}
    entities = [{"id": ids[s.uid], "start_offset": s.start, "end_offset": s.end,
                 "label": s.label} for s in coded.spans]
    relations = []
    for relation in coded.relations:
        relation_attrs_lost(context.losses, "doccano", coded, relation, dict(relation.attrs))
        relations.append({"id": len(relations) + 1, "from_id": ids[relation.head],
                          "to_id": ids[relation.tail], "type": relation.label})
    cats: list[str] = []
    for label in one_per_name(coded, context.losses, "doccano"):
        if label.name != CATEGORY:
            doc_label_lost(context.losses, "doccano", coded, label,
                           f"doccano holds only the list of categories (the label "
                           f"{CATEGORY!r})")
        elif is_text_list(label.value):
            cats = list(label.value)
        elif isinstance(label.value, str):
            cats = [label.value]
            doc_label_lost(context.losses, "doccano", coded, label,
                           "one category comes back as a list of one (doccano's "
                           "categories are a list)")
        else:
            doc_label_lost(context.losses, "doccano", coded, label,
                           "doccano categories are names, not other values")
    return {"entities": entities, "relations": relations, "cats": cats}


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
    # Each entity gets a span id of its own (doccano's ids repeat from file to file),
    # which its relations name.
    uids = {key: new_uid() for key in entities}
    spans += [{"id": uids[key], "start": e.start, "end": e.end, "label": e.label}
              for key, e in entities.items()]
    if numbered:
        warnings.append(f"labels given by number ({', '.join(sorted(numbered))}) kept as label "
                        "names; rename them in the codebook (`annotator schema --load "
                        "--rename 1=actor`)")
    text = obj.get("text", obj.get("column_data", _flair_text(obj)))
    relations, unresolved, untyped = [], [], []
    for ref, ends in relations_of(obj, entities):
        if ends is None:
            unresolved.append(ref)
        elif not ref.label.strip():
            untyped.append(ref)
        else:
            relations.append({"head": uids[ends[0]], "tail": uids[ends[1]],
                              "label": ref.label})
    shown = text if isinstance(text, str) else None
    warnings += relations_said(unresolved, shown, "not imported (an end names no entity "
                                                  "of the record)")
    warnings += relations_said(untyped, shown, "not imported (no type)")
    meta = dict(obj.get("meta") or {}) if isinstance(obj.get("meta"), dict) else {}
    meta.update({k: v for k, v in obj.items() if k not in _KNOWN
                 and not (k == "data" and _flair_text(obj) is not None and "text" not in obj)})
    native = {k: obj[k] for k in ("id", "text", "title", "date", "source", "url", "notes",
                                  "flags") if k in obj}
    if "text" not in obj and "column_data" in obj:
        native["text"] = obj["column_data"]  # doccano 1.x's name for the text
    elif "text" not in obj and _flair_text(obj) is not None:
        native["text"] = obj["data"]
    native.update(meta=meta, spans=spans, relations=relations,
                  doc_labels=_doc_labels(categories + categories_of(obj), numbered))
    return native, warnings


def _doc_labels(categories: list[CategoryRef], numbered: set[str]) -> list[dict[str, Any]]:
    """Category names as one ``category`` label (each name once, in order); scores
    by name (``cats`` as an object) as a label each."""
    names: dict[str, None] = {}
    labels = []
    for ref in categories:
        if ref.name == CATEGORY:
            names[str(_label_name(ref.value, numbered))] = None
        elif ref.value is not None and ref.value != "":
            labels.append({"name": ref.name, "value": ref.value})
    if names:
        labels.insert(0, {"name": CATEGORY, "value": list(names)})
    return labels


def _flair_text(obj: Any) -> str | None:
    """flair's JSONL keeps doccano's labels and puts the text under "data"."""
    data = obj.get("data") if isinstance(obj, dict) else None
    return data if isinstance(data, str) else None


_KNOWN = {"id", "text", "label", "labels", "entities", "annotations", "relations", "meta",
          "title", "date", "source", "url", "cats", "column_data", "column_label", "notes",
          "flags"}


def _label_lists(obj: Mapping[str, Any], numbered: set[str]
                 ) -> tuple[list[dict[str, Any]], list[CategoryRef]]:
    """Spans (``[start, end, label]``) and, in text classification projects, the
    document's labels (plain names) from ``label``, ``labels`` or ``column_label``."""
    spans, categories = [], []
    for key in ("label", "labels", "column_label"):
        for item in _list(obj, key):
            if isinstance(item, str | int) and not isinstance(item, bool):
                categories.append(CategoryRef(CATEGORY, item))
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
        if key in found:  # an id given twice: both are spans, relations name the first
            key = ("position", number)
        found[key] = ref
    return found


def _hashable(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def relations_of(obj: Mapping[str, Any], entities: Mapping[Any, SpanRef]
                 ) -> list[tuple[RelationRef, tuple[Any, Any] | None]]:
    """``relations``, between entities named by their ids (``from_id``, ``to_id``):
    each with the keys of its two entities, or None where one is not found."""
    relations = []
    for number, item in enumerate(_list(obj, "relations"), start=1):
        if not isinstance(item, dict):
            raise BadLine(f"relation {number} is not an object")
        ends, keys = [], []
        for key in ("from_id", "to_id"):
            ref = item.get(key)
            known = entities.get(ref) if _hashable(ref) else None
            ends.append(known or SpanRef(None, None, None, brief(ref)))
            keys.append(ref if known else None)
        kind = item.get("type")
        label = "" if kind is None else str(kind) if _hashable(kind) else brief(kind)
        found = (keys[0], keys[1]) if None not in keys else None
        relations.append((RelationRef(ends[0], ends[1], label), found))
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
    for cat in cats:
        if not isinstance(cat, str | int) or isinstance(cat, bool):
            raise BadLine(f'"cats" items must be category names, found {brief(cat)}')
    return [CategoryRef(CATEGORY, cat) for cat in cats]


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
