"""The benchmark still runs end to end (its figures are read by people, not asserted)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import REAL_ANNOTATIONS, REPO, shared

CONLL_DEV = REAL_ANNOTATIONS / "nerpy" / "examples" / "data" / "conll03" / "dev.word.bioes.tsv"


def test_the_benchmark_runs_and_reports_every_figure() -> None:
    run = subprocess.run([sys.executable, "-m", "annotator.bench", "--docs", "30", "--json"],
                         capture_output=True, text=True, cwd=REPO, check=False, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    figures = json.loads(run.stdout)
    for key in ("import_ratio", "open_ratio", "rss_mb", "switch_ms", "big_open_ratio", "tag_ms",
                "search_ms", "export_jsonl_ratio", "export_spacy_ratio", "search_gui_held_ms",
                "search_listed_ms", "big_scroll_ms", "big_scroll_max_ms", "export_jsonl_peak_mb",
                "export_jsonl_whole_seconds"):
        assert figures[key] > 0, key
    assert figures["docs"] == 30
    assert figures["list_rows"] == 30 + 20  # the synthetic articles and the typical ones


def test_a_kept_build_is_used_again_and_a_different_one_is_not(tmp_path: Path) -> None:
    def bench(docs: int) -> tuple[dict[str, float], str]:
        run = subprocess.run([sys.executable, "-m", "annotator.bench", "--docs", str(docs),
                              "--keep", str(tmp_path), "--json"], capture_output=True,
                             text=True, cwd=REPO, check=False, timeout=600)
        assert run.returncode == 0, run.stderr[-2000:]
        return json.loads(run.stdout), run.stderr

    def documents_and_spans() -> list[tuple[object, ...]]:
        with sqlite3.connect(tmp_path / "large.sqlite") as db:
            return db.execute("SELECT d.id, d.uid, count(s.id), "
                              "sum(s.origin = 'manual') FROM documents d "
                              "LEFT JOIN spans s ON s.doc_id = d.id GROUP BY d.id").fetchall()

    first, _said = bench(12)
    built = documents_and_spans()
    # The plain loop's corpus and the articles' file are not kept: 20 GB at a million.
    assert not (tmp_path / "baseline.sqlite").exists()
    assert not (tmp_path / "large.jsonl").exists()
    again, said = bench(12)
    assert "using the corpora built before" in said
    assert again["import_seconds"] == first["import_seconds"]
    # Not built again: the same documents; the words the window tagged were taken back,
    # so each run tags them afresh.
    assert documents_and_spans() == built
    assert not any(manual for *_rest, manual in built)
    other, said = bench(14)
    assert "using the corpora built before" not in said
    assert other["list_rows"] == 14 + 20


def test_the_near_duplicate_benchmark_runs_and_finds_what_it_planted() -> None:
    run = subprocess.run([sys.executable, "-m", "annotator.bench", "--duplicates", "--docs", "400",
                          "--json"], capture_output=True, text=True, cwd=REPO, check=False,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    figures = json.loads(run.stdout)
    for key in ("seconds", "baseline_seconds", "peak_mb", "new_ms_full", "new_ms_tenth"):
        assert figures[key] > 0, key
    assert figures["planted_at_threshold"] > 10 and figures["recall"] >= 0.95
    assert figures["precision"] == 1.0


def test_the_learning_curve_runs_and_reports_its_figures_at_25_coded_articles() -> None:
    shared(CONLL_DEV)
    run = subprocess.run([sys.executable, "-m", "annotator.bench", "--learning", "--k", "25",
                          "--json"], capture_output=True, text=True, cwd=REPO, check=False,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    figures = json.loads(run.stdout)
    assert figures["articles"] == 216 and figures["held_out_articles"] == 16
    assert figures["held_out_spans"] > 300 and figures["steps"] == [25]
    point = figures["curve"]["25"]
    assert point["trained_on"] == 25  # every coded article: the held-out ones measure
    for key in ("train_seconds", "tokenise_seconds", "suggest_ms", "model_ms", "greedy_ms",
                "f1", "precision", "recall", "dictionary_f1", "accepted_share", "offered_share"):
        assert point[key] > 0, key
    assert set(point["labels"]) == {"PER", "ORG", "LOC", "MISC"}
    assert point["offered_by_source"]["corpus model"][0] > 0
    assert figures["suggest_ms"] == point["suggest_ms"]


def test_the_learning_curve_says_its_corpus_is_absent_and_exits_non_zero(tmp_path: Path) -> None:
    missing = tmp_path / "conll03" / "dev.tsv"
    run = subprocess.run([sys.executable, "-m", "annotator.bench", "--learning",
                          "--learning-corpus", str(missing)], capture_output=True, text=True,
                         cwd=REPO, check=False, timeout=120)
    assert run.returncode != 0
    assert str(missing) in run.stderr and "absent" in run.stderr
    assert "Traceback" not in run.stderr and not run.stdout


def test_the_import_benchmark_runs_and_reports_its_ratio(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "annotator.bench", "--import", "--docs", "600",
                          "--keep", str(tmp_path)], capture_output=True, text=True, cwd=REPO,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    assert "import of 600 articles" in run.stdout
    ratio = float(run.stdout.split("import_ratio", 1)[1].split()[0])
    assert ratio > 0
    assert not list(tmp_path.glob("import.jsonl"))  # the articles' file is not kept
