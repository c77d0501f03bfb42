"""Writing and reading what the link stage finds: stories, links (article → story, repost of) and claim clusters.

A story and a claim cluster are stored as their records (JSON) beside the columns lists sort and filter
by. A cluster's mentions are not copied into its record: they are the claims ``cluster_claims`` assigns
to it, read back with their article's outlet, publication time and repost link, so a claim is stored
once. ``links.seq`` keeps the order articles were linked in: a later run replays it to rebuild the link
stage's in-memory indexes without scoring anything again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np

from wiretrace.jsonable import from_jsonable, to_jsonable
from wiretrace.records import UNKNOWN_OUTLET, ClaimCluster, Mention, Story, StorySignals
from wiretrace.store.claims import StoredClaim, claim_from_json
from wiretrace.store.database import transaction, utcnow

__all__ = [
    "LinkedArticle",
    "LinkUpdate",
    "articles_to_link",
    "cluster_mentions",
    "cluster_of_claim",
    "cluster_origin_keys",
    "count_clusters",
    "count_stories",
    "link_of",
    "linked_articles",
    "list_clusters",
    "list_stories",
    "mentions_of_articles",
    "load_cluster",
    "load_story",
    "save_link",
    "search_claims",
    "story_claims",
    "story_signals",
]


@dataclass(frozen=True, slots=True)
class LinkedArticle:
    """An article as the link stage left it: its story, the article it reposts, its MinHash signature
    and its story signals (what a restarted link stage needs, in link order)."""

    article: int
    story: int
    repost_of: int | None
    minhash: np.ndarray
    signals: StorySignals


@dataclass(frozen=True, slots=True)
class LinkUpdate:
    """Everything linking one article changes, written in one transaction: the article's link, its
    story (new or updated), the clusters it touched and the cluster of each of its claims."""

    article: int
    story: Story
    repost_of: int | None
    minhash: np.ndarray
    clusters: tuple[ClaimCluster, ...]
    assignments: tuple[tuple[str, int], ...]  # (claim id, cluster id)


def story_signals(conn: sqlite3.Connection, article: int) -> StorySignals | None:
    """The story signals stored with an article's extraction, or None (not extracted, or before schema 3)."""
    row = conn.execute("SELECT signals FROM extractions WHERE article_id = ?", (article,)).fetchone()
    return from_jsonable(StorySignals, json.loads(row[0])) if row and row[0] else None


def articles_to_link(conn: sqlite3.Connection) -> list[int]:
    """Articles extracted (with story signals) but not linked yet, in id order (the order they arrived)."""
    rows = conn.execute(
        "SELECT e.article_id FROM extractions e LEFT JOIN links l ON l.article_id = e.article_id"
        " WHERE e.signals IS NOT NULL AND l.article_id IS NULL ORDER BY e.article_id"
    )
    return [r[0] for r in rows]


def linked_articles(conn: sqlite3.Connection) -> Iterator[LinkedArticle]:
    """Every linked article in the order it was linked."""
    rows = conn.execute(
        "SELECT l.article_id, l.story_id, l.repost_of, l.minhash, e.signals FROM links l"
        " JOIN extractions e ON e.article_id = l.article_id ORDER BY l.seq"
    )
    for row in rows:
        yield LinkedArticle(row[0], row[1], row[2], np.frombuffer(row[3], dtype="<u8").copy(),
                            from_jsonable(StorySignals, json.loads(row[4])))  # fmt: skip


def save_link(conn: sqlite3.Connection, update: LinkUpdate) -> None:
    """Store one article's link, its story and the clusters it touched, atomically."""
    now = utcnow()
    story = update.story
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO stories(id, title, start, end, articles, sources, claims, clusters, updated_at,"
            " record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (story.id, story.title, story.start, story.end, len(story.articles), story.sources, story.claims,
             story.clusters, now, json.dumps(to_jsonable(replace(story, articles=())), ensure_ascii=False)),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO links(article_id, story_id, repost_of, minhash, at) VALUES (?, ?, ?, ?, ?)",
            (update.article, story.id, update.repost_of, update.minhash.astype("<u8").tobytes(), now),
        )
        for cluster in update.clusters:
            conn.execute(
                "INSERT OR REPLACE INTO clusters(id, story_id, label, status, independence, mentions, time_start,"
                " updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cluster.id, cluster.story, cluster.label, cluster.status, cluster.independence,
                 len(cluster.mentions), _time_start(cluster), now,
                 json.dumps(to_jsonable(replace(cluster, mentions=())), ensure_ascii=False)),
            )  # fmt: skip
        conn.executemany("INSERT OR REPLACE INTO cluster_claims(claim_id, cluster_id) VALUES (?, ?)",
                         update.assignments)


def _time_start(cluster: ClaimCluster) -> str | None:
    starts = [m.claim.time.start for m in cluster.mentions if m.claim.time and m.claim.time.start]
    return min(starts) if starts else None


# ---- reading ---------------------------------------------------------------------------------------


def list_stories(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0) -> list[Story]:
    """Stories, the most recently updated first."""
    rows = conn.execute(
        "SELECT id, record, updated_at FROM stories ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return [_story(conn, row) for row in rows]


def count_stories(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0])


def load_story(conn: sqlite3.Connection, story: int) -> Story | None:
    row = conn.execute("SELECT id, record, updated_at FROM stories WHERE id = ?", (story,)).fetchone()
    return _story(conn, row) if row else None


