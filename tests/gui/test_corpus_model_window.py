"""The corpus model in the window: trained in a process of its own once enough
documents are marked done, while the coder goes on; its suggestions then come with
their source and confidence; a training killed part-way leaves the model in use;
"Next document" can offer what the model is least sure of first."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.commands import CONFIDENCE_ATTR, SOURCE_ATTR
from annotator.core.training import MIN_DOCUMENTS
from annotator.gui.main_window import MainWindow
from annotator.model_files import doubts_of, model_dir
from tests.cli.test_train_background import _weapon_corpus, run
from tests.gui.conftest import open_window
from tests.gui.helpers import press

CTRL = Qt.KeyboardModifier.ControlModifier
SUGGEST = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TRAINING_WAIT_MS = 300_000  # a training on a loaded machine: minutes, not seconds


def _said(window: MainWindow) -> list[str]:
    messages: list[str] = []
    window.session.said.connect(lambda message, _ms: messages.append(str(message)))
    return messages


def _show(window: MainWindow, uid: str) -> None:
    doc_id = next(d for d in window.corpus.document_ids() if window.corpus.document(d).uid == uid)
    window.session.show_document(doc_id)


def test_marking_enough_documents_done_trains_the_model_in_the_background(
        qtbot, tmp_path: Path, prompts) -> None:
    corpus = _weapon_corpus(tmp_path, MIN_DOCUMENTS - 1, 4)  # one short of a first training
    window = open_window(qtbot, corpus, prompts, coder="alice")
    said = _said(window)
    window.bench.settings.train_every = 1
    training = window.model_training
    assert training.process is None and training.model() is None
    _show(window, "w-19")
    with qtbot.waitSignal(training.finished, timeout=TRAINING_WAIT_MS) as ended:
        press(window.view, Qt.Key.Key_Return, CTRL)  # done: the twentieth
        # The window went on at once to the next document, the training running apart.
        assert training.process is not None
        assert window.session.document.uid == "w-20"
    assert ended.args == [True]
    assert any("trained on" in message and "F1" in message for message in said)
    # Suggest > Corpus model… says what it reached, a label a line.
    window.binder.bound["suggest.model_report"].trigger()
    title, message = prompts.results[-1]
    assert title == "Corpus model" and "weapon: precision" in message
    assert "All labels: precision" in message and "w.sqlite-model" in message
    # Its suggestions join the others, with their source and how sure it is.
    press(window.view, Qt.Key.Key_S, SUGGEST)
    made = [s for s in window.corpus.spans(window.doc_id) if s.origin == "suggested"]
    from_model = [s for s in made if s.attrs[SOURCE_ATTR] == "corpus model"]
    assert from_model and {s.label for s in from_model} == {"weapon"}
    assert all(window.bench.settings.model_threshold <= s.attrs[CONFIDENCE_ATTR] <= 1
               for s in from_model)
    # A higher threshold shows fewer (none above certainty).
    press(window.view, Qt.Key.Key_Z, CTRL)
    window.bench.settings.model_threshold = 1.0
    press(window.view, Qt.Key.Key_S, SUGGEST)
    again = [s for s in window.corpus.spans(window.doc_id) if s.origin == "suggested"
             and s.attrs[SOURCE_ATTR] == "corpus model"]
    assert all(s.attrs[CONFIDENCE_ATTR] >= 1.0 for s in again)


def test_a_training_killed_in_the_window_keeps_the_model_in_use(
        qtbot, tmp_path: Path, prompts) -> None:
    corpus = _weapon_corpus(tmp_path, 24, 3)
    assert run("train", corpus, "--seed", "1").exit_code == 0
    meta = (model_dir(corpus) / "meta.json").read_bytes()
    window = open_window(qtbot, corpus, prompts, coder="alice")
    said = _said(window)
    training = window.model_training
    before = training.model()
    assert before is not None
    window.binder.bound["suggest.train_model"].trigger()
    process = training.process
    assert process is not None
    qtbot.waitUntil(lambda: "pass" in training.progress_text, timeout=TRAINING_WAIT_MS)
    with qtbot.waitSignal(training.finished, timeout=60_000) as ended:
        os.kill(process.processId(), signal.SIGKILL)
    assert ended.args == [False]
    assert any("not trained" in message and "kept" in message for message in said)
    assert (model_dir(corpus) / "meta.json").read_bytes() == meta
    assert training.model() is before  # the same model, not even loaded again
    _show(window, "w-25")
    press(window.view, Qt.Key.Key_S, SUGGEST)
    assert any(s.attrs.get(SOURCE_ATTR) == "corpus model"
               for s in window.corpus.spans(window.doc_id) if s.origin == "suggested")


def test_next_document_can_offer_what_the_model_doubts_most_first(
        qtbot, tmp_path: Path, prompts) -> None:
    corpus = _weapon_corpus(tmp_path, 20, 4, unlike=4)
    assert run("train", corpus, "--seed", "1").exit_code == 0
    doubts = doubts_of(model_dir(corpus))
    assert set(doubts) == {f"w-{n}" for n in range(20, 28)}
    ranked = sorted(doubts, key=lambda uid: (-doubts[uid], uid))
    window = open_window(qtbot, corpus, prompts, coder="alice")
    assert window.session.document.uid == "w-20"  # the first undone, in corpus order
    action = window.binder.bound["document.doubt_first"]
    assert not action.isChecked()
    action.trigger()
    assert window.bench.settings.doubt_first
    window.binder.bound["document.next_undone"].trigger()
    offered = [uid for uid in ranked if uid != "w-20"]  # not the one open
    assert window.session.document.uid == offered[0]
    press(window.view, Qt.Key.Key_Return, CTRL)  # done, and on to the next most doubtful
    assert window.session.document.uid == next(uid for uid in ranked if uid != offered[0])
    # The model doubts these reports unevenly: the order is the doubt's, not the corpus's.
    assert ranked != sorted(ranked, key=lambda uid: int(uid[2:]))
    action.trigger()  # off: the corpus order again
    window.binder.bound["document.next_undone"].trigger()
    assert not window.session.doubts
    assert window.session.document.uid in {f"w-{n}" for n in range(20, 28)}


def test_a_training_that_fails_is_said_and_not_tried_again_at_every_document(
        qtbot, tmp_path: Path, prompts) -> None:
    corpus = _weapon_corpus(tmp_path, MIN_DOCUMENTS + 1, 6)
    mine = tmp_path / "w.sqlite-model"  # a folder of the user's where the model would go
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    window = open_window(qtbot, corpus, prompts, coder="alice")
    said = _said(window)
    window.bench.settings.train_every = 2
    training = window.model_training
    starts: list[bool] = []
    training.finished.connect(starts.append)
    with qtbot.waitSignal(training.finished, timeout=TRAINING_WAIT_MS):
        press(window.view, Qt.Key.Key_Return, CTRL)  # 22 done: a first training
    assert starts == [False]
    assert any("not trained" in m and "nothing was replaced" in m for m in said)
    press(window.view, Qt.Key.Key_Return, CTRL)  # 23: not again yet
    assert training.process is None and starts == [False]
    with qtbot.waitSignal(training.finished, timeout=TRAINING_WAIT_MS):
        press(window.view, Qt.Key.Key_Return, CTRL)  # 24: two more since the last try
    assert starts == [False, False]
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "mine"
