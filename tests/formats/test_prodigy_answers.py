"""Prodigy answers on real files: rejected spans are not spans, tasks on one text are one
document, relations, entity links and text categories are imported (issue 14)."""

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

RECIPES = REAL_ANNOTATIONS / "prodigy-recipes" / "example-datasets"
PROJECTS = REAL_ANNOTATIONS / "projects"


def load(tmp_path: Path, path: Path, fmt: str = "auto") -> tuple[ImportSummary, list]:
    with Corpus.open(tmp_path / "prodigy.sqlite") as corpus:
        summary = import_paths(corpus, [path], fmt=fmt, options=ReadOptions(coder="alice"))
        documents = list(iter_documents(corpus))
    return summary, documents


def tasks(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def reported(summary: ImportSummary, kind: str) -> int:
    """The count a warning gives for ``kind`` (0 if none says it); two would be a fault."""
    found = [int(m.group(1)) for w in summary.warnings
             if (m := re.search(rf"(\d+) {re.escape(kind)}", w.reason))]
    assert len(found) <= 1, found
    return found[0] if found else 0


def test_binary_ner_teach_data_keeps_only_accepted_spans_one_document_per_text(
        tmp_path: Path) -> None:
    path = shared(RECIPES / "annotated_reddit-PRODUCT-ner.jsonl")
    raw = tasks(path)
    # Counted here from the raw JSON: a span's own answer wins over its task's.
    answers = Counter(s.get("answer", t["answer"]) for t in raw for s in t["spans"])
    accepted = {(t["text"], s["start"], s["end"], s["label"]) for t in raw for s in t["spans"]
                if s.get("answer", t["answer"]) == "accept"}
    texts = Counter(t["text"] for t in raw)
    merged = sum(n for n in texts.values() if n > 1)

    summary, documents = load(tmp_path, path)

    assert (summary.added, summary.duplicates, summary.rejected) == (len(texts), 0, [])
    imported = {(d.document.text, s.start, s.end, s.label) for d in documents for s in d.spans}
    assert imported == accepted
    assert sum(len(d.spans) for d in documents) == len(accepted) == 435
    assert reported(summary, "spans answered reject") == answers["reject"] == 1291
    assert reported(summary, "spans answered ignore") == answers["ignore"] == 88
    assert reported(summary, "Prodigy tasks merged") == merged == 63
    repeated = reported(summary, "spans accepted more than once")
    assert len(accepted) + repeated + answers["reject"] + answers["ignore"] == \
        sum(len(t["spans"]) for t in raw)
    # Line 167: the task says reject, its span "i7" says accept, "220" says reject.
    i7 = next(d for d in documents if d.document.text == raw[166]["text"])
    assert [s.text for s in i7.spans] == ["i7"]
    # A text with several tasks (lines 12 and others): one document, the union.
    by_text = {d.document.text: d for d in documents}
    for text, count in texts.items():
        if count > 1:
            want = {(s["start"], s["end"]) for t in raw if t["text"] == text
                    for s in t["spans"] if s.get("answer", t["answer"]) == "accept"}
            assert {(s.start, s.end) for s in by_text[text].spans} == want
    # A document is done if any of its tasks was accepted, left to do if all were rejected.
    status = {text: "done" if any(t["answer"] == "accept" for t in raw if t["text"] == text)
              else None for text in texts}
    for text, doc in by_text.items():
        if status[text] == "done":
            assert doc.statuses == {"alice": "done"}
    assert all(w.line is not None and w.file == path for w in summary.warnings)


def test_rel_manual_relations_become_relations_between_their_spans(tmp_path: Path) -> None:
    path = shared(PROJECTS / "experimental" / "rel_component" / "assets" / "annotations.jsonl")
    raw = tasks(path)
    # Counted from the raw JSON: each end by its offsets and label, checked against the
    # token index Prodigy keys it by (the end's last token).
    wanted = Counter()
    for t in raw:
        for r in t["relations"]:
            assert r["head"] == r["head_span"]["token_end"]
            assert r["child"] == r["child_span"]["token_end"]
            ends = tuple((s["start"], s["end"], s["label"]) for s in (r["head_span"],
                                                                      r["child_span"]))
            wanted[(t["text"], *ends, r["label"])] += 1
    summary, documents = load(tmp_path, path)
    assert (summary.added, summary.rejected, summary.warnings) == (len(raw), [], [])
    assert sum(len(d.spans) for d in documents) == sum(len(t["spans"]) for t in raw) == 466
    got = Counter()
    for d in documents:
        spans = {s.uid: (s.start, s.end, s.label) for s in d.spans}
        got.update((d.document.text, spans[r.head], spans[r.tail], r.label)
                   for r in d.relations)
    assert got == wanted and sum(got.values()) == 267
    first = next(d for d in documents if d.document.text.startswith("Furthermore, Smad"))
    texts = {s.uid: s.text for s in first.spans}
    assert ("Pos-Reg", "Smad", "Id1") in {(r.label, texts[r.head], texts[r.tail])
                                          for r in first.relations}


def test_entity_linking_choices_become_links_of_their_spans(tmp_path: Path) -> None:
    path = shared(PROJECTS / "tutorials" / "nel_emerson" / "assets" /
                  "emerson_annotated_text.jsonl")
    raw = tasks(path)
    wanted = Counter((t["text"], s["start"], s["end"], s["label"], "Wikidata", choice)
                     for t in raw for s in t["spans"] for choice in t["accept"])
    summary, documents = load(tmp_path, path)
    assert (summary.added, summary.rejected, summary.warnings) == (len(raw), [], [])
    assert sum(len(d.spans) for d in documents) == sum(len(t["spans"]) for t in raw) == 30
    got = Counter((d.document.text, s.start, s.end, s.label, link.kb, link.id)
                  for d in documents for s in d.spans for link in s.links)
    assert got == wanted and sum(got.values()) == 30
    assert not any(d.doc_labels for d in documents)  # links are not text categories


def test_a_nil_answer_is_reported_not_a_link(tmp_path: Path) -> None:
    path = write_tasks(tmp_path / "nel.jsonl", [
        {"text": TEXT, "spans": [span("the Pentagon", "ORG")],
         "options": [{"id": "Q11208"}, {"id": "NIL_otherLink"}], "accept": ["NIL_otherLink"],
         "answer": "accept"},
        {"text": "Kidal is calm.", "spans": [{"start": 0, "end": 5, "label": "GPE"}],
         "options": [{"id": "2455290", "source": "GeoNames"}], "accept": ["2455290"],
         "answer": "accept"},
    ])
    summary, documents = load(tmp_path, path, fmt="prodigy")
    assert sorted((link.kb, link.id) for d in documents for s in d.spans for link in s.links) \
        == [("GeoNames", "2455290")]
    assert reported(summary, "entity-linking choice not imported (a NIL answer") == 1


def write_tasks(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


TEXT = "Rockets hit Ain al-Assad airbase, the Pentagon said."


def span(phrase: str, label: str, **extra: object) -> dict:
    start = TEXT.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase, "label": label, **extra}


def test_manual_answers_reject_and_ignore_bring_the_text_and_report_its_spans(
        tmp_path: Path) -> None:
    other = "A calm day in Kidal."
    path = write_tasks(tmp_path / "manual.jsonl", [
        {"text": TEXT, "spans": [span("Ain al-Assad airbase", "location")], "answer": "reject"},
        {"text": other, "spans": [{"start": 14, "end": 19, "label": "location"}],
         "answer": "ignore"},
    ])
    summary, documents = load(tmp_path, path, fmt="prodigy")
    assert (summary.added, summary.rejected) == (2, [])
    assert all(not d.spans for d in documents)
    assert {d.document.text: d.statuses["alice"] for d in documents} == {TEXT: "todo",
                                                                         other: "skipped"}
    assert reported(summary, "span answered reject not imported") == 1
    assert reported(summary, "span answered ignore not imported") == 1
    assert [w.line for w in summary.warnings] == [1, 2]


def test_tasks_on_one_text_far_apart_merge_and_name_their_lines(tmp_path: Path) -> None:
    path = write_tasks(tmp_path / "teach.jsonl", [
        {"text": TEXT, "spans": [span("the Pentagon", "actor")], "answer": "accept"},
        {"text": "Something else entirely.", "spans": [], "answer": "accept"},
        {"text": TEXT, "spans": [span("Ain al-Assad airbase", "location")], "answer": "reject"},
        {"text": TEXT, "spans": [span("the Pentagon", "actor"),
                                 span("Ain al-Assad", "location", answer="accept")],
         "answer": "accept"},
    ])
    summary, documents = load(tmp_path, path, fmt="prodigy")
    assert (summary.added, summary.duplicates, summary.rejected) == (2, 0, [])
    doc = next(d for d in documents if d.document.text == TEXT)
    assert sorted((s.label, s.text) for s in doc.spans) == [("actor", "the Pentagon"),
                                                            ("location", "Ain al-Assad")]
    assert doc.statuses == {"alice": "done"}
    merged = next(w for w in summary.warnings if "Prodigy tasks merged" in w.reason)
    assert merged.line == 1 and "lines 1, 3, 4" in merged.reason
    assert reported(summary, "Prodigy tasks merged") == 3
    assert reported(summary, "span accepted more than once kept once") == 1
    assert reported(summary, "span answered reject") == 1


def test_text_classification_answers_become_document_labels(tmp_path: Path) -> None:
    path = write_tasks(tmp_path / "textcat.jsonl", [
        {"text": "Two rockets hit the base.", "label": "ATTACK", "answer": "accept"},
        {"text": "Talks resumed in Doha.", "label": "ATTACK", "answer": "reject"},
        {"text": "Shelling near Kharkiv.", "options": [{"id": "ATTACK"}, {"id": "PROTEST"}],
         "accept": ["ATTACK"], "answer": "accept"},
        {"text": "Crowds gathered.", "cats": {"PROTEST": 1.0, "ATTACK": 0.0},
         "answer": "accept"},
    ])
    summary, documents = load(tmp_path, path, fmt="prodigy")
    assert (summary.added, summary.rejected, summary.warnings) == (4, [], [])
    assert {d.document.text: sorted((x.name, x.value) for x in d.doc_labels)
            for d in documents} == {
        "Two rockets hit the base.": [("ATTACK", True)],
        "Talks resumed in Doha.": [("ATTACK", False)],
        "Shelling near Kharkiv.": [("category", ["ATTACK"])],
        "Crowds gathered.": [("ATTACK", 0.0), ("PROTEST", 1.0)]}


def test_a_bad_span_answer_refuses_its_task_with_its_line(tmp_path: Path) -> None:
    path = write_tasks(tmp_path / "bad.jsonl", [
        {"text": TEXT, "spans": [span("the Pentagon", "actor", answer="maybe")]},
        {"text": "Fine.", "spans": []},
    ])
    summary, _ = load(tmp_path, path, fmt="prodigy")
    assert summary.added == 1
    [refused] = summary.rejected
    assert refused.line == 1 and "span 1 \"answer\" 'maybe'" in refused.reason
