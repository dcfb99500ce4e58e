"""Several coders in the window: own or all spans, merge, agreement, adjudication."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.cli import cli
from annotator.core.model import Span
from annotator.gui.adjudication_dialog import AdjudicationDialog
from annotator.gui.main_window import MainWindow
from annotator.storage.corpus import Corpus
from tests.gui.helpers import press


def add(window: MainWindow, coder: str, phrase: str, label: str, **attrs: object) -> None:
    with Corpus.open(window.corpus.path) as corpus:  # as another coder's window would
        text = corpus.document(window.doc_id).text
        start = text.index(phrase)
        corpus.insert_span(Span(start=start, end=start + len(phrase), label=label, text=phrase,
                                coder=coder, doc_id=window.doc_id, attrs=attrs))
    window.pick_up_outside_changes()


def coded_by_two(window: MainWindow) -> None:
    add(window, "alice", "Ain al-Assad airbase", "location")
    add(window, "bob", "Ain al-Assad airbase", "location")
    add(window, "alice", "At least five US personnel", "casualty", count_best=5)
    add(window, "bob", "five US personnel", "casualty", count_best=5)
    add(window, "bob", "Hamas", "actor")


def test_own_spans_by_default_all_coders_on_request(window: MainWindow) -> None:
    coded_by_two(window)
    assert {s.coder for s in window.session.spans} == {"alice"}
    press(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    assert {s.coder for s in window.session.spans} == {"alice", "bob"}
    shown = [window.spans.data(window.spans.index(r)) for r in range(window.spans.rowCount())]
    assert "act  Hamas  · bob" in shown
    window.view.viewport().repaint()
    block = window.view.document().findBlock(window.view.text.index("Hamas"))
    dotted = [r for r in block.layout().formats()
              if r.format.underlineStyle() == r.format.underlineStyle().DotLine]
    assert dotted  # bob's span is drawn apart from alice's


def test_adjudication_keys_make_gold(qtbot, window: MainWindow, prompts,
                                    tmp_path: Path) -> None:
    coded_by_two(window)
    press(window.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    [(spans, coders, take)] = prompts.adjudications
    assert coders == ["alice", "bob"]
    dialog = AdjudicationDialog(None, spans, coders, take)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # as exec() makes it: keys go to the dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert [item.agreed for item in dialog.items] == [True, False, False]
    assert dialog.table.currentRow() == 1  # the first disagreement
    QTest.keyClick(dialog.table, Qt.Key.Key_1)  # alice's "At least five US personnel"
    assert dialog.table.currentRow() == 2
    QTest.keyClick(dialog.table, Qt.Key.Key_2)  # bob's Hamas
    QTest.keyClick(dialog.table, Qt.Key.Key_A)  # and the agreed airbase
    gold = sorted((s.text, s.label) for s in window.corpus.spans(window.doc_id)
                  if s.coder == "gold")
    assert gold == [("Ain al-Assad airbase", "location"), ("At least five US personnel",
                                                           "casualty"), ("Hamas", "actor")]
    dialog.table.selectRow(1)
    QTest.keyClick(dialog.table, Qt.Key.Key_2)  # change of mind: bob's version replaces it
    gold = {s.text for s in window.corpus.spans(window.doc_id) if s.coder == "gold"}
    assert "five US personnel" in gold and "At least five US personnel" not in gold
    dialog.close()
    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(cli, ["export", str(window.corpus.path), "--coder", "gold",
                                      "-o", str(out)])
    assert result.exit_code == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {s["coder"] for s in first["spans"]} == {"gold"}
    assert len(first["spans"]) == 3


def test_agreement_report_in_the_window(window: MainWindow, prompts, tmp_path: Path) -> None:
    from annotator.gui.report_dialog import ReportDialog

    coded_by_two(window)
    window.tools.agreement_report()
    [(html, full)] = prompts.reports
    assert "alice and bob" in html and "<svg" not in html
    assert "<svg" in full
    dialog = ReportDialog(None, html, full, window.corpus.path, prompts)
    saved = dialog.save(tmp_path / "report.html")
    assert saved.read_text(encoding="utf-8") == full


def test_merge_from_the_file_menu(window: MainWindow, prompts, tmp_path: Path) -> None:
    other = tmp_path / "bob.sqlite"
    with Corpus.open(window.corpus.path) as corpus:
        corpus.backup(other)
    with Corpus.open(other) as theirs:
        text = theirs.document(1).text
        start = text.index("Hamas")
        theirs.insert_span(Span(start=start, end=start + 5, label="actor", text="Hamas",
                                coder="bob", doc_id=1))
    prompts.paths = [other]
    window.files.merge()
    title, head, details = prompts.infos[-1]
    assert title == "Merge finished"
    assert "1 spans" in head
    assert details.startswith("bob.sqlite: added 0 documents, 1 spans")
    with Corpus.open(window.corpus.path) as corpus:
        assert [s.coder for s in corpus.spans(1)] == ["bob"]
