"""Records built by hand for the views' tests: claims with a proposition, and clusters and stories of them."""

from __future__ import annotations

from wiretrace.records import (
    ChainLink, Claim, ClaimCluster, ClaimPlace, ClaimQuantity, ClaimTime, Conflict, Framing, Mention, Origin,
    Proposition, RelayPath, StatusEntry, Story,
)  # fmt: skip

CITY = ClaimPlace("Valletta", "city", "MT", 35.9, 14.51, "Valletta", parent="Malta")
SQUARE = ClaimPlace("Freedom Square", "facility", "MT", None, None, "Freedom Square", parent="Valletta")
REGION = ClaimPlace("South Eastern Region", "region", "MT", None, None, "South Eastern region", parent="Malta")
OTHER_CITY = ClaimPlace("Mdina", "city", "MT", 35.89, 14.4, "Mdina", parent="Malta")


def claim(
    text: str,
    predicate: str,
    subject: str | None = None,
    obj: str | None = None,
    *arguments: str,
    number: int = 1,
    killed: tuple[float | None, float | None] | None = None,
    time: ClaimTime | None = None,
    places: tuple[ClaimPlace, ...] = (),
    speaker: str = "Ministry of Interior",
    outlet: str = "Daily Courier",
    factuality: str = "asserted",
    negated: bool = False,
) -> Claim:
    """A claim of article "doc" numbered ``number``, said by ``speaker`` and carried by ``outlet``."""
    quantities = () if killed is None else (ClaimQuantity("killed", killed[0], killed[1], "people", True, "dozens"),)
    chain = (ChainLink(speaker, None, "official"), ChainLink(outlet, None, "media"))
    return Claim(f"doc#{number}", "doc" * 10, 0, len(text), text, "indirect", speaker, chain, factuality,
                 time=time, quantities=quantities, places=places,
                 proposition=Proposition(predicate, subject, obj, tuple(arguments), negated))  # fmt: skip


def day(iso: str, granularity: str = "day", end: str | None = None) -> ClaimTime:
    return ClaimTime(iso, end, granularity, iso, True)


def cluster(*claims: Claim, label: str | None = None, status: str = "asserted", cluster_id: int = 1,
            conflicts: tuple[Conflict, ...] = (), published: str | None = None) -> ClaimCluster:
    """A cluster of the claims, one article each (row ids 1, 2, …), one origin per distinct speaker."""
    mentions = tuple(Mention(c, i, c.chain[-1].name, published) for i, c in enumerate(claims, 1))
    speakers = list(dict.fromkeys(c.speaker for c in claims))
    origins = tuple(Origin(s.lower(), s, "official") for s in speakers)
    relays = tuple(RelayPath(c.speaker, (), c.id) for c in claims)
    history = tuple(StatusEntry(None, c.factuality, c.speaker, c.id) for c in claims)
    framing = tuple(Framing(s, ("protesters",), ("dispersed",)) for s in speakers)
    return ClaimCluster(cluster_id, 1, label or claims[0].text, mentions, origins, len(origins), relays, status,
                        history, conflicts, framing)  # fmt: skip


def story(clusters: int = 1, title: str = "Unrest in the capital") -> Story:
    return Story(1, title, "2024-03-01", "2024-03-02", ("Valletta", "Malta"), ("Ministry of Interior",), (1, 2),
                 sources=2, claims=4, clusters=clusters)  # fmt: skip
