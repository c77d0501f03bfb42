"""Writing and reading documents, articles, segments and comments.

A document and its article are written in one transaction, so a crash leaves either both or neither.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from wiretrace.records import Article, Comment, Document, Extraction, Segment, SegmentKind, Skipped
from wiretrace.store.claims import insert_extraction
from wiretrace.store.database import count_in_run, insert_error, transaction


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
        " published_at_inferred, language, boilerplate, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article.document_id, article.title, article.text, article.outlet, article.host, int(article.is_repost),
         article.url, article.published_at.isoformat() if article.published_at else None,
         int(article.published_at_inferred), article.language, json.dumps(list(article.boilerplate)), run_id),
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
    """Articles in the order they were stored, with counts a reader scans for."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.host, a.is_repost, a.published_at, a.language, a.text,"
        " (SELECT COUNT(*) FROM comments c WHERE c.article_id = a.id) AS n_comments,"
        " (SELECT MIN(location) FROM locations l WHERE l.document_id = a.document_id) AS location"
        " FROM articles a ORDER BY a.id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [
        ArticleSummary(r["id"], r["title"], r["outlet"], r["host"], bool(r["is_repost"]), r["published_at"],
                       r["language"], len(r["text"].split()), r["n_comments"], r["location"])
        for r in rows
    ]


def count_articles(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def load_article(conn: sqlite3.Connection, article_id: int) -> StoredArticle | None:
    """One article with its segments, comments and locations, or None when there is no such id."""
    row = conn.execute(
        "SELECT a.*, d.media_type FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    segments = tuple(
        Segment(SegmentKind(s["kind"]), s["start"], s["end"], s["credit"])
        for s in conn.execute("SELECT * FROM segments WHERE article_id = ? ORDER BY idx", (article_id,))
    )
    comments = tuple(
        Comment(c["text"], c["author"], c["posted"], c["likes"], c["reply_to"])
        for c in conn.execute("SELECT * FROM comments WHERE article_id = ? ORDER BY idx", (article_id,))
    )
    locations = tuple(
        r["location"] for r in conn.execute(
            "SELECT location FROM locations WHERE document_id = ? ORDER BY location", (row["document_id"],))
    )
    article = Article(
        document_id=row["document_id"], text=row["text"], segments=segments, comments=comments,
        outlet=row["outlet"], host=row["host"], is_repost=bool(row["is_repost"]), url=row["url"],
        published_at=datetime.fromisoformat(row["published_at"]) if row["published_at"] else None,
        published_at_inferred=bool(row["published_at_inferred"]), language=row["language"],
        boilerplate=tuple(json.loads(row["boilerplate"])),
    )
    return StoredArticle(row["id"], article, locations, row["media_type"])


def search_articles(conn: sqlite3.Connection, query: str, *, limit: int = 20) -> list[tuple[int, str]]:
    """Full-text search (FTS5 syntax); returns (article id, snippet) best first."""
    rows = conn.execute(
        "SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 12) AS snip FROM articles_fts"
        " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    )
    return [(r["rowid"], r["snip"]) for r in rows]
