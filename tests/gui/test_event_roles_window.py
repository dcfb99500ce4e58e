"""A new event drafted in the window gives each span the role its place and its
attributes say: an actor inside a casualty phrase is a victim, not an attacker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.gui.main_window import MainWindow
from tests.gui.helpers import point_of


def tag(window: MainWindow, phrase: str, label: str, start_at: int = 0) -> str:
    start = window.view.text.index(phrase, start_at)
    span = window.session.tag(start, start + len(phrase), label)
    assert span is not None
    return span.uid


def ctrl_click(window: MainWindow, codepoint: int) -> None:
    window.view.select_range(codepoint, codepoint)  # scrolled to, as a coder would
    window.view.ensureCursorVisible()
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, point_of(window.view, codepoint))


def test_an_actor_inside_the_casualty_phrase_is_drafted_as_a_victim(
        window: MainWindow, prompts) -> None:
    text = window.view.text
    phrase = "At least five US personnel"
    casualty = tag(window, phrase, "casualty")
    victim = tag(window, "US personnel", "actor", text.index(phrase))
    attacker = tag(window, "Iran-backed fighter groups", "actor")
    window.session.select()
    # Ctrl+click each in the text: all three selected, all three highlighted.
    for uid in (casualty, victim, attacker):
        span = window.session.spans.by_uid(uid)
        assert span is not None
        ctrl_click(window, span.start + 1)  # "At", "US", "Iran": each its own span's
    assert set(window.session.selected_uids) == {casualty, victim, attacker}
    ctrl_click(window, 0)  # Ctrl+click beside every span keeps the selection
    assert len(window.session.selected_uids) == 3
    window.event_actions.new_event()
    [draft] = prompts.events_offered
    roles = {m.span_uid: m.role for m in draft.members}
    assert roles == {casualty: "victim", victim: "victim", attacker: "attacker"}


def test_a_new_event_is_dated_from_its_sentence_and_says_where_the_date_came_from(
        window: MainWindow, prompts) -> None:
    text = window.view.text
    base = tag(window, "Ain al-Assad airbase", "location",
               text.index("were fired at the Ain al-Assad airbase"))
    window.session.select(base)
    window.event_actions.new_event()
    [draft] = prompts.events_offered
    # "…fired at the Ain al-Assad airbase in western Iraq on Monday…", in an article of
    # Tuesday 2024-08-06.
    assert (draft.date, draft.date_precision) == ("2024-08-05", 1)
    assert prompts.date_sources == ["from “on Monday” in the text"]
