"""A command loads what it uses and no more: --version, --help and a search start without
spaCy, NumPy, pandas, the server's driver, the window or the file formats' readers, and
--help still lists every command with its own words."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import annotator
from annotator.cli import COMMANDS, cli
from annotator.formats.registry import EXPORTS, READERS
from tests.conftest import REPO, SAMPLES

# Libraries that take a tenth of a second or more to import, or that only some commands use.
HEAVY = ("spacy", "thinc", "numpy", "pandas", "scipy", "datasketch", "psycopg", "PySide6",
         "pyarrow", "cassis", "lxml", "trafilatura", "krippendorff")
# The modules that read and write each file format, loaded by import and export only.
FORMAT_MODULES = sorted({getattr(f, "module") for f in READERS.values()}  # noqa: B009
                        | {getattr(f.write, "module") for f in EXPORTS.values()})  # noqa: B009
NOT_FOR_A_SEARCH = (*HEAVY, *FORMAT_MODULES, "annotator.formats.importing", "annotator.gui")

# Runs the command line as the `annotator` script does, then writes the modules it loaded.
PROBE = """
import json, sys
from annotator.cli import main
out, sys.argv = sys.argv[1], ["annotator", *sys.argv[2:]]
try:
    main()
finally:
    with open(out, "w") as handle:
        json.dump(sorted(sys.modules), handle)
"""


def loaded_by(tmp_path: Path, *args: str | Path) -> tuple[set[str], str]:
    """The modules a fresh process has loaded when the command has run, and its output."""
    out = tmp_path / "modules.json"
    run = subprocess.run([sys.executable, "-c", PROBE, str(out), *map(str, args)],
                         capture_output=True, text=True, cwd=REPO, check=False,
                         env={**os.environ, "COLUMNS": "80"})
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    return set(json.loads(out.read_text(encoding="utf-8"))), run.stdout


def present(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """Those of ``names`` loaded, themselves or a submodule."""
    return sorted(name for name in names
                  if name in modules or any(m.startswith(name + ".") for m in modules))


@pytest.mark.parametrize("args", [["--version"], ["--help"], []])
def test_version_and_help_load_no_storage_and_no_heavy_library(
        tmp_path: Path, args: list[str]) -> None:
    if not args:
        args = ["search", "--help"]  # a command's own help: its module, and what it imports
        modules, output = loaded_by(tmp_path, *args)
        assert "Usage: annotator search" in output
        assert present(modules, NOT_FOR_A_SEARCH) == []
        return
    modules, output = loaded_by(tmp_path, *args)
    assert output.strip()
    assert present(modules, (*HEAVY, "sqlite_utils", "annotator.storage", "annotator.formats",
                             "annotator.core", "annotator.gui", "annotator.workspace")) == []
    assert not [m for m in modules if m.startswith("annotator.cli_")
                and m != "annotator.cli_support"]


def test_a_search_loads_storage_and_nothing_heavy(tmp_path: Path) -> None:
    corpus = tmp_path / "c.sqlite"
    imported = CliRunner().invoke(cli, ["import", str(corpus), str(SAMPLES)])
    assert imported.exit_code in (0, 1), imported.output  # the README is skipped
    modules, output = loaded_by(tmp_path, "search", corpus, "Assad")
    assert "al-Assad" in output  # it did find the sample article
    assert "annotator.storage.corpus" in modules
    assert present(modules, NOT_FOR_A_SEARCH) == []


@pytest.mark.parametrize("command", ["stats", "history", "agree", "duplicates"])
def test_a_command_s_module_loads_no_heavy_library_before_it_speaks(
        tmp_path: Path, command: str) -> None:
    # What a command's module imports is loaded before its first line can be printed:
    # NumPy, the fingerprints' and the agreement's libraries wait until it has spoken.
    module = COMMANDS[command][0]
    out = tmp_path / "modules.json"
    script = (f"import json, sys; import annotator.{module}; "
              f"json.dump(sorted(sys.modules), open({str(out)!r}, 'w'))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=REPO, check=False)
    assert run.returncode == 0, run.stderr
    assert present(set(json.loads(out.read_text(encoding="utf-8"))), HEAVY) == []


def test_naming_the_formats_loads_none_of_their_readers_or_writers(tmp_path: Path) -> None:
    out = tmp_path / "modules.json"
    script = ("import json, sys; import annotator.storage; "
              "import annotator.formats.registry as r; "
              f"json.dump(sorted(sys.modules), open({str(out)!r}, 'w')); print(len(r.READERS))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=REPO, check=False)
    assert run.returncode == 0, run.stderr
    assert present(set(json.loads(out.read_text(encoding="utf-8"))),
                   (*HEAVY, *FORMAT_MODULES)) == []


def test_sqlite_utils_is_loaded_without_pandas_and_numpy_which_still_import_later() -> None:
    script = """
