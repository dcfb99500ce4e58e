"""Nothing lost while another program writes: the window waits a little, then says
plainly that an edit was not saved, and its undo history never disagrees with the
corpus. Two windows in two processes both save every edit."""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.gui.main_window import MainWindow
from annotator.session.session import WRITE_WAIT_SECONDS
from annotator.storage.corpus import Corpus
from annotator.storage.history import changes
from tests.gui.helpers import click_at, drag_select, press
from tests.gui.processes import LockHolder, WindowProcess

UNDO = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
REDO = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def stored_texts(path: Path, doc_id: int) -> list[str]:
    """What another connection reads from the file: what was really committed."""
    with Corpus.open(path, create=False) as corpus:
        return sorted(s.text for s in corpus.spans(doc_id))


def select_word(window: MainWindow, word: str) -> None:
    start = window.view.text.index(word)
    drag_select(window.view, start, start + len(word))


def test_an_edit_while_another_program_writes_is_refused_plainly_and_then_saved(
        window: MainWindow) -> None:
    assert window.corpus.db.write_timeout == WRITE_WAIT_SECONDS
    stack = window.session.history
    doc_id = window.doc_id
    with LockHolder(window.corpus.path) as holder:
        select_word(window, "Hamas")
        began = time.monotonic()
        press(window.view, "1")
        waited = time.monotonic() - began
        # It waited for the other writer, but not for long.
        assert WRITE_WAIT_SECONDS * 0.9 <= waited < WRITE_WAIT_SECONDS + 5
        assert stored_texts(window.corpus.path, doc_id) == []
        assert len(stack) == 0 and stack.index == 0
        assert len(window.session.spans) == 0  # the window shows what is stored
        message = window.statusBar().currentMessage()
        assert message.startswith("Not saved") and "another program is writing" in message
        assert window.notice.isVisible() and "another program is writing" in window.notice.text()
        saved = window.status_line.saved_label.text()
        assert "✓" not in saved and saved == "✗ not saved"
        holder.release()
        select_word(window, "Hamas")
        press(window.view, "1")
    assert stored_texts(window.corpus.path, doc_id) == ["Hamas"]
    assert len(stack) == 1 and stack.index == 1
    assert window.status_line.saved_label.text().startswith("✓ saved")


def test_a_failed_undo_or_redo_leaves_the_history_where_the_corpus_is(
        window: MainWindow) -> None:
    stack = window.session.history
    doc_id = window.doc_id
    select_word(window, "Hamas")
    press(window.view, "1")
    assert stored_texts(window.corpus.path, doc_id) == ["Hamas"] and stack.index == 1

    with LockHolder(window.corpus.path) as holder:
        press(window.view, *UNDO)
        assert stack.index == 1 and stack.can_undo  # not moved: nothing was undone
        assert stored_texts(window.corpus.path, doc_id) == ["Hamas"]
        assert [s.text for s in window.session.spans] == ["Hamas"]  # still shown
        assert "another program is writing" in window.notice.text()
        assert window.status_line.saved_label.text() == "✗ not saved"
        holder.release()
    press(window.view, *UNDO)
    assert stack.index == 0 and stored_texts(window.corpus.path, doc_id) == []
    assert window.corpus.status(doc_id, "alice") == "todo"

    with LockHolder(window.corpus.path) as holder:
        press(window.view, *REDO)
        assert stack.index == 0 and stack.can_redo
        assert stored_texts(window.corpus.path, doc_id) == []
        assert len(window.session.spans) == 0
        holder.release()
    press(window.view, *REDO)
    assert stack.index == 1 and stored_texts(window.corpus.path, doc_id) == ["Hamas"]
    press(window.view, *UNDO)  # the redone step is undone as usual
    assert stack.index == 0 and stored_texts(window.corpus.path, doc_id) == []


def test_an_edit_waits_for_a_writer_that_finishes_within_the_wait(window: MainWindow) -> None:
    stack = window.session.history
    doc_id = window.doc_id
    shown: list[str] = []
    with LockHolder(window.corpus.path) as holder:
        window_notice = window.corpus.db.on_wait
        assert window_notice is not None

        def other_program_finishes(path: Path) -> None:
            # The window has waited a second and says so; now the other writer ends.
            window_notice(path)
            shown.append(window.statusBar().currentMessage())
            holder.release()

        window.corpus.db.on_wait = other_program_finishes
        select_word(window, "Hamas")
        press(window.view, "1")
    assert shown and "Waiting for another program" in shown[0]
    assert stored_texts(window.corpus.path, doc_id) == ["Hamas"]
    assert stack.index == 1
    assert window.status_line.saved_label.text().startswith("✓ saved")
    assert not window.notice.isVisible()


def test_two_windows_in_two_processes_save_every_edit(window: MainWindow) -> None:
    path, doc_id = window.corpus.path, window.doc_id
    assert doc_id is not None
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", window.view.text)][:30]
    with WindowProcess(path, "bob") as other:
        other.send(f"tag-words {doc_id} 0 {len(words)} 2")
        other.expect("started")
        refused_here = 0
        for start, end in words:  # while bob's window tags the same words as casualties
            before = window.session.history.index
            window.view.select_range(start, end)
            press(window.view, "1")
            refused_here += window.session.history.index != before + 1
        report = other.expect("done")
        other.send("quit")
    assert report == f"done {len(words)} 0", report
    assert refused_here == 0 and window.notice.text() == ""
    with Corpus.open(path, create=False) as corpus:
        spans = corpus.spans(doc_id)
        log = changes(corpus, doc_id=doc_id)
    texts = [window.view.text[s:e] for s, e in words]
    assert sorted(s.text for s in spans if s.coder == "alice" and s.label == "actor") \
        == sorted(texts)
    assert sorted(s.text for s in spans if s.coder == "bob" and s.label == "casualty") \
        == sorted(texts)
    logged = {(c.coder, c.span_uid) for c in log if c.action == "add span"}
    assert logged == {(s.coder, s.uid) for s in spans}


def test_a_step_that_can_never_be_undone_leaves_the_history_and_older_ones_still_undo(
        window: MainWindow) -> None:
    stack = window.session.history
    doc_id = window.doc_id
    select_word(window, "Hamas")
    press(window.view, "1")  # tag as actor
    click_at(window.view, window.view.text.index("Hamas") + 1)
    press(window.view, "3")  # relabel it as location
    assert [s.label for s in window.corpus.spans(doc_id)] == ["location"]
    assert len(stack) == 2 and stack.index == 2
    with Corpus.open(window.corpus.path, create=False) as other:  # another window removes it
        [theirs] = other.spans(doc_id)
        other.delete_span(theirs)
    press(window.view, *UNDO)  # the relabel cannot be taken back: the span is gone
    assert "dropped from the undo history" in window.statusBar().currentMessage() + \
        window.notice.text()
    assert len(stack) == 1 and stack.index == 1 and stack.can_undo
    press(window.view, *UNDO)  # the tag before it still undoes
    assert stack.index == 0
    assert stored_texts(window.corpus.path, doc_id) == []
