"""Label Studio tasks: legacy ``completions``, flat tasks, relations, answers about spans
and about the whole text imported (issue 14), and the real GraSCCo export reading as before."""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotator.formats.base import ReadOptions
from annotator.formats.importing import ImportSummary, import_paths
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.conftest import PEERS, shared

TEXT = "Rockets hit Ain al-Assad airbase, the Pentagon said."


def load(tmp_path: Path, path: Path, fmt: str = "auto") -> tuple[ImportSummary, list]:
    with Corpus.open(tmp_path / "ls.sqlite") as corpus:
        summary = import_paths(corpus, [path], fmt=fmt, options=ReadOptions(coder="alice"))
        documents = list(iter_documents(corpus))
    return summary, documents


def reported(summary: ImportSummary, kind: str) -> int:
    found = [int(m.group(1)) for w in summary.warnings
             if (m := re.search(rf"(\d+) {re.escape(kind)}", w.reason))]
    assert len(found) <= 1, found
    return found[0] if found else 0


def region(rid: str, phrase: str, label: str) -> dict:
    start = TEXT.index(phrase)
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": start + len(phrase), "text": phrase,
                      "labels": [label]}}


def write(path: Path, tasks: object) -> Path:
    path.write_text(json.dumps(tasks, indent=1), encoding="utf-8")
    return path


def test_the_grascco_export_reads_as_before(tmp_path: Path) -> None:
    path = shared(PEERS / "label-studio" / "grascco_label-studio_export_first5tasks.json")
    tasks = json.loads(path.read_text(encoding="utf-8"))
    labels = sum(len(r["value"]["labels"]) for t in tasks for a in t["annotations"]
                 for r in a["result"] if r["type"] == "labels")
    summary, documents = load(tmp_path, path)
    assert (summary.added, summary.rejected, summary.warnings) == (len(tasks), [], [])
    assert sum(len(d.spans) for d in documents) == labels == 41


def test_legacy_completions_bring_their_spans(tmp_path: Path) -> None:
    # Label Studio before 1.0 exported "completions" where it now writes "annotations".
    path = write(tmp_path / "old-export.json", [
        {"id": 1, "data": {"text": TEXT}, "completions": [
            {"id": 1001, "lead_time": 4.2, "completed_by": 3, "result": [
                region("r1", "Ain al-Assad airbase", "location"),
                region("r2", "the Pentagon", "actor")]},
            {"id": 1002, "was_cancelled": True, "result": [region("r3", "Rockets", "actor")]},
        ], "predictions": []},
    ])
    summary, [doc] = load(tmp_path, path)
    assert summary.rejected == []
    assert sorted((s.label, s.text, s.coder) for s in doc.spans) == [
        ("actor", "the Pentagon", "labelstudio-3"),
        ("location", "Ain al-Assad airbase", "labelstudio-3")]
    assert reported(summary, "cancelled annotation not imported") == 1


def test_flat_tasks_are_documents_and_a_refused_task_names_its_number(tmp_path: Path) -> None:
    path = write(tmp_path / "flat.json", [
        {"text": "Shelling near Kharkiv.", "source": "wire"},
        {"data": {"text": "Talks resumed in Doha.", "lang": "en"}},
        {"data": {"review": "No text key here."}},
        {"text": TEXT, "annotations": [{"result": [region("a", "the Pentagon", "actor")]}]},
    ])
    summary, documents = load(tmp_path, path, fmt="labelstudio")
    assert summary.added == 3
    [refused] = summary.rejected
    assert refused.line == 12  # where the task begins in the indented list
    assert refused.reason.startswith("task 3: ") and "'review'" in refused.reason
    by_text = {d.document.text: d for d in documents}
    assert by_text["Shelling near Kharkiv."].document.source == "wire"
    assert by_text["Talks resumed in Doha."].document.meta["ls_data"] == {"lang": "en"}
    assert [s.text for s in by_text[TEXT].spans] == ["the Pentagon"]


def test_relations_and_answers_are_imported(tmp_path: Path) -> None:
    tasks = [
        {"id": 7, "data": {"text": TEXT}, "annotations": [{"completed_by": 1, "result": [
            region("r1", "Ain al-Assad airbase", "location"),
            region("r2", "the Pentagon", "actor"),
            region("r3", "Rockets", "weapon"),
            {"from_id": "r2", "to_id": "r1", "type": "relation", "direction": "right",
             "labels": ["said about"]},
            {"from_id": "r3", "to_id": "r1", "type": "relation", "direction": "right"},
            {"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "left",
             "labels": ["a", "b"]},
            {"from_id": "r1", "to_id": "r9", "type": "relation", "direction": "right"},
            {"id": "d1", "from_name": "relevant", "to_name": "text", "type": "choices",
             "value": {"choices": ["yes"]}},
            {"id": "d2", "from_name": "note", "to_name": "text", "type": "textarea",
             "value": {"text": ["check the date"]}},
            {"id": "d3", "from_name": "when", "to_name": "text", "type": "datetime",
             "value": {"datetime": "2024-08-06"}},
            {"id": "r1", "from_name": "certainty", "to_name": "text", "type": "choices",
             "value": {"start": 12, "end": 32, "choices": ["exact"]}},
        ]}], "drafts": [{"result": []}]},
    ]
    path = write(tmp_path / "export.json", tasks)
    summary, [doc] = load(tmp_path, path)
    results = tasks[0]["annotations"][0]["result"]
    kinds = [r["type"] for r in results]
    assert summary.rejected == []
    assert len(doc.spans) == kinds.count("labels") == 3
    text = {s.uid: s.text for s in doc.spans}
    assert sorted((r.label, text[r.head], text[r.tail], r.coder) for r in doc.relations) == [
        ("a", "the Pentagon", "Ain al-Assad airbase", "labelstudio-1"),  # direction left
        ("b", "the Pentagon", "Ain al-Assad airbase", "labelstudio-1"),
        ("related", "Rockets", "Ain al-Assad airbase", "labelstudio-1"),
        ("said about", "the Pentagon", "Ain al-Assad airbase", "labelstudio-1")]
    assert sorted((d.name, d.value) for d in doc.doc_labels) == [
        ("note", "check the date"), ("relevant", ["yes"])]
    assert {s.text: dict(s.attrs) for s in doc.spans}["Ain al-Assad airbase"] == {
        "certainty": "exact"}
    assert reported(summary, "relation not imported") == 1  # r9 is no region
    assert reported(summary, "document category not imported") == 1  # the date
    assert reported(summary, "draft not imported") == 1
    said = next(w.reason for w in summary.warnings if "relation" in w.reason)
    assert "from location 'Ain al-Assad airbase' at 12-32 to span r9" in said
    assert all(w.line == 2 for w in summary.warnings)
