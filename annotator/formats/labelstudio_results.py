"""The results of Label Studio annotations: spans, relations, answers.

A result is a region (``labels``: a span with one or more labels; one span per
label), a ``relation`` between two regions (``from_id``/``to_id``), or an answer
to a control (``choices``, ``textarea``, ``number``, ``rating``, ...).

- A region whose ``origin`` is ``prediction`` or ``prediction-changed`` (taken from a
  model's prediction) becomes an accepted suggestion: origin ``accepted``.
- A relation becomes one relation per label in its ``labels`` (``related`` if it
  has none), from the region's first span; ``direction: left`` points from
  ``to_id`` to ``from_id``, ``bi`` is kept as the attribute ``direction``.
- An answer whose ``id`` is a region's answers a question about that span: it
  becomes the span attribute named by ``from_name``: one choice or text as
  itself, several as a list, a number or rating as a number.
- Any other answer is about the whole text: a document label named by
  ``from_name``, its coder the annotation's. ``choices`` are always a list (as
  Label Studio keeps them), except ``["true"]``/``["false"]``, which are
  true/false (what annotator writes for them); ``textarea`` one text or a list;
  ``number`` and ``rating`` a number.

Other kinds of answer (taxonomy, dates, ...) are reported. Exports before Label
Studio 1.0 named the annotations ``completions``; they hold the same results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import new_uid
from annotator.formats.base import brief
from annotator.formats.carried import is_number
from annotator.formats.jsonl import BadLine
from annotator.formats.uncarried import (
    CategoryRef,
    Note,
    RelationRef,
    SpanRef,
    categories_said,
    relations_said,
)

# Label Studio's origins of a region an annotator took from a model's prediction, as it
# was or changed: what annotator calls an accepted suggestion (written as the first).
PREDICTED = ("prediction", "prediction-changed")


def region_origin(origin: str) -> str:
    """The Label Studio origin of a region for a span of annotator's ``origin``."""
    return PREDICTED[0] if origin == "accepted" else "manual"


# The label of a Label Studio relation drawn without one.
UNTYPED = "related"
# The answers that become values, and where each keeps its value.
ANSWERS = {"choices": "choices", "textarea": "text", "number": "number", "rating": "rating"}
BOOLEANS = {"true": True, "false": False}


@dataclass
class Results:
    """What one task's annotations hold, as native records or for a report."""

    spans: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    doc_labels: list[dict[str, Any]] = field(default_factory=list)
    unresolved: list[RelationRef] = field(default_factory=list)
    categories: list[CategoryRef] = field(default_factory=list)  # answers of other kinds
    repeated: list[CategoryRef] = field(default_factory=list)  # a question answered twice
    span_answers: Counter[str] = field(default_factory=Counter)  # per type
    cancelled: int = 0
    reused_ids: list[str] = field(default_factory=list)  # region ids given twice

    def notes(self, text: str) -> list[str]:
        said: list[str] = []
        said += relations_said(self.unresolved, text, "not imported (an end is not a "
                               "labelled region of the same annotation)")
        said += categories_said(self.categories, "Label Studio answers about the whole text "
                                "of a kind annotator does not read")
        said += categories_said(self.repeated, "the same question answered again by the same "
                                "coder; the first answer kept")
        for kind, count in sorted(self.span_answers.items()):
            said.append(Note(count, f"{kind} answer about a span", f"{kind} answers about spans",
                             "not imported (an answer of a kind annotator does not read)"))
        if self.cancelled:
            said.append(Note(self.cancelled, "cancelled annotation", "cancelled annotations",
                             "not imported (skipped in Label Studio)"))
        if self.reused_ids:
            said.append(Note(len(self.reused_ids), "region id given to two regions",
                             "region ids given to two regions",
                             "(relations and answers naming one go to the last region with it)",
                             repr(self.reused_ids[0])))
        return said


def task_results(task: Mapping[str, Any], coder_name: Any) -> Results:
    """Every annotation of ``task`` (``annotations``, or the legacy ``completions``)."""
    found = Results()
    answered: set[tuple[str, str]] = set()
    for key in ("annotations", "completions"):
        for annotation in objects(task, key):
            if annotation.get("was_cancelled") or annotation.get("skipped"):
                found.cancelled += 1
                continue
            _annotation(objects(annotation, "result"), coder_name(annotation.get(
                "completed_by")), found, answered)
    return found


