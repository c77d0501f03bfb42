"""URLs: fetched from a local server; content type decides the reader; every failure is one skip."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest
from ingest_server import LocalServer, Route

from wiretrace.ingest import IngestOptions, iter_documents
from wiretrace.ingest.http import is_public_address, is_url
from wiretrace.records import Document, Skipped

PAGE = b"<html><head><title>Storm</title></head><body><p>Power lines are down.</p></body></html>"
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Desk</title>
<item><title>One</title><link>https://wire.example/1</link><description>First item.</description></item>
<item><title>Two</title><link>https://wire.example/2</link><description>Second item.</description></item>
</channel></rss>"""


def read(*urls: str, **options: object) -> list[Document | Skipped]:
    return list(iter_documents(list(urls), IngestOptions(**options)))  # type: ignore[arg-type]


def assert_skipped(item: Document | Skipped, url: str, code: str, words: str) -> None:
    assert isinstance(item, Skipped), item
    assert (item.location, item.code) == (url, code)
    assert words in item.reason and "\n" not in str(item)


def test_html_page(server: LocalServer) -> None:
    server.routes["/story"] = Route(PAGE)
    before = datetime.now(UTC)
    (document,) = read(server.url("/story"))
    assert isinstance(document, Document)
    assert (document.media_type, document.text, document.raw) == ("text/html", PAGE.decode(), PAGE)
    assert document.location == document.url == server.url("/story")
    assert before <= document.fetched_at <= datetime.now(UTC)
    assert server.user_agents == [IngestOptions().user_agent]
    assert server.user_agents[0].startswith("wiretrace/")


def test_redirect_is_followed_and_the_final_url_kept(server: LocalServer) -> None:
    server.routes["/old"] = Route(b"", status=301, headers={"Location": "/new"})
    server.routes["/new"] = Route(PAGE)
    (document,) = read(server.url("/old"))
    assert isinstance(document, Document)
    assert (document.location, document.url) == (server.url("/old"), server.url("/new"))


def test_feed_url(server: LocalServer) -> None:
    server.routes["/rss"] = Route(FEED, "application/rss+xml")
    first, second = read(server.url("/rss"))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.location == server.url("/rss") + "#entry-1"
    assert (first.outlet, second.url, second.text) == ("Wire Desk", "https://wire.example/2", "Second item.")


def test_feed_served_as_html_is_still_a_feed(server: LocalServer) -> None:
    server.routes["/news"] = Route(FEED, "text/html")
    assert len(read(server.url("/news"))) == 2


@pytest.mark.parametrize(
    "body, content_type, media_type, text",
    [
        ("Город без света.".encode("cp1251"), "text/plain; charset=windows-1251", "text/plain", "Город без света."),
        (b"Plain words.", "text/plain", "text/plain", "Plain words."),
        ('<meta charset="koi8-r"><p>Свет дали.</p>'.encode("koi8-r"), "text/html", "text/html", "Свет дали."),
        (b'{"text": "From an API."}', "application/json", "text/plain", "From an API."),
    ],
)
def test_content_type_decides(server: LocalServer, body: bytes, content_type: str, media_type: str, text: str) -> None:
    server.routes["/x"] = Route(body, content_type)
    (document,) = read(server.url("/x"))
    assert isinstance(document, Document)
    assert document.media_type == media_type and text in document.text


def test_failures_are_skipped_and_the_rest_fetched(server: LocalServer, closed_port: int) -> None:
    server.routes["/ok"] = Route(PAGE)
    server.routes["/boom"] = Route(b"oops", "text/plain", 500)
    server.routes["/photo"] = Route(b"\x89PNG\r\n\x1a\n" + bytes(50), "image/png")
    server.routes["/empty"] = Route(b"", "text/html")
    refused = f"http://127.0.0.1:{closed_port}/story"
    urls = [server.url(p) for p in ("/missing", "/boom", "/photo", "/empty")]
    missing, boom, photo, empty, unreachable, ok = read(*urls, refused, server.url("/ok"))
    assert_skipped(missing, urls[0], "E009", "HTTP 404 Not Found")
    assert_skipped(boom, urls[1], "E009", "HTTP 500")
    assert_skipped(photo, urls[2], "E002", "PNG image")
    assert_skipped(empty, urls[3], "E001", "empty")
    assert_skipped(unreachable, refused, "E009", "Connection refused")
    assert isinstance(ok, Document)


def test_timeout(silent_port: int) -> None:
    url = f"http://127.0.0.1:{silent_port}/slow"
    (skipped,) = read(url, timeout=0.2)
    assert_skipped(skipped, url, "E009", "timed out after 0.2 s")


@pytest.mark.parametrize("send_length", [True, False])
def test_size_cap_while_streaming(server: LocalServer, send_length: bool) -> None:
    server.routes["/big"] = Route(b"<p>" + b"x" * 50_000 + b"</p>", send_length=send_length)
    (skipped,) = read(server.url("/big"), max_bytes=10_000)
    assert_skipped(skipped, server.url("/big"), "E003", "over the size cap of 10000 bytes")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("http://example.org/a", True),
        ("HTTPS://example.org", True),
        ("ftp://example.org/file", False),
        ("reports/http.txt", False),
        ("C:/data/file.txt", False),
    ],
)
def test_is_url(text: str, expected: bool) -> None:
    assert is_url(text) is expected


def test_other_schemes_are_refused() -> None:
    (skipped,) = read("ftp://files.example/report.txt")
    assert_skipped(skipped, "ftp://files.example/report.txt", "E005", "'ftp://'")


def test_a_host_on_this_machine_is_refused_when_only_public_hosts_are_fetched(server: LocalServer) -> None:
    server.routes["/story"] = Route(PAGE)
    (refused,) = read(server.url("/story"), public_hosts_only=True)
    assert_skipped(refused, server.url("/story"), "E009", "refused: 127.0.0.1 is 127.0.0.1, not a public address")
    assert server.user_agents == []  # refused before anything was sent
    (fetched,) = read(server.url("/story"))
    assert isinstance(fetched, Document) and len(server.user_agents) == 1


def test_a_name_that_does_not_resolve_is_one_skip_saying_so() -> None:
    (refused,) = read("http://no-such-host.invalid/story", public_hosts_only=True)
    assert_skipped(refused, "http://no-such-host.invalid/story", "E009", "cannot resolve 'no-such-host.invalid'")


@pytest.mark.parametrize("address, public", [
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True),
    ("127.0.0.1", False), ("::1", False), ("::ffff:127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False),
    ("192.168.1.1", False), ("169.254.169.254", False), ("fe80::1%eth0", False), ("fd00::1", False),
    ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False), ("255.255.255.255", False),
])  # fmt: skip
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_a_name_is_checked_as_the_name_connected_to(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """"straße" is "xn--strae-oqa" to httpx (IDNA 2008) but "strasse" to Python's idna codec (IDNA 2003):
    the check must resolve the name the connection uses, or a DNS owner could answer the two apart."""
    server.routes["/story"] = Route(PAGE)
    real, asked = socket.getaddrinfo, []

    def resolver(host: str, *args: object, **kwargs: object) -> list:
        asked.append(host)
        return real("127.0.0.1" if host == "xn--strae-oqa.example" else "93.184.216.34", *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    url = server.url("/story").replace("127.0.0.1", "straße.example")
    (refused,) = read(url, public_hosts_only=True)
    assert_skipped(refused, url, "E009", "refused: xn--strae-oqa.example is 127.0.0.1, not a public address")
    assert asked == ["xn--strae-oqa.example"] and server.user_agents == []
