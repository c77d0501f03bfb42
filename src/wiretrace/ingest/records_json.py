"""JSON and JSON Lines records: one ``Document`` per record, a ``Skipped`` per broken record.

A record is an object with ``text`` or ``html`` (the body; ``html`` wins when both are given, since the
HTML cleaner sees structure that plain text has lost) and optionally ``url``, ``title``, ``outlet`` and
``published`` (ISO 8601). ``raw`` is the body encoded as UTF-8, so the same body is the same document
whatever file it came in. A ``.json`` file holds one object or a list of them; a ``.jsonl`` file one
object per line, read line by line so a large file never sits in memory whole.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import BinaryIO

from wiretrace.errors import Code, InputError
from wiretrace.ingest.documents import TEXT_HTML, TEXT_PLAIN
from wiretrace.ingest.encoding import decode
from wiretrace.ingest.options import IngestOptions
from wiretrace.ingest.source import Origin, Payload, as_utc, to_skipped
from wiretrace.records import Document, Skipped

_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "a boolean", type(None): "null"}  # fmt: skip
_OPTIONAL_TEXT_FIELDS = ("url", "title", "outlet")


def read_json(payload: Payload, options: IngestOptions) -> Iterator[Document | Skipped]:
    """The records of a ``.json`` document: one object, or a list whose items are numbered from 1."""
    location = payload.origin.location
    if not payload.raw.strip():
        raise InputError(location, Code.E001)
    data = _loads(payload.raw, location)
    if isinstance(data, dict):
        yield _record_or_skip(data, payload.origin, options)
    elif isinstance(data, list):
        if not data:
            raise InputError(location, Code.E001)
        for number, item in enumerate(data, 1):
            yield _record_or_skip(item, replace(payload.origin, location=f"{location}#{number}"), options)
    else:
        raise InputError(location, Code.E011, f"the file holds {_json_type(data)}, not an object or a list")


def read_jsonl(stream: BinaryIO, origin: Origin, options: IngestOptions) -> Iterator[Document | Skipped]:
    """The records of a JSON Lines stream, located by line number (``file.jsonl#3``); blank lines skip."""
    found = False
    for number, line in enumerate(_lines(stream, options.max_bytes), 1):
        location = f"{origin.location}#{number}"
        if line is None:
            yield to_skipped(InputError(location, Code.E003, f"over {options.max_bytes}", options.max_bytes))
            found = True
            continue
        if not line.strip():
            continue
        found = True
        try:
            yield record_document(_loads(line, location), replace(origin, location=location), options)
        except InputError as error:
            yield to_skipped(error)
    if not found:
        raise InputError(origin.location, Code.E001)


def record_document(data: object, origin: Origin, options: IngestOptions) -> Document:
    """One record as a ``Document``. Raises ``InputError`` E011 naming what is wrong with it."""
    location = origin.location
    if not isinstance(data, dict):
        raise InputError(location, Code.E011, f"expected an object, found {_json_type(data)}")
    field = "html" if _has_text(data.get("html")) else "text"
    body = data.get(field)
    if not isinstance(body, str) or not body.strip():
        raise InputError(location, Code.E011, "no 'text' or 'html' field with content")
    for name in _OPTIONAL_TEXT_FIELDS:
        if data.get(name) is not None and not isinstance(data[name], str):
            raise InputError(location, Code.E011, f"field {name!r} must be a string, found {_json_type(data[name])}")
    raw = body.encode("utf-8", errors="replace")  # a lone surrogate (valid JSON) becomes "?"
    if len(raw) > options.max_bytes:
        raise InputError(location, Code.E003, len(raw), options.max_bytes)
    return Document(
        raw=raw,
        media_type=TEXT_HTML if field == "html" else TEXT_PLAIN,
        location=location,
        text=raw.decode("utf-8"),
        encoding="utf-8",
        fetched_at=origin.fetched_at,
        url=data.get("url") or origin.url,
        title=data.get("title") or origin.title,
        outlet=data.get("outlet") or origin.outlet,
        published_at=_published(data.get("published"), location) or origin.published_at,
    )


def _record_or_skip(data: object, origin: Origin, options: IngestOptions) -> Document | Skipped:
    try:
        return record_document(data, origin, options)
    except InputError as error:
        return to_skipped(error)


def _loads(raw: bytes, location: str) -> object:
    decoded = decode(raw.removeprefix(codecs.BOM_UTF8))
    if decoded is None:
        raise InputError(location, Code.E002, "no text encoding fits these bytes")
    try:
        return json.loads(decoded.text)
    except json.JSONDecodeError as error:
        hint = "; one object per line is JSON Lines: name the file .jsonl" if error.msg == "Extra data" else ""
        raise InputError(location, Code.E011, f"not valid JSON: {error}{hint}") from error
    except RecursionError as error:  # hostile nesting such as [[[[...]]]]
        raise InputError(location, Code.E011, "JSON nested too deeply") from error


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Each line of ``stream``, or ``None`` for a line over ``max_bytes`` (read past, never kept whole)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(max_bytes + 1)
        yield None


def _published(value: object, location: str) -> datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        found = _json_type(value)
        raise InputError(location, Code.E011, f"field 'published' must be an ISO 8601 string, found {found}")
    try:
        return as_utc(datetime.fromisoformat(value.strip()))
    except ValueError as error:
        raise InputError(
            location, Code.E011, f"field 'published' is not an ISO 8601 date: {value[:40]!r}; fix it or drop it"
        ) from error


def _has_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)
