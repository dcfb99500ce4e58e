"""A search as it is typed: the last word may be unfinished, so it is searched as a
prefix; its first page is listed for the word as typed, then for every word it
begins, in place. Queries in the search syntax are listed once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.search import fts_query
from annotator.gui.document_list import DocumentListModel
from annotator.gui.search_runner import exact_first
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus


@pytest.fixture
def model(tmp_path: Path) -> Iterator[DocumentListModel]:
    corpus = Corpus.open(tmp_path / "news.sqlite")
    add_documents(corpus, [
        DocumentRecord(text="A rocket hit the base.", title="One rocket"),
        DocumentRecord(text="Rockets hit the town.", title="Rockets"),
        DocumentRecord(text="Rocketry fair opens.", title="Fair"),
        DocumentRecord(text="A quiet day.", title="Quiet")])
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
    assert seen[0] == ["One rocket"]  # the word as typed
    assert sorted(seen[-1]) == ["Fair", "One rocket", "Rockets"]  # and every word it begins
    assert sorted(titles(model)) == ["Fair", "One rocket", "Rockets"]


def test_a_query_in_the_search_syntax_is_listed_once(qtbot, model: DocumentListModel) -> None:
    seen: list[list[str]] = []
    model.rowsInserted.connect(lambda *_args: seen.append(titles(model)))
    model.reset(search="rocket*")
    qtbot.waitUntil(lambda: not model.searching)
    assert not model.refining
    assert len(seen) == 1 and sorted(seen[0]) == ["Fair", "One rocket", "Rockets"]


def test_only_typed_words_are_searched_whole_first() -> None:
    assert exact_first(fts_query("rocket attack")) == '"rocket" "attack"'
    assert exact_first(fts_query("rocket")) == '"rocket"'
    assert exact_first(fts_query('say "hi')) is None  # the search syntax, as written
    for query in ('"a" OR "b"*', 'NEAR("a" "b"*)', 'title:"a"*', '"a"* "b"'):
        assert exact_first(query) is None, query
