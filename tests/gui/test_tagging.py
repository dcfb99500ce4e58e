"""A coder selects text, presses label keys, undoes, and finds it all saved."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.cli import cli
from annotator.gui.main_window import MainWindow
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from tests.gui.helpers import click_at, drag_select, press

PLACE = "Ain al-Assad airbase"
VICTIMS = "At least five US personnel"


def stored(path: Path) -> list[tuple[str, str, int, int]]:
    with Corpus.open(path) as corpus:
        return [(s.label, s.text, s.start, s.end) for d in corpus.document_ids()
                for s in corpus.spans(d)]


def test_tag_two_spans_close_reopen_and_export(qtbot, window: MainWindow, sample_corpus: Path,
                                               prompts, tmp_path: Path) -> None:
    view = window.view
    text = view.text
    place, victims = text.index(PLACE), text.index(VICTIMS)
    drag_select(view, place, place + len(PLACE))
    press(view, "3")
    # A sloppy drag that cuts both ends of words still tags whole words.
    drag_select(view, victims + 1, victims + len(VICTIMS) - 3)
    press(view, "2")
    assert window.status_line.saved_label.text().startswith("✓ saved")
    window.close()

    expected = [("location", PLACE, place, place + len(PLACE)),
                ("casualty", VICTIMS, victims, victims + len(VICTIMS))]
    assert stored(sample_corpus) == expected

    reopened = MainWindow(Corpus.open(sample_corpus), "alice", Settings(), prompts)
    qtbot.addWidget(reopened)
    assert reopened.view.text == text
    assert reopened.spans.rowCount() == 2
    assert [d.label for d in reopened.view.highlighter._spans] == ["location", "casualty"]
    reopened.close()

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["export", str(sample_corpus), "--format", "jsonl",
                                      "-o", str(out)])
    assert result.exit_code == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert [(s["label"], s["start"], s["end"], s["coder"]) for s in first["spans"]] == [
        ("location", place, place + len(PLACE), "alice"),
        ("casualty", victims, victims + len(VICTIMS), "alice")]
    assert all(first["text"][s["start"]:s["end"]] == s["text"] for s in first["spans"])


def test_undo_and_redo_with_keys(window: MainWindow, sample_corpus: Path) -> None:
    view = window.view
    place = view.text.index(PLACE)
    drag_select(view, place, place + len(PLACE))
    press(view, "l")  # the label's initial works like its number
    assert stored(sample_corpus) == [("location", PLACE, place, place + len(PLACE))]
    assert window.corpus.status(window.doc_id, "alice") == "in progress"
    press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sample_corpus) == []
    assert window.corpus.status(window.doc_id, "alice") == "todo"  # one step undid both
    assert window.spans.rowCount() == 0
    press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    assert stored(sample_corpus) == [("location", PLACE, place, place + len(PLACE))]
    assert window.spans.rowCount() == 1


def test_keyboard_selection_then_tag(window: MainWindow) -> None:
    view = window.view
    victims = view.text.index(VICTIMS)
    click_at(view, victims)
    for _ in range(5):
        press(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier)
    press(view, "C")
    [span] = window.corpus.spans(window.doc_id)
    assert (span.label, span.text) == ("casualty", VICTIMS)


def test_alt_drag_keeps_the_exact_selection(window: MainWindow) -> None:
    view = window.view
    place = view.text.index(PLACE)
    viewport = view.viewport()
    from tests.gui.helpers import point_of
    begin, end = point_of(view, place), point_of(view, place + 6)
    begin.setX(begin.x() - 2)
    end.setX(end.x() - 2)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, begin)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, end)
    press(view, "1")
    [span] = window.corpus.spans(window.doc_id)
    assert span.text == "Ain al"


def test_click_selects_a_span_relabel_and_delete(window: MainWindow, sample_corpus: Path) -> None:
    view = window.view
    place = view.text.index(PLACE)
    drag_select(view, place, place + len(PLACE))
    press(view, "3")
    click_at(view, 2)  # elsewhere: nothing selected
    assert view.selected_span() is None
    click_at(view, place + 4)
    assert view.selected_span() is not None
    assert "location" in window.span_pane.details.text()
    press(view, "1")  # a label key on a selected span relabels it
    assert stored(sample_corpus) == [("actor", PLACE, place, place + len(PLACE))]
    press(view, Qt.Key.Key_Delete)
    assert stored(sample_corpus) == []
    press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sample_corpus) == [("actor", PLACE, place, place + len(PLACE))]
    press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sample_corpus) == [("location", PLACE, place, place + len(PLACE))]


def test_the_same_span_twice_is_not_stored_twice(window: MainWindow) -> None:
    view = window.view
    place = view.text.index(PLACE)
    for _ in range(2):
        drag_select(view, place, place + len(PLACE))
        press(view, "3")
    assert len(window.corpus.spans(window.doc_id)) == 1


def test_overlapping_spans_are_both_visible(window: MainWindow) -> None:
    view = window.view
    source = view.text.index("Iraqi security source")
    drag_select(view, source, source + len("Iraqi security source"))
    press(view, "1")
    drag_select(view, source, source + len("Iraqi"))
    press(view, "3")
    view.clear_selection()
    window.session.select("")
    view.viewport().repaint()
    block = view.document().findBlock(source)
    drawn = {(r.start, r.length): (r.format.fontUnderline(), r.format.background().color().name())
             for r in block.layout().formats()}
    inner = drawn[(source - block.position(), len("Iraqi"))]
    outer = drawn[(source - block.position() + len("Iraqi"), len(" security source"))]
    assert inner[0]  # the enclosing actor span shows through as an underline
    assert not outer[0]
    assert inner[1] != outer[1]
    assert window.spans.rowCount() == 2


def test_ctrl_enter_marks_done_and_opens_the_next_undone(window: MainWindow) -> None:
    first = window.doc_id
    press(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.corpus.status(first, "alice") == "done"
    assert window.doc_id != first
    assert window.status_line.progress_label.text() == "done 1 / 4"
    assert window.documents.data(window.documents.index(0, 0)) == "✓"
    press(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.doc_id == first
    press(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.doc_id != first
    assert window.document_pane.table.currentIndex().row() == 1
