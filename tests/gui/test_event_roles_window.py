"""A new event drafted in the window gives each span the role its place and its
attributes say: an actor inside a casualty phrase is a victim, not an attacker."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.model import DocumentRecord
from annotator.gui.main_window import MainWindow
from annotator.storage.bulk import add_documents
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


def test_an_event_is_offered_the_incident_another_article_reports_and_keeps_the_link(
        window: MainWindow, prompts) -> None:
    """Two articles on the same attack: the second's event is linked to the first's, and
    the corpus then counts two documents reporting it."""
    first_doc = window.session.doc_id
    base = tag(window, "Ain al-Assad airbase", "location")
    window.session.select(base)
    prompts.event_answer = lambda draft: draft
    window.event_actions.new_event()
    [first] = window.corpus.events(first_doc)
    [added] = add_documents(window.corpus, [DocumentRecord(
        text="Rockets hit the Ain al-Assad airbase on Monday, a US official said.",
        uid="wire-2", title="Rockets hit Iraqi base", date="2024-08-06")])
    window.session.show_document(added.doc_id)
    window.session.select(tag(window, "Ain al-Assad airbase", "location"))
    prompts.event_answer = lambda draft: replace(
        draft, incident=prompts.incidents_offered[0].incident)
    window.event_actions.new_event()
    assert [c.incident for c in prompts.incidents_offered] == [first.uid]
    assert prompts.incidents_offered[0].documents == 1
    [second] = window.corpus.events(added.doc_id)
    # A day apart (the article's date; "on Monday" in the wire copy): near enough.
    assert (first.date, second.date, second.incident) == ("2024-08-06", "2024-08-05", first.uid)
    assert [r.doc_uid for r in window.corpus.incident_reports()[first.uid]] == [
        window.corpus.document(first_doc).uid, "wire-2"]
