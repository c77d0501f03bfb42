"""Claim cards: a claim cluster as the story timeline shows it, and the timeline's filters.

A card carries the cluster record and what the page draws beside it: when the event happened (the
earliest resolved event time of its reports), its places, and the analyst's verdicts on its claims.
Filters (by source, status, place) match a cluster when any of its reports does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wiretrace.corpus import Corpus
from wiretrace.records import ClaimCluster, Mention
from wiretrace.store import Verdict
from wiretrace.web.claims import verdicts
from wiretrace.web.pagination import Window
from wiretrace.web.templating import when

MENTIONS_ON_CARD = 8
COARSE = frozenset({"day", "week", "weekend", "fortnight", "month", "quarter", "season", "half", "year", "decade",
                    "century"})  # fmt: skip
"""Time granularities shown as a date alone."""


@dataclass(frozen=True, slots=True)
class Report:
    """Reports of a cluster that say the same words through the same chain (copies, reposts), drawn as
    one line: the first of them, the articles of the others, and the verdicts on any of them."""

    mention: Mention
    chain: str  # "speaker ← agency ← outlet"
    others: tuple[int, ...]  # articles of the other reports on this line
    verdicts: tuple[Verdict, ...]


@dataclass(frozen=True, slots=True)
class Card:
    """A cluster with its event time, places, and its reports grouped into lines (the first
    ``MENTIONS_ON_CARD`` of them drawn; the cluster page shows all)."""

    cluster: ClaimCluster
    when: str | None  # the event time as shown
    places: tuple[str, ...]
    reports: tuple[Report, ...]
    hidden: int  # lines not drawn on the card


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """The timeline's filters from the query string; empty strings mean "any"."""

    source: str = ""
    status: str = ""
    place: str = ""

    @property
    def active(self) -> bool:
        return bool(self.source or self.status or self.place)

    def matches(self, cluster: ClaimCluster) -> bool:
        return (
            (not self.status or cluster.status == self.status)
            and (not self.source or self.source.casefold() in cluster_sources(cluster))
            and (not self.place or self.place.casefold() in cluster_places(cluster))
        )


def cluster_sources(cluster: ClaimCluster) -> set[str]:
    """Every name a cluster's reports pass through, and its origins with their aliases (case-folded)."""
    names = {link.name.casefold() for m in cluster.mentions for link in m.claim.chain}
    names |= {name.casefold() for o in cluster.origins for name in (o.name, *o.aliases)}
    return names


def cluster_places(cluster: ClaimCluster) -> set[str]:
    """The places a cluster's claims are about, by canonical name and as written (case-folded)."""
    return {name.casefold() for m in cluster.mentions for p in m.claim.places for name in (p.name, p.mention)}


def timeline(corpus: Corpus, story: int, win: Window, where: TimelineFilter) -> tuple[list[ClaimCluster], int]:
    """One window of a story's clusters in timeline order and how many match.

    Unfiltered, the database cuts the window. ``Corpus`` has no filtered query, so a filtered timeline
    reads the story's clusters and filters them here (a story holds hundreds of clusters, not millions).
    """
    if not where.active:
        return corpus.clusters(story=story, limit=win.limit, offset=win.offset), corpus.count_clusters(story=story)
    matching = [c for c in corpus.clusters(story=story) if where.matches(c)]
    return matching[win.offset : win.offset + win.limit], len(matching)


def cards(corpus: Corpus, clusters: Sequence[ClaimCluster]) -> list[Card]:
    """Cards for ``clusters``, with the verdicts on all their claims read at once."""
    given = verdicts(corpus, [m.claim.id for c in clusters for m in c.mentions])
    return [_card(c, given) for c in clusters]


def event_time(cluster: ClaimCluster) -> str | None:
    """The earliest resolved event time of a cluster's reports, shown to its granularity ("2022-01-06"
    for a day, "2022-01-05 18:00 +06:00" for an hour or finer)."""
    times = sorted((t.start, t.granularity) for m in cluster.mentions
                   if (t := m.claim.time) and t.resolved and t.start and t.of == "event")  # fmt: skip
    if not times:
        return None
    start, granularity = times[0]
    return start[:10] if granularity in COARSE else when(start)


def _card(cluster: ClaimCluster, given: dict[str, Verdict]) -> Card:
    places = tuple(dict.fromkeys(p.name for m in cluster.mentions for p in m.claim.places))
    lines = _reports(cluster.mentions, given)
    return Card(cluster, event_time(cluster), places, lines[:MENTIONS_ON_CARD], max(0, len(lines) - MENTIONS_ON_CARD))


def _reports(mentions: Sequence[Mention], given: dict[str, Verdict]) -> tuple[Report, ...]:
    """Mentions grouped by (words, chain, factuality), in the order first seen."""
    groups: dict[tuple[str, str, str], list[Mention]] = {}
    for mention in mentions:
        chain = " ← ".join(link.name for link in mention.claim.chain)
        groups.setdefault((mention.claim.text, chain, mention.claim.factuality), []).append(mention)
    return tuple(
        Report(group[0], chain, tuple(m.article for m in group[1:]),
               tuple(given[m.claim.id] for m in group if m.claim.id in given))
        for (_, chain, _), group in groups.items()
    )  # fmt: skip
