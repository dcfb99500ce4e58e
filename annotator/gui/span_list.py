"""The spans of the open document, in reading order, for the side panel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from annotator.core.model import Span
from annotator.gui.style import tint
from annotator.storage.span_rows import SpanRows

Index = QModelIndex | QPersistentModelIndex


class SpanListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._spans: Sequence[Span] = SpanRows.of([])
        self._count = 0
        self.owner = ""  # when set, other coders' spans name their coder
        self._colors: dict[str, str] = {}

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = dict(colors)

    def set_spans(self, spans: Sequence[Span]) -> None:
        self.beginResetModel()
        # Rows from the corpus come in reading order; Span objects are made as
        # rows come on screen.
        self._spans = spans if isinstance(spans, SpanRows) else SpanRows.of(spans)
        self._count = len(self._spans)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._spans):
            return None
        span = self._spans[index.row()]
        suggested = span.origin == "suggested"
        if role == Qt.ItemDataRole.DisplayRole:
            text = span.text if len(span.text) <= 60 else span.text[:59] + "…"
            who = f"  · {span.coder}" if self.owner and span.coder != self.owner else ""
            return f"{span.label[:3]}{' ? ' if suggested else '  '}{text}{who}"
        if role == Qt.ItemDataRole.BackgroundRole:
            # A suggestion waiting for review is paler than a coded span.
            return tint(self._colors.get(span.label, "#888888"), 0.07 if suggested else 0.22)
        if role == Qt.ItemDataRole.FontRole and suggested:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{span.label}: {span.text}\n{span.start}–{span.end} · {span.coder}"
        if role == Qt.ItemDataRole.UserRole:
            return span.uid
        return None

    def row_of(self, uid: str) -> int | None:
        return self._spans.row_of(uid) if isinstance(self._spans, SpanRows) else None

    def span_at(self, row: int) -> Span | None:
        return self._spans[row] if 0 <= row < len(self._spans) else None
