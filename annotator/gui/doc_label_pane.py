"""Document labels: the codebook's questions about a whole document, in a strip above
the article, and the keys that answer them.

A yes/no attribute is a check box, a choice a combo box, several choices a button
of checkable items, text and numbers a line. Each change is one undoable edit
(SetDocLabel) for the window's coder. Ctrl+R toggles "relevant" (or the first
yes/no attribute), Ctrl+Shift+D puts the keyboard in the strip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from annotator.core.commands import set_doc_label
from annotator.core.model import DocLabel, InvalidRecord
from annotator.core.schema import AttributeSpec, Schema
from annotator.gui.choices_button import ChoicesButton
from annotator.gui.notices import plain_tooltip
from annotator.gui.theme import current_theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from annotator.gui.panes import DocumentPane
    from annotator.gui.workbench import Workbench

NONE = "—"


def caption(name: str) -> str:
    return name.replace("_", " ")


class StripArea(QScrollArea):
    """The strip in one row that scrolls sideways on a narrow window, instead of holding
    the window wider than the screen; shown while the strip is."""

    def __init__(self, strip: QWidget) -> None:
        super().__init__()
        self.setWidget(strip)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        strip.installEventFilter(self)
        self.setVisible(not strip.isHidden())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.setVisible(event.type() == QEvent.Type.ShowToParent)
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent,
                            QEvent.Type.LayoutRequest):  # new questions: another height
            self.updateGeometry()
        return False

    def sizeHint(self) -> QSize:
        inner = self.widget().sizeHint() if self.widget() is not None else QSize(0, 0)
        bar = self.horizontalScrollBar()
        extra = bar.sizeHint().height() if inner.width() > self.viewport().width() else 0
        return QSize(inner.width(), inner.height() + extra)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.sizeHint().height())


class DocLabelStrip(QWidget):
    """One row of fields, one per document attribute; ``edited`` (name, value or None)
    when the coder changes one."""

    edited = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("docLabels")
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(8, 2, 8, 2)
        self._row.setSpacing(10)
        self._specs: tuple[AttributeSpec, ...] = ()
        self._editors: dict[str, QWidget] = {}
        self._unset: dict[str, QLabel] = {}
        self.title = QLabel(self.tr("This document:"))
        self.title.setObjectName("paneTitle")

    def set_specs(self, specs: Sequence[AttributeSpec]) -> None:
        """Fields for ``specs`` (built again only when the codebook's attributes change)."""
        if tuple(specs) == self._specs:
            return
        while self._row.count():
            item = self._row.takeAt(0)
            if item.widget() is not None and item.widget() is not self.title:
                item.widget().deleteLater()
        self._specs, self._editors, self._unset = tuple(specs), {}, {}
        self._row.addWidget(self.title)
        for spec in specs:
            editor = self._editor(spec)
            editor.setToolTip(plain_tooltip(spec.description))
            self._editors[spec.name] = editor
            if not isinstance(editor, QCheckBox):  # a check box carries its own caption
                label = QLabel(caption(spec.name))
                label.setBuddy(editor)
                label.setToolTip(plain_tooltip(spec.description))
                self._row.addWidget(label)
            self._row.addWidget(editor)
            if spec.kind == "boolean":  # unchecked is "no"; not answered yet is said
                unset = QLabel(self.tr("(not set)"))
                unset.setStyleSheet(f"color: {current_theme().muted}")
                self._unset[spec.name] = unset
                self._row.addWidget(unset)
        self._row.addStretch(1)
        self.setVisible(bool(specs))

    def _editor(self, spec: AttributeSpec) -> QWidget:
        name = spec.name
        if spec.kind == "boolean":
            check = QCheckBox(caption(name))
            check.toggled.connect(lambda on: self.edited.emit(name, on))
            return check
        if spec.kind == "choice":
            box = QComboBox()
            box.addItems([NONE, *spec.values])
            box.activated.connect(lambda _i: self.edited.emit(
                name, None if box.currentText() == NONE else box.currentText()))
            return box
        if spec.kind == "choices":
            button = ChoicesButton(spec.values)
            button.changed.connect(lambda chosen: self.edited.emit(name, chosen or None))
            return button
        line = QLineEdit()
        line.setMaximumWidth(140)
        if spec.kind == "integer":
            line.setValidator(QIntValidator())
        elif spec.kind == "number":
            line.setValidator(QDoubleValidator())
        line.editingFinished.connect(
            lambda: self.edited.emit(name, line.text().strip() or None))
        return line

    def show_values(self, values: Mapping[str, Any]) -> None:
        """Show what the coder has set (nothing is emitted)."""
        for name, editor in self._editors.items():
            value = values.get(name)
            editor.blockSignals(True)
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
                self._unset[name].setVisible(value is None)
            elif isinstance(editor, QComboBox):
                editor.setCurrentText(str(value) if value is not None else NONE)
            elif isinstance(editor, ChoicesButton):
                editor.set_chosen(value if isinstance(value, list) else
                                  [value] if isinstance(value, str) else [])
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
            editor.blockSignals(False)

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def focus_first(self) -> bool:
        if not self._editors:
            return False
        next(iter(self._editors.values())).setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True


def filter_choices(schema: Schema, in_use: Sequence[str]) -> list[tuple[str, str]]:
    """(caption, DocumentFilter.doc_label) for the list's document-label filter: each
    attribute with any value, and each of its values; names in use the codebook lacks.
    Names and values are the codebook's words; yes, no and any the window's."""
    yes = QCoreApplication.translate("DocLabelPane", "{name}: yes")
    no = QCoreApplication.translate("DocLabelPane", "{name}: no")
    any_value = QCoreApplication.translate("DocLabelPane", "{name}: any")
    out: list[tuple[str, str]] = []
    for spec in schema.document_attributes:
        shown = caption(spec.name)
        if spec.kind == "boolean":
            out += [(yes.format(name=shown), f"{spec.name}=true"),
                    (no.format(name=shown), f"{spec.name}=false")]
            continue
        out.append((any_value.format(name=shown), spec.name))
        out += [(f"{shown}: {value}", f"{spec.name}={value}") for value in spec.values]
    known = {spec.name for spec in schema.document_attributes}
    out += [(any_value.format(name=caption(name)), name) for name in in_use if name not in known]
    return out


class DocLabelActions:
    def __init__(self, host: Workbench, documents: DocumentPane) -> None:
        self.host = host
        self.documents = documents
        self.strip = DocLabelStrip()
        self.strip.edited.connect(self.set_label)
        self.labels: list[DocLabel] = []  # the coder's, on the open document

    def populate(self, menu: QMenu) -> None:
        actions = self.host.actions
        actions.bind("document.toggle_relevant", self.toggle_relevant)
        actions.bind("document.labels", self.focus)
        actions.fill(menu, "document.toggle_relevant", "document.labels")

    def reload(self) -> None:
        """The codebook changed (or another corpus is open): fields and filter again."""
        host = self.host
        self.strip.set_specs(host.session.schema.document_attributes)
        self.documents.set_doc_label_choices(
            filter_choices(host.session.schema, host.session.corpus.doc_label_names()))
        self.refresh()

    def refresh(self) -> None:
        host = self.host
        self.labels = (host.session.corpus.doc_labels(host.session.doc_id, host.session.coder)
                       if host.session.doc_id is not None else [])
        self.strip.show_values({label.name: label.value for label in self.labels})
        self.strip.setEnabled(host.session.doc_id is not None and not host.session.corpus.read_only)

    def value(self, name: str) -> Any:
        return next((label.value for label in self.labels if label.name == name), None)

    def set_label(self, name: str, value: Any) -> bool:
        """Give the open document ``value`` under ``name`` (None: take it away)."""
        host = self.host
        if host.session.doc_id is None:
            return False
        if host.session.corpus.read_only:
            host.session.say(QCoreApplication.translate("DocLabelActions", "read-only: {why}")
                             .format(why=host.session.corpus.read_only), 6000)
            self.refresh()
            return False
        try:
            checked = host.session.schema.check_document_label(name, value)
        except InvalidRecord as exc:
            host.session.say(QCoreApplication.translate("DocLabelActions", "Not saved: {reason}")
                             .format(reason=exc), 8000)
            self.refresh()  # the field shows what is stored again
            return False
        edit = set_doc_label(host.session.doc_id, self.labels, host.session.coder, name, checked)
        if edit.before == edit.after:
            return False
        if not host.session.do(edit):
            return False
        known = [choice for _caption, choice in filter_choices(host.session.schema, [])]
        if name not in known:  # a name new to the filter (not in the codebook)
            self.documents.set_doc_label_choices(
                filter_choices(host.session.schema, host.session.corpus.doc_label_names()))
        return True

    def _yes_no(self) -> AttributeSpec | None:
        specs = [s for s in self.host.session.schema.document_attributes if s.kind == "boolean"]
        return next((s for s in specs if s.name == "relevant"), specs[0] if specs else None)

    def toggle_relevant(self) -> None:
        """Not set or no becomes yes; yes becomes no."""
        spec = self._yes_no()
        if spec is None:
            self.host.session.say(QCoreApplication.translate(
                "DocLabelActions", "The codebook has no yes/no question about documents."), 5000)
            return
        now = not self.value(spec.name)
        if self.set_label(spec.name, now):
            answer = (QCoreApplication.translate("DocLabelActions", "{name}: yes") if now
                      else QCoreApplication.translate("DocLabelActions", "{name}: no"))
            self.host.session.say(answer.format(name=caption(spec.name)), 4000)

    def focus(self) -> None:
        if not self.strip.focus_first():
            self.host.session.say(QCoreApplication.translate(
                "DocLabelActions", "The codebook asks nothing about whole documents."), 4000)
