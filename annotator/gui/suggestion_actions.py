"""Suggestions and "tag all occurrences" in the window: made in one step, reviewed by key.

Tab and Shift+Tab move between pending suggestions, Enter accepts one and
Backspace rejects it; each batch (made, accepted or rejected together) is
one step on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from annotator.core.commands import AddSpan, Batch, Edit, RejectSuggestion, accept, accept_many
from annotator.core.model import Span
from annotator.gui.background import CorpusWorker
from annotator.storage.suggestions import make_suggestions, occurrences

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from annotator.gui.workbench import Workbench


class SuggestionActions:
    def __init__(self, bench: Workbench, corpus_model: Callable[[], Any] = lambda: None
                 ) -> None:
        self.bench = bench
        self.session = bench.session
        self._model: Any = None
        self._corpus_model = corpus_model  # the corpus's own, if trained
        bench.view.suggestionKey.connect(self.on_key)

    def populate(self, menu: QMenu) -> None:
        bind = self.bench.actions.bind
        bind("suggest.here", self.suggest_here)
        bind("suggest.next", lambda: self.step(1))
        bind("suggest.previous", lambda: self.step(-1))
        bind("suggest.accept", self.accept_selected)
        bind("suggest.reject", self.reject_selected)
        bind("suggest.accept_all", self.accept_all)
        bind("suggest.reject_all", self.reject_all)
        bind("suggest.model", self.choose_model)
        bind("suggest.occurrences_here", self.occurrences_here)
        bind("suggest.occurrences_everywhere", self.occurrences_everywhere)
        self.bench.actions.fill(
            menu, "suggest.here", "suggest.next", "suggest.previous", "suggest.accept",
            "suggest.reject", "suggest.accept_all", "suggest.reject_all", "suggest.model", "-",
            "suggest.occurrences_here", "suggest.occurrences_everywhere")

    # -- making ------------------------------------------------------------------

    def suggest_here(self) -> None:
        session = self.session
        if session.doc_id is None:
            return
        # The corpus's own model first: where both propose a span, its label is kept.
        models = [m for m in (self._corpus_model(), self.model()) if m is not None]
        made = make_suggestions(session.corpus, session.doc_id, session.coder, model=models,
                                model_threshold=self.bench.settings.model_threshold)
        # The batch's name is the Undo action's: in the coder's language.
        self._queue(made, QCoreApplication.translate("SuggestionActions", "suggest spans"),
                    QCoreApplication.translate("SuggestionActions",
                                               "No new suggestions for this document."))

    def model(self) -> Any:
        """The spaCy NER model named in the settings, if it is installed; never downloaded."""
        name = self.bench.settings.spacy_model
        if not name or self._model is not None:
            return self._model
        import spacy

        if spacy.util.is_package(name):
            self._model = spacy.load(name)
        else:
            self.session.say(QCoreApplication.translate(
                "SuggestionActions", "spaCy model {name} is not installed; suggesting without it.")
                .format(name=name), 6000)
        return self._model

    def choose_model(self) -> None:
        """Name an installed spaCy NER model (empty for none); annotator never downloads one."""
        settings = self.bench.settings
        name = self.bench.prompts.ask_text(
            QCoreApplication.translate("SuggestionActions", "spaCy model"),
            QCoreApplication.translate(
                "SuggestionActions", "An installed spaCy NER model to suggest with, e.g. "
                "en_core_web_sm (empty: none). annotator never downloads models."),
            settings.spacy_model)
        if name is None:
            return
        import spacy

        if name and not spacy.util.is_package(name):
            self.bench.prompts.error(
                QCoreApplication.translate("SuggestionActions", "spaCy model"),
                QCoreApplication.translate(
                    "SuggestionActions", "{name} is not installed here. Install it with: "
                    "python -m spacy download {name}").format(name=name))
            return
        settings.spacy_model = name
        self.bench.save_settings()
        self._model = None

    def occurrences_here(self) -> None:
        span = self._chosen_coded_span()
        if span is not None and span.doc_id is not None:
            made = occurrences(self.session.corpus, span, self.session.coder, [span.doc_id])
            self._queue(made or [],
                        QCoreApplication.translate("SuggestionActions", "tag all {text}")
                        .format(text=repr(span.text)),
                        QCoreApplication.translate("SuggestionActions", "No other {text} here.")
                        .format(text=repr(span.text)))

    def occurrences_everywhere(self) -> None:
        """In a large corpus a common name is in thousands of documents: they are read
        in the background, with progress and Cancel, and added as one undo step."""
        span = self._chosen_coded_span()
        if span is None:
            return
        session = self.session
        worker = CorpusWorker(session.corpus.path, lambda corpus: occurrences(
            corpus, span, session.coder, progress=worker.report, cancelled=worker.cancelled))

        def found(made: list[Span] | None) -> None:
            if made is None:
                session.say(QCoreApplication.translate(
                    "SuggestionActions", "Tagging all occurrences was cancelled."), 4000)
                return
            self._queue(made,
                        QCoreApplication.translate("SuggestionActions", "tag all {text} in the corpus")
                        .format(text=repr(span.text)),
                        QCoreApplication.translate("SuggestionActions",
                                                   "No other {text} in the corpus.")
                        .format(text=repr(span.text)))

        self.bench.background.run(
            worker, QCoreApplication.translate("SuggestionActions", "Finding {text} in the corpus…")
            .format(text=repr(span.text)), found)

    def _chosen_coded_span(self) -> Span | None:
        span = self.bench.view.selected_span()
        if span is None or span.origin == "suggested":
            self.session.say(QCoreApplication.translate(
                "SuggestionActions", "Select a tagged span first."), 4000)
            return None
        return span

    def _queue(self, spans: list[Span], what: str, none: str) -> None:
        session = self.session
        if not spans:
            session.say(none, 4000)
            return
        if session.do(Batch([AddSpan(s) for s in spans], what)):
            session.say(QCoreApplication.translate(
                "SuggestionActions", "{count} suggestions: Tab moves, Enter accepts, Backspace "
                "rejects.").format(count=len(spans)), 8000)
            if spans[0].doc_id == session.doc_id:
                self.step(1)

    # -- reviewing -----------------------------------------------------------------

    def on_key(self, key: str) -> None:
        {"next": lambda: self.step(1), "previous": lambda: self.step(-1),
         "accept": self.accept_selected, "reject": self.reject_selected}[key]()

    def pending(self) -> list[tuple[int, int, str, str, str]]:
        """The coder's own pending suggestions (with all coders' spans shown, another
        coder's are theirs to review)."""
        coder = self.session.coder
        return [place for place in self.session.spans.suggestions()  # type: ignore[attr-defined]
                if place[5] == coder]

    def _mine(self) -> list[Span]:
        coder = self.session.coder
        return [s for s in self.session.spans if s.origin == "suggested" and s.coder == coder]

    def step(self, direction: int, after: int | None = None) -> bool:
        """Select the next (1) or previous (-1) suggestion after the current place (or,
        once one was accepted or rejected, the first from where it was)."""
        pending = self.pending()
        if not pending:
            self.session.say(QCoreApplication.translate(
                "SuggestionActions", "No suggestions in this document."), 3000)
            return False
        view = self.bench.view
        selected = view.selected_span()
        ordered = pending if direction > 0 else list(reversed(pending))
        if after is not None:
            following = [p for p in ordered if p[0] >= after]
        else:
            here = selected.start if selected else view.selection()[0]
            following = [p for p in ordered if (p[0] > here if direction > 0 else p[0] < here)]
        target = (following or ordered)[0]  # round again at the end
        self.session.select(target[3])
        return True

    def accept_selected(self) -> None:
        span = self.bench.view.selected_span()
        if span is None or span.origin != "suggested":
            self.step(1)  # Enter first goes to a suggestion, then accepts it
            return
        coder = self.session.coder
        assert span.doc_id is not None
        self._do(accept(span, coder, self.session.corpus.status(span.doc_id, coder)), span.start)

    def reject_selected(self) -> None:
        span = self.bench.view.selected_span()
        if span is not None and span.origin == "suggested":
            self._do(RejectSuggestion(span), span.start)

    def _do(self, edit: Edit, where: int) -> None:
        """Accept or reject, then go on to the next suggestion from ``where`` (the caret
        may be anywhere: going on from it jumped back to an earlier suggestion)."""
        if self.session.do(edit) and self.pending():
            self.step(1, after=where)

    def accept_all(self) -> None:
        spans = self._mine()
        if spans:
            coder, corpus = self.session.coder, self.session.corpus
            statuses = {doc_id: corpus.status(doc_id, coder)
                        for doc_id in {s.doc_id for s in spans if s.doc_id is not None}}
            self.session.do(accept_many(spans, coder, statuses))

    def reject_all(self) -> None:
        spans = self._mine()
        if spans:
            self.session.do(Batch([RejectSuggestion(s) for s in spans], QCoreApplication.translate(
                "SuggestionActions", "reject {count} suggestions").format(count=len(spans))))


