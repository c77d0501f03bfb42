"""A story's map: the places its claims name, drawn over the outline of the world, offline.

The page draws an inline SVG in one projection: x = longitude × cos(middle latitude), y = −latitude (an
equirectangular map true to scale at the map's middle latitude, right for the region a story covers).
Under it, ``/static/world.svg`` (Natural Earth countries, made by ``scripts/world_outline.py``) is
stretched by the same factor. Places with coordinates (cities) are circles, their area proportional to
the claim clusters naming them; places inside one of them (a square, a tower of that city) are listed
with it; countries named are shaded (their outlines from ``data/country_shapes.json``); what has neither
(a region the gazetteer gives no point for) is listed under the map. The map frames what it shows:
markers and shaded countries, with a margin and at least a few degrees across, two units wide for one
high.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from wiretrace.store import StoryPlace

__all__ = ["Marker", "PlaceMap", "Shade", "place_map"]

MIN_WIDTH_DEGREES = 8.0  # a map of one city still shows its region
MARGIN = 0.12  # of the framed extent, on each side
ASPECT = 2.0  # width / height
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Marker:
    """A place with coordinates, at (x, y) in map units, with the places inside it the story names."""

    place: StoryPlace
    x: float
    y: float
    radius: float
    inside: tuple[StoryPlace, ...]


@dataclass(frozen=True, slots=True)
class Shade:
    """A country the story names: its outline (SVG path data in longitude/−latitude)."""

    place: StoryPlace
    path: str


@dataclass(frozen=True, slots=True)
class PlaceMap:
    """What the template draws: the SVG ``view_box``, the x scale applied to the world and the shades,
    markers with label size, and the places with no point on the map."""

    view_box: str
    x_scale: float
    label_size: float
    stroke: float
    markers: tuple[Marker, ...]
    shades: tuple[Shade, ...]
    unplaced: tuple[StoryPlace, ...]


def place_map(places: Sequence[StoryPlace]) -> PlaceMap | None:
    """The map of a story's places (``store.story_places``), or None when none can be drawn."""
    located = {p.name: p for p in places if p.lat is not None and p.lon is not None}
    inside: dict[str, list[StoryPlace]] = {}
    shades, unplaced = [], []
    for place in places:
        if place.name in located:
            continue
        if place.parent in located:
            inside.setdefault(place.parent, []).append(place)
        elif place.kind == "country" and place.country and (path := country_shapes().get(place.country)):
            shades.append(Shade(place, path))
        else:
            unplaced.append(place)
    if not located and not shades:
        return None
    points = [(p.lon, p.lat) for p in located.values()]
    for shade in shades:
        points.extend(_corners(shade.path))
    west, east = min(x for x, _ in points), max(x for x, _ in points)
    south, north = min(y for _, y in points), max(y for _, y in points)
    x_scale = max(0.2, math.cos(math.radians((south + north) / 2)))
    left, right, top, bottom = _frame(west * x_scale, east * x_scale, -north, -south)
    width = right - left
    most = max((p.clusters for p in located.values()), default=1)
    markers = tuple(
        Marker(p, p.lon * x_scale, -p.lat, width / 60 * math.sqrt(p.clusters / most) + width / 250,
               tuple(inside.get(p.name, ())))
        for p in located.values()
    )  # fmt: skip
    return PlaceMap(f"{left:.3f} {top:.3f} {width:.3f} {bottom - top:.3f}", x_scale, width / 45, width / 900,
                    markers, tuple(shades), tuple(unplaced))  # fmt: skip


def _frame(left: float, right: float, top: float, bottom: float) -> tuple[float, float, float, float]:
    """The extent with its margin, widened to the minimum width and to the aspect ratio."""
    width = max(right - left, MIN_WIDTH_DEGREES / (1 + 2 * MARGIN)) * (1 + 2 * MARGIN)
    height = max(bottom - top, 0.0) * (1 + 2 * MARGIN)
    width, height = max(width, height * ASPECT), max(height, width / ASPECT)
    x, y = (left + right) / 2, (top + bottom) / 2
    return x - width / 2, x + width / 2, y - height / 2, y + height / 2


@cache
def _corners(path: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """The south-west and north-east corners (longitude, latitude) of an outline's bounding box (once
    per outline: the outlines never change, and Russia's is thousands of numbers)."""
    numbers = [float(n) for n in _NUMBER.findall(path)]
    xs, ys = numbers[0::2], [-y for y in numbers[1::2]]
    return (min(xs), min(ys)), (max(xs), max(ys))


@cache
def country_shapes() -> dict[str, str]:
    """Each country's outline by ISO 3166 alpha-2 code (see ``scripts/world_outline.py``)."""
    text = resources.files("wiretrace").joinpath("data/country_shapes.json").read_text(encoding="utf-8")
    return json.loads(text)
