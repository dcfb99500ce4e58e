"""The event dialog shows the codebook's event codes as fields, narrows a choice by the
event type as the dataset's rules say, warns of what the dataset still misses, and links
the event to an incident other articles report."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from annotator.core.default_codebook import default_schema
from annotator.core.events import Event, EventMember, IncidentChoice
from annotator.core.model import Span
from annotator.core.schema import AttributeSpec
from annotator.gui.event_dialog import EventDialog

SUB = {"attack": ("Armed clash", "Attack"), "explosion": ("Air/drone strike", "Shelling")}
CODES = (AttributeSpec("sub_event_type", "choice", ("Armed clash", "Attack", "Air/drone strike",
                                                    "Shelling"), required=True),
         AttributeSpec("inter1", "integer"),
         AttributeSpec("civilian_targeting", "boolean"))
SCHEMA = replace(default_schema(), event_attributes=CODES)
SPAN = Span(start=0, end=9, label="actor", text="Militants", coder="alice", doc_id=1)
EVENT = Event(1, "attack", (EventMember(SPAN.uid, "attacker"),), date="2024-09-13",
              uid="e-new", attrs={"inter1": 2, "unlisted": "kept"})
CHOICES = [IncidentChoice("e-other", "attack", "2024-09-13", "Kirkuk checkpoint attacked", 2),
           IncidentChoice("e-new", "attack", "2024-09-13", "this very event", 1)]


def dialog(qtbot, **options) -> EventDialog:
    made = EventDialog(None, EVENT, [SPAN], SCHEMA, **options)
    qtbot.addWidget(made)
    return made


def test_the_codes_are_fields_and_come_back_typed_keeping_undeclared_ones(qtbot) -> None:
    made = dialog(qtbot, incidents=CHOICES)
    sub = made.codes.editor("sub_event_type")
    assert isinstance(sub, QComboBox)
    sub.setCurrentText("Armed clash")
    inter = made.codes.editor("inter1")
    assert isinstance(inter, QLineEdit) and inter.text() == "2"
    inter.clear()
    qtbot.keyClicks(inter, "3")
    target = made.codes.editor("civilian_targeting")
    assert isinstance(target, QCheckBox)
    target.setChecked(True)
    read = made.read_event()
    assert dict(read.attrs) == {"sub_event_type": "Armed clash", "inter1": 3,
                                "civilian_targeting": True, "unlisted": "kept"}
    assert read.incident == ""


def test_the_event_links_to_another_articles_incident_but_never_to_itself(qtbot) -> None:
    made = dialog(qtbot, incidents=CHOICES)
    offered = [made.incident.itemData(i) for i in range(made.incident.count())]
    assert offered == ["", "e-other"]
    assert "(2 documents)" in made.incident.itemText(1)
    qtbot.keyClick(made.incident, Qt.Key.Key_Down)  # as a coder picks it by keyboard
    assert made.read_event().incident == "e-other"
    # An incident already named stays offered even if no longer near the event's date.
    again = EventDialog(None, replace(EVENT, incident="e-far"), [SPAN], SCHEMA)
    qtbot.addWidget(again)
    assert again.incident.currentData() == "e-far"
    assert again.read_event().incident == "e-far"


def test_a_choice_is_narrowed_by_the_event_type_and_a_chosen_value_stays(qtbot) -> None:
    made = dialog(qtbot, narrowing=lambda name, values: SUB.get(values["event_type"])
                  if name == "sub_event_type" else None)
    sub = made.codes.editor("sub_event_type")
    assert isinstance(sub, QComboBox)
    assert [sub.itemText(i) for i in range(sub.count())] == ["—", "Armed clash", "Attack"]
    sub.setCurrentText("Attack")
    made.type.setCurrentText("explosion")
    # Not silently changed: the chosen value stays, offered beside the type's own.
    assert [sub.itemText(i) for i in range(sub.count())] == [
        "—", "Air/drone strike", "Shelling", "Attack"]
    assert sub.currentText() == "Attack"


def test_what_the_dataset_misses_is_said_as_the_coder_fills_the_form(qtbot) -> None:
    def problems(event: Event) -> list[str]:
        return [] if event.attrs.get("sub_event_type") else ["no sub-event type"]

    made = dialog(qtbot, problems=problems)
    made.show()
    assert made.warning.isVisible() and "no sub-event type" in made.warning.text()
    sub = made.codes.editor("sub_event_type")
    assert isinstance(sub, QComboBox)
    sub.setCurrentText("Attack")
    assert not made.warning.isVisible()


def test_a_code_the_codebook_refuses_is_said_and_keeps_the_dialog_open(qtbot) -> None:
    made = dialog(qtbot)
    made.show()
    inter = made.codes.editor("inter1")
    assert isinstance(inter, QLineEdit)
    inter.setValidator(None)  # as if pasted past the field's check
    inter.setText("many")
    made._accept()
    assert made.result_event is None
    assert "inter1" in made.error.text() and "not a whole number" in made.error.text()


def test_the_roles_offered_follow_the_event_type_keeping_a_role_given(qtbot) -> None:
    roles = {"attack": ("attacker", "target", "place"), "explosion": ("instrument", "place")}
    made = dialog(qtbot, roles_for=lambda kind: roles.get(kind))
    box = made.members.cellWidget(0, 1)
    assert isinstance(box, QComboBox)
    assert [box.itemText(i) for i in range(box.count())] == ["attacker", "target", "place"]
    made.type.setCurrentText("explosion")
    # The role given stays, offered beside the type's own, for the coder to change.
    assert [box.itemText(i) for i in range(box.count())] == ["instrument", "place", "attacker"]
    assert box.currentText() == "attacker"
    made.type.setCurrentText("other")  # a type the dataset says nothing of: every role
    assert [box.itemText(i) for i in range(box.count())] == list(SCHEMA.event_roles)


def test_several_choices_are_narrowed_too_never_hiding_one_ticked(qtbot) -> None:
    modes = AttributeSpec("mode", "choices", ("beat", "shoot", "protest", "strike"))
    schema = replace(default_schema(), event_attributes=(modes,))
    allowed = {"attack": ("beat", "shoot")}
    event = replace(EVENT, attrs={"mode": ["strike"]})
    made = EventDialog(None, event, [SPAN], schema,
                       narrowing=lambda name, values: allowed.get(values["event_type"]))
    qtbot.addWidget(made)
    button = made.codes.editor("mode")
    shown = [a.data() for a in button.choices.actions() if a.isVisible()]
    assert shown == ["beat", "shoot", "strike"]
    made.type.setCurrentText("other")
    assert [a.data() for a in button.choices.actions() if a.isVisible()] == [
        "beat", "shoot", "protest", "strike"]


def test_the_window_s_event_dialog_follows_the_datasets_rules(qtbot) -> None:
    """Through the window's own prompt: ACE 2005's roles of the subtype, PLOVER's modes of
    the category, and what the dataset still misses, said."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.core.datasets import dataset_schema
    from annotator.core.datasets.ace2005 import ROLES
    from annotator.gui.prompts import Prompts

    schema = dataset_schema("ace2005")
    event = Event(1, "Conflict:Attack", (EventMember(SPAN.uid, "Attacker"),), uid="e1")
    seen: dict[str, object] = {}

    def look() -> None:
        shown = QApplication.activeModalWidget()
        if not isinstance(shown, EventDialog):
            QTimer.singleShot(10, look)
            return
        box = shown.members.cellWidget(0, 1)
        seen["roles"] = [box.itemText(i) for i in range(box.count())]
        seen["warning"] = shown.warning.text()
        shown.reject()

    QTimer.singleShot(0, look)
    assert Prompts(None).edit_event(event, [SPAN], schema) is None
    assert seen["roles"] == list(ROLES["Conflict:Attack"])
    assert "polarity" in str(seen["warning"])  # ACE's four attributes are required
