"""The plain-text pieces of a story report, shared by the terminal and the Markdown renderings: status
labels, times, claim references, relay trees, conflict lines.

Everything here is a function of the link stage's records (``Story``, ``ClaimCluster``), so both renderings
say the same thing and can be tested on records built by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wiretrace.records import Claim, ClaimCluster, ClaimTime, Conflict, Story

STATUS_LABELS = {
    "asserted": "asserted", "hedged": "hedged", "not-confirmed": "not confirmed", "denied": "denied",
    "confirmed": "confirmed", "negated": "negated", "opinion": "opinion",
}  # fmt: skip
"""A factuality label as a person reads it."""

_DATE_ONLY = {"day": 10, "week": 10, "month": 7, "year": 4}  # characters of the ISO time worth showing


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def claim_ref(article: int, claim_id: str) -> str:
    """A claim as ``article:n`` (the article's row id, the claim's number in it), as ``wiretrace claims``
    shows it."""
    return f"{article}:{claim_id.rsplit('#', 1)[-1]}"


def earliest_event_time(claims: Iterable[Claim]) -> ClaimTime | None:
    """The earliest resolved event time among the claims (None when none is resolved)."""
    times = [c.time for c in claims if c.time and c.time.resolved and c.time.start and c.time.of == "event"]
    return min(times, key=lambda t: t.start or "", default=None)


def time_label(time: ClaimTime | None) -> str:
    """A resolved time as short text: the date for a day, the minute for a part of a day, "from …" for
    an open interval; "time unknown" without one."""
    if time is None or not time.start:
        return "time unknown"
    width = _DATE_ONLY.get(time.granularity or "", 16)
    start = time.start[:width].replace("T", " ")
    if time.end is None:
        return f"from {start}"
    end = time.end[:width].replace("T", " ")
    if width <= 10 or end == start:
        return start
    return f"{start}–{end[11:]}" if end[:10] == start[:10] else f"{start} – {end}"


def story_span(story: Story) -> str:
    if story.start and story.end and story.start != story.end:
        return f"{story.start} – {story.end}"
    return story.start or story.end or "time unknown"


def story_counts(story: Story) -> str:
    return (f"{len(story.articles)} articles · {story.sources} primary sources · {story.claims} claims · "
            f"{story.clusters} claim clusters")  # fmt: skip


@dataclass
class RelayNode:
    """A node of a relay tree: a source or relay name, the claims that end here, and the next links."""

    name: str
    claims: list[str] = field(default_factory=list)
    children: dict[str, RelayNode] = field(default_factory=dict)


def relay_tree(cluster: ClaimCluster) -> list[RelayNode]:
    """The cluster's relay paths as trees, one per origin: origin ← relay ← … ← outlet, shared prefixes
    merged, each leaf carrying the references of the claims that took that path."""
    mentions = {m.claim.id: m for m in cluster.mentions}
    roots: dict[str, RelayNode] = {}
    for path in cluster.relays:
        mention = mentions.get(path.claim)
        names = [path.origin, *path.via]
        if mention is not None and not names[-1].startswith(mention.outlet):
            names.append(mention.outlet)
        node = roots.setdefault(names[0], RelayNode(names[0]))
        for name in names[1:]:
            node = node.children.setdefault(name, RelayNode(name))
        node.claims.append(claim_ref(mention.article, path.claim) if mention else path.claim)
    return list(roots.values())


def mention_ref(cluster: ClaimCluster, claim_id: str) -> str:
    """``article:n`` of a claim of the cluster (the bare id when the cluster does not carry it)."""
    mention = next((m for m in cluster.mentions if m.claim.id == claim_id), None)
    return claim_ref(mention.article, claim_id) if mention else claim_id


def claim_text(cluster: ClaimCluster, claim_id: str) -> str:
    mention = next((m for m in cluster.mentions if m.claim.id == claim_id), None)
    return mention.claim.text if mention else claim_id


def conflict_sides(cluster: ClaimCluster, conflict: Conflict) -> tuple[str, str]:
    """Both sides of a conflict as "source (ref): “claim text”"."""

    def side(source: str, claim: str) -> str:
        return f"{source} ({mention_ref(cluster, claim)}): “{claim_text(cluster, claim)}”"

    return side(conflict.first_source, conflict.first), side(conflict.second_source, conflict.second)


def origins_text(cluster: ClaimCluster) -> str:
    names = [o.name for o in cluster.origins]
    return ", ".join(names) if names else "no named source"


def articles_of(cluster: ClaimCluster) -> Sequence[int]:
    return list(dict.fromkeys(m.article for m in cluster.mentions))
