"""The Hugging Face export keeps what tags cannot hold in columns `datasets` loads, and
lists only the labels the export uses (every codebook label with --all-labels)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from tests.formats.conftest import build

TEXT = "Rockets hit Ain al-Assad airbase; five US personnel were hurt."


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    base, people = at("Ain al-Assad airbase"), at("five US personnel")
    document = {
        "id": "d1", "text": TEXT, "spans": [
            {"id": "base", "start": base[0], "end": base[1], "label": "location",
             "fragments": [[base[0], base[0] + 3], [base[1] - 7, base[1]]],
             "links": [{"kb": "GeoNames", "id": "99071"}], "attrs": {"precision": 1}},
            {"id": "people", "start": people[0], "end": people[1], "label": "casualty"},
            {"id": "us", "start": people[0] + 5, "end": people[0] + 7, "label": "casualty"},
        ],
        "relations": [{"id": "r1", "head": "people", "tail": "base", "label": "located in"}],
        "doc_labels": [{"name": "event_types", "value": ["attack"], "coder": "alice"}],
    }
    return build(tmp_path / "linked.sqlite", [document])


def export(corpus: Path, out: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", "hf", "-o", str(out),
                                      *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_relations_fragments_links_and_document_labels_load_as_columns(
        linked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import load_dataset

    out = tmp_path / "ner.parquet"
    output = export(linked, out)
    # Only the nested span ("US" inside the casualty) cannot be a tag; all else is carried.
    [loss] = output.split("lost in this format:\n")[1].strip().splitlines()
    assert loss.strip().startswith("1 × overlapping span left out of IOB tags")
    [row] = load_dataset("parquet", data_files=str(out), split="train")
    assert row["text"] == TEXT
    spans = {s["id"]: s for s in row["spans"]}
    assert spans["base"]["fragments"] == [[at("Ain")[0], at("Ain")[1]],
                                          [at("airbase")[0], at("airbase")[1]]]
    assert spans["base"]["links"] == [{"kb": "GeoNames", "id": "99071", "name": ""}]
    assert json.loads(spans["base"]["attrs"]) == {"precision": 1}
    assert "us" in spans  # the nested span the tags leave out
    assert [(r["head"], r["tail"], r["label"]) for r in row["relations"]] == [
        ("people", "base", "located in")]
    assert [(d["name"], json.loads(d["value"])) for d in row["doc_labels"]] == [
        ("event_types", ["attack"])]


def test_tag_names_list_the_labels_used_unless_all_are_asked_for(
        linked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import load_dataset

    used, every = tmp_path / "used.parquet", tmp_path / "every.parquet"
    export(linked, used)
    export(linked, every, "--all-labels")
    names = load_dataset("parquet", data_files=str(used), split="train").features[
        "ner_tags"].feature.names
    assert names == ["O", "B-casualty", "I-casualty", "B-location", "I-location"]
    names = load_dataset("parquet", data_files=str(every), split="train").features[
        "ner_tags"].feature.names
    assert names == ["O", "B-actor", "I-actor", "B-casualty", "I-casualty", "B-location",
                     "I-location"]
