"""Every word the dialogs and the small widgets show goes through Qt's translation.

Each dialog is made with the pseudo-translation installed (every translated text
comes back as ⟦…⟧) and walked for visible texts; what is left unmarked must be
data the test put in, named here, never a word of the window. Texts the walk
cannot see (error lines filled later, list items, tooltips of rows, the F1 sheet,
the file dialogs' titles) are read where they are made.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable, Iterator
from html import unescape
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

import annotator.gui.report_dialog as report_module
from annotator.core.default_codebook import default_schema
from annotator.core.events import DATE_PRECISIONS, Event, EventMember, default_role
from annotator.core.model import DocumentDetails, Relation, Span
from annotator.core.schema import BUILT_IN, KINDS, Schema
from annotator.formats.registry import EXPORTS
from annotator.formats.tokens import ALIGN_MODES
from annotator.gui.action_binder import plain_name
from annotator.gui.adjudication_dialog import AdjudicationDialog
from annotator.gui.attribute_form import BUILT_IN_WORDS, AttributeForm
from annotator.gui.codebook_dialog import CodebookDialog
from annotator.gui.details_dialog import DetailsDialog, details_text
from annotator.gui.event_dialog import PRECISION_WORDS, EventDialog
from annotator.gui.export_dialog import ALIGN_WORDS, FORMAT_WORDS, ExportDialog
from annotator.gui.link_list import LinkListModel, LinkListView, LinkRow
from annotator.gui.main_window import MainWindow
from annotator.gui.notices import plain_tooltip
from annotator.gui.prompts import Prompts
from annotator.gui.report_dialog import ReportDialog
from annotator.gui.result_dialog import ResultDialog
from annotator.gui.schema_editor import KIND_WORDS, SchemaEditor
from annotator.gui.shortcuts import ShortcutEditor, ShortcutSheet, sheet_html
from annotator.gui.span_menu import span_menu
from annotator.gui.type_popup import TypeOption, TypePopup
from annotator.resources import sample_files
from annotator.session.actions import ACTIONS, VIEW_KEYS
from tests.gui import translation_probe
from tests.gui.translation_probe import OPEN, is_marked, pseudo_translation, unmarked_texts

ARTICLE = next(path for path in sample_files() if path.name.startswith("ain-al-assad"))
TEXT = ARTICLE.read_text(encoding="utf-8")


def span(phrase: str, label: str, coder: str = "alice", **attrs: object) -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), label=label, text=phrase, coder=coder,
                attrs=attrs, doc_id=1)


def shown_as_words(text: str) -> str:
    """A tooltip made rich text so it shows as written (``plain_tooltip``) read as
    the coder reads it: the markup around the words is not words of the window."""
    if QtGui.Qt.mightBeRichText(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def escaped(root: QWidget, data: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The texts under ``root`` that skipped translation, less the data named."""
    allowed = set(data)
    return [(found.text, found.where) for found in unmarked_texts(root)
            if found.text not in allowed and not is_marked(shown_as_words(found.text))]


def _header_texts(model: QAbstractItemModel | None,
                  orientation: Qt.Orientation) -> Iterator[tuple[str, str]]:
    """The probe's reading of a view's headers, able to read a list model's
    (QListWidget's): PySide6 makes its columnCount() private, and it has one column."""
    if model is None:
        return
    if orientation == Qt.Orientation.Vertical:
        count = model.rowCount(QModelIndex())
    else:
        count = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for section in range(count):
        for role, what in ((Qt.ItemDataRole.DisplayRole, ""),
                           (Qt.ItemDataRole.ToolTipRole, " tooltip")):
            value = model.headerData(section, orientation, role)
            if isinstance(value, str):
                yield value, f"header {section}{what}"


@pytest.fixture(autouse=True)
def _list_views_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(translation_probe, "_header_texts", _header_texts)


def made(qtbot, widget: QWidget) -> Any:
    qtbot.addWidget(widget)
    return widget


