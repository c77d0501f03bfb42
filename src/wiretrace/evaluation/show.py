"""Printing an ``EvalReport`` as a table: one column per system, one row per figure (headline precision,
recall and F1 first, then each figure of ``details``, nested scores shown by their F1). Systems are few
and figures many, so this shape stays readable in an 80-column terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wiretrace.evaluation.report import EvalReport

MAX_DETAIL_ROWS = 24


def flat_figures(details: dict[str, Any], prefix: str = "") -> dict[str, float]:
    """Numbers in ``details``, nested keys joined by '.', a nested score reduced to its F1."""
    figures: dict[str, float] = {}
    for key, value in details.items():
        name = f"{prefix}{key}"
        if isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            figures[name] = value
        elif isinstance(value, dict) and isinstance(value.get("f1"), (int, float)):
            figures[f"{name} F1"] = value["f1"]
            rest = {k: v for k, v in value.items() if k not in {"precision", "recall", "f1"} and not isinstance(v, dict)}
            figures.update(flat_figures(rest, prefix=f"{name}."))
        elif isinstance(value, dict):
            figures.update(flat_figures(value, prefix=f"{name}."))
    return figures


def print_report(console: Console, report: EvalReport) -> None:
    rows = {name: flat_figures(score.details) for name, score in report.results.items()}
    names = list(dict.fromkeys(k for figures in rows.values() for k in figures))
    extra = sorted(names, key=lambda k: not _is_score(k))[:MAX_DETAIL_ROWS]  # scores first, counts if room
    table = Table(title=f"{report.task} (n = {report.n})")
    table.add_column("figure")
    for name in report.results:
        table.add_column(escape(name), justify="right")
    scores = report.results.values()
    table.add_row("precision", *(f"{s.precision:.3f}" for s in scores))
    table.add_row("recall", *(f"{s.recall:.3f}" for s in scores))
    table.add_row("[bold]F1[/]", *(f"[bold]{s.f1:.3f}[/]" for s in scores), end_section=bool(extra))
    for figure in extra:
        table.add_row(escape(figure), *(_fmt(rows[name].get(figure)) for name in report.results))
    console.print(table)


def _is_score(name: str) -> bool:
    return name.lower().endswith(("f1", "accuracy"))


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return str(value) if isinstance(value, int) else f"{value:.3f}"
