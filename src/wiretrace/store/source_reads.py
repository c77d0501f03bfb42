"""What the web's index of sources reads: each claim cluster's origins and each report's chain of
sources, for whole stories at once, without decoding the whole records.

The index covers every cluster of the database, so decoding each claim in full (its times, places,
entities, proposition) only to read its chain would cost seconds on a large database. Here SQLite
extracts the few fields the index reads from the stored JSON; a chain or origin list seen before (the
same few agencies pass on most reports) is decoded once.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from wiretrace.jsonable import from_jsonable
from wiretrace.records import ChainLink, Origin

__all__ = ["SourceCluster", "SourceMention", "link_state", "source_clusters", "story_versions"]

_CHUNK = 200  # stories per query


@dataclass(frozen=True, slots=True)
class SourceMention:
    """One report of a cluster as the source index reads it."""

    article: int
    claim: str  # the claim id
    text: str
    chain: tuple[ChainLink, ...]
    names: tuple[str, ...]  # the chain's names, speaker first
    repost_of: int | None


@dataclass(frozen=True, slots=True)
class SourceCluster:
    """One claim cluster as the source index reads it (its reports in article then text order)."""

    id: int
    story: int
    label: str
    status: str
    independence: int
    origins: tuple[Origin, ...]
    mentions: tuple[SourceMention, ...]


def link_state(conn: sqlite3.Connection) -> tuple[int, str | None, int, int | None]:
    """What changes whenever the link stage writes: stories (how many, the latest update) and links (how
    many, the last one); linking an article always adds a link and updates its story."""
    row = conn.execute(  # one subquery each, so each is an index look-up or count, not a scan of rows
        "SELECT (SELECT COUNT(*) FROM stories), (SELECT MAX(updated_at) FROM stories),"
        " (SELECT COUNT(*) FROM links), (SELECT MAX(seq) FROM links)"
    ).fetchone()
    return int(row[0]), row[1], int(row[2]), row[3]


def story_versions(conn: sqlite3.Connection) -> list[tuple[int, tuple[str, int]]]:
    """Every story, the most recently updated first (as ``list_stories`` orders them), with what tells
    one state of it from another: its last update and how many articles are linked to it (each link
    adds one, so two updates within the same second still differ)."""
    rows = conn.execute(
        "SELECT s.id, s.updated_at, (SELECT COUNT(*) FROM links l WHERE l.story_id = s.id) FROM stories s"
        " ORDER BY s.updated_at DESC, s.id DESC"
    )
    return [(r[0], (r[1], r[2])) for r in rows]


def source_clusters(conn: sqlite3.Connection, stories: Sequence[int]) -> dict[int, list[SourceCluster]]:
    """The clusters of each of ``stories`` in timeline order (as ``list_clusters`` orders them), by story."""
    found: dict[int, list[SourceCluster]] = {story: [] for story in stories}
    for first in range(0, len(stories), _CHUNK):
        chunk = list(stories[first : first + _CHUNK])
        marks = ",".join("?" * len(chunk))
        mentions: dict[int, list[SourceMention]] = {}
        for row in conn.execute(
            "SELECT cc.cluster_id, c.article_id, c.id, c.text, json_extract(c.record, '$.chain'), l.repost_of"
            " FROM clusters k JOIN cluster_claims cc ON cc.cluster_id = k.id JOIN claims c ON c.id = cc.claim_id"
            f" LEFT JOIN links l ON l.article_id = c.article_id WHERE k.story_id IN ({marks})"  # noqa: S608 (placeholders)
            " ORDER BY cc.cluster_id, c.article_id, c.idx",
            chunk,
        ):
            chain, names = _chain(row[4])
            mentions.setdefault(row[0], []).append(SourceMention(row[1], row[2], row[3], chain, names, row[5]))
        for row in conn.execute(
            "SELECT id, story_id, label, status, independence, json_extract(record, '$.origins') FROM clusters"
            f" WHERE story_id IN ({marks}) ORDER BY time_start IS NULL, time_start, id",  # noqa: S608 (placeholders)
            chunk,
        ):
            found[row[1]].append(SourceCluster(row[0], row[1], row[2], row[3], row[4], _origins(row[5]),
                                               tuple(mentions.get(row[0], ()))))  # fmt: skip
    return found


@functools.lru_cache(maxsize=4096)
def _chain(text: str | None) -> tuple[tuple[ChainLink, ...], tuple[str, ...]]:
    chain = tuple(ChainLink(**link) for link in json.loads(text)) if text else ()
    return chain, tuple(link.name for link in chain)


@functools.lru_cache(maxsize=4096)
def _origins(text: str | None) -> tuple[Origin, ...]:
    return tuple(from_jsonable(Origin, origin) for origin in json.loads(text)) if text else ()
