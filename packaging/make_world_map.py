"""Make resources/maps/world.json, the map pane's countries, coastlines and borders.

Where the data comes from: Natural Earth's Admin 0 countries at 1:50m (version
4.1.0, public domain), as the TopoJSON ``countries-50m.json`` of the npm package
``world-atlas`` 2.0.2 (ISC licence; it only converts Natural Earth's shapefiles).
Fetch it with the npm client and run this script on it:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python packaging/make_world_map.py package/countries-50m.json

What it does, once, so the application reads a small file and needs no geometry
library: each arc (a border or coast between two junctions, shared by the two
countries it separates) is decoded to longitude/latitude, simplified with
Douglas-Peucker (0.02 degrees, about 2 km: finer than a pixel at any zoom the pane
offers) and kept as whole hundredths of a degree, the first point as is and each
next one as its difference from the one before. Countries keep TopoJSON's way of
naming their rings by arc: ``i`` is arc i, ``-i - 1`` (``~i``) the same arc read
backwards. Simplifying arcs rather than rings keeps a border drawn once and the
same for both countries.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "maps" / "world.json"
TOLERANCE = 0.02  # degrees
UNIT = 0.01  # degrees: one step of the stored coordinates

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON's quantized, delta-encoded arcs as longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance(point: Point, start: Point, end: Point) -> float:
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    if length == 0:  # a closed ring's ends: the distance to that point
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, without recursion (a long coast would go deep)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, at = -1.0, 0
        for index in range(first + 1, last):
            distance = _distance(points[index], points[first], points[last])
            if distance > farthest:
                farthest, at = distance, index
        if farthest > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    kept = [p for p, wanted in zip(points, keep, strict=True) if wanted]
    if kept[0] == kept[-1] and len(kept) < 4:
        # A small island's ring made a line: its farthest points keep it a triangle.
        kept = [points[0], points[len(points) // 3], points[2 * len(points) // 3], points[0]]
    return kept


def encoded(points: list[Point]) -> list[int]:
    """Whole units, the first point as is and each next as a difference: small numbers."""
    flat: list[int] = []
    last_x = last_y = 0
    for lon, lat in points:
        x, y = round(lon / UNIT), round(lat / UNIT)
        flat += [x - last_x, y - last_y]
        last_x, last_y = x, y
    return flat


def world(topology: dict) -> dict:
    arcs = [encoded(simplify(arc, TOLERANCE)) for arc in decode_arcs(topology)]
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue  # a country with no shape at this scale
        countries.append({"name": geometry["properties"]["name"], "id": geometry.get("id", ""),
                          "polygons": polygons})
    return {
        "source": "Natural Earth 1:50m Admin 0 countries, version 4.1.0 (public domain), "
                  "from world-atlas 2.0.2 countries-50m.json; made by "
                  "packaging/make_world_map.py",
        "unit": UNIT,
        "arcs": arcs,
        "countries": countries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-50m.json")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    made = world(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(made, separators=(",", ":")), encoding="utf-8")
    points = sum(len(arc) // 2 for arc in made["arcs"])
    print(f"{args.out}: {len(made['countries'])} countries, {len(made['arcs'])} arcs, "
          f"{points} points, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
