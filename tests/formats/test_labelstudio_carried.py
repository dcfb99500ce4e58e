"""Label Studio carries relations, span attributes (answers about a region) and document
labels (answers about the text) both ways, per coder; links and discontinuous spans are
reported with counts (issue 14)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.formats.carried import (
    BASRA,
    PROTEST,
    RICH,
    content,
    corpus,
    count,
    export,
    reimport,
)
from tests.formats.conftest import build


def test_round_trip_keeps_relations_attributes_and_document_labels(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    out = tmp_path / "ls.json"
    result = export(source, "labelstudio", out)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    [annotation] = tasks[0]["annotations"]
    regions = {r["id"] for r in annotation["result"] if r["type"] == "labels"}
    relations = [r for r in annotation["result"] if r["type"] == "relation"]
    assert len(relations) == 3 and all({r["from_id"], r["to_id"]} <= regions for r in relations)
    summary, again = reimport(tmp_path, out, "labelstudio")
    assert summary.warnings == []

    before, after = content(source), content(again)
    hull = (PROTEST[0], BASRA[1], "actor")
    for uid in before:
        want = before[uid]["spans"] - Counter({(*hull, (PROTEST, BASRA)): 1})
        if uid == "rich-1":
            want[(*hull, ())] += 1
        assert after[uid]["spans"] == want
        assert after[uid]["attrs"] == before[uid]["attrs"]
        assert after[uid]["doc_labels"] == before[uid]["doc_labels"]
        assert after[uid]["relations"] == Counter(
            (h, t, label, "{}") for (h, t, label, _a) in before[uid]["relations"].elements())
        assert after[uid]["links"] == Counter()
    assert sum(after["rich-1"]["attrs"].values()) == 2
    assert sum(after["rich-1"]["doc_labels"].values()) == 5

    assert count(result, "^discontinuous spans") == 1
    assert count(result, "^knowledge-base links") == 2
    assert count(result, "^relation attributes") == 1
    assert count(result, "^document statuses") == 2  # Label Studio tasks have none
    assert sum(result.losses.counts.values()) == 4 + 2


def test_coders_keep_their_own_annotation_and_mixed_relations_are_reported(
        tmp_path: Path) -> None:
    doc = json.loads(json.dumps(RICH))
    for span in doc["spans"]:
        if span["id"] in ("pentagon", "family"):
            span["coder"] = "bob"
    doc["relations"].append({"id": "r4", "head": "pentagon", "tail": "family",
                             "label": "bi-link", "coder": "bob", "attrs": {"direction": "bi"}})
    doc["doc_labels"].append({"name": "relevant", "value": False, "coder": "bob"})
    doc["doc_labels"].append({"name": "tags", "value": ["one"], "coder": "bob"})
    doc["doc_labels"].append({"name": "odd", "value": {"a": 1}, "coder": "bob"})
    source = build(tmp_path / "coders.sqlite", [doc])
    out = tmp_path / "ls.json"
    result = export(source, "labelstudio", out)
    [task] = json.loads(out.read_text(encoding="utf-8"))
    assert [a["completed_by"] for a in task["annotations"]] == ["alice", "bob"]
    _, again = reimport(tmp_path, out, "labelstudio")
    after = content(again)["rich-1"]
    # r2 (pentagon -> family, alice's relation between bob's spans) comes back as bob's;
    # r3 (family, bob's, -> base-actor, alice's) cannot be written.
    assert count(result, "^relations: its ends are spans of two coders") == 1
    assert count(result, "^relations: coded by another coder") == 1
    assert sorted(label for (_h, _t, label, _a) in after["relations"]) == [
        "bi-link", "located in", "reports on"]
    assert any(a == '{"direction": "bi"}' for (*_x, a) in after["relations"])
    labels = {(name, coder): json.loads(value) for name, value, coder in after["doc_labels"]}
    assert labels[("relevant", "bob")] is False and labels[("relevant", "alice")] is True
    assert labels[("tags", "bob")] == ["one"]  # a list of one choice stays a list
    assert ("odd", "bob") not in labels
    assert count(result, "^document labels") == 1


def test_a_region_id_given_twice_is_said(tmp_path: Path) -> None:
    from annotator.formats import labelstudio
    from annotator.formats.base import ReadDocument, ReadOptions

    region = {"from_name": "label", "to_name": "text", "type": "labels"}
    task = {"data": {"text": "Rebels took Gao and Kidal."}, "annotations": [{"result": [
        {**region, "id": "b", "value": {"start": 12, "end": 15, "labels": ["location"]}},
        {**region, "id": "b", "value": {"start": 20, "end": 25, "labels": ["location"]}},
        {**region, "id": "a", "value": {"start": 0, "end": 6, "labels": ["actor"]}},
        {"type": "relation", "from_id": "a", "to_id": "b", "labels": ["attacked"]}]}]}
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    [read] = list(labelstudio.read(path, ReadOptions()))
    assert isinstance(read, ReadDocument)
    assert len(read.record.spans) == 3
    said = " ".join(p.reason for p in read.warnings)
    assert "region id given to two regions" in said and "'b'" in said
