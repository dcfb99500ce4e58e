"""Edit > Label schema: labels, their keys, colours, descriptions and attributes."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import InvalidRecord
from annotator.core.schema import KINDS, AttributeSpec, LabelSpec, Schema
from annotator.gui.dialogs import accept_valid, error_line, ok_cancel
from annotator.storage.palette import color_for_new_label


@dataclass
class _Draft:
    """A label being edited, and the name it had in the corpus (None if new)."""

    spec: LabelSpec
    original: str | None


@dataclass
class SchemaEdit:
    schema: Schema
    renames: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)


class SchemaEditor(QDialog):
    def __init__(self, parent: QWidget | None, schema: Schema) -> None:
        super().__init__(parent)
        self.setWindowTitle("Label schema")
        self._drafts = [_Draft(label, label.name) for label in schema.labels]
        self._removed: list[str] = []
        self._current = -1
        self.labels = QListWidget()
        self.name = QLineEdit()
        self.color = QPushButton()
        self.color.clicked.connect(self._pick_color)
        self.key = QLineEdit()
        self.key.setMaxLength(1)
        self.description = QLineEdit()
        self.attributes = QTableWidget(0, 4)
        self.attributes.setHorizontalHeaderLabels(["Attribute", "Type", "Values (comma-separated)",
                                                   "Required"])
        self.attributes.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.attributes.verticalHeader().hide()
        self.event_types = QLineEdit(", ".join(schema.event_types))
        self.event_roles = QLineEdit(", ".join(schema.event_roles))
        self.error = error_line()
        self._layout(schema)
        for draft in self._drafts:
            self.labels.addItem(draft.spec.name)
        self.labels.currentRowChanged.connect(self._switch)
        self.labels.setCurrentRow(0)
        self.result_edit: SchemaEdit | None = None

    def _layout(self, schema: Schema) -> None:
        buttons = QHBoxLayout()
        for text, slot in (("Add", self.add_label), ("Remove", self.remove_label),
                           ("Up", lambda: self.move_label(-1)), ("Down", lambda: self.move_label(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.labels)
        left.addLayout(buttons)
        attribute_buttons = QHBoxLayout()
        for text, slot in (("Add attribute", self.add_attribute),
                           ("Remove attribute", self.remove_attribute)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            attribute_buttons.addWidget(button)
        attribute_buttons.addStretch()
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Colour", self.color)
        form.addRow("Key", self.key)
        form.addRow("Description", self.description)
        form.addRow(self.attributes)
        form.addRow(attribute_buttons)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(form, 3)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        events = QFormLayout()
        events.addRow("Event types", self.event_types)
        events.addRow("Event roles", self.event_roles)
        outer.addLayout(events)
        outer.addWidget(self.error)
        outer.addWidget(ok_cancel(self, self._accept))
        self.resize(860, 520)

    # -- labels ------------------------------------------------------------------

    def _switch(self, row: int) -> None:
        if self._current >= 0 and self._current < len(self._drafts):
            try:
                self._drafts[self._current].spec = self._read_form()
            except InvalidRecord as exc:
                self.error.setText(str(exc))
        self._current = row
        if 0 <= row < len(self._drafts):
            self._show(self._drafts[row].spec)

    def _show(self, spec: LabelSpec) -> None:
        self.name.setText(spec.name)
        self._set_color(spec.color)
        self.key.setText(spec.shortcut)
        self.description.setText(spec.description)
        self.attributes.setRowCount(0)
        for attribute in spec.attributes:
            self._add_attribute_row(attribute)

    def _set_color(self, color: str) -> None:
        self.color.setText(color)
        self.color.setStyleSheet(f"background: {color}; color: white; padding: 4px 12px;")

    def _pick_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color.text()), self, "Label colour")
        if chosen.isValid():
            self._set_color(chosen.name())

    def add_label(self) -> None:
        name = "new label"
        taken = {d.spec.name for d in self._drafts}
        number = 2
        while name in taken:
            name = f"new label {number}"
            number += 1
        self._drafts.append(_Draft(LabelSpec(name, color_for_new_label(len(self._drafts))), None))
        self.labels.addItem(name)
        self.labels.setCurrentRow(len(self._drafts) - 1)

    def remove_label(self) -> None:
        row = self.labels.currentRow()
        if not 0 <= row < len(self._drafts):
            return
        draft = self._drafts.pop(row)
        if draft.original is not None:
            self._removed.append(draft.original)
        self._current = -1
        self.labels.takeItem(row)

    def move_label(self, step: int) -> None:
        row = self.labels.currentRow()
        target = row + step
        if not (0 <= row < len(self._drafts) and 0 <= target < len(self._drafts)):
            return
        self._drafts[row].spec = self._read_form()
        self._drafts[row], self._drafts[target] = self._drafts[target], self._drafts[row]
        for index in (row, target):
            self.labels.item(index).setText(self._drafts[index].spec.name)
        self._current = -1
        self.labels.setCurrentRow(target)

    # -- attributes --------------------------------------------------------------

    def add_attribute(self) -> None:
        self._add_attribute_row(AttributeSpec(f"attribute{self.attributes.rowCount() + 1}", "text"))

    def remove_attribute(self) -> None:
        row = self.attributes.currentRow()
        if row >= 0:
            self.attributes.removeRow(row)

    def _add_attribute_row(self, attribute: AttributeSpec) -> None:
        row = self.attributes.rowCount()
        self.attributes.insertRow(row)
        self.attributes.setItem(row, 0, QTableWidgetItem(attribute.name))
        kind = QComboBox()
        kind.addItems(list(KINDS))
        kind.setCurrentText(attribute.kind)
        self.attributes.setCellWidget(row, 1, kind)
        self.attributes.setItem(row, 2, QTableWidgetItem(", ".join(attribute.values)))
        required = QCheckBox()
        required.setChecked(attribute.required)
        self.attributes.setCellWidget(row, 3, required)

    # -- reading back ------------------------------------------------------------

    def _read_form(self) -> LabelSpec:
        attributes = []
        for row in range(self.attributes.rowCount()):
            name = (self.attributes.item(row, 0) or QTableWidgetItem("")).text().strip()
            kind = self.attributes.cellWidget(row, 1).currentText()  # type: ignore[attr-defined]
            values = tuple(v.strip() for v in (self.attributes.item(row, 2)
                                               or QTableWidgetItem("")).text().split(",")
                           if v.strip())
            required = self.attributes.cellWidget(row, 3).isChecked()  # type: ignore[attr-defined]
            attributes.append(AttributeSpec(name, kind, values if kind == "choice" else (),
                                            required))  # type: ignore[arg-type]
        spec = LabelSpec(self.name.text().strip(), self.color.text(), self.key.text().strip(),
                         self.description.text().strip(), tuple(attributes))
        if 0 <= self._current < self.labels.count():
            self.labels.item(self._current).setText(spec.name)
        return spec

    def read_edit(self) -> SchemaEdit:
        """The edited schema; InvalidRecord says what is wrong with it."""
        if 0 <= self._current < len(self._drafts):
            self._drafts[self._current].spec = self._read_form()
        schema = Schema(
            tuple(d.spec for d in self._drafts),
            tuple(t.strip() for t in self.event_types.text().split(",") if t.strip()),
            tuple(r.strip() for r in self.event_roles.text().split(",") if r.strip()),
        )
        renames = {d.original: d.spec.name for d in self._drafts
                   if d.original is not None and d.original != d.spec.name}
        return SchemaEdit(schema, renames, list(self._removed))

    def _accept(self) -> None:
        accept_valid(self, self.error, self.read_edit,
                     lambda edit: setattr(self, "result_edit", edit))




