"""The window opens within the screen, and a 1280×720 laptop screen has room for it."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from annotator.gui.style import PREFERRED_SIZE, fit_to_screen


def test_the_window_opens_within_the_screen_and_fits_a_laptop(window) -> None:
    room = window.screen().availableGeometry()
    assert room.contains(window.frameGeometry().topLeft())
    assert window.width() <= max(room.width(), PREFERRED_SIZE[0])
    assert window.height() <= max(room.height(), PREFERRED_SIZE[1])
    # What its panes need at least leaves room on a 1280×720 screen (menus, panes, the
    # document strip and the status bar included).
    needed = window.minimumSizeHint()
    assert needed.width() <= 1280 and needed.height() <= 720, needed


def test_a_small_screen_gets_the_window_within_its_free_area(qtbot, monkeypatch) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    screen = widget.screen()
    monkeypatch.setattr(type(screen), "availableGeometry",
                        lambda _self: QRect(0, 24, 1280, 696))
    fit_to_screen(widget)
    assert (widget.width(), widget.height()) == (1280, 696)
    assert (widget.x(), widget.y()) == (0, 24)
    monkeypatch.setattr(type(screen), "availableGeometry",
                        lambda _self: QRect(0, 0, 2560, 1440))
    fit_to_screen(widget)
    assert (widget.width(), widget.height()) == PREFERRED_SIZE
