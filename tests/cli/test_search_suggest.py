from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.storage.corpus import Corpus


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def sample(tmp_path: Path) -> Path:
    path = tmp_path / "c.sqlite"
    assert run("init", path, "--sample").exit_code == 0
    return path


def test_search_ranks_and_marks_the_match(tmp_path: Path) -> None:
    path = sample(tmp_path)
    hits = [json.loads(line) for line in run("search", path, "Katyusha rockets", "--json")
            .output.splitlines()]
    assert len(hits) == 1
    assert hits[0]["title"].startswith("Two Katyusha rockets")
    assert "[Katyusha]" in hits[0]["snippet"] and "[rockets]" in hits[0]["snippet"]
    several = [json.loads(x)["id"] for x in run("search", path, "killed OR hurt", "--json")
               .output.splitlines()]
    assert len(several) >= 3
    one = run("search", path, "killed", "--limit", "1", "--json").output.splitlines()
    assert len(one) == 1
    bad = run("search", path, 'NEAR("a')
    assert bad.exit_code == 2
    assert "not understood" in bad.output and "Traceback" not in bad.output


def test_suggest_stores_pending_spans_that_exports_leave_out(tmp_path: Path) -> None:
    path = sample(tmp_path)
    result = run("suggest", path, "--doc", "b813624435f889e8", "--json", "--coder", "alice")
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    by_text = {f["text"]: f for f in found}
    assert by_text["At least five US personnel"]["attrs"]["count_low"] == 5
    assert by_text["Tehran"]["label"] == "location"
    assert by_text["Tehran"]["attrs"]["country"] == "IRN"
    assert "Iran-backed fighter groups" in by_text
    with Corpus.open(path) as corpus:
        stored = corpus.spans(1)
    assert {s.origin for s in stored} == {"suggested"}
    assert len(stored) == len(found)
    again = run("suggest", path, "--doc", "b813624435f889e8", "--json")
    assert [x for x in again.output.splitlines() if x.startswith("{")] == []  # nothing twice
    out = tmp_path / "out.jsonl"
    assert run("export", path, "-o", out).exit_code == 0
    assert all(d["spans"] == [] for d in map(json.loads, out.read_text().splitlines()))
    assert run("export", path, "-o", out, "--include-suggestions").exit_code == 0
    first = json.loads(out.read_text().splitlines()[0])
    assert len(first["spans"]) == len(found)


def test_a_missing_spacy_model_is_explained_not_downloaded(tmp_path: Path) -> None:
    path = sample(tmp_path)
    result = run("suggest", path, "--model", "xx_no_such_model")
    assert result.exit_code == 2
    assert "never downloads models" in result.output
