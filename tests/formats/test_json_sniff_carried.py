"""JSON files told by their first record: doccano's column keys and cats, Label Studio's
flat tasks (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats.registry import format_for


@pytest.mark.parametrize(("record", "expected"), [
    ({"column_data": "Obama visited Paris.", "column_label": [[0, 5, "PERSON"]]}, "doccano"),
    ({"column_data": "Good film.", "column_label": ["positive"]}, "doccano"),
    ({"text": "Find a flight to Tacoma", "cats": ["flight"]}, "doccano"),
    ({"text": "Find a flight to Tacoma", "cats": ["flight"], "spans": []}, "jsonl"),
    ({"text": "Rockets hit Basra.", "annotations": [{"result": []}]}, "labelstudio"),
    ({"text": "Rockets hit Basra.", "completions": [{"result": [], "id": 1}]}, "labelstudio"),
    ({"text": "Rockets hit Basra.", "annotations": [
        {"start_offset": 0, "end_offset": 7, "label": 1}]}, "doccano"),
    ({"text": "Rockets hit Basra.", "cats": {"ATTACK": 1.0}, "answer": "accept"}, "prodigy"),
])
def test_first_record_tells_the_format(tmp_path: Path, record: dict, expected: str) -> None:
    for suffix, text in ((".jsonl", json.dumps(record) + "\n"),
                         (".json", json.dumps([record], indent=2))):
        path = tmp_path / f"file{suffix}"
        path.write_text(text, encoding="utf-8")
        assert format_for(path, "auto") == expected, suffix


def test_flair_jsonl_is_doccano_with_its_text_under_data(tmp_path: Path) -> None:
    from annotator.formats.base import ReadDocument, ReadOptions
    from annotator.formats.doccano import read

    path = tmp_path / "train.jsonl"
    path.write_text('{"id": 7, "data": "This is New Berlin.", "label": [[8, 18, "LOC"]]}\n',
                    encoding="utf-8")
    assert format_for(path, "auto") == "doccano"
    [read_back] = list(read(path, ReadOptions()))
    assert isinstance(read_back, ReadDocument)
    assert read_back.record.text == "This is New Berlin."
    assert [(s.text, s.label) for s in read_back.record.spans] == [("New Berlin", "LOC")]
    assert "data" not in read_back.record.meta
