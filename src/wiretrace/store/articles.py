"""Writing and reading documents, articles, segments and comments.

A document and its article are written in one transaction, so a crash leaves either both or neither.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from wiretrace.records import Article, Comment, Document, Extraction, Segment, SegmentKind, Skipped
from wiretrace.store.claims import insert_extraction
from wiretrace.store.database import count_in_run, insert_error, transaction
from wiretrace.store.schema import word_count

_CHUNK = 500  # placeholders per query, well under SQLite's limit


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored: its row id, the article record and every location its bytes were seen at."""

    id: int
    article: Article
    locations: tuple[str, ...]
    media_type: str


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of the article list."""

    id: int
    title: str | None
    outlet: str | None
    host: str | None
    is_repost: bool
    published_at: str | None
    language: str | None
    words: int
    comments: int
    location: str


def has_article(conn: sqlite3.Connection, document_id: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE document_id = ?", (document_id,)).fetchone() is not None


def add_location(conn: sqlite3.Connection, run_id: int, document_id: str, location: str) -> None:
    """Note that already-stored bytes were seen again at ``location`` (a re-run, a copy elsewhere)."""
    with transaction(conn):
        conn.execute(
            "INSERT OR IGNORE INTO locations(document_id, location, run_id) VALUES (?, ?, ?)",
            (document_id, location, run_id),
        )
        count_in_run(conn, run_id, "unchanged")


def save_article(
    conn: sqlite3.Connection,
    run_id: int,
    document: Document,
    article: Article,
    extraction: Extraction | None = None,
    *,
    warning: Skipped | None = None,
) -> int:
    """Store a document, its cleaned article, (when given) its claims and a warning about them (an
    ``errors`` row that does not count as skipped) atomically; returns the article id."""
    with transaction(conn):
        conn.execute(
            "INSERT OR IGNORE INTO documents(id, media_type, encoding, size, fetched_at, raw, run_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (document.id, document.media_type, document.encoding, len(document.raw),
             document.fetched_at.isoformat(), document.raw, run_id),
        )
        conn.execute(
            "INSERT OR IGNORE INTO locations(document_id, location, run_id) VALUES (?, ?, ?)",
            (document.id, document.location, run_id),
        )
        article_id = _insert_article(conn, run_id, article)
        if extraction is not None:
            insert_extraction(conn, article_id, extraction)
        if warning is not None:
            insert_error(conn, run_id, warning)
        count_in_run(conn, run_id, "stored")
    return article_id


def _insert_article(conn: sqlite3.Connection, run_id: int, article: Article) -> int:
    cursor = conn.execute(
        "INSERT INTO articles(document_id, title, text, outlet, host, is_repost, url, published_at,"
        " published_at_inferred, language, boilerplate, run_id, word_count, comment_count)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article.document_id, article.title, article.text, article.outlet, article.host, int(article.is_repost),
         article.url, article.published_at.isoformat() if article.published_at else None,
         int(article.published_at_inferred), article.language, json.dumps(list(article.boilerplate)), run_id,
         word_count(article.text), len(article.comments)),
    )
    article_id = int(cursor.lastrowid)
    conn.executemany(
        "INSERT INTO segments(article_id, idx, kind, start, end, credit) VALUES (?, ?, ?, ?, ?, ?)",
        [(article_id, i, s.kind.value, s.start, s.end, s.credit) for i, s in enumerate(article.segments)],
    )
    conn.executemany(
        "INSERT INTO comments(article_id, idx, text, author, posted, likes, reply_to) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article_id, i, c.text, c.author, c.posted, c.likes, c.reply_to) for i, c in enumerate(article.comments)],
    )
    return article_id


def list_articles(conn: sqlite3.Connection, *, limit: int = 100, offset: int = 0) -> list[ArticleSummary]:
    """Articles in the order they were stored, with counts a reader scans for.

    The window is cut on the narrow ``articles_order`` index, so a deep page passes over index entries,
    not the wide rows (texts) before it; the counts are the ones stored with each article, counted here
    only for rows stored before those columns existed.
    """
    counts = _STORED_COUNTS if _has_stored_counts(conn) else _COUNTED_NOW
    rows = conn.execute(
        f"SELECT a.id, a.title, a.outlet, a.host, a.is_repost, a.published_at, a.language, {counts},"  # noqa: S608 (fixed text)
        " (SELECT MIN(location) FROM locations l WHERE l.document_id = a.document_id) AS location"
        " FROM articles a WHERE a.id IN (SELECT id FROM articles ORDER BY id LIMIT ? OFFSET ?) ORDER BY a.id",
        (limit, offset),
    )
    return [
        ArticleSummary(r["id"], r["title"], r["outlet"], r["host"], bool(r["is_repost"]), r["published_at"],
                       r["language"], word_count(r["text"]) if r["words"] is None else r["words"], r["n_comments"],
                       r["location"])
        for r in rows
    ]


_COMMENTS_NOW = "(SELECT COUNT(*) FROM comments c WHERE c.article_id = a.id)"
_STORED_COUNTS = (
    f"a.word_count AS words, CASE WHEN a.word_count IS NULL THEN a.text END AS text,"
    f" COALESCE(a.comment_count, {_COMMENTS_NOW}) AS n_comments"
)
_COUNTED_NOW = f"NULL AS words, a.text AS text, {_COMMENTS_NOW} AS n_comments"


def _has_stored_counts(conn: sqlite3.Connection) -> bool:
    """Whether the database has the stored article counts (a read-only handle on a database no newer
    wiretrace has written to has not: it is read as it is, never upgraded)."""
    return "word_count" in {r[1] for r in conn.execute("PRAGMA table_info(articles)")}


def count_articles(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def load_article(conn: sqlite3.Connection, article_id: int) -> StoredArticle | None:
    """One article with its segments, comments and locations, or None when there is no such id."""
    return load_articles(conn, [article_id]).get(article_id)


def load_articles(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, StoredArticle]:
    """``load_article`` of each of ``ids`` that exists, by id: four queries per 500 articles, not four per
    article (a claim cluster's page shows the paragraph of each of its reports)."""
    found: dict[int, StoredArticle] = {}
    unique = list(dict.fromkeys(ids))
    for first in range(0, len(unique), _CHUNK):
        found.update(_load_chunk(conn, unique[first : first + _CHUNK]))
    return found


def _load_chunk(conn: sqlite3.Connection, ids: list[int]) -> dict[int, StoredArticle]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT a.*, d.media_type FROM articles a JOIN documents d ON d.id = a.document_id"
        f" WHERE a.id IN ({marks})",  # noqa: S608 (placeholders)
        ids,
    ).fetchall()
    segments: dict[int, list[Segment]] = {row["id"]: [] for row in rows}
    for s in conn.execute(f"SELECT * FROM segments WHERE article_id IN ({marks}) ORDER BY article_id, idx", ids):  # noqa: S608
        segments[s["article_id"]].append(Segment(SegmentKind(s["kind"]), s["start"], s["end"], s["credit"]))
    comments: dict[int, list[Comment]] = {row["id"]: [] for row in rows}
    for c in conn.execute(f"SELECT * FROM comments WHERE article_id IN ({marks}) ORDER BY article_id, idx", ids):  # noqa: S608
        comments[c["article_id"]].append(Comment(c["text"], c["author"], c["posted"], c["likes"], c["reply_to"]))
    documents = [row["document_id"] for row in rows]
    locations: dict[str, list[str]] = {document: [] for document in documents}
    for r in conn.execute(
        f"SELECT document_id, location FROM locations WHERE document_id IN ({','.join('?' * len(documents))})"  # noqa: S608
        " ORDER BY document_id, location",
        documents,
    ):
        locations[r[0]].append(r[1])
    return {row["id"]: _stored(row, segments[row["id"]], comments[row["id"]], locations[row["document_id"]])
            for row in rows}  # fmt: skip


