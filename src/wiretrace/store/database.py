"""Opening a wiretrace database, and the runs and skipped inputs recorded in it.

SQLite in WAL mode: readers never block the writer, and a process killed mid-run loses only the
document it was writing (each document is one transaction). Every statement is parametrised.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wiretrace.errors import StoreError
from wiretrace.records import Skipped
from wiretrace.store.schema import BACKFILLS, COLUMNS_ADDED, DDL, SCHEMA_VERSION, SQL_FUNCTIONS, UPGRADABLE_FROM


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


def connect(path: str | Path, *, read_only: bool = False, any_thread: bool = False) -> sqlite3.Connection:
    """Open a wiretrace database; unless ``read_only``, create it if needed and bring its schema up to date.

    A file that is not a wiretrace database (another program's SQLite file, anything else) is refused
    before anything is written to it. ``any_thread`` lets other threads use the handle (the caller then
    makes sure only one does at a time, as the web app's write lock does).
    """
    path = Path(path)
    _check_path(path, read_only=read_only)
    try:
        uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30, check_same_thread=not any_thread)
        conn.row_factory = sqlite3.Row
        _check_is_ours(conn, path, read_only=read_only)
        if not read_only:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            _migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot use this database ({exc}); choose another --db") from exc
    return conn


def _check_path(path: Path, *, read_only: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; give a database file with --db, e.g. --db {path}/wiretrace.db")
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database; create it with `wiretrace analyze PATH --db {path}`")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: the folder {path.parent} does not exist; create it or choose another --db")
    if not read_only and not os.access(path if path.exists() else path.parent, os.W_OK):
        where = "file" if path.exists() else f"folder {path.parent}"
        raise StoreError(f"{path}: the {where} is not writable; choose another --db")


def _check_is_ours(conn: sqlite3.Connection, path: Path, *, read_only: bool) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "meta" not in tables:
        raise StoreError(f"{path}: a SQLite database of another program, not wiretrace's; choose another --db")
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            raise StoreError(f"{path}: a SQLite database of another program, not wiretrace's; choose another --db")
        version = int(row[0])
        if version in UPGRADABLE_FROM and read_only:
            raise StoreError(
                f"{path}: written by an older wiretrace (schema version {version}); upgrade it in place with "
                f"`wiretrace analyze PATH --db {path}` (it also extracts the claims it lacks)"
            )
        if version != SCHEMA_VERSION and version not in UPGRADABLE_FROM:
            raise StoreError(
                f"{path}: written by schema version {version}, this wiretrace reads version {SCHEMA_VERSION}; "
                "analyze into a new --db file"
            )


def _migrate(conn: sqlite3.Connection) -> None:
    conn.executescript(DDL)  # idempotent: CREATE ... IF NOT EXISTS
    for name, arity, function in SQL_FUNCTIONS:
        conn.create_function(name, arity, function, deterministic=True)
    for table, column, kind in COLUMNS_ADDED:
        if column not in {r["name"] for r in conn.execute(f"PRAGMA table_info({table})")}:  # noqa: S608 (fixed names)
            with transaction(conn):  # the column and its values for the rows already stored, or neither
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
                if (table, column) in BACKFILLS:
                    conn.execute(BACKFILLS[table, column])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


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
    """Record a new run; runs left 'running' by a process that no longer exists are marked interrupted."""
    with transaction(conn):
        for row in conn.execute("SELECT id, pid FROM runs WHERE status = 'running'").fetchall():
            if not _process_alive(row["pid"]):
                conn.execute("UPDATE runs SET status = 'interrupted' WHERE id = ?", (row["id"],))
        cursor = conn.execute(
            "INSERT INTO runs(started_at, status, inputs, pid) VALUES (?, 'running', ?, ?)",
            (utcnow(), json.dumps([str(i) for i in inputs]), os.getpid()),
        )
    return int(cursor.lastrowid)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier run of this very process that never ended
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def count_in_run(conn: sqlite3.Connection, run_id: int, column: str, by: int = 1) -> None:
    """Add to one of a run's counters (stored, unchanged, skipped)."""
    if column not in {"stored", "unchanged", "skipped"}:
        raise ValueError(f"no run counter {column!r}")
    conn.execute(f"UPDATE runs SET {column} = {column} + ? WHERE id = ?", (by, run_id))  # column checked above


def end_run(conn: sqlite3.Connection, run_id: int, status: str = "done") -> RunSummary:
    """Close a run as 'done' or 'interrupted'."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.execute("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?", (status, utcnow(), run_id))
    return run_summary(conn, run_id)


def run_summary(conn: sqlite3.Connection, run_id: int) -> RunSummary:
    row = conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
    if row is None:
        raise StoreError(f"no run {run_id} in this database")
    return RunSummary(
        row["id"], row["status"], row["stored"], row["unchanged"], row["skipped"], row["started_at"], row["finished_at"]
    )


def record_skip(conn: sqlite3.Connection, run_id: int, skipped: Skipped) -> None:
    """Store a rejected input in the errors table and count it as skipped (its own transaction)."""
    with transaction(conn):
        insert_error(conn, run_id, skipped)
        count_in_run(conn, run_id, "skipped")


def record_warning(conn: sqlite3.Connection, run_id: int, skipped: Skipped) -> None:
    """Store a warning against an input that was kept (not counted as skipped), in its own transaction."""
    with transaction(conn):
        insert_error(conn, run_id, skipped)


def insert_error(conn: sqlite3.Connection, run_id: int, skipped: Skipped) -> None:
    """Write one errors row inside the caller's transaction (a warning when nothing is counted)."""
    conn.execute(
        "INSERT INTO errors(run_id, location, code, reason, at) VALUES (?, ?, ?, ?, ?)",
        (run_id, skipped.location, skipped.code, skipped.reason, utcnow()),
    )


def skipped_in_run(conn: sqlite3.Connection, run_id: int) -> list[Skipped]:
    rows = conn.execute("SELECT location, code, reason FROM errors WHERE run_id = ? ORDER BY id", (run_id,))
    return [Skipped(r["location"], r["code"], r["reason"]) for r in rows]
