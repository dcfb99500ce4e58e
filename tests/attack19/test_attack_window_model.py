"""The corpus model in the window attacked: a broken model beside the corpus, a training
that cannot succeed, settings edited by hand."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.commands import SOURCE_ATTR
from annotator.gui.main_window import MainWindow
from annotator.model_files import model_dir
from annotator.settings import Settings, config_dir
from tests.attack19.test_attack_model_folder import coded_corpus, run
from tests.gui.conftest import _appearance_left_as_found, open_window, prompts  # noqa: F401
from tests.gui.helpers import press

CTRL = Qt.KeyboardModifier.ControlModifier
SUGGEST = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TRAINING_WAIT_MS = 300_000


def _said(window: MainWindow) -> list[str]:
    messages: list[str] = []
    window.session.said.connect(lambda message, _ms: messages.append(str(message)))
    return messages


def _show(window: MainWindow, uid: str) -> None:
    doc_id = next(d for d in window.corpus.document_ids()
                  if window.corpus.document(d).uid == uid)
    window.session.show_document(doc_id)


def test_a_model_with_a_null_meta_is_said_and_suggesting_goes_on(qtbot, tmp_path: Path,
                                                                 prompts):  # noqa: F811
    corpus = coded_corpus(tmp_path)
    assert run("train", corpus, "--epochs", "1", "--doubt-pool", "0").exit_code == 0
    (model_dir(corpus) / "meta.json").write_text("null", encoding="utf-8")
    window = open_window(qtbot, corpus, prompts, coder="alice")
    said = _said(window)
    _show(window, "d23")
    try:
        press(window.view, Qt.Key.Key_S, SUGGEST)
        assert window.model_training.model() is None
    finally:
        made = [s for s in window.corpus.spans(window.doc_id) if s.origin == "suggested"]
        window.close()
    assert any(model_dir(corpus).name in message for message in said), said
    assert any(s.attrs.get(SOURCE_ATTR) == "gazetteer" for s in made)  # Gao, as ever


def test_a_training_that_failed_is_not_started_again_at_every_done_mark(
        qtbot, tmp_path: Path, prompts):  # noqa: F811
    """Held since f1521bb (before it, every done mark after a failure started one)."""
    corpus = coded_corpus(tmp_path, coded=22, undone=4)
    # A folder of the user's holds the model's name: each training is refused at once.
    model_dir(corpus).write_text("the user's own file", encoding="utf-8")
    window = open_window(qtbot, corpus, prompts, coder="alice")
    training = window.model_training
    window.bench.settings.train_every = 10
    said = _said(window)
    _show(window, "d22")
    with qtbot.waitSignal(training.finished, timeout=TRAINING_WAIT_MS) as ended:
        press(window.view, Qt.Key.Key_Return, CTRL)
    assert ended.args == [False]
    assert any("not trained" in message and model_dir(corpus).name in message
               for message in said), said
    started = []
    for _ in range(2):  # two more done: far fewer than train_every
        press(window.view, Qt.Key.Key_Return, CTRL)
        started.append(training.process is not None)
        if training.process is not None:
            with qtbot.waitSignal(training.finished, timeout=TRAINING_WAIT_MS):
                pass
    window.close()
    assert started == [False, False]
    assert model_dir(corpus).read_text(encoding="utf-8") == "the user's own file"


def test_closing_the_window_during_a_training_stops_it(qtbot, tmp_path: Path,
                                                       prompts):  # noqa: F811
    """Held: the window closes, its training process is gone, nothing is written after."""
    corpus = coded_corpus(tmp_path, coded=22, undone=4)
    window = open_window(qtbot, corpus, prompts, coder="alice")
    training = window.model_training
    window.binder.bound["suggest.train_model"].trigger()
    process = training.process
    assert process is not None
    qtbot.waitUntil(lambda: process.processId() > 0, timeout=60_000)
    pid = process.processId()
    window.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped and reaped, not left running
    assert not model_dir(corpus).exists()


BAD_SETTINGS = {"train_every": ["abc", -5, 1e9, True, None, [3]],
                "model_threshold": ["x", 5, -0.1, float("nan"), True],
                "doubt_first": ["yes", 1, "true"]}


def test_settings_edited_by_hand_fall_back(tmp_path: Path):
    """Held: each value no one could have chosen reads as the default."""
    path = config_dir() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    for key, values in BAD_SETTINGS.items():
        for value in values:
            path.write_text(json.dumps({key: value}), encoding="utf-8")
            loaded = Settings.load()
            assert getattr(loaded, key) == getattr(Settings(), key), (key, value)


def test_a_report_with_nan_is_shown_or_said(qtbot, tmp_path: Path, prompts):  # noqa: F811
    from tests.attack19.test_attack_model_folder import _report_value

    corpus = coded_corpus(tmp_path)
    assert run("train", corpus, "--epochs", "1", "--doubt-pool", "0").exit_code == 0
    _report_value(corpus, "NaN")
    window = open_window(qtbot, corpus, prompts, coder="alice")
    try:
        window.binder.bound["suggest.model_report"].trigger()
    finally:
        window.close()
    assert prompts.results or prompts.infos


@pytest.mark.parametrize("marked", [True, False],
                         ids=["labelled and marked done", "labelled by an import alone"])
def test_a_model_of_a_labelled_corpus_is_trained_again_after_every_n_done(
        qtbot, tmp_path: Path, prompts, marked: bool):  # noqa: F811
    """Held since ab9e70d (before it, a model of imported labelled documents was not
    trained again until as many documents were marked done)."""
    source = tmp_path / "labelled.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(36):
            text = f"Fighters fired mortars at the camp near Gao on day {n}. Residents fled."
            start = text.index("mortars")
            record: dict[str, object] = {"id": f"d{n}", "text": text}
            if n < 30:  # labelled by another tool: spans, no statuses
                record["spans"] = [{"start": start, "end": start + 7, "label": "weapon",
                                    "coder": "tool"}]
                if marked:
                    record["statuses"] = {"tool": "done"}
            out.write(json.dumps(record) + "\n")
    corpus = tmp_path / "x.sqlite"
    assert run("import", corpus, source).exit_code == 0
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0")
    assert result.exit_code == 0, result.output
    window = open_window(qtbot, corpus, prompts, coder="alice")
    training = window.model_training
    window.bench.settings.train_every = 2
    _show(window, "d30")
    started = False
    for _ in range(3):  # the coder marks three more done: more than train_every
        press(window.view, Qt.Key.Key_Return, CTRL)
        started = started or training.process is not None
    training.stop()
    window.close()
    assert started
