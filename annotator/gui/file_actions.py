"""File menu: new, open, recent, import and export, for one main window."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QProgressDialog

from annotator.formats.exporting import ExportResult
from annotator.formats.importing import ImportSummary
from annotator.formats.registry import EXPORTS
from annotator.gui.background import PROGRESS_STEPS, CorpusWorker, ExportWorker, ImportWorker
from annotator.gui.notices import plain_label
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.guard import check_output
from annotator.storage.team import merge as merge_corpus

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


class FileActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.recent_menu = QMenu("Open &Recent")
        self.worker: CorpusWorker | None = None
        self.progress: QProgressDialog | None = None

    def populate(self, menu: QMenu) -> None:
        w = self.window
        menu.addAction(w._action("&New corpus…", self.new_corpus, QKeySequence.StandardKey.New))
        menu.addAction(w._action("&Open corpus…", self.open_corpus, QKeySequence.StandardKey.Open))
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(w._action("&Import files…", self.import_files, "Ctrl+I", writes=True))
        menu.addAction(w._action("Import a &folder…", self.import_folder, "Ctrl+Shift+I",
                                 writes=True))
        menu.addAction(w._action("&Export…", self.export, "Ctrl+E"))
        menu.addAction(w._action("&Merge coders' corpora…", self.merge, writes=True))
        menu.addSeparator()
        menu.addAction(w._action("&Quit", w.close, QKeySequence.StandardKey.Quit))

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.window.settings.recent:
            action = QAction(entry, self.recent_menu)
            action.triggered.connect(lambda _c=False, p=entry: self.open_path(Path(p)))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(self.window.settings.recent))

    # -- corpora -------------------------------------------------------------

    def new_corpus(self) -> None:
        path = self.window.prompts.new_corpus_path()
        if path is None:
            return
        try:  # the open corpus's own -wal or -shm would be turned into a database
            check_output(path, self.window.corpus.path)
        except CorpusError as exc:
            self.window.prompts.error("New corpus", str(exc))
            return
        if path.exists() and path.stat().st_size > 0:
            self.window.prompts.error("New corpus", f"{path} already exists; use Open instead.")
            return
        self.open_path(path, create=True)

    def open_corpus(self) -> None:
        path = self.window.prompts.open_corpus_path()
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path, *, create: bool = False) -> bool:
        try:
            corpus = Corpus.open(path, create=create)
        except CorpusError as exc:
            self.window.prompts.error("Cannot open corpus", str(exc))
            return False
        self.window.open_corpus(corpus)
        return True

    # -- import and export, both in the background ------------------------------

    def import_files(self, paths: list[Path] | None = None) -> None:
        if self._refused_read_only("Import"):
            return
        paths = paths if paths is not None else self.window.prompts.import_paths()
        if paths:
            worker = ImportWorker(self.window.corpus.path, paths, self.window.coder)
            self.run_in_background(worker, "Importing articles…", self._import_finished)

    def import_folder(self) -> None:
        folder = self.window.prompts.import_folder()
        if folder is not None:
            self.import_files([folder])

    def export(self) -> None:
        window = self.window
        choice = window.prompts.export_choice(
            window.corpus.path, [label.name for label in window.labels], window.corpus.coders()
        )
        if choice is None:
            return
        try:  # refused before anything is written, naming the file
            check_output(choice.output, window.corpus.path)
        except CorpusError as exc:
            window.prompts.error("Export not written", str(exc))
            return
        worker = ExportWorker(window.corpus.path, EXPORTS[choice.format], choice.output,
                              choice.options)
        self.run_in_background(worker, f"Exporting as {choice.format}…", self._export_finished)

    def run_in_background(self, worker: CorpusWorker, text: str,
                          on_success: Callable[[Any], None]) -> None:
        """Long work on the corpus, one at a time, with a progress dialog and Cancel."""
        if self.worker is not None:
            self.window.statusBar().showMessage("Wait for the work running in the background.",
                                                4000)
            return
        self.worker = worker
        self.progress = QProgressDialog(text, "Cancel", 0, PROGRESS_STEPS, self.window)
        self.progress.setLabel(plain_label(text))  # the text may quote a span: not HTML
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(worker.cancel)
        worker.progressed.connect(self.progress.setValue)
        worker.succeeded.connect(on_success)
        worker.crashed.connect(self._crashed)
        worker.finished.connect(self._worker_done)
        worker.start()

    def merge(self, paths: list[Path] | None = None) -> None:
        """Bring coders' corpora into this one (documents by id, spans per coder)."""
        window = self.window
        if self._refused_read_only("Merge"):
            return
        paths = paths if paths is not None else window.prompts.merge_paths()
        lines = []
        for path in paths:
            if same_file(path, window.corpus.path):
                lines.append(f"{path.name}: is this corpus itself; nothing to merge")
                continue
            try:
                with Corpus.open(path, create=False, check=True) as theirs:
                    report = merge_corpus(window.corpus, theirs)
            except CorpusError as exc:
                lines.append(f"{path.name}: {exc}")
                continue
            lines += [f"{path.name}: {line}" for line in report.lines()]
        if paths:
            window.open_corpus(window.corpus)
            window.prompts.info("Merge finished", lines[0] if lines else "",
                                "\n".join(lines))

    def _refused_read_only(self, what: str) -> bool:
        why = self.window.corpus.read_only
        if why:
            self.window.statusBar().showMessage(
                f"read-only: {why} — {what} would change this corpus.", 6000)
        return bool(why)

    def stop_worker(self) -> None:
        """The window is closing: cancel the work in the background and let it end."""
        worker = self.worker
        if worker is None:
            return
        for signal in (worker.succeeded, worker.crashed, worker.progressed):
            signal.disconnect()
        worker.cancel()
        worker.wait()

    def _import_finished(self, summary: ImportSummary) -> None:
        window = self.window
        window.open_corpus(window.corpus)  # new labels and documents
        head, *rest = summary.lines()
        if rest:
            window.prompts.info("Import finished", head, "\n".join(rest))
        window.statusBar().showMessage(f"Import: {head}", 10000)

    def _export_finished(self, result: ExportResult) -> None:
        lines = result.lines()
        if lines[1:] != ["nothing lost"] or not result.written:
            # The losses are the message, not "details" a coder would have to open.
            self.window.prompts.show_result("Export finished", "\n".join(lines))
        self.window.statusBar().showMessage(lines[0], 10000)

    def _crashed(self, message: str) -> None:
        self.window.prompts.error("Stopped", f"The work in the background stopped.\n\n{message}")

    def _worker_done(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker, self.progress = None, None


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
