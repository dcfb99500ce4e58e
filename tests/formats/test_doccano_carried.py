"""doccano carries relations and the "category" document label both ways; what it cannot
hold (other document labels, discontinuous spans, links, attributes) is reported with
counts (issue 14)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.formats.carried import (
    BASE,
    BASRA,
    PROTEST,
    content,
    corpus,
    count,
    export,
    reimport,
)


def test_round_trip_keeps_relations_categories_and_names_the_rest(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    out = tmp_path / "doccano.jsonl"
    result = export(source, "doccano", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # The relation shape for every record, as doccano imports one shape per project.
    assert all(set(r) >= {"entities", "relations", "cats"} for r in records)
    rich = records[0]
    assert all(isinstance(e["id"], int) for e in rich["entities"])  # doccano wants numbers
    assert rich["cats"] == ["protest", "attack"]
    _, again = reimport(tmp_path, out, "doccano")

    before, after = content(source), content(again)
    hull = (PROTEST[0], BASRA[1], "actor")
    for uid in before:
        want = before[uid]["spans"] - Counter({(*hull, (PROTEST, BASRA)): 1})
        if uid == "rich-1":
            want[(*hull, ())] += 1  # the discontinuous span, as one stretch
        assert after[uid]["spans"] == want
        assert after[uid]["relations"] == Counter(
            (h, t, label, "{}") for (h, t, label, _attrs) in before[uid]["relations"].elements())
        assert after[uid]["links"] == after[uid]["attrs"] == Counter()
    assert after["rich-1"]["doc_labels"] == Counter(
        {("category", '["protest", "attack"]', "alice"): 1})
    assert sum(after["rich-1"]["relations"].values()) == 3
    assert ((BASE[0], BASE[1], "actor") in
            {t for (_h, t, _l, _a) in after["rich-1"]["relations"]})  # one of two on a range

    assert count(result, "^discontinuous spans") == 1
    assert count(result, "^knowledge-base links") == 2
    assert count(result, "^span attributes") == 1
    assert count(result, "^relation attributes") == 1
    assert count(result, "^document labels") == 4  # event_types, relevant, language, casualties
    assert count(result, "^document statuses") == 2  # doccano has none
    assert sum(result.losses.counts.values()) == 1 + 2 + 1 + 1 + 4 + 2


def test_without_relations_or_document_labels_the_plain_label_shape(tmp_path: Path) -> None:
    from tests.formats.carried import QUIET
    from tests.formats.conftest import build

    source = build(tmp_path / "plain.sqlite", [QUIET])
    out = tmp_path / "plain.jsonl"
    result = export(source, "doccano", out)
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["label"] == [[14, 19, "location"]] and "entities" not in record
    # Only its status is lost: doccano has none.
    assert list(result.losses.counts) == [
        "document statuses (doccano has none: a re-import leaves each document to do)"]
