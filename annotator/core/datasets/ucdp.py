"""UCDP GED's codebook: events of organised violence, each with its two sides, its deaths
by side, one place and its dates, as the Uppsala Conflict Data Program codes them
(UCDP Georeferenced Event Dataset Codebook, version 25.1, 2025; the variables have kept
their names and meanings since version 5.0).

- The type of violence is the event's type ("state-based conflict", "non-state
  conflict", "one-sided violence": GED's codes 1, 2 and 3), not an event attribute:
  every GED event has exactly one, as every annotator event has exactly one type, so the
  event list, the map's colours and the filters speak of it with nothing added.
- Actors take the roles "side_a" and "side_b". In a state-based conflict side A is a
  government; in a non-state conflict neither side is; in one-sided violence side B is
  the civilians ("Civilians", written when the event names no side B).
- A casualty span says whose deaths it counts (``deaths_of``: side_a, side_b, civilians,
  unknown); GED counts deaths only. Its counts (low, best, high) are the casualty
  reader's; alternative reports of the same dead merge and distinct groups add up, as
  ``core.events`` does per outcome: here per side.
- A place says UCDP's ``where_prec`` (1–7); the event's date precision (the day, within a
  week, within a month) gives GED's ``date_prec`` 1, 3 and 4; the event attribute
  ``date_prec`` says 2 (two to six days) or 5 (a year) when the coder knows better.

``read_event`` reads an event as GED sees it; ``event_problems`` says what GED would find
missing or wrong in it (the event dialog shows it; the ucdp-ged-csv export names the
same in its loss report).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from annotator.core.datasets.ucdp_countries import country_of
from annotator.core.default_codebook import COUNT_ATTRIBUTES, OUTCOMES
from annotator.core.events import Event, Range, alternatives, member_range
from annotator.core.model import InvalidRecord, Span
from annotator.core.relation_types import DEFAULT_RELATION_TYPES
from annotator.core.schema import AttributeSpec, LabelSpec, Schema

# The event types, in GED's order: type_of_violence is the position (1, 2, 3).
TYPES_OF_VIOLENCE = ("state-based conflict", "non-state conflict", "one-sided violence")
STATE_BASED, NON_STATE, ONE_SIDED = TYPES_OF_VIOLENCE
SIDES = ("side_a", "side_b")
EVENT_ROLES = ("side_a", "side_b", "victim", "place", "other")
DEATHS_OF = ("side_a", "side_b", "civilians", "unknown")
# The roles ``core.events.default_role`` proposes (the default codebook's) -> UCDP's: who
# attacks is side A, whom it attacks side B (a government attacked becomes side A by
# GED's rule, which ``event_problems`` points out).
DEFAULT_ROLES = {"attacker": "side_a", "target": "side_b", "victim": "victim",
                 "place": "place", "instrument": "other", "other": "other"}
ACTOR_TYPES = ("government", "formally organized group", "informally organized group",
               "civilians")
# GED's name of side B in one-sided violence.
CIVILIANS = "Civilians"

WHERE_PREC = {
    1: "the exact place: the coordinates are the place's",
    2: "within about 25 km of a known place ('near', 'outside' a town)",
    3: "only the second-order administrative division (ADM2, a district): its centre",
    4: "only the first-order administrative division (ADM1, a province): its centre",
    5: "a part of the country larger than a province, between two places, an island "
       "that is not a country, or a place named only in relation to another",
    6: "only the country: its centre",
    7: "over water or in international airspace",
}
DATE_PREC = {
    1: "the exact day",
    2: "two to six days, not more precisely",
    3: "a week, not the days",
    4: "a month",
    5: "a year",
}
EVENT_CLARITY = {
    1: "clear: the reports say enough to identify the event (who, when, where, deaths)",
    2: "unclear: an aggregate or summary report that does not single out one event",
}
# Problem kinds that mean a field a GED row needs is empty or wrong (``missing``).
REQUIRED = frozenset(("type", "side_a", "side_b", "government", "date", "country",
                      "where_prec", "event_clarity", "no deaths"))
# The event's own date precision (core.events.DATE_PRECISIONS) -> GED's date_prec.
FROM_EVENT_PRECISION = {1: 1, 2: 3, 3: 4}
# The gazetteer's place precision (1 a town or base, 3 a country) -> where_prec.
FROM_GAZETTEER = {1: 1, 2: 2, 3: 6}


def _numbered(table: Mapping[int, str]) -> str:
    return "; ".join(f"{code} {text}" for code, text in table.items())


def schema() -> Schema:
    """UCDP GED's codebook (``annotator init --codebook ucdp``)."""
    return Schema(
        labels=(
            LabelSpec("actor", "#3b78d8", "1",
                      "A side of the violence: a government, an organised armed group, or "
                      "the civilians it targets.",
                      examples=("the Government of Mali", "Islamic State militants"),
                      attributes=(
                          AttributeSpec("ucdp_name", "text", description=(
                              "The actor's name as UCDP lists it (Government of Iraq, IS); "
                              "side_a and side_b are written with it, else with the span's "
                              "text.")),
                          AttributeSpec("actor_id", "integer", description=(
                              "UCDP's actor id (side_a_new_id, side_b_new_id).")),
                          AttributeSpec("actor_type", "choice", ACTOR_TYPES, description=(
                              "A government, or UCDP's kinds of non-state actor.")),
                          AttributeSpec("government_of", "text", description=(
                              "For a government: its country, ISO 3166 alpha-3 (IRQ); it "
                              "gives gwnoa or gwnob.")),
                      )),
            LabelSpec("casualty", "#d9534f", "2",
                      "People killed (GED counts deaths), with how many and whose.",
                      examples=("At least five soldiers", "dozens of civilians"),
                      attributes=(
                          AttributeSpec("outcome", "choice", OUTCOMES, description=(
                              "GED counts the killed only.")),
                          *COUNT_ATTRIBUTES,
                          AttributeSpec("deaths_of", "choice", DEATHS_OF, description=(
                              "Whose deaths: side A's, side B's, civilians', or of unknown "
                              "status (deaths_a, deaths_b, deaths_civilians, "
                              "deaths_unknown).")),
                      )),
            LabelSpec("location", "#3f9b35", "3",
                      "Where the deaths happened: GED gives one place an event.",
                      examples=("Kidal", "northern Uganda", "the Gulf of Aden"),
                      attributes=(
                          AttributeSpec("role", "choice", ("event place", "other")),
                          AttributeSpec("where_prec", "choice",
                                        tuple(str(code) for code in WHERE_PREC),
                                        description="UCDP's geographic precision: "
                                        + _numbered(WHERE_PREC) + "."),
                          AttributeSpec("latitude", "number"),
                          AttributeSpec("longitude", "number"),
                          AttributeSpec("geonames_id", "integer"),
                          AttributeSpec("country", "text",
                                        description="ISO 3166 alpha-3 code, e.g. IRQ"),
                          AttributeSpec("admin1", "text", description=(
                              "The province or region it is in (ADM1: GED's adm_1).")),
                          AttributeSpec("admin2", "text", description=(
                              "The district it is in (ADM2: GED's adm_2).")),
                          AttributeSpec("where_description", "text", description=(
                              "How the reports place it, when more than its name.")),
                      )),
        ),
        event_types=TYPES_OF_VIOLENCE,
        event_roles=EVENT_ROLES,
        relation_types=DEFAULT_RELATION_TYPES,
        document_attributes=(
            AttributeSpec("relevant", "boolean", description=(
                "The article reports organised violence with at least one death.")),
            AttributeSpec("event_types", "choices", TYPES_OF_VIOLENCE,
                          description="The types of violence the article reports."),
            AttributeSpec("language", "text",
                          description="The article's language (ISO 639-1, e.g. en)."),
        ),
        event_attributes=(
            AttributeSpec("event_clarity", "choice", ("1", "2"), required=True,
                          description=_numbered(EVENT_CLARITY) + "."),
            AttributeSpec("date_prec", "choice", tuple(str(code) for code in DATE_PREC),
                          description=(
                              "UCDP's date precision when the event's own does not say it: "
                              + _numbered(DATE_PREC) + ". Empty: from the event's (the "
                              "day 1, within a week 3, within a month 4).")),
            AttributeSpec("date_end", "text", description=(
                "The last day it may have happened (YYYY-MM-DD), when it spans days; the "
                "event's date is the first.")),
            AttributeSpec("conflict_new_id", "integer",
                          description="UCDP's id of the conflict the event belongs to."),
            AttributeSpec("conflict_name", "text",
                          description="UCDP's name of the conflict (Mali: Government)."),
            AttributeSpec("dyad_new_id", "integer",
                          description="UCDP's id of the dyad (the pair of sides)."),
            AttributeSpec("dyad_name", "text", description=(
                "UCDP's name of the dyad (Government of Mali - JNIM); empty: side A - "
                "side B.")),
            AttributeSpec("source_original", "text", description=(
                "Whom the reports cite for the event (police, a spokesman, locals).")),
        ),
        dataset="ucdp",
    )


