"""The team-load benchmark still runs end to end (its latencies are read by people, not
asserted); what it checks of stored edits is asserted, since that is correctness."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO


def test_the_team_load_benchmark_runs_and_every_acknowledged_edit_is_stored(pg_url: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "annotator.bench.team_load", "--url", pg_url, "--coders", "2",
         "--minutes", "0.15", "--docs", "20", "--pace", "0.1", "--cut-every", "1", "--json"],
        capture_output=True, text=True, cwd=REPO, check=False, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    figures = json.loads(run.stdout)
    assert figures["edits_acknowledged"] > 0 and figures["cuts"] > 0
    for key in ("p50", "p95", "p99"):
        assert figures["latency_ms"][key] > 0 and figures["alone_latency_ms"][key] > 0
    assert figures["stored_problems"] == []
    assert figures["spans_stored"] == figures["spans_expected"]


def test_the_team_scale_benchmark_runs_and_reports_every_figure(tmp_path) -> None:
    import tempfile
    from pathlib import Path

    keep = Path(tempfile.mkdtemp(prefix="annotator-scale-test-"))  # the server's user reaches it
    try:
        run = subprocess.run(
            [sys.executable, "-m", "annotator.bench.team_scale", "--docs", "300", "--keep",
             str(keep), "--json"], capture_output=True, text=True, cwd=REPO, check=False,
            timeout=600)
        assert run.returncode == 0, run.stderr[-3000:]
        figures = json.loads(run.stdout)
        assert figures["large"]["documents"] == 300 and figures["small"]["documents"] == 10
        for key in ("list_first_page_ms", "search_common_first_page_ms",
                    "search_rare_first_page_ms", "open_ms"):
            assert figures["large"][key] > 0, key
        assert figures["window_start_ms"] > 0 and figures["pull_s"] > 0
    finally:
        import shutil

        shutil.rmtree(keep, ignore_errors=True)
