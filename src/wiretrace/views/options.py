"""The options of the report and export views, declared once (the CLI takes its choices from here).

Kept apart from the views themselves so that reading them is cheap: the CLI builds its ``--help`` from
these names without importing pyarrow or the stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wiretrace.errors import WiretraceError

EXPORT_FORMATS = ("csv", "jsonl", "parquet")
EXPORT_TABLES = ("claims", "articles", "stories", "clusters", "events")
REPORT_FORMATS = ("text", "markdown")

# The same choices as enums, which the CLI turns into checked option values.
ExportFormat = StrEnum("ExportFormat", [(name, name) for name in EXPORT_FORMATS])
ExportTable = StrEnum("ExportTable", [(name, name) for name in EXPORT_TABLES])
ReportFormat = StrEnum("ReportFormat", [(name, name) for name in REPORT_FORMATS])


def _check(value: str, choices: tuple[str, ...], what: str) -> None:
    if value not in choices:
        raise WiretraceError(f"cannot {what} {value!r}: choose one of {', '.join(choices)}")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to export and how: ``format`` (one of ``EXPORT_FORMATS``), ``what`` (one of ``EXPORT_TABLES``),
    how many rows to read per page and how many to write per Parquet row group."""

    format: str = "csv"
    what: str = "claims"
    page_size: int = 500
    batch_size: int = 1000

    def __post_init__(self) -> None:
        _check(self.format, EXPORT_FORMATS, "export as")
        _check(self.what, EXPORT_TABLES, "export")
        if self.page_size < 1 or self.batch_size < 1:
            raise WiretraceError(
                f"export page and batch sizes must be at least 1, not {self.page_size} and {self.batch_size}")


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Which story (``story``: its id; None for every story), in which ``format`` (one of
    ``REPORT_FORMATS``); ``page_size`` stories and clusters are read at a time."""

    story: int | None = None
    format: str = "text"
    page_size: int = 100

    def __post_init__(self) -> None:
        _check(self.format, REPORT_FORMATS, "report as")
        if self.page_size < 1:
            raise WiretraceError(f"report page size must be at least 1, not {self.page_size}")
