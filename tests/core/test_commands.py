"""Edits against a minimal in-memory target: the core alone, no SQL, no Qt."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from annotator.core.commands import AddSpan, Batch, ChangeSpan, RemoveSpan, SetStatus, relabel
from annotator.core.model import Span


class MemoryTarget:
    def __init__(self) -> None:
        self.spans: dict[str, Span] = {}
        self.statuses: dict[tuple[int, str], str] = {}

    def insert_span(self, span: Span) -> Span:
        assert span.uid not in self.spans
        self.spans[span.uid] = span
        return span

    def delete_span(self, span: Span, *, alone: bool = False) -> None:
        del self.spans[span.uid]

    def replace_span(self, before: Span, after: Span) -> None:
        assert self.spans[before.uid] == before
        self.spans[after.uid] = after

    def set_status(self, doc_id: int, coder: str, status: str, *,
                   expected: str | None = None) -> None:
        assert expected is None or self.statuses.get((doc_id, coder), "todo") == expected
        self.statuses[doc_id, coder] = status

    @contextmanager
    def batch(self) -> Iterator[None]:
        yield


SPAN = Span(start=0, end=5, label="actor", text="Hamas", coder="alice", doc_id=1)


def test_add_then_its_inverse_removes_and_restores_the_same_span() -> None:
    target = MemoryTarget()
    undo = AddSpan(SPAN).apply(target)
    assert target.spans == {SPAN.uid: SPAN}
    assert isinstance(undo, RemoveSpan)
    redo = undo.apply(target)
    assert target.spans == {}
    redo.apply(target)
    assert target.spans[SPAN.uid] == SPAN


def test_relabel_and_back() -> None:
    target = MemoryTarget()
    AddSpan(SPAN).apply(target)
    change = relabel(SPAN, "location")
    assert change.description == "relabel 'Hamas' as location"
    undo = change.apply(target)
    assert target.spans[SPAN.uid].label == "location"
    undo.apply(target)
    assert target.spans[SPAN.uid].label == "actor"
    assert isinstance(undo, ChangeSpan)


def test_batch_undoes_in_reverse_order() -> None:
    target = MemoryTarget()
    batch = Batch([AddSpan(SPAN), SetStatus(1, "alice", "todo", "in progress")])
    undo = batch.apply(target)
    assert target.statuses[1, "alice"] == "in progress"
    assert SPAN.uid in target.spans
    undo.apply(target)
    assert target.statuses[1, "alice"] == "todo"
    assert target.spans == {}
    assert batch.doc_id == 1
