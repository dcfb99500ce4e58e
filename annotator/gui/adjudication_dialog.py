"""Adjudication: every coder's spans side by side, stretch by stretch; keys settle gold.

Keys on a row: 1–9 take that coder's version, B takes every coder's spans,
Delete leaves the stretch with no gold span, A takes every agreed stretch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.adjudication import Item, items
from annotator.core.model import Span
from annotator.gui.theme import current_theme

Take = Callable[[Item, list[Span]], None]


def _shown(spans: Sequence[Span]) -> str:
    return "; ".join(f"{s.label}: {s.text}" for s in spans) or "—"


class AdjudicationTable(QTableWidget):
    def __init__(self, dialog: AdjudicationDialog) -> None:
        super().__init__()
        self._dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._dialog.key(event.key(), event.text()):
            super().keyPressEvent(event)


class AdjudicationDialog(QDialog):
    def __init__(self, parent: QWidget | None, spans: Callable[[], Sequence[Span]],
                 coders: Sequence[str], take: Take) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Adjudicate"))
        self._spans, self._coders, self._take = spans, list(coders), take
        self.items: list[Item] = []
        keys = ", ".join(f"{i + 1} {c}" for i, c in enumerate(self._coders))
        self.help = QLabel(self.tr("Take a version: {keys}; B both; Delete none; "
                                   "A every agreed row.").format(keys=keys))
        self.table = AdjudicationTable(self)
        self.table.setColumnCount(len(self._coders) + 2)
        self.table.setHorizontalHeaderLabels([self.tr("where"), *self._coders, self.tr("gold")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.refresh()
        if self.items:
            self.table.selectRow(next((i for i, item in enumerate(self.items)
                                       if not item.agreed), 0))

    def refresh(self) -> None:
        row = max(self.table.currentRow(), 0)
        self.items = items(self._spans(), self._coders)
        self.table.setRowCount(len(self.items))
        for index, item in enumerate(self.items):
            cells = [f"{item.start}–{item.end}",
                     *(_shown(item.version_of(c)) for c in self._coders), _shown(item.gold)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if not item.agreed and 0 < column <= len(self._coders):
                    cell.setBackground(QColor(current_theme().disagreement))
                self.table.setItem(index, column, cell)
        if self.items:
            self.table.selectRow(min(row, len(self.items) - 1))

    def key(self, key: int, text: str) -> bool:
        """Handle an adjudication key on the current row; False if it is not one."""
        row = self.table.currentRow()
        item = self.items[row] if 0 <= row < len(self.items) else None
        if text.isdigit() and item is not None and 1 <= int(text) <= len(self._coders):
            self._settle(item, list(item.version_of(self._coders[int(text) - 1])))
        elif text.lower() == "b" and item is not None:
            union: dict[tuple[int, int, str], Span] = {}
            for coder in self._coders:
                for span in item.version_of(coder):
                    union.setdefault((span.start, span.end, span.label), span)
            self._settle(item, list(union.values()))
        elif key == Qt.Key.Key_Delete and item is not None:
            self._settle(item, [])
        elif text.lower() == "a":
            for agreed in [i for i in self.items if i.agreed]:
                self._take(agreed, list(agreed.version_of(self._coders[0])))
            self.refresh()
        else:
            return False
        return True

    def _settle(self, item: Item, chosen: list[Span]) -> None:
        self._take(item, chosen)
        self.refresh()
        following = self.table.currentRow() + 1
        if following < len(self.items):
            self.table.selectRow(following)
