"""The story report's pieces and both renderings, on records built by hand (hostile text included)."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from views_builders import CITY, claim, cluster, day, story

from wiretrace.records import ClaimTime, Conflict, Mention, RelayPath
from wiretrace.views.markdown import md, story_markdown
from wiretrace.views.report import badge, render_story
from wiretrace.views.story_text import relay_tree, status_label, time_label


def plain(renderable) -> str:
    console = Console(width=100, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("time, expected", [
    (ClaimTime("2024-03-01T00:00:00+01:00", "2024-03-02T00:00:00+01:00", "day", "on Friday", True), "2024-03-01"),
    (ClaimTime("2024-03-01T06:00:00+01:00", "2024-03-01T12:00:00+01:00", "part-of-day", "Friday morning", True),
     "2024-03-01 06:00–12:00"),
    (ClaimTime("2024-02-29T18:00:00+01:00", "2024-03-01T06:00:00+01:00", "part-of-day", "overnight", True),
     "2024-02-29 18:00 – 2024-03-01 06:00"),
    (ClaimTime("2024-03-01T00:00:00+01:00", "2024-04-01T00:00:00+01:00", "month", "in March", True), "2024-03"),
    (ClaimTime("2024-03-02T00:00:00+01:00", None, "day", "since March 2", True), "from 2024-03-02"),
    (ClaimTime(None, None, None, "last night", False), "time unknown"),
    (None, "time unknown"),
])  # fmt: skip
def test_time_labels(time, expected):
    assert time_label(time) == expected


@pytest.mark.parametrize("status, label", [("not-confirmed", "not confirmed"), ("denied", "denied"),
                                           ("hedged", "hedged"), ("confirmed", "confirmed")])
def test_status_labels_and_badges(status, label):
    assert status_label(status) == label
    assert badge(status).plain == f" {label.upper()} "


def test_relay_trees_merge_shared_links_and_end_at_the_outlet():
    a = claim("Five were arrested", "arrest", None, "five", number=1, speaker="Police", outlet="Courier")
    b = claim("Five were arrested, police said", "arrest", None, "five", number=2, speaker="Police", outlet="Post")
    c = claim("Five arrested", "arrest", None, "five", number=3, speaker="Police", outlet="Herald")
    base = cluster(a, b, c)
    relays = (RelayPath("Police", ("State agency",), a.id), RelayPath("Police", ("State agency",), b.id),
              RelayPath("Police", ("Herald (own voice)",), c.id))
    mentions = tuple(Mention(m.claim, m.article, m.outlet) for m in base.mentions)
    (root,) = relay_tree(type(base)(**{**_fields(base), "relays": relays, "mentions": mentions}))
    assert root.name == "Police"
    agency = root.children["State agency"]
    assert {name: node.claims for name, node in agency.children.items()} == {"Courier": ["1:1"], "Post": ["2:2"]}
    assert root.children["Herald (own voice)"].claims == ["3:3"] and not root.children["Herald (own voice)"].children


def _fields(record) -> dict:
    return {name: getattr(record, name) for name in record.__slots__}


def _conflicted():
    first = claim("Three people died in the clashes", "die", None, "three people", number=1, killed=(3, 3),
                  time=day("2024-03-01T00:00:00+01:00", "day", "2024-03-02T00:00:00+01:00"), places=(CITY,))
    second = claim("Twenty people died in the clashes", "die", None, "twenty people", number=2, killed=(20, 20),
                   speaker="Rights group", outlet="Evening Post")
    conflict = Conflict("numbers", first.id, second.id, "Ministry of Interior", "Rights group", "killed: 3 vs 20")
    return cluster(first, second, conflicts=(conflict,), status="asserted")


def test_the_terminal_report_shows_every_part_of_a_cluster():
    text = plain(render_story(story(), [_conflicted()]))
    for part in ("Story 1: Unrest in the capital", "2024-03-01 – 2024-03-02", "Valletta, Malta",
                 "1. 2024-03-01", " ASSERTED ", "independence 2", "Ministry of Interior, Rights group",
                 "← Daily Courier  (1:1)", "← Evening Post  (2:2)", "numbers", "killed: 3 vs 20",
                 "Rights group (2:2): “Twenty people died in the clashes”", "protesters", "dispersed"):
        assert part in text, part


def test_the_markdown_report_has_headings_relays_and_tables():
    text = story_markdown(story(), [_conflicted()])
    assert text.startswith("# Story 1: Unrest in the capital\n")
    assert "## 1. 2024-03-01: Three people died in the clashes" in text
    assert "**Status: asserted** · independence 2 · 2 reports in 2 article(s)" in text
    assert "  - Ministry of Interior\n    - ← Daily Courier (1:1)" in text
    assert "| when | status | source | claim |" in text and "| source | actors | acts |" in text
    assert "- numbers: killed: 3 vs 20" in text


HOSTILE = "<script>alert(1)</script> [bold red]x[/] **loud** | cell \x1b[31mred\x1b[0m\nnext"


def test_hostile_text_stays_text_in_the_terminal():
    bad = claim(HOSTILE, "say", "someone", None, speaker="[link=javascript:alert(1)]src[/link]")
    text = plain(render_story(story(title=HOSTILE), [cluster(bad)]))
    assert "[bold red]x[/]" in text and "[link=javascript:alert(1)]src[/link]" in text
    assert "\x1b" not in text


def test_hostile_text_stays_text_in_markdown():
    bad = claim(HOSTILE, "say", "someone", None, speaker="<img src=x onerror=alert(1)>")
    text = story_markdown(story(title=HOSTILE), [cluster(bad)])
    assert not re.search(r"(?<!\\)[<>]", text) and "\x1b" not in text
    assert r"\<script\>alert(1)\</script\> \[bold red\]x\[/\] \*\*loud\*\* \| cell" in text
    assert all(line.count("|") - line.count(r"\|") in (0, 4, 5) for line in text.splitlines())


@pytest.mark.parametrize("text, expected", [
    ("plain words, (parens) and 3.5", "plain words, (parens) and 3.5"),
    ("a_b *c* `d`", r"a\_b \*c\* \`d\`"),
    ("two\nlines\r\n", "two lines "),
    ("[x](javascript:y)", r"\[x\](javascript:y)"),
])  # fmt: skip
def test_markdown_escaping(text, expected):
    assert md(text) == expected
