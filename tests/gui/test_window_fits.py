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


def test_nothing_shown_holds_the_window_wider_than_a_small_screen(window) -> None:
    """The document's questions, a long span quoted over its links, and the biggest
    form leave the window narrow enough for a 1024-pixel screen."""
    text = window.view.text
    start = text.index("At least five US personnel")
    window.session.tag(start, start + len("At least five US personnel"), "casualty")
    assert window.span_pane.form.minimumSizeHint().width() > 0
    assert window.minimumSizeHint().width() <= 800
    window.resize(820, 700)
    assert window.width() <= 830


def test_the_documents_questions_show_at_their_full_height(window) -> None:
    from annotator.gui.doc_label_pane import StripArea

    area = window.findChild(StripArea)
    strip = window.doc_labels.strip
    assert area is not None and area.isVisible() and strip.isVisible()
    assert area.height() >= strip.sizeHint().height()
    for field in strip.findChildren(QWidget):
        if field.isVisible():  # every question's field inside the row's height
            assert field.geometry().bottom() < area.height(), field
