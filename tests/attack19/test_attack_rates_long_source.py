"""A suggestion whose source is very long (its attrs edited by hand, or carried from a
file corpus), stored and counted on both backends."""

from __future__ import annotations

import random
import string
from pathlib import Path

from annotator.storage.corpus import Corpus
from tests.storage.test_suggestion_rates import add, rates, suggestion

SOURCE = "".join(random.Random(1).choices(string.ascii_letters, k=3_000))


def _stored_and_counted(corpus: Corpus) -> None:
    try:
        doc_id = add(corpus)
        suggestion(corpus, doc_id, "Gao", "location", SOURCE)
        counted = rates(corpus)
        # Counted once, under the source or the start of it (a key an index can hold).
        assert list(counted.values()) == [(0, 0, 1)]
        [key] = counted
        assert SOURCE.startswith(key) and len(key) >= 100
    finally:
        corpus.close()


def test_a_long_source_is_stored_and_counted_in_a_file(corpus_path: Path):
    """Held: a file's index takes a key of any length."""
    _stored_and_counted(Corpus.open(corpus_path))


def test_a_long_source_is_stored_and_counted_on_a_server(pg_url: str):
    """Held since 19dfbfa (before it, the server's index refused the span: 'index row
    size 3032 exceeds btree version 4 maximum 2704')."""
    _stored_and_counted(Corpus.open(pg_url))
