"""Creating corpora as a coder first meets them: new, or filled with samples; and the
default corpus, which the window opens and every command uses when none is named."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.datasets import dataset_schema
from annotator.core.default_codebook import codebook_markdown
from annotator.core.schema import Schema
from annotator.formats.staging import process_exists
from annotator.resources import sample_files
from annotator.settings import default_corpus_path
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.guard import companions
from annotator.storage.pg.address import ServerAddress, is_server_address

if TYPE_CHECKING:
    from annotator.formats.importing import ImportSummary


def add_samples(corpus: Corpus) -> ImportSummary:
    # The importer (and the libraries its readers bring) is loaded only when samples are
    # added: every command that opens the default corpus reads this module.
    from annotator.formats.importing import import_paths

    return import_paths(corpus, sample_files())


def default_corpus() -> Path:
    """The corpus the window opens when none is named (the recent list only fills
    File > Open Recent), and so the one commands use when none is named."""
    return default_corpus_path()


def default_corpus_made(path: Path) -> bool:
    """Whether the default corpus exists; an empty file is one not made yet, as the
    window reads it (it fills such a file with the samples)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def open_default_corpus() -> Corpus:
    """The corpus in the user's data directory, made with the samples on first run."""
    path = default_corpus()
    path.parent.mkdir(parents=True, exist_ok=True)
    first_run = not default_corpus_made(path)
    corpus = Corpus.open(path)
    if first_run or corpus.document_count() == 0:
        add_samples(corpus)
    return corpus


def create_corpus(path: Path | str | ServerAddress, *, sample: bool = False,
                  codebook: str = "") -> tuple[Corpus, ImportSummary | None]:
    """A new corpus at ``path``; ``codebook`` names a dataset's (core.datasets.DATASETS)
    to set up in place of the default one.

    With a codebook or the samples, the corpus is made beside ``path`` under a name of
    its own and moved into place only when complete: a corpus killed half made would
    open as valid with the wrong codebook (or some of the samples), and could not be
    made again under its name.
    """
    schema = dataset_schema(codebook) if codebook else None  # an unknown name makes no file
    if isinstance(path, ServerAddress) or is_server_address(str(path)):
        return _set_up(Corpus.open(path), schema, sample)  # a server's: set up where it is
    path = Path(path)
    if schema is None and not sample:
        return Corpus.open(path), None  # each step of a new file's set-up is its own commit
    _remove_stale_partials(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.partial")
    try:
        made, summary = _set_up(Corpus.open(partial), schema, sample)
        with made:
            made.db.execute("PRAGMA journal_mode = DELETE")  # one file to move
        os.replace(partial, path)
    except OSError as exc:
        raise CorpusError(f"{path}: could not be made ({exc.strerror or exc})") from exc
    finally:
        for leftover in companions(partial):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return Corpus.open(path), summary


def _set_up(corpus: Corpus, schema: Schema | None,
            sample: bool) -> tuple[Corpus, ImportSummary | None]:
    try:
        if schema is not None:
            corpus.save_schema(schema)
            corpus.set_codebook(codebook_markdown(schema))
        return corpus, add_samples(corpus) if sample else None
    except BaseException:
        corpus.close()
        raise


def _remove_stale_partials(path: Path) -> None:
    """Corpora a killed ``create_corpus`` left half made beside ``path`` (their maker's
    process is gone): never opened by anyone, so removed."""
    prefix = f".{path.name}."
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(prefix) or ".partial" not in entry.name:
            continue
        pid = entry.name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not process_exists(int(pid)):
            with contextlib.suppress(OSError):
                entry.unlink()
