"""PLOVER event records, one JSON object a line, as PLOVER's data interchange
specification names their fields and POLECAT fills them.

The fields follow the PLOVER manual's chapter "Data Fields" (draft version 2.0,
github.com/openeventdata/PLOVER, PLOVER_MANUAL.tex as of 2024-02-04): the record (id,
date, enddate, event, mode, context, quad_code, actor, recipient, event_loc, size, text,
text_info, cite_info, link, coder, comment), the entity object (code, sector,
entity_text, identifier_id, identifier_text, office, religion, ethnicity), the location
object (extracted_place, resolved_place, geonameid, lat, lon, city, district, province,
country, country_code, resolution), the size object (dead, injured, arrested) and the
citation object (citation, title, url, publication, language, codebook, coder).

Beyond them, as the manual invites providers to add named fields: an entity's
``other_sector_codes`` (the name the manual's actor example uses) and, for entities and
places, ``start`` and ``end`` (the span's offsets in the document, as ``text_info`` gives
the passage's); ``size`` counts ``killed_or_injured`` and ``abducted`` too; ``cite_info``
also holds the document's ``date``; ``incident_sources`` cites every document of the
corpus reporting the event's incident (so its length is the number of sources: one, its
own document, for an event no other article reports), and ``link`` names that incident,
the manual's "common reference across multiple related events".

Every key is written on every line (null where there is no value), so a table reader
(pandas) sees the same columns throughout: mode and context are null when none applies,
as the manual asks; actor and recipient are always lists. The record's date is the
event's; with a precision of a week or a month, ``date`` and ``enddate`` bound it.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.datasets import plover
from annotator.core.events import Event, IncidentReport, casualty_totals
from annotator.core.model import CodedDocument, Document, Span
from annotator.core.places import read_coordinates
from annotator.core.schema import Schema
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.safe_text import clipped, json_line
from annotator.storage.errors import CorpusError

FIELDS = ("id", "date", "enddate", "event", "mode", "context", "quad_code", "actor",
          "recipient", "event_loc", "size", "text", "text_info", "cite_info", "link",
          "incident_sources", "coder", "comment")
ENTITY_FIELDS = ("entity_text", "code", "sector", "other_sector_codes", "identifier_id",
                 "identifier_text", "office", "religion", "ethnicity", "start", "end")
LOCATION_FIELDS = ("extracted_place", "resolved_place", "geonameid", "lat", "lon", "city",
                   "district", "province", "country", "country_code", "resolution", "start",
                   "end")
CITE_FIELDS = ("citation", "title", "url", "publication", "date", "language", "codebook",
               "coder")
SOURCE_FIELDS = ("citation", "title", "url", "publication", "date")
CODEBOOK = "PLOVER 2.0 (draft)"

# What each kind of problem (core.datasets.plover.problems) does to the record: the
# loss report's reason is the problem and its consequence.
CONSEQUENCES = {
    "event type not a PLOVER category": "not written: a record needs its category",
    "no event date": "written with date null",
    "mode not in PLOVER's codebook": "left out of mode",
    "mode not one of the category's": "left out of mode",
    "context not in PLOVER's codebook": "left out of context",
    "auxiliary not in PLOVER's codebook": "left out of context",
    "actor span neither actor nor recipient": "left out",
    "entity without a country code": "written with code null",
    "entity country not a PLOVER country": "written with code null",
    "entity without a sector": "written with sector null",
    "entity sector not a PLOVER sector": "left out of its sectors",
    "casualty without an outcome PLOVER counts": "not counted in size",
    "casualty without a count": "not counted in size",
    "casualty count only an upper bound": "not counted in size",
    "no actor (PLOVER requires one)": "written with actor []",
    "no recipient, which the category requires": "written with recipient []",
    "more than one place (event_loc holds one)": "event_loc holds the first",
    "place resolution not 1 to 5": "written with resolution null",
    "place country not an ISO 3166 code": "written with country_code null",
}
DOCUMENTS_NOTICE = ("documents: a PLOVER file holds events, not the texts, the spans outside "
                    "events or the statuses they come from (export jsonl to keep a corpus)")
DATED_BY_ARTICLE = "events with no date of their own, dated by their article's date"


def write(source: Source, path: Path, context: ExportContext) -> int:
    schema = context.schema
    if schema is None:
        raise CorpusError("plover-jsonl: the corpus's codebook cannot be read, so its events "
                          "cannot be checked against PLOVER's; nothing was written")
    if schema.dataset != "plover":
        raise CorpusError(
            "plover-jsonl: the corpus's codebook is "
            + (f"{schema.dataset!r}'s" if schema.dataset else "its own")
            + ", not PLOVER's: its event types and roles are not PLOVER's (a corpus started "
            "with `annotator init CORPUS --codebook plover` has them); nothing was written")
    count = 0
    with path.open("w", encoding="utf-8", newline="\n", errors="backslashreplace") as out:
        for coded in source():
            count += 1
            context.notices.add(DOCUMENTS_NOTICE, f"document {clipped(coded.document.uid)}")
            spans = {s.uid: s for s in coded.spans}
            for event in coded.events:
                record = _record(event, coded, spans, schema, context)
                if record is not None:
                    out.write(json_line(record, context.losses, _where(event, coded.document)))
    return count


def _where(event: Event, doc: Document) -> str:
    return f"event {clipped(event.uid)} in document {clipped(doc.uid)}"


def _record(event: Event, coded: CodedDocument, spans: Mapping[str, Span], schema: Schema,
            context: ExportContext) -> dict[str, Any] | None:
    doc = coded.document
    where = _where(event, doc)
    found = plover.problems(event, spans, schema)
    for kind, detail in found:
        if kind == "no event date" and _day(doc.date) is not None:
            context.notices.add(DATED_BY_ARTICLE, f"{where}: {doc.date}")
            continue
        consequence = CONSEQUENCES.get(kind, "left out")
        context.losses.add(f"{kind} ({consequence})", f"{where}: {detail}" if detail else where)
    if event.type not in plover.CATEGORIES:
        return None
    start, end = _dates(event, doc, context, where)
    sides: dict[str, list[dict[str, Any]]] = {"actor": [], "recipient": []}
    places: list[Span] = []
    for member in event.members:
        span = spans.get(member.span_uid)
        if span is None:
            continue
        if span.label == "actor" and member.role in plover.ACTOR_SIDE:
            sides[plover.ACTOR_SIDE[member.role]].append(_entity(span))
        elif span.label == "location":
            places.append(span)
        elif span.label not in ("actor", "casualty"):
            context.losses.add("event members of labels PLOVER has no place for (left out)",
                               f"{where}: {span.label} {span.text!r}")
    passage = _passage(doc.text, [spans[m.span_uid] for m in event.members
                                  if m.span_uid in spans])
    incident = context.incident(event)
    reports = context.incidents.get(incident)
    record = {
        "id": event.uid,
        "date": start,
        "enddate": end,
        "event": [event.type],
        "mode": _codes(event, "mode", plover.MODES.get(event.type, ())),
        "context": _codes(event, "context", plover.CONTEXTS, "auxiliary", plover.AUXILIARY),
        "quad_code": plover.QUAD[event.type],
        "actor": sides["actor"],
        "recipient": sides["recipient"],
        "event_loc": _place(places[0], context, where) if places else None,
        "size": _size(event, spans),
        "text": doc.text[passage[0]:passage[1]] if passage else None,
        "text_info": {"start": passage[0], "end": passage[1]} if passage else None,
        "cite_info": _cite(coded),
        "link": incident if reports else None,
        "incident_sources": [_source(report) for report in reports] if reports else [
            _source(IncidentReport(doc.uid, doc.title, doc.source, doc.date, doc.url))],
        "coder": event.coder or None,
        "comment": event.note or None,
    }
    return {name: record[name] for name in FIELDS}


def _day(value: str | None) -> date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _dates(event: Event, doc: Document, context: ExportContext,
           where: str) -> tuple[str | None, str | None]:
    """(date, enddate) in YYYY-MM-DD: the day, or the week or month the event's
    precision says (a month's date is its first day)."""
    day = _day(event.date)
    if event.date and day is None:
        context.losses.add("event date not YYYY-MM-DD (written with date null)",
                           f"{where}: {event.date!r}")
        return None, None
    if day is None:
        day = _day(doc.date)  # the article's date: the notice says so
        if day is None:
            return None, None
    if event.date_precision == 2:
        return day.isoformat(), (day + timedelta(days=6)).isoformat()
    if event.date_precision == 3:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1).isoformat(), day.replace(day=last).isoformat()
    return day.isoformat(), None


