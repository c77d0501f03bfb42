"""Make a ``Document`` out of bytes whose kind (plain text or HTML) is known."""

from __future__ import annotations

from wiretrace.errors import Code, InputError
from wiretrace.ingest.encoding import decode, html_charset
from wiretrace.ingest.options import IngestOptions
from wiretrace.ingest.source import Origin
from wiretrace.records import Document

TEXT_PLAIN = "text/plain"
TEXT_HTML = "text/html"


def build_document(
    raw: bytes, media_type: str, origin: Origin, options: IngestOptions, charset: str | None = None
) -> Document:
    """Decode ``raw`` and wrap it with its origin; ``charset`` is a declared one (HTTP, WARC).

    Raises ``InputError`` for empty, oversized or undecodable bytes. Options fill the outlet and the
    publication time only where the container named none.
    """
    if len(raw) > options.max_bytes:
        raise InputError(origin.location, Code.E003, len(raw), options.max_bytes)
    if media_type == TEXT_HTML and charset is None:
        charset = html_charset(raw)
    decoded = decode(raw, charset)
    if decoded is None:
        raise InputError(origin.location, Code.E002, "no text encoding fits these bytes")
    if not decoded.text.strip():
        raise InputError(origin.location, Code.E001)
    return Document(
        raw=raw,
        media_type=media_type,
        location=origin.location,
        text=decoded.text,
        encoding=decoded.encoding,
        fetched_at=origin.fetched_at,
        url=origin.url,
        title=origin.title,
        outlet=origin.outlet,
        published_at=origin.published_at,
    )
