"""Writing and reading the analyst's verdicts on claims (``verdicts`` table).

A verdict is the analyst's own judgement of one claim (verified, false, misleading, unverified) with a
free-text note; it is kept apart from what extraction found, so re-extracting never touches it, and a
new verdict on the same claim replaces the old one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from wiretrace.store.database import transaction, utcnow

VERDICTS = ("verified", "false", "misleading", "unverified")
"""The verdict labels, the same as the table's CHECK constraint."""

_CHUNK = 500  # placeholders per query, well under SQLite's limit


@dataclass(frozen=True, slots=True)
class Verdict:
    """The analyst's verdict on one claim: the label, a note and when it was given (ISO, UTC)."""

    claim_id: str
    verdict: str
    note: str | None
    at: str


def set_verdict(conn: sqlite3.Connection, claim_id: str, verdict: str, note: str | None = None) -> Verdict | None:
    """Store (or replace) the verdict on ``claim_id``; None when there is no such claim.

    An unknown label raises ``ValueError`` naming the accepted ones (the table would refuse it anyway).
    """
    if verdict not in VERDICTS:
        raise ValueError(f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    at = utcnow()
    with transaction(conn):
        if conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is None:
            return None
        conn.execute(
            "INSERT OR REPLACE INTO verdicts(claim_id, verdict, note, at) VALUES (?, ?, ?, ?)",
            (claim_id, verdict, note, at),
        )
    return Verdict(claim_id, verdict, note, at)


def load_verdict(conn: sqlite3.Connection, claim_id: str) -> Verdict | None:
    """The verdict on one claim, or None when none was given."""
    row = conn.execute("SELECT claim_id, verdict, note, at FROM verdicts WHERE claim_id = ?", (claim_id,)).fetchone()
    return Verdict(row[0], row[1], row[2], row[3]) if row else None


def verdicts_of(conn: sqlite3.Connection, claim_ids: Sequence[str]) -> dict[str, Verdict]:
    """The verdicts given on any of ``claim_ids``, by claim id (claims without one are absent)."""
    found: dict[str, Verdict] = {}
    ids = list(dict.fromkeys(claim_ids))
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first : first + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT claim_id, verdict, note, at FROM verdicts WHERE claim_id IN ({marks})",  # noqa: S608 (placeholders)
            chunk,
        )
        found.update({r[0]: Verdict(r[0], r[1], r[2], r[3]) for r in rows})
    return found
