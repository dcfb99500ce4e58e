"""Long work on the corpus (import, export, tagging across the corpus) in the
background: one at a time, with a progress dialog and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.gui.background import PROGRESS_STEPS, CorpusWorker
from annotator.gui.notices import plain_label


class BackgroundRunner:
    def __init__(self, parent: QWidget, say: Callable[[str, int], object],
                 crashed: Callable[[str], object]) -> None:
        self._parent = parent
        self._say = say
        self._crashed = crashed
        self.worker: CorpusWorker | None = None
        self.progress: QProgressDialog | None = None

    def run(self, worker: CorpusWorker, text: str, on_success: Callable[[Any], None]) -> bool:
        """Start ``worker``; False (and said) if other work is still running."""
        if self.worker is not None:
            self._say(QCoreApplication.translate(
                "BackgroundRunner", "Wait for the work running in the background."), 4000)
            return False
        self.worker = worker
        self.progress = QProgressDialog(
            text, QCoreApplication.translate("BackgroundRunner", "Cancel"), 0, PROGRESS_STEPS,
            self._parent)
        self.progress.setLabel(plain_label(text))  # the text may quote a span: not HTML
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(worker.cancel)
        worker.progressed.connect(self.progress.setValue)
        worker.succeeded.connect(on_success)
        worker.crashed.connect(self._crashed)
        worker.finished.connect(self._done)
        worker.start()
        return True

    def stop(self) -> None:
        """The window is closing: cancel the work in the background and let it end."""
        worker = self.worker
        if worker is None:
            return
        for signal in (worker.succeeded, worker.crashed, worker.progressed):
            signal.disconnect()
        worker.cancel()
        worker.wait()

    def _done(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker, self.progress = None, None