import sys
from annotator.quiet_import import import_sqlite_utils
import_sqlite_utils()
import sqlite_utils.db
assert sqlite_utils.db.pd is None and sqlite_utils.db.np is None
assert "pandas" not in sys.modules and "numpy" not in sys.modules
import numpy
print(numpy.arange(3).sum())
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=REPO, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "3"


def help_listing(output: str) -> list[str]:
    lines = output.splitlines()
    start = lines.index("Commands:") + 1
    return [line.split()[0] for line in lines[start:] if line.startswith("  ")
            and not line.startswith("    ")]


def test_every_command_listed_answers_its_own_help(tmp_path: Path) -> None:
    _, output = loaded_by(tmp_path, "--help")
    listed = help_listing(output)
    assert listed == sorted(COMMANDS)
    for name in listed:
        result = CliRunner().invoke(cli, [name, "--help"], prog_name="annotator")
        assert result.exit_code == 0, (name, result.output)
        assert result.output.startswith(f"Usage: annotator {name} "), result.output
    server = cli.commands["server"]
    assert isinstance(server, click.Group)
    for sub in server.commands:
        result = CliRunner().invoke(cli, ["server", sub, "--help"])
        assert result.exit_code == 0, (sub, result.output)


@pytest.mark.parametrize("width", [50, 78])
def test_the_listing_reads_as_the_commands_own_help_would(tmp_path: Path, width: int) -> None:
    out = tmp_path / "modules.json"
    # A terminal two columns wider than the help, as click leaves a margin of two.
    fresh = subprocess.run([sys.executable, "-c", PROBE, str(out), "--help"], cwd=REPO,
                           capture_output=True, text=True, check=True,
                           env={**os.environ, "COLUMNS": str(width + 2)})
    dict(cli.commands)  # every command loaded: the listing is made from the commands
    loaded = CliRunner().invoke(cli, ["--help"], prog_name="annotator", terminal_width=width)
    assert fresh.stdout == loaded.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_summary_is_the_first_paragraph_of_the_commands_help(name: str) -> None:
    command = cli.commands[name]
    summary = COMMANDS[name][2]
    assert not command.hidden  # the listing shows every command COMMANDS holds
    assert " ".join(command.help.partition("\n\n")[0].split()) == summary
    for limit in (20, 45, 60, 200):
        assert click.Command(name, help=summary).get_short_help_str(limit) \
            == command.get_short_help_str(limit)


def test_every_command_a_cli_module_defines_is_listed() -> None:
    defined: dict[int, click.Command] = {}
    for info in pkgutil.iter_modules(annotator.__path__, "annotator."):
        if info.name.startswith("annotator.cli_"):
            module = importlib.import_module(info.name)
            defined.update({id(value): value for value in vars(module).values()
                            if isinstance(value, click.Command)})
    inside_groups = {id(sub) for group in defined.values() if isinstance(group, click.Group)
                     for sub in group.commands.values()}
    top = {command.name for key, command in defined.items() if key not in inside_groups}
    assert top == set(COMMANDS)
    for name, (module, attribute, _) in COMMANDS.items():
        assert getattr(importlib.import_module(f"annotator.{module}"), attribute).name == name
