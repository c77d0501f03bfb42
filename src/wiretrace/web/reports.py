"""Adding one report through the API: the same pipeline as ``wiretrace analyze``, one input long.

Posted text or HTML is written to a private temporary file (the pipeline reads sources, and a file
keeps ingest's sniffing, size cap and decoding exactly as for files on disk); a URL is fetched by
ingest as usual, except that a host on this machine or its private network is refused (unless
``WebOptions.fetch_private_hosts``): a caller must not make the server read what only it can reach.
The app's ``Extractor`` is loaded once and reused, under the app's write lock, and so is its ``Linker``:
a report costs its own linking, not a replay of every stored link.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from wiretrace.corpus import Corpus
from wiretrace.errors import WiretraceError
from wiretrace.ingest import IngestOptions, Source
from wiretrace.isotime import parse_iso_time
from wiretrace.pipeline import AnalyzeOptions, run_analysis
from wiretrace.web.errors import ApiError
from wiretrace.web.models import ReportIn, ReportResult
from wiretrace.web.state import WebState


def add_report(web: WebState, report: ReportIn) -> ReportResult:
    """Analyze ``report`` into the app's database; a report the pipeline skips is a 422 saying why."""
    options = AnalyzeOptions(
        ingest=IngestOptions(max_bytes=web.options.max_report_bytes,
                             public_hosts_only=not web.options.fetch_private_hosts),
        outlet=report.outlet,
        published_at=_parse_time(report.published_at),
    )
    with web.writer() as corpus, tempfile.TemporaryDirectory(prefix="wiretrace-report-") as folder:
        source = _source(report, Path(folder))
        before = corpus.count_articles()
        run = run_analysis(corpus.connection, [source], options, extractor=web.extractor(), linker=web.linker())
        corpus.last_run = run  # the handle is the app's, shared by every write: read it before the lock goes
        skipped = tuple(corpus.skipped())
        article = _newest_article(corpus) if corpus.count_articles() > before else None
    if run.stored == 0 and run.unchanged == 0:
        reasons = "; ".join(f"[{s.code}] {s.reason}" for s in skipped) or "nothing was stored"
        raise ApiError(422, f"the report was not stored: {reasons}")
    return ReportResult(run, article, skipped)


def _source(report: ReportIn, folder: Path) -> Source:
    if report.url is not None:
        if not report.url.lower().startswith(("http://", "https://")):
            raise ApiError(422, "url must be an http(s) URL")
        return Source(report.url, url=report.url)
    name, body = ("report.html", report.html) if report.html is not None else ("report.txt", report.text or "")
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return Source(f"api:report/{name}", path=path)


def _newest_article(corpus: Corpus) -> int | None:
    """The article the run just stored: the newest row (writes are serialised by the app's lock)."""
    count = corpus.count_articles()
    newest = corpus.articles(limit=1, offset=count - 1) if count else []
    return newest[0].id if newest else None


def _parse_time(value: str | None) -> datetime | None:
    """The report's ``published_at``; a malformed one is a 422 saying what is expected."""
    try:
        return parse_iso_time(value, what="published_at")
    except WiretraceError as exc:
        raise ApiError(422, str(exc)) from None
