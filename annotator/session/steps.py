"""What an edit is called where the coder reads it (Undo “tag 'Hamas' as actor”), as
a Message the window can translate.

The core's edits describe themselves in English (``Edit.description``); this says
the same sentence as a template and its values. Each template here reads, in
English, exactly as the edit's own description (the tests hold them together);
an edit this does not know keeps its own description.
"""

from __future__ import annotations

from annotator.core.commands import (
    AddEvent,
    AddRelation,
    AddSpan,
    Batch,
    ChangeEvent,
    ChangeRelation,
    ChangeSpan,
    Edit,
    RejectSuggestion,
    RemoveEvent,
    RemoveRelation,
    RemoveSpan,
    RestoreSuggestion,
    SetDocLabel,
    SetDocumentDetails,
    SetStatus,
)
from annotator.session.messages import QT_TRANSLATE_NOOP, STATUS_WORDS, Message, said

CONTEXT = "Steps"


def _status(status: str) -> Message:
    return said("Status", STATUS_WORDS.get(status, status))


def describe(edit: Edit) -> Message | str:
    """``edit`` as the Undo and Redo actions and the failure messages name it: a
    Message, or a label the window gave a batch (already in the coder's language)."""
    if isinstance(edit, AddSpan):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "tag {text} as {label}"),
                    text=repr(edit.span.text), label=edit.span.label)
    if isinstance(edit, RemoveSpan):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "remove {label} {text}"),
                    label=edit.span.label, text=repr(edit.span.text))
    if isinstance(edit, ChangeSpan):
        if edit.before.label != edit.after.label:
            return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "relabel {text} as {label}"),
                        text=repr(edit.after.text), label=edit.after.label)
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "change {label} {text}"),
                    label=edit.after.label, text=repr(edit.after.text))
    if isinstance(edit, SetStatus):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "mark {status}"),
                    status=_status(edit.after))
    if isinstance(edit, AddEvent):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "add {type} event"), type=edit.event.type)
    if isinstance(edit, RemoveEvent):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "remove {type} event"),
                    type=edit.event.type)
    if isinstance(edit, ChangeEvent):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "change {type} event"),
                    type=edit.after.type)
    if isinstance(edit, SetDocumentDetails):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "change document details"))
    if isinstance(edit, RejectSuggestion):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "reject suggestion {text}"),
                    text=repr(edit.span.text))
    if isinstance(edit, RestoreSuggestion):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "restore suggestion {text}"),
                    text=repr(edit.span.text))
    if isinstance(edit, AddRelation):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "link {type}"),
                    type=repr(edit.relation.label))
    if isinstance(edit, RemoveRelation):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "remove link {type}"),
                    type=repr(edit.relation.label))
    if isinstance(edit, ChangeRelation):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "change link {type}"),
                    type=repr(edit.after.label))
    if isinstance(edit, SetDocLabel):
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "set document {name}"), name=edit.name)
    if isinstance(edit, Batch):
        return _batch(edit)
    return edit.description


def _batch(batch: Batch) -> Message | str:
    """A batch is named by its label. The labels the core and the session give are
    an inner edit's description (a span removed with its links; a span tagged with
    its document started) or an acceptance: those are said as Messages. Any other
    label was given by the window, in the coder's language."""
    if not batch.label:
        described = [describe(edit) for edit in batch.edits]
        if not described:
            return ""
        joined: Message | str = described[0]
        for more in described[1:]:
            # Only punctuation: nothing in it for a translator.
            joined = Message("", "{before}; {after}", {"before": joined, "after": more})
        return joined
    for edit in batch.edits:
        if edit.description == batch.label:
            return describe(edit)
    accepted = [e.after for e in batch.edits
                if isinstance(e, ChangeSpan) and e.after.origin == "accepted"]
    if len(accepted) == 1 and batch.label == f"accept {accepted[0].text!r}":
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "accept {text}"),
                    text=repr(accepted[0].text))
    if accepted and batch.label == f"accept {len(accepted)} suggestions":
        return said(CONTEXT, QT_TRANSLATE_NOOP("Steps", "accept {count} suggestions"),
                    count=len(accepted))
    return batch.label
