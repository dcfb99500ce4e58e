"""Small pieces the side panes share: a pane title, a column of widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def pane_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("paneTitle")
    return label


def column(*widgets: QWidget, margins: tuple[int, int, int, int] = (4, 4, 8, 4)) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(*margins)
    for widget in widgets:
        layout.addWidget(widget)
    return box
