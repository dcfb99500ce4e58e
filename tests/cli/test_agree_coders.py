"""`annotator agree --coders` with a name no one codes under says so (it measured
nothing and said "0 documents")."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli


def test_a_misspelt_coder_is_named_with_the_corpus_coders(tmp_path: Path) -> None:
    data = tmp_path / "two.jsonl"
    row = {"id": "d1", "text": "Gunmen attacked Gao.",
           "spans": [{"start": 0, "end": 6, "label": "actor"}]}
    data.write_text(json.dumps(row) + "\n", encoding="utf-8")
    corpus = tmp_path / "c.sqlite"
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(corpus), str(data), "--coder", "alice"]).exit_code == 0
    result = runner.invoke(cli, ["agree", str(corpus), "--coders", "alice,carol"])
    assert result.exit_code == 2
    assert "carol: no such coder in this corpus" in result.output
    assert "alice" in result.output.split("its coders:")[1]
