"""Long work off the GUI thread: imports run in a worker with progress and cancel."""

from __future__ import annotations

import errno
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

    Only a check that finds damage says ``damaged``: a backup that cannot be
    written (backups disk full or read-only) or a check that cannot run (the
    corpus busy, unreadable just now) is ``trouble``, saying what really failed,
    and the corpus is not called damaged for it.
    """

    damaged = Signal(str)
    backed_up = Signal(str)
    trouble = Signal(str)

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
        read_only = self._check()
        if read_only is None or self._cancel.is_set():
            return
        if read_only:
            # This window cannot change a read-only corpus, so there is nothing new
            # to keep; and a corpus on read-only media cannot be copied by the
            # backup's own connection (SQLite cannot make its shared-memory file there).
            return
        try:
            made = rolling_backup(self._corpus_path, self._backups,
                                  cancelled=self._cancel.is_set)
        except BackupCancelled:
            return
        except CorpusError as exc:
            self.trouble.emit(f"Could not make the backup copy: {exc}. The corpus itself is "
                              "fine; work goes on.")
            return
        except OSError as exc:
            self.trouble.emit(f"Could not make the backup copy: {os_reason(exc)}. The corpus "
                              "itself is fine; work goes on.")
            return
        if made is not None:
            self.backed_up.emit(str(made))

    def _check(self) -> str | None:
        """Check the corpus; why it is read-only ("" if writable), None if it is
        damaged or could not be checked (after saying so) or the check was cancelled."""
        try:
            with Corpus.open(self._corpus_path, create=False) as corpus:
                self._corpus = corpus
                if self._cancel.is_set():
                    return None
                try:
                    problems = corpus.check()
                finally:
                    self._corpus = None
                read_only = corpus.read_only or ""
        except CorpusError as exc:
            if not self._cancel.is_set():  # an interrupted check is no damage
                self._damage_or_trouble(exc.__cause__, str(exc))
            return None
        except OSError as exc:
            if not self._cancel.is_set():
                self.trouble.emit(f"Could not check the corpus: {os_reason(exc)}")
            return None
        if problems:
            self.damaged.emit("; ".join(problems[:3]))
            return None  # a copy of a damaged file would push out a good backup
        return read_only

    def _damage_or_trouble(self, cause: BaseException | None, message: str) -> None:
        name = getattr(cause, "sqlite_errorname", "") or ""
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            self.damaged.emit(message)
        else:  # busy, read-only media, a disk error: the file is not shown to be damaged
            self.trouble.emit(f"Could not check the corpus: {message}")


def os_reason(exc: OSError) -> str:
    """What an OSError means, in words, with the file it was about."""
    reasons = {errno.ENOSPC: "the disk is full", errno.EROFS: "the disk is read-only",
               errno.EDQUOT: "the disk quota is used up",
               errno.EACCES: "permission denied", errno.EPERM: "permission denied"}
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return f"{reason} ({exc.filename})" if exc.filename else reason
