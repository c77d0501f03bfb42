"""ACLED-style event rows: one flat row per claim cluster that describes an event.

Conflict-event datasets (ACLED, and GDELT in its way) code each event as one row: when (and how
precisely), where (place, admin region, country, coordinates), who (actor1 against actor2), what (event
and sub-event type), how many died, and from which sources. wiretrace has what a coder needs for such a
row and more: per cluster, every report, its primary sources and how independent they are.

How a cluster becomes a row:

- **type**: each report's claim is coded by the table of ``event_types`` (``claim_reading``); the type
  most reports give wins (ties: the earlier row of the table). A cluster whose claims no row fits is
  not an event ("the situation is calm", "identities are being established") and gives no row. When
  reports differ (one source's "attackers eliminated" codes as a clash, another's "protesters killed"
  as excessive force), ``notes`` says so with the counts: that is a framing difference, not noise;
- **date**: the earliest resolved event time among the claims that gave the type (else among all the
  cluster's claims), the local date as written (``event_date``, YYYY-MM-DD) with the full interval
  (``event_start``/``event_end``) and its ``date_precision`` (the time's granularity: minute, hour,
  part-of-day, day, week, month, year). ``time_precision`` is ACLED's code: 1 = the day is known, 2 =
  the week, 3 = only the month (or year). Without a claim time, the earliest publication date of the
  reports, ``date_precision`` "published" and ``time_precision`` 2 (the event happened on or before);
- **place**: the most often named city among those claims' places (``site``: the facility in it most
  often named), else region, else country; ``admin1`` a region named in a claim beside
  that place; ``geo_precision`` ACLED's code (1 town, 2 region, 3 country);
- **actors**: ``actor1`` the most frequent agent phrase, ``actor2`` the most frequent patient phrase that
  names a person party (``claim_reading``), as the reports word them;
- **fatalities**: the envelope of the counts of category ``killed`` in the cluster's claims (lowest
  minimum, highest maximum; a maximum is None when any count is open-ended: "more than 20");
- **sources** the outlets in report order, **primary_sources** the cluster's origins, **independence**,
  **status** and the number of **conflicts** as the link stage found them; **notes** the cluster's label.

List values (sources, primary sources, claim ids) are joined with "; " as ACLED does, so every column is
a scalar and the row is the same in CSV, JSONL and Parquet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import pycountry

from wiretrace.records import Claim, ClaimCluster, ClaimPlace, ClaimTime
from wiretrace.views.claim_reading import KILLED, EventType, claim_event_type, read_claim
from wiretrace.views.event_types import EVENT_RULES, disorder_type
from wiretrace.views.story_text import earliest_event_time

TIME_PRECISION = {"minute": 1, "hour": 1, "part-of-day": 1, "day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"facility": 1, "city": 1, "region": 2, "country": 3}
PUBLISHED = "published"
JOIN = "; "


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event in the style of ACLED's rows (see the module docstring for each column)."""

    event_id: int
    story: int
    event_date: str | None
    date_precision: str | None
    time_precision: int | None
    event_start: str | None
    event_end: str | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    country: str | None
    country_code: str | None
    admin1: str | None
    location: str | None
    site: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities_min: int | None
    fatalities_max: int | None
    sources: str
    primary_sources: str
    independence: int
    status: str
    conflicts: int
    reports: int
    claims: str
    notes: str


def event_rows(clusters: Iterable[ClaimCluster]) -> Iterator[EventRow]:
    """The event row of each cluster that describes an event, in the order given."""
    for cluster in clusters:
        row = event_row(cluster)
        if row is not None:
            yield row


