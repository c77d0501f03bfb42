"""Calendar periods and their TIMEX3 names, and year inference from a weekday."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from wiretrace.extract.timex import infer_year
from wiretrace.extract.timex_calendar import (
    century_period,
    containing,
    decade_period,
    part_of_day,
    quarter_period,
    season_period,
    shift,
    trim,
    week_period,
)


@pytest.mark.parametrize(
    "month, day, weekday, near_year, expected",
    [
        (1, 6, 3, 2021, 2022),  # Thursday 6 January, weak anchor one year off
        (1, 6, 3, 2023, 2022),
        (1, 6, 3, 2022, 2022),
        (3, 8, 1, 2021, 2022),  # Tuesday 8 March
        (1, 6, 3, 2016, None),  # 2011 and 2022 are both out of reach
        (2, 30, 0, 2021, None),  # no such day
        (2, 29, 3, 2022, 2024),  # Thursday 29 February: only a leap year fits
    ],
)
def test_infer_year(month: int, day: int, weekday: int, near_year: int, expected: int | None) -> None:
    assert infer_year(month, day, weekday, near_year=near_year) == expected


def test_infer_year_declines_when_two_years_are_equally_near() -> None:
    # Sunday 1 January: 2017 and 2023 are both three years from 2020.
    assert infer_year(1, 1, 6, near_year=2020, span=3) is None


@pytest.mark.parametrize(
    "period, value, start, end",
    [
        (week_period(date(2022, 3, 10)), "2022-W10", datetime(2022, 3, 7), datetime(2022, 3, 14)),
        (quarter_period(2021, 4), "2021-Q4", datetime(2021, 10, 1), datetime(2022, 1, 1)),
        (season_period(2021, "WI"), "2021-WI", datetime(2021, 12, 1), datetime(2022, 3, 1)),
        (decade_period(1994), "199", datetime(1990, 1, 1), datetime(2000, 1, 1)),
        (century_period(20), "19", datetime(1900, 1, 1), datetime(2000, 1, 1)),
        (part_of_day(date(2022, 3, 9), "NI"), "2022-03-09TNI", datetime(2022, 3, 9, 18), datetime(2022, 3, 10, 6)),
        (part_of_day(date(2022, 3, 9), "AF"), "2022-03-09TAF", datetime(2022, 3, 9, 12), datetime(2022, 3, 9, 18)),
        (containing("season", datetime(2022, 2, 10)), "2021-WI", datetime(2021, 12, 1), datetime(2022, 3, 1)),
        (shift(containing("month", datetime(2022, 1, 15)), -1), "2021-12", datetime(2021, 12, 1), datetime(2022, 1, 1)),
        (shift(week_period(date(2022, 1, 3)), -1), "2021-W52", datetime(2021, 12, 27), datetime(2022, 1, 3)),
    ],
)
def test_periods(period, value: str, start: datetime, end: datetime) -> None:  # type: ignore[no-untyped-def]
    assert (period.value, period.start, period.end) == (value, start, end)


def test_mods_pick_a_third_of_the_period() -> None:
    month = containing("month", datetime(2022, 3, 1))
    assert trim(month, "START") == (datetime(2022, 3, 1), datetime(2022, 3, 11, 8))
    assert trim(month, "END")[1] == datetime(2022, 4, 1)
    assert trim(month, None) == (month.start, month.end)
