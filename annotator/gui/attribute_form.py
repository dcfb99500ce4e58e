"""The selected span's attributes, as a form; every change is one undoable edit.

The field that has the keyboard (after F2, or Tab) is framed and its caption
marked, in the form's own style sheet: a coder going through the fields by
keyboard sees where typing goes. The colours are the palette's, so they follow
the window's theme.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
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
# The attributes every span has (core.schema.BUILT_IN) are the application's words,
# not the codebook's: their captions and descriptions, marked for the catalogue.
BUILT_IN_WORDS = (QT_TRANSLATE_NOOP("AttributeForm", "uncertain"),
                  QT_TRANSLATE_NOOP("AttributeForm", "The coder is not sure."),
                  QT_TRANSLATE_NOOP("AttributeForm", "note"),
                  QT_TRANSLATE_NOOP("AttributeForm", "A free note on this span."))
# Set on the field with the keyboard and on its caption; the style sheet keys on it.
FOCUS_PROPERTY = "fieldFocus"
CAPTION_PROPERTY = "fieldCaption"
FORM_QSS = """
QLabel[fieldCaption="true"] { padding: 3px 6px 3px 5px; border-left: 3px solid transparent;
    border-radius: 3px; }
QLabel[fieldCaption="true"][fieldFocus="true"] { background: palette(highlight);
    color: palette(highlighted-text); border-left-color: palette(link); }
QLineEdit[fieldFocus="true"], QComboBox[fieldFocus="true"], QToolButton[fieldFocus="true"] {
    border: 2px solid palette(link); border-radius: 4px; }
QComboBox[fieldFocus="true"], QToolButton[fieldFocus="true"] { background: palette(base);
    padding: 2px 6px; }
QCheckBox[fieldFocus="true"] { background: palette(highlight); color: palette(highlighted-text);
    border-radius: 3px; }
"""


class AttributeForm(QWidget):
    """Edits one span's attributes; emits the attributes when the coder changes one."""

    edited = Signal(object, object)  # span, new attrs dict
    invalid = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("attributeForm")
        self.setStyleSheet(FORM_QSS)
        self._layout = QFormLayout(self)
        # Captions keep clear of the pane's edge; rows close enough that the largest
        # label's fields fit a laptop screen.
        self._layout.setContentsMargins(4, 4, 2, 4)
        self._layout.setHorizontalSpacing(8)
        self._layout.setVerticalSpacing(4)
        self._layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._span: Span | None = None
        self._spec: LabelSpec | None = None
        self._editors: dict[str, QWidget] = {}
        self._captions: dict[QObject, QLabel] = {}  # editor -> its caption

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
        self._captions = {}
        self._span, self._spec = span, spec
        if span is None:
            return
        specs = [*(spec.attributes if spec else ()), *BUILT_IN.values()]
        for attribute in specs:
            editor = self._editor(attribute, span.attrs.get(attribute.name))
            self._editors[attribute.name] = editor
            name, description = attribute.name.replace("_", " "), attribute.description
            if BUILT_IN.get(attribute.name) == attribute:
                name, description = self.tr(name), self.tr(description)
            label = QLabel(name + (" *" if attribute.required else ""))
            label.setProperty(CAPTION_PROPERTY, True)
            # The description comes from an imported codebook: shown as text, not HTML.
            label.setToolTip(plain_tooltip(description))
            label.setBuddy(editor)
            editor.setToolTip(plain_tooltip(description))
            editor.installEventFilter(self)
            self._captions[editor] = label
            # Never squeezed below a usable height: a short pane scrolls instead.
            editor.setMinimumHeight(editor.sizeHint().height())
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

    def caption(self, name: str) -> QLabel:
        """The label shown beside the field ``name``."""
        return self._captions[self._editors[name]]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut) \
                and watched in self._captions:
            self._mark(watched, event.type() == QEvent.Type.FocusIn)
        return super().eventFilter(watched, event)

    def _mark(self, editor: QObject, on: bool) -> None:
        """Frame the field with the keyboard and mark its caption (or stop)."""
        for widget in (editor, self._captions[editor]):
            if not isinstance(widget, QWidget) or widget.property(FOCUS_PROPERTY) == on:
                continue
            widget.setProperty(FOCUS_PROPERTY, on)
            # A property the style sheet keys on is read when a widget is polished.
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.update()

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
