"""Properties of the plain-text cleaner on arbitrary input (hypothesis).

Whatever the text: ``clean_text`` does not raise; every block is a slice of the input at its offsets;
blocks are in input order and do not overlap; no stretch of the input is both kept and a comment.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiretrace.clean.text import Role, clean_text, layout_text

# Lines a scraped page is made of, to mix with random text so that every rule gets exercised.
VOCABULARY = [
    "Share this:",
    "Like this:",
    "Loading...",
    "Related",
    "Source link",
    "Leave a Reply",
    "Reply",
    "Report",
    "Liked by 3 people",
    "▲ 12",
    "Like (3)",
    "Reply · 3 likes",
    "12 comments",
    "Sort by Best",
    "Anna says:",
    "Ben on May 3, 2021 at 5:12 pm said:",
    "maria • 3 hours ago",
    "— tom, 2013-07-15",
    "  1. A numbered comment with a few words in it.",
    "    • A bulleted reply to that comment, also with words.",
    "(C)Agency 2021",
    "© 2019 Outlet",
    "Copyright Outlet",
    "Best regards, editors",
    "Please disable your ad blocker to continue.",
    "A caption / photo AGENCY",
    "Text of a paragraph.A caption / photo AGENCYA caption / photo AGENCY",
    "(AP Photo/Name)",
    "Photo: AGENCY",
    "Connecting to %s",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    "The council approved the plan on Tuesday after a long debate, officials said in a statement.",
    "What happens next",
    "",
    "   ",
    "\t",
]

lines = st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=80))
pages = st.one_of(
    st.text(max_size=400),
    st.lists(lines, max_size=30).map("\n".join),
    st.lists(st.tuples(st.sampled_from(["", " ", "  ", "    ", "\t"]), lines), max_size=30).map(
        lambda pairs: "\n".join(indent + line for indent, line in pairs)
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_blocks_are_ordered_slices_of_the_input(text: str) -> None:
    cleaned = clean_text(text)
    previous_end = 0
    for block in cleaned.blocks:
        assert block.source_start is not None and block.source_end is not None
        assert text[block.source_start : block.source_end] == block.text
        assert block.text.strip()
        assert block.source_start >= previous_end
        previous_end = block.source_end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages, st.one_of(st.none(), st.text(max_size=30), st.sampled_from(VOCABULARY)))
def test_comments_and_kept_text_never_share_input(text: str, title_hint: str | None) -> None:
    layout = layout_text(text, title_hint=title_hint)
    comment = [(p.start, p.end) for p in layout.pieces if p.role is Role.COMMENT]
    kept = [(p.start, p.end) for p in layout.pieces if p.role not in (Role.COMMENT, Role.DROPPED)]
    for start, end in comment:
        assert all(end <= s or e <= start for s, e in kept)
    ordered = [(p.start, p.end) for p in layout.pieces]
    assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:]))
    cleaned = clean_text(text, title_hint=title_hint)
    assert len(cleaned.comments) == len(layout.thread.comments) if layout.thread else not cleaned.comments
    for i, found in enumerate(cleaned.comments):
        assert found.reply_to is None or 0 <= found.reply_to < i


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=40))
def test_boilerplate_is_listed_once_and_verbatim(chosen: list[str]) -> None:
    text = "\n".join(chosen)
    cleaned = clean_text(text)
    assert len(set(cleaned.boilerplate)) == len(cleaned.boilerplate)
    for line in cleaned.boilerplate:
        assert line in text
