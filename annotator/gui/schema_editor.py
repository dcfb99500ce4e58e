"""Edit > Label schema: labels, their keys, colours, descriptions and attributes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import InvalidRecord
from annotator.core.relation_types import RelationType
from annotator.core.schema import KINDS, AttributeSpec, LabelSpec, Schema
from annotator.gui.dialogs import accept_valid, error_line, ok_cancel
from annotator.storage.palette import color_for_new_label

# The kinds of attribute (core.schema.KINDS) as the editor names them, marked for the
# translation catalogue; the kind box keeps the kind itself as item data.
KIND_WORDS = (QT_TRANSLATE_NOOP("SchemaEditor", "choice"),
              QT_TRANSLATE_NOOP("SchemaEditor", "choices"),
              QT_TRANSLATE_NOOP("SchemaEditor", "integer"),
              QT_TRANSLATE_NOOP("SchemaEditor", "number"),
              QT_TRANSLATE_NOOP("SchemaEditor", "text"),
              QT_TRANSLATE_NOOP("SchemaEditor", "boolean"))


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
        self.setWindowTitle(self.tr("Label schema"))
        # What this editor does not show (relation types, document attributes, label
        # examples, attribute descriptions) is kept as it was, not dropped on saving.
        self._schema = schema
        self._drafts = [_Draft(label, label.name) for label in schema.labels]
        self._removed: list[str] = []
        self._warned: list[str] = []  # relation types the coder was told go with a label
        self._current = -1
        self.labels = QListWidget()
        self.name = QLineEdit()
        self.color = QPushButton()
        self.color.clicked.connect(self._pick_color)
        self.key = QLineEdit()
        self.key.setMaxLength(1)
        self.description = QLineEdit()
        self.attributes = QTableWidget(0, 4)
        self.attributes.setHorizontalHeaderLabels([
            self.tr("Attribute"), self.tr("Type"), self.tr("Values (comma-separated)"),
            self.tr("Required")])
        header = self.attributes.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.attributes.verticalHeader().hide()
        self.event_types = QLineEdit(", ".join(schema.event_types))
        self.event_roles = QLineEdit(", ".join(schema.event_roles))
        self.error = error_line()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a name
        self._layout(schema)
        for draft in self._drafts:
            self.labels.addItem(draft.spec.name)
        self.labels.currentRowChanged.connect(self._switch)
        self.labels.setCurrentRow(0)
        self.result_edit: SchemaEdit | None = None

    def _layout(self, schema: Schema) -> None:
        # The label list holds a few short names, the attribute table the values of
        # each choice: the table takes the width, the list keeps what its names need.
        buttons = QGridLayout()
        for at, (text, slot) in enumerate((
                (self.tr("Add"), self.add_label), (self.tr("Remove"), self.remove_label),
                (self.tr("Up"), lambda: self.move_label(-1)),
                (self.tr("Down"), lambda: self.move_label(1)))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button, at // 2, at % 2)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.labels)
        left_column.addLayout(buttons)
        attribute_buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add attribute"), self.add_attribute),
                           (self.tr("Remove attribute"), self.remove_attribute)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            attribute_buttons.addWidget(button)
        attribute_buttons.addStretch()
        right = QWidget()
        form = QFormLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Colour"), self.color)
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.attributes)
        form.addRow(attribute_buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter, 1)
        events = QFormLayout()
        events.addRow(self.tr("Event types"), self.event_types)
        events.addRow(self.tr("Event roles"), self.event_roles)
        outer.addLayout(events)
        outer.addWidget(self.error)
        outer.addWidget(ok_cancel(self, self._accept))
        self.resize(860, 520)
        list_width = self._list_width(schema, left)
        self.splitter.setSizes([list_width, max(1, 860 - list_width)])

    def _list_width(self, schema: Schema, left: QWidget) -> int:
        """As wide as the longest label name or the buttons under the list, not more."""
        metrics = self.labels.fontMetrics()
        names = [label.name for label in schema.labels] or [self._new_label_name(2)]
        widest = max(metrics.horizontalAdvance(name) for name in names) + 32
        return min(max(widest, left.minimumSizeHint().width()), 320)

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
        chosen = QColorDialog.getColor(QColor(self.color.text()), self, self.tr("Label colour"))
        if chosen.isValid():
            self._set_color(chosen.name())

    def _new_label_name(self, number: int = 1) -> str:
        """The name a new label starts with (the coder's own language), numbered after
        the first."""
        return (self.tr("new label") if number == 1
                else self.tr("new label {number}").format(number=number))

    def add_label(self) -> None:
        name = self._new_label_name()
        taken = {d.spec.name for d in self._drafts}
        number = 2
        while name in taken:
            name = self._new_label_name(number)
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
        number = self.attributes.rowCount() + 1
        name = self.tr("attribute{number}").format(number=number)
        if not name.isidentifier():  # attribute names must be: a translation may not be one
            name = f"attribute{number}"
        self._add_attribute_row(AttributeSpec(name, "text"))

    def remove_attribute(self) -> None:
        row = self.attributes.currentRow()
        if row >= 0:
            self.attributes.removeRow(row)

    def _add_attribute_row(self, attribute: AttributeSpec) -> None:
        row = self.attributes.rowCount()
        self.attributes.insertRow(row)
        name = QTableWidgetItem(attribute.name)
        name.setData(Qt.ItemDataRole.UserRole, attribute)  # its description rides along
        self.attributes.setItem(row, 0, name)
        kind = QComboBox()
        for value in KINDS:
            kind.addItem(self.tr(value), value)
        kind.setCurrentIndex(kind.findData(attribute.kind))
        self.attributes.setCellWidget(row, 1, kind)
        self.attributes.setItem(row, 2, QTableWidgetItem(", ".join(attribute.values)))
        required = QCheckBox()
        required.setChecked(attribute.required)
        self.attributes.setCellWidget(row, 3, required)

    # -- reading back ------------------------------------------------------------

    def _read_form(self) -> LabelSpec:
        attributes = []
        for row in range(self.attributes.rowCount()):
            item = self.attributes.item(row, 0) or QTableWidgetItem("")
            name = item.text().strip()
            kind = self.attributes.cellWidget(row, 1).currentData()  # type: ignore[attr-defined]
            values = tuple(v.strip() for v in (self.attributes.item(row, 2)
                                               or QTableWidgetItem("")).text().split(",")
                           if v.strip())
            required = self.attributes.cellWidget(row, 3).isChecked()  # type: ignore[attr-defined]
            before = item.data(Qt.ItemDataRole.UserRole)
            attributes.append(AttributeSpec(
                name, kind, values if kind in ("choice", "choices") else (),  # type: ignore[arg-type]
                required, before.description if isinstance(before, AttributeSpec) else ""))
        examples = (self._drafts[self._current].spec.examples
                    if 0 <= self._current < len(self._drafts) else ())
        spec = LabelSpec(self.name.text().strip(), self.color.text(), self.key.text().strip(),
                         self.description.text().strip(), tuple(attributes), examples)
        if 0 <= self._current < self.labels.count():
            self.labels.item(self._current).setText(spec.name)
        return spec

    def read_edit(self) -> SchemaEdit:
        """The edited schema; InvalidRecord says what is wrong with it."""
        if 0 <= self._current < len(self._drafts):
            self._drafts[self._current].spec = self._read_form()
        renames = {d.original: d.spec.name for d in self._drafts
                   if d.original is not None and d.original != d.spec.name}
        schema = replace(
            self._schema,
            labels=tuple(d.spec for d in self._drafts),
            event_types=tuple(t.strip() for t in self.event_types.text().split(",") if t.strip()),
            event_roles=tuple(r.strip() for r in self.event_roles.text().split(",") if r.strip()),
            relation_types=tuple(kind for kind in self._relation_types(renames) if kind),
        )
        return SchemaEdit(schema, renames, list(self._removed))

    def _relation_types(self, renames: dict[str, str]) -> list[RelationType | None]:
        return [_relation_after(kind, renames, set(self._removed))
                for kind in self._schema.relation_types]

    def dropped_relation_types(self) -> list[str]:
        """Relation types that link only labels now removed: saving drops them."""
        return [kind.name for kind, after in zip(self._schema.relation_types,
                                                 self._relation_types({}), strict=True)
                if after is None]

    def _accept(self) -> None:
        dropped = self.dropped_relation_types()
        if dropped and dropped != self._warned:
            # Said before it happens, and OK a second time goes ahead.
            self._warned = dropped
            removed, types = ", ".join(self._removed), ", ".join(dropped)
            self.error.setText(
                (self.tr("Removing {removed} also removes the relation types {types} (it "
                         "links only labels being removed). Press OK again to go ahead.")
                 if len(dropped) > 1 else
                 self.tr("Removing {removed} also removes the relation type {types} (it "
                         "links only labels being removed). Press OK again to go ahead."))
                .format(removed=removed, types=types))
            return
        accept_valid(self, self.error, self.read_edit,
                     lambda edit: setattr(self, "result_edit", edit))


def _relation_after(kind: RelationType, renames: dict[str, str],
                    removed: set[str]) -> RelationType | None:
    """A relation type naming the labels by their new names, without removed ones; None
    when its heads (or tails) were removed labels only: it would link any label at all."""
    ends = []
    for names in (kind.heads, kind.tails):
        kept = tuple(renames.get(name, name) for name in names if name not in removed)
        if names and not kept:
            return None
        ends.append(kept)
    return replace(kind, heads=ends[0], tails=ends[1])
