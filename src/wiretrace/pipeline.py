"""The ``analyze`` run: ingest → clean → store, one document at a time, never stopped by one bad input.

Each document is stored in its own transaction, keyed by the sha256 of its bytes, so re-running on the
same inputs adds nothing, and a run that was killed resumes where it stopped: what was committed is
skipped cheaply (hash look-up before any cleaning), the rest is done.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from wiretrace import store
from wiretrace.clean import clean
from wiretrace.errors import Code, InputError, StoreError
from wiretrace.ingest import IngestOptions, Source, expand_inputs, read_source
from wiretrace.records import Article, Document, Skipped

ProgressCallback = Callable[[str, int], None]
"""Called once per input source when it is done, with its location and the number of sources in the run."""


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """Everything a run can be told; defaults are declared once, here and in ``IngestOptions``.

    ``outlet`` and ``published_at`` are fallbacks: they fill articles for which neither the container (a
    feed, a JSON record, a WARC header) nor the text itself named one. A naive ``published_at`` is UTC.
    """

    ingest: IngestOptions = field(default_factory=IngestOptions)
    outlet: str | None = None
    published_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.published_at is not None and self.published_at.tzinfo is None:
            object.__setattr__(self, "published_at", self.published_at.replace(tzinfo=UTC))


def run_analysis(
    conn: sqlite3.Connection,
    sources: Sequence[Source],
    options: AnalyzeOptions,
    *,
    on_source_done: ProgressCallback | None = None,
) -> store.RunSummary:
    """Analyze listed ``sources`` (see ``list_sources``) into an open database; returns the run's summary."""
    run_id = store.start_run(conn, [s.location for s in sources])
    try:
        for source in sources:
            for item in read_source(source, options.ingest):
                _process(conn, run_id, item, options)
            if on_source_done is not None:
                on_source_done(source.location, len(sources))
    except BaseException as exc:
        store.end_run(conn, run_id, "interrupted")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"the database failed during run {run_id} ({exc}); what was stored is kept, "
                             "run the same command again to resume") from exc
        raise
    return store.end_run(conn, run_id, "done")


def list_sources(inputs: Sequence[str | Path], options: AnalyzeOptions) -> list[Source]:
    """The sources a run over ``inputs`` reads (files after expanding folders, URLs); nothing is read yet."""
    return expand_inputs(inputs, options.ingest)


def _process(conn: sqlite3.Connection, run_id: int, item: Document | Skipped, options: AnalyzeOptions) -> None:
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
        store.record_skip(conn, run_id, InputError(item.location, Code.E014, repr(exc)).as_skipped())
        return
    store.save_article(conn, run_id, item, _with_fallbacks(article, options))


def _with_fallbacks(article: Article, options: AnalyzeOptions) -> Article:
    return dataclasses.replace(
        article,
        outlet=article.outlet or options.outlet,
        published_at=article.published_at or options.published_at,
    )
