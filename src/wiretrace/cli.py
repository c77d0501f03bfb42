"""The ``wiretrace`` command: thin over the Python API; parses options, calls one function, prints.

Errors wiretrace raises on purpose (``WiretraceError``) are caught once, in ``_ErrorEdge``, and printed as one
line with exit code 1.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Optional

import click
import typer
from rich.console import Console
from typer.core import TyperGroup
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

import wiretrace
from wiretrace.corpus import Corpus
from wiretrace.errors import Code, WiretraceError, printable
from wiretrace.isotime import parse_iso_time
from wiretrace.jsonable import to_jsonable
from wiretrace.store import RunSummary
from wiretrace.terminal import escape, print_article, print_claims, print_stories, print_story
from wiretrace.views.options import ExportFormat, ExportOptions, ExportTable, ReportFormat, ReportOptions

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class _ErrorEdge(TyperGroup):
    """The one place where wiretrace's own errors become a single line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WiretraceError as exc:
            err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("interrupted: what was stored is kept; run the same command again to resume")
            raise typer.Exit(130) from None


app = typer.Typer(cls=_ErrorEdge, help="Turn scraped crisis reports into stories of attributed claims.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
eval_app = typer.Typer(help="Score a stage on gold data, beside peer tools run in the same command.",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")

DbOption = Annotated[Path, typer.Option("--db", help="The SQLite database file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
PROGRESS_MIN_SOURCES = 4  # fewer inputs than this finish before a bar would be read
_INGEST_DEFAULTS = wiretrace.IngestOptions()


def _parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time option, refused as a bad parameter (exit code 2) before any work."""
    try:
        return parse_iso_time(value, what="publication time")
    except WiretraceError as exc:
        raise typer.BadParameter(str(exc)) from None


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feed or page URLs, WARC archives.")],
    db: DbOption = Path(wiretrace.DEFAULT_DB),
    outlet: Annotated[Optional[str], typer.Option(help="Outlet of inputs that name none.")] = None,
    published_at: Annotated[Optional[str], typer.Option(help="Publication time (ISO 8601) of inputs that carry none.")] = None,
    max_bytes: Annotated[int, typer.Option(min=1, help="Size cap per document, in bytes.")] = _INGEST_DEFAULTS.max_bytes,
    follow_links: Annotated[bool, typer.Option(help="Feeds: fetch each entry's page instead of its summary.")] = False,
    outlets: Annotated[Optional[Path], typer.Option(
        exists=True, dir_okay=False, help="Your own outlet registry (TSV: name, type, kind, country, aliases; "
        "see docs/outlets.md), added to the shipped one.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line.")] = False,
) -> None:
    """Ingest, clean and store reports; a bad input is reported and skipped, never stops the run."""
    ingest = wiretrace.IngestOptions(max_bytes=max_bytes, follow_links=follow_links)
    options = wiretrace.AnalyzeOptions(ingest=ingest, extract=wiretrace.ExtractOptions(outlets_file=outlets),
                                       outlet=outlet, published_at=_parse_time(published_at))
    bar = _ProgressBar(enabled=not quiet and err.is_terminal)
    try:
        corpus = wiretrace.analyze(paths, db, options=options, on_source_done=bar.advance, on_linked=bar.linked)
    finally:
        bar.close()
    with corpus:
        _print_run(corpus, quiet=quiet)


class _ProgressBar:
    """A rich progress bar over input sources, then over the articles linked, each shown only once a run
    has enough of them to be worth it."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.linking: TaskID | None = None

    def advance(self, location: str, total: int) -> None:
        if self.task is None:
            if not self.enabled or total < PROGRESS_MIN_SOURCES:
                return
            self.task = self._bar().add_task("", total=total, stage="analyzing")
        self._bar().update(self.task, advance=1, description=escape(printable(Path(location).name)))

    def linked(self, done: int, total: int) -> None:
        if self.linking is None:
            if not self.enabled or total < PROGRESS_MIN_SOURCES:
                return
            self.linking = self._bar().add_task("", total=total, stage="linking")
        self._bar().update(self.linking, completed=done)

    def _bar(self) -> Progress:
        if self.progress is None:
            columns = (TextColumn("{task.fields[stage]}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       TextColumn("{task.description}"))
            self.progress = Progress(*columns, console=err, transient=True)
            self.progress.start()
        return self.progress

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _print_run(corpus: Corpus, *, quiet: bool) -> None:
    run: RunSummary | None = corpus.last_run
    assert run is not None  # analyze always sets it
    if not quiet:
        for skipped in corpus.skipped():
            kept = skipped.code in (Code.E017.name, Code.E018.name)  # stored without claims / not linked yet
            label = "warning" if kept else "skipped"
            err.print(f"[yellow]{label}[/] {escape(str(skipped))}", highlight=False)
    out.print(
        f"run {run.id}: {run.stored} stored, {run.unchanged} unchanged, {run.skipped} skipped "
        f"→ {escape(str(corpus.path))} ({corpus.count_articles()} articles, {corpus.count_claims()} claims)",
        highlight=False,
    )


@app.command()
def articles(
    db: DbOption = Path(wiretrace.DEFAULT_DB),
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(min=1, help="How many to list.")] = 100,
    offset: Annotated[int, typer.Option(min=0, help="How many to pass over first.")] = 0,
) -> None:
    """List the stored articles."""
    with _open(db) as corpus:
        rows = corpus.articles(limit=limit, offset=offset)
        total = corpus.count_articles()
    if as_json:
        for row in rows:
            out.print_json(json.dumps(to_jsonable(row)), indent=None)
        return
    table = Table("id", "title", "outlet", "host", "repost", "published", "lang", "words", "comments")
    table.columns[1].min_width = 24
    for r in rows:
        table.add_row(str(r.id), escape(r.title or "—"), escape(r.outlet or "—"), escape(r.host or "—"),
                      "yes" if r.is_repost else "", r.published_at or "—", r.language or "—", str(r.words), str(r.comments))
    out.print(table)
    if len(rows) < total:
        first = offset + 1 if rows else offset
        out.print(f"showing {first}–{offset + len(rows)} of {total}; page with --offset and --limit", highlight=False)


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(metavar="ID", help="Article id (see `wiretrace articles`).")],
    db: DbOption = Path(wiretrace.DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """Show one article: metadata, segments, captions and reader comments."""
    with _open(db) as corpus:
        stored = corpus.article(article_id)
    if stored is None:
        raise WiretraceError(f"no article {article_id} in {db}; `wiretrace articles --db {db}` lists them")
    if as_json:
        out.print_json(json.dumps(_article_json(stored)))
        return
    print_article(out, stored)


@app.command()
def claims(
    db: DbOption = Path(wiretrace.DEFAULT_DB),
    article: Annotated[Optional[int], typer.Option(help="Only this article's claims (see `wiretrace articles`).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines instead of text.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="How many to list.")] = 1000,
    offset: Annotated[int, typer.Option(min=0, help="How many to pass over first.")] = 0,
) -> None:
    """List claims: text, kind, speaker and chain (innermost first), factuality, time, numbers, places."""
    with _open(db) as corpus:
        if article is not None and corpus.article(article) is None:
            raise WiretraceError(f"no article {article} in {db}; `wiretrace articles --db {db}` lists them")
        rows = corpus.claims(article=article, limit=limit, offset=offset)
        total = corpus.count_claims(article=article)
        status = corpus.extraction(article) if article is not None else None
    if as_json:
        for row in rows:
            out.print_json(json.dumps({"article": row.article, **to_jsonable(row.claim)}), indent=None)
        return
    if status is not None and status[1]:
        err.print(f"[yellow]{status[0]}[/]: {escape(status[1])}", highlight=False)
    if rows or not total:
        print_claims(out, rows)
    if len(rows) < total:
        first = offset + 1 if rows else offset
        out.print(f"showing {first}–{offset + len(rows)} of {total}; page with --offset and --limit", highlight=False)


@app.command()
def stories(
    db: DbOption = Path(wiretrace.DEFAULT_DB),
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(min=1, help="How many to list.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="How many to pass over first.")] = 0,
) -> None:
    """List stories, the most recently updated first: title, span, places, articles, sources, claims."""
    with _open(db) as corpus:
        rows = corpus.stories(limit=limit, offset=offset)
        total = corpus.count_stories()
    if as_json:
        for row in rows:
            out.print_json(json.dumps(to_jsonable(row)), indent=None)
        return
    if not total:
        out.print(f"no stories in {escape(str(db))}; `wiretrace analyze PATH --db {escape(str(db))}` builds them",
                  highlight=False)
        return
    print_stories(out, rows)
    if len(rows) < total:
        first = offset + 1 if rows else offset
        out.print(f"showing {first}–{offset + len(rows)} of {total}; page with --offset and --limit", highlight=False)


@app.command()
def story(
    story_id: Annotated[int, typer.Argument(metavar="N", help="Story id (see `wiretrace stories`).")],
    db: DbOption = Path(wiretrace.DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """One story's claim clusters in event-time order: mentions, primary sources, independence, status
    history, conflicts and framing."""
    with _open(db) as corpus:
        found = corpus.story(story_id)
        if found is None:
            raise WiretraceError(f"no story {story_id} in {db}; `wiretrace stories --db {db}` lists them")
        clusters = corpus.clusters(story=story_id)
    if as_json:
        out.print_json(json.dumps({**to_jsonable(found), "claim_clusters": to_jsonable(clusters)}), indent=None)
        return
    print_story(out, found, clusters)


def _article_json(stored: wiretrace.store.StoredArticle) -> dict:
    data = to_jsonable(stored.article)
    data["segments"] = [dict(s, text=stored.article.text[s["start"]:s["end"]]) for s in data["segments"]]
    return {"id": stored.id, "locations": list(stored.locations), "media_type": stored.media_type, **data}


def _open(db: Path) -> Corpus:
    return Corpus(db, read_only=True)


@eval_app.command("clean")
def eval_clean(
    set_name: Annotated[str, typer.Option("--set", help="html | text | comments")] = "html",
    data: Annotated[Optional[Path], typer.Option(help="A folder in the same format as the set's in ../shared/data.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Score cleaning: HTML (ScrapingHub), scraped plain text, and the body/comment split."""
    from wiretrace.evaluation.clean_text import evaluate_clean

    if set_name not in {"html", "text", "comments"}:
        raise typer.BadParameter(f"--set must be html, text or comments, not {set_name!r}")
    _print_report(evaluate_clean(set_name, data), as_json)


@eval_app.command("time")
def eval_time(
    data: Annotated[Optional[Path], typer.Option(help="A folder in the TempEval-3 layout of ../shared/data/time/tempeval3.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Score time expressions on TempEval-3: relaxed/strict span F1 and value F1, beside dateparser alone."""
    from wiretrace.evaluation.time import evaluate_time

    _print_report(evaluate_time(data), as_json)


@eval_app.command("factuality")
def eval_factuality(
    data: Annotated[Optional[Path], typer.Option(help="A folder in the MEANTIME layout of ../shared/data/factuality/meantime.")] = None,
    gold: Annotated[Optional[Path], typer.Option(help="A gold-set JSONL file (default: the frozen test half).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Score claim factuality on MEANTIME (mapped labels) and on our gold set, beside a cue-word-only baseline."""
    from wiretrace.evaluation.factuality import default_gold_set, evaluate_factuality

    _print_report(evaluate_factuality(data, gold_set=gold or default_gold_set()), as_json)


@eval_app.command("attribution")
def eval_attribution(
    data: Annotated[Optional[Path], typer.Option(help="A PolNeAR folder (split/text and split/attributions).")] = None,
    split: Annotated[str, typer.Option(help="dev | train")] = "dev",
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N articles.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Score attribution spans (source, cue, content) on PolNeAR, beside textacy's quotations."""
    from wiretrace.evaluation.attribution import evaluate_attribution

    _print_report(evaluate_attribution(data, split=split, limit=limit), as_json)


@eval_app.command("claims")
def eval_claims(
    data: Annotated[Optional[Path], typer.Option(help="The shared data folder the claim pairs point into (default ../shared/data).")] = None,
    split: Annotated[str, typer.Option(help="test (the frozen half) | dev")] = "test",
    as_json: JsonOption = False,
) -> None:
    """Score claim matching (same / different / contradicting) on our claim-pair gold set, beside an embedding-only baseline."""
    from wiretrace.evaluation.claim_pairs import evaluate_claim_pairs

    _print_report(evaluate_claim_pairs(data, split=split), as_json)


EcbSplit = Annotated[Optional[str], typer.Option(
    help="test | dev | train | all (the split column of doc_clusters.csv); default: test when the data has it, else dev")]


def _ecb_split(data: Path | None, split: str | None) -> str:
    """The split to score: the one asked for, else test when present (the README's setup), else dev, said aloud."""
    if split is not None:
        return split
    from wiretrace.evaluation.ecbplus import available_splits

    if "test" in available_splits(data):
        return "test"
    err.print("[yellow]note:[/] this copy of ECB+ has no test topics; scoring the dev split (tuned on train)",
              highlight=False)
    return "dev"


@eval_app.command("stories")
def eval_stories(
    data: Annotated[Optional[Path], typer.Option(help="An ECB+ folder (ECB+/, doc_clusters.csv, ECBplus_coreference_sentences.csv).")] = None,
    split: EcbSplit = None,
    as_json: JsonOption = False,
) -> None:
    """Cluster ECB+ documents into stories incrementally: B-cubed and pairwise F1, beside TF-IDF baselines."""
    from wiretrace.evaluation.stories import evaluate_stories

    _print_report(evaluate_stories(data, split=_ecb_split(data, split)), as_json)


@eval_app.command("events")
def eval_events(
    data: Annotated[Optional[Path], typer.Option(help="An ECB+ folder (ECB+/, doc_clusters.csv, ECBplus_coreference_sentences.csv).")] = None,
    split: EcbSplit = None,
    as_json: JsonOption = False,
) -> None:
    """Score cross-document event coreference on ECB+ within predicted stories (CoNLL F1), beside same-lemma."""
    from wiretrace.evaluation.events import evaluate_events

    _print_report(evaluate_events(data, split=_ecb_split(data, split)), as_json)


def _print_report(report, as_json: bool) -> None:
    from wiretrace.evaluation.show import print_report

    if as_json:
        out.print_json(json.dumps(report.as_dict()), indent=None)
    else:
        print_report(out, report)


@app.command("report")
def report_command(
    db: DbOption = Path(wiretrace.DEFAULT_DB),
    story: Annotated[Optional[int], typer.Option(min=1, help="Only this story (default: every story).")] = None,
    report_format: Annotated[ReportFormat, typer.Option("--format", help="text for the terminal, markdown for a "
                                                        "newsroom document.")] = ReportFormat("text"),
) -> None:
    """Story timelines: each claim with its status, independence, relay chains, history, conflicts and framing."""
    from wiretrace.views.report import print_report as print_story_report

    with _open(db) as corpus:
        print_story_report(out, corpus, ReportOptions(story=story, format=report_format.value))


@app.command("export")
def export_command(
    export_format: Annotated[ExportFormat, typer.Option("--format", help="Lists and objects are JSON text in csv "
                                                        "and parquet.")],
    db: DbOption = Path(wiretrace.DEFAULT_DB),
    what: Annotated[ExportTable, typer.Option(help="Which table; events are ACLED-style rows, one per event.")] = ExportTable("claims"),
    out_file: Annotated[Optional[Path], typer.Option("--out", dir_okay=False,
                                                     help="The file to write (default: standard output; Parquet needs a file).")] = None,
) -> None:
    """Export claims, articles, stories, claim clusters or ACLED-style events as CSV, JSONL or Parquet."""
    from wiretrace.views.export import export

    with _open(db) as corpus:
        rows = export(corpus, ExportOptions(format=export_format.value, what=what.value), out_file)
    if out_file is not None:
        err.print(f"{rows} row(s) of {what.value} → {escape(str(out_file))}", highlight=False)


@app.command("serve")
def serve_command(
    db: DbOption = Path(wiretrace.DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to bind; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token_file: Annotated[Optional[Path], typer.Option(
        exists=True, dir_okay=False, help="A file holding the write token; without it the API is read-only "
        "(POST /api/reports and PATCH /api/claims/{id} answer 403).")] = None,
) -> None:
    """Serve the web UI (stories, timelines, claims, sources, articles, search) and the JSON API under /api/."""
    try:
        from wiretrace.web import read_token, serve
    except ImportError as exc:
        raise WiretraceError(f"the web UI needs the 'web' extra ({exc.name} is missing): "
                             "pip install 'wiretrace[web]'") from exc
    token = read_token(token_file) if token_file is not None else None
    serve(db, host=host, port=port, token=token, announce=lambda line: err.print(escape(line), highlight=False))
