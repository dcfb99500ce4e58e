"""Made-up records of every shape: reading one either refuses it with a message or
gives a document that can be stored; it never raises anything else."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.default_codebook import default_schema
from annotator.core.model import DocumentRecord, InvalidRecord
from annotator.formats import doccano, labelstudio, prodigy
from annotator.formats.base import ReadOptions
from annotator.formats.checks import record_problem
from annotator.formats.jsonl import BadLine, parse_object

# Text with everything in it, lone surrogates included (hypothesis leaves them out
# unless told), as JSON's "\ud800" escapes give them.
TEXT = st.text(st.characters(exclude_categories=()), max_size=12)
SCALARS = (st.none() | st.booleans() | st.integers(-(10**30), 10**30)
           | st.floats(allow_nan=True, allow_infinity=True) | TEXT)
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(TEXT, inner, max_size=4), max_leaves=12)
OFFSET = st.integers(-2, 12) | JSON
SCHEMA = default_schema()


def _span() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({"start": OFFSET, "end": OFFSET},
                                 optional={"label": st.sampled_from(["actor", "casualty",
                                                                     "location"]) | TEXT | JSON,
                                           "text": TEXT | JSON,
                                           "attrs": st.dictionaries(st.sampled_from(
                                               ["count_best", "outcome", "precision",
                                                "latitude", "role", "note"]) | TEXT, JSON,
                                               max_size=3) | JSON, "coder": TEXT | JSON, "id": JSON,
                                           "origin": TEXT | JSON})


def _event() -> st.SearchStrategy[dict[str, Any]]:
    member = st.fixed_dictionaries({"span_id": st.just("s1") | JSON},
                                   optional={"role": st.just("attacker") | JSON, "group": JSON})
    return st.fixed_dictionaries({"type": st.just("attack") | JSON}, optional={
        "members": st.lists(member, max_size=2) | JSON, "date": TEXT | JSON,
        "date_precision": JSON, "note": JSON, "coder": JSON, "id": JSON})


GOOD = {"text": "Rockets hit Gao.", "spans": [{"id": "s1", "start": 0, "end": 7,
                                                "label": "actor"}]}
# The keys each reader looks at.
FIELDS = {
    "native": ("id", "title", "date", "source", "url", "meta", "status", "statuses", "notes",
               "flags", "extra"),
    "doccano": ("label", "labels", "entities", "relations", "meta", "id", "title"),
    "prodigy": ("answer", "spans", "meta", "_input_hash", "tokens"),
    "labelstudio": ("data", "annotations", "predictions", "meta", "id", "file_upload"),
}
LABEL_STUDIO_TASK = st.builds(
    lambda data, annotations: {"data": data, "annotations": annotations},
    st.fixed_dictionaries({"text": TEXT | JSON}) | JSON,
    st.lists(st.fixed_dictionaries({"result": st.lists(st.fixed_dictionaries(
        {"type": st.just("labels"), "value": st.fixed_dictionaries(
            {"start": OFFSET, "end": OFFSET, "labels": st.lists(TEXT) | JSON}) | JSON}),
        max_size=2) | JSON}) | JSON, max_size=2) | JSON)


Convert = Callable[[Mapping[str, Any]], tuple[dict[str, Any], list[str]]]
CONVERTERS: dict[str, Convert] = {
    "native": lambda obj: (dict(obj), []),
    "doccano": doccano.to_native,
    "prodigy": lambda obj: prodigy.to_native(obj, "alice"),
    "labelstudio": lambda obj: labelstudio.to_native(obj, Path("tasks.json")),
}


def storable(record: DocumentRecord) -> None:
    """What storing does with a record's text and JSON (storage/bulk.py), done here."""
    for value in (record.text, record.title, record.notes, record.uid, record.date,
                  record.source, record.url, *record.statuses, *record.statuses.values()):
        if value is not None:
            value.encode("utf-8")
    for value in (record.meta, record.flags, *(s.attrs for s in record.spans)):
        json.dumps(dict(value), ensure_ascii=False, allow_nan=False).encode("utf-8")
    for span in record.spans:
        for text in (span.label, span.text, span.coder, span.uid, span.origin):
            text.encode("utf-8")
    for event in record.events:
        for text in (event.type, event.uid, event.note, event.coder, event.date or ""):
            text.encode("utf-8")


def read_one(obj: dict[str, Any], kind: str) -> str:
    """Read ``obj`` as ``kind``: the message it is refused with, or "" for a record that
    can be stored (any other exception fails the test)."""
    try:
        native, _warnings = CONVERTERS[kind](obj)
        record, _more = parse_object(native, ReadOptions(coder="alice"))
    except BadLine as refused:
        return str(refused) or "refused without a reason"
    if (problem := record_problem(record)) is not None:
        return problem
    storable(record)  # must not raise: the batch it goes in would be lost
    for span in record.spans:  # as import_paths checks attributes against the codebook
        with contextlib.suppress(InvalidRecord):
            SCHEMA.check_span(span.label, span.attrs)
    return ""


def assert_refused_with_a_reason_or_storable(outcome: str) -> None:
    assert outcome != "refused without a reason"
    assert isinstance(outcome, str)


# One part of a good record made up at a time: with several, most would fail on the
# first and the later parts would never be reached.
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=TEXT | JSON, kind=st.sampled_from(sorted(CONVERTERS)))
def test_any_text(text: Any, kind: str) -> None:
    assert_refused_with_a_reason_or_storable(read_one({**GOOD, "text": text}, kind))


@pytest.mark.parametrize("kind", sorted(CONVERTERS))
@SETTINGS
@given(data=st.data())
def test_any_field(kind: str, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(FIELDS[kind]))
    base = {"data": {"text": GOOD["text"]}} if kind == "labelstudio" else GOOD
    assert_refused_with_a_reason_or_storable(read_one({**base, key: data.draw(JSON)}, kind))


@SETTINGS
@given(spans=st.lists(_span(), max_size=3) | JSON)
def test_any_spans(spans: Any) -> None:
    assert_refused_with_a_reason_or_storable(read_one({**GOOD, "spans": spans}, "native"))


@SETTINGS
@given(events=st.lists(_event(), min_size=1, max_size=2) | JSON)
def test_any_events(events: Any) -> None:
    assert_refused_with_a_reason_or_storable(read_one({**GOOD, "events": events}, "native"))


@SETTINGS
@given(task=LABEL_STUDIO_TASK)
def test_any_label_studio_task(task: dict[str, Any]) -> None:
    assert_refused_with_a_reason_or_storable(read_one(task, "labelstudio"))
