"""Fetch one http(s) URL with httpx: timeouts, a clear User-Agent, redirects followed, size cap enforced
while the body streams in (a server cannot push more than ``max_bytes`` into memory).

With ``IngestOptions.public_hosts_only`` every request (the first and each redirect) is checked before
it is sent: a host resolving to a loopback, private, link-local or otherwise non-public address is
refused, so a caller of the web app cannot make it fetch ``http://127.0.0.1:.../`` or a cloud metadata
address and read the answer back as an article. (The address is resolved again to connect; a name whose
DNS answer changes between the two, DNS rebinding, is not caught.)"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from urllib.parse import urlsplit

import httpx

from wiretrace.errors import Code, InputError
from wiretrace.ingest.options import IngestOptions


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: the final URL (after redirects), the body and its declared type."""

    url: str
    body: bytes
    media_type: str | None
    charset: str | None
    fetched_at: datetime


def is_url(text: str) -> bool:
    """Whether an input names something to fetch rather than a path (a malformed URL is not one)."""
    try:
        return urlsplit(text).scheme.lower() in ("http", "https")
    except ValueError:
        return False


def looks_like_url(text: str) -> bool:
    """Whether an input has some other scheme (``ftp://``, ``file://``) that ingest does not read."""
    return "://" in text and not is_url(text)


def fetch(url: str, options: IngestOptions) -> Fetched:
    """GET ``url``. Raises ``InputError`` E009 when it cannot be fetched and E003 when it is too large."""
    headers = {"User-Agent": options.user_agent}
    hooks = {"request": [_refuse_non_public(url)]} if options.public_hosts_only else {}
    try:
        client = httpx.Client(follow_redirects=True, timeout=options.timeout, headers=headers, verify=_tls(),
                              event_hooks=hooks)  # fmt: skip
        with client, client.stream("GET", url) as response:
            return _read(response, url, options.max_bytes)
    except httpx.TimeoutException as error:
        raise InputError(url, Code.E009, f"timed out after {options.timeout:g} s ({_describe(error)})") from error
    except httpx.ConnectError as error:
        raise InputError(url, Code.E009, f"cannot connect: {_describe(error)}") from error
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise InputError(url, Code.E009, _describe(error)) from error


def _refuse_non_public(url: str) -> Callable[[httpx.Request], None]:
    """A request hook raising ``InputError`` E009 (naming ``url``, the input) when a request's host
    resolves to an address that is not public."""

    def check(request: httpx.Request) -> None:
        # The name httpx connects to (IDNA 2008, "xn--strae-oqa" for "straße"); ``url.host`` is the Unicode
        # form, which getaddrinfo would encode by IDNA 2003 ("strasse"): another name, another answer.
        host = request.url.raw_host.decode("ascii")
        try:
            found = {info[4][0] for info in socket.getaddrinfo(host, request.url.port or 80, type=socket.SOCK_STREAM)}
        except (OSError, UnicodeError) as error:
            raise InputError(url, Code.E009, f"cannot resolve {host!r}: {_describe(error)}") from error
        for address in sorted(found):
            if not is_public_address(address):
                raise InputError(url, Code.E009, f"refused: {host} is {address}, not a public address "
                                 "(loopback, private network, link-local or reserved)")  # fmt: skip

    return check


def is_public_address(address: str) -> bool:
    """Whether an IP address (IPv4 or IPv6, an IPv4-mapped one read as IPv4) is globally routable."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") is not part of it
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


@cache
def _tls() -> ssl.SSLContext:
    """httpx's default TLS context, built once: building it takes about 60 ms, more than a local fetch."""
    return httpx.create_ssl_context()


def _read(response: httpx.Response, url: str, max_bytes: int) -> Fetched:
    if not response.is_success:
        raise InputError(url, Code.E009, f"HTTP {response.status_code} {response.reason_phrase}".strip())
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(url, Code.E003, int(declared), max_bytes)
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise InputError(url, Code.E003, f"at least {len(body)}", max_bytes)
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower() or None
    return Fetched(str(response.url), bytes(body), media_type, response.charset_encoding, datetime.now(UTC))


def _describe(error: Exception) -> str:
    return str(error) or type(error).__name__
