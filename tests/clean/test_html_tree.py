"""html_tree: markup scrubbing of extracted text, unwrapping of deep trees, JSON-LD neutralising."""

from __future__ import annotations

import json

import pytest
from lxml.html import fromstring

from wiretrace.clean.html_tree import flatten, load_tree, max_depth, neutralise_json_ld, scrub_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rain fell all night.", "Rain fell all night."),
        ("a < b and c > d", "a < b and c > d"),
        ("Scores: 3<5, 7>2", "Scores: 3<5, 7>2"),
        ("<b>bold</b> stays as written", "<b>bold</b> stays as written"),
        ("<script>alert(1)</script>Rain fell.", "Rain fell."),
        ("<SCRIPT type='text/javascript'>x()</SCRIPT >Rain fell.", "Rain fell."),
        ("<style>p { color: red }</style>Rain fell.", "Rain fell."),
        ("Rain <img src=x onerror=alert(1)>fell.", "Rain fell."),
        ('<iframe src="javascript:alert(1)"></iframe>Rain fell.', "Rain fell."),
        ("&lt;script&gt;alert(1)&lt;/script&gt;Rain fell.", "Rain fell."),
        ("Use &lt;b&gt; for bold", "Use &lt;b&gt; for bold"),
        ("Rain fell.<script>never closed", "Rain fell.never closed"),
    ],
)
def test_scrub_text(text: str, expected: str) -> None:
    assert scrub_text(text) == expected


@pytest.mark.parametrize("depth, limit", [(50, 120), (300, 120), (3000, 40)])
def test_flatten_unwraps_past_the_limit_and_keeps_every_paragraph(depth: int, limit: int) -> None:
    html = "<html><body>" + "<div>" * depth + "<p>one</p><p>two <b>three</b></p>" + "</div>" * depth + "</body></html>"
    tree = load_tree(html)
    assert tree is not None
    flatten(tree, limit)
    assert max_depth(tree) <= limit + 2
    assert [p.text_content() for p in tree.iter("p")] == ["one", "two three"]


def test_flatten_leaves_a_shallow_tree_alone() -> None:
    tree = fromstring("<html><body><div><p>one</p></div></body></html>")
    assert flatten(tree, 120) == 0


def test_neutralise_json_ld_keeps_the_json_valid_and_the_text() -> None:
    body = "<script>alert(1)</script>Bridge shut."
    payload = {"@type": "NewsArticle", "headline": "Bridge shut", "articleBody": body}
    tree = fromstring(
        '<html><head><script type="application/ld+json">' + json.dumps(payload).replace("/", "\\/")
        + "</script></head><body><p>x</p></body></html>"
    )
    neutralise_json_ld(tree)
    script = tree.find('.//script[@type="application/ld+json"]')
    assert json.loads(script.text) == {"@type": "NewsArticle", "headline": "Bridge shut", "articleBody": "Bridge shut."}


def test_neutralise_json_ld_leaves_broken_json_untouched() -> None:
    tree = fromstring('<html><head><script type="application/ld+json">{"a": "<b>", </script></head><body/></html>')
    neutralise_json_ld(tree)
    assert tree.find(".//script").text == '{"a": "<b>", '
