"""The status bar's standing parts: who codes, how far, which document, and whether
the last edit was saved (or why nothing can be)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStatusBar

from annotator.core.model import Document
from annotator.gui.notices import plain_label
from annotator.gui.theme import current_theme
from annotator.gui.wording import shown
from annotator.session.messages import Message


class StatusLine:
    def __init__(self, bar: QStatusBar) -> None:
        # Titles, sources and coder names come from the corpus: shown as text, never HTML.
        self.bar = bar
        self.coder_label = plain_label()
        self.progress_label = plain_label()
        self.document_label = plain_label()
        self.saved_label = plain_label(QCoreApplication.translate("StatusLine", "✓ all saved"))
        bar.addWidget(self.coder_label)
        bar.addWidget(self.progress_label)
        bar.addWidget(self.document_label, 1)
        bar.addPermanentWidget(self.saved_label)

    def show_coder(self, coder: str) -> None:
        self.coder_label.setText(
            QCoreApplication.translate("StatusLine", "coder: {coder}").format(coder=coder))

    def show_progress(self, done: int, total: int) -> None:
        self.progress_label.setText(QCoreApplication.translate(
            "StatusLine", "done {done} / {total}").format(done=done, total=total))

    def show_document(self, document: Document | None) -> None:
        if document is None:
            self.document_label.setText(QCoreApplication.translate(
                "StatusLine", "This corpus is empty: File > Import files…"))
            return
        date = document.date or QCoreApplication.translate("StatusLine", "no date")
        parts = [date, document.source or "", document.title]
        self.document_label.setText(" · ".join(p for p in parts if p))

    def show_saved(self) -> None:
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(QCoreApplication.translate(
            "StatusLine", "✓ saved {time}").format(time=f"{datetime.now():%H:%M:%S}"))

    def show_not_saved(self) -> None:
        self.saved_label.setStyleSheet(f"color: {current_theme().error_text}; font-weight: 600")
        self.saved_label.setText(QCoreApplication.translate("StatusLine", "✗ not saved"))

    def show_waiting(self, count: int) -> None:
        """Edits made while the server could not be reached: never shown as saved."""
        self.saved_label.setStyleSheet(f"color: {current_theme().error_text}; font-weight: 600")
        self.saved_label.setText(QCoreApplication.translate(
            "StatusLine", "✗ {count} waiting for the server").format(count=count))

    def show_writable(self, read_only: str | None) -> None:
        self.saved_label.setStyleSheet("")
        # The reason is the storage's, in its words.
        self.saved_label.setText(
            QCoreApplication.translate("StatusLine", "read-only: {why}").format(why=read_only)
            if read_only else QCoreApplication.translate("StatusLine", "✓ all saved"))

    def say(self, message: Message | str, ms: int) -> None:
        """A message from the session: a Message in the coder's language, text as it is
        (the window's own, already translated); "" clears the bar."""
        text = shown(message)
        if text:
            self.bar.showMessage(text, ms)
        else:
            self.bar.clearMessage()

    def say_now(self, message: str) -> None:
        """Said while the event loop waits (an edit waiting for another writer): painted
        at once."""
        self.bar.showMessage(message)
        self.bar.repaint()
