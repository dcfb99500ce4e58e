"""The Links list: the selected span's relations, outgoing and incoming.

A thin list model over plain rows (a span has a handful of links, so the rows are
made again whenever the selection or the relations change), and a list view that
keeps Delete and Enter for itself: Delete removes the link under the cursor (not the
selected span, which the window's Delete would), Enter changes its type.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from annotator.core.model import Relation

Index = QModelIndex | QPersistentModelIndex


class LinkRow(NamedTuple):
    relation: Relation
    outgoing: bool  # from the selected span (it is the head), else to it
    other: str  # the other span's words, as the span list shows them
    other_label: str


class LinkListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[LinkRow] = []

    def set_rows(self, rows: list[LinkRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            other = row.other if len(row.other) <= 48 else row.other[:47] + "…"
            arrow = "→" if row.outgoing else "←"
            return f"{arrow} {row.relation.label}  {other}"
        if role == Qt.ItemDataRole.ToolTipRole:
            label = row.relation.label
            words = (self.tr("this span —{label}→ “{other}”") if row.outgoing
                     else self.tr("“{other}” —{label}→ this span"))
            who = self.tr("{label} · coder {coder}")
            return (words.format(label=label, other=row.other) + "\n"
                    + who.format(label=row.other_label, coder=row.relation.coder))
        if role == Qt.ItemDataRole.UserRole:
            return row.relation.uid
        return None

    def row_at(self, row: int) -> LinkRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class LinkListView(QListView):
    removeRequested = Signal()
    editRequested = Signal()

    _REMOVE = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
    _EDIT = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.doubleClicked.connect(lambda _index: self.editRequested.emit())

    def event(self, event: QEvent) -> bool:
        # The window gives Delete, Backspace and F2 to the selected span; in this list
        # they mean the link, so the list takes them before the window's shortcuts.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and event.key() in (*self._REMOVE, *self._EDIT)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if event.key() in self._REMOVE:
                self.removeRequested.emit()
                return
            if event.key() in self._EDIT:
                self.editRequested.emit()
                return
        super().keyPressEvent(event)
