"""The window in the coder's language: installed as it starts, chosen in View >
Language…, and what the translation changes (names, filters, Undo, messages)
without changing what the window does."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from annotator.core.commands import AddSpan
from annotator.core.model import Document, Span
from annotator.gui.app import build_window
from annotator.gui.i18n import LANGUAGES, available_languages, install_translator
from annotator.gui.main_window import MainWindow
from annotator.gui.status_line import StatusLine
from annotator.session.actions import ACTIONS, MENUS, VIEW_KEYS
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from tests.conftest import REPO
from tests.gui.conftest import LAPTOP, ScriptedPrompts
from tests.gui.translation_probe import CLOSE, OPEN, pseudo_translation


def marked(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    """Whatever a test installs, the application is in English again after it."""
    yield qapp
    install_translator(qapp, Settings(language="en"), say=lambda _message: None)


@pytest.fixture
def pseudo_window(qtbot, sample_corpus: Path, prompts: ScriptedPrompts) -> Iterator[MainWindow]:
    with pseudo_translation():
        window = MainWindow(Corpus.open(sample_corpus), "alice", Settings(), prompts)
        qtbot.addWidget(window)
        window.resize(*LAPTOP)
        window.show()
        qtbot.waitExposed(window)
        yield window


def test_the_window_starts_in_the_language_of_the_settings(
        qtbot, english: QApplication, sample_corpus: Path, prompts: ScriptedPrompts) -> None:
    Settings(language="fr").save()
    window = build_window(sample_corpus, "alice", prompts)
    assert window is not None
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:2] == ["&Fichier", "&Édition"]
    assert window.binder.bound["file.quit"].text() == "&Quitter"
    window.close()


def test_a_language_that_cannot_be_shown_is_said_on_stderr_and_the_window_is_english(
        qtbot, english: QApplication, sample_corpus: Path, prompts: ScriptedPrompts,
        capsys: pytest.CaptureFixture[str]) -> None:
    Settings(language="de").save()
    window = build_window(sample_corpus, "alice", prompts)
    assert window is not None
    qtbot.addWidget(window)
    assert "annotator: no translation into 'de'" in capsys.readouterr().err
    assert window.menuBar().actions()[0].text() == "&File"
    window.close()


def test_view_language_keeps_the_choice_for_the_next_start_and_says_so(
        window: MainWindow, prompts: ScriptedPrompts) -> None:
    action = window.binder.bound["view.language"]
    assert action in window.coding.view_menu.actions()
    prompts.choice = LANGUAGES["fr"]
    action.trigger()
    offered = prompts.choices_offered[-1]
    assert offered == ["The system's language",
                       *(LANGUAGES.get(code, code) for code in available_languages())]
    assert {"English", "Français", "Español", "العربية"} <= set(offered)
    assert Settings.load().language == "fr" and window.settings.language == "fr"
    assert window.statusBar().currentMessage() == \
        "The window will be in Français from the next start."
    assert window.menuBar().actions()[0].text() == "&File"  # this window stays as it is

    prompts.choice = "The system's language"
    action.trigger()
    assert prompts.choice_current == "Français"  # the language kept is offered first
    assert Settings.load().language == ""
    assert window.statusBar().currentMessage() == \
        "The window will be in the system's language from the next start."

    prompts.choice = None  # cancelled: nothing changes
    action.trigger()
    assert prompts.choice_current == "The system's language"
    assert Settings.load().language == ""


def test_the_f1_sheet_names_and_the_articles_keys_come_translated(
        pseudo_window: MainWindow) -> None:
    binder = pseudo_window.binder
    assert binder.shown_name(ACTIONS["edit.undo"]) == marked("Undo")
    assert binder.shown_name(ACTIONS["file.merge"]) == marked("Merge coders' corpora…")
    keys = binder.view_keys()
    assert len(keys) == len(VIEW_KEYS)
    assert keys[0] == (marked(VIEW_KEYS[0][0]), marked(VIEW_KEYS[0][1]))
    assert [menu.title() for menu in (a.menu() for a in pseudo_window.menuBar().actions())] \
        == [marked(title) for _id, title in MENUS]


def test_the_coders_keys_hold_in_any_language(pseudo_window: MainWindow) -> None:
    binder = pseudo_window.binder
    remove = pseudo_window.coding.remove_action
    binder.apply_keys({"edit.remove_span": "Ctrl+Alt+R"})  # kept by id
    assert [k.toString() for k in remove.shortcuts()] == ["Ctrl+Alt+R"]
    binder.apply_keys({"Remove span": "Ctrl+Alt+X"})  # kept by the English title, as before ids
    assert [k.toString() for k in remove.shortcuts()] == ["Ctrl+Alt+X"]


def test_the_filters_show_translated_words_and_filter_by_the_corpus_words(
        pseudo_window: MainWindow) -> None:
    pane = pseudo_window.document_pane
    assert pane.status_filter.itemText(0) == marked("any status")
    done = pane.status_filter.findData("done")
    assert pane.status_filter.itemText(done) == marked("done")
    pane.status_filter.setCurrentIndex(done)
    assert pane.filters().status == "done"
    labels = [pane.label_filter.itemText(i) for i in range(pane.label_filter.count())]
    assert labels[:3] == [marked("any labels"), "⟦with {label}⟧".replace("{label}", "actor"),
                          "⟦without {label}⟧".replace("{label}", "actor")]
    pane.label_filter.setCurrentIndex(2)
    chosen = pane.filters()
    assert (chosen.with_label, chosen.without_label) == (None, "actor")
    pane.set_choices(["actor", "location"], ["alice", "bob"])  # the codebook or coders change
    assert pane.label_filter.currentIndex() == 2 and pane.filters().without_label == "actor"
    pane.coder_filter.setCurrentIndex(pane.coder_filter.findData("bob"))
    assert pane.filters().coder == "bob"
    pane.set_choices(["location"], ["alice"])  # what was chosen is gone: any
    assert pane.filters().without_label is None and pane.filters().coder is None


def test_undo_and_redo_name_their_step_in_the_coders_language(pseudo_window: MainWindow) -> None:
    session = pseudo_window.session
    coding = pseudo_window.coding
    assert coding.undo_action.text() == marked("&Undo")
    assert session.document is not None
    start = session.document.text.index("Katyusha")
    assert session.tag(start, start + len("Katyusha"), "actor") is not None
    assert coding.undo_action.text() == "⟦&Undo {step}⟧".replace(
        "{step}", marked("tag {text} as {label}").format(text="'Katyusha'", label="actor"))
    assert session.undo()
    assert coding.undo_action.text() == marked("&Undo")
    assert coding.redo_action.text().startswith(f"{OPEN}&Redo {OPEN}tag 'Katyusha'")


def test_an_edit_not_saved_is_said_in_the_coders_language(pseudo_window: MainWindow) -> None:
    session = pseudo_window.session
    assert session.doc_id is not None and session.document is not None
    text = session.document.text
    bad = Span(start=0, end=5, label="actor", text=text[1:6], coder="alice",
               doc_id=session.doc_id)
    assert not session.do(AddSpan(bad))  # its text is not the document's
    notice = pseudo_window.notice.text()
    assert notice.startswith(f"{OPEN}Not saved. {OPEN}Could not save “{OPEN}tag ")
    assert pseudo_window.statusBar().currentMessage().startswith(
        f"{OPEN}Not saved: {OPEN}Could not save")
    assert pseudo_window.status_line.saved_label.text() == marked("✗ not saved")


def test_the_status_line_says_its_words_translated_and_the_documents_as_they_are(
        qtbot, pseudo_window: MainWindow) -> None:
    line: StatusLine = pseudo_window.status_line
    assert line.coder_label.text() == marked("coder: {coder}").format(coder="alice")
    line.show_document(Document(id=1, uid="d1", title="Market fire", text="x", source="AP"))
    assert line.document_label.text() == f"{marked('no date')} · AP · Market fire"
    line.show_document(None)
    assert line.document_label.text() == marked("This corpus is empty: File > Import files…")


def test_no_count_is_given_to_qcoreapplication_translate() -> None:
    """lupdate marks a plural message only for ``self.tr(text, "", n)``: a count given
    to ``QCoreApplication.translate`` makes a message Qt then looks up by its plural
    form, finds none, and shows in English for any count a language says in the
    plural. Counts there go in as named values."""
    offenders = []
    for path in sorted((REPO / "annotator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "translate" \
                    and (len(node.args) > 3 or any(k.arg == "n" for k in node.keywords)):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []
