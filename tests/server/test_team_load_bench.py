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
