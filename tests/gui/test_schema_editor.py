"""The label schema editor: the attribute table gets the width, and saving keeps what
the editor does not show."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialog

from annotator.core.default_codebook import default_schema
from annotator.core.schema import AttributeSpec, Schema
from annotator.gui.schema_editor import SchemaEditor


def opened(qtbot, schema: Schema, size: tuple[int, int] | None = None) -> SchemaEditor:
    editor = SchemaEditor(None, schema)
    qtbot.addWidget(editor)
    if size:
        editor.resize(*size)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_the_attribute_table_gets_the_width_at_1280_by_720(qtbot) -> None:
    schema = default_schema()
    editor = opened(qtbot, schema, (1280, 720))
    qtbot.waitUntil(lambda: editor.width() == 1280)
    labels, table = editor.labels, editor.attributes
    names = labels.fontMetrics()
    assert labels.width() >= max(names.horizontalAdvance(label.name) for label in schema.labels)
    assert labels.width() <= 1280 // 5
    assert table.width() >= 4 * labels.width()
    # The actor types, the longest values, are shown whole.
    values = table.item(1, 2).text()
    assert table.columnWidth(2) >= table.fontMetrics().horizontalAdvance(values)
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        assert table.columnWidth(column) >= header.fontMetrics().horizontalAdvance(text)


def test_at_its_first_size_the_table_has_most_of_the_width(qtbot) -> None:
    editor = opened(qtbot, default_schema())
    assert editor.attributes.width() >= 3 * editor.labels.width()
    assert editor.attributes.width() >= editor.width() * 0.6


def test_saving_keeps_what_the_editor_does_not_show(qtbot) -> None:
    schema = default_schema()
    actor = schema.label("actor")
    events = AttributeSpec("event_types", "choices", ("attack", "clash"),
                           description="Kinds of event it took part in.")
    schema = schema.with_label(dataclasses.replace(actor, attributes=(*actor.attributes, events)))
    editor = opened(qtbot, schema)
    editor.labels.setCurrentRow(0)
    editor.name.setText("perpetrator")
    edit = editor.read_edit()
    after = edit.schema
    assert after.document_attributes == schema.document_attributes
    assert [k.name for k in after.relation_types] == [k.name for k in schema.relation_types]
    attacked = after.relation_type("attacked")
    assert attacked.heads == ("perpetrator",) and attacked.tails == ("perpetrator", "location")
    perpetrator = after.label("perpetrator")
    assert perpetrator.examples == actor.examples
    assert perpetrator.attribute("actor_type").description == "ACLED's eight actor types."
    assert perpetrator.attribute("event_types") == events  # a multiple choice keeps its values
    location = schema.label("location")
    assert after.label("location").attribute("precision").description \
        == location.attribute("precision").description


def test_removing_the_only_label_a_relation_type_links_says_so_first(qtbot) -> None:
    editor = opened(qtbot, default_schema())
    editor.labels.setCurrentRow(2)  # location: the only tail of "located in"
    editor.remove_label()
    editor._accept()
    assert "located in" in editor.error.text() and editor.isVisible()
    assert editor.result_edit is None
    editor._accept()  # OK again: goes ahead
    assert editor.result() == QDialog.DialogCode.Accepted
    kinds = {k.name: k for k in editor.result_edit.schema.relation_types}
    assert "located in" not in kinds
    assert kinds["attacked"].tails == ("actor",)
