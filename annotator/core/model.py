"""Domain records. Frozen, with their invariants checked on construction.

Glossary:
    document  one article; its ``text`` never changes after import.
    span      a highlighted stretch of a document's text with a label, in
              Unicode code points, end-exclusive: ``text[start:end]``.
    label     a tag a span can carry (actor, casualty, location, ...).
    coder     the person who made a span or set a status.
    status    how far a coder has got with a document.
    origin    where a span came from: typed by a coder (manual), suggested and not yet
              reviewed, a suggestion a coder accepted (accepted), imported.
    fragment  one piece of a discontinuous span ("is" ... "n't"); a span of several
              fragments keeps its hull in ``start``/``end``/``text``.
    relation  a typed, directed link from one span (head) to another (tail).
    link      a span's entry in a knowledge base (GeoNames, Wikidata, ...).
    document label  a value coded for a whole document (relevant, event types present,
              language, any codebook-defined document attribute).
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.events import Event

STATUSES = ("todo", "in progress", "done", "skipped")
ORIGINS = ("manual", "suggested", "imported", "accepted")

# When several coders have set a status, a document is as far along as its
# furthest coder: used where one status per document is wanted.
STATUS_RANK = {"todo": 0, "skipped": 1, "in progress": 2, "done": 3}


_sequence = itertools.count()
_process = os.urandom(6).hex()


def _new_process() -> None:
    global _process
    _process = os.urandom(6).hex()


os.register_at_fork(after_in_child=_new_process)


def new_uid() -> str:
    """A stable identity for a span, kept across undo, export and merge.

    Milliseconds since 1970, a counter, then 48 random bits drawn once per
    process (like a version-7 UUID, 128 bits in all). Ids made one after
    another sort together, so an import of millions appends to the end of
    the spans' unique index instead of writing all over it (a third of the
    storing time, measured); the random part keeps machines apart.
    """
    return f"{time.time_ns() // 1_000_000:012x}{next(_sequence) & 0xFFFFFFFF:08x}{_process}"


class InvalidRecord(ValueError):
    """A record breaks one of the rules of its kind."""


Fragment = tuple[int, int]


def check_fragments(start: int, end: int, fragments: tuple[Fragment, ...]) -> None:
    """Fragments are two or more non-empty ranges in order, apart from each other,
    the first starting at ``start`` and the last ending at ``end``."""
    if not fragments:
        return
    if len(fragments) < 2:
        raise InvalidRecord("a span of one fragment is written without fragments")
    previous = -1
    for piece in fragments:
        if (not isinstance(piece, tuple) or len(piece) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in piece)):
            raise InvalidRecord(f"fragment {piece!r} is not a pair of offsets")
        low, high = piece
        if not low < high:
            raise InvalidRecord(f"fragment {low}-{high} is not a non-empty range")
        if low <= previous:
            raise InvalidRecord(f"fragment {low}-{high} does not come after the one before it "
                                "(fragments are in order and apart)")
        previous = high
    if fragments[0][0] != start or fragments[-1][1] != end:
        raise InvalidRecord(f"fragments {fragments[0][0]}-{fragments[-1][1]} do not run from "
                            f"the span's start to its end ({start}-{end})")


@dataclass(frozen=True, slots=True)
class KbLink:
    """A span's entry in a knowledge base: ``kb`` names it (GeoNames, Wikidata, UMLS),
    ``id`` the entry there; ``name`` is the entry's own name, where known."""

    kb: str
    id: str
    name: str = ""

    def __post_init__(self) -> None:
        if not self.kb or not self.id:
            raise InvalidRecord("a knowledge-base link needs a base and an id")

    def as_json(self) -> dict[str, str]:
        return {"kb": self.kb, "id": self.id, **({"name": self.name} if self.name else {})}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str
    text: str
    coder: str
    uid: str = field(default_factory=new_uid)
    origin: str = "manual"
    attrs: Mapping[str, Any] = field(default_factory=dict)
    doc_id: int | None = None
    # Two or more (start, end) pieces of a discontinuous span; empty for one piece.
    fragments: tuple[Fragment, ...] = ()
    links: tuple[KbLink, ...] = ()

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise InvalidRecord(f"span offsets {self.start}-{self.end} are not a non-empty range")
        if len(self.text) != self.end - self.start:
            raise InvalidRecord(
                f"span text {self.text!r} is {len(self.text)} characters long, "
                f"offsets {self.start}-{self.end} cover {self.end - self.start}"
            )
        if not self.label:
            raise InvalidRecord("span has no label")
        if not self.coder:
            raise InvalidRecord("span has no coder")
        if self.origin not in ORIGINS:
            raise InvalidRecord(f"span origin {self.origin!r} is not one of {', '.join(ORIGINS)}")
        check_fragments(self.start, self.end, self.fragments)

    @property
    def pieces(self) -> tuple[Fragment, ...]:
        """The ranges this span covers: its fragments, or its one range."""
        return self.fragments or ((self.start, self.end),)

    def fragment_texts(self) -> list[str]:
        """The text of each piece (the span's text is the hull, gaps included)."""
        return [self.text[low - self.start:high - self.start] for low, high in self.pieces]


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed, directed link between two spans of one document, by their uids."""

    head: str
    tail: str
    label: str
    coder: str
    uid: str = field(default_factory=new_uid)
    origin: str = "manual"
    attrs: Mapping[str, Any] = field(default_factory=dict)
    doc_id: int | None = None

    def __post_init__(self) -> None:
        if not self.head or not self.tail:
            raise InvalidRecord("a relation needs a head span and a tail span")
        if not self.label:
            raise InvalidRecord("relation has no label")
        if not self.coder:
            raise InvalidRecord("relation has no coder")
        if self.origin not in ORIGINS:
            raise InvalidRecord(f"relation origin {self.origin!r} is not one of "
                                f"{', '.join(ORIGINS)}")


@dataclass(frozen=True, slots=True)
class DocLabel:
    """A value one coder gave a whole document under ``name``: true/false, a choice,
    several choices (a list), a number or text, as the codebook's attribute says."""

    name: str
    value: Any
    coder: str

    def __post_init__(self) -> None:
        if not self.name:
            raise InvalidRecord("document label has no name")
        if not self.coder:
            raise InvalidRecord("document label has no coder")
        if self.value is None or self.value == [] or self.value == "":
            raise InvalidRecord(f"document label {self.name!r} has no value")


