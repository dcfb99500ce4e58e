"""Suggestions and "tag all occurrences" in the window: made in one step, reviewed by key.

Tab and Shift+Tab move between pending suggestions, Enter accepts one and
Backspace rejects it; each batch (made, accepted or rejected together) is
one step on the undo stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.core.commands import AddSpan, Batch, Edit, RejectSuggestion, accept
from annotator.core.model import Span
from annotator.gui.background import CorpusWorker
from annotator.storage.suggestions import make_suggestions, occurrences

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from annotator.gui.main_window import MainWindow


class SuggestionActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._model: Any = None
        window.view.suggestionKey.connect(self.on_key)

    def populate(self, menu: QMenu) -> None:
        w = self.window
        menu.addAction(w._action("Suggest spans for this document", self.suggest_here,
                                 "Ctrl+Shift+S", writes=True))
        menu.addAction(w._action("Next suggestion (Tab)", lambda: self.step(1)))
        menu.addAction(w._action("Previous suggestion (Shift+Tab)", lambda: self.step(-1)))
        menu.addAction(w._action("Accept suggestion (Enter)", self.accept_selected, writes=True))
        menu.addAction(w._action("Reject suggestion (Backspace)", self.reject_selected,
                                 writes=True))
        menu.addAction(w._action("Accept all suggestions here", self.accept_all,
                                 "Ctrl+Shift+Return", writes=True))
        menu.addAction(w._action("Reject all suggestions here", self.reject_all,
                                 "Ctrl+Shift+Backspace", writes=True))
        menu.addAction(w._action("spaCy model for suggestions…", self.choose_model))
        menu.addSeparator()
        # Not Ctrl+Shift+A: a text view takes that as "deselect" on Linux.
        menu.addAction(w._action("Tag all occurrences in this document", self.occurrences_here,
                                 "Ctrl+Shift+O", writes=True))
        menu.addAction(w._action("Tag all occurrences in the corpus", self.occurrences_everywhere,
                                 "Ctrl+Alt+Shift+O", writes=True))

    # -- making ------------------------------------------------------------------

    def suggest_here(self) -> None:
        window = self.window
        if window.doc_id is None:
            return
        made = make_suggestions(window.corpus, window.doc_id, window.coder, model=self.model())
        self._queue(made, "suggest spans", "No new suggestions for this document.")

    def model(self) -> Any:
        """The spaCy NER model named in the settings, if it is installed; never downloaded."""
        name = self.window.settings.spacy_model
        if not name or self._model is not None:
            return self._model
        import spacy

        if spacy.util.is_package(name):
            self._model = spacy.load(name)
        else:
            self.window.statusBar().showMessage(
                f"spaCy model {name} is not installed; suggesting without it.", 6000)
        return self._model

    def choose_model(self) -> None:
        """Name an installed spaCy NER model (empty for none); annotator never downloads one."""
        settings = self.window.settings
        name = self.window.prompts.ask_text(
            "spaCy model", "An installed spaCy NER model to suggest with, e.g. en_core_web_sm "
            "(empty: none). annotator never downloads models.", settings.spacy_model)
        if name is None:
            return
        import spacy

        if name and not spacy.util.is_package(name):
            self.window.prompts.error("spaCy model", f"{name} is not installed here. Install it "
                                      f"with: python -m spacy download {name}")
            return
        settings.spacy_model = name
        self.window.save_settings()
        self._model = None

    def occurrences_here(self) -> None:
        span = self._chosen_coded_span()
        if span is not None and span.doc_id is not None:
            made = occurrences(self.window.corpus, span, self.window.coder, [span.doc_id])
            self._queue(made or [], f"tag all {span.text!r}", f"No other {span.text!r} here.")

    def occurrences_everywhere(self) -> None:
        """In a large corpus a common name is in thousands of documents: they are read
        in the background, with progress and Cancel, and added as one undo step."""
        span = self._chosen_coded_span()
        if span is None:
            return
        window = self.window
        worker = CorpusWorker(window.corpus_path, lambda corpus: occurrences(
            corpus, span, window.coder, progress=worker.report, cancelled=worker.cancelled))

        def found(made: list[Span] | None) -> None:
            if made is None:
                window.statusBar().showMessage("Tagging all occurrences was cancelled.", 4000)
                return
            self._queue(made, f"tag all {span.text!r} in the corpus",
                        f"No other {span.text!r} in the corpus.")

        window.files.run_in_background(worker, f"Finding {span.text!r} in the corpus…", found)

    def _chosen_coded_span(self) -> Span | None:
        span = self.window.view.selected_span()
        if span is None or span.origin == "suggested":
            self.window.statusBar().showMessage("Select a tagged span first.", 4000)
            return None
        return span

    def _queue(self, spans: list[Span], what: str, none: str) -> None:
        window = self.window
        if not spans:
            window.statusBar().showMessage(none, 4000)
            return
        if window.editor.do(Batch([AddSpan(s) for s in spans], what)):
            window.statusBar().showMessage(
                f"{len(spans)} suggestions: Tab moves, Enter accepts, Backspace rejects.", 8000)
            if spans[0].doc_id == window.doc_id:
                self.step(1)

    # -- reviewing -----------------------------------------------------------------

    def on_key(self, key: str) -> None:
        {"next": lambda: self.step(1), "previous": lambda: self.step(-1),
         "accept": self.accept_selected, "reject": self.reject_selected}[key]()

    def pending(self) -> list[tuple[int, int, str, str, str]]:
        return self.window.current_spans.suggestions()  # type: ignore[attr-defined]

    def step(self, direction: int) -> bool:
        """Select the next (1) or previous (-1) suggestion after the current place."""
        pending = self.pending()
        if not pending:
            self.window.statusBar().showMessage("No suggestions in this document.", 3000)
            return False
        view = self.window.view
        selected = view.selected_span()
        here = selected.start if selected else view.selection()[0]
        ordered = pending if direction > 0 else list(reversed(pending))
        following = [p for p in ordered if (p[0] > here if direction > 0 else p[0] < here)]
        target = (following or ordered)[0]  # round again at the end
        self.window.select_span(target[3])
        return True

    def accept_selected(self) -> None:
        span = self.window.view.selected_span()
        if span is None or span.origin != "suggested":
            self.step(1)  # Enter first goes to a suggestion, then accepts it
            return
        self._do(accept(span, self.window.coder))

    def reject_selected(self) -> None:
        span = self.window.view.selected_span()
        if span is not None and span.origin == "suggested":
            self._do(RejectSuggestion(span))

    def _do(self, edit: Edit) -> None:
        if self.window.editor.do(edit) and self.pending():
            self.step(1)

    def accept_all(self) -> None:
        spans = [s for s in self.window.current_spans if s.origin == "suggested"]
        if spans:
            self.window.editor.do(Batch([accept(s, self.window.coder) for s in spans],
                                        f"accept {len(spans)} suggestions"))

    def reject_all(self) -> None:
        spans = [s for s in self.window.current_spans if s.origin == "suggested"]
        if spans:
            self.window.editor.do(Batch([RejectSuggestion(s) for s in spans],
                                        f"reject {len(spans)} suggestions"))


