"""A team's server from the command line: set up a database as a corpus with the
team's roles, make logins, and move whole corpora between a file and the server
(``push``, ``pull``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli_support import CORPUS, _corpus, _fail
from annotator.storage.errors import CorpusError
from annotator.storage.pg.address import ServerAddress, is_server_address

SERVER = CORPUS  # a URL or service=NAME; a file path is refused by each command


def _server(value: Path | ServerAddress, what: str) -> ServerAddress:
    if not isinstance(value, ServerAddress):
        _fail(f"{value}: {what} takes a PostgreSQL URL (postgresql://user@host/database) or "
              "service=NAME, not a file")
    assert isinstance(value, ServerAddress)
    return value


@click.group()
def server() -> None:
    """Set up a team's corpus on a PostgreSQL server and make its logins.

    A lead makes an empty database (`createdb team`), runs `annotator server
    init` on it as its owner, then `annotator server add-coder` for each person.
    Coders open it with `annotator open postgresql://NAME@HOST/team`; their
    passwords stay in ~/.pgpass or a libpq service file, never in annotator.
    """


@server.command("init")
@click.argument("url", type=SERVER)
def server_init(url: Path | ServerAddress) -> None:
    """Set up the corpus schema and the team's roles in the database at URL.

    Run it as the database's owner, with the right to make roles. Safe to run
    again: it changes nothing already there (and upgrades an older schema).
    """
    from annotator.storage.pg.roles import init_server

    address = _server(url, "server init")
    try:
        for line in init_server(address):
            click.echo(line)
    except CorpusError as exc:
        _fail(str(exc))
    click.echo(f"{address}: ready; add people with `annotator server add-coder`")


@server.command("add-coder")
@click.argument("url", type=SERVER)
@click.argument("name")
@click.option("--role", type=click.Choice(["coder", "adjudicator", "lead"]), default="coder",
              show_default=True, help="What they may change.")
@click.option("--password-file", type=click.File("r"),
              help="Read the password from this file's first line (else it is asked for).")
def add_coder_command(url: Path | ServerAddress, name: str, role: str,
                      password_file: click.utils.LazyFile | None) -> None:
    """Make a login NAME for a person on the corpus at URL (or change their role and
    password). Their login is their coder name in the corpus."""
    from annotator.storage.pg.roles import add_coder

    address = _server(url, "server add-coder")
    if password_file is not None:
        password = password_file.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = click.prompt(f"password for {name}", hide_input=True,
                                confirmation_prompt=True)
    else:
        _fail("no terminal to ask for the password on: give --password-file FILE")
    try:
        click.echo(add_coder(address, name, role, password))
    except ValueError as exc:
        _fail(str(exc))
    except CorpusError as exc:
        _fail(str(exc))


@click.command()
@click.argument("file", type=CORPUS)
@click.argument("url", type=SERVER)
def push(file: Path | ServerAddress, url: Path | ServerAddress) -> None:
    """Upload the corpus FILE to the server corpus at URL.

    Into an empty corpus everything is copied as it is, history included; into
    one that holds work already, FILE's work is merged as `annotator merge`
    merges it: checked row by row, and pushing again adds nothing twice.
    """
    from annotator.storage.team import merge as merge_corpus
    from annotator.storage.transfer import copy_corpus, is_empty

    if isinstance(file, ServerAddress):
        _fail(f"{file}: push takes a corpus file first, then the server's URL")
    address = _server(url, "push")
    assert isinstance(file, Path)
    if not file.exists():
        _fail(f"{file}: no such corpus file")
    with _corpus(file) as source, _corpus(address) as target:
        if is_empty(target):
            try:
                report = copy_corpus(source, target)
            except CorpusError as exc:
                _fail(str(exc))
            for line in report.lines():
                click.echo(f"{file.name}: {line}")
            return
        merged = merge_corpus(target, source)
        for line in merged.lines():
            click.echo(f"{file.name}: {line}", err=line.startswith("problem"))
        if merged.problems:
            sys.exit(1)


@click.command()
@click.argument("url", type=SERVER)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def pull(url: Path | ServerAddress, file: Path) -> None:
    """Make a new corpus FILE holding everything in the server corpus at URL: a backup,
    or a copy to work on offline (`annotator push` brings the work back)."""
    from annotator.storage.transfer import check_new_file, pull_to_file

    address = _server(url, "pull")
    if is_server_address(str(file)):
        _fail(f"{file}: pull writes a corpus file; name a file")
    try:
        check_new_file(file)
    except CorpusError as exc:
        _fail(str(exc))
    with _corpus(address) as source:
        try:
            report = pull_to_file(source, file)
        except CorpusError as exc:
            _fail(str(exc))
    for line in report.lines():
        click.echo(f"{file}: {line}")
