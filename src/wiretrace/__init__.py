"""wiretrace: turn a pile of scraped crisis reports into stories of dated, located, attributed claims.

The public API::

    import wiretrace
    corpus = wiretrace.analyze(["reports/"], db="crisis.db")
    for article in corpus.articles():
        print(article.id, article.title)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wiretrace.errors import WiretraceError
from wiretrace.records import Article, Comment, Document, Segment, SegmentKind, Skipped

if TYPE_CHECKING:
    from wiretrace.corpus import Corpus
    from wiretrace.extract.stage import ExtractOptions
    from wiretrace.ingest import IngestOptions
    from wiretrace.pipeline import AnalyzeOptions

# Heavier parts load on first use, so `import wiretrace` (and the CLI's --help) stays fast.
_LAZY = {
    "Corpus": "wiretrace.corpus",
    "IngestOptions": "wiretrace.ingest",
    "AnalyzeOptions": "wiretrace.pipeline",
    "ExtractOptions": "wiretrace.extract.stage",
}

__version__ = "0.1.0"
DEFAULT_DB = "wiretrace.db"

__all__ = [
    "AnalyzeOptions",
    "Article",
    "Comment",
    "Corpus",
    "DEFAULT_DB",
    "Document",
    "ExtractOptions",
    "IngestOptions",
    "Segment",
    "SegmentKind",
    "Skipped",
    "WiretraceError",
    "__version__",
    "analyze",
]


def analyze(
    paths: Sequence[str | Path] | str | Path,
    db: str | Path = DEFAULT_DB,
    *,
    options: AnalyzeOptions | None = None,
    on_source_done: Callable[[str, int], None] | None = None,
    on_linked: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Ingest, clean and store every report under ``paths`` into the database ``db``.

    ``on_source_done(location, total)`` is called as each input source is finished and
    ``on_linked(done, total)`` as articles are linked into stories (for progress bars).
    Bad inputs are recorded as skipped (``Corpus.skipped()``) and never stop the run; running again on
    the same inputs adds nothing.
    """
    from wiretrace.corpus import Corpus
    from wiretrace.pipeline import AnalyzeOptions, list_sources, run_analysis

    options = options or AnalyzeOptions()
    sources = list_sources([paths] if isinstance(paths, (str, Path)) else paths, options)
    corpus = Corpus(db)
    try:
        corpus.last_run = run_analysis(corpus.connection, sources, options, on_source_done=on_source_done,
                                       on_linked=on_linked)
    except BaseException:
        corpus.close()
        raise
    return corpus


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'wiretrace' has no attribute {name!r}")
