"""The Tools and Help menus: agreement, adjudication, keys, codebook, about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator import __version__
from annotator.core.adjudication import GOLD, Item, as_gold
from annotator.core.commands import AddSpan, Batch, Edit, RemoveSpan
from annotator.core.model import Span
from annotator.formats.agreement_report import html_report
from annotator.gui.shortcuts import apply_shortcuts, named_actions, sheet_html
from annotator.storage.agreement import agreement
from annotator.storage.errors import CorpusError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from annotator.gui.main_window import MainWindow


class ToolActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def populate(self, tools: QMenu, help_menu: QMenu) -> None:
        w = self.window
        tools.addAction(w._action("Agreement report…", self.agreement_report))
        tools.addAction(w._action("Adjudicate this document…", self.adjudicate, "Ctrl+Shift+J",
                                  writes=True))
        help_menu.addAction(w._action("Keyboard shortcuts", self.show_shortcuts, "F1"))
        help_menu.addAction(w._action("Codebook", self.show_codebook, "F4"))
        help_menu.addAction(w._action("About annotator", self.about))

    def agreement_report(self) -> None:
        w = self.window
        reports = agreement(w.corpus)
        if not reports:
            w.prompts.error("Agreement", "Fewer than two coders have coded this corpus.")
            return
        w.prompts.show_report(html_report(reports, w.corpus.path.name, charts=False),
                              html_report(reports, w.corpus.path.name), w.corpus.path)

    def adjudicate(self) -> None:
        """Settle the coders' disagreements on this document into the coder gold."""
        w = self.window
        if w.doc_id is None:
            return
        doc_id = w.doc_id
        coders = sorted({s.coder for s in w.corpus.spans(doc_id)
                         if s.origin != "suggested"} - {GOLD})
        if len(coders) < 2:
            w.prompts.error("Adjudicate",
                            "This document has spans from fewer than two coders.")
            return

        def take(item: Item, chosen: list[Span]) -> None:
            edits: list[Edit] = [RemoveSpan(g) for g in item.gold]
            edits += [AddSpan(g) for g in as_gold(chosen)]
            if edits:
                w.editor.do(Batch(edits, f"gold for {item.start}–{item.end}"))

        w.prompts.adjudicate(lambda: w.corpus.spans(doc_id), coders, take)

    def show_shortcuts(self) -> None:
        w = self.window
        w.prompts.show_shortcuts(sheet_html(w))

    def edit_shortcuts(self) -> None:
        w = self.window
        changes = w.prompts.edit_shortcuts(named_actions(w))
        if changes:
            w.settings.shortcuts.update(changes)
            apply_shortcuts(w, w.settings.shortcuts)
            if w.save_settings():
                w.statusBar().showMessage("Shortcuts saved.", 4000)

    def show_codebook(self) -> None:
        w = self.window
        before = w.corpus.codebook()
        after = w.prompts.edit_codebook(before)
        if after is None or after == before:
            return
        if w.corpus.read_only:
            w.prompts.error("Codebook not saved", f"read-only: {w.corpus.read_only} — the "
                            "codebook kept in this corpus cannot be changed.")
            return
        try:
            w.corpus.set_codebook(after)
        except CorpusError as exc:  # busy or a full disk: say so, keep the old one
            w.prompts.error("Codebook not saved", str(exc))
            return
        w.statusBar().showMessage("Codebook saved in the corpus.", 4000)

    def about(self) -> None:
        w = self.window
        w.prompts.info(
            "About annotator",
            f"annotator {__version__}\nMIT licence\n\nCorpus: {w.corpus.path}",
        )
