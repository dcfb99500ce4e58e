"""The command line: thin click commands over the core, storage and formats."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import click

from annotator import __version__
from annotator.formats import jsonl
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.formats.registry import IMPORT_FORMATS
from annotator.settings import resolve_coder
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.stats import corpus_stats
from annotator.workspace import create_corpus

CORPUS = click.Path(dir_okay=False, path_type=Path)
CODER_OPTION = click.option(
    "--coder", metavar="NAME", help="Who is coding (default: $ANNOTATOR_CODER, or remembered)."
)


def _fail(message: str) -> None:
    click.echo(f"annotator: {message}", err=True)
    sys.exit(2)


@contextmanager
def _corpus(path: Path, *, create: bool = False) -> Iterator[Corpus]:
    try:
        corpus = Corpus.open(path, create=create)
    except CorpusError as exc:
        _fail(str(exc))
    try:
        yield corpus
    finally:
        corpus.close()


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@CODER_OPTION
@click.pass_context
def cli(ctx: click.Context, coder: str | None) -> None:
    """Tag actors, casualties and locations in news articles.

    With no command, opens the window on your default corpus (made with
    sample articles the first time).
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_command, corpus=None, coder=coder)


@cli.command("open")
@click.argument("corpus", type=CORPUS, required=False)
@CODER_OPTION
def open_command(corpus: Path | None, coder: str | None) -> None:
    """Open CORPUS (or the default corpus) in the window."""
    try:
        # The window is loaded only here, so every other command runs on a
        # machine without Qt or a display.
        from annotator.gui.app import run
    except ImportError as exc:
        _fail(f"the window cannot start: {exc}. Install PySide6-Essentials.")
    sys.exit(run(corpus, coder=coder))


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--sample", is_flag=True, help="Fill it with the sample articles.")
def init(corpus: Path, sample: bool) -> None:
    """Create a new corpus file CORPUS."""
    if corpus.exists() and corpus.stat().st_size > 0:
        _fail(f"{corpus}: already exists; open it, or choose another name")
    try:
        created, summary = create_corpus(corpus, sample=sample)
    except CorpusError as exc:
        _fail(str(exc))
    with created:
        click.echo(f"created {corpus} with {created.document_count()} documents")
        if summary and not summary.ok:
            for line in summary.lines():
                click.echo(line, err=True)


@cli.command("import")
@click.argument("corpus", type=CORPUS)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), default="auto",
              show_default=True, help="Input format; auto tells it from each file's suffix.")
@click.option("--text-column", default="text", show_default=True,
              help="The CSV column that holds the article text.")
@CODER_OPTION
def import_command(
    corpus: Path, paths: tuple[Path, ...], fmt: str, text_column: str, coder: str | None
) -> None:
    """Import articles from PATHS (files or folders) into CORPUS.

    Creates CORPUS if it does not exist. Exits non-zero if any document was
    rejected, after importing all the others.
    """
    options = ReadOptions(coder=resolve_coder(coder) or "unknown", text_column=text_column)
    with _corpus(corpus, create=True) as opened:
        summary = import_paths(opened, list(paths), fmt=fmt, options=options)
    head, *rest = summary.lines()
    click.echo(head)
    for line in rest:
        click.echo(line, err=line.startswith(("rejected", "warning")))
    if not summary.ok:
        sys.exit(1)


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write; - for standard output.")
@click.option("--coder", metavar="NAME", help="Only this coder's spans.")
def export(corpus: Path, fmt: str, output: Path, coder: str | None) -> None:
    """Export CORPUS with every span, in annotator's native JSONL."""
    with _corpus(corpus) as opened:
        documents = iter_documents(opened, coder=coder)
        if str(output) == "-":
            count = jsonl.write(documents, sys.stdout)
        else:
            with _atomic_output(output) as out:
                count = jsonl.write(documents, out)
    click.echo(f"wrote {count} documents to {output}", err=str(output) == "-")


@contextmanager
def _atomic_output(path: Path) -> Iterator[IO[str]]:
    """Write beside ``path`` and move into place, so a failure leaves no half file."""
    if not path.parent.exists():
        _fail(f"{path}: the folder {path.parent} does not exist")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of a table.")
def stats(corpus: Path, as_json: bool) -> None:
    """Count documents, spans, labels, coders and statuses in CORPUS."""
    with _corpus(corpus) as opened:
        figures = corpus_stats(opened)
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    click.echo(f"{figures['path']}")
    click.echo(f"  documents  {figures['documents']}")
    click.echo(f"  spans      {figures['spans']}")
    for heading, key in (("labels", "labels"), ("coders", "coders"), ("status", "status")):
        click.echo(f"  {heading}")
        for name, count in figures[key].items():
            click.echo(f"    {name:<14} {count}")


def main() -> None:
    cli(prog_name="annotator")
