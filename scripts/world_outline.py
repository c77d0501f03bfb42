"""Make the outline of the world the story maps draw over, from Natural Earth's countries (world-atlas).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/world_outline.py package/countries-110m.json

Writes ``src/wiretrace/web/static/world.svg`` (every country, drawn under the markers of a story's map)
and ``src/wiretrace/data/country_shapes.json`` (each country's outline by ISO 3166 alpha-2 code, drawn
over it when a story names that country), both in the maps' projection: x = longitude, y = -latitude
(the page scales x by the cosine of the map's middle latitude). Run once, when the outlines should
change; nothing reads world-atlas at run time.

Natural Earth is in the public domain; world-atlas (its TopoJSON) is ISC-licensed, Copyright 2013-2019
Michael Bostock. TopoJSON is decoded here (delta-encoded, quantised arcs; about 20 lines) rather than
through a package because this runs once, offline, and no maintained Python decoder is installed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
STEP = 0.05  # degrees: a point closer than this to the last one kept is dropped (~5 km)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc of ``topology`` as (longitude, latitude) points."""
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


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A closed ring from arc indices (``~i``, i.e. ``-i - 1``, is arc ``i`` reversed)."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def path_data(polygons: list[list[list[int]]], arcs: list[list[tuple[float, float]]]) -> str:
    """SVG path data of polygons (each a list of rings), x = longitude, y = -latitude."""
    parts = []
    for polygon in polygons:
        for indices in polygon:
            kept: list[tuple[float, float]] = []
            for lon, lat in ring(indices, arcs):
                if not kept or abs(lon - kept[-1][0]) + abs(lat - kept[-1][1]) >= STEP:
                    kept.append((lon, lat))
            if len(kept) >= 3:
                head, *rest = (f"{lon:.1f} {-lat:.1f}".replace(".0", "") for lon, lat in kept)
                parts.append(f"M{head}L{' '.join(rest)}Z")
    return "".join(parts)


def alpha_2(numeric: str | None, name: str) -> str | None:
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_2 if country else {"Kosovo": "XK"}.get(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas' countries-110m.json (or -50m: five times larger)")
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    shapes: dict[str, str] = {}
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind, found = geometry.get("type"), geometry.get("arcs")
        if not found:
            continue
        polygons = found if kind == "MultiPolygon" else [found]
        data = path_data(polygons, arcs)
        paths.append(f'<path d="{data}"/>')
        code = alpha_2(geometry.get("id"), geometry["properties"]["name"])
        if code:
            shapes[code] = data
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" width="360" height="180">'
        "<!-- Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 (ISC, Copyright 2013-2019 "
        "Michael Bostock); x = longitude, y = -latitude; made by scripts/world_outline.py -->"
        '<rect x="-180" y="-90" width="360" height="180" fill="#dfe8ef"/>'
        '<g fill="#f6f4ee" stroke="#9aa5ad" stroke-width="0.05" stroke-linejoin="round">'
        + "".join(paths) + "</g></svg>\n"
    )
    (ROOT / "src/wiretrace/web/static/world.svg").write_text(svg, encoding="utf-8")
    (ROOT / "src/wiretrace/data/country_shapes.json").write_text(
        json.dumps(dict(sorted(shapes.items())), separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{len(paths)} countries, {len(shapes)} with an ISO code; world.svg {len(svg) // 1024} KiB")


if __name__ == "__main__":
    main()
