"""A CAS as annotator's native record: what ``jsonl.parse_object`` takes.

Read as spans: ``NamedEntity`` (``value`` is the label, ``identifier`` a
knowledge-base link) and custom span layers ``webanno.custom.*`` (a ``value`` or
``label`` feature, or a layer's only text feature, is the label; its other features
are attributes; a layer with none of these is labelled with its name). Relations:
any type with ``Governor`` and ``Dependent`` between two spans read. Document labels:
custom layers without offsets (INCEpTION's document metadata layers), or spanning
the whole text; their features are the values. Sentences and tokens go to
``meta["tokenization"]`` as ``[[start, end], ...]``. Records annotator wrote itself
(``xmi_types.RECORD``) give back ids, coders, attributes, fragments and the rest.
Everything else is named in a warning with its count, never dropped in silence.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from cassis import Cas
from cassis.typesystem import FeatureStructure, Type

from annotator.core.model import new_uid
from annotator.core.text import normalise_with_offsets
from annotator.formats.base import brief
from annotator.formats.inception_values import label_of, parse_identifier
from annotator.formats.jsonl import BadLine
from annotator.formats.xmi_types import (
    DEPENDENT,
    DOCUMENT_ANNOTATION,
    GOVERNOR,
    METADATA,
    NAMED_ENTITY,
    RECORD,
    SENTENCE,
    TOKEN,
)

_BUILT_IN = {"sofa", "begin", "end", GOVERNOR, DEPENDENT}
_PRIMITIVE = {"uima.cas.String", "uima.cas.Boolean", "uima.cas.Integer", "uima.cas.Float",
              "uima.cas.Double", "uima.cas.Long", "uima.cas.Short", "uima.cas.Byte"}


def cas_native(cas: Cas, name: str) -> tuple[dict[str, Any], list[str]]:
    """The native record of ``cas`` and warnings about what it could not take."""
    text = cas.sofa_string
    if not isinstance(text, str) or not text.strip():
        raise BadLine("has no document text (its sofaString is empty)")
    records = _records(cas)
    native: dict[str, Any] = {"text": text, "meta": {"file": name}}
    warnings: list[str] = []
    unread: Counter[str] = Counter()
    spans: dict[int, dict[str, Any]] = {}  # xmi id of each annotation -> its span
    sentences: list[list[int]] = []
    tokens: list[list[int]] = []
    relations, labels = [], []
    grouped: dict[int, list[FeatureStructure]] = defaultdict(list)
    for fs in cas.select_all_fs():
        kind = fs.type.name
        if kind == RECORD or _is(fs.type, DOCUMENT_ANNOTATION):
            continue
        if kind in (SENTENCE, TOKEN):
            (sentences if kind == SENTENCE else tokens).append([fs.begin, fs.end])
        elif _feature(fs.type, GOVERNOR) and _feature(fs.type, DEPENDENT):
            relations.append(fs)
        elif hasattr(fs, "begin") and (kind == NAMED_ENTITY or kind.startswith("webanno.custom.")):
            if kind != NAMED_ENTITY and (fs.begin, fs.end) == (0, len(text)) \
                    and fs.xmiID not in records:
                labels.append(fs)  # spans the whole document: a document label
            elif fs.begin >= fs.end or fs.begin < 0 or fs.end > len(text):
                unread[f"{fs.type.short_name} annotations with no text (at {fs.begin}-"
                       f"{fs.end})"] += 1
            elif fs.xmiID in records:
                grouped[id(records[fs.xmiID])].append(fs)
            else:
                spans[fs.xmiID] = _span(fs)
        elif not hasattr(fs, "begin") and kind.startswith("webanno.custom.") \
                and _values(fs):
            labels.append(fs)
        else:
            unread[f"{fs.type.short_name} annotations"] += 1
    for pieces in grouped.values():
        span = _pieced(pieces, records[pieces[0].xmiID])
        for piece in pieces:
            spans[piece.xmiID] = span
    native["spans"] = list({id(s): s for s in spans.values()}.values())
    native["relations"] = _relations(relations, spans, records, unread)
    native["doc_labels"] = _labels(labels, records)
    _document_details(cas, native, records)
    if tokens and -1 not in records:  # annotator's own file keeps the document's meta whole
        moved = normalise_with_offsets(text).map_offset  # meta is over the stored text
        native["meta"]["tokenization"] = {
            "sentences": sorted([moved(a), moved(b)] for a, b in sentences),
            "tokens": sorted([moved(a), moved(b)] for a, b in tokens)}
    for what, count in sorted(unread.items()):
        warnings.append(f"{count} {what} not read (annotator reads NamedEntity, "
                        "webanno.custom layers and relations between them)")
    return native, warnings


def _is(kind: Type, name: str) -> bool:
    while kind is not None:
        if kind.name == name:
            return True
        kind = kind.supertype
    return False


def _feature(kind: Type, name: str) -> bool:
    return any(f.name == name for f in kind.all_features)


def _records(cas: Cas) -> dict[int, dict[str, Any]]:
    """annotator's own records, by the xmi id of each annotation they are about;
    the document's record under -1."""
    found: dict[int, dict[str, Any]] = {}
    if not cas.typesystem.contains_type(RECORD):
        return found
    for number, fs in enumerate(cas.select(RECORD), start=1):
        try:
            value = json.loads(fs.json or "")
        except ValueError:
            raise BadLine(f"annotator record {number} holds no JSON: {brief(fs.json)}") from None
        if not isinstance(value, dict):
            raise BadLine(f"annotator record {number} is not a JSON object")
        targets = fs.annotates.elements if fs.annotates is not None else []
        if value.get("kind") == "document":
            found[-1] = value
        for target in targets:
            found[target.xmiID] = value
    return found


