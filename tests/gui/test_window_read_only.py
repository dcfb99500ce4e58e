"""A corpus that cannot be written opens for reading, searching and exporting, with
every edit disabled and the reason shown; and trouble that is not damage (read-only
media, a backups disk that is full or read-only) is never called damage."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Span
from annotator.formats.selection import ExportOptions
from annotator.gui.export_dialog import ExportChoice
from annotator.gui.main_window import MainWindow
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from annotator.workspace import create_corpus
from tests.conftest import damaged_corpus
from tests.gui.helpers import click_at, drag_select, press, search_corpus
from tests.gui.places import read_only_place, small_disk


@pytest.fixture
def read_only_window(qtbot, tmp_path: Path, prompts) -> Iterator[MainWindow]:
    """The sample corpus, one span coded, on a place that was then made read-only."""
    with read_only_place(tmp_path / "media") as place:
        path = place.folder / "samples.sqlite"
        corpus, _ = create_corpus(path, sample=True)
        doc_id = corpus.first_undone("alice")
        text = corpus.document(doc_id).text
        start = text.index("Hamas")
        corpus.insert_span(Span(start=start, end=start + 5, label="actor", text="Hamas",
                                coder="alice", doc_id=doc_id))
        corpus.close()
        place.seal()
        window = MainWindow(Corpus.open(path, create=False), "alice", Settings(), prompts)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.sealed_mount = place.mounted  # type: ignore[attr-defined]
        yield window
        window.close()  # lets go of the files before the place is unmounted


def stored(window: MainWindow) -> list[tuple[str, str]]:
    with Corpus.open(window.corpus.path, create=False) as corpus:
        return sorted((s.label, s.text) for d in corpus.document_ids() for s in corpus.spans(d))


def test_a_read_only_corpus_says_why_and_disables_every_edit(read_only_window: MainWindow,
                                                              prompts) -> None:
    window = read_only_window
    why = window.corpus.read_only
    assert why == ("the disk is read-only" if window.sealed_mount  # type: ignore[attr-defined]
                   else "the file is read-only")
    assert "(read-only)" in window.windowTitle()
    assert window.read_only_bar.isVisible()
    assert window.read_only_bar.text().startswith(f"read-only: {why}")
    assert window.status_line.saved_label.text() == f"read-only: {why}"
    names = {a.text().replace("&", ""): a for a in window.actions()}
    for name in ("Remove span", "Mark done and open next", "Mark done", "Mark skipped",
                 "Label schema…", "Import files…", "Import a folder…", "Merge coders' corpora…",
                 "Suggest spans for this document", "Accept suggestion (Enter)",
                 "Tag all occurrences in the corpus", "New event from selected spans…",
                 "Remove event", "Adjudicate this document…"):
        assert not names[name].isEnabled(), name
    for name in ("Export…", "Next document", "Search corpus", "Find in document",
                 "Agreement report…", "Keyboard shortcuts", "Open corpus…"):
        assert names[name].isEnabled(), name
    from annotator.session.actions import ACTIONS
    writers = [a for i, a in window.binder.bound.items() if ACTIONS[i].writes]
    assert writers and not any(a.isEnabled() for a in writers)
    assert not window.span_pane.form.isEnabled()

    # A label key on a selection says why nothing happens.
    view = window.view
    start = view.text.index("Iran")
    drag_select(view, start, start + 4)
    press(view, "1")
    assert "read-only" in window.statusBar().currentMessage()
    assert why in window.statusBar().currentMessage()
    assert stored(window) == [("actor", "Hamas")]
    assert window.notice.text() == ""  # no "not saved": nothing was tried

    # Delete on a selected span, a status, the details: nothing changes, nothing crashes.
    hamas = view.text.index("Hamas")
    click_at(view, hamas + 1)
    assert view.selected_span() is not None
    press(view, Qt.Key.Key_Delete)
    press(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == [("actor", "Hamas")]
    assert window.corpus.status(window.doc_id, "alice") == "todo"
    press(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    title, text, _ = prompts.infos[-1]
    assert title == "Document details (read-only)" and "Source:" in text
    window.files.import_files([Path("anything.txt")])
    assert window.background.worker is None and "read-only" in window.statusBar().currentMessage()
    assert len(window.session.history) == 0


def test_a_read_only_corpus_can_be_read_searched_and_exported(qtbot, read_only_window: MainWindow,
                                                              prompts, tmp_path: Path) -> None:
    window = read_only_window
    assert window.documents.rowCount() == 4
    press(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # next document
    second = window.doc_id
    assert second is not None and window.view.text
    search_corpus(qtbot, window, "Hamas")
    assert window.documents.rowCount() >= 1

    out = tmp_path / "out.jsonl"
    prompts.exports = [ExportChoice("jsonl", out, ExportOptions())]
    window.files.export()
    qtbot.waitUntil(lambda: window.background.worker is None, timeout=20_000)
    assert prompts.errors == []
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4
    assert [s["text"] for r in rows for s in r["spans"]] == ["Hamas"]


def test_read_only_media_is_not_reported_as_damaged(qtbot, read_only_window: MainWindow,
                                                   prompts) -> None:
    window = read_only_window
    worker = window.health
    assert worker is not None
    # The check's signals reach the window through its event loop: wait for the last.
    with qtbot.waitSignal(worker.finished, timeout=20_000):
        window.health_timer.timeout.emit()  # as the timer does a few seconds after opening
    assert prompts.errors == []
    assert window.notice.text() == ""


def test_a_damaged_corpus_is_still_reported_as_damaged(qtbot, tmp_path: Path) -> None:
    from annotator.gui.background import HealthWorker

    worker = HealthWorker(damaged_corpus(tmp_path / "damaged.sqlite"), tmp_path / "backups")
    troubles: list[str] = []
    worker.trouble.connect(troubles.append)
    with qtbot.waitSignal(worker.damaged, timeout=20_000) as damaged:
        worker.start()
    assert worker.wait(20_000)
    assert "malformed" in damaged.args[0]
    assert troubles == []
    assert not (tmp_path / "backups").exists()  # a damaged file is not copied over a good one


@pytest.mark.parametrize("trouble", ["full", "read-only"])
def test_a_backup_that_cannot_be_written_says_so_and_work_goes_on(
        qtbot, window: MainWindow, prompts, isolated_home: Path, trouble: str) -> None:
    backups = isolated_home / "data" / "backups"
    with small_disk(backups, size="16k") as disk:
        if trouble == "full":
            (backups / "filler").write_bytes(b"x" * 12_000)  # what is left: too little
        else:
            disk.seal()
        worker = window.health
        window.health_timer.timeout.emit()
        assert worker.wait(20_000)
        qtbot.waitUntil(lambda: window.notice.isVisible())
        notice = window.notice.text()
        assert notice.startswith("Could not make the backup copy")
        assert ("the disk is full" if trouble == "full" else "read-only") in notice
        assert "The corpus itself is fine" in notice
        assert notice in window.statusBar().currentMessage()
        assert prompts.errors == []  # not "damaged, restore it from a backup"
        # Work goes on: the next tag is saved.
        start = window.view.text.index("Hamas")
        drag_select(window.view, start, start + 5)
        press(window.view, "1")
        assert window.status_line.saved_label.text().startswith("✓ saved")
        window.close()



def test_a_settings_disk_that_cannot_be_written_does_not_stop_the_window(
        qtbot, sample_corpus: Path, prompts, isolated_home: Path) -> None:
    with small_disk(isolated_home / "config", size="1m") as disk:
        disk.seal()
        window = MainWindow(Corpus.open(sample_corpus), "alice", Settings(), prompts)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # label keys are window shortcuts
        qtbot.waitUntil(window.isActiveWindow)
        assert window.notice.text().startswith("Could not save the settings: the disk is "
                                               "read-only")
        start = window.view.text.index("Hamas")
        drag_select(window.view, start, start + 5)
        press(window.view, "1")
        assert window.status_line.saved_label.text().startswith("✓ saved")
        window.close()
