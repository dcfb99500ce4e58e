"""Edits as immutable records: applying one returns the edit that undoes it.

The GUI wraps these in ``QUndoCommand``s; the storage layer implements
``EditTarget``. Neither knows of the other.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from annotator.core.events import Event
from annotator.core.model import DocLabel, DocumentDetails, Relation, Span


class EditTarget(Protocol):
    """Where edits land; every call is committed before it returns."""

    def insert_span(self, span: Span) -> Span: ...

    def delete_span(self, span: Span, *, alone: bool = False) -> None:
        """Remove ``span``; ``alone``: refuse (CorpusConflict) if it was changed elsewhere
        or has links or event places the edit does not carry."""
        ...

    def replace_span(self, before: Span, after: Span) -> None: ...

    def set_status(self, doc_id: int, coder: str, status: str, *,
                   expected: str | None = None) -> None:
        """Set a status; with ``expected``, refuse (CorpusConflict) unless the status is
        still that (another window may have marked the document since)."""
        ...

    def insert_event(self, event: Event) -> None: ...

    def delete_event(self, event: Event) -> None: ...

    def replace_event(self, event: Event) -> None: ...

    def set_details(self, doc_id: int, details: DocumentDetails) -> None: ...

    def reject_suggestion(self, span: Span) -> None: ...

    def restore_suggestion(self, span: Span) -> None: ...

    def insert_relation(self, relation: Relation) -> Relation: ...

    def delete_relation(self, relation: Relation) -> None: ...

    def replace_relation(self, before: Relation, after: Relation) -> None: ...

    def set_doc_label(self, doc_id: int, coder: str, name: str, value: object) -> None: ...

    def batch(self) -> AbstractContextManager[object]:
        """A context in which several edits commit together."""
        ...


class Edit(Protocol):
    @property
    def doc_id(self) -> int: ...

    @property
    def description(self) -> str: ...

    def apply(self, target: EditTarget) -> Edit: ...


@dataclass(frozen=True, slots=True)
class AddSpan:
    span: Span

    @property
    def doc_id(self) -> int:
        assert self.span.doc_id is not None
        return self.span.doc_id

    @property
    def description(self) -> str:
        return f"tag {self.span.text!r} as {self.span.label}"

    def apply(self, target: EditTarget) -> Edit:
        return RemoveSpan(target.insert_span(self.span))


@dataclass(frozen=True, slots=True)
class RemoveSpan:
    span: Span

    @property
    def doc_id(self) -> int:
        assert self.span.doc_id is not None
        return self.span.doc_id

    @property
    def description(self) -> str:
        return f"remove {self.span.label} {self.span.text!r}"

    def apply(self, target: EditTarget) -> Edit:
        # Alone: links and event places made elsewhere since would go without a word.
        target.delete_span(self.span, alone=True)
        return AddSpan(self.span)


@dataclass(frozen=True, slots=True)
class ChangeSpan:
    before: Span
    after: Span

    def __post_init__(self) -> None:
        if self.before.uid != self.after.uid:
            raise ValueError("a span change must keep the span's identity")

    @property
    def doc_id(self) -> int:
        assert self.after.doc_id is not None
        return self.after.doc_id

    @property
    def description(self) -> str:
        if self.before.label != self.after.label:
            return f"relabel {self.after.text!r} as {self.after.label}"
        return f"change {self.after.label} {self.after.text!r}"

    def apply(self, target: EditTarget) -> Edit:
        target.replace_span(self.before, self.after)
        return ChangeSpan(self.after, self.before)


def relabel(span: Span, label: str) -> ChangeSpan:
    return ChangeSpan(span, dataclasses.replace(span, label=label))


@dataclass(frozen=True, slots=True)
class SetStatus:
    doc_id: int
    coder: str
    before: str
    after: str

    @property
    def description(self) -> str:
        return f"mark {self.after}"

    def apply(self, target: EditTarget) -> Edit:
        target.set_status(self.doc_id, self.coder, self.after, expected=self.before)
        return SetStatus(self.doc_id, self.coder, self.after, self.before)


@dataclass(frozen=True, slots=True)
class Batch:
    """Several edits that are done and undone as one."""

    edits: tuple[Edit, ...]
    label: str = ""

    def __init__(self, edits: Sequence[Edit], label: str = "") -> None:
        if not edits:
            raise ValueError("an empty batch does nothing")
        object.__setattr__(self, "edits", tuple(edits))
        object.__setattr__(self, "label", label)

    @property
    def doc_id(self) -> int:
        return self.edits[0].doc_id

    @property
    def description(self) -> str:
        return self.label or "; ".join(e.description for e in self.edits)

    def apply(self, target: EditTarget) -> Edit:
        with target.batch():
            inverses = [edit.apply(target) for edit in self.edits]
        return Batch(list(reversed(inverses)), self.label)


@dataclass(frozen=True, slots=True)
class AddEvent:
    event: Event

    @property
    def doc_id(self) -> int:
        return self.event.doc_id

    @property
    def description(self) -> str:
        return f"add {self.event.type} event"

    def apply(self, target: EditTarget) -> Edit:
        target.insert_event(self.event)
        return RemoveEvent(self.event)


@dataclass(frozen=True, slots=True)
class RemoveEvent:
    event: Event

    @property
    def doc_id(self) -> int:
        return self.event.doc_id

    @property
    def description(self) -> str:
        return f"remove {self.event.type} event"

    def apply(self, target: EditTarget) -> Edit:
        target.delete_event(self.event)
        return AddEvent(self.event)


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    before: Event
    after: Event

    @property
    def doc_id(self) -> int:
        return self.after.doc_id

    @property
    def description(self) -> str:
        return f"change {self.after.type} event"

    def apply(self, target: EditTarget) -> Edit:
        target.replace_event(self.after)
        return ChangeEvent(self.after, self.before)


def remove_span(span: Span, events: Sequence[Event],
                relations: Sequence[Relation] = ()) -> Edit:
    """Removing a span also removes its relations and takes it out of its events,
    undoably in one step."""
    edits: list[Edit] = [RemoveRelation(r) for r in relations
                         if span.uid in (r.head, r.tail)]
    edits += [ChangeEvent(e, e.without(span.uid)) for e in events if e.has(span.uid)]
    edits.append(RemoveSpan(span))
    return edits[0] if len(edits) == 1 else Batch(edits, RemoveSpan(span).description)


@dataclass(frozen=True, slots=True)
class SetDocumentDetails:
    doc_id: int
    before: DocumentDetails
    after: DocumentDetails

    @property
    def description(self) -> str:
        return "change document details"

    def apply(self, target: EditTarget) -> Edit:
        target.set_details(self.doc_id, self.after)
        return SetDocumentDetails(self.doc_id, self.after, self.before)


@dataclass(frozen=True, slots=True)
class RejectSuggestion:
    span: Span

    @property
    def doc_id(self) -> int:
        assert self.span.doc_id is not None
        return self.span.doc_id

    @property
    def description(self) -> str:
        return f"reject suggestion {self.span.text!r}"

    def apply(self, target: EditTarget) -> Edit:
        target.reject_suggestion(self.span)
        return RestoreSuggestion(self.span)


@dataclass(frozen=True, slots=True)
class RestoreSuggestion:
    span: Span

    @property
    def doc_id(self) -> int:
        assert self.span.doc_id is not None
        return self.span.doc_id

    @property
    def description(self) -> str:
        return f"restore suggestion {self.span.text!r}"

    def apply(self, target: EditTarget) -> Edit:
        target.restore_suggestion(self.span)
        return RejectSuggestion(self.span)


# The span attribute naming what made a suggestion (the gazetteer, a pattern, a model,
# "same text"); an accepted suggestion keeps it, so an export says where it came from.
SOURCE_ATTR = "suggested_by"
# How sure a model was of its suggestion (0 to 1), kept beside its source.
CONFIDENCE_ATTR = "confidence"
PROVENANCE_ATTRS = (SOURCE_ATTR, CONFIDENCE_ATTR)


def accept(span: Span, coder: str, status: str) -> Batch:
    """A suggestion becomes the coder's own span, origin ``accepted``, its source kept.

    ``status`` is the coder's status of the span's document now: when it is todo, the
    document is marked in progress in the same step, as tagging a span does.
    """
    statuses = {} if span.doc_id is None else {span.doc_id: status}
    return accept_many([span], coder, statuses, f"accept {span.text!r}")


def accept_many(spans: Sequence[Span], coder: str, statuses: Mapping[int, str],
                label: str = "") -> Batch:
    """Suggestions of one or several documents accepted in one step; ``statuses`` has
    the coder's status of each of their documents, and each still todo is marked in
    progress in the same step."""
    edits: list[Edit] = []
    started: list[int] = []
    for span in spans:
        if span.origin != "suggested":
            raise ValueError(f"{span.text!r} is not a pending suggestion")
        doc_id = span.doc_id
        if doc_id is None or doc_id not in statuses:
            # Taking a missing status for todo would take a done document back.
            raise ValueError(f"the status of document {doc_id} was not given")
        edits.append(ChangeSpan(span, dataclasses.replace(span, origin="accepted", coder=coder)))
        if statuses[doc_id] == "todo" and doc_id not in started:
            started.append(doc_id)
    edits += [SetStatus(doc_id, coder, "todo", "in progress") for doc_id in started]
    return Batch(edits, label or f"accept {len(spans)} suggestions")


@dataclass(frozen=True, slots=True)
class AddRelation:
    relation: Relation

    @property
    def doc_id(self) -> int:
        assert self.relation.doc_id is not None
        return self.relation.doc_id

    @property
    def description(self) -> str:
        return f"link {self.relation.label!r}"

    def apply(self, target: EditTarget) -> Edit:
        target.insert_relation(self.relation)
        return RemoveRelation(self.relation)


@dataclass(frozen=True, slots=True)
class RemoveRelation:
    relation: Relation

    @property
    def doc_id(self) -> int:
        assert self.relation.doc_id is not None
        return self.relation.doc_id

    @property
    def description(self) -> str:
        return f"remove link {self.relation.label!r}"

    def apply(self, target: EditTarget) -> Edit:
        target.delete_relation(self.relation)
        return AddRelation(self.relation)


@dataclass(frozen=True, slots=True)
class ChangeRelation:
    before: Relation
    after: Relation

    def __post_init__(self) -> None:
        if self.before.uid != self.after.uid:
            raise ValueError("a relation change must keep the relation's id")

    @property
    def doc_id(self) -> int:
        assert self.after.doc_id is not None
        return self.after.doc_id

    @property
    def description(self) -> str:
        return f"change link {self.after.label!r}"

    def apply(self, target: EditTarget) -> Edit:
        target.replace_relation(self.before, self.after)
        return ChangeRelation(self.after, self.before)


@dataclass(frozen=True, slots=True)
class SetDocLabel:
    """A coder's value for the whole document under ``name``; None takes it away."""

    doc_id: int
    coder: str
    name: str
    before: object
    after: object

    @property
    def description(self) -> str:
        return f"set document {self.name}"

    def apply(self, target: EditTarget) -> Edit:
        target.set_doc_label(self.doc_id, self.coder, self.name, self.after)
        return SetDocLabel(self.doc_id, self.coder, self.name, self.after, self.before)


def set_doc_label(doc_id: int, current: Sequence[DocLabel], coder: str, name: str,
                  value: object) -> SetDocLabel:
    """The edit giving ``name`` the ``value`` for ``coder``, knowing the labels now set."""
    before = next((label.value for label in current
                   if label.coder == coder and label.name == name), None)
    return SetDocLabel(doc_id, coder, name, before, value)
