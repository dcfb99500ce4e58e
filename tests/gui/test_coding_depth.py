"""Attributes, casualty counts, events and document details, through the window."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from annotator.core.events import Event
from annotator.core.model import DocumentDetails
from annotator.core.schema import AttributeSpec
from annotator.gui.details_dialog import DetailsDialog
from annotator.gui.event_dialog import EventDialog
from annotator.gui.main_window import MainWindow
from tests.gui.helpers import drag_select, press

VICTIMS = "At least five US personnel"
SEVEN = "as many as seven military personnel and civilians"
PLACE = "Ain al-Assad airbase"


def tag(window: MainWindow, phrase: str, key: str) -> None:
    start = window.view.text.index(phrase)
    drag_select(window.view, start, start + len(phrase))
    press(window.view, key)


def spans_by_text(window: MainWindow) -> dict:
    return {s.text: s for s in window.corpus.spans(window.doc_id)}


def test_a_new_casualty_span_has_its_counts_and_outcome_filled_in(window: MainWindow) -> None:
    tag(window, VICTIMS, "2")
    tag(window, SEVEN, "2")
    found = spans_by_text(window)
    assert dict(found[VICTIMS].attrs) == {"outcome": "injured", "count_low": 5,
                                          "count_best": 5, "qualifier": "at least"}
    assert dict(found[SEVEN].attrs) == {"outcome": "injured", "count_high": 7,
                                        "qualifier": "at most"}
    tag(window, PLACE, "3")
    assert dict(spans_by_text(window)[PLACE].attrs) == {}


def test_the_attribute_form_edits_and_undoes(window: MainWindow) -> None:
    tag(window, VICTIMS, "2")
    form = window.span_pane.form
    high = form.editor("count_high")
    high.setFocus()
    QTest.keyClicks(high, "7")
    QTest.keyClick(high, Qt.Key.Key_Return)
    assert spans_by_text(window)[VICTIMS].attrs["count_high"] == 7
    victim_type = form.editor("victim_type")
    victim_type.setCurrentText("state security")
    victim_type.activated.emit(victim_type.currentIndex())
    uncertain = form.editor("uncertain")
    uncertain.setChecked(True)
    attrs = spans_by_text(window)[VICTIMS].attrs
    assert (attrs["victim_type"], attrs["uncertain"]) == ("state security", True)
    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "uncertain" not in spans_by_text(window)[VICTIMS].attrs
    assert form.editor("victim_type").currentText() == "state security"  # form follows


def test_events_group_spans_and_survive_span_removal_with_undo(window: MainWindow,
                                                              prompts) -> None:
    for phrase, key in ((PLACE, "3"), (VICTIMS, "2"), (SEVEN, "2")):
        tag(window, phrase, key)
    selection = window.span_pane.list.selectionModel()
    for row in range(window.spans.rowCount()):
        selection.select(window.spans.index(row), QItemSelectionModel.SelectionFlag.Select)

    def answer(draft: Event) -> Event:
        members = tuple(dataclasses.replace(m, group="us") if m.role == "victim" else m
                        for m in draft.members)
        return dataclasses.replace(draft, type="shelling or air strike", members=members)

    prompts.event_answer = answer
    press(window.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    draft = prompts.events_offered[0]
    # Dated from the text between its spans ("on Monday"), relative to the article's
    # date (Tuesday 2024-08-06), and said so.
    assert draft.date == "2024-08-05"
    assert prompts.date_sources[0] == "from “on Monday” in the text"
    assert sorted(m.role for m in draft.members) == ["place", "victim", "victim"]
    [event] = window.corpus.events(window.doc_id)
    assert event.type == "shelling or air strike"
    item = window.span_pane.events.item(0).text()
    assert item.startswith("shelling or air strike · 2024-08-05 · injured 5")
    window.span_pane.events.setCurrentRow(0)
    assert len(window.view.extraSelections()) >= 3  # members outlined
    window.session.select(spans_by_text(window)[PLACE].uid)
    press(window.view, Qt.Key.Key_Delete)
    [event] = window.corpus.events(window.doc_id)
    assert len(event.members) == 2
    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [event] = window.corpus.events(window.doc_id)
    assert len(event.members) == 3
    assert PLACE in spans_by_text(window)


def test_document_details_are_edited_and_undone(window: MainWindow, prompts) -> None:
    prompts.details_answer = lambda d: dataclasses.replace(
        d, source="Reuters", notes="toll disputed", flags={"not relevant": True})
    press(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    details = window.corpus.details(window.doc_id)
    assert (details.source, details.notes, details.flags, details.date) == (
        "Reuters", "toll disputed", {"not relevant": True}, "2024-08-06")
    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.corpus.details(window.doc_id).source is None


def test_required_attributes_hold_a_document_back_from_done(window: MainWindow) -> None:
    schema = window.corpus.schema()
    location = schema.label("location")
    strict = dataclasses.replace(location, attributes=(
        *location.attributes, AttributeSpec("confirmed", "choice", ("yes", "no"), required=True)))
    window.corpus.save_schema(schema.with_label(strict))
    window.session.open_corpus(window.corpus)
    first = window.doc_id
    tag(window, PLACE, "3")
    press(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.corpus.status(first, "alice") == "in progress"
    assert "needs confirmed" in window.statusBar().currentMessage()


def test_the_event_dialog_reads_roles_groups_and_checks_the_date(qtbot, window: MainWindow) -> None:
    tag(window, VICTIMS, "2")
    span = spans_by_text(window)[VICTIMS]
    from annotator.core.events import EventMember

    event = Event(window.doc_id, "attack", (EventMember(span.uid, "victim"),), date="2024-08-06")
    dialog = EventDialog(None, event, [span], window.session.schema)
    qtbot.addWidget(dialog)
    dialog.members.cellWidget(0, 2).setText("a")
    dialog.precision.setCurrentIndex(1)
    read = dialog.read_event()
    assert (read.members[0].group, read.date_precision, read.uid) == ("a", 2, event.uid)
    dialog.date.setText("06/08/2024")
    dialog._accept()
    assert "is not a date" in dialog.error.text()


def test_the_details_dialog_keeps_other_flags(qtbot) -> None:
    details = DocumentDetails("2024-08-06", None, None, "", {"checked by": "bob"})
    dialog = DetailsDialog(None, details)
    qtbot.addWidget(dialog)
    dialog.duplicate_of.setText("doc-7")
    assert dialog.read_details().flags == {"checked by": "bob", "duplicate of": "doc-7"}



def test_the_schema_editor_renames_adds_and_removes_labels(qtbot, window: MainWindow,
                                                          prompts) -> None:
    from annotator.gui.schema_editor import SchemaEditor

    tag(window, PLACE, "3")
    tag(window, "Hamas", "1")
    editor = SchemaEditor(None, window.session.schema)
    qtbot.addWidget(editor)
    editor.labels.setCurrentRow(0)
    editor.name.setText("perpetrator")
    editor.add_attribute()
    editor.attributes.item(editor.attributes.rowCount() - 1, 0).setText("weapon")
    editor.add_label()
    editor.name.setText("weapon")
    editor.key.setText("4")
    editor.labels.setCurrentRow(2)  # location
    editor.remove_label()
    edit = editor.read_edit()
    assert [label.name for label in edit.schema.labels] == ["perpetrator", "casualty", "weapon"]
    assert edit.renames == {"actor": "perpetrator"}
    assert edit.removed == ["location"]
    assert edit.schema.label("perpetrator").attribute("weapon") is not None

    prompts.schema_answer = edit
    prompts.choice = "perpetrator"
    window.binder.bound['edit.schema'].trigger()
    assert prompts.choices_offered == [["perpetrator", "casualty", "weapon"]]
    assert {s.label for s in window.corpus.spans(window.doc_id)} == {"perpetrator"}
    assert [a.iconText() for a in window.label_actions] == ["1  Perpetrator", "2  Casualty",
                                                            "4  Weapon"]
    assert [a.text() for a in window.label_actions] == ["Perpetrator", "Casualty", "Weapon"]


def test_a_bad_schema_is_explained_in_the_editor(qtbot, window: MainWindow) -> None:
    from annotator.gui.schema_editor import SchemaEditor

    editor = SchemaEditor(None, window.session.schema)
    qtbot.addWidget(editor)
    editor.labels.setCurrentRow(1)
    editor.key.setText("1")  # actor has 1 already
    editor._accept()
    assert "same shortcut key" in editor.error.text()


def test_f2_puts_the_keyboard_in_the_attribute_form(window: MainWindow) -> None:
    press(window.view, Qt.Key.Key_F2)
    assert "Select a span first" in window.statusBar().currentMessage()
    tag(window, VICTIMS, "2")
    press(window.view, Qt.Key.Key_F2)
    outcome = window.span_pane.form.editor("outcome")
    assert window.focusWidget() is outcome
    QTest.keyClick(outcome, Qt.Key.Key_Down)  # the next choice, straight from the keyboard
    assert spans_by_text(window)[VICTIMS].attrs["outcome"] == "killed or injured"
