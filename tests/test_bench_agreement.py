"""The agreement benchmark runs, and what it reports is what ``annotator agree`` says."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.bench import agreement as bench
from annotator.cli import cli
from annotator.storage.corpus import Corpus


def test_the_agreement_benchmark_reports_the_figures_annotator_agree_gives(
        tmp_path: Path) -> None:
    figures = bench.measure(tmp_path, 200)
    for key in ("agreement_seconds", "agreement_docs", "agreement_peak_mb",
                "agreement_baseline_seconds", "agreement_ratio",
                "agreement_f1_exact", "agreement_f1_overlap", "agreement_kappa"):
        assert figures[key] > 0, key
    assert figures["agreement_docs"] == figures["agreement_documents_compared"] == 200
    # Two coders who mostly agree, and not always.
    assert 0.5 < figures["agreement_f1_exact"] < figures["agreement_f1_overlap"] < 1
    assert 0.5 < figures["agreement_kappa"] < 1

    corpus = tmp_path / "agreement.sqlite"
    with Corpus.open(corpus, create=False) as opened:
        assert opened.document_count() == 200
        assert opened.coders() == ["alice", "bob"]
    result = CliRunner().invoke(cli, ["agree", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    said = json.loads(result.stdout)
    assert figures["agreement_f1_exact"] == said["labels"]["overall"]["f1_exact"]
    assert figures["agreement_f1_overlap"] == said["labels"]["overall"]["f1_overlap"]
    assert figures["agreement_kappa"] == said["cohen_kappa_tokens"]
    [pair] = said["pairs"]
    # Every kind of disagreement the corpus is built with is there to be measured.
    assert pair["relations"]["overall"]["f1_exact"] < 1
    assert set(pair["cohen_kappa_document_labels"]) == {"event_types", "relevant"}
    assert {"count_best", "outcome", "role"} <= {
        name for name, value in pair["krippendorff_alpha"].items() if value is not None}
    assert pair["skipped"] == []

    shown = bench.report(figures)
    assert "agreement_seconds" in shown and "200 documents" in shown

    # Built once: a second run measures the same corpus again.
    built = corpus.stat().st_mtime_ns
    again = bench.measure(tmp_path, 200)
    assert corpus.stat().st_mtime_ns == built
    assert again["agreement_kappa"] == figures["agreement_kappa"]
