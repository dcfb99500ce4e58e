"""A coder answers the codebook's questions about a whole document by key; the list
filters by the answers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLineEdit

from annotator.core.model import DocLabel, KbLink, Span
from annotator.core.schema import AttributeSpec, LabelSpec
from annotator.gui.attribute_form import AttributeForm
from annotator.gui.choices_button import ChoicesButton
from annotator.gui.main_window import MainWindow
from annotator.storage.corpus import Corpus
from tests.gui.helpers import click_at, press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def stored(path: Path, doc_id: int) -> dict[str, object]:
    with Corpus.open(path) as corpus:
        return {label.name: label.value for label in corpus.doc_labels(doc_id, "alice")}


def filter_to(qtbot, window: MainWindow, wanted: str | None) -> list[int]:
    """Choose ``wanted`` in the list's document-label filter; the documents listed."""
    box = window.document_pane.doc_label_filter
    if box.currentData() == wanted:  # chosen again: the list is read again
        box.setCurrentIndex(0 if wanted is not None else 1)
    box.setCurrentIndex(box.findData(wanted) if wanted is not None else 0)
    model = window.documents
    qtbot.waitUntil(lambda: model.filters.doc_label == wanted and not model.searching)
    return [model.doc_id(r) for r in range(model.rowCount())]


def test_ctrl_r_marks_relevant_and_the_list_filter_finds_it(qtbot, window: MainWindow,
                                                            sample_corpus: Path) -> None:
    doc = window.doc_id
    strip = window.doc_labels.strip
    check = strip.editor("relevant")
    assert isinstance(check, QCheckBox) and not check.isChecked()
    press(window.view, Qt.Key.Key_R, CTRL)
    assert stored(sample_corpus, doc) == {"relevant": True}
    assert check.isChecked()
    assert window.status_line.saved_label.text().startswith("✓ saved")
    assert filter_to(qtbot, window, "relevant=true") == [doc]
    assert filter_to(qtbot, window, "relevant=false") == []

    press(window.view, Qt.Key.Key_R, CTRL)  # yes becomes no: said, not left unset
    assert stored(sample_corpus, doc) == {"relevant": False}
    assert filter_to(qtbot, window, "relevant=false") == [doc]
    press(window.view, Qt.Key.Key_Z, CTRL)
    assert stored(sample_corpus, doc) == {"relevant": True}
    press(window.view, Qt.Key.Key_Z, CTRL)
    assert stored(sample_corpus, doc) == {}
    assert not check.isChecked()


def test_the_strip_is_worked_from_the_keyboard(qtbot, window: MainWindow,
                                               sample_corpus: Path) -> None:
    doc = window.doc_id
    strip = window.doc_labels.strip
    press(window.view, Qt.Key.Key_D, CTRL | SHIFT)  # into the strip
    relevant = strip.editor("relevant")
    qtbot.waitUntil(relevant.hasFocus)
    press(relevant, Qt.Key.Key_Space)
    assert stored(sample_corpus, doc) == {"relevant": True}

    # Event types: several at once, ticked in a list that stays open.
    button = strip.editor("event_types")
    assert isinstance(button, ChoicesButton)
    button.setFocus()
    menu = button.choices

    def tick() -> None:
        qtbot.waitUntil(menu.isVisible)
        for key in (Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_Down,
                    Qt.Key.Key_Down, Qt.Key.Key_Space):
            QTest.keyClick(menu, key)
        assert menu.isVisible()  # ticking does not close it
        QTest.keyClick(menu, Qt.Key.Key_Escape)

    QTimer.singleShot(0, tick)
    press(button, Qt.Key.Key_Down)  # opens the list (and returns when it is closed)
    assert stored(sample_corpus, doc)["event_types"] == ["attack", "explosion"]
    assert button.text().startswith("attack, explosion")

    language = strip.editor("language")
    assert isinstance(language, QLineEdit)
    language.setFocus()
    QTest.keyClicks(language, "en")
    press(language, Qt.Key.Key_Return)
    assert stored(sample_corpus, doc) == {"relevant": True,
                                          "event_types": ["attack", "explosion"],
                                          "language": "en"}
    assert filter_to(qtbot, window, "event_types=explosion") == [doc]
    assert filter_to(qtbot, window, "event_types=armed clash") == []
    assert filter_to(qtbot, window, None) != [doc]

    # Another document shows its own (none), and this one's come back with it.
    window.session.go(1)
    assert not strip.editor("relevant").isChecked() and button.chosen() == []
    window.session.go(-1)
    assert strip.editor("relevant").isChecked() and button.chosen() == ["attack", "explosion"]


def test_a_choices_attribute_of_a_span_is_a_list_of_ticks(qtbot) -> None:
    spec = LabelSpec("event", "#888888", attributes=(
        AttributeSpec("weapons", "choices", ("rocket", "drone", "rifle")),))
    form = AttributeForm()
    qtbot.addWidget(form)
    span = Span(0, 4, "event", "boom", "alice", attrs={"weapons": ["drone"]})
    form.show_span(span, spec)
    button = form.editor("weapons")
    assert isinstance(button, ChoicesButton) and button.chosen() == ["drone"]
    with qtbot.waitSignal(form.edited) as edited:
        button.choices.actions()[0].trigger()  # tick "rocket"
    assert edited.args[1] == {"weapons": ["rocket", "drone"]}  # in the codebook's order


def test_a_span_shows_its_knowledge_base_links(tmp_path: Path, qtbot, prompts) -> None:
    from annotator.settings import Settings
    from annotator.workspace import create_corpus

    path = tmp_path / "kb.sqlite"
    corpus, _ = create_corpus(path, sample=True)
    doc = corpus.document_ids()[0]
    text = corpus.document(doc).text
    start = text.index("Ain al-Assad")
    corpus.insert_span(Span(start, start + 12, "location", "Ain al-Assad", "alice", doc_id=doc,
                            links=(KbLink("GeoNames", "99071", "Ain al-Asad"),)))
    corpus.set_doc_label(doc, "alice", "relevant", True)
    corpus.close()
    window = MainWindow(Corpus.open(path), "alice", Settings(), prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.session.show_document(doc)
    assert window.doc_labels.strip.editor("relevant").isChecked()  # what was stored before
    click_at(window.view, start + 2)
    assert "GeoNames 99071 (Ain al-Asad)" in window.span_pane.details.text()
    assert [DocLabel("relevant", True, "alice")] == window.doc_labels.labels
