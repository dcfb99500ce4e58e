"""The corpus list's span count follows edits without counting pending suggestions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from annotator.core.commands import AddSpan, Batch, ChangeSpan, RejectSuggestion, RemoveSpan
from annotator.core.model import DocumentRecord, Span
from annotator.gui.document_list import SPANS_COLUMN, DocumentListModel
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

TEXT = "Militants attacked a convoy near Gao; two soldiers were killed."


def span(phrase: str, label: str, origin: str = "manual") -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), label=label, text=phrase,
                coder="alice" if origin == "manual" else "model", origin=origin, doc_id=1)


def shown_count(model: DocumentListModel) -> str:
    return model.data(model.index(0, SPANS_COLUMN))


def test_suggestions_count_once_accepted(tmp_path: Path) -> None:
    corpus = Corpus.open(tmp_path / "c.sqlite")
    add_documents(corpus, [DocumentRecord(text=TEXT, title="Gao")])
    model = DocumentListModel(corpus, "alice")
    model.reset()

    def do(edit: object) -> None:
        edit.apply(corpus)  # type: ignore[attr-defined]
        model.refresh(1, edit)

    do(AddSpan(span("Militants", "actor")))
    assert shown_count(model) == "1"
    gao, soldiers = span("Gao", "location", "suggested"), span("two soldiers", "casualty",
                                                               "suggested")
    do(Batch([AddSpan(gao), AddSpan(soldiers)], "suggest"))
    assert shown_count(model) == "1"  # suggestions made: not spans yet
    do(RejectSuggestion(gao))
    assert shown_count(model) == "1"  # one rejected: nothing changes
    # Accepting makes the suggestion the coder's own span: a change of its origin.
    taken = dataclasses.replace(soldiers, origin="manual", coder="alice")
    do(ChangeSpan(soldiers, taken))
    assert shown_count(model) == "2"  # one accepted: a span now
    do(RemoveSpan(taken))
    assert shown_count(model) == "1"
    kept = [s for s in corpus.spans(1) if s.origin != "suggested"]
    assert shown_count(model) == str(len(kept))
    corpus.close()
