"""The item models: Qt's model tester, and paging that never reads everything."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.core.search import fts_query
from annotator.gui.document_list import PAGE_SIZE, DocumentListModel
from annotator.gui.span_list import SpanListModel
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus, CorpusError

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
    assert model.rowCount() == COUNT  # every document has its row, none is read yet
    assert not model.canFetchMore()
    assert model.row_for(COUNT) == COUNT - 1  # counted, and its page read alone
    assert model.data(model.index(COUNT - 1, 1)) == f"Report {COUNT - 1}"
    assert model.data(model.index(2, 0)) == "✓"
    assert model.data(model.index(2, 1)) == "Report 2"


@pytest.fixture
def model(big_corpus: Corpus) -> Iterator[DocumentListModel]:
    listing = DocumentListModel(big_corpus, "alice")
    yield listing
    listing.close()


def titles(model: DocumentListModel) -> list[str]:
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


def searched(qtbot, model: DocumentListModel, text: str) -> None:
    model.reset(search=text)
    qtbot.waitUntil(lambda: not model.searching)


def test_document_model_search_answers_in_the_background(qtbot, model) -> None:
    states: list[tuple[str, bool]] = []
    model.searchState.connect(lambda text, busy: states.append((text, busy)))
    model.reset(search="district 12")
    assert model.searching and model.rowCount() == 0  # asked, not waited for
    qtbot.waitUntil(lambda: model.rowCount() == 11)
    assert titles(model) == ["Report 12", *(f"Report {n}" for n in range(120, 130))]
    qtbot.waitUntil(lambda: states[-1] == ("11 documents found", False))
    assert states[0] == ("Searching…", True)
    searched(qtbot, model, 'unbalanced "quote (')  # typed text never breaks the query
    assert model.rowCount() == 0
    assert fts_query("say hi") == '"say" "hi"*'
    assert fts_query('"said the" OR shelling') == '"said the" OR shelling'  # FTS5 syntax kept


def test_search_results_page_in_the_background(qtbot, model) -> None:
    searched(qtbot, model, "shelling")
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()  # asked twice while waiting: one page comes, not two
    qtbot.waitUntil(lambda: not model.searching)
    assert model.rowCount() == 2 * PAGE_SIZE
    model.fetchMore()
    qtbot.waitUntil(lambda: not model.canFetchMore())
    assert model.rowCount() == COUNT
    assert len(set(titles(model))) == COUNT


def test_a_filtered_list_pages_by_id_in_the_background(qtbot, model, big_corpus) -> None:
    from annotator.core.search import DocumentFilter

    for doc_id in range(1, COUNT + 1, 2):
        big_corpus.set_status(doc_id, "alice", "done")
    model.reset(filters=DocumentFilter(status="done"))
    assert model.searching  # asked of the runner, not read on the GUI thread
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE)
    model.fetchMore()
    qtbot.waitUntil(lambda: not model.searching)
    done = [model.doc_id(r) for r in range(model.rowCount())]
    assert done == list(range(1, COUNT + 1, 2))  # id order, each once, every one
    assert not model.canFetchMore()
    model.reset(filters=DocumentFilter())  # back to the plain list: read at once
    assert not model.searching and model.rowCount() == COUNT


def test_bad_search_syntax_is_reported_not_raised(qtbot, model) -> None:
    failures: list[str] = []
    model.searchFailed.connect(failures.append)
    searched(qtbot, model, 'NEAR("rockets')
    assert model.rowCount() == 0 and not model.canFetchMore()
    assert failures and "not understood" in failures[0]


class EndlessPage:
    """Stands in for ``Corpus.page``: a search that never ends unless SQLite interrupts it."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.stopped = threading.Event()

    def __get__(self, corpus: Corpus, owner: type) -> Callable[..., list]:
        return lambda *args, **kwargs: self.run(corpus)  # a method of each Corpus

    def run(self, corpus: Corpus) -> list:
        self.started.set()
        try:
            corpus.db.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                              "FROM n) SELECT count(*) FROM n").fetchall()
        except (sqlite3.OperationalError, CorpusError):  # storage says "interrupted" its way
            self.stopped.set()
            raise
        raise AssertionError("an endless query ended")


def test_a_running_search_is_stopped_and_the_next_one_still_works(
        qtbot, model, monkeypatch) -> None:
    endless = EndlessPage()
    real_page = Corpus.page
    monkeypatch.setattr(Corpus, "page", endless)
    states: list[tuple[str, bool]] = []
    model.searchState.connect(lambda text, busy: states.append((text, busy)))
    model.reset(search="shelling")
    qtbot.waitUntil(endless.started.is_set)  # the query is running in its thread
    assert model.searching and not endless.stopped.is_set()
    model.stop_search()
    qtbot.waitUntil(endless.stopped.is_set)  # SQLite really stopped it
    assert not model.searching and states[-1] == ("Search stopped", False)
    monkeypatch.setattr(Corpus, "page", real_page)
    searched(qtbot, model, "district 12")  # the thread's connection still answers
    assert titles(model)[0] == "Report 12"


def test_a_newer_search_replaces_one_still_running(qtbot, model, monkeypatch) -> None:
    endless = EndlessPage()
    real_page = Corpus.page
    monkeypatch.setattr(Corpus, "page", endless)
    model.reset(search="shelling")
    qtbot.waitUntil(endless.started.is_set)
    monkeypatch.setattr(Corpus, "page", real_page)
    model.reset(search="district 7")
    qtbot.waitUntil(endless.stopped.is_set)
    qtbot.waitUntil(lambda: not model.searching)
    assert titles(model)[0] == "Report 7" and model.rowCount() == 11


def test_span_model_passes_the_model_tester(qtmodeltester) -> None:
    model = SpanListModel()
    model.set_colors({"actor": "#3b78d8"})
    text = "Hamas and Hezbollah"
    model.set_spans([Span(start=10, end=19, label="actor", text=text[10:19], coder="a"),
                     Span(start=0, end=5, label="actor", text=text[0:5], coder="a")])
    qtmodeltester.check(model)
    assert model.data(model.index(0)) == "act  Hamas"
    assert model.span_at(1).text == "Hezbollah"
