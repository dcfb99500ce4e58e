"""The corpus checked and backed up in the background, once the coder is under way.

Both read the whole file, which should not slow the first seconds of work, so
they start a few seconds after a corpus is opened. What they find is said
without stopping the coder, except damage, which must be read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from annotator.gui.background import HealthWorker
from annotator.gui.notices import NoticeBar
from annotator.gui.prompts import Prompts
from annotator.settings import data_dir

HEALTH_DELAY_MS = 5000


class HealthWatch(QObject):
    def __init__(self, parent: QObject, prompts: Prompts, say: Callable[[str, int], None],
                 notice: NoticeBar) -> None:
        super().__init__(parent)
        self.prompts, self.say, self.notice = prompts, say, notice
        self.worker: HealthWorker | None = None
        self.path: Path | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HEALTH_DELAY_MS)
        self.timer.timeout.connect(lambda: self.worker and self.worker.start())

    def check(self, path: Path) -> None:
        """Check and back up the corpus at ``path`` in a few seconds."""
        self.stop()
        self.path = path
        self.worker = HealthWorker(path, data_dir() / "backups")
        # Bound methods, not lambdas: Qt drops these connections with the window.
        self.worker.damaged.connect(self._on_damaged)
        self.worker.backed_up.connect(self._on_backed_up)
        self.worker.trouble.connect(self._on_trouble)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.worker is not None:
            self.worker.damaged.disconnect(self._on_damaged)
            self.worker.backed_up.disconnect(self._on_backed_up)
            self.worker.trouble.disconnect(self._on_trouble)
            self.worker.cancel()
            self.worker.wait()
            self.worker = None

    def _on_damaged(self, problem: str) -> None:
        # The problem is the storage's finding, in its words.
        self.prompts.error(
            self.tr("This corpus is damaged"),
            self.tr("{path}\n\n{problem}\n\nYour latest edits are in the file, but "
                    "parts of it cannot be read. Restore it from a backup in "
                    "{backups} (File > Open corpus…), or export what can be read.").format(
                        path=self.path, problem=problem, backups=data_dir() / "backups"))

    def _on_backed_up(self, made: str) -> None:
        self.say(self.tr("Backed up to {path}").format(path=made), 5000)

    def _on_trouble(self, message: str) -> None:
        """The check or the backup could not be done (a full or read-only backups disk,
        a busy corpus): say what failed; the corpus itself is fine and work goes on."""
        self.say(message, 15000)
        self.notice.show_notice(message)
