"""What one running app holds: its settings, one read-only database handle per worker thread, the write
lock with the one writable handle, the source index, and the spaCy pipeline and linker reports are
analysed with (loaded once, on the first report).

FastAPI runs plain (non-async) endpoints in a thread pool and SQLite connections belong to the thread
that opened them, so each thread keeps its own read-only ``Corpus``: every worker thread, and the event
loop's thread for the read routes declared ``async def`` (a page read from indexes in a few
milliseconds costs less run in place than handed to a worker thread and back, about 0.4 ms). Only such
short reads run on the event loop: the source index is built in a thread of its own, and the write
routes stay sync. Writes share one writable handle, kept open, and are serialised by one lock (SQLite
has one writer at a time anyway).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wiretrace.corpus import Corpus
from wiretrace.errors import StoreError
from wiretrace.web.sources import SourceCache

if TYPE_CHECKING:
    from wiretrace.extract.stage import Extractor
    from wiretrace.link.stage import Linker


@dataclass(frozen=True, slots=True)
class WebOptions:
    """Settings of the web app, declared once. ``page_size`` is the default ``limit`` of every list,
    ``max_page`` its largest accepted value; ``search_cap`` how many of the most recent matches a search
    ranks and counts; ``mmap_bytes`` how much of the database each read handle maps into memory (pages
    read without a system call each, shared by every worker thread through the OS); ``fetch_private_hosts``
lets ``POST /api/reports`` fetch URLs on loopback or private addresses (refused by default)."""

    page_size: int = 50
    max_page: int = 200
    search_cap: int = 200
    max_report_bytes: int = 5_000_000
    fetch_private_hosts: bool = False
    mmap_bytes: int = 1 << 30


class Kept:
    """Values worked out over whole lists (the count of every claim, where a deep page of the claim list
    starts, ...), kept for one read handle until the database changes.

    Counting 260,000 claims to say "of 260,000" under a page costs more than reading the page. SQLite
    tells a handle whether any other connection has committed since it last asked (``PRAGMA
    data_version``), so a value is kept exactly as long as it is true.
    """

    def __init__(self) -> None:
        self._version: int | None = None
        self._values: dict[Hashable, Any] = {}

    def current(self, corpus: Corpus) -> dict[Hashable, Any]:
        """The values kept for the database as it is now (emptied when it changed since last asked)."""
        version = int(corpus.connection.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self._version, self._values = version, {}
        return self._values


class WebState:
    """The per-app state: reached from a request as ``request.app.state.web``."""

    def __init__(self, db: Path, *, token: str | None, options: WebOptions) -> None:
        self.db = db
        self.token = token
        self.options = options
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._opened: list[Corpus] = []
        self._opened_lock = threading.Lock()
        self._extractor: Extractor | None = None
        self._writer: Corpus | None = None
        self._linker: Linker | None = None
        self.sources = SourceCache(lambda: Corpus(self.db, read_only=True))

    def corpus(self) -> Corpus:
        """This thread's read-only handle on the database (opened on first use; the event loop's thread
        has its own, used by the ``async def`` routes only)."""
        corpus: Corpus | None = getattr(self._local, "corpus", None)
        if corpus is None:
            corpus = Corpus(self.db, read_only=True)
            corpus.connection.execute(f"PRAGMA mmap_size = {int(self.options.mmap_bytes)}")
            self._local.corpus, self._local.kept = corpus, Kept()
            with self._opened_lock:
                self._opened.append(corpus)
        return corpus

    def counted(self, corpus: Corpus, what: str, count: Callable[[], int]) -> int:
        """``count()`` of this thread's ``corpus``, counted again only once the database has changed."""
        kept = self.kept(corpus)
        if what not in kept:
            kept[what] = count()
        return int(kept[what])

    def kept(self, corpus: Corpus) -> dict[Hashable, Any]:
        """What this thread keeps of its ``corpus`` as the database is now (see ``Kept``)."""
        values: Kept = self._local.kept
        return values.current(corpus)

    @contextmanager
    def writer(self) -> Iterator[Corpus]:
        """The app's one writable handle, held under its write lock for one write. It stays open between
        writes, so the linker kept on it stays warm; a write the database fails closes it (the next write
        opens it anew)."""
        with self.write_lock:
            if self._writer is None:
                self._writer = Corpus(self.db, any_thread=True)  # used by one thread at a time: under the lock
            try:
                yield self._writer
            except (sqlite3.Error, StoreError):
                self._drop_writer()
                raise

    def linker(self) -> Linker:
        """The linker reports are linked with, on the writable handle (call it inside ``writer()``): the
        stored links are replayed once, on the first report, not at every one (seconds on a large
        database); ``Linker.link`` replays them again if anything else has written to the database."""
        if self._writer is None:
            raise RuntimeError("WebState.linker() is for use inside WebState.writer()")
        if self._linker is None:
            from wiretrace.link.stage import Linker

            self._linker = Linker(self._writer.connection)
        return self._linker

    def _drop_writer(self) -> None:
        writer, self._writer, self._linker = self._writer, None, None
        if writer is not None:
            writer.close()

    def extractor(self) -> Extractor:
        """The claim extractor, loaded on the first report (call it under ``write_lock``)."""
        if self._extractor is None:
            from wiretrace.extract.stage import Extractor

            self._extractor = Extractor()
        return self._extractor

    def close(self) -> None:
        """Close every handle opened by the worker threads and the writable one (at shutdown)."""
        with self.write_lock:
            self._drop_writer()
        with self._opened_lock:
            for corpus in self._opened:
                try:
                    corpus.close()
                except Exception:  # a handle of another thread: sqlite3 refuses; the process ends anyway
                    pass
            self._opened.clear()