def press_ok(dialog: QWidget) -> None:
    [buttons] = dialog.findChildren(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


# -- the marked word lists follow what they translate -------------------------------


def test_the_words_marked_for_the_catalogue_are_those_the_core_gives() -> None:
    """Fixed words that come from Qt-free code are marked for the catalogue in the
    dialogs: a word added there without being marked here would go untranslated."""
    assert set(PRECISION_WORDS) == set(DATE_PRECISIONS.values())
    assert set(ALIGN_WORDS) == set(ALIGN_MODES)
    assert set(FORMAT_WORDS) == {fmt.description for fmt in EXPORTS.values()}
    assert set(KIND_WORDS) == set(KINDS)
    assert set(BUILT_IN_WORDS) == ({spec.name for spec in BUILT_IN.values()}
                                   | {spec.description for spec in BUILT_IN.values()})


# -- the dialogs ----------------------------------------------------------------------


def test_event_dialog(qtbot) -> None:
    schema = default_schema()
    spans = [span("At least five US personnel", "casualty"), span("US personnel", "actor"),
             span("Ain al-Assad airbase", "location"), span("Iraqi security source", "actor")]
    draft = Event(1, "attack", tuple(EventMember(s.uid, default_role(s, spans)) for s in spans))
    with pseudo_translation():
        dialog = made(qtbot, EventDialog(None, draft, spans, schema))
        # The event types and roles are the codebook's.
        assert escaped(dialog, [*schema.event_types, *schema.event_roles]) == []
        group = dialog.members.cellWidget(0, 2)
        assert group.placeholderText() == f"{OPEN}e.g. a (optional)⟧"


def test_export_dialog(qtbot, tmp_path: Path) -> None:
    coders = ["alice", "bob"]
    with pseudo_translation():
        dialog = made(qtbot, ExportDialog(None, tmp_path / "corpus.sqlite",
                                          ["actor", "casualty"], coders, tmp_path))
        assert escaped(dialog, coders) == []  # the coders' names are the corpus's
        # A format is called by its name (as the command line calls it) and described.
        assert [dialog.format.itemText(row) for row in range(dialog.format.count())] == [
            f"{OPEN}{name} — {OPEN}{fmt.description}⟧⟧" for name, fmt in EXPORTS.items()]
        for row in range(dialog.labels.count()):
            dialog.labels.item(row).setCheckState(Qt.CheckState.Unchecked)
        press_ok(dialog)
        assert dialog.error.text() == f"{OPEN}tick at least one label⟧"
        dialog.output.clear()
        press_ok(dialog)
        assert dialog.error.text() == f"{OPEN}choose where to write the export⟧"
    # The values behind the translated words are the corpus's own.
    dialog.output.setText(str(tmp_path / "out.jsonl"))
    dialog.labels.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    dialog.align.setCurrentIndex(dialog.align.findData("strict"))
    dialog.coder.setCurrentIndex(2)
    options = dialog.read_choice().options
    assert (options.status, options.align, options.coder) == ("done", "strict", "bob")


def test_result_dialog(qtbot) -> None:
    title, message = "Exported 4 documents", "corpus-jsonl.jsonl"
    with pseudo_translation():
        dialog = made(qtbot, ResultDialog(None, title, message))
        assert escaped(dialog, [title, message]) == []  # both the caller's


class RecordedPrompts(Prompts):
    def __init__(self, answer: Path | None = None) -> None:
        super().__init__(None)
        self.answer = answer
        self.asked: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []

    def save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        self.asked.append((title, file_filter))
        return self.answer

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))


