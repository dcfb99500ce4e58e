"""A search as it is typed: the last word may be unfinished, so it is searched as a
prefix; its first page is listed for the word as typed, then for every word it
begins, in place. Queries in the search syntax are listed once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.search import fts_query
from annotator.gui.document_list import PAGE_SIZE, DocumentListModel
from annotator.gui.search_runner import exact_first
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

ROCKETS = 5


@pytest.fixture
def model(tmp_path: Path) -> Iterator[DocumentListModel]:
    corpus = Corpus.open(tmp_path / "news.sqlite")
    # More documents with the whole word than a page holds, and a few with longer words
    # it begins, which rank above them.
    add_documents(corpus, [DocumentRecord(text=f"A rocket hit post {n} of the long border "
                                          "road, officials said on Monday.",
                                          title=f"Post {n}") for n in range(PAGE_SIZE + 20)])
    add_documents(corpus, [DocumentRecord(text=f"Rockets. Rocketry {n}.", title=f"Rockets {n}")
                           for n in range(ROCKETS)])
    listed = DocumentListModel(corpus, "alice")
    listed.reset()
    yield listed
    listed.close()
    corpus.close()


def titles(model: DocumentListModel) -> list[str]:
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_the_word_as_typed_is_listed_first_then_every_word_it_begins(
        qtbot, model: DocumentListModel) -> None:
    seen: list[list[str]] = []
    model.rowsInserted.connect(lambda *_args: seen.append(titles(model)))
    model.reset(search="rocket")
    qtbot.waitUntil(lambda: not model.searching and not model.refining)
    assert len(seen) == 2
    assert len(seen[0]) == PAGE_SIZE and all(t.startswith("Post") for t in seen[0])
    rockets = {f"Rockets {n}" for n in range(ROCKETS)}
    assert rockets <= set(seen[1]) and len(seen[1]) == PAGE_SIZE  # the best of every word
    model.fetchMore()
    qtbot.waitUntil(lambda: not model.searching and model.rowCount() == PAGE_SIZE + 20 + ROCKETS)
    assert len(set(titles(model))) == PAGE_SIZE + 20 + ROCKETS  # each listed once


def test_a_word_half_typed_is_listed_once(qtbot, model: DocumentListModel) -> None:
    seen: list[list[str]] = []
    model.rowsInserted.connect(lambda *_args: seen.append(titles(model)))
    model.reset(search="rocke")  # as typed, no document has it: never "nothing found"
    qtbot.waitUntil(lambda: not model.searching)
    assert not model.refining
    assert len(seen) == 1 and len(seen[0]) == PAGE_SIZE


def test_a_query_in_the_search_syntax_is_listed_once(qtbot, model: DocumentListModel) -> None:
    seen: list[list[str]] = []
    model.rowsInserted.connect(lambda *_args: seen.append(titles(model)))
    model.reset(search="rockets*")
    qtbot.waitUntil(lambda: not model.searching)
    assert not model.refining
    assert len(seen) == 1 and sorted(seen[0]) == sorted(f"Rockets {n}" for n in range(ROCKETS))


def test_only_typed_words_are_searched_whole_first() -> None:
    assert exact_first(fts_query("rocket attack")) == '"rocket" "attack"'
    assert exact_first(fts_query("rocket")) == '"rocket"'
    assert exact_first(fts_query('say "hi')) is None  # the search syntax, as written
    for query in ('"a" OR "b"*', 'NEAR("a" "b"*)', 'title:"a"*', '"a"* "b"'):
        assert exact_first(query) is None, query
