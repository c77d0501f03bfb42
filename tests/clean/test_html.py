"""clean_html: body, title, headings, comments, date and outlet from small hand-written pages, and what
hostile or empty pages do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiretrace.clean.blocks import Cleaned
from wiretrace.clean.html import clean_html
from wiretrace.errors import Code, InputError
from wiretrace.records import SegmentKind

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Flood waters reach the old mill district | The Valley Courier</title>
{head}
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<main><article>
<h1>Flood waters reach the old mill district</h1>
<p>Flood water reached the old mill district on Thursday morning after the northern levee gave way under two
days of heavy rain, the town engineer said.</p>
<p>Residents of about forty houses were moved to the school gym, where volunteers handed out blankets and hot
soup until late in the evening.</p>
<h2>Roads closed</h2>
<p>The bridge on the lower road stays closed until divers have checked its pillars, and buses will take the
long way round through the hills for at least a week.</p>
{body}
<p>Farmers upstream said the river had not risen this fast in living memory, and several asked the council
for sandbags before the weekend.</p>
</article></main>
<div id="comments" class="comments-area"><h3>2 comments</h3>
<ol class="comment-list">
<li class="comment"><div class="comment-body"><p>Thanks for the clear report, my parents live near the lower
road and this helps a lot.</p></div></li>
<li class="comment"><div class="comment-body"><p>The levee has needed repairs for years and everyone on the
council knew it.</p></div></li>
</ol></div>
<footer><p>Subscribe to our newsletter for the morning briefing.</p>
<p>Copyright 2021 Valley Media Group. All rights reserved.</p></footer>
</body></html>"""

META_DATE = '<meta property="article:published_time" content="{}">'
SITE_NAME = '<meta property="og:site_name" content="The Valley Courier">'


def page(head: str = "", body: str = "") -> str:
    return PAGE.format(head=head, body=body)


def all_text(cleaned: Cleaned) -> str:
    return "\n".join([b.text for b in cleaned.blocks] + [c.text for c in cleaned.comments])


@pytest.fixture(scope="module")
def article() -> Cleaned:
    return clean_html(page(head=SITE_NAME), url="https://example.org/a")


@pytest.mark.parametrize(
    "text, where",
    [
        ("the northern levee gave way under two days of heavy rain", "body"),
        ("volunteers handed out blankets and hot soup", "body"),
        ("several asked the council for sandbags before the weekend", "body"),
        ("my parents live near the lower road", "comments"),
        ("The levee has needed repairs for years", "comments"),
        ("Subscribe to our newsletter", "nowhere"),
        ("All rights reserved", "nowhere"),
        ("Sport", "nowhere"),
    ],
)
def test_text_lands_in_body_comments_or_nowhere(article: Cleaned, text: str, where: str) -> None:
    body = "\n".join(b.text for b in article.blocks)
    comments = "\n".join(c.text for c in article.comments)
    assert (text in body, text in comments) == (where == "body", where == "comments")


def test_blocks_are_title_then_body_with_heading(article: Cleaned) -> None:
    kinds = [b.kind for b in article.blocks]
    assert kinds == [SegmentKind.TITLE, SegmentKind.BODY, SegmentKind.BODY, SegmentKind.HEADING, SegmentKind.BODY,
                     SegmentKind.BODY]
    assert article.blocks[0].text == "Flood waters reach the old mill district"
    assert article.blocks[3].text == "Roads closed"


def test_headline_is_not_repeated_as_a_body_paragraph(article: Cleaned) -> None:
    assert [b.text for b in article.blocks].count("Flood waters reach the old mill district") == 1


def test_a_body_that_is_only_the_headline_keeps_it() -> None:
    html = ("<html><head><title>Levee holds after a night of rain</title></head>"
            "<body><article><h1>Levee holds after a night of rain</h1></article></body></html>")
    assert [b.text for b in clean_html(html).blocks] == ["Levee holds after a night of rain"] * 2


def test_comments_are_separate_records_without_invented_fields(article: Cleaned) -> None:
    assert len(article.comments) == 2
    assert all(c.author is None and c.likes is None for c in article.comments)


@pytest.mark.parametrize(
    "head, url, expected, inferred",
    [
        (META_DATE.format("2021-03-04T10:15:00+02:00"), None,
         datetime(2021, 3, 4, 10, 15, tzinfo=timezone(timedelta(hours=2))), False),
        (META_DATE.format("2021-03-04T10:15:00Z"), None, datetime(2021, 3, 4, 10, 15, tzinfo=UTC), False),
        (META_DATE.format("2021-03-04"), None, datetime(2021, 3, 4, tzinfo=UTC), False),
        ('<meta name="date" content="2020-11-30">', None, datetime(2020, 11, 30, tzinfo=UTC), False),
        ("", "https://example.org/news/2019/05/17/flood-report", datetime(2019, 5, 17, tzinfo=UTC), False),
        ("", None, None, False),  # only the footer's copyright year: too coarse, not used
    ],
)
def test_publication_date_is_timezone_aware(head: str, url: str | None, expected: datetime | None,
                                            inferred: bool) -> None:
    cleaned = clean_html(page(head=head), url=url)
    assert cleaned.published_at == expected
    assert cleaned.published_at is None or cleaned.published_at.tzinfo is not None
    assert cleaned.published_at_inferred is inferred


def test_date_found_only_in_the_text_is_marked_inferred() -> None:
    cleaned = clean_html(page(body="<p>Posted on March 5, 2020 by the news desk</p>"))
    assert cleaned.published_at == datetime(2020, 3, 5, tzinfo=UTC)
    assert cleaned.published_at_inferred is True


