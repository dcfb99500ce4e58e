"""ACLED's CSV: one row per event, in ACLED's 31 columns, names and order.

ACLED has one row per event however many articles report it: the events of several
documents linked as one incident make one row, coded as the most complete of them, whose
``source`` names the publishers of every document of the corpus reporting it (";"
between them, as ACLED writes several sources) and whose ``fatalities`` is the smallest
count of the killed any of them gives (ACLED's most conservative estimate; injuries are
not fatalities, and an event nobody is reported killed in has 0).

The columns follow from the codebook (``core.datasets.acled``): ``inter1``/``inter2`` are
the actor types of Actor 1 and Actor 2, ``interaction`` is computed from them as ACLED
does, ``disorder_type`` follows from the sub-event type when the coder left it empty,
``civilian_targeting`` is "Civilian targeting" for every violence against civilians and
where the coder marked it. ``event_id_cnty`` is the event's own ACLED id if it has one,
else the country's ISO 3166 alpha-3 letters and a number (no id another row has); ``iso``
is the ISO 3166 number, ``region`` and ``country`` ACLED's names. Coordinates have four
decimals, as ACLED's. ``admin1`` and ``admin2`` come from the place's attributes, else
from the gazetteer (the nearest known town; said in the report). ``notes`` is the event's
note, else its sentences; ``timestamp`` the export's time (Unix seconds).

Every event ACLED would refuse (``acled.problems``: no sub-event type or one of another
event type, no Actor 1 or no actor type, no date, no located place...) is named in the
loss report, its row written with the field empty, so ``--strict`` refuses the export.
Cells are neutralised for spreadsheets as in ``csv_export``.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from annotator.core.casualties import sentence_around
from annotator.core.datasets import acled
from annotator.core.datasets.acled_countries import COUNTRIES, iso_number
from annotator.core.events import Event, IncidentReport, casualty_totals
from annotator.core.gazetteer import admin_areas, admin_areas_problem
from annotator.core.model import CodedDocument, Span
from annotator.core.places import read_coordinates
from annotator.formats.csv_export import neutralised_row
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.safe_text import clipped
from annotator.storage.errors import CorpusError

# ACLED Codebook (2024 edition of 7 October 2024, Table 1 "ACLED data columns at a
# glance"), in the order of ACLED's export files since 20 March 2023.
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)

UNREADABLE_COORDINATES = ("place coordinates unreadable (latitude and longitude written "
                          "empty)")

# A problem (acled.problems, by how its words begin) -> what its row holds instead.
_WRITTEN = (
    ("not one of ACLED's event types", "event_type and sub_event_type written empty"),
    ("no sub-event type", "sub_event_type written empty"),
    ("a sub-event type of another", "sub_event_type written empty"),
    ("a disorder type the sub-event", "the sub-event type's disorder type written"),
    ("civilian targeting marked", "civilian_targeting written empty"),
    ("no date", "event_date and year written empty"),
    ("no Actor 1", "actor1, inter1 and interaction written empty"),
    ("Actor 1 has no actor type", "inter1 and interaction written empty"),
    ("Actor 2 has no actor type", "inter2 and interaction written empty"),
    ("a battle without Actor 2", "actor2 written empty"),
    ("no location", "the location's columns written empty"),
    ("a location without latitude", "latitude and longitude written empty"),
    ("a location without its country", "country, iso, region written empty and the id "
                                       "has no country letters"),
    ("a location without a geo", "geo_precision written empty"),
)
NO_SOURCE = "events none of whose documents names its source (publisher): source written empty"
UNKNOWN_COUNTRY = ("places in a country ACLED does not list (by its ISO 3166 alpha-3 code): "
                   "country, iso and region written empty")
DIFFERENT_CODES = ("reports of one incident coded differently (ACLED has one row per event): "
                   "the most complete report's codes written")
BAD_DATE = "event dates that are not a day (YYYY-MM-DD): event_date and year written empty"
ADMIN_FROM_GAZETTEER = ("admin1/admin2 taken from the gazetteer (the nearest known town to "
                        "the place's coordinates)")
GEO_FROM_GAZETTEER = "geo_precision taken from the place's gazetteer precision"

Coded = tuple[Event, CodedDocument, dict[str, Span]]


def write(source: Source, path: Path, context: ExportContext) -> int:
    schema = context.schema
    if schema is None:
        raise CorpusError("acled-csv: the corpus's codebook cannot be read, so its events "
                          "cannot be checked against ACLED's; nothing was written")
    if schema.dataset != "acled":
        raise CorpusError(
            "acled-csv: the corpus's codebook is "
            + (f"{schema.dataset!r}'s" if schema.dataset else "its own")
            + ", not ACLED's: its event types and roles are not ACLED's (a corpus started "
            "with `annotator init CORPUS --codebook acled` has them); nothing was written")
    stamp = int(time.time())
    # One row per incident: every event of it is read before its row is written.
    incidents: dict[str, list[Coded]] = {}
    count = 0
    for coded in source():
        spans = {s.uid: s for s in coded.spans}
        for event in coded.events:
            incidents.setdefault(context.incident(event), []).append((event, coded, spans))
        count += 1
    ids = _Ids(str(e.attrs.get("event_id_cnty") or "") for events in incidents.values()
               for e, _c, _s in events)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for incident, events in incidents.items():
            row = _row(incident, events, context, ids, stamp)
            where = f" in document {clipped(events[0][1].document.uid)}"
            writer.writerow(neutralised_row(row, context.notices, where))
    return count


class _Ids:
    """event_id_cnty for rows without their own: the country's letters and the next
    number no row of the file has."""

    def __init__(self, given: Iterable[str]) -> None:
        self._taken = {value for value in given if value}
        self._next: dict[str, int] = {}

    def new(self, letters: str) -> str:
        number = self._next.get(letters, 1)
        while f"{letters}{number}" in self._taken:
            number += 1
        self._next[letters] = number + 1
        self._taken.add(f"{letters}{number}")
        return f"{letters}{number}"


def _row(incident: str, events: list[Coded], context: ExportContext, ids: _Ids,
         stamp: int) -> list[Any]:
    checked = [(acled.problems(event, spans), event, coded, spans)
               for event, coded, spans in events]
    # The most complete report codes the row (the first of them in the export's order).
    found, event, coded, spans = min(checked, key=lambda item: len(item[0]))
    named = f"event {clipped(event.uid)} in document {clipped(coded.document.uid)}"
    for reason, detail in found:
        written = next((w for start, w in _WRITTEN if reason.startswith(start)), "written as "
                       "coded")
        context.losses.add(f"{reason} ({written})", f"{named}" + (f": {detail}" if detail
                                                                   else ""))
    if any((e.type, e.attrs.get("sub_event_type")) != (event.type,
                                                       event.attrs.get("sub_event_type"))
           for e, _c, _s in events):
        context.losses.add(DIFFERENT_CODES, f"incident {clipped(incident)} ({named})")
    attrs = event.attrs
    valid_type = event.type in acled.SUB_EVENT_TYPES
    sub = attrs.get("sub_event_type")
    sub = sub if valid_type and sub in acled.SUB_EVENT_TYPES[event.type] else ""
    day = _day(event.date)
    if event.date and day is None:
        context.losses.add(BAD_DATE, f"{named}: {event.date!r}")
    actor1, assoc1, inter1 = _side(event, spans, "actor1")
    actor2, assoc2, inter2 = _side(event, spans, "actor2")
    targeted = event.type == "Violence against civilians" or (
        attrs.get("civilian_targeting") is True and event.type in acled.CAN_TARGET_CIVILIANS)
    place = _place(event, spans, context, named)
    sources = _sources(context.incidents.get(incident) or _own_reports(events))
    if not sources:
        context.losses.add(NO_SOURCE, named)
    own_id = str(attrs.get("event_id_cnty") or "")
    return [
        own_id or ids.new(place["letters"]), day.isoformat() if day else "",
        day.year if day else "", event.date_precision,
        (acled.disorder_type(sub) or "") if sub else "",
        event.type if valid_type else "", sub,
        actor1, assoc1, inter1 or "", actor2, assoc2, inter2 or "",
        acled.interaction(inter1, inter2) if inter1 else "",
        acled.CIVILIAN_TARGETING if targeted else "",
        place["iso"], place["region"], place["country"], place["admin1"], place["admin2"],
        place["admin3"], place["location"], place["latitude"], place["longitude"],
        place["geo_precision"], "; ".join(sources), _text(attrs.get("source_scale")),
        _notes(event, coded, spans), _fatalities(events), _text(attrs.get("tags")), stamp,
    ]


def _side(event: Event, spans: dict[str, Span], role: str) -> tuple[str, str, str | None]:
    """Actor 1 (or 2): its name, its associated actors, its actor type. A second actor in
    the same role is written among the associated actors, as ACLED names one."""
    actors = [s for s in acled.members(event, spans, role) if s.label == "actor"]
    associated = [s for s in acled.members(event, spans, f"assoc_{role[:-1]}_{role[-1]}")
                  if s.label == "actor"]
    if not actors:
        return "", "; ".join(_unique(_name(s) for s in associated)), None
    main, *others = actors
    named = [_name(s) for s in (*others, *associated)]
    extra = _text(main.attrs.get("associated_actor"))
    names = _unique([*named, *(part.strip() for part in extra.split(";"))])
    return _name(main), "; ".join(n for n in names if n and n != _name(main)), \
        acled.actor_type(main.attrs.get("actor_type"))


def _place(event: Event, spans: dict[str, Span], context: ExportContext,
           named: str) -> dict[str, Any]:
    found: dict[str, Any] = dict.fromkeys(("iso", "region", "country", "admin1", "admin2",
                                           "admin3", "location", "latitude", "longitude",
                                           "geo_precision", "letters"), "")
    places = acled.places(event, spans)
    if not places:
        return found
    span = places[0]
    attrs = span.attrs
    found["location"] = _name(span)
    coordinates = read_coordinates(attrs)
    located = isinstance(coordinates, tuple)
    if isinstance(coordinates, tuple):
        latitude, longitude = coordinates
        found["latitude"], found["longitude"] = round(latitude, 4), round(longitude, 4)
    elif isinstance(coordinates, str):  # off the Earth, half given, not numbers
        context.losses.add(UNREADABLE_COORDINATES, f"{named}: {found['location']!r}: "
                                                   f"{coordinates}")
    code = _text(attrs.get("country")).upper()
    if code:
        known = COUNTRIES.get(code)
        if known is None:
            context.losses.add(UNKNOWN_COUNTRY, f"{named}: {code!r}")
        else:
            found["country"], found["region"] = known
            found["iso"] = iso_number(code)
            found["letters"] = code
    for level in ("admin1", "admin2", "admin3"):
        found[level] = _text(attrs.get(level))
    if located and not (found["admin1"] and found["admin2"]):
        areas = admin_areas(float(latitude), float(longitude), code or None)
        if areas is not None and (not found["admin1"] or found["admin1"] == areas.admin1):
            filled = False
            for level, value in (("admin1", areas.admin1), ("admin2", areas.admin2)):
                if value and not found[level]:
                    found[level], filled = value, True
            if filled:
                context.notices.add(ADMIN_FROM_GAZETTEER, f"{named}: {found['location']!r} "
                                    f"({areas.km:g} km from {areas.town})")
        elif areas is None and admin_areas_problem():
            context.notices.add(str(admin_areas_problem()), named)
    precision = _text(attrs.get("geo_precision"))
    if precision not in acled.PRECISIONS and _text(attrs.get("precision")) in acled.PRECISIONS:
        precision = _text(attrs.get("precision"))
        context.notices.add(GEO_FROM_GAZETTEER, f"{named}: {found['location']!r}")
    found["geo_precision"] = int(precision) if precision in acled.PRECISIONS else ""
    return found


def _fatalities(events: list[Coded]) -> int:
    """The smallest count of the killed the reports give: each report's lowest figure
    (its low end, else its best, else its high), then the lowest report."""
    counts = []
    for event, _coded, spans in events:
        killed = casualty_totals(event, spans).get("killed")
        if killed is None:
            continue
        figure = next((v for v in (killed.low, killed.best, killed.high) if v is not None),
                      None)
        if figure is not None:
            counts.append(figure)
    return min(counts) if counts else 0


def _notes(event: Event, coded: CodedDocument, spans: dict[str, Span]) -> str:
    """The event's note, else the sentences its spans stand in (one line)."""
    if event.note.strip():
        return " ".join(event.note.split())
    text = coded.document.text
    sentences: list[str] = []
    for member in event.members:
        span = spans.get(member.span_uid)
        if span is not None:
            sentences.append(sentence_around(text, span.start, span.end))
    return " ".join(" ".join(_unique(sentences)).split())


def _sources(reports: Iterable[IncidentReport]) -> list[str]:
    return _unique(" ".join(r.source.split()) for r in reports if r.source and r.source.strip())


def _own_reports(events: list[Coded]) -> tuple[IncidentReport, ...]:
    seen: dict[str, IncidentReport] = {}
    for _event, coded, _spans in events:
        doc = coded.document
        seen.setdefault(doc.uid, IncidentReport(doc.uid, doc.title, doc.source, doc.date,
                                                doc.url))
    return tuple(seen.values())


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def _name(span: Span) -> str:
    """The name ACLED writes: the coder's ACLED name for it, else the text (one line)."""
    return " ".join((_text(span.attrs.get("acled_name")) or span.text).split())


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
