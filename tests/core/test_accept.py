"""Accepting suggestions in the core: the span keeps where it came from, and a document
still todo is marked in progress in the same undoable step, as tagging does."""

from __future__ import annotations

import pytest

from annotator.core.commands import SOURCE_ATTR, Batch, ChangeSpan, SetStatus, accept, accept_many
from annotator.core.model import Span
from tests.core.test_commands import MemoryTarget


def suggestion(doc_id: int = 1, start: int = 0, text: str = "Hamas") -> Span:
    return Span(start=start, end=start + len(text), label="actor", text=text, coder="suggest",
                origin="suggested", doc_id=doc_id,
                attrs={SOURCE_ATTR: "actor dictionary", "role": "attacker"})


def stored(*spans: Span) -> MemoryTarget:
    target = MemoryTarget()
    for span in spans:
        target.insert_span(span)
    return target


def test_an_accepted_suggestion_is_the_coders_and_keeps_its_origin_and_source() -> None:
    pending = suggestion()
    target = stored(pending)
    accept(pending, "alice", "in progress").apply(target)
    accepted = target.spans[pending.uid]
    assert (accepted.origin, accepted.coder) == ("accepted", "alice")
    assert dict(accepted.attrs) == {SOURCE_ATTR: "actor dictionary", "role": "attacker"}


def test_accepting_in_a_todo_document_marks_it_in_progress_and_undoes_as_one() -> None:
    pending = suggestion()
    target = stored(pending)
    edit = accept(pending, "alice", "todo")
    assert isinstance(edit, Batch)
    assert SetStatus(1, "alice", "todo", "in progress") in edit.edits
    assert edit.description == "accept 'Hamas'"
    undo = edit.apply(target)
    assert target.statuses == {(1, "alice"): "in progress"}
    assert target.spans[pending.uid].origin == "accepted"
    undo.apply(target)  # one step takes back both
    assert target.statuses == {(1, "alice"): "todo"}
    assert target.spans[pending.uid] == pending


@pytest.mark.parametrize("status", ["in progress", "done", "skipped"])
def test_accepting_leaves_any_other_status_as_it_is(status: str) -> None:
    edit = accept(suggestion(), "alice", status)
    assert [type(e) for e in edit.edits] == [ChangeSpan]


def test_accepting_across_documents_starts_only_those_still_todo() -> None:
    first, second = suggestion(1), suggestion(1, 10, "Fatah")
    elsewhere, finished = suggestion(2), suggestion(3)
    target = stored(first, second, elsewhere, finished)
    edit = accept_many([first, second, elsewhere, finished], "alice",
                       {1: "todo", 2: "todo", 3: "done"})
    statuses = [e for e in edit.edits if isinstance(e, SetStatus)]
    assert statuses == [SetStatus(1, "alice", "todo", "in progress"),
                        SetStatus(2, "alice", "todo", "in progress")]
    assert edit.description == "accept 4 suggestions"
    undo = edit.apply(target)
    assert {s.origin for s in target.spans.values()} == {"accepted"}
    assert target.statuses == {(1, "alice"): "in progress", (2, "alice"): "in progress"}
    undo.apply(target)
    assert {s.origin for s in target.spans.values()} == {"suggested"}
    assert target.statuses == {(1, "alice"): "todo", (2, "alice"): "todo"}


def test_a_missing_status_is_refused_rather_than_taken_for_todo() -> None:
    # Taken for todo, a done document would be sent back to in progress.
    with pytest.raises(ValueError, match="status of document 2"):
        accept_many([suggestion(1), suggestion(2)], "alice", {1: "todo"})


def test_only_a_pending_suggestion_can_be_accepted() -> None:
    tagged = Span(start=0, end=5, label="actor", text="Hamas", coder="bob", doc_id=1)
    with pytest.raises(ValueError, match="not a pending suggestion"):
        accept(tagged, "alice", "todo")
