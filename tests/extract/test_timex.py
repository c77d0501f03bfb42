"""find_times: spans, TIMEX3 values and event-time intervals, anchored on a publication time or not.

The anchor throughout is a publication time of Thursday 10 March 2022, 15:00 at UTC+02:00. All
sentences are written for these tests.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.extract.timex import TimeExpression, TimexOptions, find_times

TZ = timezone(timedelta(hours=2))
ANCHOR = datetime(2022, 3, 10, 15, 0, tzinfo=TZ)


def at(*args: int) -> str:
    return datetime(*args, tzinfo=TZ).isoformat()


def only(text: str, expression: str, **kwargs: object) -> TimeExpression:
    """The one time expression whose event-time expression is ``expression``."""
    found = [t for t in find_times(text, **kwargs) if t.expression == expression]  # type: ignore[arg-type]
    assert len(found) == 1, [t.expression for t in find_times(text, **kwargs)]  # type: ignore[arg-type]
    return found[0]


@pytest.mark.parametrize(
    "text, expression, start, end, granularity",
    [
        ("Firefighters reached the warehouse 5 minutes ago.", "5 minutes ago", at(2022, 3, 10, 14, 55), at(2022, 3, 10, 14, 55), "minute"),
        ("Looters broke into the depot last night.", "last night", at(2022, 3, 9, 18), at(2022, 3, 10, 6), "part-of-day"),
        ("Sirens sounded on the night of March 3 across the port.", "on the night of March 3", at(2022, 3, 2, 18), at(2022, 3, 3, 6), "part-of-day"),
        ("The bridge reopened on Tuesday morning, March 8, officials said.", "on Tuesday morning, March 8", at(2022, 3, 8, 6), at(2022, 3, 8, 12), "part-of-day"),
        ("Strikes have continued since February 2 in the mining towns.", "since February 2", at(2022, 2, 2), None, "day"),
        ("The ministry denied the report earlier today.", "earlier today", at(2022, 3, 10), at(2022, 3, 11), "day"),
        ("Shots were heard yesterday evening near the station.", "yesterday evening", at(2022, 3, 9, 18), at(2022, 3, 10), "part-of-day"),
        ("Talks stalled last week in the capital.", "last week", at(2022, 2, 28), at(2022, 3, 7), "week"),
        ("The plant was built in 2019.", "in 2019", at(2019, 1, 1), at(2020, 1, 1), "year"),
        ("More flooding is expected this spring.", "this spring", at(2022, 3, 1), at(2022, 6, 1), "month"),
        ("Prices have risen over the past two years.", "over the past two years", at(2020, 3, 10, 15), at(2022, 3, 10, 15), "year"),
        ("The curfew will be lifted by Friday.", "by Friday", None, at(2022, 3, 12), "day"),
        ("Sales fell in the fourth quarter.", "in the fourth quarter", at(2021, 10, 1), at(2022, 1, 1), "month"),
        ("The mayor resigned on 4 March 2022 at noon.", "on 4 March 2022", at(2022, 3, 4), at(2022, 3, 5), "day"),
    ],
)
def test_anchored_intervals(text: str, expression: str, start: str | None, end: str | None, granularity: str) -> None:
    found = only(text, expression, anchor=ANCHOR)
    assert found.resolved
    assert (found.interval_start.isoformat() if found.interval_start else None) == start
    assert (found.interval_end.isoformat() if found.interval_end else None) == end
    assert found.granularity == granularity


@pytest.mark.parametrize(
    "text, timex, timex_type, value",
    [
        ("Officials said Friday the bridge reopened last night.", "Friday", "DATE", "2022-03-04"),
        ("Officials said Friday the bridge reopened last night.", "last night", "TIME", "2022-03-09TNI"),
        ("The vote will take place on Monday.", "Monday", "DATE", "2022-03-14"),
        ("The vote took place on Monday.", "Monday", "DATE", "2022-03-07"),
        ("She arrived on Thursday.", "Thursday", "DATE", "2022-03-10"),
        ("The factory closed in August.", "August", "DATE", "2021-08"),
        ("The report is due to be published in May.", "May", "DATE", "2022-05"),
        ("He lost the election last May.", "last May", "DATE", "2021-05"),
        ("The company was founded four years ago.", "four years ago", "DATE", "2018"),
        ("The law passed last month.", "last month", "DATE", "2022-02"),
        ("It will open next year.", "next year", "DATE", "2023"),
        ("Exports grew this week.", "this week", "DATE", "2022-W10"),
        ("Rallies were held over the weekend.", "the weekend", "DATE", "2022-W09-WE"),
        ("The market reopens at the end of March.", "the end of March", "DATE", "2022-03"),
        ("Sales dropped late last year.", "late last year", "DATE", "2021"),
        ("The strike began in late January.", "late January", "DATE", "2022-01"),
        ("The union was formed in the 1990s.", "1990s", "DATE", "199"),
        ("It was common in the 19th century.", "19th century", "DATE", "18"),
        ("The ban runs until mid-2023.", "mid-2023", "DATE", "2023"),
        ("It was his first visit since last summer.", "last summer", "DATE", "2021-SU"),
        ("The shelter opened this morning.", "this morning", "TIME", "2022-03-10TMO"),
        ("The convoy left at 8 p.m. on Wednesday.", "8 p.m.", "TIME", "2022-03-09T20"),
        ("The convoy left at 8:15 p.m. on Wednesday.", "8:15 p.m.", "TIME", "2022-03-09T20:15"),
        ("Shops are closed now.", "now", "DATE", "PRESENT_REF"),
        ("Such raids were rare in the past.", "the past", "DATE", "PAST_REF"),
        ("The mill has recently reopened.", "recently", "DATE", "PAST_REF"),
        ("Talks lasted three hours.", "three hours", "DURATION", "PT3H"),
        ("The siege lasted several weeks.", "several weeks", "DURATION", "PXW"),
        ("It was the worst drought in a decade.", "a decade", "DURATION", "P10Y"),
        ("Sentences of 90 days were handed down.", "90 days", "DURATION", "P90D"),
        ("The four-week course starts soon.", "four-week", "DURATION", "P4W"),
        ("The fighting has gone on for years.", "years", "DURATION", "PXY"),
        ("Inspectors visit the camp every morning.", "every morning", "SET", "XXXX-XX-XXTMO"),
        ("The fee is $40 a year.", "a year", "SET", "P1Y"),
        ("The office publishes figures weekly.", "weekly", "SET", "P1W"),
        ("The flood of 2009-2010 was the worst.", "2009", "DATE", "2009"),
        ("The flood of 2009-2010 was the worst.", "2010", "DATE", "2010"),
        ("Order was restored on 2022-03-01.", "2022-03-01", "DATE", "2022-03-01"),
    ],
)
def test_timex3_values(text: str, timex: str, timex_type: str, value: str) -> None:
    found = {t.text: t for t in find_times(text, anchor=ANCHOR)}
    assert timex in found, list(found)
    assert (found[timex].timex_type, found[timex].value) == (timex_type, value)


@pytest.mark.parametrize(
    "text, expression, granularity, value",
    [
        ("Firefighters reached the warehouse 5 minutes ago.", "5 minutes ago", "minute", None),
        ("Looters broke into the depot last night.", "last night", "part-of-day", None),
        ("The ministry denied the report earlier today.", "earlier today", "day", None),
        ("Talks stalled last week in the capital.", "last week", "week", None),
        ("The vote took place on Monday.", "on Monday", "day", "XXXX-WXX-1"),
        ("Strikes have continued since February 2.", "since February 2", "day", "XXXX-02-02"),
        ("Earlier, the police had closed the road.", "Earlier", None, None),
        ("Then the crowd moved to the square.", "Then", None, None),
        ("The hall had been searched before.", "before", None, None),
        ("The mill has just recently reopened.", "just recently", None, "PAST_REF"),
    ],
)
def test_without_anchor_the_expression_is_kept_unresolved(
    text: str, expression: str, granularity: str | None, value: str | None
) -> None:
    found = only(text, expression)
    assert not found.resolved
    assert found.interval_start is None and found.interval_end is None
    assert found.granularity == granularity
    assert found.value == value


def test_five_minutes_ago_is_an_approximate_point() -> None:
    found = only("Firefighters reached the warehouse 5 minutes ago.", "5 minutes ago", anchor=ANCHOR)
    assert found.approx and found.interval_start == found.interval_end
    assert found.as_record() == {
        "start": at(2022, 3, 10, 14, 55), "end": at(2022, 3, 10, 14, 55), "granularity": "minute",
        "expression": "5 minutes ago", "resolved": True, "approx": True,
    }  # fmt: skip


def test_two_days_later_counts_from_the_last_date_mentioned() -> None:
    text = "The first protest was held on Monday. Two days later the governor resigned."
    later = only(text, "Two days later", anchor=ANCHOR)
    assert (later.text, later.timex_type, later.value) == ("Two days later", "DATE", "2022-03-09")
    assert later.interval_start.isoformat() == at(2022, 3, 9)


def test_a_vague_amount_later_is_a_duration_with_the_direction_in_the_expression() -> None:
    found = only("Several weeks later the camp was closed.", "Several weeks later", anchor=ANCHOR)
    assert (found.text, found.timex_type, found.value, found.resolved) == ("Several weeks", "DURATION", "PXW", False)


def test_the_following_year_counts_from_the_year_mentioned() -> None:
    found = {t.text: t for t in find_times("The dam was finished in 2015 and failed the following year.", anchor=ANCHOR)}
    assert found["the following year"].value == "2016"


@pytest.mark.parametrize(
    "text",
    [
        "The 52-year-old driver was released.",
        "Children aged 6 months and older can be treated.",
        "He said it may rain.",
        "The band played their greatest days hits.",
        "It cost $2015 to repair.",
        "About 1800 people were evacuated.",
        "If the talks fail, then the strike goes on.",
        "The then minister denied it.",
        "We met before the vote.",
        "It was later than usual.",
        "The daily newspaper reported it.",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert find_times(text, anchor=ANCHOR) == []


def test_vague_adverbs_can_be_left_out() -> None:
    text = "Earlier, the police had closed the road; later it reopened on Friday."
    assert [t.text for t in find_times(text)] == ["Earlier", "later", "Friday"]
    assert [t.text for t in find_times(text, options=TimexOptions(include_vague=False))] == ["Friday"]


def test_year_inferred_from_a_weekday_near_a_weak_anchor() -> None:
    text = "On Tuesday, March 8, crowds gathered again. The unrest began on the night of March 2."
    found = find_times(text, tz=TZ, year_hint=2021)
    assert [(t.value, t.year_inferred, t.resolved) for t in found] == [
        ("2022-03-08", True, True),
        ("2022-03-02TNI", True, True),
    ]
    assert found[1].interval_start.isoformat() == at(2022, 3, 1, 18)


def test_no_year_inferred_when_the_weekday_fits_no_year_near_the_hint() -> None:
    found = find_times("On Tuesday, March 8, crowds gathered.", year_hint=2019)
    assert [(t.value, t.resolved, t.year_inferred) for t in found] == [("XXXX-03-08", False, False)]


def test_anchor_time_zone_decides_the_local_day() -> None:
    late_utc = datetime(2022, 3, 9, 23, 30, tzinfo=timezone.utc)  # already 10 March at UTC+02:00
    found = only("Shops reopened today.", "today", anchor=late_utc, tz=TZ)
    assert found.value == "2022-03-10"
    assert found.interval_start.isoformat() == at(2022, 3, 10)


WORDS = st.sampled_from(
    [
        "last", "next", "this", "the", "past", "of", "night", "morning", "Friday", "March", "May", "3", "31",
        "2022", "2009-10", "1990s", "ago", "later", "earlier", "years", "a", "day", "every", "since", "by",
        "10:30", "p.m.", "quarter", "fourth", "summer", "now", "then", "before", ",", ".", "-", "'", "Feb.",
        "29", "February", "30", "9999", "999999", "minutes", "several", "half", "century", "21st", "in",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=20).map(" ".join), st.booleans())
def test_never_raises_and_spans_point_into_the_text(text: str, anchored: bool) -> None:
    for found in find_times(text, anchor=ANCHOR if anchored else None):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text
        assert text[found.expression_start :].startswith(found.expression)
        assert found.resolved == (found.interval_start is not None or found.interval_end is not None)


def test_without_anchor_a_missing_year_comes_from_the_last_date_given() -> None:
    found = find_times("The plant shut on 12 May 2019. It reopened on June 3.")
    assert [(t.value, t.resolved, t.year_inferred) for t in found] == [("2019-05-12", True, False), ("2019-06-03", True, True)]
