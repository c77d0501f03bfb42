"""The clean stage's dispatch: pages, fragments and text, and container hints winning over guesses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wiretrace.clean import clean
from wiretrace.errors import InputError
from wiretrace.records import Document, SegmentKind

BODY = ("The port reopened on Friday after a two-day strike ended, the harbour authority said in a statement. "
        "Ships queued outside the breakwater were being brought in one by one.")


def document(text: str, media_type: str, title: str | None = None) -> Document:
    return Document(raw=text.encode(), media_type=media_type, location="feed.xml#entry-1", text=text,
                    encoding="utf-8", fetched_at=datetime(2024, 5, 1, tzinfo=UTC), title=title)


@pytest.mark.parametrize("text, media_type", [
    (BODY, "text/plain"),
    (BODY, "text/html"),  # a feed summary that is plain text, labelled HTML by its container
    (f"<p>{BODY.split('. ')[0]}.</p><p>{BODY.split('. ')[1]}<script>alert(1)</script></p>", "text/html"),
])
def test_the_container_title_heads_an_article_whose_text_names_none(text, media_type):
    article = clean(document(text, media_type, title="Port reopens"))
    assert article.title == "Port reopens"
    assert article.texts(SegmentKind.BODY, SegmentKind.STANDFIRST)
    assert "alert" not in article.text
    assert "brought in one by one" in article.text


def test_html_with_no_visible_text_is_rejected_with_its_location():
    with pytest.raises(InputError, match=r"feed.xml#entry-1: \[E006\]"):
        clean(document("<div><script>alert(1)</script></div>", "text/html"))
