"""A command's first output does not wait for a large corpus to be read whole: a file
up to FULL_CHECK_BYTES is read for damage at every command (cheap), a larger one only
before an upgrade and by `annotator check`; damage a command reaches is named, never
a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.storage import connection
from annotator.storage.errors import CorpusDamaged
from tests.conftest import damaged_corpus


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def reads_whole(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The corpora read whole for damage, in order."""
    seen: list[Path] = []
    real = connection.integrity_problems

    def recording(db):
        seen.append(Path(db.path))
        return real(db)

    monkeypatch.setattr(connection, "integrity_problems", recording)
    return seen


def test_check_reads_a_sound_corpus_whole_and_says_so(tmp_path: Path, reads_whole) -> None:
    corpus = tmp_path / "c.sqlite"
    assert run("init", corpus, "--sample").exit_code == 0
    reads_whole.clear()
    result = run("check", corpus)
    assert result.exit_code == 0, result.output
    assert "sound (4 documents" in result.output
    # What it does is said before it reads: a large file takes minutes.
    assert result.stderr.startswith(f"reading {corpus} (")
    assert "for damage" in result.stderr
    assert reads_whole == [corpus]


def test_check_names_damage_and_exits_1(tmp_path: Path) -> None:
    corpus = damaged_corpus(tmp_path / "c.sqlite")
    result = run("check", corpus)
    assert result.exit_code == 1
    assert "is damaged" in result.output and "Traceback" not in result.output


def test_a_large_corpus_is_not_read_whole_by_every_command(
        tmp_path: Path, reads_whole, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "c.sqlite"
    assert run("init", corpus, "--sample").exit_code == 0
    size = corpus.stat().st_size
    reads_whole.clear()
    assert run("stats", corpus).exit_code == 0
    assert reads_whole == [corpus]  # small: read whole, as cheap as it is
    monkeypatch.setattr(connection, "FULL_CHECK_BYTES", size // 4)  # now "large"
    reads_whole.clear()
    for args in (["stats", corpus], ["search", corpus, "rockets"],
                 ["export", corpus, "--format", "jsonl", "-o", tmp_path / "o.jsonl"]):
        result = run(*args)
        assert result.exit_code == 0, result.output
    assert reads_whole == []
    assert run("check", corpus).exit_code == 0 and reads_whole == [corpus]


def test_damage_in_a_large_corpus_is_named_by_the_command_that_reaches_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = damaged_corpus(tmp_path / "c.sqlite")
    monkeypatch.setattr(connection, "FULL_CHECK_BYTES", 1024)
    named = []
    for args in (["stats", corpus], ["export", corpus, "--format", "jsonl", "-o",
                                      tmp_path / "o.jsonl"], ["search", corpus, "Report"]):
        result = run(*args)
        # Storage names the damage as a CorpusError, which the command line's main
        # says in a line and exits 1 with (tests/cli/test_safety_cli.py); nothing else.
        if isinstance(result.exception, CorpusDamaged):
            assert "is damaged" in str(result.exception)
            named.append(args[0])
        else:
            assert result.exception is None or isinstance(result.exception, SystemExit), \
                repr(result.exception)
            if result.exit_code:
                assert "is damaged" in result.output, result.output
                named.append(args[0])
    assert named  # the counts and the search read the scribbled pages
    assert run("check", corpus).exit_code == 1
