"""Relations, document categories and knowledge-base links as a reader parses them,
and the notes for those it cannot turn into records.

Each format parses these into the plain tuples below in one function; the reader
turns them into ``Relation``, ``DocLabel`` and ``KbLink`` records where it can
(both ends found among the document's spans, a value the model holds) and
reports the rest with kind, count, reason and an example, never dropping them in
silence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from annotator.formats.base import Problem, ReadDocument, ReadItem, brief


class SpanRef(NamedTuple):
    """A span a relation or link points at: by offsets and label where the file
    gives them, by the file's own id (``key``) always where it has one."""

    start: int | None
    end: int | None
    label: str | None
    key: str | None = None

    def shown(self, text: str | None = None) -> str:
        if not (_offset(self.start) and _offset(self.end)):
            return f"span {self.key}" if self.key is not None else "a span without offsets"
        covered = f" {brief(text[self.start:self.end])}" if text is not None else ""
        return f"{self.label or 'span'}{covered} at {self.start}-{self.end}"


def _offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class RelationRef(NamedTuple):
    head: SpanRef
    tail: SpanRef
    label: str


class CategoryRef(NamedTuple):
    """A label of the whole document: ``name`` is the question (a Label Studio
    control, a Prodigy label), ``value`` the answer (a choice, a list, accept/reject)."""

    name: str
    value: Any


class LinkRef(NamedTuple):
    """A span's link to a knowledge-base entry (a Wikidata id, a GeoNames id): ``kb``
    names the base, ``name`` the entry, where the file says them."""

    span: SpanRef
    kb_id: str
    kb: str = ""
    name: str = ""


class Note(str):
    """A warning that counts something read but not imported (or changed on the way).

    It reads as a plain message where one document is concerned; ``summed``
    adds up the notes of one kind over a whole file, so that binary Prodigy data
    says "1290 spans answered reject ..." once rather than on 1,290 lines.
    """

    count: int
    one: str
    many: str
    tail: str
    example: str

    def __new__(cls, count: int, one: str, many: str, tail: str, example: str = "") -> Note:
        shown = f", e.g. {example}" if example else ""
        note = super().__new__(cls, f"{count} {one if count == 1 else many} {tail}{shown}")
        note.count, note.one, note.many, note.tail, note.example = count, one, many, tail, example
        return note


def summed(items: Iterable[ReadItem], shown_lines: int = 5) -> Iterator[ReadItem]:
    """A file's items with its notes added up per kind, said once with the last document.

    Each summary names the file's first lines concerned and how many documents;
    other warnings stay with their own documents. The last document is held back
    until the file is read, to carry the summaries.
    """
    totals: dict[tuple[str, str], list[Any]] = {}
    held: ReadDocument | None = None
    for item in items:
        if not isinstance(item, ReadDocument):
            yield item
            continue
        kept = []
        for warning in item.warnings:
            if not isinstance(warning.reason, Note):
                kept.append(warning)
                continue
            note = warning.reason
            total = totals.setdefault((note.one, note.tail), [0, [], note, warning.file])
            total[0] += note.count
            total[1].append(warning.line)
        if held is not None:
            yield held
        held = replace(item, warnings=tuple(kept))
    if held is None:
        return
    said = []
    for count, lines, note, file in totals.values():
        known = [str(line) for line in lines if line is not None]
        where = f"in {len(lines)} document{'s' if len(lines) > 1 else ''}"
        if known:
            more = f" and {len(known) - shown_lines} more" if len(known) > shown_lines else ""
            where += f", line{'s' if len(known) > 1 else ''} {', '.join(known[:shown_lines])}{more}"
        example = f"; e.g. {note.example}" if note.example else ""
        noun = note.one if count == 1 else note.many
        said.append(Problem(file, lines[0], f"{count} {noun} {note.tail}: {where}{example}"))
    yield replace(held, warnings=(*held.warnings, *said))


def relations_said(relations: Sequence[RelationRef], text: str | None = None,
                   why: str = "not imported (an end is not one of the document's spans)",
                   ) -> list[Note]:
    """The note for relations read but not stored, if there are any."""
    if not relations:
        return []
    first = relations[0]
    return [Note(len(relations), "relation", "relations", why,
                 f"{brief(first.label)} from {first.head.shown(text)} to "
                 f"{first.tail.shown(text)}")]


def categories_said(categories: Sequence[CategoryRef], why: str) -> list[Note]:
    """The note for document categories read but not stored, if there are any;
    ``why`` says why they could not be document labels."""
    if not categories:
        return []
    first = categories[0]
    return [Note(len(categories), "document category", "document categories",
                 f"not imported ({why})",
                 f"{brief(first.name)}: {brief(first.value)}")]


def links_said(links: Sequence[LinkRef], text: str | None = None,
               why: str = "not imported (their span is not one of the document's spans)",
               ) -> list[Note]:
    """The note for knowledge-base links read but not stored, if there are any."""
    if not links:
        return []
    first = links[0]
    return [Note(len(links), "entity-linking choice", "entity-linking choices", why,
                 f"{brief(first.kb_id)} for {first.span.shown(text)}")]
