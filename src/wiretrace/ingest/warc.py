"""WARC archives (plain or gzip, read with fastwarc): each HTML response with status 200 is a ``Document``.

Other records (requests, images, redirects, metadata) are not documents and are passed over. fastwarc
stops quietly on some kinds of damage, so the reader checks each record itself: a header without a
``Content-Length`` or a body shorter than declared means the archive is cut short there. Whatever the
damage, the documents read before it are kept and one ``Skipped`` E007 names the archive and the cause.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from wiretrace.errors import Code, InputError
from wiretrace.ingest.documents import TEXT_HTML, build_document
from wiretrace.ingest.options import IngestOptions
from wiretrace.ingest.source import Origin, to_skipped
from wiretrace.records import Document, Skipped

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b\x08"  # gzip, deflate


class _DamageError(Exception):
    """The archive cannot be read past this point; the message says why."""


def read_warc(stream: BinaryIO, origin: Origin, options: IngestOptions) -> Iterator[Document | Skipped]:
    """The HTML pages of an archive, located as ``archive.warc.gz#<record id>``; ``stream`` must seek."""
    where = "at the start"
    try:
        for record in _records(stream):
            record_id = (record.record_id or "").strip("<>")
            item = _read_record(record, replace(origin, location=f"{origin.location}#{record_id}"), options)
            if item is not None:
                yield item
            where = f"after record {record_id}"
    except _DamageError as damage:
        yield to_skipped(InputError(origin.location, Code.E007, f"{where}: {damage}"))


def _records(stream: BinaryIO) -> Iterator[WarcRecord]:
    """Every record, whatever its type: a damaged one is often typed "unknown" and would be filtered out."""
    last_start = None
    try:
        for record in ArchiveIterator(stream, parse_http=True):
            if not (record.headers.get("Content-Length") or "").strip().isdigit():
                raise _DamageError("a record header is incomplete (the archive is cut short)")
            last_start = record.stream_pos
            yield record
    except (OSError, ValueError, RuntimeError) as error:  # how fastwarc reports bytes it cannot parse
        raise _DamageError(f"{type(error).__name__}: {error}") from error
    if last_start is None:
        raise _DamageError("no WARC record could be read (not a WARC file, or damaged at its start)")
    _check_gzip_tail(stream, last_start)


def _check_gzip_tail(stream: BinaryIO, last_start: int) -> None:
    """Raise ``_DamageError`` if bytes follow the last record's gzip member.

    fastwarc ends quietly when the archive is cut inside a member's first bytes (nothing decompressed
    yet), so the end is checked here: decompress the last member and look at what follows it.
    """
    stream.seek(last_start)
    if stream.read(len(_GZIP_MAGIC)) != _GZIP_MAGIC:
        return  # not gzip, or one gzip stream for the whole file: fastwarc has reported its own damage
    stream.seek(last_start)
    member = zlib.decompressobj(wbits=31)
    try:
        while not member.eof and (data := stream.read(_CHUNK)):
            while data and not member.eof:
                member.decompress(data, _CHUNK)  # bounded output: the text itself is not needed
                data = member.unconsumed_tail
    except zlib.error:
        return  # ``last_start`` was not a member start after all (one gzip stream for the whole file)
    if not member.eof:
        raise _DamageError("the last record's gzip member ends early (the archive is cut short)")
    if (member.unused_data + stream.read(_CHUNK)).strip(b"\0\r\n "):
        raise _DamageError("unreadable bytes follow the last complete record (cut short or corrupt)")


def _read_record(record: WarcRecord, origin: Origin, options: IngestOptions) -> Document | Skipped | None:
    """A ``Document`` for a wanted page, a ``Skipped`` for a broken one, ``None`` for everything else."""
    if record.record_type == WarcRecordType.response and record.http_headers is None:
        _body(record, keep=False)
        return to_skipped(InputError(origin.location, Code.E007, "this record's HTTP headers are unreadable"))
    if not _is_page(record):
        _body(record, keep=False)
        return None
    if record.content_length > options.max_bytes:
        _body(record, keep=False)
        return to_skipped(InputError(origin.location, Code.E003, record.content_length, options.max_bytes))
    body = _body(record, keep=True)
    fetched_at = record.record_date or origin.fetched_at
    page = replace(origin, url=record.headers.get("WARC-Target-URI"), fetched_at=fetched_at)
    try:
        return build_document(body, TEXT_HTML, page, options, record.http_charset)
    except InputError as error:
        return to_skipped(error)


def _is_page(record: WarcRecord) -> bool:
    if record.record_type != WarcRecordType.response:
        return False
    content_type = (record.http_content_type or "").lower()
    return record.http_headers.status_code == 200 and content_type in _HTML_TYPES


def _body(record: WarcRecord, *, keep: bool) -> bytes:
    """Read a record's body through (kept, or only counted) and check it is as long as declared."""
    parts: list[bytes] = []
    seen = 0
    try:
        while chunk := record.reader.read(_CHUNK):
            seen += len(chunk)
            if keep:
                parts.append(chunk)
    except (OSError, ValueError, RuntimeError) as error:
        raise _DamageError(f"{type(error).__name__}: {error}") from error
    if seen < record.content_length:
        raise _DamageError(f"a record body is cut short ({seen} of {record.content_length} bytes)")
    return b"".join(parts)
