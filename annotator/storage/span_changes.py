"""What an edit did to a document's spans, so shown spans can follow it without
reading the document's spans again."""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.commands import (
    AddEvent,
    AddRelation,
    AddSpan,
    Batch,
    ChangeEvent,
    ChangeRelation,
    ChangeSpan,
    RejectSuggestion,
    RemoveEvent,
    RemoveRelation,
    RemoveSpan,
    RestoreSuggestion,
    SetDocLabel,
    SetDocumentDetails,
    SetStatus,
)
from annotator.core.model import Span

# Edits that leave every span as it was.
_SPANLESS = (SetStatus, SetDocumentDetails, AddEvent, RemoveEvent, ChangeEvent, AddRelation,
             RemoveRelation, ChangeRelation, SetDocLabel)


class SpanChange(NamedTuple):
    """One span added (``before`` None), removed (``after`` None) or changed."""

    before: Span | None
    after: Span | None
    # Stored just now as a new row: the corpus puts it after every span at the same
    # place (its id is the highest); a changed span keeps its id, whatever that is.
    newest: bool = False


def span_changes(edit: object) -> list[SpanChange] | None:
    """The span changes an applied edit made, in order; None for an edit of a kind
    not known here (whoever shows spans should read them again)."""
    if isinstance(edit, AddSpan | RestoreSuggestion):
        return [SpanChange(None, edit.span, newest=True)]
    if isinstance(edit, RemoveSpan | RejectSuggestion):
        return [SpanChange(edit.span, None)]
    if isinstance(edit, ChangeSpan):
        return [SpanChange(edit.before, edit.after)]
    if isinstance(edit, Batch):
        changes: list[SpanChange] = []
        for inner in edit.edits:
            found = span_changes(inner)
            if found is None:
                return None
            changes += found
        return changes
    if isinstance(edit, _SPANLESS):
        return []
    return None