@dataclass(frozen=True, slots=True)
class Problem:
    """What GED finds missing or wrong in an event: ``kind`` groups the same problem of
    many events (the export's loss report), ``text`` says it to the coder."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Side:
    names: tuple[str, ...] = ()
    actor_ids: tuple[int, ...] = ()
    governments: tuple[int, ...] = ()  # Gleditsch–Ward numbers of its governments
    government: bool = False  # an actor of it is a government (its country said or not)


@dataclass(frozen=True, slots=True)
class Where:
    name: str
    where_prec: int | None
    latitude: float | None
    longitude: float | None
    country: tuple[str, int, str] | None  # ISO alpha-3, Gleditsch–Ward number, GED's name
    admin1: str
    admin2: str
    description: str
    derived_prec: bool = False  # where_prec read from the gazetteer's precision


@dataclass
class Reading:
    """An event (or the events of one incident) as a GED row sees it."""

    violence: int | None = None
    side_a: Side = field(default_factory=Side)
    side_b: Side = field(default_factory=Side)
    deaths: dict[str, Range] = field(default_factory=dict)  # DEATHS_OF -> range
    dates: tuple[date, date, int] | None = None  # start, end, date_prec
    where: Where | None = None
    codes: dict[str, Any] = field(default_factory=dict)  # the event attributes
    notes: list[Problem] = field(default_factory=list)  # problems beyond a missing field


def read_event(event: Event, spans: Mapping[str, Span], schema: Schema) -> Reading:
    """``event`` as GED reads it; ``spans`` its document's spans by uid."""
    reading = Reading()
    if event.type in TYPES_OF_VIOLENCE:
        reading.violence = TYPES_OF_VIOLENCE.index(event.type) + 1
    else:
        reading.notes.append(Problem("type", f"type {event.type!r} is not a type of violence "
                                             f"({', '.join(TYPES_OF_VIOLENCE)})"))
    try:
        reading.codes = schema.check_event(event.attrs)
    except InvalidRecord as exc:
        reading.notes.append(Problem("code", f"a code is not the codebook's: {exc}"))
        reading.codes = {k: v for k, v in event.attrs.items() if _fits(schema, k, v)}
    members = [(m, spans[m.span_uid]) for m in event.members if m.span_uid in spans]
    for _member, span in members:
        try:
            schema.check_span(span.label, span.attrs)
        except InvalidRecord as exc:
            reading.notes.append(Problem("code", f"{span.label} {span.text!r}: {exc}"))
    reading.side_a, reading.side_b = _sides(members, reading.notes,
                                            one_sided=event.type == ONE_SIDED)
    reading.deaths = _deaths(members, reading.notes)
    reading.where = _where(members, reading.notes)
    reading.dates = _dates(event, reading.codes, reading.notes)
    return reading


