"""Send bytes to the reader for their kind: plain text, HTML, JSON, JSON Lines, a feed or a WARC archive."""

from __future__ import annotations

import io
from collections.abc import Iterator
from urllib.parse import urlsplit

from wiretrace.errors import Code, InputError
from wiretrace.ingest.documents import TEXT_HTML, TEXT_PLAIN, build_document
from wiretrace.ingest.feeds import read_feed
from wiretrace.ingest.http import fetch
from wiretrace.ingest.options import IngestOptions
from wiretrace.ingest.records_json import read_json, read_jsonl
from wiretrace.ingest.sniff import HEAD_BYTES, Kind, Sniffed, sniff
from wiretrace.ingest.source import Origin, Payload
from wiretrace.ingest.warc import read_warc
from wiretrace.records import Document, Skipped


def read_url(url: str, options: IngestOptions) -> Iterator[Document | Skipped]:
    """Fetch ``url`` and read what it serves; its content type decides how."""
    fetched = fetch(url, options)
    origin = Origin(url, fetched.fetched_at, url=fetched.url)
    name = urlsplit(fetched.url).path
    yield from read_payload(Payload(fetched.body, origin, name, fetched.media_type, fetched.charset), options)


def read_payload(payload: Payload, options: IngestOptions) -> Iterator[Document | Skipped]:
    """Sniff ``payload`` and read it."""
    sniffed = sniff(payload.raw[:HEAD_BYTES], payload.name, payload.media_type)
    yield from read_sniffed(payload, sniffed, options)


def read_sniffed(payload: Payload, sniffed: Sniffed, options: IngestOptions) -> Iterator[Document | Skipped]:
    """Read ``payload`` as the kind already decided. Raises ``InputError`` when it is not usable at all."""
    origin = payload.origin
    match sniffed.kind:
        case Kind.BINARY:
            raise InputError(origin.location, Code.E002, sniffed.what)
        case Kind.WARC:
            yield from read_warc(io.BytesIO(payload.raw), origin, options)
        case Kind.JSONL:
            yield from read_jsonl(io.BytesIO(payload.raw), origin, options)
        case Kind.JSON:
            yield from read_json(payload, options)
        case Kind.FEED:
            yield from read_feed(payload, options)
        case Kind.HTML:
            yield build_document(payload.raw, TEXT_HTML, origin, options, payload.charset)
        case Kind.TEXT:
            yield build_document(payload.raw, TEXT_PLAIN, origin, options, payload.charset)
