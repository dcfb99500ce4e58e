"""The corpus list after the window closed: a view that paints once more and asks
for rows starts no search thread again (it would outlive the window)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from annotator.core.search import DocumentFilter
from annotator.gui.main_window import MainWindow


def test_no_search_thread_starts_after_the_window_closed(window: MainWindow) -> None:
    documents = window.documents
    documents.reset(filters=DocumentFilter(status="done"))  # listed in the background
    assert documents._runner is not None
    window.close()
    assert documents._runner is None
    assert not documents.canFetchMore(QModelIndex())
    documents.fetchMore(QModelIndex())  # what a view painting after the close asks
    QApplication.processEvents()
    assert documents._runner is None
