"""The corpus itself: open it in the window, make it, say where the default one is."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from annotator.cli_support import CODER_OPTION, CORPUS, _fail
from annotator.core.datasets import DATASETS
from annotator.settings import config_dir, data_dir
from annotator.storage.corpus import CorpusError
from annotator.storage.pg.address import ServerAddress
from annotator.workspace import create_corpus, default_corpus, default_corpus_made


@click.command("open")
@click.argument("corpus", type=CORPUS, required=False)
@CODER_OPTION
@click.option("--quit-after", type=float, hidden=True,
              help="Close the window after this many seconds (for build checks).")
def open_command(corpus: Path | None, coder: str | None, quit_after: float | None = None) -> None:
    """Open CORPUS (or the default corpus) in the window."""
    try:
        # The window is loaded only here, so every other command runs on a
        # machine without Qt or a display.
        from annotator.gui.app import run
    except ImportError as exc:
        _fail(f"the window cannot start: {_import_failure(exc)}")
    sys.exit(run(corpus, coder=coder, quit_after=quit_after))


def _import_failure(exc: ImportError) -> str:
    """Why the window's code could not be loaded, and what to do about it."""
    if (exc.name or "").split(".")[0] in ("PySide6", "shiboken6") or "PySide6" in str(exc):
        return f"{exc}. Install PySide6-Essentials."
    if re.search(r"\.so(\.\d+)*: ", str(exc)):
        # Qt's own libraries need system libraries that are not there: name them all,
        # with their packages, not only the first the loader tripped on.
        from annotator.gui.platform_check import describe, xcb_missing

        if missing := xcb_missing():
            return describe(missing, "Qt", wayland_hint=False)
    return str(exc)


@click.command()
def where() -> None:
    """Print where the default corpus, the settings and the data folder are.

    The default corpus is the one the window opens when none is named, and
    the one every command uses when given no CORPUS.
    """
    corpus = default_corpus()
    click.echo(f"corpus    {corpus}")
    click.echo(f"settings  {config_dir()}")
    click.echo(f"data      {data_dir()}")
    if not default_corpus_made(corpus):
        click.echo("the default corpus has not been made yet: `annotator init --sample` makes "
                   "it with the sample articles, and so does opening the window (`annotator`)",
                   err=True)


@click.command()
@click.argument("corpus", type=CORPUS, required=False)
@click.option("--sample", is_flag=True, help="Fill it with the sample articles.")
@click.option("--codebook", type=click.Choice(list(DATASETS)), default=None,
              help="Set it up with a dataset's codebook: its labels, attributes, event types, "
                   "roles and event codes (default: annotator's own actors, casualties and "
                   "locations): " + "; ".join(f"{k}: {v}" for k, v in DATASETS.items()) + ".")
def init(corpus: Path | None, sample: bool, codebook: str | None) -> None:
    """Create a new corpus file CORPUS.

    With no CORPUS, makes your default corpus, the one the window opens
    (`annotator where` prints its path).
    """
    if isinstance(corpus, ServerAddress):
        _fail(f"{corpus}: a corpus on a server is set up with `annotator server init`")
    if corpus is None:
        corpus = default_corpus()
        try:
            corpus.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail(f"{corpus.parent}: cannot be made ({exc.strerror or exc})")
    if corpus.exists() and corpus.stat().st_size > 0:
        _fail(f"{corpus}: already exists; open it, or choose another name")
    try:
        created, summary = create_corpus(corpus, sample=sample, codebook=codebook or "")
    except CorpusError as exc:
        _fail(str(exc))
    with created:
        click.echo(f"created {corpus} with {created.document_count()} documents"
                   + (f" and the {codebook} codebook" if codebook else ""))
        if summary and not summary.ok:
            for line in summary.lines():
                click.echo(line, err=True)
