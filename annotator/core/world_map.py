"""The world the map pane draws: countries, coastlines and borders in longitude/latitude.

Read from ``resources/maps/world.json`` (Natural Earth's countries at 1:50m,
public domain; ``packaging/make_world_map.py`` made it and says how). Arcs are the
lines between junctions: an arc used by two countries is a border, one used by a
single country a coast. Nothing here needs Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from annotator.resources import resource

Point = tuple[float, float]  # (longitude, latitude)
Ring = tuple[Point, ...]

# Natural Earth cuts the shapes at the antimeridian and closes Antarctica along
# the edge of the map: those edges are not coasts, and are not drawn as lines.
_EDGE_LONGITUDE = 179.99
_EDGE_LATITUDE = -89.9


class WorldMapError(ValueError):
    """The map's file is missing or damaged; the message names it."""


@dataclass(frozen=True)
class Country:
    name: str
    id: str  # ISO 3166-1 numeric, where Natural Earth gives one
    polygons: tuple[tuple[Ring, ...], ...]  # each: its outer ring, then its holes

    def bounds(self) -> tuple[float, float, float, float]:
        """West, south, east, north."""
        points = [p for polygon in self.polygons for ring in polygon for p in ring]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        return min(lons), min(lats), max(lons), max(lats)


@dataclass(frozen=True)
class WorldMap:
    countries: tuple[Country, ...]
    coasts: tuple[Ring, ...]
    borders: tuple[Ring, ...]

    def country(self, name: str) -> Country | None:
        return next((c for c in self.countries if c.name == name), None)


def world_map_path() -> Path:
    return resource("maps", "world.json")


@lru_cache(maxsize=1)
def load_world_map(path: Path | None = None) -> WorldMap:
    """The world, read once (the file is part of the application and never changes)."""
    path = path or world_map_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        unit = float(data["unit"])
        arcs = [_decoded(arc, unit) for arc in data["arcs"]]
        uses = [0] * len(arcs)
        countries = []
        for entry in data["countries"]:
            polygons = []
            for polygon in entry["polygons"]:
                rings = []
                for refs in polygon:
                    for ref in refs:
                        uses[ref if ref >= 0 else ~ref] += 1
                    rings.append(_ring(arcs, refs))
                polygons.append(tuple(rings))
            countries.append(Country(str(entry["name"]), str(entry.get("id", "")),
                                     tuple(polygons)))
    except (OSError, UnicodeError) as exc:
        raise WorldMapError(f"{path}: the world map could not be read ({exc})") from exc
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise WorldMapError(f"{path}: the world map is damaged ({exc!r})") from exc
    coasts = tuple(line for arc, used in zip(arcs, uses, strict=True) if used == 1
                   for line in _drawn(arc))
    borders = tuple(line for arc, used in zip(arcs, uses, strict=True) if used > 1
                    for line in _drawn(arc))
    return WorldMap(tuple(countries), coasts, borders)


def _decoded(flat: list[int], unit: float) -> Ring:
    points = []
    x = y = 0
    for index in range(0, len(flat) - 1, 2):
        x, y = x + flat[index], y + flat[index + 1]
        points.append((x * unit, y * unit))
    return tuple(points)


def _ring(arcs: list[Ring], refs: list[int]) -> Ring:
    """A ring made of arcs end to end (each next arc starts where the last ended)."""
    points: list[Point] = []
    for ref in refs:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        points.extend(arc[1:] if points else arc)
    return tuple(points)


def _on_edge(first: Point, second: Point) -> bool:
    return ((abs(first[0]) >= _EDGE_LONGITUDE and abs(second[0]) >= _EDGE_LONGITUDE)
            or (first[1] <= _EDGE_LATITUDE and second[1] <= _EDGE_LATITUDE))


def _drawn(arc: Ring) -> list[Ring]:
    """An arc as the lines to draw: cut where it runs along the map's edge."""
    lines: list[Ring] = []
    current: list[Point] = []
    for point in arc:
        if current and _on_edge(current[-1], point):
            if len(current) > 1:
                lines.append(tuple(current))
            current = []
        current.append(point)
    if len(current) > 1:
        lines.append(tuple(current))
    return lines