def _fits(schema: Schema, name: str, value: Any) -> bool:
    spec = schema.event_attribute(name)
    try:
        return spec is None or spec.check(value) is not None
    except InvalidRecord:
        return False


def _sides(members: list[tuple[Any, Span]], notes: list[Problem],
           one_sided: bool) -> tuple[Side, Side]:
    found: dict[str, list[Span]] = {side: [] for side in SIDES}
    for member, span in members:
        if span.label != "actor":
            continue
        if member.role in SIDES:
            found[member.role].append(span)
        elif not (one_sided and member.role == "victim"):
            # (The victims of one-sided violence are GED's side B, "Civilians".)
            notes.append(Problem("role", f"actor {span.text!r} is {member.role!r}: GED has "
                                         "side_a and side_b"))
    return _side(found["side_a"]), _side(found["side_b"])


def _side(spans: list[Span]) -> Side:
    names: dict[str, None] = {}
    ids: dict[int, None] = {}
    governments: dict[int, None] = {}
    government = False
    for span in spans:
        name = span.attrs.get("ucdp_name")
        names[name.strip() if isinstance(name, str) and name.strip() else span.text] = None
        actor_id = span.attrs.get("actor_id")
        if isinstance(actor_id, int) and not isinstance(actor_id, bool):
            ids[actor_id] = None
        country = country_of(span.attrs.get("government_of"))
        if country is not None:
            governments[country[1]] = None
        government = government or country is not None \
            or span.attrs.get("actor_type") == "government"
    return Side(tuple(names), tuple(ids), tuple(governments), government)