def event_row(cluster: ClaimCluster) -> EventRow | None:
    """The cluster as one ACLED-style row, or None when none of its claims describes a codable event."""
    claims = [m.claim for m in cluster.mentions]
    typed = [(claim, claim_event_type(claim)) for claim in claims]
    votes = Counter(kind for _, kind in typed if kind is not None)
    if not votes:
        return None
    kind = _winner(votes)
    own = [claim for claim, k in typed if k == kind]
    when = earliest_event_time(own) or earliest_event_time(claims)
    published = min((m.published_at for m in cluster.mentions if m.published_at), default=None)
    place = _place(own) or _place(claims)
    low, high = fatalities(claims)
    return EventRow(
        cluster.id, cluster.story, *_dates(when, published), disorder_type(kind.event_type, kind.sub_event_type),
        kind.event_type, kind.sub_event_type, *_actors(own), *_where(place, claims),
        low, high, JOIN.join(dict.fromkeys(m.outlet for m in cluster.mentions)),
        JOIN.join(o.name for o in cluster.origins), cluster.independence, cluster.status, len(cluster.conflicts),
        len(cluster.mentions), JOIN.join(c.id for c in claims), _notes(cluster.label, votes),
    )  # fmt: skip


def _winner(votes: Counter[EventType]) -> EventType:
    order = {EventType(r.event_type, r.sub_event_type): i for i, r in reversed(list(enumerate(EVENT_RULES)))}
    return min(votes, key=lambda kind: (-votes[kind], order.get(kind, len(order))))


def _notes(label: str, votes: Counter[EventType]) -> str:
    if len(votes) < 2:
        return label
    readings = ", ".join(f"{k.event_type}: {k.sub_event_type} ×{n}" for k, n in votes.most_common())
    return f"{label} [reports differ: {readings}]"


def _dates(when: ClaimTime | None, published: str | None) -> tuple:
    """event_date, date_precision, time_precision, event_start, event_end."""
    if when is not None and when.start:
        return when.start[:10], when.granularity, TIME_PRECISION.get(when.granularity or ""), when.start, when.end
    if published:
        return published[:10], PUBLISHED, 2, None, None
    return None, None, None, None, None


def _actors(claims: Sequence[Claim]) -> tuple[str | None, str | None]:
    readings = [read_claim(c) for c in claims]
    return _most_common(r.agent for r in readings), _most_common(r.patient for r in readings)


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return max(counts, key=counts.__getitem__) if counts else None  # max keeps the first of equals


def _place(claims: Sequence[Claim]) -> tuple[ClaimPlace, ClaimPlace | None] | None:
    """The event's place and its site (a facility in it), per the module docstring."""
    places = [p for c in claims for p in c.places]
    sites = [p for p in places if p.kind == "facility"]
    cities = [p for p in places if p.kind == "city"]
    for level in (cities, [p for p in places if p.kind == "region"], [p for p in places if p.kind == "country"]):
        best = _most_common(p.name for p in level)
        if best is not None:
            place = next(p for p in level if p.name == best)
            site = _most_common(s.name for s in sites if s.parent == place.name) if level is cities else None
            return place, next((s for s in sites if s.name == site), None)
    return None


def _where(found: tuple[ClaimPlace, ClaimPlace | None] | None, claims: Sequence[Claim]) -> tuple:
    """country, country_code, admin1, location, site, latitude, longitude, geo_precision."""
    if found is None:
        return None, None, None, None, None, None, None, None
    place, site = found
    admin1 = None if place.kind in ("region", "country") else next(
        (p.name for c in claims if place in c.places for p in c.places if p.kind == "region"), None)
    location = None if place.kind == "country" else place.name
    return (country_name(place.country) or (place.name if place.kind == "country" else None), place.country,
            place.name if place.kind == "region" else admin1, location, site.name if site else None,
            place.lat, place.lon, GEO_PRECISION.get(place.kind))  # fmt: skip


def country_name(code: str | None) -> str | None:
    """The ISO 3166 short name of an alpha-2 code ("FR" → "France"); None for an unknown code."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.name if country is not None else None


def fatalities(claims: Iterable[Claim]) -> tuple[int | None, int | None]:
    """The envelope of the ``killed`` counts of the claims (see the module docstring); (None, None) when
    no claim counts the dead."""
    counts = [q for c in claims for q in c.quantities if q.category == KILLED]
    if not counts:
        return None, None
    lows = [q.min for q in counts if q.min is not None]
    low = int(min(lows)) if lows else None
    high = None if any(q.max is None for q in counts) else int(max(q.max for q in counts if q.max is not None))
    return low, high
