"""Reading a returned coder's corpus row by row, trusting nothing: each value is
checked as an import checks it, and a row that fails is refused with its reason
(``Refused``), counted in the merge's report."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from annotator.core.dates import parse_date
from annotator.core.events import DATE_PRECISIONS, Event, EventMember
from annotator.core.model import (
    ORIGINS,
    STATUSES,
    DocLabel,
    DocumentRecord,
    KbLink,
    Relation,
    Span,
)
from annotator.core.schema import Schema, name_problem, shown, text_problem
from annotator.storage.corpus import links_from_json
from annotator.storage.span_rows import fragments_from_json

MAX_CODER_NAME = 64
MAX_ID = 1000  # document, span and event ids
MAX_ATTRS_JSON = 100_000  # one span's attributes, as stored


def coder_name_problem(name: object) -> str | None:
    """Why ``name`` cannot be a coder's: it names files (``corpus-NAME.sqlite``) and is
    shown everywhere, so no path separators, ``..``, control characters or excess."""
    problem = name_problem(name, MAX_CODER_NAME)
    if problem:
        return problem
    assert isinstance(name, str)
    if "/" in name or "\\" in name or ".." in name:
        return f"{shown(name)} has a path separator or '..' in it"
    return None


class Refused(Exception):
    """A row left out of a merge: ``reason`` groups it in the report, ``detail`` is
    the example."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def checked_text(value: Any, what: str, where: str, *, optional: bool = False,
          max_length: int | None = None) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise Refused(f"{what} is not text", f"{where}: {what} is {shown(value)}")
    # Articles and notes may hold odd control characters (an import keeps them).
    problem = text_problem(value, max_length=max_length, controls=True)
    if problem:
        raise Refused(f"{what} is not valid text", f"{where}: {what} {problem}")
    return value


def checked_object(value: Any, what: str, where: str) -> dict[str, Any]:
    if not isinstance(value, str) or len(value) > MAX_ATTRS_JSON:
        raise Refused(f"{what} are not a JSON object", f"{where}: {what} are {shown(value)}")
    try:
        loaded = json.loads(value)
    except (ValueError, RecursionError):
        raise Refused(f"{what} are not JSON", f"{where}: {what} are {shown(value)}") from None
    if not isinstance(loaded, dict):
        raise Refused(f"{what} are not a JSON object", f"{where}: {what} are {shown(loaded)}")
    if bad_json_text(loaded, depth=0):
        raise Refused(f"{what} hold what JSON cannot (a lone surrogate, NaN) or nest too deep",
                       f"{where}: {what} are {shown(loaded)}")
    return loaded


def bad_json_text(value: Any, depth: int) -> bool:
    """Whether a JSON value holds a lone surrogate (which SQLite cannot store), a
    non-finite number, or nests deeper than any attribute needs."""
    if depth > 20:
        return True
    if isinstance(value, str):
        return text_problem(value, controls=True) is not None
    if isinstance(value, float):
        return value != value or value in (float("inf"), float("-inf"))
    if isinstance(value, dict):
        return any(bad_json_text(k, depth + 1) or bad_json_text(v, depth + 1)
                   for k, v in value.items())
    if isinstance(value, list):
        return any(bad_json_text(v, depth + 1) for v in value)
    return False


def checked_document(row: Sequence[Any]) -> DocumentRecord:
    _id, uid, title, text, date, source, url, meta, notes, flags = row
    where = f"document {shown(uid)}"
    problem = name_problem(uid, MAX_ID)
    if problem:
        raise Refused("id is not a usable id", f"document id {problem}")
    text = checked_text(text, "text", where)
    if not text:
        raise Refused("text is empty", where)
    if date is not None and (not isinstance(date, str) or parse_date(date) != date):
        raise Refused("date is not a date", f"{where}: date {shown(date)}")
    return DocumentRecord(
        text=text, uid=uid, title=checked_text(title, "title", where, optional=True) or "",
        date=date, source=checked_text(source, "source", where, optional=True),
        url=checked_text(url, "url", where, optional=True),
        meta=checked_object(meta, "meta", where),
        notes=checked_text(notes, "notes", where, optional=True) or "",
        flags=checked_object(flags, "flags", where))


def whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def checked_span(row: Sequence[Any], text: str, schema: Schema, where: str) -> Span:
    """A source span row as a span the target can take, attributes checked and typed
    by the target's schema, its pieces and knowledge-base links kept; Refused says
    why not."""
    uid, start, end, label, covered, attrs, coder, origin, fragments, links = row
    problem = name_problem(uid, MAX_ID)
    if problem:
        raise Refused("id is not a usable id", f"a span in {where}: id {problem}")
    here = f"span {shown(uid)} in {where}"
    if not (whole_number(start) and whole_number(end)):
        raise Refused("offsets are not whole numbers", f"{here}: {shown(start)}-{shown(end)}")
    if not 0 <= start < end <= len(text):
        raise Refused("offsets out of range",
                       f"{here}: {start}-{end} in a text of {len(text)} characters")
    if covered != text[start:end]:
        raise Refused("text does not match the document",
                       f"{here}: says {shown(covered)} where the text has "
                       f"{shown(text[start:end])}")
    if not isinstance(label, str) or schema.label(label) is None:
        raise Refused("label not in the target's schema", f"{here}: label {shown(label)}")
    problem = coder_name_problem(coder)
    if problem:
        raise Refused("coder name not usable", f"{here}: coder {problem}")
    if origin not in ORIGINS:
        raise Refused("origin not one of " + ", ".join(ORIGINS), f"{here}: {shown(origin)}")
    values = checked_object(attrs, "attributes", here)
    try:
        checked = schema.check_span(label, values)
    except ValueError as exc:  # InvalidRecord
        raise Refused("attribute not allowed by the target's schema", f"{here}: {exc}") from None
    try:
        return Span(start=start, end=end, label=label, text=covered, coder=coder, uid=uid,
                    origin=origin, attrs=checked, fragments=_checked_pieces(fragments, here),
                    links=_checked_links(links, here))
    except ValueError as exc:
        raise Refused("breaks a rule of spans", f"{here}: {exc}") from None


def _checked_pieces(value: Any, here: str) -> tuple[tuple[int, int], ...]:
    """A discontinuous span's pieces as stored (``[[start, end], ...]``), or none."""
    if value is None:
        return ()
    try:
        pieces = fragments_from_json(value) if isinstance(value, str) and \
            len(value) <= MAX_ATTRS_JSON else None
    except (ValueError, TypeError, RecursionError):
        pieces = None
    if pieces is None or not all(whole_number(a) and whole_number(b) for a, b in pieces):
        raise Refused("pieces are not a list of [start, end] pairs",
                      f"{here}: pieces {shown(value)}")
    return pieces


def _checked_links(value: Any, here: str) -> tuple[KbLink, ...]:
    """A span's knowledge-base links as stored (``[{"kb", "id", "name"}]``), or none."""
    if value is None:
        return ()
    try:
        links = links_from_json(value) if isinstance(value, str) and \
            len(value) <= MAX_ATTRS_JSON else None
    except (ValueError, TypeError, RecursionError):
        links = None
    if links is None or any(text_problem(text, controls=True)
                            for link in links for text in (link.kb, link.id, link.name)):
        raise Refused("links are not a list of {kb, id, name} texts",
                      f"{here}: links {shown(value)}")
    return links


def checked_relation(row: Sequence[Any], spans: set[str], where: str) -> Relation:
    """A source relation row between two of the spans the merge keeps; Refused says why
    not. Its type need not be in the codebook yet: merging adds it, as an import does."""
    uid, head, tail, label, attrs, coder, origin = row
    problem = name_problem(uid, MAX_ID)
    if problem:
        raise Refused("id is not a usable id", f"a relation in {where}: id {problem}")
    here = f"relation {shown(uid)} in {where}"
    for end in (head, tail):
        if end not in spans:
            raise Refused("links a span that is missing or was refused",
                          f"{here}: span {shown(end)}")
    if not isinstance(label, str) or text_problem(label, max_length=MAX_ID):
        raise Refused("type is not text", f"{here}: type {shown(label)}")
    problem = coder_name_problem(coder)
    if problem:
        raise Refused("coder name not usable", f"{here}: coder {problem}")
    values = checked_object(attrs, "attributes", here)
    try:
        return Relation(head=head, tail=tail, label=label, coder=coder, uid=uid,
                        origin=origin, attrs=values)
    except ValueError as exc:  # InvalidRecord: an origin not known
        raise Refused("breaks a rule of relations", f"{here}: {exc}") from None


