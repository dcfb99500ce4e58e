"""Creating corpora as a coder first meets them: new, or filled with samples."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.importing import ImportSummary, import_paths
from annotator.resources import sample_files
from annotator.settings import default_corpus_path
from annotator.storage.corpus import Corpus


def add_samples(corpus: Corpus) -> ImportSummary:
    return import_paths(corpus, sample_files())


def open_default_corpus() -> Corpus:
    """The corpus in the user's data directory, made with the samples on first run."""
    path = default_corpus_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    first_run = not path.exists() or path.stat().st_size == 0
    corpus = Corpus.open(path)
    if first_run or corpus.document_count() == 0:
        add_samples(corpus)
    return corpus


def create_corpus(path: Path, *, sample: bool = False) -> tuple[Corpus, ImportSummary | None]:
    corpus = Corpus.open(path)
    return corpus, add_samples(corpus) if sample else None
