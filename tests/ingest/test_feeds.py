"""RSS and Atom feeds: one document per entry from the entry's own content, or from its link."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from ingest_server import LocalServer, Route

from wiretrace.ingest import IngestOptions, iter_documents
from wiretrace.records import Document, Skipped

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>River Valley Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Bridge closed after flooding</title>
    <link>{link1}</link>
    <pubDate>Tue, 05 Mar 2024 14:30:00 +0300</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The old bridge was closed on Tuesday, the mayor said.</p>]]></content:encoded>
  </item>
  <item>
    <title>Schools reopen</title>
    <link>{link2}</link>
    <description>Schools in the valley reopened &lt;b&gt;today&lt;/b&gt;.</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>{link3}</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Notes</title>
  <id>urn:example:harbour</id>
  <updated>2024-03-06T08:00:00Z</updated>
  <entry>
    <title>Ferry service suspended</title>
    <id>urn:example:1</id>
    <link href="https://harbour.example/ferry"/>
    <updated>2024-03-06T07:15:00+01:00</updated>
    <content type="html">&lt;p&gt;Ferries will not run until Friday, the operator said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain note</title>
    <id>urn:example:2</id>
    <updated>2024-03-06T07:45:00Z</updated>
    <content type="text">Harbour open again.</content>
  </entry>
</feed>
"""


def rss(
    link1: str = "https://courier.example/bridge",
    link2: str = "https://courier.example/schools",
    link3: str = "https://courier.example/gallery",
) -> str:
    return RSS.format(link1=link1, link2=link2, link3=link3)


def read(path: Path, **options: object) -> list[Document | Skipped]:
    return list(iter_documents([path], IngestOptions(**options)))  # type: ignore[arg-type]


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    (tmp_path / "courier.rss").write_text(rss())
    first, second, third = read(tmp_path / "courier.rss")
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.location == f"{tmp_path / 'courier.rss'}#entry-1"
    assert first.media_type == "text/html"
    assert first.text == "<p>The old bridge was closed on Tuesday, the mayor said.</p>"  # content:encoded wins
    assert (first.title, first.url, first.outlet) == (
        "Bridge closed after flooding",
        "https://courier.example/bridge",
        "River Valley Courier",
    )
    assert first.published_at == datetime(2024, 3, 5, 11, 30, tzinfo=UTC)
    assert second.text == "Schools in the valley reopened <b>today</b>."  # the summary when there is no content
    assert second.published_at is None
    assert isinstance(third, Skipped) and third.code == "E008"
    assert str(third) == (
        f"{tmp_path / 'courier.rss'}#entry-3: [E008] feed entry unusable: "
        "entry 'Photo gallery' has no content and no summary"
    )


def test_atom_entries(tmp_path: Path) -> None:
    (tmp_path / "harbour.atom").write_text(ATOM)
    html, text = read(tmp_path / "harbour.atom")
    assert isinstance(html, Document) and isinstance(text, Document)
    assert html.text == "<p>Ferries will not run until Friday, the operator said.</p>"
    assert (html.media_type, text.media_type) == ("text/html", "text/plain")
    assert html.published_at == datetime(2024, 3, 6, 6, 15, tzinfo=UTC)
    assert (html.outlet, text.url) == ("Harbour Notes", None)


def test_feed_sniffed_without_an_extension(tmp_path: Path) -> None:
    (tmp_path / "download").write_text(ATOM)
    assert len(read(tmp_path / "download")) == 2


def test_the_feed_title_is_the_outlet_and_an_undated_entry_stays_undated(tmp_path: Path) -> None:
    (tmp_path / "courier.xml").write_text(rss())
    first, second, _ = read(tmp_path / "courier.xml")
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.outlet, second.outlet) == ("River Valley Courier", "River Valley Courier")
    assert second.published_at is None


def test_bozo_feed_still_yields_its_good_entries(tmp_path: Path) -> None:
    broken = rss().replace("<title>Schools reopen</title>", "<title>Schools &nbsp reopen <b></title>")
    broken = broken.replace("</channel>\n</rss>", "<item><title>cut")
    (tmp_path / "broken.xml").write_text(broken)
    items = read(tmp_path / "broken.xml")
    documents = [item for item in items if isinstance(item, Document)]
    assert documents and documents[0].text.startswith("<p>The old bridge")
    assert all("\n" not in str(item) for item in items if isinstance(item, Skipped))


def test_hostile_entry_html_is_kept_for_the_cleaner(tmp_path: Path) -> None:
    hostile = '<p onclick="x()">Text<script>alert(1)</script><a href="javascript:void(0)">link</a><img onerror=y>'
    feed = rss().replace("<p>The old bridge was closed on Tuesday, the mayor said.</p>", hostile)
    (tmp_path / "hostile.rss").write_text(feed)
    first = read(tmp_path / "hostile.rss")[0]
    assert isinstance(first, Document) and "Text" in first.text


@pytest.mark.parametrize(
    "content, code, reason",
    [
        ('<?xml version="1.0"?><inventory><item>bolts</item></inventory>', "E015", "not a feed"),
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>', "E001", "empty"),
        ("<rss><channel><item><title>x", "E008", "no content and no summary; the feed is malformed"),
    ],
)
def test_feed_without_entries(tmp_path: Path, content: str, code: str, reason: str) -> None:
    (tmp_path / "feed.xml").write_text(content)
    (skipped,) = read(tmp_path / "feed.xml")
    assert isinstance(skipped, Skipped) and skipped.code == code and reason in str(skipped)
    assert "\n" not in str(skipped)


def test_follow_links_fetches_each_entry_page(tmp_path: Path, server: LocalServer, closed_port: int) -> None:
    server.routes["/bridge"] = Route(b"<html><body><p>Full story of the bridge.</p></body></html>")
    feed = rss(server.url("/bridge"), server.url("/missing"), f"http://127.0.0.1:{closed_port}/gallery")
    (tmp_path / "courier.rss").write_text(feed)
    page, missing, refused = read(tmp_path / "courier.rss", follow_links=True)
    assert isinstance(page, Document)
    assert page.text == "<html><body><p>Full story of the bridge.</p></body></html>"
    assert (page.location, page.url) == (server.url("/bridge"), server.url("/bridge"))
    assert (page.title, page.outlet) == ("Bridge closed after flooding", "River Valley Courier")
    assert page.published_at == datetime(2024, 3, 5, 11, 30, tzinfo=UTC)
    assert isinstance(missing, Skipped) and missing.code == "E009" and "HTTP 404" in missing.reason
    assert isinstance(refused, Skipped) and refused.code == "E009" and "Connection refused" in refused.reason
    assert str(refused).startswith(f"http://127.0.0.1:{closed_port}/gallery: [E009]")


def test_follow_links_without_a_link(tmp_path: Path, server: LocalServer) -> None:
    server.routes["/page"] = Route(b"<p>Story</p>")
    feed = rss(server.url("/page"), server.url("/page"), "").replace("<link></link>", "")
    (tmp_path / "courier.rss").write_text(feed)
    *pages, no_link = read(tmp_path / "courier.rss", follow_links=True)
    assert all(isinstance(page, Document) for page in pages)
    assert isinstance(no_link, Skipped) and no_link.code == "E008" and "no link to follow" in no_link.reason
