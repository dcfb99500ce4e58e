"""Token exports (Prodigy, Hugging Face) reuse the tokens a CoNLL file came with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli

CONLL = """-DOCSTART- -X- O O

The DT O O
U.S.-led JJ O B-ORG
coalition NN O I-ORG
struck VBD O O
al-Qaim NNP O B-LOC
. . O O

"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    source = tmp_path / "news.conll"
    source.write_text(CONLL, encoding="utf-8")
    target = tmp_path / "c.sqlite"
    result = CliRunner().invoke(cli, ["import", str(target), str(source)])
    assert result.exit_code == 0, result.output
    return target


def test_prodigy_and_hf_exports_keep_the_source_tokens(corpus: Path, tmp_path: Path) -> None:
    tokens = ["The", "U.S.-led", "coalition", "struck", "al-Qaim", "."]
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", "prodigy", "-o",
                                      str(out)])
    assert result.exit_code == 0, result.output
    [task] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [t["text"] for t in task["tokens"]] == tokens
    assert [(s["token_start"], s["token_end"], s["label"]) for s in task["spans"]] == [
        (1, 2, "ORG"), (4, 4, "LOC")]
    hf = tmp_path / "ner.jsonl"
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", "hf", "-o", str(hf)])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in hf.read_text(encoding="utf-8").splitlines()]
    assert row["tokens"] == tokens

