"""The analyst's path through the seeds, in real headless Chromium: stories list → story → the "dozens
killed" card (independence 1, its relay chains) → its claim page (framing table) → the article of file
004 with its two reader comments apart from the report."""

from __future__ import annotations

import re

import pytest

from web_helpers import Server

DOZENS = "Dozens of attackers were killed"


@pytest.fixture
def story_page(page, seed_server: Server):
    page.goto(f"{seed_server.url}/stories")
    links = page.locator("a.story-link")
    assert links.count() >= 1
    links.first.click()
    page.wait_for_url(re.compile(r"/stories/\d+$"))
    return page


def dozens_card(page):
    cards = page.locator("article.card").filter(has=page.locator("q.mention-text", has_text=DOZENS))
    assert cards.count() == 1, "exactly one claim card carries the report 'Dozens of attackers were killed'"
    return cards.first


def test_stories_list_shows_the_seed_story(page, seed_server: Server) -> None:
    page.goto(f"{seed_server.url}/stories")
    row = page.locator("table.stories tbody tr").first
    assert row.locator("a.story-link").inner_text().strip()
    cells = row.locator("td")
    assert cells.nth(3).inner_text() == "2"  # both seed articles are in one story


def test_dozens_killed_card_has_independence_one_and_its_chains(story_page) -> None:
    card = dozens_card(story_page)
    assert card.get_attribute("data-independence") == "1"
    assert card.locator(".independence b").inner_text() == "1"
    chains = [c.inner_text() for c in card.locator(".mention .relay .chain").all()]
    assert len(chains) >= 2
    assert any(chain.count("←") >= 2 for chain in chains), f"a relay chain speaker ← agency ← outlet: {chains}"
    assert card.locator(".badge").first.inner_text().strip()


def test_claim_page_shows_every_report_and_the_framing_table(story_page) -> None:
    card = dozens_card(story_page)
    mentions = card.locator(".mention").count()
    card.locator("h3.card-title a").click()
    story_page.wait_for_url(re.compile(r"/clusters/\d+$"))
    assert story_page.locator("article.mention-context").count() == mentions
    highlighted = story_page.locator("article.mention-context blockquote mark.claim")
    assert DOZENS in highlighted.all_inner_texts()
    table = story_page.locator("table.framing-table")
    assert table.is_visible()
    assert [h.strip() for h in table.locator("thead th").all_inner_texts()] == ["source", "actors", "acts"]
    assert table.locator("tbody tr").count() >= 2


def test_article_004_shows_its_two_comments_apart_and_threaded(page, seed_server: Server) -> None:
    page.goto(f"{seed_server.url}/articles")
    page.locator("table.articles a", has_text="Cleaning").first.click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    comments = page.locator("section.comments li.comment")
    assert comments.count() == 2
    assert page.locator("section.comments ol.thread > li.comment").count() == 1  # the second replies to the first
    assert page.locator("section.comments .replies li.comment").count() == 1
    assert page.locator("section.comments .likes").all_inner_texts() == ["3 likes", "2 likes"]
    body = page.locator("article.article-body").inner_text()
    assert "Kremlin playbook" not in body and "Kremlin playbook" in comments.nth(1).inner_text()
    assert page.locator("article.article-body mark.claim").count() >= 10
    assert page.locator("article.article-body figure.caption").count() >= 1


def test_the_map_of_places_marks_almaty_and_shades_kazakhstan(story_page) -> None:
    story_page.locator("a.map-link").click()
    story_page.wait_for_url(re.compile(r"/stories/\d+/map$"))
    world = story_page.locator("svg.place-map image")
    assert world.get_attribute("href") == "/static/world.svg"
    assert story_page.evaluate("() => document.querySelector('svg.place-map image').getBBox().width") > 0
    markers = story_page.locator("svg.place-map a.marker")
    names = [t.strip() for t in markers.locator("text").all_text_contents()]  # SVG has no innerText
    assert "Almaty" in names and "Taraz" in names
    almaty = markers.filter(has_text="Almaty").locator("circle")
    taraz = markers.filter(has_text="Taraz").locator("circle")
    assert float(almaty.get_attribute("r")) > float(taraz.get_attribute("r"))  # named by more clusters
    assert "Republic Square" in almaty.locator("title").text_content()  # a square of Almaty, listed with it
    assert story_page.locator("svg.place-map path.shade title").text_content().startswith("Kazakhstan")
    rows = {r.locator("td").first.inner_text(): r.locator("td").last.inner_text()
            for r in story_page.locator("table.places-table tbody tr").all()}
    assert rows["Zhambyl Region"] == "no" and rows["Almaty"] == "yes"  # a region with no point: listed only
    markers.filter(has_text="Taraz").click()
    story_page.wait_for_url(re.compile(r"/stories/\d+\?place=Taraz$"))
    assert story_page.locator("article.card").count() >= 1


def test_the_main_pages_load_every_resource_they_name(page, seed_server: Server) -> None:
    """No request of a page fails and the console stays clean (a missing icon, outline or script shows here)."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on("response", lambda response: problems.append(f"{response.status}: {response.url}")
            if response.status >= 400 else None)  # fmt: skip
    # leaving a page that is still loading aborts its requests: each page is left once it is idle
    page.goto(f"{seed_server.url}/stories", wait_until="networkidle")
    page.locator("a.story-link").first.click()
    page.wait_for_url(re.compile(r"/stories/\d+$"), wait_until="networkidle")
    story = page.url
    for path in ("", "/map"):
        page.goto(story + path, wait_until="networkidle")
    page.goto(f"{seed_server.url}/articles/1", wait_until="networkidle")
    page.goto(f"{seed_server.url}/search?q=police", wait_until="networkidle")
    assert problems == []
