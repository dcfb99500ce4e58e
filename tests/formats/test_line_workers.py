"""A JSON Lines file is read in the worker processes and stored as rows: the corpus,
the counts and every problem said must be what reading it in the importing process
gives, whatever the batch holds (bad lines, documents already stored, relations and
events, which only their records carry)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.article_pool import ArticlePool
from annotator.formats import importing, jsonl
from annotator.formats.base import ReadOptions
from annotator.formats.importing import BATCH_SIZE, import_paths
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus

LINES = BATCH_SIZE * 2 + 137  # three batches, the last one short


def _line(number: int) -> str:
    text = (f"Report {number}: gunmen attacked a checkpoint near Gao on Monday and "
            f"{number % 7 + 2} soldiers were killed, officials said. " * 3)
    doc: dict[str, Any] = {
        "id": f"doc-{number}", "title": f"Report {number}", "text": text,
        "date": "2024-03-0" + str(number % 9 + 1), "meta": {"desk": "west"},
        "statuses": {"ana": "done"} if number % 3 == 0 else {},
        "spans": [
            {"start": 0, "end": 6, "label": "report", "coder": "ana",
             **({"id": f"s-{number}"} if number % 2 else {})},
            {"start": 20, "end": 26, "label": "actor", "attrs": {"note": "armed"}},
            {"start": 51, "end": 54, "label": "location", "origin": "accepted"}],
    }
    if number == 600:  # only a record can carry relations and events: its batch goes that way
        doc["spans"][1]["id"] = "gunmen-600"
        doc["spans"][2]["id"] = "gao-600"
        doc["relations"] = [{"head": "gunmen-600", "tail": "gao-600", "label": "located_in"}]
        doc["events"] = [{"type": "attack", "members": [
            {"span_id": "gunmen-600", "role": "actor"}, {"span_id": "gao-600", "role": "location"}]}]
    return json.dumps(doc, ensure_ascii=False)


def _write(path: Path) -> None:
    lines = [_line(number) for number in range(1, LINES + 1)]
    lines[9] = "{broken"
    lines[520] = json.dumps({"text": "short", "spans": [{"start": 2, "end": 99, "label": "x"}]})
    lines[700] = '{"text": "a lone \\ud800 surrogate"}'
    lines[1000] = "   "
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _contents(corpus: Corpus) -> list[tuple[Any, ...]]:
    """Everything stored of each document but what is made anew at each reading (a span
    without an id gets a new one)."""
    found = []
    for doc in iter_documents(corpus):
        spans = sorted((s.start, s.end, s.label, s.text, dict(s.attrs), s.coder, s.origin,
                        s.uid if s.uid.startswith(("s-", "gunmen", "gao")) else "")
                       for s in doc.spans)
        found.append((doc.document.uid, doc.document.title, doc.document.text,
                       doc.document.date, dict(doc.document.meta), dict(doc.statuses), spans,
                       [(r.head, r.tail, r.label) for r in doc.relations],
                       [(e.type, [(m.span_uid, m.role) for m in e.members])
                        for e in doc.events]))
    return found


def _said(summary: importing.ImportSummary) -> tuple[Any, ...]:
    return (summary.added, summary.duplicates,
            sorted((p.file.name, p.line, p.reason) for p in summary.rejected),
            sorted((p.file.name, p.line, p.reason) for p in summary.warnings),
            summary.new_labels)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    _write(path)
    return path


def _import_twice(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch,
                  before: list[str]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(what the workers' way gives, what reading in this process gives) for ``source``
    imported into a corpus already holding the lines ``before``."""
    results = []
    for way, by_line in (("workers", True), ("in process", False)):
        path = tmp_path / f"{way}.sqlite"
        earlier = tmp_path / f"{way}-earlier.jsonl"
        earlier.write_text("".join(line + "\n" for line in before), encoding="utf-8")
        with Corpus.open(path) as corpus:
            if before:
                assert import_paths(corpus, [earlier]).added == len(before)
            monkeypatch.setattr(importing, "_by_line", lambda _path, flag=by_line: flag)
            summary = import_paths(corpus, [source], options=ReadOptions(coder="ana"))
            results.append((_said(summary), _contents(corpus)))
    monkeypatch.undo()
    return results[0], results[1]


def test_lines_read_in_the_workers_store_what_reading_them_here_stores(
        tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workers, here = _import_twice(tmp_path, source, monkeypatch, before=[])
    assert workers == here
    said, contents = workers
    assert said[0] == LINES - 4  # every line but the three bad ones and the blank one
    assert [(line, reason.split(" (")[0]) for _f, line, reason in said[2]] == [
        (10, "not valid JSON"), (521, "span 1"),
        (701, "text contains an unpaired surrogate")]
    [with_event] = [doc for doc in contents if doc[0] == "doc-600"]
    assert with_event[7] == [("gunmen-600", "gao-600", "located_in")]
    assert with_event[8] == [("attack", [("gunmen-600", "actor"), ("gao-600", "location")])]


def test_a_batch_holding_documents_already_stored_says_so_as_reading_here_does(
        tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two documents of the middle batch are in the corpus; one with a span more there.
    stored_again = _line(702)
    more_coding = json.loads(_line(800))
    more_coding["spans"] = more_coding["spans"][:1]
    workers, here = _import_twice(tmp_path, source, monkeypatch,
                                  before=[stored_again, json.dumps(more_coding)])
    assert workers == here
    said, _contents = workers
    assert (said[0], said[1]) == (LINES - 6, 2)
    assert [line for _f, line, reason in said[3] if "were not imported" in reason] == [800]


def test_the_importing_process_reads_no_line_itself(
        any_corpus: Corpus, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The worker processes are spawned: they read with the module as it is written,
    # while this process counts each document it would read itself. It takes no share
    # back here (tests/core/test_article_pool.py): every line is the workers' to read.
    monkeypatch.setattr(ArticlePool, "take_back", lambda _self: False)
    read_here: list[int] = []
    real = jsonl.parse_object
    monkeypatch.setattr(jsonl, "parse_object",
                        lambda obj, options: read_here.append(1) or real(obj, options))
    lines = source.read_text(encoding="utf-8").splitlines()
    plain = source.with_name("plain.jsonl")
    plain.write_text("\n".join(line for number, line in enumerate(lines, start=1)
                               if number not in (10, 521, 600, 701, 1001)) + "\n",
                     encoding="utf-8")
    summary = import_paths(any_corpus, [plain])
    assert summary.added == LINES - 5
    assert read_here == []
    # Stored as the rows say, on either backend: each document with its spans and status.
    stored = {doc.document.uid: doc for doc in iter_documents(any_corpus)}
    assert len(stored) == LINES - 5
    doc = stored["doc-3"]
    assert (doc.document.title, doc.document.date, doc.statuses) == (
        "Report 3", "2024-03-04", {"ana": "done"})
    assert [(s.start, s.end, s.label, s.coder) for s in doc.spans] == [
        (0, 6, "report", "ana"), (20, 26, "actor", "unknown"), (51, 54, "location", "unknown")]
    assert doc.document.meta["language"] == "en" and doc.document.meta["desk"] == "west"
