"""What one running app holds: its settings, one read-only database handle per worker thread, the write
lock, the source index and the spaCy pipeline reports are analysed with (loaded once, on the first report).

FastAPI runs plain (non-async) endpoints in a thread pool and SQLite connections belong to the thread
that opened them, so each worker thread keeps its own read-only ``Corpus``; writes open a writable
one for the request and are serialised by one lock (SQLite has one writer at a time anyway).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wiretrace.corpus import Corpus
from wiretrace.web.sources import SourceCache

if TYPE_CHECKING:
    from wiretrace.extract.stage import Extractor


@dataclass(frozen=True, slots=True)
class WebOptions:
    """Settings of the web app, declared once. ``page_size`` is the default ``limit`` of every list,
    ``max_page`` its largest accepted value; ``search_cap`` bounds how many hits a search counts."""

    page_size: int = 50
    max_page: int = 200
    search_cap: int = 200
    max_report_bytes: int = 5_000_000


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
        self.sources = SourceCache(lambda: Corpus(self.db, read_only=True))

    def corpus(self) -> Corpus:
        """This thread's read-only handle on the database (opened on first use)."""
        corpus: Corpus | None = getattr(self._local, "corpus", None)
        if corpus is None:
            corpus = Corpus(self.db, read_only=True)
            self._local.corpus = corpus
            with self._opened_lock:
                self._opened.append(corpus)
        return corpus

    @contextmanager
    def writer(self) -> Iterator[Corpus]:
        """A writable handle for one write, held under the app's write lock and closed after."""
        with self.write_lock:
            corpus = Corpus(self.db)
            try:
                yield corpus
            finally:
                corpus.close()

    def extractor(self) -> Extractor:
        """The claim extractor, loaded on the first report (call it under ``write_lock``)."""
        if self._extractor is None:
            from wiretrace.extract.stage import Extractor

            self._extractor = Extractor()
        return self._extractor

    def close(self) -> None:
        """Close every handle opened by the worker threads (at shutdown)."""
        with self._opened_lock:
            for corpus in self._opened:
                try:
                    corpus.close()
                except Exception:  # a handle of another thread: sqlite3 refuses; the process ends anyway
                    pass
            self._opened.clear()