def _stored(row: sqlite3.Row, segments: list[Segment], comments: list[Comment], locations: list[str]) -> StoredArticle:
    article = Article(
        document_id=row["document_id"], text=row["text"], segments=tuple(segments), comments=tuple(comments),
        outlet=row["outlet"], host=row["host"], is_repost=bool(row["is_repost"]), url=row["url"],
        published_at=datetime.fromisoformat(row["published_at"]) if row["published_at"] else None,
        published_at_inferred=bool(row["published_at_inferred"]), language=row["language"],
        boilerplate=tuple(json.loads(row["boilerplate"])),
    )
    return StoredArticle(row["id"], article, tuple(locations), row["media_type"])


def search_articles(
    conn: sqlite3.Connection, query: str, *, limit: int = 20, offset: int = 0, window: int | None = None
) -> list[tuple[int, str]]:
    """Full-text search (FTS5 syntax); returns (article id, FTS5 snippet of its text) best first (bm25).

    See ``rank_articles``; snippets are made for the returned articles only. Raises
    ``sqlite3.OperationalError`` on a malformed query.
    """
    ranked = rank_articles(conn, query, limit=limit, offset=offset, window=window)
    snippets = fts_snippets(conn, query, ranked)
    return [(article, snippets.get(article, "")) for article in ranked]


