"""The corpus list: a table model that pages documents from SQL on demand.

Only the rows scrolled into view are ever read, and never the texts, so the
list opens as fast on 100,000 documents as on ten.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from annotator.core.model import DocumentRow
from annotator.core.search import DocumentFilter, fts_query
from annotator.gui.style import STATUS_MARKS
from annotator.storage.corpus import Corpus

PAGE_SIZE = 200
COLUMNS = ("", "Title", "Date", "Spans")
STATUS_COLUMN, TITLE_COLUMN, DATE_COLUMN, SPANS_COLUMN = range(4)

Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    searchFailed = Signal(str)

    def __init__(self, corpus: Corpus, coder: str) -> None:
        super().__init__()
        self._corpus = corpus
        self._coder = coder
        self._rows: list[DocumentRow] = []
        self._row_of: dict[int, int] = {}
        self._exhausted = False
        self._search = ""
        self._filters = DocumentFilter()

    # -- Qt's model interface --------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (STATUS_MARKS.get(row.status, "?"), row.title or "(untitled)",
                    row.date or "", str(row.span_count))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.title}\n{row.status} · {row.span_count} spans · {row.uid}"
            return tip + (f"\n\n{row.snippet}" if row.snippet else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (STATUS_COLUMN, SPANS_COLUMN):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        after = self._rows[-1].id if self._rows else 0
        try:
            page = self._corpus.page(
                self._coder, after_id=after, limit=PAGE_SIZE, search=fts_query(self._search),
                filters=self._filters, offset=len(self._rows),
            )
        except sqlite3.OperationalError as exc:
            self._exhausted = True
            self.searchFailed.emit(f"Search not understood ({exc}). Plain words always work; "
                                   'use quotes in pairs, and AND, OR, NOT between words.')
            return
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for offset, row in enumerate(page):
            self._row_of[row.id] = first + offset
        self._rows.extend(page)
        self.endInsertRows()

    # -- what the window asks ----------------------------------------------

    def reset(self, corpus: Corpus | None = None, coder: str | None = None,
              search: str | None = None, filters: DocumentFilter | None = None) -> None:
        self.beginResetModel()
        self._corpus = corpus or self._corpus
        self._coder = coder or self._coder
        if search is not None:
            self._search = search
        if filters is not None:
            self._filters = filters
        self._rows, self._row_of, self._exhausted = [], {}, False
        self.endResetModel()
        self.fetchMore()

    def doc_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_for(self, doc_id: int) -> int | None:
        """The row of ``doc_id``, reading further pages if it lies beyond them."""
        while doc_id not in self._row_of and not self._exhausted:
            if self._rows and self._rows[-1].id > doc_id and not self._search:
                break
            self.fetchMore()
        return self._row_of.get(doc_id)

    @property
    def search(self) -> str:
        return self._search

    @property
    def filters(self) -> DocumentFilter:
        return self._filters

    def refresh(self, doc_id: int) -> None:
        """Re-read one document's status and span count after an edit."""
        row = self._row_of.get(doc_id)
        if row is None:
            return
        fresh = self._corpus.row(doc_id, self._coder)
        self._rows[row] = dataclasses.replace(
            self._rows[row], status=fresh.status, span_count=fresh.span_count
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
