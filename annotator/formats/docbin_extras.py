"""What a DocBin carries beside its spans: ``doc.cats`` and annotator's own user data.

spaCy has no standard place for relations, discontinuous spans or links to a
knowledge base, so annotator keeps them, and every document label with its
coder, in ``doc.user_data["annotator"]`` (a DocBin keeps user data when written
with ``store_user_data=True``). Other spaCy tools ignore that key; annotator
reads it back. Spans are named there by their offsets and label in the DocBin's
text::

    {"relations": [{"head": [start, end, label], "tail": [...], "label", "attrs",
                    "coder"}],
     "fragments": [[start, end, label, [[start, end], ...]]],
     "links": [[start, end, label, [{"kb", "id", "name"}]]],
     "doc_labels": [{"name", "value", "coder"}]}

``doc.cats`` is written for spaCy's text classifiers (true/false as 1.0/0.0, each
choice as 1.0) and, from a DocBin annotator did not write, read as one document
label per category with its score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from annotator.core.model import DocLabel, InvalidRecord, KbLink, Relation, Span
from annotator.formats.base import brief
from annotator.formats.carried import is_number, is_text_list

if TYPE_CHECKING:
    from annotator.core.model import CodedDocument
    from annotator.core.text import Normalised
    from annotator.formats.tokens import Aligned

KEY = "annotator"


def cats_of(labels: Sequence[DocLabel]) -> dict[str, float]:
    """``doc.cats`` for spaCy's text classifiers: true/false and choices as scores."""
    cats: dict[str, float] = {}
    for label in labels:
        if isinstance(label.value, bool):
            cats[label.name] = 1.0 if label.value else 0.0
        elif is_text_list(label.value):
            cats.update(dict.fromkeys(label.value, 1.0))
        elif isinstance(label.value, str):
            cats[label.value] = 1.0
    return cats


def extras_of(coded: CodedDocument, aligned: Sequence[Aligned]) -> tuple[dict[str, Any],
                                                                          list[Relation],
                                                                          list[Span]]:
    """The user data that carries what spans cannot, and the relations and spans whose
    fragments it could not carry (an end left out, or a span moved to token boundaries)."""
    keys = {a.span.uid: [a.token_span.start_char, a.token_span.end_char, a.span.label]
            for a in aligned}
    moved = {a.span.uid for a in aligned
             if (a.token_span.start_char, a.token_span.end_char) != (a.span.start, a.span.end)}
    extras: dict[str, Any] = {}
    relations, left = [], []
    for r in coded.relations:
        if r.head in keys and r.tail in keys:
            relations.append({"head": keys[r.head], "tail": keys[r.tail], "label": r.label,
                              "attrs": dict(r.attrs), "coder": r.coder})
        else:
            left.append(r)
    fragments, unmoved = [], []
    for a in aligned:
        if a.span.fragments and a.span.uid in moved:
            unmoved.append(a.span)
        elif a.span.fragments:
            fragments.append([*keys[a.span.uid], [list(p) for p in a.span.fragments]])
    links = [[*keys[a.span.uid], [link.as_json() for link in a.span.links]]
             for a in aligned if a.span.links]
    labels = [{"name": d.name, "value": d.value, "coder": d.coder} for d in coded.doc_labels]
    for name, value in (("relations", relations), ("fragments", fragments), ("links", links),
                        ("doc_labels", labels)):
        if value:
            extras[name] = value
    return extras, left, unmoved


class _Bad(ValueError):
    pass


def read_extras(spans: list[Span], normalised: Normalised, extras: Any, cats: Any,
                coder: str) -> tuple[list[Span], list[Relation], list[DocLabel], list[str]]:
    """Spans with their fragments and links, the relations and document labels of one
    document, from its ``annotator`` user data (else its ``cats``), and warnings."""
    if extras is None:
        return spans, [], _from_cats(cats, coder), []
    try:
        if not isinstance(extras, Mapping):
            raise _Bad("it is not a map")
        return (*_apply(spans, normalised, extras, coder), [])
    except (_Bad, InvalidRecord, TypeError, ValueError) as exc:
        return spans, [], [], [f"annotator's user data (relations, fragments, links, "
                               f"document labels) not read: {brief(str(exc))}"]


def _from_cats(cats: Any, coder: str) -> list[DocLabel]:
    if not isinstance(cats, Mapping):
        return []
    return [DocLabel(str(name), float(score), coder) for name, score in cats.items()
            if is_number(score)]


def _apply(spans: list[Span], normalised: Normalised, extras: Mapping[str, Any], coder: str,
           ) -> tuple[list[Span], list[Relation], list[DocLabel]]:
    by_key = {(s.start, s.end, s.label): index for index, s in enumerate(spans)}

    def find(ref: Any) -> int:
        if not (isinstance(ref, list | tuple) and len(ref) == 3 and is_number(ref[0])
                and is_number(ref[1])):
            raise _Bad(f"{brief(ref)} does not name a span")
        key = (normalised.map_offset(int(ref[0])), normalised.map_offset(int(ref[1])), ref[2])
        if key not in by_key:
            raise _Bad(f"no span {brief(list(ref))}")
        return by_key[key]

    spans = list(spans)
    for *ref, pieces in _items(extras, "fragments"):
        index = find(ref)
        moved = tuple((normalised.map_offset(a), normalised.map_offset(b)) for a, b in pieces)
        spans[index] = replace(spans[index], fragments=moved)
    for *ref, links in _items(extras, "links"):
        index = find(ref)
        spans[index] = replace(spans[index], links=tuple(
            KbLink(str(x["kb"]), str(x["id"]), str(x.get("name") or "")) for x in links))
    relations = []
    for item in _items(extras, "relations"):
        head, tail = spans[find(item["head"])], spans[find(item["tail"])]
        relations.append(Relation(head.uid, tail.uid, str(item["label"]),
                                  str(item.get("coder") or coder), origin="imported",
                                  attrs=_plain(dict(item.get("attrs") or {}))))
    labels = [DocLabel(str(item["name"]), _plain(item["value"]), str(item.get("coder") or coder))
              for item in _items(extras, "doc_labels")]
    return spans, relations, labels


def _items(extras: Mapping[str, Any], key: str) -> list[Any]:
    value = extras.get(key) or []
    if not isinstance(value, list | tuple):
        raise _Bad(f"{key} is not a list")
    return list(value)


def _plain(value: Any) -> Any:
    """msgpack read without lists gives tuples: values as JSON holds them."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
