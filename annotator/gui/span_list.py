"""The spans of the open document, in reading order, for the side panel.

A thin adapter over ``SpanRows``: rows read later and rows an edit adds, removes
or changes arrive as ``rowsInserted``, ``rowsRemoved`` and ``dataChanged`` for
those rows alone; the list is reset only when another document is shown.

The list is shown in a one-column table (``SpanListView``): a ``QListView`` lays
out every row again after any row is inserted or removed (through PySide, about
1.8 µs a row: 160 ms of work after each tag on a report with 100,000 spans),
where a table with rows of one fixed height only shifts its row positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.commands import CONFIDENCE_ATTR, SOURCE_ATTR
from annotator.core.model import Span
from annotator.gui.theme import themed_tint
from annotator.storage.span_rows import Place, RowsListener, SpanRows

Index = QModelIndex | QPersistentModelIndex


class _RowsToModel(RowsListener):
    """Turns the rows' news into the model's signals (a QObject cannot also be one)."""

    def __init__(self, model: SpanListModel) -> None:
        self._model = model

    def rows_inserting(self, row: int, count: int) -> None:
        self._model.beginInsertRows(QModelIndex(), row, row + count - 1)

    def rows_inserted(self, row: int, places: Sequence[Place]) -> None:
        self._model._count += len(places)
        self._model.endInsertRows()

    def row_removing(self, row: int) -> None:
        self._model.beginRemoveRows(QModelIndex(), row, row)

    def row_removed(self, row: int, place: Place) -> None:
        self._model._count -= 1
        self._model.endRemoveRows()

    def row_changed(self, row: int, before: Place, after: Place) -> None:
        index = self._model.index(row)
        self._model.dataChanged.emit(index, index)


class SpanListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._spans = SpanRows.of([])
        self._count = 0  # rows loaded: the list grows as a long report's are read
        self._listener = _RowsToModel(self)
        self.owner = ""  # when set, other coders' spans name their coder
        self._colors: dict[str, str] = {}

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = dict(colors)

    def set_spans(self, spans: Sequence[Span]) -> None:
        """Show ``spans``; ``SpanRows`` are followed from then on. The rows shown now
        are already followed: nothing is reset for them."""
        if spans is self._spans:
            return
        self.beginResetModel()
        self._spans.unsubscribe(self._listener)
        # Rows from the corpus come in reading order; Span objects are made as
        # rows come on screen.
        self._spans = spans if isinstance(spans, SpanRows) else SpanRows.of(spans)
        self._spans.subscribe(self._listener)
        self._count = self._spans.loaded
        self.endResetModel()

    @property
    def spans(self) -> SpanRows:
        return self._spans

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._spans.complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._spans.load_more()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        span = self._spans[index.row()]
        suggested = span.origin == "suggested"
        if role == Qt.ItemDataRole.DisplayRole:
            text = shown_text(span)
            text = text if len(text) <= 60 else text[:59] + "…"
            who = f"  · {span.coder}" if self.owner and span.coder != self.owner else ""
            return f"{span.label[:3]}{' ? ' if suggested else '  '}{text}{who}"
        if role == Qt.ItemDataRole.BackgroundRole:
            # A suggestion waiting for review is paler than a coded span.
            return themed_tint(self._colors.get(span.label, "#888888"),
                               0.07 if suggested else 0.22)
        if role == Qt.ItemDataRole.FontRole and suggested:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{span.label}: {shown_text(span)}\n{span.start}–{span.end} · {span.coder}"
            made_by = provenance(span)
            return f"{tip}\n{made_by}" if made_by else tip
        if role == Qt.ItemDataRole.UserRole:
            return span.uid
        return None

    def row_of(self, uid: str) -> int | None:
        return self._spans.row_of(uid)

    def span_at(self, row: int) -> Span | None:
        return self._spans[row] if 0 <= row < self._count else None


def provenance(span: Span) -> str:
    """What suggested a span and how sure it was ("suggested by corpus model, 87% sure"),
    in the coder's language; the source alone where it gave no confidence, "" for a span
    no reader suggested."""
    source = span.attrs.get(SOURCE_ATTR)
    if not isinstance(source, str) or not source:
        return ""
    sure = span.attrs.get(CONFIDENCE_ATTR)
    # A number from 0 to 1 (a model's); anything else in a hand-edited row is not shown.
    if isinstance(sure, int | float) and not isinstance(sure, bool) and 0 <= sure <= 1:
        return QCoreApplication.translate("SpanList", "suggested by {source}, {percent}% sure"
                                          ).format(source=source, percent=round(sure * 100))
    return QCoreApplication.translate("SpanList", "suggested by {source}").format(source=source)


def shown_text(span: Span) -> str:
    """A span's words as a coder reads them: a discontinuous span's pieces joined by
    " … " ("is … n't"), not its gap."""
    return " … ".join(span.fragment_texts()) if span.fragments else span.text


class SpanListView(QTableView):
    """The span list: a one-column table that looks and acts like a list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        # One height for every row: Qt then asks only for the rows on screen, and an
        # inserted or removed row moves the others without measuring them.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as from any list
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several spans can be selected at once, to group them into an event.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
