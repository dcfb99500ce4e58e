"""A coder links spans from the keyboard: stored, listed, retyped, removed, undone, refused
with a reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.gui.main_window import MainWindow
from annotator.session.actions import ACTIONS
from annotator.storage.corpus import Corpus
from tests.gui.helpers import click_at, drag_select, press

LINK, NEXT_SPAN = ACTIONS["link.start"], ACTIONS["link.next_span"]

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
PLACE = "Ain al-Assad airbase"


def stored_links(path: Path) -> list[tuple[str, str, str, str]]:
    """(head text, label, tail text, coder) of every relation in the corpus file."""
    with Corpus.open(path) as corpus:
        out = []
        for doc_id in corpus.document_ids():
            spans = {s.uid: s.text for s in corpus.spans(doc_id)}
            out += [(spans[r.head], r.label, spans[r.tail], r.coder)
                    for r in corpus.relations(doc_id)]
        return out


def tag(window: MainWindow, phrase: str, key: str, nth: int = 0) -> int:
    view = window.view
    start = -1
    for _ in range(nth + 1):
        start = view.text.index(phrase, start + 1)
    drag_select(view, start, start + len(phrase))
    press(view, key)
    return start


def key_of(declared) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    """The key and modifiers of a declared action's first key, to press."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(declared.keys[0])[0]
    return combo.key(), combo.keyboardModifiers()


def coded(window: MainWindow) -> dict[str, int]:
    """Hamas and Hezbollah as actors, the airbase as a location; nothing selected."""
    where = {"Hamas": tag(window, "Hamas", "1"), "Hezbollah": tag(window, "Hezbollah", "1"),
             PLACE: tag(window, PLACE, "3")}
    window.coding.clear_selection()
    return where


