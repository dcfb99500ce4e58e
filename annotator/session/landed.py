"""Whether an edit sent again already took effect: its connection died under a COMMIT
that the server had made, so the first sending stored it and the second finds its
work done (a status already set, a span already gone) and is refused as a change
made elsewhere.

``landed`` answers with the edit's inverse when the corpus shows exactly what the
edit leaves, so the step counts as done and can be undone; otherwise None, and the
refusal stands.
"""

from __future__ import annotations

from typing import Any

from annotator.core.commands import (
    AddEvent,
    AddRelation,
    AddSpan,
    Batch,
    ChangeEvent,
    ChangeSpan,
    Edit,
    RemoveEvent,
    RemoveRelation,
    RemoveSpan,
    SetStatus,
)
from annotator.storage.errors import CorpusError


def landed(edit: Edit, target: Any) -> Edit | None:
    """``edit``'s inverse if the corpus holds what ``edit`` leaves, else None."""
    try:
        return _landed(edit, target)
    except CorpusError:
        return None


def _landed(edit: Edit, target: Any) -> Edit | None:
    if isinstance(edit, Batch):
        inverses = [_landed(inner, target) for inner in edit.edits]
        if any(inverse is None for inverse in inverses):
            return None
        return Batch([inverse for inverse in reversed(inverses) if inverse is not None],
                     edit.label)
    if isinstance(edit, SetStatus):
        if target.status(edit.doc_id, edit.coder) == edit.after:
            return SetStatus(edit.doc_id, edit.coder, edit.after, edit.before)
        return None
    if isinstance(edit, AddSpan | RemoveSpan | ChangeSpan):
        return _span_landed(edit, target)
    if isinstance(edit, AddEvent | RemoveEvent | ChangeEvent):
        return _event_landed(edit, target)
    if isinstance(edit, AddRelation | RemoveRelation):
        relation = edit.relation
        there = {r.uid for r in target.relations(relation.doc_id)}
        if isinstance(edit, AddRelation) and relation.uid in there:
            return RemoveRelation(relation)
        if isinstance(edit, RemoveRelation) and relation.uid not in there:
            return AddRelation(relation)
    return None


def _span_landed(edit: AddSpan | RemoveSpan | ChangeSpan, target: Any) -> Edit | None:
    span = edit.after if isinstance(edit, ChangeSpan) else edit.span
    try:
        stored = target.span(span.uid)
    except CorpusError:
        stored = None
    if isinstance(edit, RemoveSpan):
        return AddSpan(span) if stored is None else None
    if stored is None or stored != span:
        return None
    return RemoveSpan(span) if isinstance(edit, AddSpan) else ChangeSpan(edit.after, edit.before)


def _event_landed(edit: AddEvent | RemoveEvent | ChangeEvent, target: Any) -> Edit | None:
    event = edit.after if isinstance(edit, ChangeEvent) else edit.event
    there = {e.uid: e for e in target.events(event.doc_id)}
    if isinstance(edit, RemoveEvent):
        return AddEvent(event) if event.uid not in there else None
    if there.get(event.uid) != event:
        return None
    return RemoveEvent(event) if isinstance(edit, AddEvent) else ChangeEvent(edit.after,
                                                                             edit.before)
