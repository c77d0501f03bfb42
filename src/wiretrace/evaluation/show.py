"""Printing an ``EvalReport`` as a table: one row per system, the headline figures first."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wiretrace.evaluation.report import EvalReport


def print_report(console: Console, report: EvalReport) -> None:
    table = Table(title=f"{report.task} (n = {report.n})")
    for column in ("system", "precision", "recall", "F1", "details"):
        table.add_column(column, justify="left" if column in {"system", "details"} else "right")
    for name, score in report.results.items():
        details = json.dumps(score.details, separators=(", ", ": "))
        table.add_row(escape(name), f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      escape(details if len(details) < 400 else details[:397] + "..."))
    console.print(table)
