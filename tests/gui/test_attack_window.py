"""Attacks on the window's wiring of the session: another program writing while the
coder selects and types, removals and their undo, Alt (exact) and snapped drags over
hostile text, and damaged settings files.

The tests marked ``xfail(strict=True)`` are bugs found here: each fails today and
names where the fault is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.model import DocumentRecord, Span
from annotator.core.offsets import Utf16Map
from annotator.gui.article_view import ArticleView
from annotator.gui.geometry import screen_key
from annotator.gui.main_window import MainWindow
from annotator.gui.theme import THEME_PROPERTY, text_scale
from annotator.settings import Settings, config_dir
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from tests.gui.conftest import LAPTOP
from tests.gui.helpers import click_at, drag_select, press

ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_window(qtbot, path: Path, prompts, settings: Settings | None = None) -> MainWindow:
    window = MainWindow(Corpus.open(path), "alice", settings or Settings(), prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # label keys go to the active window
    qtbot.waitUntil(window.isActiveWindow)
    return window


def written_elsewhere(window: MainWindow) -> None:
    """Another program commits something unrelated to the open document."""
    with Corpus.open(window.corpus.path) as other:
        doc = other.neighbour(window.doc_id or 0, 1, "bob") or window.doc_id or 1
        other.set_status(doc, "bob", "done")


def tag(window: MainWindow, phrase: str, key: str = "1") -> Span:
    view = window.view
    start = view.text.index(phrase)
    drag_select(view, start, start + len(phrase))
    press(view, key)
    span = window.session.current_span
    assert span is not None and span.text == phrase
    return span


def list_selection(window: MainWindow) -> list[str]:
    model = window.span_pane.list.selectionModel()
    rows = sorted({index.row() for index in model.selectedIndexes()})
    return [span.uid for span in (window.spans.span_at(row) for row in rows) if span]


# -- another program writes while the coder works --------------------------------------------


def test_writes_elsewhere_keep_the_selected_spans_in_the_text_and_the_list(
        window: MainWindow) -> None:
    a, b = tag(window, "Katyusha"), tag(window, "Ain al-Assad")
    window.session.select(a.uid, b.uid)
    written_elsewhere(window)
    assert window.pick_up_outside_changes()
    assert window.session.selected_uids == (a.uid, b.uid)
    assert window.view.selected_span_uids() == [a.uid, b.uid]
    assert list_selection(window) == [a.uid, b.uid]
    with Corpus.open(window.corpus.path) as other:  # now one of them is removed there
        other.delete_span(other.span(a.uid))
    assert window.pick_up_outside_changes()
    assert window.session.selected_uids == (b.uid,)
    assert window.view.selected_span_uids() == [b.uid]
    assert list_selection(window) == [b.uid]


def test_a_write_elsewhere_keeps_what_the_coder_is_typing_in_an_attribute(
        qtbot, window: MainWindow) -> None:
    span = tag(window, "Ain al-Assad", "3")
    editor = window.span_pane.form.editor("note")
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    QTest.keyClicks(editor, "seen on video")  # not yet confirmed with Enter
    written_elsewhere(window)
    assert window.pick_up_outside_changes()
    press(editor, Qt.Key.Key_Return)
    assert window.corpus.span(span.uid).attrs.get("note") == "seen on video"


def test_a_write_elsewhere_keeps_the_text_selection_and_the_place_in_the_article(
        window: MainWindow) -> None:
    view = window.view
    start = view.text.rindex("Iraq")
    drag_select(view, start, start + 4)
    bar = view.verticalScrollBar()
    assert bar.value() > 0  # the selection is far down the article
    chosen, place = view.raw_selection(), bar.value()
    written_elsewhere(window)
    assert window.pick_up_outside_changes()
    assert (view.raw_selection(), bar.value()) == (chosen, place)


# -- removing and undoing ---------------------------------------------------------------------


@pytest.mark.parametrize("which", [0, 1, 2])
def test_undoing_a_removal_in_the_window_selects_no_other_span(window: MainWindow,
                                                                which: int) -> None:
    view = window.view
    phrases = ["Katyusha", "Ain al-Assad", "Iraqi"]
    spans = [tag(window, phrase) for phrase in phrases]
    click_at(view, view.text.index(phrases[which]) + 1)
    assert window.session.selected_uids == (spans[which].uid,)
    press(view, Qt.Key.Key_Delete)
    for step in ("removed", "undone", "redone", "undone again"):
        assert window.session.selected_uids == ()
        assert view.selected_span_uids() == [] and view.selected_span() is None
        assert list_selection(window) == []
        if step == "removed":
            press(view, Qt.Key.Key_Z, CTRL)
        elif step == "undone":
            press(view, Qt.Key.Key_Z, CTRL | SHIFT)
        elif step == "redone":
            press(view, Qt.Key.Key_Z, CTRL)
    assert [s.uid for s in window.session.spans] == [s.uid for s in spans]


def test_undoing_a_removal_keeps_the_other_selected_span(window: MainWindow) -> None:
    a, b, c = (tag(window, phrase) for phrase in ("Katyusha", "Ain al-Assad", "Iraqi"))
    window.session.select(c.uid, a.uid)  # a is current
    window.coding.remove_selected_span()
    assert window.session.selected_uids == (c.uid,)
    press(window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.selected_uids == (c.uid,)
    assert window.view.selected_span_uids() == [c.uid] and list_selection(window) == [c.uid]
    assert window.view.selected_span() == window.session.current_span
    assert b.uid not in window.session.selected_uids


# -- hostile text: exact and snapped selections -----------------------------------------------

HOSTILE = ("Le cafe\u0301 «Ḥamās» \u200fمرحبا بكم\u200f 👨\u200d👩\u200d👧 at Gao\x85 "
           "Ma\u0308dchen n\u0303o x\u0301\u0301\u0301y 🇲🇱 flag \u202etxet\u202c, end.")


@pytest.fixture
def hostile_window(qtbot, tmp_path: Path, prompts) -> Iterator[MainWindow]:
    path = tmp_path / "hostile.sqlite"
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=HOSTILE, uid="hostile")])
    window = open_window(qtbot, path, prompts)
    window.resize(*LAPTOP)
    assert window.view.text == HOSTILE
    yield window


def caret(view: ArticleView, codepoint: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(Utf16Map(view.text).to_utf16(codepoint))
    rect = view.cursorRect(cursor)
    return QPoint(rect.x(), rect.center().y())


def drag(view: ArticleView, start: int, end: int, keys: Qt.KeyboardModifier) -> None:
    """Press at the caret before ``start``, drag to the one before ``end``, release."""
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, keys, caret(view, start))
    QTest.mouseMove(viewport, caret(view, end))
    QTest.mouseRelease(viewport, LEFT, keys, caret(view, end))


# Ranges over the hostile text: inside a word with a combining mark, over an emoji
# family, inside right-to-left words, a flag, mid-way through stacked marks.
RANGES = [("caf", 0), ("cafe\u0301", 0), ("👨\u200d👩", 0), ("مرحبا", 1),
          ("بكم", 0), ("Ma\u0308d", 0), ("🇲🇱", 0), ("x\u0301\u0301", 0), ("txet", 0),
          ("«Ḥamās»", 0), ("Gao\x85", 0)]


def ranges() -> Iterator[tuple[int, int]]:
    for phrase, extra in RANGES:
        start = HOSTILE.index(phrase)
        yield start, start + len(phrase) + extra


def test_an_alt_drag_tags_exactly_what_was_dragged(hostile_window: MainWindow) -> None:
    window, view = hostile_window, hostile_window.view
    for start, end in ranges():
        drag(view, start, end, ALT)
        dragged = view.raw_selection()
        assert dragged[0] < dragged[1]
        assert view.selection() == dragged  # Alt: not snapped
        press(view, "1")
        span = window.session.current_span
        assert span is not None, (start, end)
        assert (span.start, span.end) == dragged
        assert span.text == HOSTILE[dragged[0]:dragged[1]]
        assert window.session.remove(span)


def test_a_snapped_drag_tags_what_it_shows_inside_the_text(hostile_window: MainWindow) -> None:
    window, view = hostile_window, hostile_window.view
    for start, end in ranges():
        drag(view, start, end, NONE)
        shown = view.raw_selection()  # the snapped extent, shown on release
        assert 0 <= shown[0] < shown[1] <= len(HOSTILE)
        assert view.selection() == shown
        press(view, "1")
        span = window.session.current_span
        assert span is not None and (span.start, span.end) == shown
        assert window.corpus.span(span.uid).text == HOSTILE[shown[0]:shown[1]]
        assert window.session.remove(span)


# -- damaged settings -------------------------------------------------------------------------


def write_settings(raw: object) -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps(raw), encoding="utf-8")


def inside_the_screen(window: MainWindow) -> bool:
    room = window.screen().availableGeometry()
    return room.contains(QRect(window.pos(), window.size()))


DAMAGED_PLACES = [
    {"x": "10", "y": 10, "width": 600, "height": 500, "maximized": 0},
    {"x": 10.5, "y": 10, "width": 600, "height": 500, "maximized": 0},
    {"x": True, "y": 10, "width": 600, "height": 500, "maximized": 0},
    {"x": 10, "y": 10, "width": -600, "height": 500, "maximized": 0},
    {"x": 10, "y": 10, "width": 10 ** 30, "height": 10 ** 30, "maximized": 0},
    {"x": 10, "y": 10, "width": 600, "height": 500},
    {"x": -(10 ** 12), "y": -(10 ** 12), "width": 300, "height": 250, "maximized": 0},
    {"x": 10, "y": 10, "width": 0, "height": 0, "maximized": 7},
    None, [], "place", 12,
]


@pytest.mark.parametrize("damage", DAMAGED_PLACES)
def test_a_damaged_place_for_this_screen_opens_the_window_inside_it(
        qtbot, sample_corpus: Path, prompts, damage: object) -> None:
    key = screen_key(QApplication.primaryScreen())
    write_settings({"window_places": {key: damage, "gone 1x1+0+0": damage},
                    "window_screen": key})
    window = open_window(qtbot, sample_corpus, prompts, Settings.load())
    assert inside_the_screen(window)
    assert window.width() >= 200 and window.height() >= 200


def test_a_place_kept_only_for_a_screen_that_is_gone_falls_back_inside_this_one(
        qtbot, sample_corpus: Path, prompts) -> None:
    write_settings({"window_places": {"HDMI-9 3840x2160+1280+0": {
        "x": 2000, "y": 300, "width": 1800, "height": 1000, "maximized": 1}},
        "window_screen": "HDMI-9 3840x2160+1280+0"})
    window = open_window(qtbot, sample_corpus, prompts, Settings.load())
    assert inside_the_screen(window)
    assert not window.isMaximized()


def test_a_place_smaller_than_the_window_can_be_still_opens_it_inside_the_screen(
        qtbot, sample_corpus: Path, prompts) -> None:
    room = QApplication.primaryScreen().availableGeometry()
    key = screen_key(QApplication.primaryScreen())
    write_settings({"window_places": {key: {
        "x": room.right() - 250, "y": room.bottom() - 250, "width": 250, "height": 250,
        "maximized": 0}}, "window_screen": key})
    window = open_window(qtbot, sample_corpus, prompts, Settings.load())
    assert window.minimumSizeHint().width() > 250  # the place is smaller than it can be
    assert inside_the_screen(window)


@pytest.mark.parametrize("theme, scale", [
    ("DARK", "130"), (["dark"], 130.0), ({"dark": 1}, True), ("dark\u0000", 10 ** 40),
    (None, -115), (7, [130]), ("", {"x": 1})])
def test_a_damaged_theme_or_text_size_opens_light_at_the_usual_size(
        qtbot, sample_corpus: Path, prompts, theme: object, scale: object) -> None:
    write_settings({"theme": theme, "text_scale": scale})
    settings = Settings.load()
    assert (settings.theme, settings.text_scale) == ("light", 100)
    open_window(qtbot, sample_corpus, prompts, settings)
    app = QApplication.instance()
    assert app is not None and app.property(THEME_PROPERTY) == "light"
    assert text_scale() == 100


def test_a_settings_file_of_deeply_nested_json_starts_afresh() -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    assert Settings.load() == Settings()
