"""Accepting suggestions in the window: the document is started as tagging starts it, in
the same undo step, and the accepted span keeps where it came from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.commands import SOURCE_ATTR
from annotator.gui.main_window import MainWindow
from tests.gui.helpers import press

UNDO = Qt.KeyboardModifier.ControlModifier
ACCEPT_ALL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def status(window: MainWindow) -> str:
    assert window.doc_id is not None
    return window.corpus.status(window.doc_id, "alice")


def suggested(window: MainWindow) -> int:
    window.suggestion_actions.suggest_here()
    assert window.doc_id is not None
    pending = [s for s in window.corpus.spans(window.doc_id) if s.origin == "suggested"]
    assert pending and status(window) == "todo"  # suggestions alone start nothing
    return len(pending)


def test_enter_accepts_starts_the_document_and_one_undo_takes_both_back(
        window: MainWindow) -> None:
    suggested(window)
    first = window.view.selected_span()
    assert first is not None and first.origin == "suggested"
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    accepted = window.corpus.span(first.uid)
    assert (accepted.origin, accepted.coder) == ("accepted", "alice")
    assert accepted.attrs[SOURCE_ATTR] == first.attrs[SOURCE_ATTR]
    assert status(window) == "in progress"
    press(window.view, Qt.Key.Key_Z, UNDO)
    assert window.corpus.span(first.uid).origin == "suggested"
    assert status(window) == "todo"


def test_accept_all_starts_the_document_in_the_same_step(window: MainWindow) -> None:
    count = suggested(window)
    press(window.view, Qt.Key.Key_Return, ACCEPT_ALL)
    assert window.doc_id is not None
    spans = window.corpus.spans(window.doc_id)
    assert [s.origin for s in spans] == ["accepted"] * count
    assert all(SOURCE_ATTR in s.attrs for s in spans)
    assert status(window) == "in progress"
    press(window.view, Qt.Key.Key_Z, UNDO)
    assert {s.origin for s in window.corpus.spans(window.doc_id)} == {"suggested"}
    assert status(window) == "todo"


def test_accepting_in_a_done_document_leaves_it_done(window: MainWindow) -> None:
    suggested(window)
    assert window.doc_id is not None
    window.corpus.set_status(window.doc_id, "alice", "done")
    window.suggestion_actions.accept_all()
    assert {s.origin for s in window.corpus.spans(window.doc_id)} == {"accepted"}
    assert status(window) == "done"