def _story(conn: sqlite3.Connection, row: sqlite3.Row) -> Story:
    articles = tuple(r[0] for r in conn.execute("SELECT article_id FROM links WHERE story_id = ? ORDER BY seq",
                                                (row["id"],)))  # fmt: skip
    story = from_jsonable(Story, json.loads(row["record"]))
    return replace(story, articles=articles, updated_at=row["updated_at"])


def list_clusters(
    conn: sqlite3.Connection, *, story: int, limit: int | None = None, offset: int = 0
) -> list[ClaimCluster]:
    """A story's claim clusters in timeline order: earliest event time first, unknown times last."""
    rows = conn.execute(
        "SELECT id, record FROM clusters WHERE story_id = ? ORDER BY time_start IS NULL, time_start, id"
        " LIMIT ? OFFSET ?",
        (story, -1 if limit is None else limit, offset),
    ).fetchall()
    return [_cluster(conn, row) for row in rows]


def count_clusters(conn: sqlite3.Connection, *, story: int) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM clusters WHERE story_id = ?", (story,)).fetchone()[0])


def load_cluster(conn: sqlite3.Connection, cluster: int) -> ClaimCluster | None:
    row = conn.execute("SELECT id, record FROM clusters WHERE id = ?", (cluster,)).fetchone()
    return _cluster(conn, row) if row else None


def cluster_origin_keys(conn: sqlite3.Connection, story: int) -> dict[int, set[str]]:
    """The keys of the counted origins of each of a story's clusters (its distinct sources)."""
    rows = conn.execute("SELECT id, record FROM clusters WHERE story_id = ?", (story,))
    return {row[0]: {origin["key"] for origin in json.loads(row[1])["origins"]} for row in rows}


def cluster_of_claim(conn: sqlite3.Connection, claim_id: str) -> int | None:
    row = conn.execute("SELECT cluster_id FROM cluster_claims WHERE claim_id = ?", (claim_id,)).fetchone()
    return row[0] if row else None


def link_of(conn: sqlite3.Connection, article: int) -> tuple[int, int | None] | None:
    """``(story id, id of the article it reposts or None)``, or None when the article is not linked."""
    row = conn.execute("SELECT story_id, repost_of FROM links WHERE article_id = ?", (article,)).fetchone()
    return (row[0], row[1]) if row else None


def _cluster(conn: sqlite3.Connection, row: sqlite3.Row) -> ClaimCluster:
    cluster = from_jsonable(ClaimCluster, json.loads(row["record"]))
    return replace(cluster, mentions=tuple(cluster_mentions(conn, row["id"])))


def cluster_mentions(conn: sqlite3.Connection, cluster: int) -> list[Mention]:
    """The mentions of a cluster in article then text order."""
    rows = conn.execute(
        "SELECT c.record, c.article_id, a.outlet, a.published_at, l.repost_of FROM cluster_claims cc"
        " JOIN claims c ON c.id = cc.claim_id JOIN articles a ON a.id = c.article_id"
        " LEFT JOIN links l ON l.article_id = c.article_id WHERE cc.cluster_id = ? ORDER BY c.article_id, c.idx",
        (cluster,),
    )
    return [_mention(row) for row in rows]


def _mention(row: sqlite3.Row) -> Mention:
    claim = claim_from_json(json.loads(row[0]))
    outlet = claim.chain[-1].name if claim.chain else (row[2] or UNKNOWN_OUTLET)
    return Mention(claim, row[1], outlet, row[3], row[4])


def story_claims(conn: sqlite3.Connection, story: int) -> list[tuple[StoredClaim, int | None]]:
    """The claims of a story's articles with the cluster of each (None if not clustered), in link order."""
    rows = conn.execute(
        "SELECT c.article_id, c.record, cc.cluster_id FROM links l JOIN claims c ON c.article_id = l.article_id"
        " LEFT JOIN cluster_claims cc ON cc.claim_id = c.id WHERE l.story_id = ? ORDER BY l.seq, c.idx",
        (story,),
    )
    return [(StoredClaim(r[0], claim_from_json(json.loads(r[1]))), r[2]) for r in rows]


def search_claims(conn: sqlite3.Connection, query: str, *, limit: int = 20, offset: int = 0) -> list[StoredClaim]:
    """Claims whose text or speaker match an FTS5 query, best first (raises sqlite3.OperationalError on
    a malformed query)."""
    rows = conn.execute(
        "SELECT c.article_id, c.record FROM claims_fts f JOIN claims c ON c.seq = f.rowid"
        " WHERE claims_fts MATCH ? ORDER BY f.rank LIMIT ? OFFSET ?",
        (query, limit, offset),
    )
    return [StoredClaim(r[0], claim_from_json(json.loads(r[1]))) for r in rows]


def mentions_of_articles(conn: sqlite3.Connection, articles: Sequence[int]) -> list[Mention]:
    """Every claim of the given articles as a mention (what provenance resolves names over)."""
    found: list[Mention] = []
    for first in range(0, len(articles), 500):
        chunk = list(articles[first : first + 500])
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT c.record, c.article_id, a.outlet, a.published_at, l.repost_of FROM claims c"
            " JOIN articles a ON a.id = c.article_id LEFT JOIN links l ON l.article_id = c.article_id"
            f" WHERE c.article_id IN ({marks}) ORDER BY c.article_id, c.idx",  # noqa: S608 (placeholders only)
            chunk,
        )
        found += [_mention(row) for row in rows]
    return found
