"""``wiretrace export``: a table of the database as CSV, JSONL or Parquet, streamed page by page.

Tables (``--what``) and their columns, in order (``*`` marks a list or object value):

- ``claims``: article, cluster, id, article_id, start, end, text, kind, speaker, chain*, factuality,
  cues*, time*, quantities*, places*, entities*, proposition*, where, confirms*, denies*, verdict,
  verdict_note
- ``articles``: id, story, repost_of, title, media_type, locations*, document_id, text, segments*,
  comments*, outlet, host, is_repost, url, published_at, published_at_inferred, language, boilerplate*
- ``stories``: id, title, start, end, places*, actors*, articles*, updated_at, sources, claims, clusters
- ``clusters``: id, story, label, mentions*, origins*, independence, relays*, status, history*,
  conflicts*, framing*
- ``events``: event_id, story, event_date, date_precision, time_precision, event_start, event_end,
  disorder_type, event_type, sub_event_type, actor1, actor2, country, country_code, admin1, location,
  site, latitude, longitude, geo_precision, fatalities_min, fatalities_max, sources, primary_sources,
  independence, status, conflicts, reports, claims, notes (ACLED-style rows, see ``views.events``)

The columns are the fields of the records (``wiretrace.records``; ``EventRow`` for events) under their
exact names, plus for claims the row id of its ``article``, its ``cluster`` and the analyst's
``verdict`` and ``verdict_note``; for articles the row ``id``, its ``story``, the article it is a
``repost_of``, its ``title``, ``media_type`` and the ``locations`` its bytes were seen at.

Formats:

- ``jsonl``: one object per line, the record as ``to_jsonable`` gives it (nested values nested), so
  ``from_jsonable(Claim, row)`` rebuilds the record;
- ``csv``: a header line, then one line per row; a list or object is a JSON string in its cell, None an
  empty cell, a boolean ``true``/``false``; a text that starts like a spreadsheet formula (``=``, ``+``,
  ``-``, ``@``) gets a leading apostrophe, so opening the file never runs scraped text as a formula;
- ``parquet``: typed columns (int64, float64, bool, string); lists and objects are JSON strings, as in
  CSV, so the three formats agree column for column and any Parquet reader reads every file (DuckDB's
  and pandas' JSON functions unpack them). Written in row groups of ``ExportOptions.batch_size``.

Rows are read through ``Corpus`` ``page_size`` at a time and written as they come: memory stays flat
whatever the size of the database.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from wiretrace.corpus import Corpus
from wiretrace.errors import WiretraceError
from wiretrace.views.options import ExportOptions
from wiretrace.views.tables import TABLES, Table
from wiretrace.views.writers import write_csv, write_jsonl, write_parquet

def export(corpus: Corpus, options: ExportOptions, out: Path | None = None, *, stdout: TextIO | None = None) -> int:
    """Write the table ``options.what`` to ``out`` (or, for CSV and JSONL, to ``stdout`` when ``out`` is
    None) and return the number of rows written."""
    table = TABLES[options.what]
    if out is None:
        if options.format == "parquet":
            raise WiretraceError("a Parquet export is binary: give a file with --out")
        return _write_text(table, corpus, options, stdout or sys.stdout)
    try:
        if options.format == "parquet":
            return write_parquet(table.rows(corpus, options.page_size), table.columns, str(out),
                                 batch_size=options.batch_size)  # fmt: skip
        with out.open("w", encoding="utf-8", newline="") as stream:
            return _write_text(table, corpus, options, stream)
    except OSError as exc:
        raise WiretraceError(f"cannot write {out}: {exc.strerror or exc}") from exc


def _write_text(table: Table, corpus: Corpus, options: ExportOptions, stream: TextIO) -> int:
    rows = table.rows(corpus, options.page_size)
    return write_csv(rows, table.columns, stream) if options.format == "csv" else write_jsonl(rows, stream)
