"""Each story once, in the window: a bar over a near-duplicate saying which story it
repeats and how alike they are, a way to the first copy, its spans carried here as
suggestions, and the corpus's threshold (Tools), with the marks found again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton

from annotator.core.commands import AddSpan, Batch
from annotator.core.near_duplicates import MIN_THRESHOLD, check_threshold
from annotator.gui.background import CorpusWorker
from annotator.gui.notices import READ_ONLY_QSS, plain_label
from annotator.gui.style import sheet_in_theme
from annotator.storage.corpus import CorpusError
from annotator.storage.near_duplicates import (
    DuplicateCheck,
    DuplicateOf,
    carried_spans,
    duplicate_of,
    set_threshold,
    threshold,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from annotator.gui.workbench import Workbench


class CopyBar(QFrame):
    """Above the article of a near-duplicate: what it repeats, and what to do about it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("notice")
        self.setStyleSheet(sheet_in_theme(READ_ONLY_QSS))
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.go_first = QPushButton(self.tr("Go to the first copy"))
        self.carry = QPushButton(self.tr("Carry its spans here"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.message, 1)
        row.addWidget(self.go_first)
        row.addWidget(self.carry)
        self.hide()

    def show_mark(self, mark: DuplicateOf, writable: bool) -> None:
        self.message.setText(self.tr("A near-duplicate: {similarity:.0%} alike with the first "
                                     "copy, “{title}”.").format(
            similarity=mark.similarity, title=mark.original_title or mark.original_uid))
        self.carry.setEnabled(writable)
        self.show()


class CopyActions:
    def __init__(self, bench: Workbench, refresh_list: Callable[[], object]) -> None:
        self.bench = bench
        self._refresh_list = refresh_list
        self.session = bench.session
        self.bar = CopyBar()
        self.mark: DuplicateOf | None = None
        self.bar.go_first.clicked.connect(self.go_to_first_copy)
        self.bar.carry.clicked.connect(self.carry_spans)
        self.session.document_shown.connect(self.show_mark)

    def populate(self, document: QMenu, suggest: QMenu, tools: QMenu) -> None:
        actions = self.bench.actions
        actions.bind("document.first_copy", self.go_to_first_copy)
        actions.bind("suggest.first_copy", self.carry_spans)
        actions.bind("tools.near_duplicates", self.choose_threshold)
        actions.fill(document, "document.first_copy")
        actions.fill(suggest, "-", "suggest.first_copy")
        actions.fill(tools, "-", "tools.near_duplicates")

    def show_mark(self, doc_id: int | None) -> None:
        """The bar for the document shown, if it is a near-duplicate."""
        self.mark = None
        if doc_id is not None:
            try:
                self.mark = duplicate_of(self.session.corpus, doc_id)
            except CorpusError:  # a corpus that cannot be read says so elsewhere
                self.mark = None
        if self.mark is None:
            self.bar.hide()
        else:
            self.bar.show_mark(self.mark, not self.session.corpus.read_only)

    def go_to_first_copy(self) -> None:
        if self.mark is None:
            self.session.say(_not_a_copy(), 4000)
            return
        self.session.show_document(self.mark.original_id)

    def carry_spans(self) -> None:
        session = self.session
        if session.doc_id is None:
            return
        result = carried_spans(session.corpus, session.doc_id, session.coder)
        if result is None:
            session.say(_not_a_copy(), 4000)
            return
        left = QCoreApplication.translate(
            "CopyActions", " {count} of its spans are in passages this copy rewrote or cut, "
            "and were not carried.").format(count=result.left) if result.left else ""
        if not result.made:
            session.say(QCoreApplication.translate(
                "CopyActions", "No spans of the first copy to carry here.") + left, 8000)
            return
        what = QCoreApplication.translate("CopyActions", "carry the first copy's spans")
        if session.do(Batch([AddSpan(span) for span in result.made], what)):
            session.say(QCoreApplication.translate(
                "CopyActions", "{count} spans carried from the first copy as suggestions: Tab "
                "moves, Enter accepts, Backspace rejects.").format(count=len(result.made))
                + left, 10000)

    def choose_threshold(self) -> None:
        """Ask the corpus's threshold; every mark is found again by it, in the background."""
        session = self.session
        title = QCoreApplication.translate("CopyActions", "Near-duplicate threshold")
        answer = self.bench.prompts.ask_text(title, QCoreApplication.translate(
            "CopyActions", "Mark a document as a copy of an earlier one when they share at "
            "least this share of their five-word phrases ({low} to 1):").format(
                low=MIN_THRESHOLD), f"{threshold(session.corpus):g}")
        if answer is None:
            return
        try:
            value = check_threshold(float(answer.strip().replace(",", ".")))
        except ValueError:
            self.bench.prompts.error(title, QCoreApplication.translate(
                "CopyActions", "The threshold is a share between {low} and 1.0, not {answer}.")
                .format(low=MIN_THRESHOLD, answer=answer))
            return
        worker = CorpusWorker(session.corpus.path, lambda corpus: set_threshold(
            corpus, value, progress=worker.report, cancelled=worker.cancelled))

        def done(report: DuplicateCheck) -> None:
            session.say(QCoreApplication.translate(
                "CopyActions", "{marked} near-duplicates at similarity {threshold:g}.").format(
                    marked=report.marked, threshold=report.threshold), 8000)
            self._refresh_list()
            self.show_mark(session.doc_id)

        self.bench.background.run(worker, QCoreApplication.translate(
            "CopyActions", "Comparing the documents…"), done)


def _not_a_copy() -> str:
    return QCoreApplication.translate("CopyActions",
                                      "This document is not marked as a near-duplicate.")
