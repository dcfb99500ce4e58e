"""Long work off the GUI thread: imports run in a worker with progress and cancel."""

from __future__ import annotations

import sqlite3
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from annotator.formats.base import ReadOptions
from annotator.formats.exporting import ExportFormat, ExportResult, export_corpus
from annotator.formats.importing import ImportSummary, import_paths
from annotator.formats.selection import ExportOptions
from annotator.formats.tokens import UnknownLanguage
from annotator.storage.backups import rolling_backup
from annotator.storage.connection import BackupCancelled
from annotator.storage.corpus import Corpus, CorpusError

PROGRESS_STEPS = 1000


class CorpusWorker(QThread):
    """Long work on a corpus in a thread, on a connection of its own (SQLite
    connections belong to one thread), with progress, cancel and a result."""

    progressed = Signal(int)  # thousandths done
    succeeded = Signal(object)  # what ``work`` returned
    crashed = Signal(str)

    def __init__(self, corpus_path: Path, work: Callable[[Corpus], object]) -> None:
        super().__init__()
        self._corpus_path = corpus_path
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            with Corpus.open(self._corpus_path, create=False) as corpus:
                result = self._work(corpus)
        except (CorpusError, UnknownLanguage) as exc:
            self.crashed.emit(str(exc))
            return
        except OSError as exc:
            self.crashed.emit(f"{exc.filename or self._corpus_path}: {exc.strerror or exc}")
            return
        except Exception:  # any failure must reach the coder as a message
            self.crashed.emit(traceback.format_exc())
            return
        self.succeeded.emit(result)

    def report(self, done: int, total: int) -> None:
        self.progressed.emit(PROGRESS_STEPS * done // max(total, 1))


class ImportWorker(CorpusWorker):
    def __init__(self, corpus_path: Path, paths: list[Path], coder: str) -> None:
        super().__init__(corpus_path, self._import)
        self._paths = paths
        self._options = ReadOptions(coder=coder)

    def _import(self, corpus: Corpus) -> ImportSummary:
        return import_paths(corpus, self._paths, options=self._options, progress=self.report,
                            cancelled=self.cancelled)


class ExportWorker(CorpusWorker):
    def __init__(self, corpus_path: Path, fmt: ExportFormat, output: Path,
                 options: ExportOptions) -> None:
        super().__init__(corpus_path, self._export)
        self._format, self._output, self._options = fmt, output, options

    def _export(self, corpus: Corpus) -> ExportResult:
        return export_corpus(corpus, self._format, self._output, self._options,
                             progress=self.report, cancelled=self.cancelled)


class HealthWorker(QThread):
    """After a corpus opens: a full check and a rolling backup, off the GUI thread.

    Both read the whole file, so on a large corpus they take seconds; closing
    the window cancels them (SQLite's interrupt for the check, between pages
    for the backup) rather than waiting.
    """

    damaged = Signal(str)
    backed_up = Signal(str)

    def __init__(self, corpus_path: Path, backups: Path) -> None:
        super().__init__()
        self._corpus_path = corpus_path
        self._backups = backups
        self._cancel = threading.Event()
        self._corpus: Corpus | None = None

    def cancel(self) -> None:
        self._cancel.set()
        corpus = self._corpus
        if corpus is not None:
            corpus.interrupt()  # stops the running check

    def run(self) -> None:
        try:
            with Corpus.open(self._corpus_path, create=False) as corpus:
                self._corpus = corpus
                if self._cancel.is_set():
                    return
                problems = corpus.check()
                self._corpus = None
            if problems:
                self.damaged.emit("; ".join(problems[:3]))
                return  # a copy of a damaged file would push out a good backup
            made = rolling_backup(self._corpus_path, self._backups,
                                  cancelled=self._cancel.is_set)
            if made is not None:
                self.backed_up.emit(str(made))
        except BackupCancelled:
            return
        except (CorpusError, OSError, sqlite3.Error) as exc:
            if not self._cancel.is_set():  # an interrupted check is no damage
                self.damaged.emit(str(exc))
