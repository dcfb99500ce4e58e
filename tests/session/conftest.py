"""The session's tests run against both backends: ``sample_location`` is a corpus file
holding the sample articles, then a database on a real PostgreSQL server holding
them, and ``corpus`` is opened on each in turn. Tests about the file itself (another
process's lock, a migration, a moved file, a file copied per example) make their own
file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.workspace import create_corpus


@pytest.fixture
def corpus(any_corpus):
    return any_corpus


@pytest.fixture
def sample_location(corpus_location: str | Path) -> str | Path:
    """Where a corpus with the sample articles is: a file, then a server's database."""
    made, _ = create_corpus(corpus_location, sample=True)
    made.close()
    return corpus_location
