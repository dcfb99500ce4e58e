"""Titles, sources, names and values from the corpus are shown as the text they are:
a title written as HTML shows its tags, it is never drawn as markup (or an image,
or a link)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from annotator.core.events import Event, EventMember
from annotator.core.model import Span
from annotator.core.schema import AttributeSpec, LabelSpec, Schema
from annotator.gui.main_window import MainWindow
from annotator.gui.prompts import Prompts, message_box
from annotator.settings import Settings
from annotator.storage.corpus import Corpus

TITLE = "<b>bold</b><img src=x>"
SOURCE = "<a href='http://evil'>click</a>"
TEXT = "Gunmen <i>fired</i> on a market in Gao; two people were killed."


def shown(tooltip: str) -> str:
    """What a tooltip draws: Qt reads a tooltip that looks like HTML as HTML."""
    if not QtGui.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def import_hostile(qtbot, window: MainWindow, prompts, tmp_path: Path) -> int:
    data = tmp_path / "hostile.jsonl"
    data.write_text(json.dumps({"id": "hostile", "title": TITLE, "source": SOURCE,
                                "date": "2024-08-06", "text": TEXT}) + "\n", encoding="utf-8")
    prompts.paths = [data]
    window.files.import_files()
    progress = window.background.progress
    assert progress is not None
    # The progress line may quote a name too.
    assert progress.findChild(QLabel).textFormat() == Qt.TextFormat.PlainText
    qtbot.waitUntil(lambda: window.background.worker is None, timeout=20_000)
    [doc_id] = [d for d in window.corpus.document_ids()
                if window.corpus.document(d).title == TITLE]
    return doc_id


def test_an_imported_title_and_source_show_as_text_in_the_status_bar_and_list(
        qtbot, window: MainWindow, prompts, tmp_path: Path) -> None:
    doc_id = import_hostile(qtbot, window, prompts, tmp_path)
    window.session.show_document(doc_id)
    label = window.status_line.document_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == f"2024-08-06 · {SOURCE} · {TITLE}"
    row = window.documents.row_for(doc_id)
    assert row is not None
    tip = window.documents.data(window.documents.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert shown(tip).startswith(TITLE)


def test_coder_names_labels_and_attribute_descriptions_show_as_text(
        qtbot, sample_corpus: Path, prompts) -> None:
    with Corpus.open(sample_corpus) as corpus:
        schema = corpus.schema()
        weapon = LabelSpec("weapon", "#aa5500", "4", description=SOURCE,
                           attributes=(AttributeSpec("kind", "text", description=TITLE),),
                           examples=("<script>alert(1)</script>",))
        corpus.save_schema(Schema((*schema.labels, weapon), schema.event_types))
    coder = "<b>eve</b>"
    window = MainWindow(Corpus.open(sample_corpus), coder, Settings(), prompts)
    qtbot.addWidget(window)
    assert window.status_line.coder_label.textFormat() == Qt.TextFormat.PlainText
    assert window.status_line.coder_label.text() == f"coder: {coder}"
    [action] = [a for a in window.label_actions if "Weapon" in a.text()]
    assert SOURCE in shown(action.toolTip())
    assert "<script>alert(1)</script>" in shown(action.toolTip())
    start = window.view.text.index("rockets")
    span = Span(start=start, end=start + 7, label="weapon", text="rockets", coder=coder,
                doc_id=window.doc_id)
    window.session.do(window_add(span))
    window.session.select(span.uid)
    form_labels = [w for w in window.span_pane.form.findChildren(QLabel) if w.text() == "kind"]
    assert form_labels and shown(form_labels[0].toolTip()) == TITLE
    window.close()


def window_add(span: Span):
    from annotator.core.commands import AddSpan

    return AddSpan(span)


def test_event_member_tooltips_show_span_text_as_text(qtbot, window: MainWindow, prompts,
                                                      tmp_path: Path) -> None:
    doc_id = import_hostile(qtbot, window, prompts, tmp_path)
    window.session.show_document(doc_id)
    start = TEXT.index("<i>")
    span = Span(start=start, end=start + len("<i>fired</i>"), label="actor",
                text="<i>fired</i>", coder="alice", doc_id=doc_id)
    window.session.do(window_add(span))
    window.corpus.insert_event(Event(doc_id, "attack", (EventMember(span.uid, "how"),),
                                     coder="alice"))
    window.event_actions.refresh()
    item = window.span_pane.events.item(0)
    assert shown(item.toolTip()) == "how: <i>fired</i>"


def test_message_boxes_and_questions_show_their_text_as_text(qtbot) -> None:
    box = message_box(QMessageBox.Icon.Warning, "Cannot open corpus",
                      f"{TITLE}: is not a corpus", None)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"{TITLE}: is not a corpus"
    dialog = Prompts(None)._input_dialog("Label in use", f"3 spans are labelled {TITLE!r}.")
    qtbot.addWidget(dialog)
    labels = dialog.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
