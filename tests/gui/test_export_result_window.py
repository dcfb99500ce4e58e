"""The window's export result names what was lost in the message itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.formats.selection import ExportOptions
from annotator.gui.export_dialog import ExportChoice
from annotator.gui.main_window import MainWindow
from annotator.gui.result_dialog import SHOWN_LINES, ResultDialog
from tests.gui.helpers import click_at, drag_select, press


def test_the_losses_are_in_the_export_message(qtbot, window: MainWindow, prompts,
                                              tmp_path: Path) -> None:
    view = window.view
    starts = {}
    for phrase in ("Hamas", "Hezbollah"):
        starts[phrase] = view.text.index(phrase)
        drag_select(view, starts[phrase], starts[phrase] + len(phrase))
        press(view, "1")
    click_at(view, starts["Hamas"] + 1)
    press(view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    click_at(view, starts["Hezbollah"] + 1)
    assert len(window.corpus.relations(window.doc_id)) == 1

    out = tmp_path / "out.conll"
    prompts.exports = [ExportChoice("conll", out, ExportOptions())]
    window.files.export()
    assert window.background.worker is not None
    # Its end as the window sees it (a signal the thread sent before this line
    # started listening would be missed).
    qtbot.waitUntil(lambda: window.background.worker is None, timeout=20_000)
    title, message = prompts.results[-1]
    assert title == "Export finished"
    lines = message.splitlines()
    assert lines[0].startswith("wrote 4 documents")
    assert "lost in this format:" in lines
    assert any("× relations" in line and "attacked" in line for line in lines)
    assert prompts.infos == []  # nothing behind "Show details"


def test_the_result_box_shows_the_first_lines_and_scrolls_to_the_rest(qtbot) -> None:
    lines = ["wrote 3 documents to out.conll", "lost in this format:",
             *(f"  {n} × something the format cannot hold" for n in range(1, 41))]
    dialog = ResultDialog(None, "Export finished", "\n".join(lines))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.head.text() == lines[0]
    body = dialog.body
    assert body.toPlainText().splitlines() == lines[1:]  # all of it, scrollable
    assert body.verticalScrollBar().maximum() > 0
    # The first lines are in view without scrolling.
    block = body.document().findBlockByNumber(SHOWN_LINES - 2)
    top = body.blockBoundingGeometry(block).translated(body.contentOffset()).bottom()
    assert top <= body.viewport().height()
