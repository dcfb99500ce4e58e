"""doccano files: relations in both shapes imported between their spans, categories as the
document label "category", pretty-printed records read, identical-offset spans with two
labels kept, doccano 1.x column keys (issue 14)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from annotator.formats.base import ReadOptions
from annotator.formats.importing import ImportSummary, import_paths
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.conftest import REAL_ANNOTATIONS, shared

DOCCANO = REAL_ANNOTATIONS / "doccano" / "backend"


def load(tmp_path: Path, path: Path, fmt: str = "auto") -> tuple[ImportSummary, list]:
    tmp_path.mkdir(exist_ok=True)
    with Corpus.open(tmp_path / "doccano.sqlite") as corpus:
        summary = import_paths(corpus, [path], fmt=fmt, options=ReadOptions(coder="alice"))
        documents = list(iter_documents(corpus))
    return summary, documents


def reported(summary: ImportSummary, kind: str) -> int:
    found = [int(m.group(1)) for w in summary.warnings
             if (m := re.search(rf"(\d+) {re.escape(kind)}", w.reason))]
    assert len(found) <= 1, found
    return found[0] if found else 0


def records(path: Path) -> list[dict]:
    """Every JSON value in the file, however it is laid out (counted here, not by annotator)."""
    text, decoder, found, at = path.read_text(encoding="utf-8"), json.JSONDecoder(), [], 0
    while (at := len(text) - len(text[at:].lstrip())) < len(text):
        value, at = decoder.raw_decode(text, at)
        found.append(value)
    return found


def raw_relations(raw: list[dict]) -> Counter:
    """(text, head span, tail span, type) of every relation, counted from the raw JSON."""
    found: Counter = Counter()
    for record in raw:
        by_id = {e["id"]: (e["start_offset"], e["end_offset"], e["label"])
                 for e in record["entities"]}
        for r in record["relations"]:
            found[(record["text"], by_id[r["from_id"]], by_id[r["to_id"]], r["type"])] += 1
    return found


def imported_relations(documents: list) -> Counter:
    found: Counter = Counter()
    for d in documents:
        spans = {s.uid: (s.start, s.end, s.label) for s in d.spans}
        for r in d.relations:
            found[(d.document.text, spans[r.head], spans[r.tail], r.label)] += 1
    return found


def test_pretty_printed_relation_export_and_one_line_import_example(tmp_path: Path) -> None:
    for path in (DOCCANO / "data_export/pipeline/examples/relation_extraction/example.jsonl",
                 DOCCANO / "data_import/tests/data/relation_extraction/example.jsonl"):
        raw = records(shared(path))
        summary, documents = load(tmp_path / path.parts[-4], path)
        assert (summary.added, summary.rejected, summary.warnings) == (len(raw), [], [])
        assert sum(len(d.spans) for d in documents) == sum(len(r["entities"]) for r in raw) == 4
        assert imported_relations(documents) == raw_relations(raw)
        assert sum(raw_relations(raw).values()) == 3
        [google] = documents
        by_uid = {s.uid: s.text for s in google.spans}
        assert ("foundedAt", "Google", "September 4, 1998") in {
            (r.label, by_uid[r.head], by_uid[r.tail]) for r in google.relations}


def test_chinese_exports_keep_every_entity_and_identical_offsets_with_two_labels(
        tmp_path: Path) -> None:
    paddle = shared(REAL_ANNOTATIONS / "paddle-uie" / "data" / "doccano_ext.json")
    raw = records(paddle)
    summary, documents = load(tmp_path / "paddle", paddle)
    assert (summary.added, summary.rejected) == (len(raw), [])
    wanted = Counter((r["text"], e["start_offset"], e["end_offset"], e["label"])
                     for r in raw for e in r["entities"])
    got = Counter((d.document.text, s.start, s.end, s.label) for d in documents for s in d.spans)
    assert got == wanted and sum(got.values()) == 705
    shared_offsets = Counter((text, a, b) for text, a, b, _ in got.elements())
    assert sum(1 for n in shared_offsets.values() if n > 1) == 62  # two labels, one range
    assert imported_relations(documents) == raw_relations(raw)
    assert sum(len(d.relations) for d in documents) == 450
    assert reported(summary, "not imported") == 0

    fund = shared(REAL_ANNOTATIONS / "UIE-for-FundManager" / "data" / "doccano_ext.jsonl")
    raw = records(fund)
    summary, documents = load(tmp_path / "fund", fund)
    assert (summary.added, summary.rejected, summary.warnings) == (len(raw), [], [])
    assert sum(len(d.spans) for d in documents) == sum(len(r["entities"]) for r in raw) == 224
    assert all(d.document.text[s.start:s.end] == s.text for d in documents for s in d.spans)


def test_doccano_1x_column_keys(tmp_path: Path) -> None:
    path = shared(DOCCANO / "data_import/pipeline/examples/sequence_labeling/example.jsonl")
    raw = records(path)
    summary, documents = load(tmp_path, path, fmt="doccano")
    assert (summary.added, summary.rejected) == (len(raw), [])
    want = sorted((r["column_data"][a:b], label) for r in raw for a, b, label in r["column_label"])
    assert sorted((s.text, s.label) for d in documents for s in d.spans) == want
    assert ("Obama", "PERSON") in want


def test_several_pretty_printed_records_in_a_jsonl_with_a_broken_one(tmp_path: Path) -> None:
    first = {"text": "Google was founded in 1998.", "entities": [
        {"id": 1, "start_offset": 0, "end_offset": 6, "label": "ORG"},
        {"id": 2, "start_offset": 22, "end_offset": 26, "label": "DATE"}],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "foundedIn"}]}
    second = {"text": "Shelling near Kharkiv.", "entities": [
        {"id": 3, "start_offset": 14, "end_offset": 21, "label": "LOC"}], "relations": []}
    broken = '{\n    "text": "Half a record",\n    "entities": [\n}\n'
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(first, indent=4) + "\n" + broken + json.dumps(second, indent=4)
                    + "\n", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    summary, documents = load(tmp_path, path)
    assert summary.added == 2
    [refused] = summary.rejected
    starts = [n for n, line in enumerate(lines, start=1) if line.startswith("{")]
    assert refused.line == starts[1] + 3  # the "}" where the list should go on
    assert f"the record begun on line {starts[1]}" in refused.reason
    assert sorted((s.label, s.text) for d in documents for s in d.spans) == [
        ("DATE", "1998"), ("LOC", "Kharkiv"), ("ORG", "Google")]
    assert summary.warnings == []
    assert sorted(r.label for d in documents for r in d.relations) == ["foundedIn"]


def test_categories_intent_entities_and_text_classification_labels(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        # intent detection and slot filling: entities as lists, "cats"
        {"text": "Find a flight from Memphis to Tacoma", "entities": [[19, 26, "City"],
                                                                   [30, 36, "City"]],
         "cats": ["flight"]},
        # text classification: labels are names, not spans
        {"text": "Two rockets hit the base.", "label": ["attack", "military"]},
    ]) + "\n", encoding="utf-8")
    summary, documents = load(tmp_path, path)
    assert (summary.added, summary.rejected) == (2, [])
    assert sorted((s.label, s.text) for d in documents for s in d.spans) == [
        ("City", "Memphis"), ("City", "Tacoma")]
    assert sorted((d.document.text[:4], [(x.name, x.value, x.coder) for x in d.doc_labels])
                  for d in documents) == [
        ("Find", [("category", ["flight"], "alice")]),
        ("Two ", [("category", ["attack", "military"], "alice")])]
    assert summary.warnings == []


def test_a_relation_to_a_missing_entity_or_without_type_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps({
        "text": "Google was founded in 1998.", "entities": [
            {"id": 1, "start_offset": 0, "end_offset": 6, "label": "ORG"},
            {"id": 2, "start_offset": 22, "end_offset": 26, "label": "DATE"}],
        "relations": [{"from_id": 1, "to_id": 9, "type": "foundedIn"},
                      {"from_id": 1, "to_id": 2, "type": ""},
                      {"from_id": 1, "to_id": 2, "type": "foundedIn"}]}) + "\n",
        encoding="utf-8")
    summary, [doc] = load(tmp_path, path)
    assert [r.label for r in doc.relations] == ["foundedIn"]
    assert reported(summary, "relation not imported (an end names no entity") == 1
    assert reported(summary, "relation not imported (no type)") == 1
