from __future__ import annotations

import json
import shutil
from pathlib import Path

from annotator.core.model import overall_status
from annotator.formats import jsonl
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.conftest import SAMPLES


def test_folders_are_walked_and_duplicates_stored_once(corpus: Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder / "nested")
    (folder / "nested" / "notes.pages").write_bytes(b"PK\x03\x04 not for us")
    (folder / ".hidden.txt").write_text("hidden")
    summary = import_paths(corpus, [folder])
    assert (summary.added, summary.duplicates, summary.rejected) == (4, 0, [])
    again = import_paths(corpus, [folder, SAMPLES / "ain-al-assad-2024-08-06.txt"])
    assert (again.added, again.duplicates) == (0, 5)
    assert corpus.document_count() == 4


def test_bad_documents_are_rejected_and_the_rest_imported(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"text": "First article.", "spans": [
            {"start": 0, "end": 5, "label": "PER", "text": "First"}]}) + "\n"
        + "{broken\n"
        + json.dumps({"text": "Third article."}) + "\n",
        encoding="utf-8",
    )
    unknown = tmp_path / "notes.rtf"
    unknown.write_text("{\\rtf1}")
    summary = import_paths(corpus, [path, unknown, tmp_path / "missing.txt"],
                           options=ReadOptions(coder="alice"))
    assert summary.added == 2
    assert summary.new_labels == ["PER"]
    assert [(str(p.file.name), p.line) for p in summary.rejected] == [
        ("missing.txt", None), ("mixed.jsonl", 2), ("notes.rtf", None)]
    [empty] = [p for p in summary.rejected if p.file.name == "notes.rtf"]
    assert "has no text" in empty.reason
    assert not summary.ok
    assert "new labels added to the corpus: PER" in summary.lines()


def test_cancel_keeps_what_was_read_before(corpus: Corpus, tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(f"Report {n}", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    summary = import_paths(corpus, [tmp_path], progress=lambda d, t: seen.append((d, t)),
                           cancelled=lambda: len(seen) >= 2)
    assert summary.cancelled
    assert summary.added == 2
    assert corpus.document_count() == 2


def test_native_jsonl_round_trip_loses_nothing(corpus: Corpus, tmp_path: Path) -> None:
    text = "👩‍👩‍👧 قاعدة Cafe\u0301\tAin al-Assad"
    family, base, place = (text.index(p) for p in ("👩‍👩‍👧", "قاعدة", "Ain al-Assad"))
    original = {
        "id": "doc-9", "title": "A title", "text": text, "date": "2024-08-06",
        "source": "Reuters", "url": "https://example.org/a", "meta": {"desk": "Baghdad"},
        "status": "done", "statuses": {"alice": "done", "bob": "in progress"},
        "spans": [
            {"id": "s1", "start": family, "end": family + 5, "label": "casualty", "text": "👩‍👩‍👧",
             "attrs": {"count_best": 3}, "coder": "alice", "origin": "manual"},
            {"id": "s2", "start": base, "end": base + 5, "label": "location", "text": "قاعدة",
             "attrs": {}, "coder": "bob", "origin": "imported"},
            {"id": "s3", "start": place, "end": place + 12, "label": "location", "text": "Ain al-Assad",
             "attrs": {}, "coder": "bob", "origin": "suggested",
             "fragments": [[place, place + 3], [place + 4, place + 12]],
             "links": [{"kb": "GeoNames", "id": "99071", "name": "Ain al-Asad"}]},
        ],
        "events": [{"id": "e1", "type": "attack", "date": "2024-08-05", "date_precision": 2,
                    "note": "rockets", "coder": "alice",
                    "members": [{"span_id": "s1", "role": "victim", "group": "g1"},
                                {"span_id": "s3", "role": "place"}]}],
        "notes": "check the toll",
        "flags": {"not relevant": False, "duplicate of": "doc-2"},
        "relations": [{"id": "r1", "head": "s1", "tail": "s3", "label": "located in",
                       "attrs": {"sure": True}, "coder": "alice", "origin": "manual"}],
        "doc_labels": [{"name": "event_types", "value": ["attack"], "coder": "alice"},
                       {"name": "relevant", "value": True, "coder": "bob"}],
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(original, ensure_ascii=False) + "\n", encoding="utf-8")
    assert import_paths(corpus, [source]).ok
    out = tmp_path / "out.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        jsonl.write(iter_documents(corpus), handle)
    [exported] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert exported == original
    assert overall_status(exported["statuses"]) == exported["status"]
    # and into a second corpus, the export reads back identically
    with Corpus.open(tmp_path / "second.sqlite") as second:
        assert import_paths(second, [out], options=ReadOptions(coder="carol")).ok
        [again] = [jsonl.document_object(d) for d in iter_documents(second)]
    assert again == original


def test_attribute_values_are_checked_against_the_schema(corpus: Corpus, tmp_path: Path) -> None:
    text = "At least five US personnel were injured near Ain al-Assad."
    good = {"start": 0, "end": 26, "label": "casualty",
            "attrs": {"outcome": "injured", "count_low": "5", "uncertain": "yes"}}
    bad_choice = {"start": 0, "end": 26, "label": "casualty", "attrs": {"outcome": "maimed"}}
    bad_number = {"start": 46, "end": 58, "label": "location", "attrs": {"precision": "high"}}
    path = tmp_path / "attrs.jsonl"
    path.write_text("\n".join(json.dumps({"text": text, "id": str(n), "spans": [s]})
                              for n, s in enumerate([good, bad_choice, bad_number])) + "\n",
                    encoding="utf-8")
    summary = import_paths(corpus, [path])
    assert summary.added == 1
    first, second = summary.rejected
    assert (first.line, second.line) == (2, 3)
    assert "attribute outcome: 'maimed' is not one of killed, injured" in first.reason
    assert "attribute precision: 'high' is not a whole number" in second.reason
    [span] = corpus.spans(1)
    assert dict(span.attrs) == {"outcome": "injured", "count_low": 5, "uncertain": True}


def test_a_duplicate_with_coding_of_its_own_says_what_was_not_imported(
        corpus: Corpus, tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "d1", "text": "Rebels took Gao."}) + "\n",
                     encoding="utf-8")
    again = tmp_path / "again.jsonl"
    again.write_text(json.dumps({"id": "d1", "text": "Rebels took Gao.", "spans": [
        {"start": 12, "end": 15, "label": "location", "coder": "bob"}],
        "doc_labels": [{"name": "relevant", "value": True, "coder": "bob"}]}) + "\n",
        encoding="utf-8")
    assert import_paths(corpus, [first]).added == 1
    summary = import_paths(corpus, [again])
    assert summary.duplicates == 1
    [warning] = summary.warnings
    assert warning.line == 1 and "1 span, 1 document label of it in this file, not in the " \
                                  "corpus, were not imported" in warning.reason
    assert "annotator merge" in warning.reason
    # The same file imported again holds nothing new: nothing to say.
    with Corpus.open(tmp_path / "second.sqlite") as second:
        assert import_paths(second, [again]).added == 1
        summary = import_paths(second, [again])
        assert summary.duplicates == 1 and summary.warnings == []
