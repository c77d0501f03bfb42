"""The ``analyze`` run: ingest → clean → extract → store → link, never stopped by one bad input.

Documents are cleaned one at a time and extracted in batches (spaCy's ``nlp.pipe`` is much faster on
batches). Each article is stored with its claims in its own transaction, keyed by the sha256 of its
bytes, so re-running on the same inputs adds nothing, and a run that was killed resumes where it stopped:
what was committed is skipped cheaply (hash look-up before any cleaning), the rest is done. Articles
stored without claims (by an older wiretrace) are extracted at the end of the next run. Then every
extracted article not linked yet joins its story and claim clusters (``wiretrace.link.stage``), one
transaction per article; an article whose linking fails is reported and linked again by the next run.
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
from wiretrace.extract.stage import ExtractOptions, Extractor
from wiretrace.ingest import IngestOptions, Source, expand_inputs, read_source
from wiretrace.link.stage import Linker, LinkOptions
from wiretrace.records import Article, Document, Extraction, Skipped

ProgressCallback = Callable[[str, int], None]
LinkProgress = Callable[[int, int], None]
"""Called as each article is linked, with how many are done and how many the run links."""
"""Called once per input source when it is done, with its location and the number of sources in the run."""


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """Everything a run can be told; defaults are declared once, here and in ``IngestOptions``.

    ``outlet`` and ``published_at`` are fallbacks: they fill articles for which neither the container (a
    feed, a JSON record, a WARC header) nor the text itself named one. A naive ``published_at`` is UTC.
    """

    ingest: IngestOptions = field(default_factory=IngestOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    link: LinkOptions = field(default_factory=LinkOptions)
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
    extractor: Extractor | None = None,
    on_linked: LinkProgress | None = None,
    linker: Linker | None = None,
) -> store.RunSummary:
    """Analyze listed ``sources`` (see ``list_sources``) into an open database; returns the run's summary.

    ``extractor`` and ``linker`` (a ``Linker`` on ``conn``) let a caller that analyzes often (a server)
    load the spaCy pipeline and replay the stored links once, not at every run; ``on_linked(done,
    total)`` follows the link stage, which runs once every source is read.
    """
    if linker is not None and (linker.conn is not conn or linker.options != options.link):
        raise ValueError("the linker given to run_analysis must be on the connection it analyzes into, "
                         "with the run's link options")
    run_id = store.start_run(conn, [s.location for s in sources])
    batch = _Batch(conn, run_id, options.extract, extractor)
    try:
        for source in sources:
            for item in read_source(source, options.ingest):
                _process(batch, item, options)
            if on_source_done is not None:
                on_source_done(source.location, len(sources))
        batch.flush()
        _extract_stored(batch)
        _link_pending(conn, run_id, options.link, on_linked, linker)
    except BaseException as exc:
        store.end_run(conn, run_id, "interrupted")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"the database failed during run {run_id} ({exc}); what was stored is kept, "
                             "run the same command again to resume") from exc
        raise
    return store.end_run(conn, run_id, "done")


class _Batch:
    """Cleaned articles waiting for extraction; each is stored with its claims in one transaction."""

    def __init__(
        self, conn: sqlite3.Connection, run_id: int, options: ExtractOptions, extractor: Extractor | None
    ) -> None:
        self.conn, self.run_id, self.options, self._extractor = conn, run_id, options, extractor
        self.pending: list[tuple[Document, Article]] = []
        self.pending_ids: set[str] = set()
        self.repeats: list[Document] = []  # the same bytes seen again before their first copy was stored

    @property
    def extractor(self) -> Extractor:
        """Loaded on first use: a re-run over stored inputs never loads the spaCy pipeline."""
        if self._extractor is None:
            self._extractor = Extractor(self.options)
        return self._extractor

    def holds(self, document: Document) -> bool:
        return document.id in self.pending_ids

    def add(self, document: Document, article: Article) -> None:
        self.pending.append((document, article))
        self.pending_ids.add(document.id)
        if len(self.pending) >= max(1, self.options.batch_size):
            self.flush()

    def flush(self) -> None:
        extractions = self.extractor.extract([a for _, a in self.pending]) if self.pending else []
        for (document, article), extraction in zip(self.pending, extractions, strict=True):
            warning = _extraction_failure(document.location, extraction)
            store.save_article(self.conn, self.run_id, document, article, extraction, warning=warning)
        for document in self.repeats:
            store.add_location(self.conn, self.run_id, document.id, document.location)
        self.pending, self.pending_ids, self.repeats = [], set(), []


def _extraction_failure(location: str, extraction: Extraction) -> Skipped | None:
    """The warning row of an article stored without claims because extraction failed on it."""
    if extraction.status != "failed":
        return None
    return InputError(location, Code.E017, extraction.note or "unknown error").as_skipped()


def _extract_stored(batch: _Batch) -> None:
    """Extract, in batches, articles stored without claims (by a wiretrace from before claims)."""
    todo = store.articles_to_extract(batch.conn)
    size = max(1, batch.options.batch_size)
    for first in range(0, len(todo), size):
        stored = [s for i in todo[first : first + size] if (s := store.load_article(batch.conn, i)) is not None]
        extractions = batch.extractor.extract([s.article for s in stored])
        for item, extraction in zip(stored, extractions, strict=True):
            warning = _extraction_failure(item.locations[0] if item.locations else str(item.id), extraction)
            store.save_extraction(batch.conn, item.id, extraction, run_id=batch.run_id, warning=warning)


def _link_pending(conn: sqlite3.Connection, run_id: int, options: LinkOptions,
                  on_linked: LinkProgress | None = None, linker: Linker | None = None) -> None:
    """Link every extracted article not linked yet (a new linker loads only when there is one)."""
    todo = store.articles_to_link(conn)
    if not todo:
        return
    linker = linker or Linker(conn, options)
    for done, article in enumerate(todo, 1):
        if on_linked is not None:
            on_linked(done - 1, len(todo))
        try:
            linker.link(article)
        except (sqlite3.Error, StoreError):
            raise
        except Exception as exc:  # a linking defect costs this article its links, never the run
            stored = store.load_article(conn, article)
            where = stored.locations[0] if stored and stored.locations else f"article {article}"
            store.record_warning(conn, run_id, InputError(where, Code.E018, repr(exc)).as_skipped())
            # the linker replays the store before its next article: its state may be half-updated
    if on_linked is not None:
        on_linked(len(todo), len(todo))


def list_sources(inputs: Sequence[str | Path], options: AnalyzeOptions) -> list[Source]:
    """The sources a run over ``inputs`` reads (files after expanding folders, URLs); nothing is read yet."""
    return expand_inputs(inputs, options.ingest)


def _process(batch: _Batch, item: Document | Skipped, options: AnalyzeOptions) -> None:
    conn, run_id = batch.conn, batch.run_id
    if isinstance(item, Skipped):
        store.record_skip(conn, run_id, item)
        return
    if store.has_article(conn, item.id):
        store.add_location(conn, run_id, item.id, item.location)
        return
    if batch.holds(item):
        batch.repeats.append(item)
        return
    try:
        article = clean(item)
    except InputError as exc:
        store.record_skip(conn, run_id, exc.as_skipped())
        return
    except Exception as exc:  # a cleaner bug must not stop the run: record it against the input and go on
        store.record_skip(conn, run_id, InputError(item.location, Code.E014, repr(exc)).as_skipped())
        return
    batch.add(item, _with_fallbacks(article, options))


def _with_fallbacks(article: Article, options: AnalyzeOptions) -> Article:
    return dataclasses.replace(
        article,
        outlet=article.outlet or options.outlet,
        published_at=article.published_at or options.published_at,
    )
