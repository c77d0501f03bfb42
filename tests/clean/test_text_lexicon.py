"""One example line per vocabulary family of the plain-text cleaner, and lines that must not match.

The lines are written for this test; they describe kinds of page furniture, not any one page.
"""

from __future__ import annotations

import pytest

from wiretrace.clean.text_comments import Mark, mark_of
from wiretrace.clean.text_furniture import Furniture, label_furniture
from wiretrace.clean.text_lines import split_lines
from wiretrace.clean.text_provenance import copyright_holder, repost_source

PROSE = "The regional court postponed the hearing until March because two witnesses were ill, a spokesman said."


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Share this:", Furniture.WIDGET),
        ("Click to email a link to a friend (Opens in new window)", Furniture.WIDGET),
        ("Like Loading...", Furniture.WIDGET),
        ("You may also like", Furniture.WIDGET),
        ("Skip to main content", Furniture.WIDGET),
        ("Tags: courts, weather, elections", Furniture.WIDGET),
        ("This website uses cookies to improve your experience.", Furniture.COOKIE),
        ("Source link", Furniture.REPOST),
        ("Originally published on Example Review", Furniture.REPOST),
        ("Fill in your details below or click an icon to log in:", Furniture.FORM),
        ("Your email address will not be published. Required fields are marked *", Furniture.FORM),
        ("Sort by Newest", Furniture.FORM),
        ("© 2021 Example Courier. All rights reserved.", Furniture.COPYRIGHT),
        ("(C) Example Wire 2020", Furniture.COPYRIGHT),
        ("Jane Roe is a freelance writer based in Lisbon.", Furniture.BIO),
        (PROSE, None),
        ("Copyright law was reformed in 2019 after a long campaign by authors and artists.", None),
        ("The charity said donations had fallen by a third since the spring.", None),
        ("Share prices fell sharply on Monday after the announcement, traders said.", None),
    ],
)
def test_furniture_of_single_lines(line: str, expected: Furniture | None) -> None:
    lines = split_lines(f"{PROSE}\n\n{line}\n\n{PROSE}.")
    assert label_furniture(lines)[1] is expected


def test_plea_grows_through_its_sign_off_but_not_into_prose() -> None:
    text = f"{PROSE}\n\nOur work is funded only by advertising.\nPlease turn off your ad blocker.\n\nKind regards, the editors"
    labels = label_furniture(split_lines(text))
    assert labels == [None, Furniture.PLEA, Furniture.PLEA, Furniture.PLEA]


def test_form_grows_from_its_first_to_its_last_line() -> None:
    text = f"{PROSE}\n\nLeave a comment\n\nExample logo\n\nPost Comment\n\n{PROSE}"
    labels = label_furniture(split_lines(text))
    assert labels == [None, Furniture.FORM, Furniture.FORM, Furniture.FORM, None]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Liked by 7 people", Mark.LIKES),
        ("42 likes", Mark.LIKES),
        ("Like (3)", Mark.LIKES),
        ("▲ 12", Mark.LIKES),
        ("9 ▲ | ▼ • Reply • Share ›", Mark.LIKES),
        ("Like · Reply · 2y · 5 likes", Mark.LIKES),
        ("Reply", Mark.ACTION),
        ("Report", Mark.ACTION),
        ("Reply ↓", Mark.ACTION),
        ("Jane Roe says:", Mark.SAYS),
        ("Jane Roe on March 3, 2020 at 7:41 am said:", Mark.SAYS),
        ("jroe • 5 days ago", Mark.AUTHOR),
        ("— jroe, 2019-02-11", Mark.SIGNED),
        ("17 comments", Mark.HEAD),
        ("4 thoughts on “A title”", Mark.HEAD),
        ("Comments (4)", Mark.HEAD),
        ("Most Commented", None),
        ("5 hours ago", None),
        (PROSE, None),
    ],
)
def test_thread_marks(line: str, expected: Mark | None) -> None:
    assert mark_of(split_lines(line)[0]) is expected


@pytest.mark.parametrize(
    "line, holder",
    [
        ("(C)Agency 2021", "Agency"),
        ("© 2019 Example Outlet", "Example Outlet"),
        ("Copyright © Example Media Ltd, 1 High Street, Townsville", "Example Media Ltd"),
        ("© 2020", None),
    ],
)
def test_copyright_holder(line: str, holder: str | None) -> None:
    assert copyright_holder(line) == holder


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("This story first appeared in Example Weekly.", "Example Weekly"),
        ("Originally posted at Example Notes on 3 May", "Example Notes"),
        ("Source link", None),
    ],
)
def test_repost_source(line: str, outlet: str | None) -> None:
    assert repost_source(line) == outlet
