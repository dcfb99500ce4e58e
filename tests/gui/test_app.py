"""Starting the window, the coder's identity, and the File menu."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.gui.app import build_window
from annotator.gui.main_window import MainWindow
from annotator.settings import Settings, default_corpus_path
from annotator.storage.corpus import Corpus
from tests.conftest import SAMPLES
from tests.gui.helpers import drag_select, press


def test_first_run_opens_the_default_corpus_with_samples_and_asks_the_coder_once(
    qtbot, prompts
) -> None:
    prompts.coder = "dana"
    window = build_window(None, None, prompts)
    assert window is not None
    qtbot.addWidget(window)
    assert window.corpus.path == default_corpus_path()
    assert window.corpus.document_count() == 4
    assert window.session.coder == "dana"
    assert window.view.text.startswith("Two Katyusha rockets were fired at Ain al-Assad")
    assert window.status_line.coder_label.text() == "coder: dana"
    window.close()
    again = build_window(None, None, prompts)
    qtbot.addWidget(again)
    assert again.session.coder == "dana"
    assert prompts.asked_coder == 1  # remembered
    assert again.corpus.document_count() == 4  # samples not added twice
    again.close()


def test_coder_from_the_environment_wins_over_the_remembered_one(
    qtbot, prompts, monkeypatch, sample_corpus: Path
) -> None:
    Settings(coder="remembered").save()
    monkeypatch.setenv("ANNOTATOR_CODER", "from-env")
    window = build_window(sample_corpus, None, prompts)
    qtbot.addWidget(window)
    assert window.session.coder == "from-env"
    explicit = build_window(sample_corpus, "given", prompts)
    qtbot.addWidget(explicit)
    assert explicit.session.coder == "given"
    assert prompts.asked_coder == 0


def test_every_span_records_its_coder(window: MainWindow) -> None:
    view = window.view
    start = view.text.index("Hezbollah")
    drag_select(view, start, start + len("Hezbollah"))
    press(view, "1")
    assert [s.coder for s in window.corpus.spans(window.doc_id)] == ["alice"]


def test_a_file_that_is_not_a_corpus_shows_a_dialog(qtbot, tmp_path: Path, prompts) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    assert build_window(bad, "alice", prompts) is None
    assert prompts.errors and "not a corpus" in prompts.errors[0][1]
    assert bad.read_text() == "not a database"


def test_open_a_bad_file_keeps_the_current_corpus(window: MainWindow, prompts,
                                                  tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("garbage")
    prompts.paths = [bad]
    window.files.open_corpus()
    assert prompts.errors[-1][0] == "Cannot open corpus"
    assert window.corpus.document_count() == 4  # still open and usable
    assert window.view.text


def test_new_corpus_then_open_recent(window: MainWindow, prompts, tmp_path: Path,
                                     sample_corpus: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    prompts.paths = [fresh]
    window.files.new_corpus()
    assert window.corpus.path == fresh
    assert window.corpus.document_count() == 0
    assert "empty" in window.status_line.document_label.text()
    recent = [a.text() for a in window.files.recent_menu.actions()]
    assert recent[:2] == [str(fresh.resolve()), str(sample_corpus.resolve())]
    window.files.recent_menu.actions()[1].trigger()
    assert window.corpus.path.resolve() == sample_corpus.resolve()
    assert Settings.load().recent[0] == str(sample_corpus.resolve())


def test_import_from_the_file_menu_runs_in_the_background(qtbot, window: MainWindow, prompts,
                                                          tmp_path: Path) -> None:
    data = tmp_path / "more.jsonl"
    data.write_text(
        json.dumps({"text": "Militants attacked a convoy near Gao.", "spans": [
            {"start": 0, "end": 9, "label": "actor"}]}) + "\n"
        + '{"text": broken}\n', encoding="utf-8")
    prompts.paths = [data]
    window.files.import_files()
    worker = window.background.worker
    assert worker is not None
    # Its end as the window sees it (a signal the thread sent before this line
    # started listening would be missed).
    qtbot.waitUntil(lambda: window.background.worker is None, timeout=10_000)
    assert window.corpus.document_count() == 5
    assert window.documents.rowCount() == 5
    title, head, details = prompts.infos[-1]
    assert title == "Import finished"
    assert "1 added" in head
    assert f"{data}:2: not valid JSON" in details


def test_export_from_the_file_menu_in_the_background(qtbot, window: MainWindow, prompts,
                                                      tmp_path: Path) -> None:
    from annotator.formats.selection import ExportOptions
    from annotator.gui.export_dialog import ExportChoice

    view = window.view
    for phrase, key in (("Iraqi security source", "1"), ("Iraqi", "3")):
        start = view.text.index(phrase)
        drag_select(view, start, start + len(phrase))
        press(view, key)
    out = tmp_path / "export.conll"
    prompts.exports = [ExportChoice("conll", out, ExportOptions())]
    window.files.export()
    assert prompts.export_offered == (["actor", "casualty", "location"], ["alice"])
    assert window.background.worker is not None
    # Its end as the window sees it (a signal the thread sent before this line
    # started listening would be missed).
    qtbot.waitUntil(lambda: window.background.worker is None, timeout=20_000)
    assert out.read_text(encoding="utf-8").startswith("-DOCSTART- -X- O O")
    title, message = prompts.results[-1]
    assert title == "Export finished"
    assert message.startswith("wrote 4 documents")
    assert "overlapping span left out of IOB tags" in message  # in the message itself


def test_the_export_dialog_checks_its_choices(qtbot, tmp_path: Path) -> None:
    from annotator.formats.selection import BadOption
    from annotator.gui.export_dialog import ExportDialog

    dialog = ExportDialog(None, tmp_path / "corpus.sqlite", ["actor", "location"], ["alice"],
                          folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("spacy"))
    assert dialog.output.text() == str(tmp_path / "corpus-spacy.spacy")
    dialog.status.setCurrentText("done")
    dialog.labels.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.split.setText("80/10/10")
    choice = dialog.read_choice()
    assert (choice.format, choice.options.status, choice.options.labels,
            choice.options.split) == ("spacy", "done", ("location",), (80, 10, 10))
    # Each document's own tokeniser (its language, its source's tokens) unless one is named.
    assert choice.options.lang == "auto"
    dialog.split.setText("50/40")
    with pytest.raises(BadOption, match="add up to 100"):
        dialog.read_choice()
    dialog._accept()
    assert "add up to 100" in dialog.error.text()
    assert dialog.result() == 0  # still open


def test_import_summary_for_files_of_the_samples_folder(window: MainWindow, prompts) -> None:
    prompts.paths = [SAMPLES / "kirkuk-checkpoint-2024-09-14.txt"]
    window.files.import_files()
    worker = window.background.worker
    assert worker is not None
    assert worker.wait(10_000)
    with Corpus.open(window.corpus.path) as corpus:
        assert corpus.document_count() == 4  # the file was a duplicate


def test_a_missing_named_corpus_is_not_created(qtbot, tmp_path: Path, prompts) -> None:
    missing = tmp_path / "typo.sqlite"
    assert build_window(missing, "alice", prompts) is None
    assert "no such corpus" in prompts.errors[0][1]
    assert not missing.exists()


def test_right_click_on_a_span_offers_labels_and_remove(window: MainWindow, monkeypatch) -> None:
    from PySide6.QtWidgets import QMenu

    shown: list[list[str]] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _where: shown.append(
        [a.text() for a in menu.actions() if a.text()]))
    view = window.view
    start = view.text.index("Hamas")
    drag_select(view, start, start + len("Hamas"))
    press(view, "1")
    window.session.select("")
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    from tests.gui.helpers import point_of
    local = point_of(view, start + 1)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, local,
                              view.viewport().mapToGlobal(local))
    QApplication.sendEvent(view.viewport(), event)
    assert shown == [["Actor", "Casualty", "Location",
                      "Link the selected span to another…", "Remove span"]]
    assert view.selected_span() is not None
    assert view.selected_span().text == "Hamas"


def test_an_unexpected_error_shows_a_dialog_logs_it_and_keeps_the_work(
    window: MainWindow, isolated_home: Path, monkeypatch
) -> None:
    import sys

    from PySide6.QtWidgets import QApplication, QMessageBox

    from annotator.gui.app import install_error_dialog

    shown: list[QMessageBox] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_dialog(window, show=shown.append)
    start = window.view.text.index("Hamas")
    drag_select(window.view, start, start + 5)
    press(window.view, "1")
    try:
        raise RuntimeError("the gazetteer file vanished")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    [box] = shown
    assert "the gazetteer file vanished" in box.text()
    assert "Your work so far is saved" in box.text()
    [copy] = [b for b in box.buttons() if b.text() == "Copy details"]
    copy.click()
    assert "RuntimeError: the gazetteer file vanished" in QApplication.clipboard().text()
    log = (isolated_home / "data" / "annotator.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "gazetteer" in log
    assert [s.text for s in window.corpus.spans(window.doc_id)] == ["Hamas"]


def test_the_window_picks_up_documents_another_process_added(window: MainWindow,
                                                             tmp_path: Path) -> None:
    from annotator.core.model import DocumentRecord
    from annotator.storage.bulk import add_documents

    assert not window.pick_up_outside_changes()
    with Corpus.open(window.corpus.path) as other:  # a second writer, as a CLI import is
        add_documents(other, [DocumentRecord(text="A new report from Gao.")])
    assert window.pick_up_outside_changes()
    assert window.documents.rowCount() == 5
    assert window.status_line.progress_label.text() == "done 0 / 5"


def test_two_windows_on_one_corpus_both_save(qtbot, window: MainWindow, prompts) -> None:
    second = MainWindow(Corpus.open(window.corpus.path), "bob", Settings(), prompts)
    qtbot.addWidget(second)
    second.show()
    for who, phrase in ((window, "Hamas"), (second, "Hezbollah"), (window, "Iran")):
        who.activateWindow()  # keys go to the window the coder is in
        qtbot.waitUntil(who.isActiveWindow)
        start = who.view.text.index(phrase)
        drag_select(who.view, start, start + len(phrase))
        press(who.view, "1")
    assert second.pick_up_outside_changes()
    assert [s.text for s in second.session.spans] == ["Hezbollah"]  # bob's own by default
    second.coding.all_coders_action.setChecked(True)
    assert sorted(s.text for s in second.session.spans) == ["Hamas", "Hezbollah", "Iran"]
    assert sorted(s.coder for s in second.session.spans) == ["alice", "alice", "bob"]
    second.close()


def test_opening_makes_a_rolling_backup_in_the_background(qtbot, window: MainWindow,
                                                          isolated_home: Path) -> None:
    worker = window.health
    assert worker is not None and not worker.isRunning()  # it waits for the coder to start
    assert window.health_timer.isActive()
    window.health_timer.timeout.emit()  # as the timer does after a few seconds
    assert worker.wait(10_000)
    copies = list((isolated_home / "data" / "backups").rglob("*.sqlite"))
    assert len(copies) == 1
    with Corpus.open(copies[0]) as copy:
        assert copy.document_count() == 4


def test_an_edit_to_a_span_removed_elsewhere_is_refused_and_shown(window: MainWindow,
                                                                 prompts) -> None:
    start = window.view.text.index("Hamas")
    drag_select(window.view, start, start + 5)
    press(window.view, "1")
    span = window.view.selected_span()
    with Corpus.open(window.corpus.path) as other:
        other.delete_span(other.span(span.uid))
    press(window.view, "3")  # relabel what this window still shows
    # Said without a modal box: a notice above the article and the status bar.
    assert window.notice.text().startswith("Not saved")
    assert "removed elsewhere" in window.notice.text()
    assert "removed elsewhere" in window.statusBar().currentMessage()
    assert window.status_line.saved_label.text() == "✗ not saved"
    assert window.spans.rowCount() == 0  # the window now shows the corpus as it is


def test_about_names_version_licence_and_corpus_and_the_icon_is_set(window: MainWindow,
                                                                    prompts) -> None:
    from PySide6.QtWidgets import QApplication

    from annotator import __version__
    from annotator.gui.app import application

    application()
    window.tools.about()
    title, text, _details = prompts.infos[-1]
    assert title == "About annotator"
    assert __version__ in text and "MIT" in text and str(window.corpus.path) in text
    assert not QApplication.windowIcon().isNull()


def test_closing_cancels_the_background_check_at_once(qtbot, tmp_path: Path, prompts) -> None:
    import time

    from annotator.core.model import DocumentRecord
    from annotator.storage.bulk import add_documents

    path = tmp_path / "large.sqlite"
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=f"Report {n}. " + "word " * 4000)
                               for n in range(2000)])  # some 40 MB to read
    window = MainWindow(Corpus.open(path), "alice", Settings(), prompts)
    qtbot.addWidget(window)
    window.show()
    worker = window.health
    worker.start()
    qtbot.waitUntil(worker.isRunning)
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 2.0
    assert worker.isFinished()
    assert prompts.errors == []  # an interrupted check is not reported as damage
