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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np

from wiretrace.jsonable import to_jsonable
from wiretrace.records import UNKNOWN_OUTLET, Claim, ClaimCluster, Mention, Story, StorySignals
from wiretrace.store.claims import StoredClaim
from wiretrace.store.database import transaction, utcnow
from wiretrace.store.decoded import claim_from_text, claim_record, cluster_record, signals_from_text, story_record

_CHUNK = 500  # placeholders per query, well under SQLite's limit

__all__ = [
    "LinkedArticle",
    "LinkUpdate",
    "articles_to_link",
    "cluster_mentions",
    "cluster_of_claim",
    "cluster_origin_keys",
    "clusters_of_claims",
    "count_claim_matches",
    "count_clusters",
    "count_stories",
    "link_of",
    "linked_articles",
    "list_clusters",
    "list_stories",
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
    return signals_from_text(row[0]) if row and row[0] else None


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
                            signals_from_text(row[4]))  # fmt: skip


def save_link(conn: sqlite3.Connection, update: LinkUpdate, *, check: Callable[[], None] | None = None) -> None:
    """Store one article's link, its story and the clusters it touched, atomically. ``check`` runs first
    inside the write transaction, when no other connection can commit any more: it may raise to write
    nothing (the linker checks that the store is still the one it linked against)."""
    now = utcnow()
    story = update.story
    with transaction(conn):
        if check is not None:
            check()
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
    """Stories, the most recently updated first, with the articles of all of them read in one query.

    The window is cut on the ``stories_updated`` index (a deep page passes over index entries, not
    story records)."""
    rows = conn.execute(
        "SELECT id, record, updated_at FROM stories WHERE id IN"
        " (SELECT id FROM stories ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?)"
        " ORDER BY updated_at DESC, id DESC",
        (limit, offset),
    ).fetchall()
    articles: dict[int, list[int]] = {row["id"]: [] for row in rows}
    for first in range(0, len(rows), _CHUNK):
        chunk = [row["id"] for row in rows[first : first + _CHUNK]]
        for story, article in conn.execute(
            f"SELECT story_id, article_id FROM links WHERE story_id IN ({_marks(chunk)}) ORDER BY seq",  # noqa: S608
            chunk,
        ):
            articles[story].append(article)
    return [
        replace(story_record(row["record"]), articles=tuple(articles[row["id"]]), updated_at=row["updated_at"])
        for row in rows
    ]  # fmt: skip


def count_stories(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0])


def load_story(conn: sqlite3.Connection, story: int) -> Story | None:
    row = conn.execute("SELECT id, record, updated_at FROM stories WHERE id = ?", (story,)).fetchone()
    return _story(conn, row) if row else None


def _story(conn: sqlite3.Connection, row: sqlite3.Row) -> Story:
    articles = tuple(r[0] for r in conn.execute("SELECT article_id FROM links WHERE story_id = ? ORDER BY seq",
                                                (row["id"],)))  # fmt: skip
    story = story_record(row["record"])
    return replace(story, articles=articles, updated_at=row["updated_at"])


def list_clusters(
    conn: sqlite3.Connection, *, story: int, limit: int | None = None, offset: int = 0
) -> list[ClaimCluster]:
    """A story's claim clusters in timeline order: earliest event time first, unknown times last; the
    mentions of all of them are read in one query."""
    rows = conn.execute(
        "SELECT id, record FROM clusters WHERE story_id = ? ORDER BY time_start IS NULL, time_start, id"
        " LIMIT ? OFFSET ?",
        (story, -1 if limit is None else limit, offset),
    ).fetchall()
    mentions = _mentions_of_clusters(conn, [row["id"] for row in rows])
    return [_cluster(row, mentions[row["id"]]) for row in rows]


def count_clusters(conn: sqlite3.Connection, *, story: int) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM clusters WHERE story_id = ?", (story,)).fetchone()[0])


@dataclass(frozen=True, slots=True)
class StoryPlace:
    """A place the claims of a story name (as the extract stage resolved it) and how often: in how many
    of its claim clusters and in how many of its clustered claims."""

    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    parent: str | None
    clusters: int
    claims: int


