"""The storage suite runs against both backends: here ``corpus`` is a file, then a
database on a real PostgreSQL server. Tests about the file itself (locks, WAL,
damage) ask for ``corpus_path`` and open it themselves."""

from __future__ import annotations

import pytest


@pytest.fixture
def corpus(any_corpus):
    return any_corpus
