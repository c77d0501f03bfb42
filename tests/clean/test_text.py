"""The plain-text cleaner on pages written for these tests (no seed text): pleas, widgets, captions,
copyright lines, glued captions, comment threads, titles and headings."""

from __future__ import annotations

import pytest

from wiretrace.clean.blocks import Cleaned
from wiretrace.clean.text import clean_text
from wiretrace.records import SegmentKind

TITLE = "Harbour plan wins council vote after long debate"
PARAS = (
    "The city council approved the new harbour plan on Tuesday evening after a debate that lasted more than "
    "four hours, officials said.",
    "Supporters of the plan argued that the new quays would bring jobs to the district, while opponents "
    "warned about the cost to taxpayers.",
    "The mayor said construction could begin next spring if the regional government agrees to share the "
    "cost of the project.",
)
BODY_KINDS = (SegmentKind.STANDFIRST, SegmentKind.BODY)


def page(*after: str, middle: str | None = None) -> str:
    """The test article, with ``middle`` between its 2nd and 3rd paragraph and ``after`` below it."""
    parts = [TITLE, PARAS[0], PARAS[1], *([middle] if middle else []), PARAS[2], *after]
    return "\n\n".join(parts)


def texts(cleaned: Cleaned, *kinds: SegmentKind) -> list[str]:
    return [b.text for b in cleaned.blocks if b.kind in kinds]


def assert_body_intact(cleaned: Cleaned) -> None:
    assert texts(cleaned, SegmentKind.TITLE) == [TITLE]
    assert texts(cleaned, *BODY_KINDS) == list(PARAS)


# --- Ad-blocker and donation pleas ----------------------------------------------------------------------

PLEAS = [
    "We noticed that you are using an ad blocker.\nOur reporting is paid for by the ads you see here.\n"
    "Please whitelist this site or consider a subscription.\nThank you for your support!",
    "Dear reader,\nindependent journalism is expensive to produce.\n"
    "If you value our work, please make a donation today.\nSincerely, the editorial team",
    "Ad blocker detected\nTurn off your adblocker to keep reading.\nThanks, the newsroom",
    "Support quality journalism: become a member for as little as five dollars a month.",
    "Journalism like ours cannot be free.\nWe are funded by readers like you.\n\nBest regards, editors",
]


@pytest.mark.parametrize("plea", PLEAS)
def test_pleas_are_dropped_whole(plea: str) -> None:
    cleaned = clean_text(page(plea))
    assert_body_intact(cleaned)
    for line in plea.splitlines():
        if line.strip():
            assert line in cleaned.boilerplate


# --- Share, login and repost lines -------------------------------------------------------------------

WIDGETS = [
    "Share this:\nClick to share on Twitter (Opens in new window)\nClick to share on Facebook (Opens in new window)",
    "Like this:\nLike Loading...",
    "Related",
    "Sign up for our newsletter",
    "Subscribe",
    "Read more: Council approves budget for next year",
    "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.",
    "Advertisement",
]


@pytest.mark.parametrize("widget", WIDGETS)
def test_widgets_are_dropped(widget: str) -> None:
    cleaned = clean_text(page(widget, middle=widget))
    assert_body_intact(cleaned)
    for line in widget.splitlines():
        assert line in cleaned.boilerplate


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("Source link", None),
        ("This article was originally published by Example Post.", "Example Post"),
        ("Originally published at Northern Review", "Northern Review"),
    ],
)
def test_repost_lines(line: str, outlet: str | None) -> None:
    cleaned = clean_text(page(line))
    assert_body_intact(cleaned)
    assert line in cleaned.boilerplate
    assert cleaned.is_repost
    assert cleaned.outlet == outlet


# --- Copyright and provenance -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("(C) Northern Wire 2020", "Northern Wire"),
        ("© 2019 Daily Example", "Daily Example"),
        ("Copyright Example Times", "Example Times"),
        ("Copyright © 2018 Example Media Group. All rights reserved.", "Example Media Group"),
        ("© Example Herald 2005–2019", "Example Herald"),
    ],
)
def test_copyright_line_names_the_outlet(line: str, outlet: str) -> None:
    cleaned = clean_text(page(line))
    assert_body_intact(cleaned)
    assert texts(cleaned, SegmentKind.PROVENANCE) == [line]
    assert cleaned.outlet == outlet
    assert not cleaned.is_repost


def test_copyright_on_a_blog_is_a_repost() -> None:
    form = "Leave a Reply\nYou are commenting using your Twitter account. Log Out / Change )\nConnecting to %s"
    cleaned = clean_text(page("© 2020 Daily Example", form))
    assert cleaned.outlet == "Daily Example"
    assert cleaned.host == "a WordPress blog"
    assert cleaned.is_repost
    assert "Connecting to %s" in cleaned.boilerplate


# --- Captions ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, caption, credit",
    [
        ("Firefighters at the scene on Tuesday / photo Example Agency", "Firefighters at the scene on Tuesday", "Example Agency"),
        ("Crowds gather outside the town hall. Photo: Jane Roe", "Crowds gather outside the town hall.", "Jane Roe"),
        ("A volunteer sorts donations in the warehouse (AP Photo/John Doe)", "A volunteer sorts donations in the warehouse", "AP Photo/John Doe"),
        ("The bridge after the flood. Credit: City Archive", "The bridge after the flood.", "City Archive"),
        ("Delegates leave the summit hall © Example Press / J. Smith", "Delegates leave the summit hall", "Example Press / J. Smith"),
        ("Police officers block the road | Photo by Ann Lee", "Police officers block the road", "Ann Lee"),
        ("Photo: Northern Wire Service", "Photo: Northern Wire Service", "Northern Wire Service"),
    ],
)
def test_caption_lines(line: str, caption: str, credit: str) -> None:
    cleaned = clean_text(page(middle=line))
    assert_body_intact(cleaned)
    captions = [(b.text, b.credit) for b in cleaned.blocks if b.kind is SegmentKind.CAPTION]
    assert captions == [(caption, credit)]