def test_report_dialog(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus.sqlite"
    prompts = RecordedPrompts(tmp_path / "agreement.html")
    with pseudo_translation():
        dialog = made(qtbot, ReportDialog(None, "<p>κ 0.8</p>", "<html/>", corpus, prompts))
        assert escaped(dialog) == []
        assert dialog.save() == tmp_path / "agreement.html"
        assert prompts.asked == [(f"{OPEN}Save report⟧", f"{OPEN}Web page (*.html)⟧")]
        assert dialog.save(corpus) is None  # over the corpus: refused
        assert prompts.errors[-1][0] == f"{OPEN}Report not saved⟧"

        def full(path: Path, text: str) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(report_module, "write_whole", full)
        target = tmp_path / "again.html"
        assert dialog.save(target) is None
        assert prompts.errors[-1] == (f"{OPEN}Report not saved⟧", f"{OPEN}{target}: "
                                      f"{OPEN}the disk is full⟧; nothing was written⟧")


def test_details_dialog_and_its_read_only_text(qtbot) -> None:
    details = DocumentDetails("2024-08-06", "Reuters", "https://example.org/a", "Check the count",
                              {"not relevant": True, "duplicate of": "doc-7"})
    with pseudo_translation():
        dialog = made(qtbot, DetailsDialog(None, details))
        assert escaped(dialog) == []
        lines = details_text(details).splitlines()
    assert [line for line in lines if line and not is_marked(line)] == ["Check the count"]
    assert f"{OPEN}Duplicate of: doc-7⟧" in lines


def test_schema_editor(qtbot) -> None:
    schema = default_schema()
    with pseudo_translation():
        editor = made(qtbot, SchemaEditor(None, schema))
        # The colour button shows the label's colour, a value of the codebook.
        assert escaped(editor, [label.color for label in schema.labels]) == []
        kind = editor.attributes.cellWidget(0, 1)
        assert kind.currentText() == f"{OPEN}choice⟧" and kind.currentData() == "choice"
        editor.add_label()
        assert editor.name.text() == f"{OPEN}new label⟧"
        editor.labels.setCurrentRow([label.name for label in schema.labels].index("location"))
        editor.remove_label()
        press_ok(editor)  # the relation type "located in" goes with it: said first
        assert editor.error.text().startswith(f"{OPEN}Removing location also removes")
        assert is_marked(editor.error.text())
    # The kinds are read back as the codebook writes them, whatever they are called.
    editor.labels.setCurrentRow(0)
    assert editor.read_edit().schema.labels[0].attributes == schema.labels[0].attributes


def test_codebook_dialog(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []

    def question(parent: QWidget, title: str, text: str, *args: Any) -> Any:
        asked.append((title, text))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    with pseudo_translation():
        dialog = made(qtbot, CodebookDialog(None, "# Actors\n\nWho did it."))
        assert escaped(dialog) == []
        dialog.toggle()
        assert dialog.edit_button.text() == f"{OPEN}Preview⟧"
        dialog.editor.setPlainText("# Actors\n\nWho did what.")
        dialog.reject()
    assert asked == [(f"{OPEN}Codebook⟧", f"{OPEN}Drop your changes to the codebook?⟧")]


def test_adjudication_dialog(qtbot) -> None:
    spans = [span("Ain al-Assad airbase", "location", "alice"),
             span("Ain al-Assad airbase", "location", "bob"),
             span("At least five US personnel", "casualty", "alice"),
             span("five US personnel", "casualty", "bob")]
    with pseudo_translation():
        dialog = made(qtbot, AdjudicationDialog(None, lambda: spans, ["alice", "bob"],
                                                lambda item, chosen: None))
        assert escaped(dialog, ["alice", "bob"]) == []  # the coders head their columns


def test_shortcut_editor_and_sheet(qtbot) -> None:
    undo, redo = QAction("&Undo"), QAction("&Redo")
    undo.setObjectName("edit.undo")
    redo.setObjectName("edit.redo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo.setShortcut(QKeySequence("Ctrl+Y"))
    with pseudo_translation():
        editor = made(qtbot, ShortcutEditor(None, [undo, redo]))
        assert escaped(editor) == []
        editor.editors[1].setKeySequence(QKeySequence("Ctrl+Z"))
        press_ok(editor)
        # The actions' names are the window's (translated where it made them).
        assert editor.error.text() == (f"{OPEN}Ctrl+Z is given to both “{plain_name(undo)}” "
                                       f"and “{plain_name(redo)}”⟧")
        sheet = made(qtbot, ShortcutSheet(None, "<h3>Edit</h3>"))
        assert escaped(sheet) == []


def test_the_f1_sheet(window: MainWindow) -> None:
    with pseudo_translation():
        sheet = unescape(sheet_html(window.binder))
    titles = re.findall(r"<h3>(.*?)</h3>", sheet)
    assert f"{OPEN}From the codebook⟧" in titles and f"{OPEN}In the article⟧" in titles
    assert f"{OPEN}Edit⟧" in titles  # a menu's title, without its mnemonic
    assert [title for title in titles if not is_marked(title)] == []
    for spec in ACTIONS.values():  # each action by its name in the coder's language
        if spec.keys and spec.id in window.binder.bound:
            assert f"<td>{OPEN}{spec.name}⟧</td>" in sheet, spec.id
    for keys, what in VIEW_KEYS:
        assert f"<td><b>{OPEN}{keys}⟧</b></td><td>{OPEN}{what}⟧</td>" in sheet
    [change] = re.findall(r"<p>(.*?)</p>", sheet)
    assert change.startswith(f"{OPEN}Change them in") and is_marked(change)


def test_prompts_file_dialogs_and_the_coders_question(qapp,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, ...]] = []

    def one(parent: QWidget, title: str, folder: str, file_filter: str) -> tuple[str, str]:
        asked.append((title, file_filter))
        return "", ""

    def several(parent: QWidget, title: str, folder: str,
                file_filter: str) -> tuple[list[str], str]:
        asked.append((title, file_filter))
        return [], ""

    def directory(parent: QWidget, title: str) -> str:
        asked.append((title,))
        return ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", one)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", one)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", several)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", directory)

    class Asking(Prompts):
        def ask_text(self, title: str, question: str, current: str) -> str | None:
            asked.append((title, question))
            return None

    with pseudo_translation():
        prompts = Asking(None)
        prompts.new_corpus_path()
        prompts.open_corpus_path()
        prompts.import_paths()
        prompts.merge_paths()
        prompts.import_folder()
        prompts.ask_coder("alice")
    assert len(asked) == 6
    assert [text for texts in asked for text in texts if not is_marked(text)] == []


