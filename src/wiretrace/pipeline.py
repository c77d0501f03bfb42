"""The ``analyze`` run: ingest → clean → store, one document at a time, never stopped by one bad input.

Each document is stored in its own transaction, keyed by the sha256 of its bytes, so re-running on the
same inputs adds nothing, and a run that was killed resumes where it stopped: what was committed is
skipped cheaply (hash look-up before any cleaning), the rest is done.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wiretrace.clean import clean
from wiretrace.errors import Code, InputError
from wiretrace.ingest import IngestOptions, expand_inputs, read_source
from wiretrace.records import Document, Skipped
from wiretrace import store

ProgressCallback = Callable[[str], None]
"""Called once per input source when it is done, with the source's name (drives a progress bar)."""


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """Everything a run can be told; defaults are declared once, here and in ``IngestOptions``."""

    ingest: IngestOptions = field(default_factory=IngestOptions)


def run_analysis(
    conn: sqlite3.Connection,
    inputs: Sequence[str | Path],
    options: AnalyzeOptions,
    *,
    on_source_done: ProgressCallback | None = None,
) -> store.RunSummary:
    """Analyze ``inputs`` into an open database; returns the run's summary."""
    run_id = store.start_run(conn, [str(i) for i in inputs])
    try:
        for source in expand_inputs(inputs, options.ingest):
            for item in read_source(source, options.ingest):
                _process(conn, run_id, item)
            if on_source_done is not None:
                on_source_done(source.location)
    except KeyboardInterrupt:
        conn.execute("UPDATE runs SET status = 'interrupted' WHERE id = ?", (run_id,))
        raise
    return store.finish_run(conn, run_id)


def count_sources(inputs: Sequence[str | Path], options: AnalyzeOptions) -> int:
    """How many sources a run over ``inputs`` will read (files after expanding folders, URLs)."""
    return len(expand_inputs(inputs, options.ingest))


def _process(conn: sqlite3.Connection, run_id: int, item: Document | Skipped) -> None:
    if isinstance(item, Skipped):
        store.record_skip(conn, run_id, item)
        return
    if store.has_article(conn, item.id):
        store.add_location(conn, run_id, item.id, item.location)
        return
    try:
        article = clean(item)
    except InputError as exc:
        store.record_skip(conn, run_id, exc.as_skipped())
        return
    except Exception as exc:  # a cleaner bug must not stop the run: record it against the input and go on
        store.record_skip(conn, run_id, Skipped(item.location, Code.E014.name, Code.E014.format(repr(exc))))
        return
    store.save_article(conn, run_id, item, article)
