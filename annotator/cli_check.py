"""``annotator check``: every page of a corpus file read for damage.

Other commands read a large corpus whole only when that is cheap or before an upgrade
(see storage.connection.FULL_CHECK_BYTES): this is where it is read whole whatever its
size, as the window does in the background.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from annotator.cli_support import CORPUS_ARGUMENT, _fail
from annotator.storage.corpus import Corpus
from annotator.storage.errors import CorpusError
from annotator.storage.pg.address import ServerAddress


@click.command("check")
@CORPUS_ARGUMENT
def check(corpus: Path | ServerAddress) -> None:
    """Read every page of CORPUS for damage; exit 1 and say what is wrong if it is
    damaged. A corpus on a server keeps its own pages sound (its checksums and logs)."""
    if isinstance(corpus, ServerAddress):
        click.echo(f"{corpus}: on a server, which keeps its own pages sound; nothing to read")
        return
    started = time.perf_counter()
    size = sum(p.stat().st_size for p in (Path(corpus), Path(f"{corpus}-wal")) if p.exists())
    if size:  # said first: every page is read, a minute or more for many gigabytes
        click.echo(f"reading {corpus} ({size / 1e6:,.1f} MB) for damage…", err=True)
    try:
        with Corpus.open(corpus, create=False, full_check=True) as opened:
            documents = opened.document_count()
    except CorpusError as exc:
        click.echo(f"annotator: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        _fail(f"{corpus}: cannot be read ({exc})")
    click.echo(f"{corpus}: sound ({documents:,} documents, {size / 1e6:,.1f} MB read in "
               f"{time.perf_counter() - started:.1f} s)")
