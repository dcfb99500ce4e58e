"""File menu: new, open, recent, import and export, for one main window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QProgressDialog

from annotator.formats import jsonl
from annotator.formats.importing import ImportSummary
from annotator.gui.background import PROGRESS_STEPS, ImportWorker
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus, CorpusError

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


class FileActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.recent_menu = QMenu("Open &Recent")
        self.worker: ImportWorker | None = None
        self.progress: QProgressDialog | None = None

    def populate(self, menu: QMenu) -> None:
        w = self.window
        menu.addAction(w._action("&New corpus…", self.new_corpus, QKeySequence.StandardKey.New))
        menu.addAction(w._action("&Open corpus…", self.open_corpus, QKeySequence.StandardKey.Open))
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(w._action("&Import articles…", self.import_files, "Ctrl+I"))
        menu.addAction(w._action("&Export as JSONL…", self.export_jsonl, "Ctrl+E"))
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

    # -- import --------------------------------------------------------------

    def import_files(self, paths: list[Path] | None = None) -> None:
        paths = paths if paths is not None else self.window.prompts.import_paths()
        if not paths or self.worker is not None:
            return
        self.worker = ImportWorker(self.window.corpus.path, paths, self.window.coder)
        self.progress = QProgressDialog("Importing articles…", "Cancel", 0, PROGRESS_STEPS,
                                        self.window)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.worker.cancel)
        self.worker.progressed.connect(self.progress.setValue)
        self.worker.succeeded.connect(self._import_finished)
        self.worker.crashed.connect(self._import_crashed)
        self.worker.finished.connect(self._worker_done)
        self.worker.start()

    def _import_finished(self, summary: ImportSummary) -> None:
        window = self.window
        window.open_corpus(window.corpus)  # new labels and documents
        head, *rest = summary.lines()
        if rest:
            window.prompts.info("Import finished", head, "\n".join(rest))
        window.statusBar().showMessage(f"Import: {head}", 10000)

    def _import_crashed(self, message: str) -> None:
        self.window.prompts.error("Import failed", f"Nothing more was imported.\n\n{message}")

    def _worker_done(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker, self.progress = None, None

    # -- export --------------------------------------------------------------

    def export_jsonl(self) -> None:
        window = self.window
        path = window.prompts.export_path(str(window.corpus.path.with_suffix(".jsonl")))
        if path is None:
            return
        temporary = path.with_name(f".{path.name}.part")
        try:
            with temporary.open("w", encoding="utf-8", newline="\n") as out:
                count = jsonl.write(iter_documents(window.corpus), out)
            temporary.replace(path)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            window.prompts.error("Export failed", f"{path}: {exc.strerror or exc}")
            return
        window.statusBar().showMessage(f"Exported {count} documents to {path}", 8000)
