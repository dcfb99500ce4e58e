"""The benchmark still runs end to end (its figures are read by people, not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO


def test_the_benchmark_runs_and_reports_every_figure() -> None:
    run = subprocess.run([sys.executable, "-m", "annotator.bench", "--docs", "30", "--json"],
                         capture_output=True, text=True, cwd=REPO, check=False, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    figures = json.loads(run.stdout)
    for key in ("import_ratio", "open_ratio", "rss_mb", "switch_ms", "big_open_ratio", "tag_ms",
                "search_ms", "export_jsonl_ratio", "export_spacy_ratio", "search_gui_held_ms",
                "search_listed_ms", "big_scroll_ms", "big_scroll_max_ms"):
        assert figures[key] > 0, key
    assert figures["docs"] == 30
    assert figures["list_rows"] == 30 + 20  # the synthetic articles and the typical ones


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
