"""What the window keeps between one start and the next: the export folder, its
place on the screen; and the span count that leaves pending suggestions apart."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.selection import ExportOptions
from annotator.gui.export_dialog import ExportChoice
from annotator.gui.main_window import MainWindow
from annotator.settings import Settings
from annotator.storage.corpus import Corpus


def test_the_export_folder_is_offered_again_next_time(qtbot, window: MainWindow, prompts,
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    prompts.exports = [ExportChoice("jsonl", folder / "out.jsonl", ExportOptions())]
    window.files.export()
    qtbot.waitUntil(lambda: window.background.worker is None, timeout=20_000)
    assert (folder / "out.jsonl").exists()
    assert Settings.load().export_folder == str(folder)  # kept on disk, not only in memory
    window.files.export()
    assert prompts.export_folder_offered == str(folder)


def test_the_window_opens_where_it_was_closed(qtbot, sample_corpus: Path, prompts) -> None:
    first = MainWindow(Corpus.open(sample_corpus), "alice", Settings.load(), prompts)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 560)
    first.move(40, 30)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()
    again = MainWindow(Corpus.open(sample_corpus), "alice", Settings.load(), prompts)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 560)


def test_pending_suggestions_are_counted_apart_from_spans(window: MainWindow) -> None:
    text = window.view.text
    start = text.index("Hamas")
    window.session.tag(start, start + 5, "actor")
    assert window.span_pane.title.text() == "Spans (1)"
    window.suggestion_actions.suggest_here()
    pending = sum(1 for s in window.session.spans if s.origin == "suggested")
    assert pending > 1
    assert window.span_pane.title.text() == f"Spans (1 · {pending} suggested)"
