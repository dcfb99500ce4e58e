"""Every command line command over a corpus made of every hostile file we know.

``tests/data/hostile/`` holds files crafted to break a reader, a writer or a
reader of our exports (its README says what each one attacks). Each is fed to the
command that takes it (import, schema --load, merge), then every command runs over
the corpus they made, and over each hostile corpus file itself. Any traceback fails
the test: bad input gets a message and a non-zero exit, never a crash.
"""

from __future__ import annotations

import shutil
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.formats.registry import EXPORTS
from annotator.storage.errors import CorpusError
from tests.conftest import REPO

HOSTILE = REPO / "tests" / "data" / "hostile"


def command(*args: object) -> Result:
    """Run one command in-process; fail on anything but a handled outcome.

    ``main()`` turns a ``CorpusError`` that reaches it into a message and exit 1, so
    that counts as handled; every other exception is a traceback the user would see.
    """
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=True)
    exc = result.exception
    if exc is not None and not isinstance(exc, (SystemExit, CorpusError)):
        details = "".join(traceback.format_exception(exc))
        pytest.fail(f"annotator {' '.join(map(str, args))}: traceback\n{details}")
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    return result


def every_command(corpus: Path, out: Path) -> int:
    """Every command over ``corpus``; how many ran."""
    out.mkdir(exist_ok=True)
    runs: list[list[object]] = [
        ["stats", corpus], ["stats", corpus, "--json"], ["schema", corpus],
        ["schema", corpus, "--json"], ["history", corpus], ["history", corpus, "--json"],
        ["history", corpus, "--limit", "3"], ["agree", corpus], ["agree", corpus, "--json"],
        ["agree", corpus, "--html", out / "agree.html"],
        ["backup", corpus, "-o", out / "backup.sqlite"],
        ["assign", corpus, "--coders", "ann,ben", "-o", out / "team"],
        ["merge", out / "merged.sqlite", corpus],
        ["export", corpus, "-o", "-"],
        ["suggest", corpus, "--json"],
        ["restore", corpus, "--doc", "1", "--to", "1"],
        ["restore", corpus, "--span", "no-such-span", "--to", "1"],
    ]
    for query in ("killed", "\"unbalanced", "NEAR(", "*", "a OR", "ü"):
        runs.append(["search", corpus, query])
    for name in EXPORTS:
        suffix = EXPORTS[name].suffix or ""
        runs.append(["export", corpus, "--format", name, "-o", out / f"{name}{suffix}"])
        runs.append(["export", corpus, "--format", name, "--strict", "-o",
                     out / f"strict-{name}{suffix}"])
        runs.append(["export", corpus, "--format", name, "--split", "50/50",
                     "-o", out / f"split-{name}"])
    for args in runs:
        command(*args)
    return len(runs)


def test_every_command_over_a_corpus_made_of_every_hostile_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    files = sorted(p for p in HOSTILE.iterdir() if p.name != "README.md")
    assert len(files) > 50  # the collection is there
    corpus = tmp_path / "hostile.sqlite"
    fed = 0
    for path in files:
        if path.name.startswith("schema-"):
            result = command("schema", corpus, "--load", path)
            assert result.exit_code != 0, path.name  # every hostile codebook is refused
        elif path.suffix == ".sqlite":
            copy = Path(shutil.copy(path, tmp_path / path.name))
            command("merge", corpus, copy)
        elif path.suffix == ".txt" and path.with_suffix(".ann").exists():
            continue  # a brat pair: imported through its .ann
        else:
            command("import", corpus, path, "--coder", "hostile")
        fed += 1
    ran = every_command(corpus, tmp_path / "out")
    with capsys.disabled():
        print(f"\nhostile: {fed} files fed in, {ran} commands over the corpus they made")


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("*.sqlite")))
def test_every_command_over_each_hostile_corpus_file(tmp_path: Path, name: str) -> None:
    copy = Path(shutil.copy(HOSTILE / name, tmp_path / name))
    every_command(copy, tmp_path / "out")
