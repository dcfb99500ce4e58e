"""The selected span's attributes, as a form; every change is one undoable edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from annotator.core.model import InvalidRecord, Span
from annotator.core.schema import BUILT_IN, AttributeSpec, LabelSpec
from annotator.gui.choices_button import ChoicesButton
from annotator.gui.notices import plain_tooltip

NONE = "—"


class AttributeForm(QWidget):
    """Edits one span's attributes; emits the attributes when the coder changes one."""

    edited = Signal(object, object)  # span, new attrs dict
    invalid = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 4)
        self._span: Span | None = None
        self._spec: LabelSpec | None = None
        self._editors: dict[str, QWidget] = {}

    def show_span(self, span: Span | None, spec: LabelSpec | None) -> None:
        if span is not None and self._editors and spec == self._spec:
            # The same label's fields: refresh the values in place. Rebuilding
            # would delete the very widget whose signal made an edit, take the
            # keyboard focus from the coder, and cost a tag a few milliseconds.
            self._span = span
            self._fill(span)
            return
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._editors = {}
        self._span, self._spec = span, spec
        if span is None:
            return
        specs = [*(spec.attributes if spec else ()), *BUILT_IN.values()]
        for attribute in specs:
            editor = self._editor(attribute, span.attrs.get(attribute.name))
            self._editors[attribute.name] = editor
            caption = attribute.name.replace("_", " ") + (" *" if attribute.required else "")
            label = QLabel(caption)
            # The description comes from an imported codebook: shown as text, not HTML.
            label.setToolTip(plain_tooltip(attribute.description))
            label.setBuddy(editor)
            editor.setToolTip(plain_tooltip(attribute.description))
            self._layout.addRow(label, editor)
            # Shown now, not on the next turn of the event loop, so F2 can focus it at once.
            label.show()
            editor.show()

    def _fill(self, span: Span) -> None:
        for name, editor in self._editors.items():
            value = span.attrs.get(name)
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                editor.setCurrentText(str(value) if value not in (None, "") else NONE)
            elif isinstance(editor, ChoicesButton):
                editor.set_chosen(_as_list(value))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
            editor.blockSignals(False)

    def focus_first(self) -> bool:
        """Put the keyboard in the first field; False when no span is shown."""
        if not self._editors:
            return False
        next(iter(self._editors.values())).setFocus()
        return True

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def _editor(self, attribute: AttributeSpec, value: Any) -> QWidget:
        if attribute.kind == "choice":
            box = QComboBox()
            box.addItems([NONE, *attribute.values])
            box.setCurrentText(str(value) if value not in (None, "") else NONE)
            box.activated.connect(lambda _i: self._commit())
            return box
        if attribute.kind == "choices":  # several at once: a list of checkable items
            button = ChoicesButton(attribute.values)
            button.set_chosen(_as_list(value))
            button.changed.connect(lambda _chosen: self._commit())
            return button
        if attribute.kind == "boolean":
            check = QCheckBox()
            check.setChecked(bool(value))
            check.toggled.connect(lambda _on: self._commit())
            return check
        line = QLineEdit("" if value is None else str(value))
        if attribute.kind == "integer":
            line.setValidator(QIntValidator())
        elif attribute.kind == "number":
            line.setValidator(QDoubleValidator())
        line.editingFinished.connect(self._commit)
        return line

    def values(self) -> dict[str, Any]:
        """What the form says now, undeclared attributes of the span kept."""
        assert self._span is not None
        attrs = dict(self._span.attrs)
        for name, editor in self._editors.items():
            if isinstance(editor, QComboBox):
                value: Any = None if editor.currentText() == NONE else editor.currentText()
            elif isinstance(editor, ChoicesButton):
                value = editor.chosen() or None
            elif isinstance(editor, QCheckBox):
                value = editor.isChecked() or None
            else:
                value = editor.text().strip() or None  # type: ignore[attr-defined]
            if value is None:
                attrs.pop(name, None)
            else:
                attrs[name] = value
        return attrs

    def _commit(self) -> None:
        if self._span is None:
            return
        try:
            attrs = (self._spec.check(self.values()) if self._spec
                     else {k: BUILT_IN[k].check(v) if k in BUILT_IN else v
                           for k, v in self.values().items()})
        except InvalidRecord as exc:
            self.invalid.emit(str(exc))
            return
        if attrs != dict(self._span.attrs):
            self.edited.emit(self._span, attrs)


def _as_list(value: Any) -> list[str]:
    """A "choices" value as stored: a list; one string (an older value) is one choice."""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [value] if isinstance(value, str) and value else []