def _annotation(results: list[dict[str, Any]], coder: str, found: Results,
                answered: set[tuple[str, str]]) -> None:
    regions: dict[str, list[dict[str, Any]]] = {}  # region id -> its spans, one per label
    refs: dict[str, SpanRef] = {}
    answers = []
    for result in results:
        value = result.get("value") or {}
        if not isinstance(value, dict):
            raise BadLine(f'a result "value" must be an object, not {brief(value)}')
        kind = result.get("type")
        if kind in ("labels", None) and "start" in value:
            labels = value.get("labels") or []
            if not isinstance(labels, list):
                raise BadLine(f'"labels" must be a list, not {brief(labels)}')
            spans = []
            for label in labels:
                span = {"id": new_uid(), "start": value["start"], "end": value.get("end"),
                        "label": label, "coder": coder, "attrs": {}}
                if result.get("origin") in PREDICTED:
                    span["origin"] = "accepted"
                if "text" in value:
                    span["text"] = value["text"]
                spans.append(span)
            found.spans += spans
            if isinstance(result.get("id"), str) and spans:
                if result["id"] in regions:
                    found.reused_ids.append(result["id"])
                regions[result["id"]] = spans
                refs[result["id"]] = SpanRef(
                    _offset(value["start"]), _offset(value.get("end")),
                    labels[0] if isinstance(labels[0], str) else None, result["id"])
        else:
            answers.append(result)
    for result in answers:
        kind = str(result.get("type"))
        value = result.get("value") or {}
        name = str(result.get("from_name") or kind)
        if kind == "relation":
            _relation(result, regions, refs, coder, found)
        elif result.get("id") in regions:
            answer = _answer(kind, value, as_list=False)
            if answer is None:
                found.span_answers[kind] += 1
            for span in regions[result["id"]]:
                if answer is not None:
                    span["attrs"][name] = answer
        else:
            answer = _answer(kind, value, as_list=True)
            if answer is None:
                found.categories.append(CategoryRef(name, value.get(kind, value)))
            elif (coder, name) in answered:
                found.repeated.append(CategoryRef(name, answer))
            else:
                answered.add((coder, name))
                found.doc_labels.append({"name": name, "value": answer, "coder": coder})


def _answer(kind: str, value: Mapping[str, Any], as_list: bool) -> Any:
    """The value an answer gives, or None for one annotator does not read. Choices of a
    document stay a list (``as_list``); those about a span are one value where one."""
    if kind not in ANSWERS:
        return None
    given = value.get(ANSWERS[kind])
    if kind in ("number", "rating"):
        return given if is_number(given) else None
    items = [given] if isinstance(given, str) else given
    if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
        return None
    if kind == "choices" and len(items) == 1 and items[0] in BOOLEANS:
        return BOOLEANS[items[0]]
    if len(items) == 1 and not (as_list and kind == "choices"):
        return items[0]
    return list(items)


def _relation(result: Mapping[str, Any], regions: Mapping[str, list[dict[str, Any]]],
              refs: Mapping[str, SpanRef], coder: str, found: Results) -> None:
    ends = []
    for key in ("from_id", "to_id"):
        ref = result.get(key)
        if not isinstance(ref, str):
            raise BadLine(f'a relation\'s "{key}" must be a region id, not {brief(ref)}')
        ends.append(ref)
    labels = result.get("labels") or (result.get("value") or {}).get("labels") or []
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise BadLine(f"a relation's labels must be a list of names, not {brief(labels)}")
    direction = result.get("direction")
    if direction == "left":
        ends.reverse()
    if ends[0] not in regions or ends[1] not in regions:
        shown = ", ".join(labels) or UNTYPED
        found.unresolved.append(RelationRef(*(refs.get(e, SpanRef(None, None, None, e))
                                              for e in ends), shown))
        return
    for label in labels or [UNTYPED]:
        found.relations.append({
            "head": regions[ends[0]][0]["id"], "tail": regions[ends[1]][0]["id"],
            "label": label, "coder": coder,
            "attrs": {"direction": "bi"} if direction == "bi" else {}})


def _offset(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def objects(holder: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    """``holder[key]``, a list of objects (missing: none)."""
    value = holder.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise BadLine(f'"{key}" must be a list of objects, not {brief(value)}')
    return value