@pytest.mark.parametrize(
    "head, url, outlet",
    [
        (SITE_NAME, None, "The Valley Courier"),
        (SITE_NAME, "https://valley.example/a", "The Valley Courier"),
        ("", "https://valley.example/news/a", None),  # trafilatura's fallback is the URL's host: no outlet
    ],
)
def test_outlet_is_the_declared_site_name(head: str, url: str | None, outlet: str | None) -> None:
    assert clean_html(page(head=head), url=url).outlet == outlet


HOSTILE = [
    ("script in body", "<script>alert('x1');document.cookie</script>"),
    ("inline script with markup", "<script>var s = '<p>alert(\"x2\")</p>';</script>"),
    ("img onerror", '<img src="nothing.png" onerror="alert(\'x3\')">'),
    ("javascript link", '<p>Read the <a href="javascript:alert(\'x4\')">council statement</a> in full.</p>'),
    ("event handlers", '<p onclick="alert(\'x5\')" onmouseover="alert(\'x5\')">Buses run every hour.</p>'),
    ("iframe", '<iframe src="javascript:alert(\'x6\')"></iframe>'),
    ("style", "<style>body { background: url('javascript:alert(x7)') }</style>"),
    ("noscript", "<noscript><img src=x onerror=alert('x8')></noscript>"),
    ("svg script", "<svg><script>alert('x9')</script></svg>"),
    ("unclosed tags", "<div><p>Pumps were brought in <b>from the <i>coast<span> overnight"),
    ("stray closing tags", "</div></article></body></html><p>Sirens were tested at noon.</p>"),
    ("deep nesting", "<div>" * 3000 + "<p>Engineers inspected the levee at dawn.</p>" + "</div>" * 3000),
    ("deep unclosed inline", "<b>" * 3000 + "<p>Engineers inspected the levee at dawn.</p>"),
    ("escaped script shown as text", "<p>&lt;script&gt;alert('x10')&lt;/script&gt;</p>"),
    ("null bytes and controls", "<p>Power\x00 returned\x07 to the eastern streets.</p>"),
]


@pytest.mark.parametrize("name, markup", HOSTILE, ids=[name for name, _ in HOSTILE])
def test_hostile_markup_leaves_only_plain_text(name: str, markup: str) -> None:
    cleaned = clean_html(page(body=markup))
    text = all_text(cleaned)
    assert "volunteers handed out blankets" in text  # the article survives the hostile part
    for leak in ("alert(", "<script", "onerror", "javascript:", "document.cookie", "<iframe", "background:"):
        assert leak not in text, leak


@pytest.mark.parametrize(
    "markup, kept",
    [
        ("<div>" * 3000 + "<p>Engineers inspected the levee at dawn.</p>" + "</div>" * 3000,
         "Engineers inspected the levee at dawn."),
        ("<b>" * 3000 + "<p>Engineers inspected the levee at dawn.</p>", "Engineers inspected the levee at dawn."),
        ('<p>Read the <a href="javascript:void(0)">council statement</a> in full.</p>',
         "Read the council statement in full."),
        ("<div><p>Pumps were brought in <b>from the <i>coast<span> overnight", "Pumps were brought in from the coast"),
    ],
)
def test_text_inside_hostile_markup_is_kept(markup: str, kept: str) -> None:
    assert kept in all_text(clean_html(page(body=markup)))


JSON_LD_PAGE = (
    '<html><head><script type="application/ld+json">{{"@type": "NewsArticle", "articleBody": "{}'
    + "Water levels kept rising in the valley towns through the weekend, the district office said. " * 3
    + '"}}</script></head><body><div>Menu</div></body></html>'
)


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert('j1')<\\/script>",
        "&lt;script&gt;alert('j2')&lt;/script&gt;",
        "<p>Update<\\/p><script>alert('j3')<\\/script>",
        "\\u003cscript\\u003ealert('j4')\\u003c/script\\u003e",
        "<iframe src=\\\"javascript:alert('j5')\\\"><\\/iframe>",
    ],
)
def test_script_inside_embedded_json_never_reaches_the_text(payload: str) -> None:
    text = all_text(clean_html(JSON_LD_PAGE.format(payload)))  # the visible page has no article: JSON is used
    assert "Water levels kept rising" in text
    assert "alert(" not in text and "<script" not in text and "javascript:" not in text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<html></html>",
        "<html><body></body></html>",
        "<html><head><title>Only a title here</title></head><body></body></html>",
        "<html><body><script>document.write('words that are never shown')</script></body></html>",
        "<html><body><img src=x onerror=alert(1)></body></html>",
    ],
)
def test_page_without_text_is_rejected_with_e006(html: str) -> None:
    with pytest.raises(InputError) as caught:
        clean_html(html, location="pages/empty.html")
    assert caught.value.code is Code.E006
    assert caught.value.location == "pages/empty.html"
    assert caught.value.as_skipped().code == "E006"


def test_location_defaults_to_url() -> None:
    with pytest.raises(InputError) as caught:
        clean_html("<html></html>", url="https://example.org/x")
    assert caught.value.location == "https://example.org/x"


FRAGMENTS = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<b>", "<table><tr><td>", "<!--", "-->",
    "<a href='javascript:alert(1)'>", "<img onerror=alert(1) src=x>", "&lt;", "&#0;", "<html>", "<body>", "\x00",
    '<script type="application/ld+json">{"articleBody": "<script>alert(1)<\\/script>',
    "The river rose again overnight. ", "Schools stay closed on Friday. ", " ", "\n",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=60))
def test_any_markup_gives_cleaned_or_input_error(parts: list[str]) -> None:
    try:
        cleaned = clean_html("".join(parts))
    except InputError as err:
        assert err.code in (Code.E006, Code.E014)
        return
    text = all_text(cleaned)
    assert "<script" not in text and "onerror" not in text
    assert all(b.text == b.text.strip() and b.text for b in cleaned.blocks)
