"""Calendar periods for time expressions: a TIMEX3 value together with the interval it denotes.

A ``Period`` is a half-open interval ``[start, end)`` of naive local wall-clock time, the TIMEX3 value
naming it ("2013-W12", "2013-Q1", "2012-SU", "201" for the 2010s) and a unit. Relative expressions
("last week", "the fourth quarter", "late July") are answered by building the period that contains a
reference time and shifting or trimming it. Written here because dateparser answers with one datetime,
not with the period and its TIMEX3 name. Conventions (shared with the seeds): morning 06-12, afternoon
12-18, evening 18-24, night 18-06 of the next day; seasons are meteorological (spring = March-May,
winter = December to February, named by the year of its December).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

PARTS_OF_DAY = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 24), "NI": (18, 30)}
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each season
UNIT_GRANULARITY = {
    "minute": "minute",
    "hour": "hour",
    "part-of-day": "part-of-day",
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "month",
    "half": "month",
    "season": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}
MIN_YEAR, MAX_YEAR = 1, 9990


@dataclass(frozen=True, slots=True)
class Period:
    """A named calendar interval ``[start, end)`` (naive local time) with its TIMEX3 value."""

    unit: str
    start: datetime
    end: datetime
    value: str

    @property
    def granularity(self) -> str:
        return UNIT_GRANULARITY[self.unit]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def day_period(day: date) -> Period:
    return Period("day", _midnight(day), _midnight(day) + timedelta(days=1), day.isoformat())


def part_of_day(day: date, code: str) -> Period:
    """Morning (MO), afternoon (AF), evening (EV) or night (NI) of ``day``; the night runs into the next day."""
    first, last = PARTS_OF_DAY[code]
    start = _midnight(day) + timedelta(hours=first)
    return Period("part-of-day", start, _midnight(day) + timedelta(hours=last), f"{day.isoformat()}T{code}")


def week_period(day: date) -> Period:
    """The ISO week (Monday to Sunday) containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    year, week, _ = day.isocalendar()
    return Period("week", _midnight(monday), _midnight(monday + timedelta(days=7)), f"{year}-W{week:02d}")


def weekend_period(day: date) -> Period:
    """The Saturday and Sunday of the ISO week containing ``day``."""
    week = week_period(day)
    saturday = week.start + timedelta(days=5)
    return Period("weekend", saturday, week.end, f"{week.value}-WE")


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    start = datetime(year, month, 1)
    return Period("month", start, start + timedelta(days=last), f"{year:04d}-{month:02d}")


def _months(year: int, first_month: int, count: int) -> tuple[datetime, datetime]:
    """Start and end of ``count`` months from ``first_month`` of ``year`` (spilling into later years)."""
    end_year, end_month = divmod(first_month - 1 + count, 12)
    return datetime(year, first_month, 1), datetime(year + end_year, end_month + 1, 1)


def quarter_period(year: int, quarter: int) -> Period:
    start, end = _months(year, 3 * (quarter - 1) + 1, 3)
    return Period("quarter", start, end, f"{year:04d}-Q{quarter}")


def half_period(year: int, half: int) -> Period:
    start, end = _months(year, 6 * (half - 1) + 1, 6)
    return Period("half", start, end, f"{year:04d}-H{half}")


def season_period(year: int, code: str) -> Period:
    start, end = _months(year, SEASONS[code], 3)
    return Period("season", start, end, f"{year:04d}-{code}")


def year_period(year: int) -> Period:
    return Period("year", datetime(year, 1, 1), datetime(year + 1, 1, 1), f"{year:04d}")


def decade_period(first_year: int) -> Period:
    first_year -= first_year % 10
    start, end = datetime(max(first_year, MIN_YEAR), 1, 1), datetime(first_year + 10, 1, 1)
    return Period("decade", start, end, f"{first_year // 10:03d}")


def century_period(number: int) -> Period:
    """The ``number``-th century, named as TimeML does: the 20th century (1900-1999) is "19"."""
    first = (number - 1) * 100
    return Period("century", datetime(max(first, MIN_YEAR), 1, 1), datetime(first + 100, 1, 1), f"{number - 1:02d}")


def clock_period(day: date, hour: int, minute: int | None) -> Period:
    """An hour ("T20") or a minute ("T20:30") of ``day``."""
    start = _midnight(day) + timedelta(hours=hour, minutes=minute or 0)
    if minute is None:
        return Period("hour", start, start + timedelta(hours=1), f"{day.isoformat()}T{hour:02d}")
    return Period("minute", start, start + timedelta(minutes=1), f"{day.isoformat()}T{hour:02d}:{minute:02d}")


def containing(unit: str, moment: datetime) -> Period:
    """The period of ``unit`` (day, week, weekend, month, quarter, half, year, decade, century) holding ``moment``."""
    day = moment.date()
    builders = {
        "day": lambda: day_period(day),
        "week": lambda: week_period(day),
        "weekend": lambda: weekend_period(day),
        "month": lambda: month_period(day.year, day.month),
        "quarter": lambda: quarter_period(day.year, (day.month - 1) // 3 + 1),
        "half": lambda: half_period(day.year, (day.month - 1) // 6 + 1),
        "season": lambda: _season_containing(day),
        "year": lambda: year_period(day.year),
        "decade": lambda: decade_period(day.year),
        "century": lambda: century_period(day.year // 100 + 1),
    }
    return builders[unit]()


def _season_containing(day: date) -> Period:
    if day.month in (1, 2):
        return season_period(day.year - 1, "WI")
    code = next(code for code, first in sorted(SEASONS.items(), key=lambda kv: -kv[1]) if day.month >= first)
    return season_period(day.year, code)


def shift(period: Period, steps: int) -> Period:
    """The period ``steps`` units after (negative: before) ``period``, of the same unit."""
    if steps == 0:
        return period
    if period.unit in ("day", "week", "weekend"):
        days = 7 if period.unit != "day" else 1
        return containing(period.unit, period.start + timedelta(days=days * steps))
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}
    step = months.get(period.unit)
    if step is None:
        raise ValueError(f"cannot shift a period of unit {period.unit!r}")
    year, month = divmod(period.start.year * 12 + period.start.month - 1 + step * steps, 12)
    return containing(period.unit, datetime(year, month + 1, 1))


def trim(period: Period, mod: str | None) -> tuple[datetime, datetime]:
    """The part of ``period`` a TIMEX3 ``mod`` picks: START, MID or END is the first, middle or last third."""
    if mod not in ("START", "MID", "END"):
        return period.start, period.end
    third = (period.end - period.start) / 3
    index = ("START", "MID", "END").index(mod)
    return period.start + third * index, period.start + third * (index + 1)


def with_value(period: Period, value: str) -> Period:
    return replace(period, value=value)


def infer_year(month: int, day: int, weekday: int, *, near_year: int, span: int = 2) -> int | None:
    """The year within ``near_year ± span`` in which ``month``/``day`` falls on ``weekday`` (Monday = 0).

    Used when a text gives "Thursday, 6 January" without a year and only a weak anchor is known (a
    copyright line's year): the weekday pins the year down. The nearest such year wins; when two are
    equally near, or none fits (or the date does not exist), the answer is None.
    """
    candidates = []
    for year in range(near_year - span, near_year + span + 1):
        try:
            if date(year, month, day).weekday() == weekday:
                candidates.append(year)
        except ValueError:
            continue
    if not candidates:
        return None
    candidates.sort(key=lambda year: abs(year - near_year))
    if len(candidates) > 1 and abs(candidates[0] - near_year) == abs(candidates[1] - near_year):
        return None
    return candidates[0]
