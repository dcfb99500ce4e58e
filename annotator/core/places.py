"""Coded places: location spans that carry a latitude and a longitude, as the map shows them.

A span's attributes come from coders, the gazetteer and imported files, so the
coordinates are read with care: a latitude of 999, "NaN", a longitude written as
text are not places on Earth. Such a span is left off the map and counted, never
guessed at. Nothing here needs Qt or SQL.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# How many points the map draws at most: more would not be read, only wait for.
MAX_PLACES = 5000

# Colours of event types on the map, in the codebook's order of its types: distinct for
# the commonest colour blindness, each readable on light and dark land.
EVENT_PALETTE = ("#d6452f", "#2f6fd6", "#e89a1c", "#8a4fc8", "#1f9e89", "#d6419b",
                 "#7a5a2f", "#4fa83d", "#3fb1d8", "#b3a01f")
NO_EVENT_COLOR = "#8c8c8c"  # a place in no event


@dataclass(frozen=True)
class Place:
    """One located span: where it is, what it is in, and what to open for it."""

    span_uid: str
    doc_id: int
    title: str  # of its document
    name: str  # the span's text: the place as the article names it
    latitude: float
    longitude: float
    coder: str = ""
    precision: int | None = None  # geo precision as coded (1 exact … 3 region)
    # The attribute it was coded in: each dataset has its own scale (ACLED's
    # geo_precision 1–3, UCDP's where_prec 1–7, PLOVER's resolution 1–5).
    precision_name: str = "precision"
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    event_types: tuple[str, ...] = ()  # of the events it is a member of, in their order
    event_uids: tuple[str, ...] = ()

    @property
    def event_type(self) -> str:
        """The type it is coloured by: its first event's (\"\" in no event)."""
        return self.event_types[0] if self.event_types else ""


@dataclass(frozen=True)
class PlaceSet:
    """The places the map draws, and what it leaves out."""

    places: tuple[Place, ...]
    total: int  # located places found (``places`` holds at most MAX_PLACES of them)
    skipped: int = 0  # spans whose coordinates could not be read
    skipped_examples: tuple[str, ...] = ()  # a few of them: "Mosul: latitude 999"

    @property
    def capped(self) -> bool:
        return self.total > len(self.places)


def read_coordinates(attrs: Mapping[str, Any]) -> tuple[float, float] | str | None:
    """(latitude, longitude); None where the span has neither; else why they cannot be
    read (a missing half, not a number, off the Earth)."""
    latitude, longitude = attrs.get("latitude"), attrs.get("longitude")
    if latitude is None and longitude is None:
        return None
    found = []
    for name, value, limit in (("latitude", latitude, 90.0), ("longitude", longitude, 180.0)):
        if value is None:
            return f"no {name}"
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{name} {_shown(value)} is not a number"
        number = float(value)
        if not math.isfinite(number) or abs(number) > limit:
            return f"{name} {_shown(value)} is not between -{limit:g} and {limit:g}"
        found.append(number)
    return found[0], found[1]


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, float) else repr(value)
    return text if len(text) <= 30 else text[:29] + "…"


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _precision(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def places_from_rows(rows: Iterable[Sequence[Any]], limit: int = MAX_PLACES) -> PlaceSet:
    """Places from the rows of one query, one row per span and event it is a member of:
    (span uid, doc id, title, span text, attrs JSON, coder, event uid, event type),
    in the order the map lists them. More than ``limit`` places: an even sample of them, so the map
    keeps the shape of the whole.

    Every span's coordinates are read (the counts are exact), but only the places
    drawn are made into ``Place``: at 120,000 places that halves the time.
    """
    # Span uid -> (its row, attributes, latitude, longitude, its events), in row order;
    # a span's rows need not come together (a server may join them in any order).
    found: dict[object, tuple[tuple[Any, ...], dict[str, Any], float, float,
                              list[tuple[str, str]]]] = {}
    skipped: dict[object, str] = {}  # span uid -> why
    for row in rows:
        uid, _doc_id, _title, text, attrs_json, _coder, event_uid, event_type = row
        entry = found.get(uid)
        if entry is None:
            if uid in skipped:
                continue
            read = _coordinates(attrs_json)
            if read is None:
                continue
            if isinstance(read, str):
                skipped[uid] = f"{_short(text)}: {read}"
                continue
            entry = found[uid] = (tuple(row), *read, [])
        if event_uid and all(event_uid != seen for seen, _type in entry[4]):
            entry[4].append((str(event_uid), str(event_type or "")))
    readable = list(found.values())
    total = len(readable)
    if total > limit:
        step = total / limit
        readable = [readable[int(i * step)] for i in range(limit)]
    return PlaceSet(tuple(_place(*entry) for entry in readable), total, len(skipped),
                    tuple(list(skipped.values())[:5]))


def _short(text: object) -> str:
    shown = str(text or "").replace("\n", " ")
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _coordinates(attrs_json: object) -> tuple[dict[str, Any], float, float] | str | None:
    try:
        attrs = json.loads(attrs_json) if isinstance(attrs_json, str) else None
    except (ValueError, RecursionError):
        return "its attributes cannot be read"
    if not isinstance(attrs, dict):
        return "its attributes cannot be read"
    read = read_coordinates(attrs)
    if read is None or isinstance(read, str):
        return read
    return attrs, read[0], read[1]


# Where each codebook keeps a place's precision: annotator's own, ACLED's, UCDP's, PLOVER's.
PRECISION_NAMES = ("precision", "geo_precision", "where_prec", "resolution")


def _place(row: tuple[Any, ...], attrs: dict[str, Any], latitude: float, longitude: float,
           events: list[tuple[str, str]]) -> Place:
    uid, doc_id, title, text, _attrs_json, coder, _event_uid, _event_type = row
    name = next((key for key in PRECISION_NAMES if _precision(attrs.get(key)) is not None),
                "precision")
    return Place(str(uid), int(doc_id), str(title or ""), str(text or ""), latitude, longitude,
                 coder=str(coder or ""), precision=_precision(attrs.get(name)),
                 precision_name=name,
                 country=_text(attrs.get("country")), admin1=_text(attrs.get("admin1")),
                 admin2=_text(attrs.get("admin2")),
                 event_types=tuple(kind for _uid, kind in events),
                 event_uids=tuple(uid for uid, _kind in events))


def event_colors(types: Sequence[str], others: Iterable[str] = ()) -> dict[str, str]:
    """Each event type's colour on the map, in the codebook's order (so a type keeps its
    colour whatever the map shows), then ``others`` (types the codebook no longer has);
    \"\" (no event) grey. Past the palette, colours repeat."""
    named = list(dict.fromkeys([*types, *(t for t in others if t)]))
    colors = {kind: EVENT_PALETTE[i % len(EVENT_PALETTE)] for i, kind in enumerate(named)}
    colors[""] = NO_EVENT_COLOR
    return colors


def bounds(places: Iterable[Place]) -> tuple[float, float, float, float] | None:
    """West, south, east, north of the places; None for none."""
    points = [(p.longitude, p.latitude) for p in places]
    if not points:
        return None
    return (min(p[0] for p in points), min(p[1] for p in points),
            max(p[0] for p in points), max(p[1] for p in points))
