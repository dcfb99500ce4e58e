"""Prodigy carries relations (rel.manual), knowledge-base links (entity-linking choice
tasks) and document labels (binary labels, choice tasks, cats) both ways; what it cannot
hold is reported with counts (issue 14)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.formats.carried import BASRA, PROTEST, content, corpus, count, export, reimport


def test_round_trip_keeps_relations_links_and_document_labels(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    out = tmp_path / "prodigy.jsonl"
    result = export(source, "prodigy", out)
    tasks = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    main = tasks[0]
    for relation in main["relations"]:  # rel.manual: head and child are last tokens
        for end, key in (("head", "head_span"), ("child", "child_span")):
            assert relation[end] == relation[key]["token_end"]
            assert main["tokens"][relation[end]]["end"] == relation[key]["end"]
    linking = [t for t in tasks if t.get("options") and t.get("spans")]
    assert [[o["source"] for o in t["options"]] for t in linking] == [["GeoNames", "Wikidata"]]
    summary, again = reimport(tmp_path, out, "prodigy")
    assert summary.added == 2 and summary.warnings == []

    before, after = content(source), content(again)
    hull = (PROTEST[0], BASRA[1], "actor")
    for uid in before:
        want = before[uid]["spans"] - Counter({(*hull, (PROTEST, BASRA)): 1})
        if uid == "rich-1":
            want[(*hull, ())] += 1
        assert after[uid]["spans"] == want
        assert after[uid]["links"] == before[uid]["links"]
        assert after[uid]["doc_labels"] == before[uid]["doc_labels"]
        assert after[uid]["relations"] == Counter(
            (h, t, label, "{}") for (h, t, label, _a) in before[uid]["relations"].elements())
    assert sum(after["rich-1"]["links"].values()) == 2
    assert sum(after["rich-1"]["doc_labels"].values()) == 5
    assert sum(after["rich-1"]["relations"].values()) == 3

    assert count(result, "^discontinuous spans") == 1
    assert count(result, "^span attributes") == 1
    assert count(result, "^relation attributes") == 1
    assert sum(result.losses.counts.values()) == 3
