"""RSS, RDF and Atom feeds (feedparser): one ``Document`` per entry, a ``Skipped`` per unusable entry.

An entry's own content is used (``content:encoded``/``content``, else ``summary``); with
``follow_links`` the page its link points to is fetched instead. The feed's title is the outlet. A
malformed ("bozo") feed still yields every entry feedparser could recover.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXException

import feedparser  # type: ignore[import-untyped]

from wiretrace.errors import Code, InputError
from wiretrace.ingest.documents import TEXT_HTML, TEXT_PLAIN, build_document
from wiretrace.ingest.http import fetch, is_url
from wiretrace.ingest.options import IngestOptions
from wiretrace.ingest.sniff import HEAD_BYTES, Kind, sniff
from wiretrace.ingest.source import Origin, Payload, to_skipped
from wiretrace.records import Document, Skipped

_TIME_FIELDS = ("published_parsed", "updated_parsed", "created_parsed")


def read_feed(payload: Payload, options: IngestOptions) -> Iterator[Document | Skipped]:
    """The entries of a feed, located as ``feed.xml#entry-3`` (numbered from 1)."""
    parsed = _parse(payload)
    _check_is_feed(parsed, payload.origin.location)
    damage = _damage(parsed)
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, 1):
        location = f"{payload.origin.location}#entry-{number}"
        origin = Origin(
            location=location,
            fetched_at=payload.origin.fetched_at,
            url=_link(entry),
            title=(entry.get("title") or "").strip() or None,
            outlet=outlet,
            published_at=entry_time(entry),
        )
        try:
            if options.follow_links:
                yield _follow(origin, options, damage)
            else:
                yield _entry_document(entry, origin, options, damage)
        except InputError as error:
            yield to_skipped(error)


def entry_time(entry: Any) -> datetime | None:
    """The entry's publication (else update, else creation) time; feedparser has normalised it to UTC."""
    for field in _TIME_FIELDS:
        parsed = entry.get(field)
        if isinstance(parsed, time.struct_time):
            return datetime(*parsed[:6], tzinfo=UTC)
    return None


def _parse(payload: Payload) -> Any:
    # Bytes, never a string: given a string, feedparser would fetch URLs and open local files itself.
    headers = {}
    if payload.charset:  # an HTTP charset overrides the XML declaration, as RFC 3023 says
        headers["content-type"] = f"{payload.media_type or 'application/xml'}; charset={payload.charset}"
    # Ingest keeps what the publisher sent; cleaning (and escaping in the views) happens later.
    return feedparser.parse(payload.raw, response_headers=headers, sanitize_html=False)


def _check_is_feed(parsed: Any, location: str) -> None:
    """Raise unless feedparser recognised a feed (it makes entries of any XML with ``<item>`` in it)."""
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        raise InputError(location, Code.E015, problem or "no RSS, RDF or Atom root element")
    if not parsed.entries:
        raise InputError(location, Code.E001)  # a well-formed feed with no entries yet


def _damage(parsed: Any) -> str:
    """Why the XML is malformed, to explain entries that came out empty ("" when it is not)."""
    problem = parsed.get("bozo_exception")
    return f"; the feed is malformed ({problem})" if isinstance(problem, SAXException) else ""


def _link(entry: Any) -> str | None:
    """The entry's web link; feedparser may put an Atom ``urn:`` id there, which is no URL."""
    link = entry.get("link") or ""
    return link if is_url(link) else None


def _entry_document(entry: Any, origin: Origin, options: IngestOptions, damage: str) -> Document:
    content = _entry_content(entry)
    if content is None:
        raise InputError(origin.location, Code.E008, f"entry {_name(origin)} has no content and no summary{damage}")
    value, media_type = content
    return build_document(value.encode("utf-8", errors="replace"), media_type, origin, options, "utf-8")


def _entry_content(entry: Any) -> tuple[str, str] | None:
    """The first non-empty content (``content:encoded``/Atom content), else the summary, with its type."""
    details = [*entry.get("content", []), entry.get("summary_detail")]
    for detail in details:
        if detail and (detail.get("value") or "").strip():
            kind = TEXT_PLAIN if detail.get("type") == TEXT_PLAIN else TEXT_HTML
            return detail["value"], kind
    return None


def _follow(origin: Origin, options: IngestOptions, damage: str) -> Document:
    """The page an entry links to, fetched; its location is the link, its metadata the entry's."""
    if not origin.url:
        raise InputError(origin.location, Code.E008, f"entry {_name(origin)} has no link to follow{damage}")
    fetched = fetch(origin.url, options)
    page = Origin(origin.url, fetched.fetched_at, fetched.url, origin.title, origin.outlet, origin.published_at)
    sniffed = sniff(fetched.body[:HEAD_BYTES], fetched.url, fetched.media_type)
    if sniffed.kind is Kind.BINARY:
        raise InputError(origin.url, Code.E002, sniffed.what)
    if sniffed.kind not in (Kind.HTML, Kind.TEXT):
        raise InputError(origin.url, Code.E008, f"the link of entry {_name(origin)} serves {sniffed.kind}, not a page")
    media_type = TEXT_HTML if sniffed.kind is Kind.HTML else TEXT_PLAIN
    return build_document(fetched.body, media_type, page, options, fetched.charset)


def _name(origin: Origin) -> str:
    return repr(origin.title[:60]) if origin.title else "(untitled)"
