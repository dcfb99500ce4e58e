"""Creating corpora as a coder first meets them: new, or filled with samples; and the
default corpus, which the window opens and every command uses when none is named."""

from __future__ import annotations

from pathlib import Path

from annotator.core.datasets import dataset_schema
from annotator.core.default_codebook import codebook_markdown
from annotator.formats.importing import ImportSummary, import_paths
from annotator.resources import sample_files
from annotator.settings import default_corpus_path
from annotator.storage.corpus import Corpus


def add_samples(corpus: Corpus) -> ImportSummary:
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


def create_corpus(path: Path, *, sample: bool = False,
                  codebook: str = "") -> tuple[Corpus, ImportSummary | None]:
    """A new corpus at ``path``; ``codebook`` names a dataset's (core.datasets.DATASETS)
    to set up in place of the default one."""
    schema = dataset_schema(codebook) if codebook else None  # an unknown name makes no file
    corpus = Corpus.open(path)
    try:
        if schema is not None:
            corpus.save_schema(schema)
            corpus.set_codebook(codebook_markdown(schema))
        return corpus, add_samples(corpus) if sample else None
    except BaseException:
        corpus.close()
        raise
