"""Hostile reports are shown as inert text on every page, checked in the browser.

The reports carry ``<script>``, event-handler attributes, ``javascript:`` URLs and broken markup in their
title, body, comments and outlet name (see ``web_helpers``); one more arrives through ``POST
/api/reports``. The browser runs with the Content-Security-Policy bypassed, so escaping alone must keep
every page safe: no script of the reports runs (``window.__pwned`` stays unset, no dialog opens) and no
element of theirs exists in the page (no script but ours, no event-handler attribute, no javascript:
link, no injected img/iframe/svg/style), while their text is visible as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from web_helpers import HOSTILE_OUTLET, TOKEN, Server, start_server, stop_server

INJECTED = (
    "main script, main img, main iframe, main svg, main style, main object, main embed, main textarea, "
    "a[href^='javascript:' i], iframe[src^='javascript:' i]"
)
HANDLER_ATTRIBUTES = "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))"
OURS = "[...document.scripts].map(s => s.getAttribute('src'))"

POSTED = {
    "text": (
        "<script>window.__pwned='posted-title'</script> Bridge closed after flood\n\n"
        "The mayor said on Friday that the bridge <img src=x onerror=\"window.__pwned='posted-body'\"> "
        "would stay closed, according to the city council.\n\n"
        "Engineers will inspect it on Saturday, the council said.\n"
    ),
    "outlet": "<iframe src=\"javascript:window.__pwned='posted-outlet'\"></iframe>City Wire",
    "published_at": "2024-05-08T09:00:00+00:00",
}


@pytest.fixture(scope="module")
def hostile_server(hostile_db: Path) -> Iterator[Server]:
    running = start_server(hostile_db, token=TOKEN)
    yield running
    stop_server(running)


@pytest.fixture(scope="module")
def posted_article(hostile_server: Server) -> int:
    response = httpx.post(f"{hostile_server.url}/api/reports", json=POSTED,
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)  # fmt: skip
    assert response.status_code == 201, response.text
    return int(response.json()["article"])


@pytest.fixture
def raw_page(browser) -> Iterator[object]:
    """A page that ignores the Content-Security-Policy: escaping alone is under test."""
    context = browser.new_context(viewport={"width": 1100, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def hostile_urls(base: str, posted: int) -> list[str]:
    """Every page that shows something of the hostile reports."""
    stories = httpx.get(f"{base}/api/stories").json()["items"]
    clusters = [c["id"] for s in stories for c in httpx.get(f"{base}/api/stories/{s['id']}/clusters").json()["items"]]
    sources = [s["name"] for s in httpx.get(f"{base}/api/sources", params={"limit": 200}).json()["items"]]
    assert HOSTILE_OUTLET in sources
    return [
        f"{base}/stories", f"{base}/articles", f"{base}/claims", f"{base}/sources",
        *(f"{base}/stories/{s['id']}" for s in stories),
        *(f"{base}/stories/{s['id']}?source={quote(HOSTILE_OUTLET)}" for s in stories),
        *(f"{base}/stories/{s['id']}/map" for s in stories),
        *(f"{base}/clusters/{c}" for c in clusters),
        *(f"{base}/articles/{a['id']}" for a in httpx.get(f"{base}/api/articles").json()["items"]),
        *(f"{base}/sources/{quote(name, safe='')}" for name in sources),
        f"{base}/search?q=pwned", f"{base}/search?q={quote('<script>')}",
        f"{base}/sources/{quote('<script>window.__pwned=1</script>', safe='')}",  # a 404 page naming it
        f"{base}/articles/{posted}",
    ]  # fmt: skip


def assert_inert(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.evaluate("window.__pwned") is None, f"a script of the report ran on {url}"
    assert page.dialogs == [], f"a dialog opened on {url}"
    assert page.locator(INJECTED).count() == 0, f"an element of the report was injected on {url}"
    assert page.evaluate(HANDLER_ATTRIBUTES) == [], f"an event-handler attribute was injected on {url}"
    assert page.evaluate(OURS) == ["/static/app.js"], f"a script other than ours is in {url}"


def test_every_page_shows_hostile_text_inert(raw_page, hostile_server: Server, posted_article: int) -> None:
    urls = hostile_urls(hostile_server.url, posted_article)
    assert len(urls) > 12
    for url in urls:
        assert_inert(raw_page, url)


@pytest.mark.parametrize("path, shown", [
    ("/articles", '<script>window.__pwned = "title"</script> Officials say'),
    ("/articles", "Port closed after storm"),
    ("/sources", HOSTILE_OUTLET),
])  # fmt: skip
def test_hostile_text_is_visible_as_written(raw_page, hostile_server: Server, path: str, shown: str) -> None:
    raw_page.goto(hostile_server.url + path)
    assert shown in raw_page.locator("main").inner_text()


def test_article_page_shows_hostile_body_comments_and_url_as_text(raw_page, hostile_server: Server) -> None:
    articles = httpx.get(f"{hostile_server.url}/api/articles").json()["items"]
    text_article = next(a for a in articles if a["title"] and "Officials say" in a["title"])
    raw_page.goto(f"{hostile_server.url}/articles/{text_article['id']}")
    body = raw_page.locator("article.article-body").inner_text()
    assert '<script>window.__pwned = "body"</script>' in body
    assert "<style>body{display:none}</style>" in body
    comments = raw_page.locator("section.comments li.comment")
    assert comments.count() == 2
    assert '<script>window.__pwned = "comment"</script>' in comments.first.inner_text()
    assert "<b><i>markup" in comments.nth(1).inner_text()
    assert raw_page.locator("mark.claim").count() >= 1  # highlights are built around escaped pieces


def test_javascript_url_is_shown_but_never_linked(raw_page, hostile_server: Server) -> None:
    articles = httpx.get(f"{hostile_server.url}/api/articles").json()["items"]
    record = next(a for a in articles if a["title"] and "Port closed" in a["title"])
    raw_page.goto(f"{hostile_server.url}/articles/{record['id']}")
    assert raw_page.locator(".inert-url").inner_text() == "javascript:window.__pwned='url'"
    assert raw_page.locator("a[href*='javascript' i]").count() == 0


def test_pages_carry_a_strict_content_security_policy(hostile_server: Server) -> None:
    policy = httpx.get(f"{hostile_server.url}/stories").headers["content-security-policy"]
    assert re.search(r"script-src 'self'(;|$)", policy)
    assert "unsafe-inline" not in policy
