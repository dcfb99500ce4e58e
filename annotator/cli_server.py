"""A team's server from the command line: set up a database as a corpus with the
team's roles, make logins, and move whole corpora between a file and the server
(``push``, ``pull``)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from annotator.cli_progress import LongWork, long_work, stopped
from annotator.cli_support import CORPUS, _corpus, _fail
from annotator.storage.errors import CorpusError
from annotator.storage.pg.address import ServerAddress, is_server_address

if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus

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
    if isinstance(file, ServerAddress):
        _fail(f"{file}: push takes a corpus file first, then the server's URL")
    address = _server(url, "push")
    assert isinstance(file, Path)
    if not file.exists():
        _fail(f"{file}: no such corpus file")
    copied = merged = None
    # The bar first: loading what a copy needs and opening a server's corpus took a
    # third of a second.
    with long_work(f"pushing {file.name}") as work:
        from annotator.storage.team import merge as merge_corpus
        from annotator.storage.transfer import CopyStopped, NotEmpty, copy_corpus, is_empty

        with _corpus(file) as source, _corpus(address) as target:
            if is_empty(target):
                try:
                    copied = copy_corpus(source, target, progress=_rows_told(work, source),
                                         cancelled=work.cancelled)
                except NotEmpty:
                    pass  # another push filled it meanwhile: this one merges
                except CopyStopped as exc:
                    stopped(str(exc))
                except CorpusError as exc:
                    _fail(str(exc))
            if copied is None:
                merged = merge_corpus(target, source, progress=work.progress,
                                      cancelled=work.cancelled)
    for line in (copied or merged).lines():
        click.echo(f"{file.name}: {line}", err=line.startswith(("problem", "stopped")))
    if merged is not None and merged.stopped_after is not None:
        sys.exit(130)  # as an interrupted command does
    if merged is not None and merged.problems:
        sys.exit(1)


def _rows_told(work: LongWork, source: Corpus) -> Callable[[str, int], None] | None:
    """A copy's progress (rows of each table) as a terminal's bar over all its rows;
    None where there is no bar to draw, and the rows are not counted."""
    if work.progress is None:
        return None
    from annotator.storage.transfer import rows_to_copy

    bar, total, seen = work.progress, max(rows_to_copy(source), 1), {}

    def told(table: str, copied: int) -> None:
        seen[table] = copied
        bar(sum(seen.values()), total)

    return told


@click.command()
@click.argument("url", type=SERVER)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def pull(url: Path | ServerAddress, file: Path) -> None:
    """Make a new corpus FILE holding everything in the server corpus at URL: a backup,
    or a copy to work on offline (`annotator push` brings the work back)."""
    address = _server(url, "pull")
    if is_server_address(str(file)):
        _fail(f"{file}: pull writes a corpus file; name a file")
    # The bar first, as push draws it.
    with long_work(f"pulling into {file.name}") as work:
        from annotator.storage.transfer import CopyStopped, check_new_file, pull_to_file

        try:
            check_new_file(file)
        except CorpusError as exc:
            _fail(str(exc))
        with _corpus(address) as source:
            try:
                report = pull_to_file(source, file, progress=_rows_told(work, source),
                                      cancelled=work.cancelled)
            except CopyStopped as exc:
                stopped(str(exc))
            except CorpusError as exc:
                _fail(str(exc))
    for line in report.lines():
        click.echo(f"{file}: {line}")


@server.command("queue")
@click.argument("url", type=SERVER)
@click.option("--coders", metavar="A,B,C", help="Only these coders take them (default: anyone).")
@click.option("--overlap", default="0%", show_default=True,
              help="Share of the documents coded by two coders, for agreement (e.g. 20%).")
@click.option("--limit", type=int, help="Queue only the first N documents not queued yet.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Which documents are coded twice (the same seed, the same choice).")
def server_queue(url: Path | ServerAddress, coders: str | None, overlap: str,
                 limit: int | None, seed: int) -> None:
    """Put the documents not queued yet into the work queue of the corpus at URL, in
    their order; each coder's "next document" then takes the next one no one else
    is taking (a lead's command)."""
    from annotator.storage.work_queue import queue_documents

    address = _server(url, "server queue")
    names = [name.strip() for name in (coders or "").split(",") if name.strip()]
    share = _share(overlap)
    with _corpus(address) as corpus:
        queued = {row[0] for row in corpus.db.fetch_all("SELECT doc_id FROM queue")}
        wanted = [doc_id for doc_id in corpus.document_ids() if doc_id not in queued]
        if limit is not None:
            if limit < 1:
                _fail(f"--limit {limit}: give a number of documents, 1 or more")
            wanted = wanted[:limit]
        try:
            report = queue_documents(corpus, wanted, overlap=share, coders=names, seed=seed,
                                     queued_by=address.user or "")
        except ValueError as exc:
            _fail(str(exc))
        except CorpusError as exc:
            _fail(str(exc))
    for line in report.lines():
        click.echo(line)


def _share(text: str) -> float:
    value = text.strip().removesuffix("%")
    try:
        share = float(value) / 100
    except ValueError:
        _fail(f"--overlap {text!r}: give a share such as 20%")
    if not 0 <= share <= 1:
        _fail(f"--overlap {text!r}: give a share between 0% and 100%")
    return share


@server.command("progress")
@click.argument("url", type=SERVER)
def server_progress(url: Path | ServerAddress) -> None:
    """How far each coder is: documents taken, done, in progress and skipped, and their
    spans per label; and what the queue still holds."""
    from annotator.storage.work_queue import progress, queue_size

    address = _server(url, "server progress")
    with _corpus(address) as corpus:
        rows = progress(corpus)
        wanted, total = queue_size(corpus)
    click.echo(f"queue: {total - wanted} of {total} copies taken, {wanted} waiting")
    width = max([len("coder"), *(len(row.coder) for row in rows)])
    click.echo(f"{'coder':<{width}}  taken  done  in progress  skipped  spans")
    for row in rows:
        spans = ", ".join(f"{label} {count}" for label, count in row.spans.items()) or "–"
        click.echo(f"{row.coder:<{width}}  {row.claimed:>5}  {row.done:>4}  {row.in_progress:>11}"
                   f"  {row.skipped:>7}  {spans}")
