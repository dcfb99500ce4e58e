"""The selected-span panel: every field of the largest label in sight on a 1280×720
screen, its guide on one line until asked for, and the field with the keyboard
marked after F2."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from annotator.core.default_codebook import default_schema
from annotator.core.schema import BUILT_IN
from annotator.gui.attribute_form import FOCUS_PROPERTY
from annotator.gui.main_window import MainWindow
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from tests.gui.helpers import press

PLACE = "Ain al-Assad airbase"
KEYS = {"actor": "1", "casualty": "2", "location": "3"}


@pytest.fixture
def laptop(qtbot, sample_corpus, prompts, monkeypatch) -> MainWindow:
    """The window as it opens on a 1280×720 screen: fit to the screen's free area."""
    screen = QWidget().screen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda _self: QRect(0, 0, 1280, 720))
    main = MainWindow(Corpus.open(sample_corpus), "alice", Settings(), prompts)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def largest_labels() -> list[str]:
    """The default codebook's labels with the most fields."""
    labels = default_schema().labels
    most = max(len(label.attributes) for label in labels)
    return [label.name for label in labels if len(label.attributes) == most]


def tag(window: MainWindow, phrase: str, label: str) -> None:
    at = window.view.text.index(phrase)
    window.view.select_range(at, at + len(phrase))
    press(window.view, KEYS[label])
    span = window.view.selected_span()
    assert span is not None and span.label == label


def settle(qtbot, pane) -> None:
    """Wait for the pane's layout to follow a new span or size: the fields fit when
    the scroll area needs no scroll bar and its page is as wide as its view."""
    area = pane.form_area
    qtbot.waitUntil(lambda: not area.verticalScrollBar().isVisible()
                    and area.widget().width() == area.viewport().width())


def fully_visible(widget: QWidget, viewport: QWidget) -> bool:
    """Whether all of ``widget`` shows, inside ``viewport`` (nothing scrolled off or
    covered by the pane's edge, not squeezed)."""
    where = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return (widget.isVisible() and viewport.rect().contains(where)
            and widget.visibleRegion().boundingRect() == widget.rect()
            # at its own height, not squeezed into the space left
            and widget.height() >= widget.sizeHint().height())


@pytest.mark.parametrize("label", largest_labels())
def test_every_field_of_the_largest_label_shows_at_1280_by_720(
        qtbot, laptop: MainWindow, label: str) -> None:
    window = laptop
    assert window.size() == QSize(1280, 720)
    assert window.minimumSizeHint().height() <= 720
    tag(window, PLACE, label)
    pane = window.span_pane
    area = pane.form_area
    names = [a.name for a in default_schema().label(label).attributes] + list(BUILT_IN)
    editors = [pane.form.editor(name) for name in names]
    assert len(editors) == 8
    settle(qtbot, pane)
    hidden = [name for name, editor in zip(names, editors, strict=True)
              if not fully_visible(editor, area.viewport())]
    assert hidden == []
    assert area.verticalScrollBar().value() == 0
    captions = [pane.form.caption(name) for name in names]
    assert all(fully_visible(caption, area.viewport()) for caption in captions)
    # Captions keep clear of the pane's edge.
    assert all(caption.mapTo(area.viewport(), QPoint(0, 0)).x() >= 4 for caption in captions)
    # The other parts keep a few rows of their own.
    assert pane.list.height() >= 60 and pane.events.height() >= 40


def test_the_panel_keeps_its_fields_when_the_window_shrinks_to_a_laptop_screen(
        qtbot, laptop: MainWindow) -> None:
    window = laptop
    window.resize(1360, 860)
    qtbot.waitUntil(lambda: window.size() == QSize(1360, 860))
    tag(window, PLACE, "location")
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.size() == QSize(1280, 720))
    pane = window.span_pane
    qtbot.waitUntil(lambda: pane.height() < 680)
    settle(qtbot, pane)
    note = pane.form.editor("note")
    assert fully_visible(note, pane.form_area.viewport())


def test_the_labels_guide_is_one_line_until_opened(qtbot, laptop: MainWindow) -> None:
    window = laptop
    tag(window, PLACE, "location")
    pane = window.span_pane
    card = pane.details
    guide = "Where it happened: a place, base, town, region or country."
    assert guide in card.text()  # all of it, cut at the card's edge
    assert guide in card.toolTip()
    lines = card.fontMetrics().lineSpacing()
    closed = card.heightForWidth(card.width())
    assert closed < 4 * lines + 24  # label and text, where and who, the guide's line
    pane.toggle_guide()
    assert pane.guide_open
    assert card.heightForWidth(card.width()) > closed
    pane.toggle_guide()
    assert card.heightForWidth(card.width()) == closed


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def test_after_f2_the_field_with_the_keyboard_and_its_caption_are_marked(
        qtbot, window: MainWindow) -> None:
    tag(window, PLACE, "location")
    form = window.span_pane.form
    role, precision = form.editor("role"), form.editor("precision")
    role_caption = form.caption("role")
    before = grab(role_caption)
    assert not role.property(FOCUS_PROPERTY)
    press(window.view, Qt.Key.Key_F2)
    qtbot.waitUntil(role.hasFocus)
    assert role.property(FOCUS_PROPERTY) and role_caption.property(FOCUS_PROPERTY)
    assert grab(role_caption) != before  # the caption looks different, not only says so
    assert not precision.property(FOCUS_PROPERTY)
    QTest.keyClick(role, Qt.Key.Key_Tab)
    qtbot.waitUntil(precision.hasFocus)
    assert precision.property(FOCUS_PROPERTY)
    assert form.caption("precision").property(FOCUS_PROPERTY)
    assert not role.property(FOCUS_PROPERTY) and not role_caption.property(FOCUS_PROPERTY)
    assert grab(role_caption) == before
    window.view.setFocus()  # back to the article: no field is marked
    qtbot.waitUntil(window.view.hasFocus)
    assert not precision.property(FOCUS_PROPERTY)

