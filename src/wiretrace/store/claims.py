"""Writing and reading claims and the extraction status of each article.

A claim is stored as its whole record (JSON, exactly the ``Claim`` fields) beside the columns lists
and filters read (text, kind, speaker, factuality, time), so reading one back gives the same record.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from wiretrace.jsonable import to_jsonable
from wiretrace.records import Claim, Extraction, Skipped
from wiretrace.store.database import insert_error, transaction, utcnow
from wiretrace.store.decoded import claim_record


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as stored, with the row id of its article (what ``wiretrace show`` takes)."""

    article: int
    claim: Claim


def insert_extraction(conn: sqlite3.Connection, article_id: int, extraction: Extraction) -> None:
    """Write an article's claims and extraction status (inside the caller's transaction)."""
    conn.execute(
        "INSERT OR REPLACE INTO extractions(article_id, status, note, claims, at, signals) VALUES (?, ?, ?, ?, ?, ?)",
        (article_id, extraction.status, extraction.note, len(extraction.claims), utcnow(),
         json.dumps(to_jsonable(extraction.signals), ensure_ascii=False) if extraction.signals else None),
    )
    verdicts = conn.execute(
        "SELECT c.text, v.verdict, v.note, v.at FROM verdicts v JOIN claims c ON c.id = v.claim_id"
        " WHERE c.article_id = ?", (article_id,),
    ).fetchall()
    conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO claims(id, article_id, idx, start, end, text, kind, speaker, factuality, time_start, record)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (c.id, article_id, i, c.start, c.end, c.text, c.kind, c.speaker, c.factuality,
             c.time.start if c.time else None, json.dumps(to_jsonable(c), ensure_ascii=False))
            for i, c in enumerate(extraction.claims)
        ],  # fmt: skip
    )
    _keep_verdicts(conn, article_id, verdicts)


def _keep_verdicts(conn: sqlite3.Connection, article_id: int, verdicts: list[sqlite3.Row]) -> None:
    """Give the analyst's verdicts back to the article's claims extracted again: to the claim with the
    same text (a claim's id is its position, which another extraction may shift). A verdict whose
    claim text no longer comes out of the article is lost with it."""
    for text, verdict, note, at in verdicts:
        conn.execute(
            "INSERT OR IGNORE INTO verdicts(claim_id, verdict, note, at) SELECT id, ?, ?, ? FROM claims"
            " WHERE article_id = ? AND text = ? ORDER BY idx LIMIT 1", (verdict, note, at, article_id, text),
        )


def save_extraction(
    conn: sqlite3.Connection, article_id: int, extraction: Extraction, *, run_id: int | None = None,
    warning: Skipped | None = None,
) -> None:
    """Store the extraction of an already stored article, with its warning row (for ``run_id``), atomically."""
    with transaction(conn):
        insert_extraction(conn, article_id, extraction)
        if warning is not None and run_id is not None:
            insert_error(conn, run_id, warning)


def articles_to_extract(conn: sqlite3.Connection) -> list[int]:
    """Stored articles to extract (again): those with no extraction row (stored by a wiretrace from
    before claims) and those extracted without the story signals linking needs (before schema 3)."""
    rows = conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN extractions e ON e.article_id = a.id"
        " WHERE e.article_id IS NULL OR (e.status = 'done' AND e.signals IS NULL) ORDER BY a.id"
    )
    return [r[0] for r in rows]


ClaimKey = tuple[int, int]
"""A claim's place in list order: ``(article row id, index of the claim in its article)``."""


def list_claims(
    conn: sqlite3.Connection, *, article: int | None = None, limit: int | None = None, offset: int = 0,
    start: ClaimKey | None = None,
) -> list[StoredClaim]:
    """Claims in article order then text order; of one article when ``article`` (its row id) is given;
    all of them unless ``limit`` is given. ``offset`` counts from the first claim, or from the claim at
    ``start`` when given (``claim_key_at`` finds it). A page is cut on the ``(article_id, idx)`` index,
    so a deep page passes over index entries (from ``start``, if any), not the records before it."""
    where, params = claims_where(article, start)
    if limit is None:  # everything after offset: one pass in index order
        query = f"SELECT article_id, record FROM claims {where} ORDER BY article_id, idx LIMIT -1 OFFSET ?"  # noqa
        rows = conn.execute(query, (*params, offset))
    else:
        query = ("SELECT article_id, record FROM claims WHERE seq IN (SELECT seq FROM claims"
                 f" {where} ORDER BY article_id, idx LIMIT ? OFFSET ?) ORDER BY article_id, idx")  # noqa: S608
        rows = conn.execute(query, (*params, limit, offset))
    return [StoredClaim(r["article_id"], claim_record(r["record"])) for r in rows]


def claim_key_at(conn: sqlite3.Connection, offset: int, *, start: ClaimKey | None = None) -> ClaimKey | None:
    """The key of the claim ``offset`` places after the first claim (or after the claim at ``start``) in
    list order, or None when there are not that many; it costs a pass over ``offset`` index entries, so
    a caller paging deep into the list keeps the keys it found (see ``wiretrace.web.seek``)."""
    where, params = claims_where(None, start)
    row = conn.execute(
        f"SELECT article_id, idx FROM claims {where} ORDER BY article_id, idx LIMIT 1 OFFSET ?",  # noqa: S608
        (*params, offset),
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def claims_where(article: int | None, start: ClaimKey | None) -> tuple[str, list[object]]:
    """The ``WHERE`` clause (fixed text) and parameters keeping one article's claims and/or those from
    ``start`` on (a row-value comparison, which SQLite answers from the ``(article_id, idx)`` index)."""
    terms, params = [], []
    if article is not None:
        terms.append("article_id = ?")
        params.append(article)
    if start is not None:
        terms.append("(article_id, idx) >= (?, ?)")
        params.extend(start)
    return ("WHERE " + " AND ".join(terms) if terms else ""), params


def count_claims(conn: sqlite3.Connection, *, article: int | None = None) -> int:
    """How many claims are stored (of one article when ``article`` is given)."""
    if article is None:
        return int(conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0])
    return int(conn.execute("SELECT COUNT(*) FROM claims WHERE article_id = ?", (article,)).fetchone()[0])


def extraction_status(conn: sqlite3.Connection, article: int) -> tuple[str, str | None] | None:
    """``(status, note)`` of an article's extraction, or None when it was never extracted."""
    row = conn.execute("SELECT status, note FROM extractions WHERE article_id = ?", (article,)).fetchone()
    return (row["status"], row["note"]) if row else None


