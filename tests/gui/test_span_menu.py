"""The right-click menu of a span: each label's key said once, and the entries still work."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from annotator.gui.main_window import MainWindow
from annotator.gui.span_menu import span_menu
from tests.gui.helpers import drag_select, press

PHRASE = "Ain al-Assad airbase"


def menu_for_a_location(window: MainWindow) -> QMenu:
    start = window.view.text.index(PHRASE)
    drag_select(window.view, start, start + len(PHRASE))
    press(window.view, "3")
    span = window.view.selected_span()
    assert span is not None and span.label == "location"
    return span_menu(window, span, window.view.text, window.label_actions,
                     window.coding.remove_action, window.relation_actions,
                     window.fragment_actions)


def test_each_label_entry_names_its_key_once(qtbot, window: MainWindow) -> None:
    menu = menu_for_a_location(window)
    qtbot.addWidget(menu)
    entries = menu.actions()[:len(window.label_actions)]
    shown = [(a.text(), a.shortcut().toString()) for a in entries]
    assert shown == [("Actor", "1"), ("Casualty", "2"), ("Location", "3")]
    for action, entry in zip(window.label_actions, entries, strict=True):
        assert entry.shortcuts() == action.shortcuts()  # the initials too (A, C, L)


def test_an_entry_relabels_the_span_and_follows_its_action(qtbot, window: MainWindow) -> None:
    menu = menu_for_a_location(window)
    qtbot.addWidget(menu)
    [actor] = [a for a in menu.actions() if a.text() == "Actor"]
    actor.trigger()
    assert [s.label for s in window.corpus.spans(window.doc_id)] == ["actor"]

    window.label_actions[1].setEnabled(False)  # as on a read-only corpus
    menu = menu_for_a_location(window)
    qtbot.addWidget(menu)
    assert [a.isEnabled() for a in menu.actions()[:3]] == [True, False, True]
