"""The results of Label Studio annotations: spans, and what annotator does not store yet.

A result is a region (``labels``: a span with one or more labels), a
``relation`` between two regions (``from_id``/``to_id``), or an answer to a
control (``choices``, ``textarea``, ``rating``, ``taxonomy``...). An answer
whose ``id`` is a region's answers a question about that span; any other
answers a question about the whole text: a document category.

Exports before Label Studio 1.0 named the annotations ``completions``; they
hold the same results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.formats.base import brief
from annotator.formats.jsonl import BadLine
from annotator.formats.uncarried import (
    CategoryRef,
    Note,
    RelationRef,
    SpanRef,
    categories_said,
    relations_said,
)


@dataclass
class Results:
    """What one task's annotations hold, sorted for import or report."""

    spans: list[dict[str, Any]] = field(default_factory=list)
    relations: list[RelationRef] = field(default_factory=list)
    categories: list[CategoryRef] = field(default_factory=list)
    span_answers: Counter[str] = field(default_factory=Counter)  # per type
    cancelled: int = 0

    def notes(self, text: str) -> list[str]:
        said: list[str] = []
        said += relations_said(self.relations, text)
        said += categories_said(self.categories, "Label Studio choices and other answers "
                                "about the whole text")
        for kind, count in sorted(self.span_answers.items()):
            said.append(Note(count, f"{kind} answer about a span", f"{kind} answers about spans",
                             "not imported (annotator stores no such span attributes from "
                             "Label Studio yet)"))
        if self.cancelled:
            said.append(Note(self.cancelled, "cancelled annotation", "cancelled annotations",
                             "not imported (skipped in Label Studio)"))
        return said


def task_results(task: Mapping[str, Any], coder_name: Any) -> Results:
    """Every annotation of ``task`` (``annotations``, or the legacy ``completions``)."""
    found = Results()
    for key in ("annotations", "completions"):
        for annotation in objects(task, key):
            if annotation.get("was_cancelled") or annotation.get("skipped"):
                found.cancelled += 1
                continue
            _annotation(objects(annotation, "result"), coder_name(annotation.get(
                "completed_by")), found)
    return found


def _annotation(results: list[dict[str, Any]], coder: str, found: Results) -> None:
    regions: dict[str, SpanRef] = {}
    answers = []
    for result in results:
        value = result.get("value") or {}
        if not isinstance(value, dict):
            raise BadLine(f'a result "value" must be an object, not {brief(value)}')
        kind = result.get("type")
        if kind == "relation":
            answers.append(result)
        elif kind in ("labels", None) and "start" in value:
            labels = value.get("labels") or []
            if not isinstance(labels, list):
                raise BadLine(f'"labels" must be a list, not {brief(labels)}')
            for label in labels:
                span = {"start": value["start"], "end": value.get("end"), "label": label,
                        "coder": coder}
                if "text" in value:
                    span["text"] = value["text"]
                found.spans.append(span)
            if isinstance(result.get("id"), str):
                regions[result["id"]] = SpanRef(
                    _offset(value["start"]), _offset(value.get("end")),
                    labels[0] if labels and isinstance(labels[0], str) else None, result["id"])
        else:
            answers.append(result)
    for result in answers:
        kind = str(result.get("type"))
        if kind == "relation":
            found.relations.append(_relation(result, regions))
        elif result.get("id") in regions:
            found.span_answers[kind] += 1
        else:
            value = result["value"] or {}
            found.categories.append(CategoryRef(str(result.get("from_name") or kind),
                                                value.get(kind, value)))


def _relation(result: Mapping[str, Any], regions: Mapping[str, SpanRef]) -> RelationRef:
    ends = []
    for key in ("from_id", "to_id"):
        ref = result.get(key)
        if not isinstance(ref, str):
            raise BadLine(f'a relation\'s "{key}" must be a region id, not {brief(ref)}')
        ends.append(regions.get(ref, SpanRef(None, None, None, ref)))
    labels = result.get("labels") or (result.get("value") or {}).get("labels") or []
    label = ", ".join(str(x) for x in labels) if isinstance(labels, list) else ""
    return RelationRef(ends[0], ends[1], label or str(result.get("direction") or "relation"))


def _offset(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def objects(holder: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    """``holder[key]``, a list of objects (missing: none)."""
    value = holder.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise BadLine(f'"{key}" must be a list of objects, not {brief(value)}')
    return value
