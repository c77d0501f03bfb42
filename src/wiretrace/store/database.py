"""Opening a wiretrace database, and the runs and skipped inputs recorded in it.

SQLite in WAL mode: readers never block the writer, and a process killed mid-run loses only the
document it was writing (each document is one transaction). Every statement is parametrised.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wiretrace.errors import StoreError
from wiretrace.records import Skipped
from wiretrace.store.schema import DDL, SCHEMA_VERSION


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one ``analyze`` run did."""

    id: int
    status: str
    stored: int
    unchanged: int
    skipped: int
    started_at: str
    finished_at: str | None


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a wiretrace database and bring its schema up to date."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StoreError(f"{path}: is a folder; give a database file with --db, e.g. --db {path}/wiretrace.db")
    if not path.parent.exists():
        raise StoreError(f"{path}: the folder {path.parent} does not exist; create it or choose another --db")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable SQLite database ({exc}); choose another --db") from exc
    return conn


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    conn.executescript(DDL)
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    elif int(row["value"]) != SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by schema version {row['value']}, this wiretrace reads version {SCHEMA_VERSION}; "
            "analyze into a new --db file"
        )


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit of work: committed on success, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def start_run(conn: sqlite3.Connection, inputs: Sequence[str]) -> int:
    """Record a new run; runs an earlier process left 'running' are marked interrupted."""
    with transaction(conn):
        conn.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        cursor = conn.execute(
            "INSERT INTO runs(started_at, status, inputs) VALUES (?, 'running', ?)",
            (utcnow(), json.dumps([str(i) for i in inputs])),
        )
    return int(cursor.lastrowid)


def count_in_run(conn: sqlite3.Connection, run_id: int, column: str, by: int = 1) -> None:
    """Add to one of a run's counters (stored, unchanged, skipped)."""
    if column not in {"stored", "unchanged", "skipped"}:
        raise ValueError(f"no run counter {column!r}")
    conn.execute(f"UPDATE runs SET {column} = {column} + ? WHERE id = ?", (by, run_id))  # column checked above


def finish_run(conn: sqlite3.Connection, run_id: int) -> RunSummary:
    with transaction(conn):
        conn.execute("UPDATE runs SET status = 'done', finished_at = ? WHERE id = ?", (utcnow(), run_id))
    return run_summary(conn, run_id)


def run_summary(conn: sqlite3.Connection, run_id: int) -> RunSummary:
    row = conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
    if row is None:
        raise StoreError(f"no run {run_id} in this database")
    return RunSummary(
        row["id"], row["status"], row["stored"], row["unchanged"], row["skipped"], row["started_at"], row["finished_at"]
    )


def record_skip(conn: sqlite3.Connection, run_id: int, skipped: Skipped) -> None:
    """Store a rejected input in the errors table (its own transaction)."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO errors(run_id, location, code, reason, at) VALUES (?, ?, ?, ?, ?)",
            (run_id, skipped.location, skipped.code, skipped.reason, utcnow()),
        )
        count_in_run(conn, run_id, "skipped")


def skipped_in_run(conn: sqlite3.Connection, run_id: int) -> list[Skipped]:
    rows = conn.execute("SELECT location, code, reason FROM errors WHERE run_id = ? ORDER BY id", (run_id,))
    return [Skipped(r["location"], r["code"], r["reason"]) for r in rows]
