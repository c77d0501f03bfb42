"""The views: what an analyst reads. ``report`` (a story's timeline in the terminal or as Markdown),
``export`` (tables as CSV, JSONL or Parquet) and ``events`` (ACLED-style event rows).

The views read the database through ``wiretrace.corpus.Corpus`` only, and import no later stage.

    from wiretrace.views import ExportOptions, export
    with wiretrace.Corpus("crisis.db", read_only=True) as corpus:
        export(corpus, ExportOptions(format="parquet", what="events"), Path("events.parquet"))
"""

from wiretrace.views.events import EventRow, event_row, event_rows
from wiretrace.views.export import export
from wiretrace.views.options import EXPORT_FORMATS, EXPORT_TABLES, REPORT_FORMATS, ExportOptions, ReportOptions
from wiretrace.views.report import print_report, render_story
from wiretrace.views.markdown import story_markdown

__all__ = [
    "EXPORT_FORMATS",
    "EXPORT_TABLES",
    "REPORT_FORMATS",
    "EventRow",
    "ExportOptions",
    "ReportOptions",
    "event_row",
    "event_rows",
    "export",
    "print_report",
    "render_story",
    "story_markdown",
]