def _codes(event: Event, name: str, allowed: tuple[str, ...], extra: str = "",
           extra_allowed: tuple[str, ...] = ()) -> list[str] | None:
    """The event's values of ``name`` (and ``extra``) that PLOVER allows here; null
    when none, as the manual asks of mode and context."""
    found = [v for v in plover.listed(event.attrs.get(name)) if v in allowed]
    if extra:
        found += [v for v in plover.listed(event.attrs.get(extra)) if v in extra_allowed]
    return list(dict.fromkeys(found)) or None


def _text(attrs: Mapping[str, Any], name: str) -> str | None:
    value = attrs.get(name)
    return value if isinstance(value, str) and value.strip() else None


def _entity(span: Span) -> dict[str, Any]:
    attrs = span.attrs
    code = _text(attrs, "country")
    sector = _text(attrs, "sector")
    wikidata = next((link for link in span.links if link.kb.lower() == "wikidata"), None)
    entity = {
        "entity_text": span.text,
        "code": code if code and plover.country_problem(code) is None else None,
        "sector": sector if sector in plover.SECTORS else None,
        "other_sector_codes": [s for s in plover.listed(attrs.get("other_sectors"))
                               if s in plover.SECTORS],
        "identifier_id": _text(attrs, "wikidata_id") or (wikidata.id if wikidata else None),
        "identifier_text": _text(attrs, "name") or (wikidata.name or None if wikidata
                                                    else None),
        "office": _text(attrs, "office"),
        "religion": _text(attrs, "religion"),
        "ethnicity": _text(attrs, "ethnicity"),
        "start": span.start,
        "end": span.end,
    }
    return {name: entity[name] for name in ENTITY_FIELDS}


