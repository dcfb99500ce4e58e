"""Putting the shared QApplication back as it looked after a test changed its theme,
text size or layout direction (one QApplication serves every test of a run)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from annotator.gui.appearance import (
    BASE_FONT_PROPERTY,
    BASE_STYLE_PROPERTY,
    STYLE_PROPERTY,
)
from annotator.gui.theme import SCALE_PROPERTY, THEME_PROPERTY


@contextmanager
def kept_appearance(app: QApplication) -> Iterator[QApplication]:
    palette, sheet, font = app.palette(), app.styleSheet(), app.font()
    style, direction = app.property(STYLE_PROPERTY) or app.style().name(), app.layoutDirection()
    try:
        yield app
    finally:
        app.setLayoutDirection(direction)
        if style and (app.property(STYLE_PROPERTY) or app.style().name()) != style:
            app.setStyle(style)
        app.setPalette(palette)
        app.setStyleSheet(sheet)
        app.setFont(font)
        for name in (THEME_PROPERTY, SCALE_PROPERTY, BASE_FONT_PROPERTY, BASE_STYLE_PROPERTY,
                     STYLE_PROPERTY):
            app.setProperty(name, None)