def _deaths(members: list[tuple[Any, Span]], notes: list[Problem]) -> dict[str, Range]:
    groups: dict[tuple[str, str], list[Range]] = {}
    for member, span in members:
        if span.label != "casualty":
            continue
        outcome = span.attrs.get("outcome")
        if outcome != "killed":
            notes.append(Problem("not deaths", f"casualty {span.text!r} is "
                                 f"{outcome or 'of no outcome'}: GED counts the killed only"))
            continue
        whose = span.attrs.get("deaths_of")
        if whose not in DEATHS_OF:
            notes.append(Problem("deaths_of", f"casualty {span.text!r} does not say whose "
                                              "deaths (deaths_of): counted as unknown"))
            whose = "unknown"
        counted = member_range(span.attrs)
        if counted.best is None and counted.low is None and counted.high is None:
            notes.append(Problem("no count", f"casualty {span.text!r} has no number"))
            continue
        key = member.group or f"\0{member.span_uid}"  # ungrouped: a group of its own
        groups.setdefault((str(whose), key), []).append(counted)
    totals: dict[str, Range] = {}
    for (whose, _key), ranges in groups.items():
        merged = alternatives(ranges)
        totals[whose] = totals[whose] + merged if whose in totals else merged
    return totals


def _where(members: list[tuple[Any, Span]], notes: list[Problem]) -> Where | None:
    places = [_place(span) for _m, span in members if span.label == "location"
              and span.attrs.get("role") != "other"]
    if not places:
        return None
    # The most precise place is where GED puts the event; the others are not carried.
    places.sort(key=lambda w: w.where_prec if w.where_prec is not None else 99)
    for other in places[1:]:
        if other.name != places[0].name:
            notes.append(Problem("places", f"place {other.name!r} beside {places[0].name!r}: "
                                           "GED gives an event one place"))
    return places[0]


def _place(span: Span) -> Where:
    attrs = span.attrs
    prec = _whole(attrs.get("where_prec"))
    derived = False
    if prec not in WHERE_PREC:
        prec = FROM_GAZETTEER.get(_whole(attrs.get("precision")) or 0)
        derived = prec is not None
    return Where(span.text, prec, _number(attrs.get("latitude"), 90),
                 _number(attrs.get("longitude"), 180), country_of(attrs.get("country")),
                 _text(attrs.get("admin1")), _text(attrs.get("admin2")),
                 _text(attrs.get("where_description")), derived)


def _dates(event: Event, codes: Mapping[str, Any],
           notes: list[Problem]) -> tuple[date, date, int] | None:
    if not event.date:
        return None
    try:
        day = date.fromisoformat(event.date)
    except ValueError:
        notes.append(Problem("date", f"date {event.date!r} is not a day (YYYY-MM-DD)"))
        return None
    prec = _whole(codes.get("date_prec"))
    if prec not in DATE_PREC:
        prec = FROM_EVENT_PRECISION.get(event.date_precision, 1)
    start, end = day, day
    if prec == 3:
        end = day + timedelta(days=6)
    elif prec == 4:
        start = day.replace(day=1)
        end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    elif prec == 5:
        start, end = date(day.year, 1, 1), date(day.year, 12, 31)
    given_end = codes.get("date_end")
    if given_end:
        try:
            end = date.fromisoformat(str(given_end))
        except ValueError:
            notes.append(Problem("date", f"date_end {given_end!r} is not a day (YYYY-MM-DD)"))
        else:
            if end < start:
                notes.append(Problem("date", f"date_end {given_end} is before the event's "
                                             f"date {start.isoformat()}"))
                end = start
            elif "date_prec" not in codes and prec == 1 and end > start:
                prec = 2 if (end - start).days <= 5 else 3 if (end - start).days <= 6 else 4
    return start, end, prec