def rank_articles(
    conn: sqlite3.Connection, query: str, *, limit: int = 20, offset: int = 0, window: int | None = None
) -> list[int]:
    """Ids of the articles matching an FTS5 query, best first (bm25), ranked on their row ids inside the
    index. With ``window``, only the ``window`` most recently stored matches are ranked: a word found in
    every article then costs ``window`` scores, not one per article (``count_article_matches`` says how
    many match in all). Raises ``sqlite3.OperationalError`` on a malformed query.
    """
    rows = conn.execute(
        "WITH hits AS (SELECT rowid AS id, bm25(articles_fts) AS score FROM articles_fts"
        "  WHERE articles_fts MATCH :q ORDER BY rowid DESC LIMIT :window)"
        " SELECT id FROM hits ORDER BY score, id DESC LIMIT :limit OFFSET :offset",
        {"q": query, "window": -1 if window is None else window, "limit": limit, "offset": offset},
    )
    return [r[0] for r in rows]


def fts_snippets(conn: sqlite3.Connection, query: str, ids: Sequence[int]) -> dict[int, str]:
    """FTS5's snippet of the text of each of the given articles matching ``query`` (12 tokens, hits in
    ``[...]``), by id. FTS5 tokenises the whole text of each to choose its passage."""
    found: dict[int, str] = {}
    for first in range(0, len(ids), _CHUNK):
        chunk = list(ids[first : first + _CHUNK])
        rows = conn.execute(
            "SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 12) FROM articles_fts WHERE articles_fts MATCH ?"
            f" AND rowid IN ({','.join('?' * len(chunk))})",  # noqa: S608 (placeholders)
            (query, *chunk),
        )
        found.update({r[0]: r[1] for r in rows})
    return found


def count_article_matches(conn: sqlite3.Connection, query: str, *, cap: int | None = None) -> int:
    """How many articles match an FTS5 query, counting no further than ``cap`` (no ranking, no text read)."""
    row = conn.execute(
        "SELECT COUNT(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
        (query, -1 if cap is None else cap),
    ).fetchone()
    return int(row[0])


def article_titles(
    conn: sqlite3.Connection, ids: Sequence[int], *, with_text: bool = False
) -> dict[int, tuple[str | None, str | None, str]]:
    """``(title, outlet, text)`` of each of the given articles that exists, by id (what a list of hits
    shows); the text is read only ``with_text`` (else it is empty)."""
    found: dict[int, tuple[str | None, str | None, str]] = {}
    text = "text" if with_text else "''"
    for first in range(0, len(ids), _CHUNK):
        chunk = list(ids[first : first + _CHUNK])
        rows = conn.execute(
            f"SELECT id, title, outlet, {text} FROM articles WHERE id IN ({','.join('?' * len(chunk))})",  # noqa: S608
            chunk,
        )
        found.update({r[0]: (r[1], r[2], r[3]) for r in rows})
    return found
