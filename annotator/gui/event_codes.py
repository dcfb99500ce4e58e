"""The event dialog's dataset codes (the codebook's event attributes: ACLED's sub-event
type, UCDP's type of violence) and the incident an event reports."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from annotator.core.events import IncidentChoice
from annotator.core.schema import AttributeSpec
from annotator.gui.choices_button import ChoicesButton
from annotator.gui.notices import plain_tooltip

NONE = "—"
# A choice's values narrowed by what else the dialog says (ACLED's sub-event types of the
# chosen event type): attribute name, the form's values -> the values allowed, or None.
Narrowing = Callable[[str, Mapping[str, Any]], Sequence[str] | None]


class EventCodes:
    """One field per event attribute, with its caption, for the dialog's own form (so the
    codes line up with the event's type and date); ``values()`` what they say, undeclared
    codes kept."""

    def __init__(self, specs: Sequence[AttributeSpec], values: Mapping[str, Any]) -> None:
        self._specs = {spec.name: spec for spec in specs}
        self._given = dict(values)
        self._editors: dict[str, QWidget] = {}
        self.rows: list[tuple[QLabel, QWidget]] = []
        for spec in specs:
            editor = _editor(spec, values.get(spec.name))
            editor.setToolTip(plain_tooltip(spec.description))
            self._editors[spec.name] = editor
            caption = QLabel(spec.name.replace("_", " ") + (" *" if spec.required else ""))
            caption.setToolTip(plain_tooltip(spec.description))
            caption.setBuddy(editor)
            self.rows.append((caption, editor))

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def values(self) -> dict[str, Any]:
        found = dict(self._given)
        for name, editor in self._editors.items():
            value: Any
            if isinstance(editor, QComboBox):
                value = None if editor.currentText() == NONE else editor.currentText()
            elif isinstance(editor, ChoicesButton):
                value = editor.chosen() or None
            elif isinstance(editor, QCheckBox):
                value = True if editor.isChecked() else None
            else:
                value = editor.text().strip() or None  # type: ignore[attr-defined]
            if value is None:
                found.pop(name, None)
            else:
                found[name] = value
        return found

    def narrow(self, allowed: Narrowing, context: Mapping[str, Any]) -> None:
        """Offer in each choice only the values ``allowed`` gives for ``context`` (with the
        form's own values); a value already chosen stays, so nothing is changed unseen."""
        values = {**self.values(), **context}
        for name, editor in self._editors.items():
            if isinstance(editor, ChoicesButton):
                editor.offer(allowed(name, values))
                continue
            if not isinstance(editor, QComboBox):
                continue
            spec = self._specs[name]
            narrowed = allowed(name, values)
            offered = list(spec.values) if narrowed is None else [
                v for v in spec.values if v in narrowed]
            current = editor.currentText()
            if current != NONE and current not in offered:
                offered.append(current)
            if [editor.itemText(i) for i in range(1, editor.count())] == offered:
                continue
            editor.blockSignals(True)
            editor.clear()
            editor.addItems([NONE, *offered])
            editor.setCurrentText(current)
            editor.blockSignals(False)


def _editor(spec: AttributeSpec, value: Any) -> QWidget:
    if spec.kind == "choice":
        box = QComboBox()
        box.addItems([NONE, *spec.values])
        if value not in (None, "") and str(value) not in spec.values:
            box.addItem(str(value))  # a code the codebook lost: shown, not dropped
        box.setCurrentText(str(value) if value not in (None, "") else NONE)
        return box
    if spec.kind == "choices":
        button = ChoicesButton(spec.values)
        button.set_chosen([str(v) for v in value] if isinstance(value, list | tuple) else
                          [value] if isinstance(value, str) and value else [])
        return button
    if spec.kind == "boolean":
        check = QCheckBox()
        check.setChecked(bool(value))
        return check
    line = QLineEdit("" if value is None else str(value))
    if spec.kind == "integer":
        line.setValidator(QIntValidator())
    elif spec.kind == "number":
        line.setValidator(QDoubleValidator())
    return line


def incident_box(current: str, own_uid: str, choices: Sequence[IncidentChoice]) -> QComboBox:
    """"This event only", or one of ``choices`` (item data: the incident id)."""
    box = QComboBox()
    box.addItem(QCoreApplication.translate("EventDialog", "— this event only"), "")
    for choice in choices:
        if choice.incident == own_uid:
            continue  # the event itself, named by others: it is "this event"
        when = choice.date or QCoreApplication.translate("EventDialog", "no date")
        title = choice.title if len(choice.title) <= 60 else choice.title[:59] + "…"
        box.addItem(QCoreApplication.translate(
            "EventDialog", "{type} on {date}, “{title}” ({count} documents)").format(
                type=choice.type, date=when, title=title, count=choice.documents),
            choice.incident)
    if current and box.findData(current) < 0:
        box.addItem(QCoreApplication.translate("EventDialog", "incident {id}").format(
            id=current), current)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box
