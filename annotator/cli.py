"""The command line: thin click commands over the core, storage and formats.

This module holds the group and its list of commands; the commands live by kind in
``cli_corpus`` (open, where, init), ``cli_data`` (import, export, stats, schema,
backup), ``cli_review`` (search, suggest, history, restore), ``cli_team`` (agree,
assign, merge) and a module each for the rest.

A command's module is imported when that command runs, not before: ``annotator
--version``, ``--help`` and a search answer without loading spaCy, NumPy, the
server's driver, the window or every file format's reader.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, MutableMapping
from typing import Any

import click

from annotator import __version__
from annotator.cli_support import CODER_OPTION

# Each command: the module and name it is defined under, and the first paragraph of its
# help, which `annotator --help` lists without importing the module (a test checks it
# is the command's own).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "agree": ("cli_team", "agree",
              "Agreement between coders: span F1 (exact and overlap) per label, relation F1, "
              "Cohen's kappa over tokens and over document labels, Krippendorff's alpha over "
              "attributes, documents by disagreement."),
    "assign": ("cli_team", "assign",
               "Split CORPUS among coders, a share double-coded; one corpus file each, with "
               "the schema and the codebook."),
    "backup": ("cli_data", "backup",
               "Copy CORPUS to OUTPUT consistently, even while the window has it open."),
    "check": ("cli_check", "check",
              "Read every page of CORPUS for damage; exit 1 and say what is wrong if it is "
              "damaged. A corpus on a server keeps its own pages sound (its checksums and "
              "logs)."),
    "duplicates": ("cli_duplicates", "duplicates",
                   "Find the stories CORPUS holds more than once (wire reports reprinted by "
                   "many outlets): each near-duplicate is marked as a copy of the first one "
                   "imported."),
    "export": ("cli_data", "export", "Export CORPUS for training or for another tool."),
    "history": ("cli_review", "history",
                "Every edit to CORPUS: who, when, what it was before and after."),
    "import": ("cli_data", "import_command",
               "Import articles from PATHS (files or folders) into CORPUS."),
    "init": ("cli_corpus", "init", "Create a new corpus file CORPUS."),
    "merge": ("cli_team", "merge",
              "Merge coders' corpora SOURCES into TARGET (created if missing)."),
    "open": ("cli_corpus", "open_command",
             "Open CORPUS (or the default corpus) in the window."),
    "pull": ("cli_server", "pull",
             "Make a new corpus FILE holding everything in the server corpus at URL: a "
             "backup, or a copy to work on offline (`annotator push` brings the work back)."),
    "push": ("cli_server", "push", "Upload the corpus FILE to the server corpus at URL."),
    "restore": ("cli_review", "restore",
                "Put a document or a span of CORPUS back as it was after change CHANGE."),
    "schema": ("cli_data", "schema",
               "Print the label schema of CORPUS, or replace it with --load FILE.json."),
    "search": ("cli_search", "search",
               "Full-text search of the titles and texts of CORPUS, best match first."),
    "server": ("cli_server", "server",
               "Set up a team's corpus on a PostgreSQL server and make its logins."),
    "stats": ("cli_data", "stats",
              "Count documents, spans, labels, coders, statuses, relations and document "
              "labels in CORPUS."),
    "suggest": ("cli_review", "suggest",
                "Suggest places, actors and casualties, stored as pending spans to review."),
    "train": ("cli_train", "train_command",
              "Train an entity recogniser (or a span categorizer) on the spans coders marked "
              "done in CORPUS, on the CPU, nothing downloaded; say what it reached on the "
              "documents held out; write it where `annotator suggest --model corpus` and the "
              "window find it."),
    "where": ("cli_corpus", "where",
              "Print where the default corpus, the settings and the data folder are."),
}

class _Commands(MutableMapping[str, click.Command]):
    """The group's commands by name, each imported from its module the first time it is
    looked up (click looks up only the command that runs)."""

    def __init__(self) -> None:
        self._loaded: dict[str, click.Command] = {}
        self._names = list(COMMANDS)

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            if name not in COMMANDS:
                raise KeyError(name)
            module, attribute, _summary = COMMANDS[name]
            self._loaded[name] = getattr(importlib.import_module(f"annotator.{module}"),
                                         attribute)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command
        if name not in self._names:
            self._names.append(name)

    def __delitem__(self, name: str) -> None:
        self._loaded.pop(name, None)
        self._names.remove(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def loaded(self, name: str) -> click.Command | None:
        return self._loaded.get(name)


class _LazyGroup(click.Group):
    """A group whose --help lists every command from COMMANDS without importing any."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands: _Commands = _Commands()

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        listed = {}
        for name in self.list_commands(ctx):
            command = self.commands.loaded(name)
            if command is None and name in COMMANDS:
                # A stand-in with the same first paragraph shortens it as the command would.
                command = click.Command(name, help=COMMANDS[name][2])
            if command is not None and not command.hidden:
                listed[name] = command
        if listed:
            limit = formatter.width - 6 - max(map(len, listed))
            with formatter.section("Commands"):
                formatter.write_dl([(name, command.get_short_help_str(limit))
                                    for name, command in listed.items()])


@click.group(cls=_LazyGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@CODER_OPTION
@click.pass_context
def cli(ctx: click.Context, coder: str | None) -> None:
    """Tag actors, casualties and locations in news articles.

    With no command, opens the window on your default corpus (made with sample
    articles the first time). Commands given no CORPUS work on that same default
    corpus; `annotator where` prints where it is.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(cli.commands["open"], corpus=None, coder=coder, quit_after=None)


def main() -> None:
    try:
        cli(prog_name="annotator")
    except Exception as exc:
        # Storage says what failed (busy, read-only, disk full, damaged): say it, no
        # traceback. Storage's errors are looked up only if storage was loaded (only then
        # can one have been raised), so a command that never opens a corpus never loads it.
        errors = sys.modules.get("annotator.storage.errors")
        if errors is None or not isinstance(exc, errors.CorpusError):
            raise
        click.echo(f"annotator: {exc}", err=True)
        sys.exit(1)