def _place(span: Span, context: ExportContext, where: str) -> dict[str, Any]:
    attrs = span.attrs
    coordinates = read_coordinates(attrs)
    if isinstance(coordinates, str):
        context.losses.add("place coordinates unreadable (written with lat and lon null)",
                           f"{where}: {span.text!r}: {coordinates}")
    lat, lon = coordinates if isinstance(coordinates, tuple) else (None, None)
    geonames = next((link for link in span.links if link.kb.lower() == "geonames"), None)
    geonameid = attrs.get("geonames_id")
    if not isinstance(geonameid, int) or isinstance(geonameid, bool):
        geonameid = int(geonames.id) if geonames and geonames.id.isascii() \
            and geonames.id.isdigit() else None  # "²" is a digit int() refuses
    code = _text(attrs, "country")
    code = code if code and plover.country_problem(code) is None else None
    resolution = attrs.get("resolution")
    place = {
        "extracted_place": span.text,
        "resolved_place": geonames.name or None if geonames else None,
        "geonameid": geonameid,
        "lat": lat,
        "lon": lon,
        "city": _text(attrs, "city"),
        "district": _text(attrs, "admin2"),
        "province": _text(attrs, "admin1"),
        "country": plover.country_name(code) if code else None,
        "country_code": code,
        "resolution": resolution if isinstance(resolution, int) and not isinstance(
            resolution, bool) and resolution in plover.RESOLUTIONS else None,
        "start": span.start,
        "end": span.end,
    }
    return {name: place[name] for name in LOCATION_FIELDS}


def _size(event: Event, spans: Mapping[str, Span]) -> dict[str, int] | None:
    """The event's counts by PLOVER's size fields: alternative reports of the same people
    merged and distinct groups added up (core.events.casualty_totals), the conservative
    best estimate, else the lower bound."""
    size = {}
    for outcome, counted in casualty_totals(event, spans).items():
        field = plover.SIZE_FIELDS.get(outcome)
        value = counted.best if counted.best is not None else counted.low
        if field is not None and value is not None:
            size[field] = value
    return size or None


def _passage(text: str, members: list[Span]) -> tuple[int, int] | None:
    """The sentences holding the event's spans: from the start of the first one's
    sentence to the end of the last one's."""
    if not members:
        return None
    start = min(span.start for span in members)
    end = max(span.end for span in members)
    marks = (". ", "! ", "? ", "\n")
    left = max((found + len(mark) for mark in marks
                if (found := text.rfind(mark, 0, start)) != -1), default=0)
    ends = [found + 1 for mark in marks[:3] if (found := text.find(mark, end)) != -1]
    line = text.find("\n", end)
    right = min([*ends, *([line] if line != -1 else [])], default=len(text))
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def _language(coded: CodedDocument) -> str | None:
    found = [label.value for label in coded.doc_labels
             if label.name == "language" and isinstance(label.value, str)]
    return found[0] if found else None


def _cite(coded: CodedDocument) -> dict[str, Any]:
    doc = coded.document
    cite = {"citation": doc.uid, "title": doc.title or None, "url": doc.url or None,
            "publication": doc.source or None, "date": doc.date or None,
            "language": _language(coded), "codebook": CODEBOOK,
            "coder": f"annotator {__version__}"}
    return {name: cite[name] for name in CITE_FIELDS}


def _source(report: IncidentReport) -> dict[str, Any]:
    found = {"citation": report.doc_uid, "title": report.title or None,
             "url": report.url or None, "publication": report.source or None,
             "date": report.date or None}
    return {name: found[name] for name in SOURCE_FIELDS}