def story_places(conn: sqlite3.Connection, story: int) -> list[StoryPlace]:
    """The places a story's clustered claims name, the most widely reported first. SQLite reads them
    out of the stored claim records (``json_each``), so no record is decoded in Python."""
    rows = conn.execute(
        "SELECT json_extract(p.value, '$.name') AS place_name, json_extract(p.value, '$.kind') AS place_kind,"
        " json_extract(p.value, '$.country'), json_extract(p.value, '$.lat'), json_extract(p.value, '$.lon'),"
        " json_extract(p.value, '$.parent'), COUNT(DISTINCT cc.cluster_id) AS place_clusters, COUNT(*)"
        " FROM clusters k JOIN cluster_claims cc ON cc.cluster_id = k.id JOIN claims c ON c.id = cc.claim_id,"
        " json_each(c.record, '$.places') p WHERE k.story_id = ? AND place_name IS NOT NULL"
        " GROUP BY place_name, place_kind ORDER BY place_clusters DESC, place_name",
        (story,),
    )
    return [StoryPlace(r[0], r[1] or "", r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows]


def load_cluster(conn: sqlite3.Connection, cluster: int) -> ClaimCluster | None:
    row = conn.execute("SELECT id, record FROM clusters WHERE id = ?", (cluster,)).fetchone()
    return _cluster(row, _mentions_of_clusters(conn, [cluster])[cluster]) if row else None


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


def _cluster(row: sqlite3.Row, mentions: list[Mention]) -> ClaimCluster:
    return replace(cluster_record(row["record"]), mentions=tuple(mentions))


def _mentions_of_clusters(conn: sqlite3.Connection, clusters: Sequence[int]) -> dict[int, list[Mention]]:
    """The mentions of each of ``clusters``, each in article then text order (``cluster_mentions`` of
    each, in one query per 500 clusters instead of one per cluster)."""
    found: dict[int, list[Mention]] = {cluster: [] for cluster in clusters}
    for first in range(0, len(clusters), _CHUNK):
        chunk = list(clusters[first : first + _CHUNK])
        rows = conn.execute(
            "SELECT c.record, c.article_id, a.outlet, a.published_at, l.repost_of, cc.cluster_id FROM cluster_claims cc"
            " JOIN claims c ON c.id = cc.claim_id JOIN articles a ON a.id = c.article_id"
            f" LEFT JOIN links l ON l.article_id = c.article_id WHERE cc.cluster_id IN ({_marks(chunk)})"  # noqa: S608
            " ORDER BY cc.cluster_id, c.article_id, c.idx",
            chunk,
        )
        for row in rows:
            found[row[5]].append(_mention(row, claim_record(row[0])))
    return found


def clusters_of_claims(conn: sqlite3.Connection, claim_ids: Sequence[str]) -> dict[str, int]:
    """The cluster of each of ``claim_ids`` that is clustered, by claim id (``cluster_of_claim`` for a page
    of claims at once)."""
    ids = list(dict.fromkeys(claim_ids))
    found: dict[str, int] = {}
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first : first + _CHUNK]
        rows = conn.execute(
            f"SELECT claim_id, cluster_id FROM cluster_claims WHERE claim_id IN ({_marks(chunk)})",  # noqa: S608
            chunk,
        )
        found.update({r[0]: r[1] for r in rows})
    return found


def _marks(values: Sequence[object]) -> str:
    """``?, ?, ...``: one placeholder per value (queries are built from these only, never from values)."""
    return ",".join("?" * len(values))


def cluster_mentions(conn: sqlite3.Connection, cluster: int) -> list[Mention]:
    """The mentions of a cluster in article then text order."""
    rows = conn.execute(
        "SELECT c.record, c.article_id, a.outlet, a.published_at, l.repost_of FROM cluster_claims cc"
        " JOIN claims c ON c.id = cc.claim_id JOIN articles a ON a.id = c.article_id"
        " LEFT JOIN links l ON l.article_id = c.article_id WHERE cc.cluster_id = ? ORDER BY c.article_id, c.idx",
        (cluster,),
    )
    return [_mention(row) for row in rows]


def _mention(row: sqlite3.Row, claim: Claim | None = None) -> Mention:
    """The mention a row of (claim record, article, outlet, published at, repost of) gives; ``claim`` is
    its record when the caller decoded it already."""
    claim = claim or claim_from_text(row[0])
    outlet = claim.chain[-1].name if claim.chain else (row[2] or UNKNOWN_OUTLET)
    return Mention(claim, row[1], outlet, row[3], row[4])


def story_claims(conn: sqlite3.Connection, story: int) -> list[tuple[StoredClaim, int | None]]:
    """The claims of a story's articles with the cluster of each (None if not clustered), in link order."""
    rows = conn.execute(
        "SELECT c.article_id, c.record, cc.cluster_id FROM links l JOIN claims c ON c.article_id = l.article_id"
        " LEFT JOIN cluster_claims cc ON cc.claim_id = c.id WHERE l.story_id = ? ORDER BY l.seq, c.idx",
        (story,),
    )
    return [(StoredClaim(r[0], claim_from_text(r[1])), r[2]) for r in rows]


def search_claims(
    conn: sqlite3.Connection, query: str, *, limit: int = 20, offset: int = 0, window: int | None = None
) -> list[StoredClaim]:
    """Claims whose text or speaker match an FTS5 query, best first (bm25); raises
    sqlite3.OperationalError on a malformed query.

    Hits are ranked on their row ids inside the index and only the returned ones are read. With
    ``window``, only the ``window`` most recently stored matches are ranked, so a word in a claim of
    every article costs ``window`` scores, not one per claim (``count_claim_matches`` counts them all).
    """
    rows = conn.execute(
        "WITH hits AS (SELECT rowid AS seq, bm25(claims_fts) AS score FROM claims_fts"
        "  WHERE claims_fts MATCH :q ORDER BY rowid DESC LIMIT :window),"
        " page AS (SELECT seq, score FROM hits ORDER BY score, seq DESC LIMIT :limit OFFSET :offset)"
        " SELECT c.article_id, c.record FROM page p JOIN claims c ON c.seq = p.seq ORDER BY p.score, p.seq DESC",
        {"q": query, "window": -1 if window is None else window, "limit": limit, "offset": offset},
    )
    return [StoredClaim(r[0], claim_record(r[1])) for r in rows]


def count_claim_matches(conn: sqlite3.Connection, query: str, *, cap: int | None = None) -> int:
    """How many claims match an FTS5 query, counting no further than ``cap`` (no ranking, no record read)."""
    row = conn.execute(
        "SELECT COUNT(*) FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?)",
        (query, -1 if cap is None else cap),
    ).fetchone()
    return int(row[0])
