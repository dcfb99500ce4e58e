"""The Tools and Help menus: agreement, adjudication, keys, codebook, about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator import __version__
from annotator.core.adjudication import GOLD, Item, as_gold
from annotator.core.commands import AddSpan, Batch, Edit, RemoveSpan
from annotator.core.model import Span
from annotator.formats.agreement_report import html_report
from annotator.gui.progress_report import progress_html
from annotator.gui.shortcuts import sheet_html
from annotator.storage.agreement import agreement
from annotator.storage.errors import CorpusError
from annotator.storage.work_queue import has_queue, progress, queue_size

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from annotator.gui.workbench import Workbench


class ToolActions:
    def __init__(self, bench: Workbench) -> None:
        self.bench = bench
        self.session = bench.session
        self.prompts = bench.prompts

    def populate(self, tools: QMenu, help_menu: QMenu) -> None:
        actions = self.bench.actions
        actions.bind("tools.agreement", self.agreement_report)
        actions.bind("tools.adjudicate", self.adjudicate)
        actions.bind("tools.progress", self.team_progress)
        actions.bind("help.keys", self.show_shortcuts)
        actions.bind("help.codebook", self.show_codebook)
        actions.bind("help.about", self.about)
        actions.fill(tools, "tools.agreement", "tools.adjudicate", "tools.progress")
        actions.fill(help_menu, "help.keys", "help.codebook", "help.about")

    def agreement_report(self) -> None:
        corpus = self.session.corpus
        reports = agreement(corpus)
        if not reports:
            self.prompts.error(QCoreApplication.translate("ToolActions", "Agreement"),
                               QCoreApplication.translate(
                                   "ToolActions", "Fewer than two coders have coded this corpus."))
            return
        self.prompts.show_report(html_report(reports, corpus.path.name, charts=False),
                                 html_report(reports, corpus.path.name), corpus.path)

    def team_progress(self) -> None:
        """How far each coder is, and their spans per label (and on a server, the queue)."""
        corpus = self.session.corpus
        html = progress_html(progress(corpus), queue_size(corpus) if has_queue(corpus) else None,
                             corpus.path.name)
        self.prompts.show_report(html, html, corpus.path,
                                 title=QCoreApplication.translate("ToolActions", "Team progress"),
                                 file_name="progress.html")

    def adjudicate(self) -> None:
        """Settle the coders' disagreements on this document into the coder gold."""
        session = self.session
        if session.doc_id is None:
            return
        doc_id = session.doc_id
        corpus = session.corpus
        coders = sorted({s.coder for s in corpus.spans(doc_id)
                         if s.origin != "suggested"} - {GOLD})
        if len(coders) < 2:
            self.prompts.error(QCoreApplication.translate("ToolActions", "Adjudicate"),
                               QCoreApplication.translate(
                                   "ToolActions",
                                   "This document has spans from fewer than two coders."))
            return

        def take(item: Item, chosen: list[Span]) -> None:
            edits: list[Edit] = [RemoveSpan(g) for g in item.gold]
            edits += [AddSpan(g) for g in as_gold(chosen)]
            if edits:
                # Named as the Undo action shows it: in the coder's language.
                session.do(Batch(edits, QCoreApplication.translate(
                    "ToolActions", "gold for {start}–{end}").format(start=item.start,
                                                                   end=item.end)))

        self.prompts.adjudicate(lambda: corpus.spans(doc_id), coders, take)

    def show_shortcuts(self) -> None:
        self.prompts.show_shortcuts(sheet_html(self.bench.actions))

    def edit_shortcuts(self) -> None:
        bench = self.bench
        changes = self.prompts.edit_shortcuts(bench.actions.named())
        if changes:
            bench.settings.shortcuts.update(changes)
            bench.actions.apply_keys(bench.settings.shortcuts)
            if bench.save_settings():
                self.session.say(QCoreApplication.translate("ToolActions", "Shortcuts saved."),
                                 4000)

    def show_codebook(self) -> None:
        corpus = self.session.corpus
        before = corpus.codebook()
        after = self.prompts.edit_codebook(before)
        if after is None or after == before:
            return
        if corpus.read_only:
            self.prompts.error(
                QCoreApplication.translate("ToolActions", "Codebook not saved"),
                QCoreApplication.translate(
                    "ToolActions", "read-only: {why} — the codebook kept in this corpus cannot "
                    "be changed.").format(why=corpus.read_only))
            return
        try:
            corpus.set_codebook(after)
        except CorpusError as exc:  # busy or a full disk: say so, keep the old one
            self.prompts.error(QCoreApplication.translate("ToolActions", "Codebook not saved"),
                               str(exc))
            return
        self.session.say(QCoreApplication.translate("ToolActions", "Codebook saved in the corpus."),
                         4000)

    def about(self) -> None:
        self.prompts.info(
            QCoreApplication.translate("ToolActions", "About annotator"),
            QCoreApplication.translate(
                "ToolActions", "annotator {version}\nMIT licence\n\nCorpus: {path}").format(
                    version=__version__, path=self.session.corpus.path),
        )
