"""The small records that carry an input through the stage before it becomes a ``Document``.

``Source`` is one listed input (a file or a URL, or a problem found while listing); ``Origin`` is what is
known of where some bytes came from; ``Payload`` is those bytes with the hints that decide how to read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wiretrace.errors import InputError
from wiretrace.records import Skipped


@dataclass(frozen=True, slots=True)
class Source:
    """One input as listed by ``expand_inputs``: exactly one of ``path``, ``url`` or ``skipped`` is set."""

    location: str
    path: Path | None = None
    url: str | None = None
    skipped: Skipped | None = None  # a problem found while listing (missing path, link leaving the root)
    root: Path | None = None  # the resolved folder a listed file must stay inside when it is read


@dataclass(frozen=True, slots=True)
class Origin:
    """Where some bytes came from, and what their container said about them."""

    location: str
    fetched_at: datetime
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Payload:
    """Bytes to read, with the hints that decide how: the name's extension and the HTTP content type."""

    raw: bytes
    origin: Origin
    name: str = ""  # a file name or a URL path; only its extension is used
    media_type: str | None = None  # from an HTTP Content-Type, lower case, without parameters
    charset: str | None = None  # from an HTTP Content-Type


def to_skipped(error: InputError) -> Skipped:
    """An ``InputError`` as a stored ``Skipped``, printable on one line."""
    return error.as_skipped()


def as_utc(moment: datetime) -> datetime:
    """An aware datetime: naive values are taken to be UTC, aware ones are kept as they are."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
