"""The map of a story's places: what the store counts (``story_places``) and how the map frames it."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from wiretrace.corpus import Corpus
from wiretrace.store import StoryPlace
from wiretrace.web.place_map import MIN_WIDTH_DEGREES, country_shapes, place_map


def place(name: str, kind: str = "city", *, lat: float | None = None, lon: float | None = None,
          parent: str | None = None, country: str | None = "KZ", clusters: int = 1) -> StoryPlace:
    return StoryPlace(name, kind, country, lat, lon, parent, clusters, clusters)


def test_the_store_counts_what_the_decoded_clusters_name(seed_db: Path) -> None:
    with Corpus(seed_db, read_only=True) as corpus:
        story = corpus.stories()[0].id
        counted = corpus.places(story=story)
        clusters: dict[str, set[int]] = defaultdict(set)
        claims: dict[str, int] = defaultdict(int)
        for cluster in corpus.clusters(story=story):
            for mention in cluster.mentions:
                for named in mention.claim.places:
                    clusters[named.name].add(cluster.id)
                    claims[named.name] += 1
    assert {p.name: (p.clusters, p.claims) for p in counted} == {n: (len(c), claims[n]) for n, c in clusters.items()}
    assert [p.clusters for p in counted] == sorted((p.clusters for p in counted), reverse=True)
    almaty = next(p for p in counted if p.name == "Almaty")
    assert almaty.kind == "city" and almaty.lat == pytest.approx(43.25, abs=0.1) and almaty.lon == pytest.approx(76.9, abs=0.1)


def test_places_inside_a_city_go_with_it_countries_are_shaded_the_rest_listed() -> None:
    almaty = place("Almaty", lat=43.25, lon=76.91, clusters=9)
    taraz = place("Taraz", lat=42.9, lon=71.37, clusters=1)
    square = place("Republic Square", "facility", parent="Almaty", clusters=4)
    region = place("Zhambyl Region", "region", parent="Kazakhstan")
    drawn = place_map([almaty, place("Kazakhstan", "country"), square, taraz, region])
    assert drawn is not None
    assert [m.place.name for m in drawn.markers] == ["Almaty", "Taraz"]
    assert drawn.markers[0].inside == (square,) and drawn.markers[0].radius > drawn.markers[1].radius
    assert [s.place.name for s in drawn.shades] == ["Kazakhstan"] and drawn.shades[0].path == country_shapes()["KZ"]
    assert drawn.unplaced == (region,)
    left, top, width, height = map(float, drawn.view_box.split())
    assert width == pytest.approx(2 * height)
    assert drawn.x_scale == pytest.approx(0.69, abs=0.05)  # cos of the middle latitude of Kazakhstan
    assert left < 46.5 * drawn.x_scale and left + width > 87.3 * drawn.x_scale  # the whole country is framed
    assert top < -55.4 and top + height > -40.6
    for marker in drawn.markers:
        assert left < marker.x < left + width and top < marker.y < top + height


def test_one_city_is_framed_with_its_region_and_nothing_locatable_is_no_map() -> None:
    drawn = place_map([place("Almaty", lat=43.25, lon=76.91)])
    left, top, width, height = map(float, drawn.view_box.split())
    assert width >= MIN_WIDTH_DEGREES and height == pytest.approx(width / 2)
    assert left + width / 2 == pytest.approx(76.91 * drawn.x_scale) and top + height / 2 == pytest.approx(-43.25)
    assert place_map([place("Zhambyl Region", "region"), place("Atlantis", "country", country="XX")]) is None
    assert place_map([]) is None


def test_every_country_outline_is_svg_path_data_in_degrees() -> None:
    shapes = country_shapes()
    assert len(shapes) > 150 and {"KZ", "UA", "RU", "US", "FR"} <= shapes.keys()
    for code, path in shapes.items():
        assert path.startswith("M") and path.endswith("Z"), code
        numbers = [float(n) for n in path.replace("M", " ").replace("L", " ").replace("Z", " ").split()]
        assert all(-180 <= x <= 180 for x in numbers[0::2]) and all(-90 <= y <= 90 for y in numbers[1::2]), code
