"""Tools > Agreement report: read in the window, saved as a web page with charts."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.formats.whole_file import write_whole
from annotator.storage.errors import CorpusError
from annotator.storage.guard import check_output

if TYPE_CHECKING:
    from annotator.gui.prompts import Prompts


class ReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, html: str, full_html: str, corpus_path: Path,
                 prompts: Prompts, *, title: str = "", file_name: str = "agreement.html") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Agreement"))
        self._file_name = file_name
        self._full_html = full_html
        self._corpus_path = corpus_path
        self._prompts = prompts
        self.browser = QTextBrowser()
        self.browser.setHtml(html)  # made by html_report, which escapes what it quotes
        save = QPushButton(self.tr("Save as HTML…"))
        save.clicked.connect(lambda _checked=False: self.save())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 700)

    def save(self, path: Path | None = None) -> Path | None:
        """Write the full report to ``path`` (asked for if not given); None if not written.

        The corpus and the files SQLite keeps beside it are refused before
        anything is written: a report saved over them would destroy the corpus.
        """
        if path is None:
            path = self._prompts.save_path(self.tr("Save report"), Path(self._file_name),
                                           self.tr("Web page (*.html)"))
            if path is None:
                return None
        try:
            check_output(path, self._corpus_path)
            write_whole(path, self._full_html)  # a full disk leaves the old report as it was
        except CorpusError as exc:
            self._prompts.error(self.tr("Report not saved"), str(exc))
            return None
        except OSError as exc:
            reason = (self.tr("the disk is full") if exc.errno == errno.ENOSPC
                      else exc.strerror or str(exc))
            self._prompts.error(self.tr("Report not saved"),
                                self.tr("{path}: {reason}; nothing was written").format(
                                    path=path, reason=reason))
            return None
        return path
