"""`annotator agree` counts relations and document labels, read from a real corpus file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.model import DocumentRecord, Relation, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

TEXT = "Rebels attacked Gao and Kidal; two soldiers died in Kidal."


def coded(coder: str, soldiers: str, relevant: bool) -> tuple[list[Span], list[Relation]]:
    def span(phrase: str, label: str, nth: int = 0) -> Span:
        start = TEXT.index(phrase) if nth == 0 else TEXT.rindex(phrase)
        return Span(start, start + len(phrase), label, phrase, coder)

    rebels, gao, people, kidal = (span("Rebels", "actor"), span("Gao", "location"),
                                  span(soldiers, "casualty"), span("Kidal", "location", 1))
    return [rebels, gao, people, kidal], [
        Relation(rebels.uid, gao.uid, "attacked", coder),
        Relation(people.uid, kidal.uid, "located in", coder)]


def test_agree_reports_relation_f1_and_document_label_kappa(tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite"
    alice_spans, alice_links = coded("alice", "two soldiers", True)
    bob_spans, bob_links = coded("bob", "two soldiers died", False)
    with Corpus.open(path) as corpus:
        [result] = add_documents(corpus, [DocumentRecord(
            text=TEXT, uid="d1", spans=(*alice_spans, *bob_spans),
            relations=(*alice_links, *bob_links))])
        assert result.doc_id is not None
        corpus.set_doc_label(result.doc_id, "alice", "relevant", True)
        corpus.set_doc_label(result.doc_id, "bob", "relevant", True)
        [other] = add_documents(corpus, [DocumentRecord(
            text="Nothing happened in Gao.", uid="d2",
            spans=(Span(20, 23, "location", "Gao", "alice"), Span(20, 23, "location", "Gao", "bob")))])
        corpus.set_doc_label(other.doc_id, "alice", "relevant", False)
        corpus.set_doc_label(other.doc_id, "bob", "relevant", True)
    runner = CliRunner()
    result = runner.invoke(cli, ["agree", str(path), "--json"])
    assert result.exit_code == 0, result.output
    [pair] = json.loads(result.output)["pairs"]
    assert pair["relations"]["attacked"] == {"f1_exact": 1.0, "f1_overlap": 1.0,
                                             "relations": [1, 1]}
    assert pair["relations"]["located in"]["f1_exact"] == 0.0
    assert pair["relations"]["located in"]["f1_overlap"] == 1.0
    assert pair["relations"]["overall"]["f1_exact"] == 0.5
    # relevant: agree on d1 (true, true), disagree on d2: kappa is 0 here (all of
    # bob's are true), and defined.
    assert pair["cohen_kappa_document_labels"] == {"relevant": 0.0}
    text = runner.invoke(cli, ["agree", str(path)])
    assert "relation located in" in text.output and "F1 exact 0.00" in text.output
    assert "document relevant" in text.output
    html = tmp_path / "agree.html"
    assert runner.invoke(cli, ["agree", str(path), "--html", str(html)]).exit_code == 0
    assert "Relations (matched when both ends" in html.read_text(encoding="utf-8")