def test_link_made_by_keys_is_stored_undone_and_redone(qtbot, qtmodeltester, window: MainWindow,
                                                       sample_corpus: Path) -> None:
    view = window.view
    where = coded(window)
    click_at(view, where["Hamas"] + 1)
    assert view.selected_span().text == "Hamas"
    press(view, *key_of(LINK))
    assert window.relation_actions.linking
    assert "click the other span" in window.statusBar().currentMessage()
    click_at(view, where[PLACE] + 2)  # the other end, by mouse
    popup = window.relation_actions.popup
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    # Only the types the codebook allows from an actor to a location can be chosen.
    assert popup.names() == ["attacked", "located in"]
    QTest.keyClicks(popup.filter, "loc")
    assert popup.names() == ["located in"]
    QTest.keyClick(popup.filter, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert stored_links(sample_corpus) == [("Hamas", "located in", PLACE, "alice")]
    assert window.status_line.saved_label.text().startswith("✓ saved")

    # Shown with the span: outgoing from Hamas, incoming at the airbase.
    model = window.relation_actions.model
    qtmodeltester.check(model)
    assert view.selected_span().text == "Hamas"
    assert [model.data(model.index(r)) for r in range(model.rowCount())] == [
        f"→ located in  {PLACE}"]
    click_at(view, where[PLACE] + 2)
    assert [model.data(model.index(r)) for r in range(model.rowCount())] == [
        "← located in  Hamas"]

    press(view, Qt.Key.Key_Z, CTRL)
    assert stored_links(sample_corpus) == []
    assert model.rowCount() == 0
    press(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored_links(sample_corpus) == [("Hamas", "located in", PLACE, "alice")]
    assert model.rowCount() == 1


def test_a_type_key_and_span_navigation_link_without_the_mouse(window: MainWindow,
                                                              sample_corpus: Path) -> None:
    view = window.view
    where = coded(window)
    click_at(view, where["Hamas"] + 1)
    press(view, Qt.Key.Key_A, SHIFT)  # the codebook's key for "attacked"
    assert window.relation_actions.linking and window.relation_actions.kind == "attacked"
    press(view, *key_of(NEXT_SPAN))  # Alt+Down: Hezbollah comes next in the text
    assert view.selected_span().text == "Hezbollah"
    press(view, Qt.Key.Key_Return)
    assert not window.relation_actions.linking
    assert stored_links(sample_corpus) == [("Hamas", "attacked", "Hezbollah", "alice")]
    assert "Linked “Hamas” —attacked→ “Hezbollah”" in window.statusBar().currentMessage()


def test_linking_from_the_span_list_with_arrows_and_enter(window: MainWindow,
                                                          sample_corpus: Path) -> None:
    coded(window)
    spans = window.span_pane.list
    spans.setFocus()
    spans.setCurrentIndex(window.spans.index(1))  # Hamas, after the airbase
    assert window.view.selected_span().text == "Hamas"
    press(spans, Qt.Key.Key_L, SHIFT)  # "located in"
    press(spans, Qt.Key.Key_Up)  # back to the airbase, in the list
    assert window.view.selected_span().text == PLACE
    assert window.relation_actions.linking  # moving is not choosing
    press(spans, Qt.Key.Key_Return)
    assert stored_links(sample_corpus) == [("Hamas", "located in", PLACE, "alice")]


def test_a_link_the_codebook_refuses_says_why(qtbot, window: MainWindow,
                                              sample_corpus: Path) -> None:
    view = window.view
    where = coded(window)
    victims = tag(window, "At least five US personnel", "2")
    window.coding.clear_selection()

    click_at(view, victims + 3)
    press(view, Qt.Key.Key_M, SHIFT)  # "member of" goes from an actor
    click_at(view, where["Hamas"] + 1)
    message = window.statusBar().currentMessage()
    assert message.startswith("Not linked: a 'member of' relation starts at actor")
    assert "not at 'casualty'" in message

    # From a location no type of the codebook starts: said, with each reason.
    click_at(view, where[PLACE] + 2)
    press(view, Qt.Key.Key_L, CTRL)
    click_at(view, where["Hamas"] + 1)
    message = window.statusBar().currentMessage()
    assert "no relation from location to actor" in message
    assert window.relation_actions.popup is None
    assert stored_links(sample_corpus) == []


def test_esc_stops_linking_and_a_span_cannot_be_linked_to_itself(window: MainWindow,
                                                                  sample_corpus: Path) -> None:
    view = window.view
    where = coded(window)
    click_at(view, where["Hamas"] + 1)
    press(view, Qt.Key.Key_L, CTRL)
    press(view, Qt.Key.Key_Return)  # still on the span it starts from
    assert window.relation_actions.linking
    assert "Move to another span first" in window.statusBar().currentMessage()
    press(view, Qt.Key.Key_Escape)
    assert not window.relation_actions.linking
    assert view.selected_span() is not None  # Esc stopped linking, not the selection
    assert window.statusBar().currentMessage() == "Linking stopped: nothing was linked."
    assert stored_links(sample_corpus) == []


def test_the_links_list_retypes_and_removes_by_key(qtbot, window: MainWindow,
                                                   sample_corpus: Path) -> None:
    view = window.view
    where = coded(window)
    click_at(view, where["Hamas"] + 1)
    press(view, Qt.Key.Key_L, SHIFT)  # "located in", chosen up front
    click_at(view, where[PLACE] + 2)
    assert stored_links(sample_corpus) == [("Hamas", "located in", PLACE, "alice")]

    actions = window.relation_actions
    press(view, Qt.Key.Key_K, CTRL)  # to the Links list
    assert actions.list.hasFocus() and actions.selected() is not None
    press(actions.list, Qt.Key.Key_Return)  # change its type
    popup = actions.popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.names() == ["attacked"]  # the other type allowed from an actor to a place
    QTest.keyClick(popup.filter, Qt.Key.Key_Return)
    assert stored_links(sample_corpus) == [("Hamas", "attacked", PLACE, "alice")]

    actions.focus_list()
    press(actions.list, Qt.Key.Key_Delete)  # the link, not the span
    assert stored_links(sample_corpus) == []
    with Corpus.open(sample_corpus) as corpus:
        assert sorted(s.text for s in corpus.spans(window.doc_id)) == [PLACE, "Hamas",
                                                                        "Hezbollah"]
    press(view, Qt.Key.Key_Z, CTRL)
    assert stored_links(sample_corpus) == [("Hamas", "attacked", PLACE, "alice")]


def test_removing_a_span_takes_its_links_and_undo_gives_them_back(window: MainWindow,
                                                                   sample_corpus: Path) -> None:
    view = window.view
    where = coded(window)
    click_at(view, where["Hamas"] + 1)
    press(view, Qt.Key.Key_A, SHIFT)
    click_at(view, where["Hezbollah"] + 1)
    click_at(view, where["Hamas"] + 1)
    press(view, Qt.Key.Key_Delete)
    assert stored_links(sample_corpus) == []
    with Corpus.open(sample_corpus) as corpus:
        assert "Hamas" not in [s.text for s in corpus.spans(window.doc_id)]
    press(view, Qt.Key.Key_Z, CTRL)  # one step gives back the span and its link
    assert stored_links(sample_corpus) == [("Hamas", "attacked", "Hezbollah", "alice")]
    assert window.relation_actions.title.text().endswith("1 in this document")


def test_every_key_of_the_window_belongs_to_one_action(window: MainWindow) -> None:
    """A key given to two actions fires neither: the new keys clash with nothing."""
    owners: dict[str, list[str]] = {}
    for action in window.actions():
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    clashes = {key: names for key, names in owners.items() if len(names) > 1}
    assert clashes == {}
    assert {"Ctrl+L", "Shift+A", "Shift+L", "Shift+M", "Shift+C", "Alt+Down", "Ctrl+K",
            "Shift+Return", "Shift+Backspace", "Ctrl+R", "Ctrl+Shift+D"} <= set(owners)
    from annotator.gui.shortcuts import sheet_html
    sheet = sheet_html(window.binder)  # F1 lists them, from the same declarations
    for title in (LINK.title, NEXT_SPAN.title, "Link as “located in”…",
                  "Add the selected text to the selected span", "Toggle: document relevant"):
        assert title in sheet
