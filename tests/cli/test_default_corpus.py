"""Commands given no corpus work on the default corpus, the one the window opens."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.workspace import open_default_corpus
from tests.conftest import SAMPLES


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def default_path(home: Path) -> Path:
    return home / "data" / "corpus.sqlite"


def test_where_prints_the_default_corpus_and_the_folders(isolated_home: Path) -> None:
    result = invoke("where")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"corpus    {default_path(isolated_home)}",
        f"settings  {isolated_home / 'config'}",
        f"data      {isolated_home / 'data'}",
    ]
    assert "has not been made yet: `annotator init --sample`" in result.stderr
    assert not default_path(isolated_home).exists()  # where only says, it makes nothing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_where_follows_the_xdg_folders_without_annotator_home(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANNOTATOR_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    result = invoke("where")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"corpus    {tmp_path / 'xdg-data' / 'annotator' / 'corpus.sqlite'}",
        f"settings  {tmp_path / 'xdg-config' / 'annotator'}",
        f"data      {tmp_path / 'xdg-data' / 'annotator'}",
    ]
    with open_default_corpus() as opened:  # what the window opens is what where names
        assert opened.path == tmp_path / "xdg-data" / "annotator" / "corpus.sqlite"


COMMANDS_ON_THE_DEFAULT = [
    ["stats"], ["stats", "--json"], ["schema"], ["history"], ["search", "rockets"],
    ["suggest"], ["agree"], ["export", "-o", "{out}/e.jsonl"], ["backup", "-o", "{out}/b.sqlite"],
    ["assign", "--coders", "a,b", "-o", "{out}/team"], ["restore", "--doc", "1", "--to", "1"],
]


@pytest.mark.parametrize("args", COMMANDS_ON_THE_DEFAULT, ids=lambda a: " ".join(a))
def test_a_default_corpus_not_made_yet_says_how_to_make_it(
        args: list[str], tmp_path: Path, isolated_home: Path) -> None:
    result = invoke(*[a.format(out=tmp_path) for a in args])
    assert result.exit_code == 2, result.output
    assert f"the default corpus {default_path(isolated_home)} has not been made yet" \
        in result.stderr
    assert "annotator init --sample" in result.stderr
    assert "Traceback" not in result.output
    assert not default_path(isolated_home).exists()  # not made empty behind the coder's back
    assert list(tmp_path.iterdir()) == []


def test_an_empty_default_corpus_file_counts_as_not_made(isolated_home: Path) -> None:
    default_path(isolated_home).parent.mkdir(parents=True)
    default_path(isolated_home).write_bytes(b"")
    result = invoke("stats")
    assert result.exit_code == 2
    assert "has not been made yet" in result.stderr
    with open_default_corpus() as opened:  # the window fills it with the samples
        assert opened.document_count() == 4


def test_commands_without_a_corpus_use_what_the_window_opens(tmp_path: Path) -> None:
    with open_default_corpus() as opened:  # the window's first start, samples and all
        shown = opened.path
    stats = invoke("stats", "--json")
    assert stats.exit_code == 0, stats.output
    figures = json.loads(stats.stdout)
    assert (Path(figures["path"]), figures["documents"]) == (shown, 4)
    table = invoke("stats")
    assert table.stdout.splitlines()[0] == str(shown)
    out = tmp_path / "all.jsonl"
    exported = invoke("export", "-o", out)
    assert exported.exit_code == 0, exported.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    found = invoke("search", "rockets", "--json")
    assert found.exit_code == 0, found.output
    assert found.stdout.strip(), "the samples speak of rockets"
    assert invoke("schema", "--json").exit_code == 0
    backup = tmp_path / "copy.sqlite"
    assert invoke("backup", "-o", backup).exit_code == 0
    assert json.loads(invoke("stats", backup, "--json").stdout)["documents"] == 4


def test_the_forms_naming_a_corpus_still_work(tmp_path: Path, isolated_home: Path) -> None:
    corpus = tmp_path / "mine.sqlite"
    assert invoke("import", corpus, SAMPLES).exit_code == 0
    assert json.loads(invoke("stats", corpus, "--json").stdout)["documents"] == 4
    named = invoke("search", corpus, "rockets", "--json")
    assert named.exit_code == 0 and named.stdout.strip()
    out = tmp_path / "out.jsonl"
    assert invoke("export", corpus, "-o", out).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert not default_path(isolated_home).exists()  # nothing fell through to the default


def test_search_takes_one_or_two_arguments_and_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "mine.sqlite"
    assert invoke("import", corpus, SAMPLES).exit_code == 0
    three = invoke("search", corpus, "two", "words")
    assert three.exit_code == 2
    assert "3 arguments: give QUERY, or CORPUS and QUERY" in three.stderr
    assert 'quote a query of several words (annotator search CORPUS "two words")' in three.stderr
    assert invoke("search").exit_code == 2  # nothing to look for


def test_init_without_a_corpus_makes_the_default_one(isolated_home: Path) -> None:
    made = invoke("init", "--sample")
    assert made.exit_code == 0, made.output
    assert made.stdout == f"created {default_path(isolated_home)} with 4 documents\n"
    assert invoke("where").stderr == ""  # made now
    again = invoke("init")
    assert again.exit_code == 2
    assert "already exists" in again.stderr
    assert json.loads(invoke("stats", "--json").stdout)["documents"] == 4


def test_import_and_merge_need_their_corpus_and_their_help_says_so(
        tmp_path: Path, isolated_home: Path) -> None:
    with open_default_corpus():
        pass
    data = tmp_path / "a.jsonl"
    data.write_text('{"text": "Clashes in Gao."}\n', encoding="utf-8")
    # One name could be the corpus or the file: it is taken as the corpus, and the
    # files are asked for, as before; the default corpus is not touched.
    alone = invoke("import", data)
    assert alone.exit_code == 2
    assert "Missing argument 'PATHS...'" in alone.output
    assert json.loads(invoke("stats", "--json").stdout)["documents"] == 4
    assert "CORPUS must be named, even for your default corpus" in \
        " ".join(invoke("import", "--help").stdout.split())
    assert "TARGET must be named, even when it is your default corpus" in \
        " ".join(invoke("merge", "--help").stdout.split())


@pytest.mark.parametrize("command", ["stats", "export", "schema", "backup", "history",
                                     "restore", "suggest", "agree", "assign"])
def test_help_shows_the_corpus_as_optional_and_says_what_it_defaults_to(command: str) -> None:
    shown = invoke(command, "--help").stdout
    assert shown.splitlines()[0].endswith("[OPTIONS] [CORPUS]")
    assert "With no CORPUS, works on your default corpus (`annotator where` prints its path)." \
        in " ".join(shown.split())
