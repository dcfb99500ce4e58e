"""The item models: Qt's model tester, and paging that never reads everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.core.search import fts_query
from annotator.gui.document_list import PAGE_SIZE, DocumentListModel
from annotator.gui.span_list import SpanListModel
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

COUNT = 2 * PAGE_SIZE + 50


@pytest.fixture
def big_corpus(tmp_path: Path):
    corpus = Corpus.open(tmp_path / "big.sqlite")
    add_documents(corpus, [DocumentRecord(text=f"Report {n}: shelling in district {n}.",
                                          title=f"Report {n}") for n in range(COUNT)])
    corpus.set_status(3, "alice", "done")
    yield corpus
    corpus.close()


def test_document_model_passes_the_model_tester(qtmodeltester, big_corpus: Corpus) -> None:
    model = DocumentListModel(big_corpus, "alice")
    model.reset()
    qtmodeltester.check(model)


def test_document_model_pages_on_demand(big_corpus: Corpus) -> None:
    model = DocumentListModel(big_corpus, "alice")
    model.reset()
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    assert model.row_for(COUNT) == COUNT - 1  # reads on until it finds the row
    assert not model.canFetchMore()
    assert model.data(model.index(2, 0)) == "✓"
    assert model.data(model.index(2, 1)) == "Report 2"


def test_document_model_search(big_corpus: Corpus) -> None:
    model = DocumentListModel(big_corpus, "alice")
    model.reset(search="district 12")
    assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == [
        "Report 12", *(f"Report {n}" for n in range(120, 130))]
    model.reset(search='unbalanced "quote (')  # typed text never breaks the query
    assert model.rowCount() == 0
    assert fts_query("say hi") == '"say" "hi"*'
    assert fts_query('"said the" OR shelling') == '"said the" OR shelling'  # FTS5 syntax kept


def test_span_model_passes_the_model_tester(qtmodeltester) -> None:
    model = SpanListModel()
    model.set_colors({"actor": "#3b78d8"})
    text = "Hamas and Hezbollah"
    model.set_spans([Span(start=10, end=19, label="actor", text=text[10:19], coder="a"),
                     Span(start=0, end=5, label="actor", text=text[0:5], coder="a")])
    qtmodeltester.check(model)
    assert model.data(model.index(0)) == "act  Hamas"
    assert model.span_at(1).text == "Hezbollah"