@pytest.mark.parametrize(
    "caption, marker, credit, copies",
    [
        ("Rescue teams search the rubble", " / photo ", "Example Agency", 2),
        ("Rescue teams search the rubble", " / photo ", "Example Agency", 3),
        ("Rescue teams search the rubble", " / photo ", "Example Agency", 1),
        ("Voters queue at a polling station in the north", " | Photo: ", "Jane Roe", 2),
    ],
)
def test_glued_captions_are_cut_off_and_kept_once(caption: str, marker: str, credit: str, copies: int) -> None:
    glued = PARAS[0] + (caption + marker + credit) * copies
    cleaned = clean_text("\n\n".join([TITLE, glued, PARAS[1], PARAS[2]]))
    assert_body_intact(cleaned)
    captions = [(b.text, b.credit) for b in cleaned.blocks if b.kind is SegmentKind.CAPTION]
    assert captions == [(caption, credit)]
    if copies > 1:
        assert caption + marker + credit in cleaned.boilerplate


# --- Title, standfirst and headings -------------------------------------------------------------------


def test_title_hint_wins_over_the_first_line() -> None:
    text = "Example Daily | News\n\n" + page()
    cleaned = clean_text(text, title_hint=TITLE)
    assert_body_intact(cleaned)


def test_title_hint_cuts_the_site_name_off_the_line() -> None:
    text = page().replace(TITLE, TITLE + " | Example Daily", 1)
    cleaned = clean_text(text, title_hint=TITLE)
    assert_body_intact(cleaned)
    assert "| Example Daily" in cleaned.boilerplate


def test_title_hint_not_in_the_text_falls_back_to_the_text() -> None:
    cleaned = clean_text(page(), title_hint="A headline the page does not show")
    assert_body_intact(cleaned)


def test_standfirst_and_section_heading() -> None:
    cleaned = clean_text(page(middle="What happens next for the harbour"))
    assert texts(cleaned, SegmentKind.STANDFIRST) == [PARAS[0]]
    assert texts(cleaned, SegmentKind.HEADING) == ["What happens next for the harbour"]


# --- Comment threads --------------------------------------------------------------------------------

NUMBERED_THREAD = """  1. The council should have asked the residents of the harbour district first.
    Liked by 4 people
    • They did hold two public meetings last year, as far as I remember.
      Liked by 2 people
      • Both meetings were held on weekday mornings, when most people work.
        Liked by 1 person
  2. Good news for the district at last, and about time too.
    Liked by 5 people"""

WORDPRESS_THREAD = """3 thoughts on “Harbour plan wins council vote”

Anna Berg says:
May 3, 2021 at 5:12 pm
Great piece, thanks for covering the debate in such detail.
Reply

    Ben Ode on May 3, 2021 at 6:00 pm said:
    I disagree with most of it, the cost estimate is far too low.
    Reply

        Anna Berg says:
        May 4, 2021 at 9:12 am
        Fair enough, we will see who was right next spring.
        Reply

Leave a Reply
Your email address will not be published. Required fields are marked *"""

DISQUS_THREAD = """12 comments
Sort by Best
Join the discussion…
maria_k • 3 hours ago
I think the council got this one badly wrong, honestly.
Reply · 3 likes
    tom_r • 2 hours ago
    It was the only option left with the budget they had.
    Reply · 1 like
Load more comments"""


@pytest.mark.parametrize(
    "thread, reply_to, likes, authors",
    [
        (NUMBERED_THREAD, [None, 0, 1, None], [4, 2, 1, 5], [None, None, None, None]),
        (WORDPRESS_THREAD, [None, 0, 1], [None, None, None], ["Anna Berg", "Ben Ode", "Anna Berg"]),
        (DISQUS_THREAD, [None, 0], [3, 1], ["maria_k", "tom_r"]),
    ],
)
def test_comment_threads(thread: str, reply_to: list, likes: list, authors: list) -> None:
    cleaned = clean_text(page(thread))
    assert_body_intact(cleaned)
    assert [c.reply_to for c in cleaned.comments] == reply_to
    assert [c.likes for c in cleaned.comments] == likes
    assert [c.author for c in cleaned.comments] == authors
    kept = "\n".join(b.text for b in cleaned.blocks)
    for comment in cleaned.comments:
        assert comment.text and comment.text not in kept


def test_comment_dates_are_kept_as_written() -> None:
    cleaned = clean_text(page(WORDPRESS_THREAD))
    assert [c.posted for c in cleaned.comments] == ["May 3, 2021 at 5:12 pm", "May 3, 2021 at 6:00 pm", "May 4, 2021 at 9:12 am"]


def test_explicit_reply_to_an_author() -> None:
    thread = (
        "2 comments\n\nAnna Berg says:\nThe cost estimate looks far too low to me.\nReply\n\n"
        "Ben Ode says:\n@Anna Berg the estimate was checked by the auditors twice.\nReply"
    )
    cleaned = clean_text(page(thread))
    assert [c.reply_to for c in cleaned.comments] == [None, 0]


def test_no_thread_without_thread_markup() -> None:
    cleaned = clean_text(page("Reply"))
    assert cleaned.comments == ()
    assert_body_intact(cleaned)


# --- Degenerate inputs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n \t", "Source link", "\n".join(["Share this:"] * 5)])
def test_degenerate_inputs(text: str) -> None:
    cleaned = clean_text(text)
    assert texts(cleaned, *BODY_KINDS) == []