def checked_doc_label(row: Sequence[Any], where: str) -> DocLabel:
    """A source document label row (coder, name, value as JSON); Refused says why not."""
    coder, name, value = row
    if not isinstance(name, str) or not name or text_problem(name, max_length=MAX_ID):
        raise Refused("name is not text", f"a document label in {where}: name {shown(name)}")
    here = f"document label {shown(name)} in {where}"
    problem = coder_name_problem(coder)
    if problem:
        raise Refused("coder name not usable", f"{here}: coder {problem}")
    not_json = Refused("value is not JSON", f"{here}: value {shown(value)}")
    if not isinstance(value, str) or len(value) > MAX_ATTRS_JSON:
        raise not_json
    try:
        loaded = json.loads(value)
    except (ValueError, RecursionError):
        raise not_json from None
    if bad_json_text(loaded, depth=0):
        raise not_json
    try:
        return DocLabel(name, loaded, coder)
    except ValueError as exc:  # InvalidRecord: no value
        raise Refused("breaks a rule of document labels", f"{here}: {exc}") from None


def checked_status(row: Sequence[Any], where: str) -> tuple[str, str]:
    coder, status = row
    problem = coder_name_problem(coder)
    if problem:
        raise Refused("coder name not usable", f"status in {where}: coder {problem}")
    if status not in STATUSES:
        raise Refused("status not one of " + ", ".join(STATUSES),
                       f"{where}, coder {coder!r}: {shown(status)}")
    return coder, status


def checked_event(row: Sequence[Any], members: list[tuple[Any, ...]], spans: set[str], schema: Schema,
           where: str) -> Event:
    _id, uid, _doc, kind, date, precision, note, coder, attrs, incident = row
    problem = name_problem(uid, MAX_ID)
    if problem:
        raise Refused("id is not a usable id", f"an event in {where}: id {problem}")
    here = f"event {shown(uid)} in {where}"
    if kind not in schema.event_types:
        raise Refused("type not one of the target's event types", f"{here}: {shown(kind)}")
    if date is not None and (not isinstance(date, str) or parse_date(date) != date):
        raise Refused("date is not a date", f"{here}: {shown(date)}")
    if not whole_number(precision) or precision not in DATE_PRECISIONS:
        raise Refused("date precision not 1, 2 or 3", f"{here}: {shown(precision)}")
    if coder != "" and coder_name_problem(coder):
        raise Refused("coder name not usable", f"{here}: coder {coder_name_problem(coder)}")
    note = checked_text(note, "note", here, max_length=10_000)
    kept = []
    for span_uid, role, group in members:
        if span_uid not in spans:
            raise Refused("names a span that is missing or was refused",
                           f"{here}: span {shown(span_uid)}")
        if role not in schema.event_roles:
            raise Refused("role not one of the target's event roles", f"{here}: {shown(role)}")
        if group != "" and name_problem(group):
            raise Refused("member group not usable", f"{here}: group {name_problem(group)}")
        kept.append(EventMember(span_uid, role, group))
    values = checked_object(attrs, "attributes", here)
    try:
        values = schema.check_event(values)
    except ValueError as exc:  # InvalidRecord: a code the target's codebook does not have
        raise Refused("attribute not as the target's codebook has it", f"{here}: {exc}") from None
    if incident != "" and name_problem(incident, MAX_ID):
        raise Refused("incident id not usable", f"{here}: incident {name_problem(incident, MAX_ID)}")
    try:
        return Event(doc_id=0, type=kind, members=tuple(kept), uid=uid, date=date,
                     date_precision=precision, note=note, coder=coder, attrs=values,
                     incident=incident)
    except ValueError as exc:  # InvalidRecord: a span twice in one event
        raise Refused("breaks a rule of events", f"{here}: {exc}") from None


# -- the schema ---------------------------------------------------------------------


def checked_list(value: Any, what: str, where: str) -> list[Any]:
    try:
        loaded = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):
        loaded = None
    if not isinstance(loaded, list):
        raise Refused(f"{what} are not a JSON list", f"{where}: {shown(value)}")
    return loaded
