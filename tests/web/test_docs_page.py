"""The API docs page (``/api/docs``) works offline: it names no outside URL, its Swagger UI files are
served by the app itself, it keeps the strict Content-Security-Policy of every page, and in the browser
it draws the API's operations and runs one, with every request going to the server itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import expect
from web_helpers import Server

import wiretrace.web.api_docs as api_docs
from wiretrace.web import create_app
from wiretrace.web.app import SECURITY_HEADERS


class _Links(HTMLParser):
    """Every ``src`` and ``href`` of a page, and the text of its inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value or "" for name, value in attrs if name in {"src", "href", "data-openapi"}]
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


@pytest.fixture(scope="module")
def client(seed_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seed_db)) as test_client:
        yield test_client


def test_the_docs_page_names_only_this_server(client: TestClient) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "://" not in response.text and "cdn" not in response.text.lower()
    links = _Links()
    links.feed(response.text)
    assert len(links.urls) == 5 and links.inline == []
    for url in links.urls:
        assert url.startswith("/") and not url.startswith("//"), url
        assert client.get(url).status_code == 200, url


def test_the_docs_page_keeps_the_strict_content_security_policy(client: TestClient) -> None:
    headers = client.get("/api/docs").headers
    assert headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]
    assert "'unsafe-inline'" not in headers["content-security-policy"]


@pytest.mark.parametrize("name, kind", [
    ("swagger-ui-bundle.js", "javascript"), ("swagger-ui.css", "text/css"), ("favicon.png", "image/png"),
])  # fmt: skip
def test_swagger_ui_files_are_served_locally(client: TestClient, name: str, kind: str) -> None:
    response = client.get(f"{api_docs.ASSETS_URL}/{name}")
    assert response.status_code == 200 and kind in response.headers["content-type"]
    assert len(response.content) > 1000


def test_without_swagger_ui_files_the_page_is_left_out_and_the_schema_stays(
    seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api_docs, "swagger_ui_files", lambda: None)
    with TestClient(create_app(seed_db)) as bare:
        missing = bare.get("/api/docs")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not-found"
        assert bare.get("/openapi.json").json()["info"]["title"] == "wiretrace"


def test_the_docs_draw_and_run_the_api_in_the_browser(browser, seed_server: Server) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{seed_server.url}/api/docs")
    stories = page.locator(".opblock").filter(has=page.locator(".opblock-summary-path", has_text=re.compile(r"^/api/stories$")))
    expect(stories).to_have_count(1)
    assert page.locator(".opblock").count() >= 10
    stories.locator(".opblock-summary").click()
    stories.get_by_role("button", name="Try it out").click()
    stories.get_by_role("button", name="Execute").click()
    expect(stories.locator(".live-responses-table tbody td.response-col_status").first).to_have_text("200")
    assert problems == []
    assert requested and all(url.startswith(seed_server.url + "/") for url in requested), requested
    context.close()
