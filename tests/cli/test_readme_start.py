"""The README as a newcomer reads it: the quick start, and the command list."""

from __future__ import annotations

import re

import click

from annotator.cli import cli
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else None]


def test_the_quick_start_has_two_commands_and_says_how_to_open_the_window_again() -> None:
    quick = section("Quick start")
    blocks = re.findall(r"```sh\n(.*?)```", quick, flags=re.DOTALL)
    assert len(blocks) == 2
    assert all(len(block.strip().splitlines()) == 1 for block in blocks)
    assert "pip install" in blocks[0] and blocks[0].strip().endswith(".venv/bin/annotator")
    # After the first command, what opens the window without installing again.
    between = quick[quick.index(blocks[0]) + len(blocks[0]):quick.index(blocks[1])]
    assert "From then\non, `.venv/bin/annotator` alone opens the window." in between


def test_the_command_list_shows_every_command_and_which_corpus_may_be_left_out() -> None:
    listing = re.search(r"## The command line\n\n```sh\n(.*?)```", README, flags=re.DOTALL)
    assert listing is not None
    lines = {line.split()[1]: line for line in listing.group(1).splitlines()
             if line.startswith("annotator ") and not line.startswith("annotator --")}
    assert set(lines) == {name for name, command in cli.commands.items() if not command.hidden}
    for name, command in cli.commands.items():
        arguments = [p for p in command.params if isinstance(p, click.Argument)]
        if not arguments or name in ("search", "open"):
            continue  # search shows [CORPUS] QUERY by hand; open is the window's
        first = lines[name].split()[2]
        shown = f"[{arguments[0].name.upper()}]" if not arguments[0].required \
            else arguments[0].name.upper()
        assert first == shown, (name, first, shown)
    assert lines["search"].startswith("annotator search [CORPUS] QUERY")
