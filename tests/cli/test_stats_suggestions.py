"""`annotator stats` counts spans, not pending suggestions, and says those apart."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.commands import accept
from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.suggestions import make_suggestions, store_suggestions

TEXT = ("Two Katyusha rockets were fired at Ain al-Assad airbase in Iraq. At least five US "
        "personnel were injured, the Pentagon said. Iraqi security forces searched Baghdad "
        "and Mosul; militants had fired on Kirkuk and Basra before.")


def corpus_with_suggestions(path: Path) -> tuple[int, int]:
    """Two coded spans (alice's, bob's) and the suggestions the window would make for
    alice; returns the document and how many suggestions are pending."""
    with Corpus.open(path) as corpus:
        [added] = add_documents(corpus, [DocumentRecord(text=TEXT)])
        doc_id = added.doc_id
        assert doc_id is not None
        for phrase, label, coder in (("the Pentagon", "actor", "alice"),
                                     ("Ain al-Assad airbase", "location", "bob")):
            start = TEXT.index(phrase)
            corpus.insert_span(Span(start=start, end=start + len(phrase), label=label,
                                    text=phrase, coder=coder, doc_id=doc_id))
        made = make_suggestions(corpus, doc_id, "alice")
        store_suggestions(corpus, made)
    assert len(made) >= 3, made
    return doc_id, len(made)


def stats(path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["stats", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_stats_counts_coded_spans_and_pending_suggestions_apart(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    doc_id, pending = corpus_with_suggestions(path)
    figures = json.loads(stats(path, "--json"))
    assert figures["spans"] == 2
    assert figures["pending_suggestions"] == pending
    assert figures["coders"] == {"alice": 1, "bob": 1}
    assert sum(figures["labels"].values()) == 2
    table = stats(path)
    assert "  spans      2\n" in table
    assert f"    {pending} pending suggestions (not counted as spans)\n" in table

    with Corpus.open(path) as corpus:
        first = next(s for s in corpus.spans(doc_id) if s.origin == "suggested")
        accept(first, "alice", corpus.status(doc_id, "alice")).apply(corpus)
    figures = json.loads(stats(path, "--json"))
    assert (figures["spans"], figures["pending_suggestions"]) == (3, pending - 1)
    assert figures["coders"] == {"alice": 2, "bob": 1}
    assert figures["status"]["in progress"] == 1  # accepting started the document
