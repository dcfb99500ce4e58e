"""File > New corpus asks which codebook the corpus starts with: annotator's own or a
dataset's, chosen in the real dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.core.datasets import DATASETS, dataset_schema
from annotator.gui.main_window import MainWindow
from annotator.gui.prompts import Prompts


def answer_the_dialog(qtbot, choose: str | None) -> list[list[str]]:
    """Choose ``choose`` (by its start) in the next input dialog, or cancel it; returns
    the options it offered."""
    offered: list[list[str]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        offered.append(dialog.comboBoxItems())
        if choose is None:
            dialog.reject()
            return
        [item] = [i for i in dialog.comboBoxItems() if i.startswith(choose)]
        dialog.setTextValue(item)
        dialog.accept()

    QTimer.singleShot(0, answer)
    return offered


def test_the_dialog_offers_each_dataset_and_gives_its_name(qtbot) -> None:
    offered = answer_the_dialog(qtbot, "UCDP")
    assert Prompts(None).new_corpus_codebook() == "ucdp"
    [options] = offered
    assert options[0].startswith("annotator's own")
    assert options[1:] == list(DATASETS.values())
    answer_the_dialog(qtbot, "annotator's own")
    assert Prompts(None).new_corpus_codebook() == ""
    answer_the_dialog(qtbot, None)
    assert Prompts(None).new_corpus_codebook() is None


def test_a_new_corpus_with_the_acled_codebook_opens_with_it(window: MainWindow, prompts,
                                                           tmp_path: Path) -> None:
    fresh = tmp_path / "acled.sqlite"
    prompts.paths = [fresh]
    prompts.codebook_choice = "acled"
    window.files.new_corpus()
    assert window.corpus.path == fresh
    assert window.session.schema == dataset_schema("acled")
    assert window.session.schema.event_types == dataset_schema("acled").event_types


def test_cancelling_the_codebook_question_makes_no_corpus(window: MainWindow, prompts,
                                                         tmp_path: Path) -> None:
    before = window.corpus.path
    fresh = tmp_path / "never.sqlite"
    prompts.paths = [fresh]
    prompts.codebook_choice = None
    window.files.new_corpus()
    assert not fresh.exists()
    assert window.corpus.path == before
