"""A split whose share is too small for one document writes no file for it, and the
export says so (it wrote train and dev and said nothing of test)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.workspace import create_corpus


def test_an_empty_share_is_said(tmp_path: Path) -> None:
    corpus, _ = create_corpus(tmp_path / "c.sqlite", sample=True)
    corpus.close()
    out = tmp_path / "split"
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "c.sqlite"), "--format", "jsonl",
                                      "--split", "80/10/10", "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(p.stem for p in out.iterdir())
    assert "test" not in written
    assert "no test file: 4 documents are too few for a 80/10/10 split" in result.output
