"""UCDP GED's CSV: one row per event of organised violence, in GED's 49 columns and order.

GED has one row per event, however many articles report it: the events of several
documents linked as one incident make one row, whose ``number_of_sources`` counts the
documents of the whole corpus reporting it and whose ``source_*`` columns list them
(each article as "publisher, date, headline"; articles separated by ";"). Each field comes
from the first of those events that has it (the place and dates: the most precise); the
same dead reported by several articles are merged as alternatives (the widest range, the
smallest best), as ``core.events`` does.

Deaths: ``deaths_a``, ``deaths_b``, ``deaths_civilians`` and ``deaths_unknown`` are the
best estimates of the killed by whose deaths they are; ``best`` is their sum (GED's rule),
``low`` and ``high`` the sums of the low and high ends of the same ranges.

What articles cannot give is left empty: ``active_year`` (whether the dyad passed 25
deaths in the year, which UCDP decides from the whole year's events) and the
``*_dset_id`` columns (ids of UCDP's older per-dataset numbering). ``id`` numbers the rows
of this file; ``relid`` is the incident (or event) id, the row's way back to the corpus;
``code_status`` is "Clear" for a row with every field GED needs. The country's
Gleditsch–Ward number, GED's name of it and UCDP's region come from
``core.datasets.ucdp_countries``; ``priogrid_gid`` is the PRIO-GRID cell (0.5°) of the
coordinates.

Every event that lacks a field GED needs (the type of violence, side A, side B unless
one-sided, a date, a country, where_prec, event_clarity, a death) is named in the loss
report, its row written with the field empty, so ``--strict`` refuses the export. Cells
are neutralised for spreadsheets as in ``csv_export``.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.datasets import ucdp
from annotator.core.datasets.ucdp_countries import region_of
from annotator.core.events import Event, IncidentReport, Range
from annotator.core.model import CodedDocument, Span
from annotator.core.schema import Schema
from annotator.formats.csv_export import neutralised_row
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.safe_text import clipped
from annotator.storage.errors import CorpusError

# UCDP GED Codebook version 25.1 (2025), in the order of GED's CSV files (GEDEvent_v25_1.csv:
# gwnoa and gwnob come last there, after the deaths).
COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
)

# Problem kind (core.datasets.ucdp) -> the loss report's line for it.
REASONS = {
    "type": "events whose type is not a type of violence (state-based conflict, non-state "
            "conflict, one-sided violence): type_of_violence written empty",
    "side_a": "events with no side_a actor: side_a written empty",
    "side_b": "events with no side_b actor (only one-sided violence has the civilians as "
              "side B): side_b written empty",
    "government": "events whose sides do not fit their type of violence (state-based: side "
                  "A a government; non-state: no government): written as coded",
    "date": "events with no date, or one that is not a day: date_start, date_end and year "
            "written empty",
    "country": "events with no place in a country GED knows: country, country_id and region "
               "written empty",
    "where_prec": "events whose place has no where_prec: written empty",
    "event_clarity": "events with no event_clarity: written empty",
    "no deaths": "events with no one counted killed (GED records events with at least one "
                 "death): best written 0",
    "code": "codes not in UCDP's codebook (a value the codebook does not list): left out",
    "role": "actors in a role other than side_a or side_b (GED has two sides): not written",
    "not deaths": "casualties other than the killed (GED counts deaths only): not written",
    "deaths_of": "killed casualties that do not say whose deaths (deaths_of): counted in "
                 "deaths_unknown",
    "no count": "killed casualties with no number: not counted",
    "places": "places beyond the event's most precise one (GED gives an event one place): "
              "not written",
    "disagree": "incidents whose reports disagree on the type or a side: the first "
                "report's is written",
}


DOCUMENTS_NOTICE = ("documents: a GED file holds events, not the texts, the spans outside "
                    "events or the statuses they come from (export jsonl to keep a corpus)")


def write(source: Source, path: Path, context: ExportContext) -> int:
    schema = context.schema
    if schema is None:
        raise CorpusError("ucdp-ged-csv: the corpus's codebook cannot be read, so its events "
                          "cannot be checked against UCDP's; nothing was written")
    if schema.dataset != "ucdp":
        raise CorpusError(
            "ucdp-ged-csv: the corpus's codebook is "
            + (f"{schema.dataset!r}'s" if schema.dataset else "its own")
            + ", not UCDP GED's: its event types and roles are not GED's (a corpus started "
            "with `annotator init CORPUS --codebook ucdp` has them); nothing was written")
    # One row per incident: every event of it is read before its row is written.
    incidents: dict[str, list[tuple[Event, CodedDocument, dict[str, Span]]]] = {}
    count = 0
    for coded in source():
        # Said, not lost: an events table never holds a corpus, so --strict still passes
        # an export whose every event GED can take.
        context.notices.add(DOCUMENTS_NOTICE, f"document {clipped(coded.document.uid)}")
        spans = {s.uid: s for s in coded.spans}
        for event in coded.events:
            incidents.setdefault(context.incident(event), []).append((event, coded, spans))
        count += 1
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for number, (incident, events) in enumerate(incidents.items(), start=1):
            row = _row(number, incident, events, schema, context)
            where = f" in document {clipped(events[0][1].document.uid)}"
            writer.writerow(neutralised_row(row, context.notices, where))
    return count


def _row(number: int, incident: str, events: list[tuple[Event, CodedDocument, dict[str, Span]]],
         schema: Schema, context: ExportContext) -> list[Any]:
    readings = [ucdp.read_event(event, spans, schema) for event, _coded, spans in events]
    reading = ucdp.merged(readings)
    problems = [*ucdp.missing(reading, events[0][0].type), *reading.notes]
    first_event, first_doc, _spans = events[0]
    named = f"event {clipped(first_event.uid)} in document {clipped(first_doc.document.uid)}"
    for problem in problems:
        context.losses.add(REASONS[problem.kind], f"{named}: {problem.text}")
    if reading.where is not None and reading.where.derived_prec:
        context.notices.add("where_prec taken from the gazetteer's precision of the place "
                            "(a town 1, a country 6)", f"{named}: {reading.where.name!r}")
    reports = context.incidents.get(incident) or _own_reports(events)
    codes = reading.codes
    side_a = ", ".join(reading.side_a.names)
    side_b = ", ".join(reading.side_b.names) or (ucdp.CIVILIANS if reading.violence == 3
                                                 else "")
    start, end, date_prec = reading.dates if reading.dates else (None, None, None)
    where = reading.where
    country = where.country if where else None
    latitude, longitude = (where.latitude, where.longitude) if where else (None, None)
    located = latitude is not None and longitude is not None
    deaths = {whose: _best(reading.deaths.get(whose)) for whose in ucdp.DEATHS_OF}
    total = Range(0, 0, 0)
    for whose in ucdp.DEATHS_OF:
        found = reading.deaths.get(whose)
        if found is not None:
            best = _best(found)
            total = total + Range(found.low if found.low is not None else best, best,
                                  found.high if found.high is not None else best)
    complete = not any(p.kind in ucdp.REQUIRED for p in problems)
    return [
        number, incident, start.year if start else "", "", "Clear" if complete else "",
        reading.violence or "",
        "", codes.get("conflict_new_id", ""), codes.get("conflict_name", ""),
        "", codes.get("dyad_new_id", ""),
        codes.get("dyad_name") or (f"{side_a} - {side_b}" if side_a and side_b else ""),
        "", _ids(reading.side_a.actor_ids), side_a,
        "", _ids(reading.side_b.actor_ids), side_b,
        len(reports), ";".join(_article(r) for r in reports),
        ";".join(r.source or "" for r in reports), ";".join(r.date or "" for r in reports),
        ";".join(r.title or "" for r in reports), codes.get("source_original", ""),
        where.where_prec if where and where.where_prec is not None else "",
        where.name if where else "", (where.description or where.name) if where else "",
        where.admin1 if where else "", where.admin2 if where else "",
        latitude if located else "", longitude if located else "",
        f"POINT ({longitude} {latitude})" if located else "",
        _priogrid(latitude, longitude) if located else "",
        country[2] if country else "", country[1] if country else "",
        region_of(country[1]) if country else "",
        codes.get("event_clarity", ""), date_prec or "",
        _timestamp(start), _timestamp(end),
        *(deaths[whose] for whose in ucdp.DEATHS_OF),
        total.best or 0, total.high or 0, total.low or 0,
        _ids(reading.side_a.governments), _ids(reading.side_b.governments),
    ]


def _own_reports(events: Iterable[tuple[Event, CodedDocument, dict[str, Span]]]
                 ) -> tuple[IncidentReport, ...]:
    """The documents of the incident's exported events (an event no other document links
    to is reported by its own document alone)."""
    found: dict[str, IncidentReport] = {}
    for _event, coded, _spans in events:
        doc = coded.document
        found.setdefault(doc.uid, IncidentReport(doc.uid, doc.title, doc.source, doc.date,
                                                 doc.url))
    return tuple(found.values())


def _article(report: IncidentReport) -> str:
    return ",".join((report.source or "", report.date or "", report.title or ""))


def _best(found: Range | None) -> int:
    """Deaths of one side, best estimate: the conservative low end when no best is said."""
    if found is None:
        return 0
    if found.best is not None:
        return found.best
    return found.low if found.low is not None else 0


def _ids(values: tuple[int, ...]) -> int | str:
    if len(values) == 1:
        return values[0]
    return ", ".join(map(str, values))


def _timestamp(day: Any) -> str:
    # GED's CSV writes its dates as timestamps at midnight.
    return f"{day.isoformat()} 00:00:00.000" if day else ""


def _priogrid(latitude: float, longitude: float) -> int:
    """The PRIO-GRID cell of a point: half-degree cells numbered from 1 at 180°W 90°S,
    eastwards along each row, rows northwards (720 cells a row)."""
    row = min(math.floor((latitude + 90) / 0.5), 359)
    column = min(math.floor((longitude + 180) / 0.5), 719)
    return row * 720 + column + 1
