"""The plain corpus list at any size: every document has its row from the start, the
view's scroll bar goes to the end at once, only the pages shown are read and only
the last few are kept; the window shows a document far down the list in its row."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from annotator.core.model import DocumentRecord
from annotator.gui.document_list import PAGE_SIZE, PAGES_KEPT, SPANS_COLUMN, DocumentListModel
from annotator.gui.panes import DocumentPane
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from tests.gui.conftest import open_window

COUNT = (PAGES_KEPT + 5) * PAGE_SIZE + 17


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "long.sqlite"
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=f"Report {n}: shelling in district {n}.",
                                              title=f"Report {n}") for n in range(COUNT)])
        corpus.db.execute("DELETE FROM documents WHERE id = 7")  # ids need not follow on
    return path


def shown_rows(pane: DocumentPane) -> list[int]:
    table = pane.table
    top = table.rowAt(0)
    bottom = table.rowAt(table.viewport().height() - 1)
    return list(range(top, (bottom if bottom >= 0 else table.model().rowCount() - 1) + 1))


def test_the_scroll_bar_reaches_the_last_document_reading_one_page(
        qtbot, long_corpus: Path) -> None:
    corpus = Corpus.open(long_corpus)
    model = DocumentListModel(corpus, "alice")
    model.reset()
    pane = DocumentPane(model)
    qtbot.addWidget(pane)
    pane.resize(400, 600)
    pane.show()
    qtbot.waitExposed(pane)
    assert model.rowCount() == COUNT - 1  # every document, none read to know it
    statements: list[str] = []
    corpus.db.conn.set_trace_callback(statements.append)
    pane.table.scrollToBottom()
    qtbot.waitUntil(lambda: bool(pane.table.rowAt(0) > 0))
    QApplication.processEvents()
    corpus.db.conn.set_trace_callback(None)
    last = shown_rows(pane)[-1]
    assert last == COUNT - 2
    assert model.index(last, 1).data() == f"Report {COUNT - 1}"
    reads = [s for s in statements if "FROM documents d" in s]
    assert len(reads) <= 2  # the last page (and the one before it if both are shown)
    model.close()
    corpus.close()


def test_scrolling_through_everything_keeps_only_the_last_pages(
        qtbot, long_corpus: Path) -> None:
    corpus = Corpus.open(long_corpus)
    model = DocumentListModel(corpus, "alice")
    model.reset()
    titles = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert titles == [f"Report {n}" for n in range(COUNT) if n != 6]  # each once, in order
    assert len(model._pages) == PAGES_KEPT  # the rows read first were let go
    assert model.row_for(3) == 2 and model.index(2, 1).data() == "Report 2"  # read again
    model.close()
    corpus.close()


def test_a_count_read_with_its_page_widens_the_column(qtbot, tmp_path: Path) -> None:
    corpus = Corpus.open(tmp_path / "wide.sqlite")
    add_documents(corpus, [DocumentRecord(text="x" * 20_000 if n == 3 * PAGE_SIZE - 1 else
                                          f"Report {n}.", title=f"Report {n}")
                           for n in range(3 * PAGE_SIZE)])
    # The last document, on the last page, has more spans than the column was made for.
    corpus.ensure_coder("alice")
    corpus.db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 12344) "
        'INSERT INTO spans (uid, doc_id, start, "end", label, text, coder, origin, '
        "created_at, updated_at) SELECT 'wide-' || i, ?, i, i + 1, 'actor', 'x', 'alice', "
        "'manual', '', '' FROM n", [3 * PAGE_SIZE])
    model = DocumentListModel(corpus, "alice")
    model.reset()
    pane = DocumentPane(model)
    qtbot.addWidget(pane)
    pane.resize(400, 600)
    pane.show()
    qtbot.waitExposed(pane)
    wide = pane._cell_width("12345")
    assert pane.table.columnWidth(SPANS_COLUMN) < wide
    pane.table.scrollToBottom()
    qtbot.waitUntil(lambda: pane.table.columnWidth(SPANS_COLUMN) >= wide)
    model.close()
    corpus.close()


def test_the_window_shows_a_document_far_down_in_its_row(qtbot, long_corpus: Path,
                                                          prompts) -> None:
    window = open_window(qtbot, long_corpus, prompts)
    far = COUNT - 5
    window.session.show_document(far)
    row = window.documents.row_for(far)
    assert row == far - 2  # one document before it was removed
    assert window.document_pane.table.currentIndex().row() == row
    assert window.documents.index(row, 1).data() == f"Report {far - 1}"
    window.close()
