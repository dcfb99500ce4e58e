"""An accepted suggestion leaves with its origin and source in every format that carries
them, and comes back from them accepted."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.core.commands import SOURCE_ATTR, accept
from annotator.core.model import Span
from annotator.storage.corpus import Corpus
from tests.formats.carried import export, reimport
from tests.formats.conftest import NEWS, build, span

LOCATION = "Ain al-Assad airbase"


def with_accepted(tmp_path: Path) -> Path:
    """alice's own span, a suggestion she accepted and one still pending."""
    path = build(tmp_path / "accepted.sqlite", [{"id": "news-1", "text": NEWS, "spans": [
        span(NEWS, "the Pentagon", "actor", coder="alice", origin="manual")]}])
    with Corpus.open(path) as corpus:
        [doc_id] = corpus.document_ids()
        for phrase, label in ((LOCATION, "location"), ("US personnel", "actor")):
            start = NEWS.index(phrase)
            corpus.insert_span(Span(start=start, end=start + len(phrase), label=label,
                                    text=phrase, coder="alice", origin="suggested",
                                    attrs={SOURCE_ATTR: "gazetteer"}, doc_id=doc_id))
        place = next(s for s in corpus.spans(doc_id) if s.text == LOCATION)
        accept(place, "alice", corpus.status(doc_id, "alice")).apply(corpus)
    return path


def origins(path: Path) -> dict[str, tuple[str, str | None]]:
    with Corpus.open(path) as corpus:
        [doc_id] = corpus.document_ids()
        return {s.text: (s.origin, s.attrs.get(SOURCE_ATTR)) for s in corpus.spans(doc_id)}


def test_the_stored_corpus_holds_an_accepted_span(tmp_path: Path) -> None:
    assert origins(with_accepted(tmp_path)) == {
        "the Pentagon": ("manual", None), LOCATION: ("accepted", "gazetteer"),
        "US personnel": ("suggested", "gazetteer")}


@pytest.mark.parametrize(("fmt", "name"), [("jsonl", "out.jsonl"), ("xmi", "xmi")])
def test_native_formats_give_the_origin_and_source_back(tmp_path: Path, fmt: str,
                                                        name: str) -> None:
    out = tmp_path / name
    export(with_accepted(tmp_path), fmt, out)
    _, again = reimport(tmp_path, out, fmt)
    assert origins(again) == {"the Pentagon": ("manual", None),
                              LOCATION: ("accepted", "gazetteer")}


def test_jsonl_writes_accepted(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    export(with_accepted(tmp_path), "jsonl", out)
    [document] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    written = {s["text"]: (s["origin"], s["attrs"].get(SOURCE_ATTR)) for s in document["spans"]}
    assert written == {"the Pentagon": ("manual", None), LOCATION: ("accepted", "gazetteer")}


def test_label_studio_writes_a_prediction_and_reads_it_back_accepted(tmp_path: Path) -> None:
    out = tmp_path / "ls.json"
    export(with_accepted(tmp_path), "labelstudio", out)
    [task] = json.loads(out.read_text(encoding="utf-8"))
    [annotation] = task["annotations"]
    said = {(r["value"]["text"], r["from_name"]): r["origin"] for r in annotation["result"]}
    assert said == {("the Pentagon", "label"): "manual", (LOCATION, "label"): "prediction",
                    (LOCATION, SOURCE_ATTR): "prediction"}
    _, again = reimport(tmp_path, out, "labelstudio")
    assert origins(again) == {"the Pentagon": ("imported", None),
                              LOCATION: ("accepted", "gazetteer")}


def test_a_label_studio_region_changed_from_a_prediction_is_accepted(tmp_path: Path) -> None:
    region = {"start": 0, "end": 3, "text": "Two", "labels": ["actor"]}
    task = {"data": {"text": NEWS}, "annotations": [{"completed_by": 1, "result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
         "origin": "prediction-changed", "value": region},
        {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
         "origin": "manual", "value": {**region, "labels": ["casualty"]}}]}]}
    source = tmp_path / "ls.json"
    source.write_text(json.dumps([task]), encoding="utf-8")
    _, again = reimport(tmp_path, source, "labelstudio")
    with Corpus.open(again) as corpus:
        assert {(s.label, s.origin) for s in corpus.spans(1)} == {
            ("actor", "accepted"), ("casualty", "imported")}


def test_csv_names_the_origin_and_source(tmp_path: Path) -> None:
    out = tmp_path / "spans.csv"
    export(with_accepted(tmp_path), "csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = {row["text"]: row for row in csv.DictReader(handle)}
    assert rows[LOCATION]["origin"] == "accepted"
    assert rows["the Pentagon"]["origin"] == "manual"
    assert rows[LOCATION][SOURCE_ATTR] == "gazetteer"


def test_brat_keeps_the_source_as_an_attribute(tmp_path: Path) -> None:
    # brat has no origin: the span comes back imported, its source still said.
    out = tmp_path / "brat"
    export(with_accepted(tmp_path), "brat", out)
    _, again = reimport(tmp_path, out, "brat")
    assert origins(again)[LOCATION] == ("imported", "gazetteer")
