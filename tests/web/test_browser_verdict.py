"""The analyst's verdict from the claim page, in the browser: the form asks for the token once, sends
``PATCH /api/claims/{id}``, and the verdict then shows on the claim card of the story timeline."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from web_helpers import TOKEN, Server, start_server, stop_server


@pytest.fixture(scope="module")
def writable_server(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("browser-verdict") / "copy.db"
    shutil.copy(seed_db, db)
    running = start_server(db, token=TOKEN)
    yield running
    stop_server(running)


def test_verdict_form_sets_the_verdict_shown_on_the_card(browser, writable_server: Server) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept(TOKEN)))
    page.goto(f"{writable_server.url}/stories")
    page.locator("a.story-link").first.click()
    page.wait_for_url(re.compile(r"/stories/\d+$"))
    card = page.locator("article.card").filter(has=page.locator("q.mention-text", has_text="Dozens of attackers were killed"))
    card.locator("h3.card-title a").click()
    page.wait_for_url(re.compile(r"/clusters/\d+$"))
    form = page.locator("article.mention-context", has_text="Dozens of attackers were killed").locator("form.verdict-form")
    form.locator("select[name=verdict]").select_option("misleading")
    form.locator("input[name=note]").fill("only one primary source")
    form.locator("button").click()
    # a locator wait: the page's Content-Security-Policy forbids the eval a string wait_for_function needs
    expect(form.locator(".verdict-result")).to_contain_text("saved: misleading")
    assert len(asked) == 1 and "token" in asked[0]
    page.go_back()
    page.reload()
    card = page.locator("article.card").filter(has=page.locator("q.mention-text", has_text="Dozens of attackers were killed"))
    assert "analyst: misleading" in card.inner_text()
    context.close()
