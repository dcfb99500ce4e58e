"""Agreement reads a corpus a page of documents at a time, whatever its size, and a value
only one coder gave is measured, never a failure."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.bench.agreement import build, coded_document
from annotator.bench.synthetic import articles
from annotator.cli import cli
from annotator.core.model import DocumentRecord, Span
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage.agreement import agreement, coded_by
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus


def statements_for(path: Path) -> list[str]:
    with Corpus.open(path, create=False) as corpus:
        statements: list[str] = []
        corpus.db.conn.set_trace_callback(statements.append)
        try:
            [report] = agreement(corpus)
        finally:
            corpus.db.conn.set_trace_callback(None)
    assert report.documents == corpus_size(path)
    return statements


def corpus_size(path: Path) -> int:
    with Corpus.open(path, create=False) as corpus:
        return corpus.document_count()


def test_the_statements_agreement_runs_do_not_grow_with_the_documents(tmp_path: Path) -> None:
    small, large = tmp_path / "small.sqlite", tmp_path / "large.sqlite"
    build(small, 20)
    build(large, 300)
    few, many = statements_for(small), statements_for(large)
    assert len(many) == len(few), many
    # What is read a page at a time is read by a range of documents, not one by one.
    assert not any("doc_id = ?" in sql or "id = ?" in sql for sql in many), many


def steps_for(path: Path) -> int:
    """How much work SQLite does for agreement: its virtual machine's steps, in hundreds."""
    with Corpus.open(path, create=False) as corpus:
        ticks = [0]

        def tick() -> int:
            ticks[0] += 1
            return 0  # go on

        corpus.db.conn.set_progress_handler(tick, 100)
        try:
            [report] = agreement(corpus)
        finally:
            corpus.db.conn.set_progress_handler(None, 100)
    assert report.documents == 20
    return ticks[0]


def uncoded(first: int, count: int) -> list[DocumentRecord]:
    return [DocumentRecord(text=f"Report {n} from the archive, not coded yet. " * 60,
                           uid=f"archive-{n}") for n in range(first, first + count)]


def test_documents_no_one_has_coded_are_not_read(tmp_path: Path) -> None:
    # An archive of thousands of documents, 20 of them coded by two coders, among them.
    coded = tmp_path / "coded.jsonl"
    rng = random.Random(3)
    coded.write_text("".join(json.dumps(coded_document(doc, n, rng)) + "\n"
                             for n, doc in enumerate(articles(20, seed=3, spans=28))),
                     encoding="utf-8")
    alone, archive = tmp_path / "alone.sqlite", tmp_path / "archive.sqlite"
    with Corpus.open(alone) as corpus:
        assert import_paths(corpus, [coded], options=ReadOptions(coder="alice")).ok
    with Corpus.open(archive) as corpus:
        add_documents(corpus, uncoded(0, 2500))
        assert import_paths(corpus, [coded], options=ReadOptions(coder="alice")).ok
        add_documents(corpus, uncoded(2500, 2500))
    assert steps_for(archive) <= 1.1 * steps_for(alone)


