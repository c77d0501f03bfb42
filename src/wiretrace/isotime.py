"""Reading a time a person typed (a CLI option, an API field) as ISO 8601, with one message for a bad one.

Both edges that take a publication time read it here: ``wiretrace analyze --published-at`` and
``POST /api/reports`` (``published_at``). Each turns the error into its own answer (a bad parameter
with exit code 2, a 422), with the same words.
"""

from __future__ import annotations

from datetime import datetime

from wiretrace.errors import WiretraceError

ISO_EXAMPLE = "2022-01-06T12:00:00+06:00"


def parse_iso_time(value: str | None, *, what: str = "time") -> datetime | None:
    """``value`` as a datetime (its offset kept; without one the time stays naive), None for None.

    Python's ``datetime.fromisoformat`` reads the ISO 8601 forms people type (``2022-01-06``,
    ``2022-01-06T12:00+06:00``, ``...Z``). Raises ``WiretraceError`` naming ``what`` and an example.
    """
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise WiretraceError(f"{what} {value!r} is not an ISO 8601 time, e.g. {ISO_EXAMPLE}") from None
