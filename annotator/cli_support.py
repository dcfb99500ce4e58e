"""What every command shares: option types, the corpus a command works on (the one
named, else the default corpus), opening it for one command, refusing outputs and
inputs that are the corpus, and saying why a command stops."""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

# Storage (SQLite's and the server's code) and the workspace (which knows every import
# format) are loaded by the commands that open a corpus, when they open it: the group,
# --help and --version answer without them.
if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus
    from annotator.storage.pg.address import ServerAddress


class CorpusLocation(click.ParamType):
    """A corpus file's path, or a PostgreSQL URL (``postgresql://…``) or libpq service
    (``service=NAME``) for a corpus on a team's server."""

    name = "CORPUS"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> Path | ServerAddress:
        from annotator.storage.pg.address import ServerAddress, is_server_address

        if isinstance(value, Path | ServerAddress):
            return value
        text = str(value)
        mended = _mended_address(text)
        if mended is not None:
            text = mended
        if is_server_address(text):
            try:
                return ServerAddress.parse(text)
            except ValueError as exc:
                self.fail(str(exc), param, ctx)
        if _URL_LIKE.match(text) or _LOGIN_IN_TEXT.search(text):
            # Some other scheme, or a slip in ours: never taken for a file (whose name every
            # message would then quote, password and all).
            self.fail(f"{_without_password(text)}: is not a PostgreSQL URL "
                      "(postgresql://login@host/database) nor a corpus file", param, ctx)
        return click.Path(dir_okay=False, path_type=Path).convert(value, param, ctx)


# A scheme and a colon-slash: a URL, not a file ("C:/…", one letter, is a Windows drive).
_URL_LIKE = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]+:(?:[A-Za-z][A-Za-z0-9+.-]*:)*/")
_OUR_SCHEME = re.compile(r"^\s*(postgres(?:ql)?)\s*(?::/*|;/+|/{2,})", re.IGNORECASE)
# A login and password after two slashes: a URL whatever its scheme's spelling.
_LOGIN_IN_TEXT = re.compile(r"//[^/@\s]*:[^@\s]*@")
_PASSWORD_IN_URL = re.compile(r"(//?[^/@\s:]*:)[^@\s]*(@)")


def _mended_address(text: str) -> str | None:
    """A PostgreSQL URL with a slip in its scheme (spaces around it, capitals, one slash)
    as it was meant; None for anything else."""
    found = _OUR_SCHEME.match(text)
    if found is None:
        return None
    return "postgresql://" + text.strip()[len(found.group(0).strip()):]


def _without_password(text: str) -> str:
    return _PASSWORD_IN_URL.sub(r"\1***\2", text.strip())


CORPUS = CorpusLocation()
# Counts and change numbers beyond SQLite's integers name nothing.
MAX_COUNT = 2**63 - 1


class PositiveCount(click.ParamType):
    """A whole number from 1; one past SQLite's largest integer counts as that."""

    name = "N"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        text = str(value).strip()
        if not text.isdigit() or int(text[:30]) < 1:
            self.fail(f"{value!r} is not a whole number of 1 or more (>=1)", param, ctx)
        return min(int(text[:30]), MAX_COUNT)


COUNT = PositiveCount()
CODER_OPTION = click.option(
    "--coder", metavar="NAME", help="Who is coding (default: $ANNOTATOR_CODER, or remembered)."
)


def _fail(message: str) -> None:
    click.echo(f"annotator: {message}", err=True)
    sys.exit(2)


def corpus_or_default(value: Path | ServerAddress | None) -> Path | ServerAddress:
    """The corpus named, else the one the window opens when none is named; a default
    corpus not made yet is said, with how to make it, rather than made empty here."""
    if value is not None:
        return value
    from annotator.workspace import default_corpus, default_corpus_made

    path = default_corpus()
    if not default_corpus_made(path):
        _fail(f"no corpus named, and the default corpus {path} has not been made yet. "
              "Make it with `annotator init --sample` (with the sample articles) or by "
              "opening the window once (`annotator`), or name a corpus file")
    return path


def _corpus_or_default(_ctx: click.Context, _param: click.Parameter,
                       value: Path | ServerAddress | None) -> Path | ServerAddress:
    return corpus_or_default(value)


# A corpus the command may leave out: the default corpus (`annotator where`) is used.
CORPUS_ARGUMENT = click.argument("corpus", type=CORPUS, required=False,
                                 callback=_corpus_or_default)


# How long a command waits for another program writing to the corpus (a window's
# edit, another import) before it gives up; it says so after a second.
WRITE_WAIT_SECONDS = 600


def _say_waiting(path: Path | ServerAddress) -> None:
    click.echo(f"annotator: waiting for another program writing to {path}…", err=True)


@contextmanager
def _corpus(path: Path | ServerAddress, *, create: bool = False,
            outputs: tuple[Path | None, ...] = ()) -> Iterator[Corpus]:
    """The corpus at ``path``, opened for one command; ``outputs`` are the files the
    command will write, refused before anything is opened or written when they are
    the corpus or one of the files SQLite keeps beside it."""
    from annotator.storage.corpus import Corpus, CorpusError
    from annotator.storage.guard import check_output

    try:
        for output in outputs:
            if output is not None:
                check_output(output, path)
        # The command line reads every page once: a damaged corpus is named as
        # such before any work, and nothing is written to it.
        corpus = Corpus.open(path, create=create, check=True, on_wait=_say_waiting)
    except CorpusError as exc:
        _fail(str(exc))
    corpus.set_write_wait(WRITE_WAIT_SECONDS, _say_waiting)
    try:
        yield corpus
    finally:
        corpus.close()


def _refuse_corpus_inputs(corpus: Path, inputs: tuple[Path, ...]) -> None:
    """An input that is the corpus (or its -wal, -shm, -journal) is refused by name:
    reading it as a plain file would drop SQLite's locks on it."""
    from annotator.storage.errors import CorpusError
    from annotator.storage.guard import check_not_protected

    for given in inputs:
        try:
            check_not_protected(given, corpus)
        except CorpusError as exc:
            _fail(str(exc).replace("writing there would destroy it. Choose another file",
                                   "it cannot be imported into itself"))


def _names_folder(given: str) -> bool:
    """Whether the user wrote ``given`` as a folder (a trailing slash, which a Path
    would drop, or . and ..)."""
    return given.endswith(("/", os.sep)) or Path(given).name in ("", ".", "..")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    return exc.strerror or str(exc)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _pairs(values: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for value in values:
        old, sep, new = value.partition("=")
        if not sep or not old or not new:
            _fail(f"{value!r}: write it as OLD=NEW")
        pairs[old] = new
    return pairs