def test_a_count_only_one_coder_gave_leaves_its_alpha_undefined(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    text = "Rebels killed five villagers near Gao and two soldiers near Kidal."
    with Corpus.open(path) as corpus:
        ids = [r.doc_id for r in add_documents(corpus, [DocumentRecord(text=text)])]
        for coder, counts in (("alice", (5, 2)), ("bob", (None, None))):
            for phrase, count in zip(("five villagers", "two soldiers"), counts, strict=True):
                start = text.index(phrase)
                corpus.insert_span(Span(
                    start=start, end=start + len(phrase), label="casualty", text=phrase,
                    coder=coder, doc_id=ids[0], attrs={"outcome": "killed"} | (
                        {} if count is None else {"count_best": count})))
    result = CliRunner().invoke(cli, ["agree", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    [pair] = json.loads(result.stdout)["pairs"]
    assert pair["krippendorff_alpha"]["count_best"] is None
    assert pair["labels"]["overall"]["f1_exact"] == 1.0


def test_a_large_corpus_is_measured_on_two_cores_with_the_same_figures(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.storage.agreement as reading

    path = tmp_path / "c.sqlite"
    build(path, 300)
    with Corpus.open(path, create=False) as corpus:
        # A span whose text is not its document's, early and late: the report says how
        # many, with the first as its example.
        for uid in ("d3-a0", "d250-b1"):
            corpus.db.execute("UPDATE spans SET text = upper(text) WHERE uid = ?", [uid])
        corpus.db.conn.commit()

    def measured(shared_from: int) -> tuple[list[dict[str, object]], list[int]]:
        monkeypatch.setattr(reading, "SHARED_FROM", shared_from)
        with Corpus.open(path, create=False) as corpus:
            statements: list[str] = []
            corpus.db.conn.set_trace_callback(statements.append)
            try:
                reports = [report.as_json() for report in agreement(corpus)]
            finally:
                corpus.db.conn.set_trace_callback(None)
        read_here = [int(n) for sql in statements
                     if sql.startswith("SELECT id, uid, text FROM documents")
                     for n in re.findall(r"\d+", sql.split(" IN ", 1)[1])]
        return reports, read_here

    one, read_by_one = measured(10**12)
    two, read_by_two = measured(1000)
    assert two == one
    assert one[0]["documents"] == 300
    [left_out] = [line for line in one[0]["skipped"] if "does not match" in line]
    assert left_out.startswith("2 spans") and "d3-a0" in left_out
    assert sorted(read_by_one) == list(range(1, 301))
    # The later documents were read by another process.
    assert read_by_two == list(range(1, len(read_by_two) + 1)) and len(read_by_two) < 250


def test_when_the_other_process_cannot_read_the_corpus_this_one_reads_it_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.storage.agreement as reading

    path = tmp_path / "c.sqlite"
    build(path, 300)
    with Corpus.open(path, create=False) as corpus:
        expected = [report.as_json() for report in agreement(corpus)]
    monkeypatch.setattr(reading, "SHARED_FROM", 1000)
    with Corpus.open(path, create=False) as corpus:
        # Moved away by another program while open: this process reads on, another finds
        # no corpus there.
        subprocess.run(["mv", str(path), str(tmp_path / "moved.sqlite")], check=True)
        assert [report.as_json() for report in agreement(corpus)] == expected


def test_a_corpus_one_coder_coded_is_not_read_for_a_pair_it_lacks(tmp_path: Path) -> None:
    # An archive imported by one coder: agreement has no pair, and answers at once
    # rather than after reading every document (100 s at a million articles).
    path = tmp_path / "one.sqlite"
    with Corpus.open(path) as corpus:
        text = "Gunmen attacked a police station in Gao on Monday."
        add_documents(corpus, [DocumentRecord(text=text, uid=f"d{n}", spans=(
            Span(start=0, end=6, label="actor", text="Gunmen", coder="ana"),))
            for n in range(40)])
        statements: list[str] = []
        corpus.db.conn.set_trace_callback(statements.append)
        assert agreement(corpus) == []
        corpus.db.conn.set_trace_callback(None)
    # Only the coders were looked up (a seek each in the coder indexes), no document read.
    assert statements and all("by_span" in sql for sql in statements), statements
    result = CliRunner().invoke(cli, ["agree", str(path)])
    assert result.exit_code != 0 and "fewer than two coders" in result.output


def test_a_coder_only_the_spans_name_is_found_as_before(tmp_path: Path) -> None:
    # A file another program edited with its foreign keys off: a coder the coders table
    # lacks is still one whose work is compared.
    path = tmp_path / "edited.sqlite"
    text = "Gunmen attacked a police station in Gao on Monday."
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=text, uid="d1", spans=(
            Span(start=0, end=6, label="actor", text="Gunmen", coder="ana"),
            Span(start=36, end=39, label="location", text="Gao", coder="ben")))])
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("UPDATE spans SET coder = 'ghost' WHERE coder = 'ben'")
        raw.execute("DELETE FROM coders WHERE name = 'ben'")
    with Corpus.open(path) as corpus:
        assert coded_by(corpus) == ["ana", "ghost"]
        [report] = agreement(corpus)
    assert report.coders == ("ana", "ghost") and report.documents == 1