def _values(fs: FeatureStructure) -> dict[str, Any]:
    """The primitive feature values an annotation has, by feature name."""
    return {f.name: fs.get(f.name) for f in fs.type.all_features
            if f.name not in _BUILT_IN and f.rangeType.name in _PRIMITIVE
            and fs.get(f.name) is not None}


def _span(fs: FeatureStructure) -> dict[str, Any]:
    label, attrs, links = label_of(fs.type.name, _values(fs))
    return {"start": fs.begin, "end": fs.end, "label": label, "attrs": attrs,
            "links": [parse_identifier(link) for link in links]}


def _pieced(pieces: list[FeatureStructure], record: dict[str, Any]) -> dict[str, Any]:
    """A span annotator wrote: its pieces (one NamedEntity each) and its record."""
    pieces = sorted(pieces, key=lambda fs: (fs.begin, fs.end))
    span = {"start": pieces[0].begin, "end": pieces[-1].end, "label": pieces[0].value or
            "NamedEntity", "attrs": record.get("attrs"), "links": record.get("links"),
            "id": record.get("id"), "coder": record.get("coder"),
            "origin": record.get("origin")}
    if len(pieces) > 1:
        span["fragments"] = [[fs.begin, fs.end] for fs in pieces]
    return span


def _relations(arcs: list[FeatureStructure], spans: dict[int, dict[str, Any]],
               records: dict[int, dict[str, Any]], unread: Counter[str]) -> list[dict[str, Any]]:
    out = []
    for arc in arcs:
        ends = [arc.get(GOVERNOR), arc.get(DEPENDENT)]
        found = [spans.get(end.xmiID) if end is not None else None for end in ends]
        if found[0] is None or found[1] is None:
            unread[f"{arc.type.short_name} relations between annotations not read as "
                   "spans"] += 1
            continue
        for span in found:
            span.setdefault("id", new_uid())  # a relation names its ends by id
        record = records.get(arc.xmiID, {})
        label, values, _ = label_of(arc.type.name, _values(arc))
        out.append({"head": found[0]["id"], "tail": found[1]["id"], "label": label,
                    "attrs": record.get("attrs", values), "id": record.get("id"),
                    "coder": record.get("coder"), "origin": record.get("origin")})
    return out


def _labels(found: list[FeatureStructure], records: dict[int, dict[str, Any]],
            ) -> list[dict[str, Any]]:
    """Document labels: annotator's (name and typed value), or a layer's features."""
    values: dict[str, list[Any]] = defaultdict(list)
    out = []
    for fs in found:
        record = records.get(fs.xmiID)
        if record is not None:
            out.append({"name": fs.get("name"), "value": record.get("value"),
                        "coder": record.get("coder")})
            continue
        features = _values(fs)
        for feature, value in features.items():
            name = fs.type.short_name if len(features) == 1 else \
                f"{fs.type.short_name}.{feature}"
            values[name].append(value)
    for name, given in values.items():
        out.append({"name": name, "value": given[0] if len(given) == 1 else given})
    return out


def _document_details(cas: Cas, native: dict[str, Any], records: dict[int, dict[str, Any]],
                      ) -> None:
    if cas.typesystem.contains_type(METADATA):
        for fs in cas.select(METADATA):
            if fs.get("documentId"):
                native["id"] = fs.get("documentId")
            if fs.get("documentTitle"):
                native["title"] = fs.get("documentTitle")
    details = records.get(-1)
    if details is None:
        return
    for key in ("date", "source", "url", "notes", "flags", "statuses", "events"):
        if details.get(key) is not None:
            native[key] = details[key]
    if isinstance(details.get("meta"), dict):
        native["meta"] = details["meta"]