def merged(readings: list[Reading]) -> Reading:
    """The events of one incident (reports of one happening in several documents) as one
    GED row: each field from the first event that has it (places and dates: the most
    precise); the same dead reported by several articles merged as alternatives."""
    if len(readings) == 1:
        return readings[0]
    out = Reading(notes=[note for r in readings for note in r.notes])
    for name in ("violence", "side_a", "side_b"):
        values = [getattr(r, name) for r in readings if getattr(r, name) not in (None, Side())]
        if values:
            setattr(out, name, values[0])
        if len({repr(v) for v in values}) > 1:
            out.notes.append(Problem("disagree", f"the reports of the incident disagree on "
                                                 f"{name.replace('violence', 'the type')}: "
                                                 "the first is written"))
    dated = [r.dates for r in readings if r.dates is not None]
    if dated:
        out.dates = min(dated, key=lambda d: d[2])
    located = [r.where for r in readings if r.where is not None]
    if located:
        out.where = min(located, key=lambda w: w.where_prec if w.where_prec else 99)
    for reading in readings:
        for key, value in reading.codes.items():
            out.codes.setdefault(key, value)
    for whose in DEATHS_OF:
        reports = [r.deaths[whose] for r in readings if whose in r.deaths]
        if reports:
            out.deaths[whose] = alternatives(reports)
    return out


def missing(reading: Reading, event_type: str = "") -> list[Problem]:
    """The fields a GED row needs that ``reading`` lacks, or has wrong for its type."""
    found = []
    if reading.violence is None and not any(p.kind == "type" for p in reading.notes):
        found.append(Problem("type", f"type {event_type!r} is not a type of violence"))
    if not reading.side_a.names:
        found.append(Problem("side_a", "no actor is side_a"))
    if not reading.side_b.names and reading.violence != 3:
        found.append(Problem("side_b", "no actor is side_b (only one-sided violence has "
                                       "the civilians as side B)"))
    if reading.violence == 1 and reading.side_a.names and not reading.side_a.government:
        found.append(Problem("government", "state-based conflict: side A is a government "
                                           "(actor_type government, government_of its "
                                           "country)"))
    if reading.violence == 2 and (reading.side_a.government or reading.side_b.government):
        found.append(Problem("government", "non-state conflict: neither side is a "
                                           "government"))
    if reading.dates is None and not any(p.kind == "date" for p in reading.notes):
        found.append(Problem("date", "no date"))
    if reading.where is None:
        found.append(Problem("country", "no place, so no country"))
    else:
        if reading.where.country is None:
            found.append(Problem("country", f"place {reading.where.name!r} has no country "
                                            "GED knows (country: ISO alpha-3, e.g. MLI)"))
        if reading.where.where_prec is None:
            found.append(Problem("where_prec", f"place {reading.where.name!r} has no "
                                               "where_prec"))
    if reading.codes.get("event_clarity") in (None, ""):
        found.append(Problem("event_clarity", "no event_clarity"))
    if not any((r.best or r.low or r.high) for r in reading.deaths.values()):
        found.append(Problem("no deaths", "no one is counted killed (GED records events "
                                          "with at least one death)"))
    return found


def event_problems(event: Event, spans: Mapping[str, Span], schema: Schema) -> list[str]:
    """What GED would find missing or wrong in ``event`` (``spans``: its document's, by
    uid), in words for the coder; empty when it makes a complete GED row."""
    reading = read_event(event, spans, schema)
    return [p.text for p in [*missing(reading, event.type), *reading.notes]]


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 4:
        return int(value.strip())
    return None


def _number(value: Any, limit: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if -limit <= number <= limit else None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
