"""`annotator search` with words it cannot place says how to give them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.workspace import create_corpus


def test_two_unquoted_words_say_to_quote_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["search", "Iraqi", "soldiers"])
    assert result.exit_code == 2
    assert 'quote them: annotator search "Iraqi soldiers"' in result.output


def test_a_corpus_without_a_query_is_said(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    corpus, _ = create_corpus(tmp_path / "c.sqlite", sample=True)
    corpus.close()
    result = CliRunner().invoke(cli, ["search", "c.sqlite"])
    assert result.exit_code == 2
    assert "nothing to search for" in result.output
    found = CliRunner().invoke(cli, ["search", "c.sqlite", "Katyusha"])
    assert found.exit_code == 0 and "Katyusha" in found.output