# -- the small widgets ----------------------------------------------------------------


def test_type_popup(qtbot) -> None:
    title = "Link “US personnel” to “Ain al-Assad airbase” as…"  # the caller's
    options = [TypeOption("attacked"),
               TypeOption("located in", "located in goes from an actor to a location")]
    with pseudo_translation():
        popup = made(qtbot, TypePopup(None, title, options))
        assert escaped(popup, [title]) == []
        refused = popup.list.item(1)
        assert refused.text() == f"{OPEN}located in  (not for these spans)⟧"
        popup.filter.setText("zzz")
        assert popup.hint.text() == f"{OPEN}No type here fits what is typed.⟧"
        free = made(qtbot, TypePopup(None, title, [], free=True))
        assert escaped(free, [title]) == []
        free.filter.setText("rescued")
        assert free.hint.text() == f"{OPEN}Enter: a new type “rescued”⟧"


def test_link_list(qtbot) -> None:
    actor, place = span("US personnel", "actor"), span("Ain al-Assad airbase", "location")
    rows = [LinkRow(Relation(actor.uid, place.uid, "attacked", "alice"), True, place.text,
                    place.label),
            LinkRow(Relation(place.uid, actor.uid, "located in", "bob"), False, place.text,
                    place.label)]
    with pseudo_translation():
        view = made(qtbot, LinkListView())
        model = LinkListModel()
        view.setModel(model)
        model.set_rows(rows)
        assert escaped(view) == []
        tips = [model.data(model.index(row), Qt.ItemDataRole.ToolTipRole)
                for row in range(model.rowCount(QModelIndex()))]
    assert tips == [f"{OPEN}this span —attacked→ “Ain al-Assad airbase”⟧\n"
                    f"{OPEN}location · coder alice⟧",
                    f"{OPEN}“Ain al-Assad airbase” —located in→ this span⟧\n"
                    f"{OPEN}location · coder bob⟧"]


def test_span_menu(qtbot) -> None:
    phrase = "Ain al-Assad airbase"
    start = TEXT.index(phrase)
    pieces = ((start, start + 3), (start + 13, start + len(phrase)))
    cut = Span(start=start, end=start + len(phrase), label="location", text=phrase,
               coder="alice", doc_id=1, fragments=pieces)
    parent = made(qtbot, QWidget())
    with pseudo_translation():
        # The window's own actions, as the window makes them: translated.
        remove = QAction(QCoreApplication.translate("Actions", "Remove span"), parent)
        link = QAction(QCoreApplication.translate("Actions", "Link the selected span to another…"),
                       parent)
        # A label's entry is captioned from the codebook.
        label = QAction("3  Location", parent)
        label.setShortcut(QKeySequence("3"))
        menu = span_menu(parent, cut, TEXT, [label], remove, SimpleNamespace(link_action=link),
                         SimpleNamespace(remove_piece=lambda piece: None))  # type: ignore[arg-type]
        # The entry says the label's name, and takes its action's tooltip (its caption).
        assert escaped(menu, ["Location", label.toolTip()]) == []
        taken = [a.text() for a in menu.actions() if a.text().startswith(f"{OPEN}Take")]
    assert taken == [f"{OPEN}Take “Ain” out of the span⟧", f"{OPEN}Take “airbase” out of the span⟧"]


def test_attribute_form_of_the_largest_label(qtbot) -> None:
    schema: Schema = default_schema()
    largest = max(schema.labels, key=lambda label: len(label.attributes))
    phrase = "At least five US personnel"
    with pseudo_translation():
        form = made(qtbot, AttributeForm())
        form.show_span(span(phrase, largest.name, outcome="injured"), largest)
        # The codebook's attributes are its own: their names, descriptions and values.
        data = {attribute.name.replace("_", " ") + (" *" if attribute.required else "")
                for attribute in largest.attributes}
        data |= {plain_tooltip(attribute.description) for attribute in largest.attributes}
        data |= {value for attribute in largest.attributes for value in attribute.values}
        assert escaped(form, data) == []
        assert form.caption("uncertain").text() == f"{OPEN}uncertain⟧"
        assert shown_as_words(form.editor("note").toolTip()) == \
            f"{OPEN}A free note on this span.⟧"