@dataclass(frozen=True, slots=True)
class Document:
    """A stored document. ``id`` is the corpus row; ``uid`` the external id."""

    id: int
    uid: str
    title: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    notes: str = ""
    flags: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentDetails:
    """What a coder may edit about a document (its text never changes)."""

    date: str | None = None
    source: str | None = None
    url: str | None = None
    notes: str = ""
    # e.g. {"not relevant": True, "duplicate of": "uid"}
    flags: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A document on its way into a corpus, as an importer read it."""

    text: str
    uid: str | None = None
    title: str = ""
    date: str | None = None
    source: str | None = None
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    spans: tuple[Span, ...] = ()
    # coder -> status; a record without statuses is left "todo" for everyone.
    statuses: Mapping[str, str] = field(default_factory=dict)
    # Events over these spans; their doc_id is set when the document is stored.
    events: tuple[Event, ...] = ()
    notes: str = ""
    flags: Mapping[str, Any] = field(default_factory=dict)
    relations: tuple[Relation, ...] = ()
    doc_labels: tuple[DocLabel, ...] = ()

    def __post_init__(self) -> None:
        if not self.text:
            raise InvalidRecord("document has no text")
        for coder, status in self.statuses.items():
            if status not in STATUSES:
                raise InvalidRecord(
                    f"status {status!r} of coder {coder!r} is not one of {', '.join(STATUSES)}"
                )
        span_uids = {span.uid for span in self.spans}
        for relation in self.relations:
            for end in (relation.head, relation.tail):
                if end not in span_uids:
                    raise InvalidRecord(f"relation {relation.label!r} names span {end!r}, "
                                        "which this document does not have")
        named = [(label.coder, label.name) for label in self.doc_labels]
        if len(set(named)) != len(named):
            coder, name = next(n for n in named if named.count(n) > 1)
            raise InvalidRecord(f"document label {name!r} is given twice by coder {coder!r}")
        for event in self.events:
            for member in event.members:
                if member.span_uid not in span_uids:
                    raise InvalidRecord(f"event {event.uid} names span {member.span_uid!r}, "
                                        "which this document does not have")
        for span in self.spans:
            if span.end > len(self.text):
                raise InvalidRecord(
                    f"span {span.start}-{span.end} ends past the text "
                    f"({len(self.text)} characters)"
                )
            covered = self.text[span.start : span.end]
            if covered != span.text:
                raise InvalidRecord(
                    f"span {span.start}-{span.end} says {span.text!r} "
                    f"but the text there is {covered!r}"
                )


@dataclass(slots=True)
class CodedDocument:
    """A stored document with everything coded on it, as exporters want it."""

    document: Document
    spans: list[Span] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    doc_labels: list[DocLabel] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """What the document list shows: never the text."""

    id: int
    uid: str
    title: str
    date: str | None
    status: str
    span_count: int
    snippet: str | None = None  # where a search matched, marked with [ ]
    # A near-duplicate's similarity to the first copy, and that copy's title (or id).
    similarity: float | None = None
    copy_of: str | None = None


def overall_status(statuses: Mapping[str, str]) -> str:
    """One status for a document coded by several coders: the furthest along."""
    if not statuses:
        return "todo"
    return max(statuses.values(), key=STATUS_RANK.__getitem__)
