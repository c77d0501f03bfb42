"""Pages of stories, claim clusters and claims as JSON text assembled by SQLite from the stored records,
for the JSON API.

Stories, clusters and claims are stored as JSON already (``to_jsonable`` of the record), so decoding
them into records only to encode them again is most of what a page of the API costs: a story's
timeline is hundreds of claims. Here SQLite's JSON functions put the stored texts together into the
very JSON ``to_jsonable`` gives of what ``list_stories``, ``list_clusters`` and ``list_claims`` read
(the same values; keys of a record stored before a field existed come last), without a record being
built in Python.

Fields a record stored before them lacks take their defaults, as ``from_jsonable`` gives them: the
defaults are read off the record classes (``json_insert`` adds a field only when it is missing).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from typing import Any

from wiretrace.jsonable import to_jsonable
from wiretrace.records import UNKNOWN_OUTLET, Claim, ClaimCluster, Story
from wiretrace.store.claims import ClaimKey, claims_where

__all__ = ["claims_json", "cluster_json", "clusters_json", "search_claims_json", "stories_json"]


def _defaults(cls: type) -> list[tuple[str, str]]:
    """``(JSON path, default as JSON text)`` of each field of ``cls`` that has a default."""
    found = []
    for field in dataclasses.fields(cls):
        if field.default is not dataclasses.MISSING:
            value: Any = field.default
        elif field.default_factory is not dataclasses.MISSING:
            value = field.default_factory()
        else:
            continue
        found.append((f"$.{field.name}", json.dumps(to_jsonable(value))))
    return found


def _filled(column: str, defaults: list[tuple[str, str]]) -> str:
    """SQL for the stored JSON ``column`` with each missing field of ``defaults`` added (placeholders)."""
    fills = "".join(f", '{path}', json(?)" for path, _ in defaults)
    return f"json_insert({column}{fills})"


def _array(item: str) -> str:
    """SQL for the JSON array of the ``item`` texts an aggregate query reads, in the order it reads them
    (every item is JSON made by SQLite's JSON functions, so the array needs no parsing)."""
    return f"'[' || COALESCE(group_concat({item}, ','), '') || ']'"


_CLAIM_DEFAULTS = _defaults(Claim)
_CLUSTER_DEFAULTS = [d for d in _defaults(ClaimCluster) if d[0] != "$.mentions"]
_MENTION = (
    f"json_object('claim', {_filled('c.record', _CLAIM_DEFAULTS)}, 'article', c.article_id,"
    " 'outlet', COALESCE(json_extract(c.record, '$.chain[#-1].name'), a.outlet, ?),"  # the chain's last link
    " 'published_at', a.published_at, 'repost_of', l.repost_of)"
)
# An aggregate reads its subquery in the subquery's order: SQLite never flattens a subquery with ORDER BY
# into an aggregate query, so mentions come in article then text order, as ``cluster_mentions`` gives them.
_MENTIONS = (
    f"(SELECT {_array('m.item')} FROM (SELECT {_MENTION} AS item FROM cluster_claims cc"
    " JOIN claims c ON c.id = cc.claim_id JOIN articles a ON a.id = c.article_id"
    " LEFT JOIN links l ON l.article_id = c.article_id WHERE cc.cluster_id = k.id ORDER BY c.article_id, c.idx) m)"
)
_CLUSTER = f"json_set({_filled('k.record', _CLUSTER_DEFAULTS)}, '$.mentions', json({_MENTIONS}))"
_PARAMS = (*(v for _, v in _CLUSTER_DEFAULTS), *(v for _, v in _CLAIM_DEFAULTS), UNKNOWN_OUTLET)


def clusters_json(conn: sqlite3.Connection, *, story: int, limit: int | None = None, offset: int = 0) -> str:
    """A story's claim clusters in timeline order as a JSON array: ``list_clusters`` through ``to_jsonable``."""
    row = conn.execute(
        f"SELECT {_array('item')} FROM (SELECT {_CLUSTER} AS item FROM clusters k"  # noqa: S608 (fixed text)
        " WHERE k.story_id = ? ORDER BY k.time_start IS NULL, k.time_start, k.id LIMIT ? OFFSET ?)",
        (*_PARAMS, story, -1 if limit is None else limit, offset),
    ).fetchone()
    return str(row[0])


def cluster_json(conn: sqlite3.Connection, cluster: int) -> str | None:
    """One claim cluster as a JSON object (``load_cluster`` through ``to_jsonable``), None when there is none."""
    row = conn.execute(f"SELECT {_CLUSTER} FROM clusters k WHERE k.id = ?", (*_PARAMS, cluster)).fetchone()  # noqa: S608
    return None if row is None else str(row[0])


_STORY_DEFAULTS = [d for d in _defaults(Story) if d[0] not in {"$.articles", "$.updated_at"}]
_STORY = (
    f"json_set({_filled('s.record', _STORY_DEFAULTS)}, '$.articles', json((SELECT json_group_array(l.article_id)"
    " FROM (SELECT article_id FROM links WHERE story_id = s.id ORDER BY seq) l)), '$.updated_at', s.updated_at)"
)


def stories_json(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0) -> str:
    """Stories, the most recently updated first, as a JSON array: ``list_stories`` through ``to_jsonable``."""
    row = conn.execute(
        f"SELECT {_array('item')} FROM (SELECT {_STORY} AS item FROM stories s WHERE s.id IN"  # noqa: S608
        " (SELECT id FROM stories ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?)"
        " ORDER BY s.updated_at DESC, s.id DESC)",
        (*(v for _, v in _STORY_DEFAULTS), limit, offset),
    ).fetchone()
    return str(row[0])


_VERDICT = ("CASE WHEN v.claim_id IS NULL THEN NULL ELSE"
            " json_object('claim_id', v.claim_id, 'verdict', v.verdict, 'note', v.note, 'at', v.at) END")
_CLAIM_ITEM = (f"json_object('article', c.article_id, 'claim', {_filled('c.record', _CLAIM_DEFAULTS)},"
               f" 'cluster', cc.cluster_id, 'verdict', json({_VERDICT}))")


def claims_json(
    conn: sqlite3.Connection, *, article: int | None = None, limit: int = 50, offset: int = 0,
    start: ClaimKey | None = None,
) -> str:
    """Claims in article then text order (of one article when ``article`` is given; ``offset`` counted
    from the claim at ``start`` when given), each with its article's row id, its cluster and the
    analyst's verdict, as a JSON array of ``{"article", "claim", "cluster", "verdict"}`` (``list_claims``
    with ``clusters_of_claims`` and ``verdicts_of``)."""
    where, params = claims_where(article, start)
    row = conn.execute(
        f"SELECT {_array('item')} FROM (SELECT {_CLAIM_ITEM} AS item FROM claims c"  # noqa: S608
        " LEFT JOIN cluster_claims cc ON cc.claim_id = c.id LEFT JOIN verdicts v ON v.claim_id = c.id"
        f" WHERE c.seq IN (SELECT seq FROM claims {where} ORDER BY article_id, idx LIMIT ? OFFSET ?)"
        " ORDER BY c.article_id, c.idx)",
        (*(v for _, v in _CLAIM_DEFAULTS), *params, limit, offset),
    ).fetchone()
    return str(row[0])


def search_claims_json(
    conn: sqlite3.Connection, query: str, *, limit: int = 20, offset: int = 0, window: int | None = None
) -> str:
    """``search_claims`` as ``claims_json`` gives claims: best first (bm25, among the ``window`` most
    recently stored matches when given), each with its article's row id, cluster and verdict. Raises
    ``sqlite3.OperationalError`` on a malformed FTS5 query."""
    row = conn.execute(
        "WITH hits AS (SELECT rowid AS seq, bm25(claims_fts) AS score FROM claims_fts"
        "  WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ?),"
        " page AS (SELECT seq, score FROM hits ORDER BY score, seq DESC LIMIT ? OFFSET ?)"
        f" SELECT {_array('item')} FROM (SELECT {_CLAIM_ITEM} AS item FROM page p JOIN claims c ON c.seq = p.seq"  # noqa: S608
        " LEFT JOIN cluster_claims cc ON cc.claim_id = c.id LEFT JOIN verdicts v ON v.claim_id = c.id"
        " ORDER BY p.score, p.seq DESC)",
        (query, -1 if window is None else window, limit, offset, *(v for _, v in _CLAIM_DEFAULTS)),
    ).fetchone()
    return str(row[0])
