"""Agreement reads a corpus a page of documents at a time, whatever its size, and a value
only one coder gave is measured, never a failure."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.bench.agreement import build
from annotator.cli import cli
from annotator.core.model import DocumentRecord, Span
from annotator.storage.agreement import agreement
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
