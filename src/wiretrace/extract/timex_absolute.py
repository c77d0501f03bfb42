"""Handlers for calendar expressions: dates, months, years, decades, centuries, seasons, quarters, holidays.

Each handler takes a regular-expression match (group names as in ``timex_rules``) and the ``Context``,
and returns a ``Reading`` (or several, or None when the match is not a time after all). A missing year
is taken, in order, from the anchor and the tense around the expression, from a year the document
implies (inferred from a weekday, or the last year the text gave; marked ``year_inferred``), or left as
"XXXX" with the reading unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import dateparser
from dateutil.easter import easter

from wiretrace.extract.timex_base import Context, Groups, Reading, from_period, mod_code, pick, unresolved
from wiretrace.extract.timex_calendar import (
    Period,
    century_period,
    containing,
    day_period,
    decade_period,
    half_period,
    month_period,
    part_of_day,
    quarter_period,
    season_period,
    shift,
    year_period,
)
from wiretrace.extract.timex_lexicon import CENTURY_ORDINALS, MONTHS, ORDINALS, PARTS, SEASON_CODES, WEEKDAYS
from wiretrace.extract.timex_tense import Tense

_MAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|of|from|through|during|last|next|this|early|late|mid|before|after|between|"
    r"and|to|or|around|throughout|each|every)\W*$",
    re.IGNORECASE,
)

_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+-)?[a-z]{2,}[^s\W]s\b")
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|these|those|in|since|until|till|by|from|during|before|"
    r"after|through|to|between|and|early|mid|late|fiscal)|['’]s)[\s-]+$",
    re.IGNORECASE,
)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _year_of(
    ctx: Context, build: Callable[[int], Period], tense_span: tuple[int, int], default: Tense = None
) -> tuple[int | None, bool]:
    """The year for a yearless period built by ``build(year)``: by tense around the anchor, else the year
    the document implies (inferred from a weekday, or the last year the text gave), marked inferred."""
    if ctx.anchor is not None:
        years = range(ctx.anchor.year - 1, ctx.anchor.year + 2)
        candidates = [p for p in (_try(build, y) for y in years) if p is not None]
        if candidates:
            chosen = pick(candidates, ctx.anchor, ctx.tense(*tense_span), default=default)
            return chosen.start.year, False
        return None, False
    if ctx.doc_year is not None:
        return ctx.doc_year, ctx.doc_year_inferred
    if ctx.ref is not None and ctx.ref.granularity in ("day", "part-of-day", "week", "month", "year"):
        return ctx.ref.start.year, True  # 'on January 6, 2021 ... on January 2': the year the text last gave
    return None, False


def _try(build: Callable[[int], Period], year: int) -> Period | None:
    try:
        return build(year)
    except ValueError:
        return None


def night_of(day: date) -> Period:
    """'The night of D': from 18:00 of the day before to 06:00 of D, named by D as the text names it."""
    period = part_of_day(day - timedelta(days=1), "NI")
    return Period(period.unit, period.start, period.end, f"{day.isoformat()}TNI")


def day_or_part(day: date, part: str | None, night_of_day: bool) -> Period:
    if part and night_of_day and PARTS[part.lower()] == "NI":
        return night_of(day)
    if part:
        return part_of_day(day, PARTS[part.lower()])
    return day_period(day)


def calendar_date(match: Groups, ctx: Context) -> Reading | None:
    """'March 8, 2022', 'Tuesday morning, 8 March', 'the night of March 3'."""
    month, day = month_number(match["mon"]), int(re.sub(r"\D", "", match["day"]))
    part = match["prepart"] or match["wpart"]
    try:
        date(2000, month, day)  # a leap year: rejects only days that never exist
    except ValueError:
        return None
    if match["year"]:
        year, inferred = int(match["year"]), False
    else:
        year, inferred = _year_of(ctx, lambda y: day_period(date(y, month, day)), match.span())
    if year is None:
        suffix = f"T{PARTS[part.lower()]}" if part else ""
        value = f"XXXX-{month:02d}-{day:02d}{suffix}"
        return unresolved(match.span(), "TIME" if part else "DATE", value, "part-of-day" if part else "day")
    try:
        period = day_or_part(date(year, month, day), part, bool(match["prepart"]))
    except ValueError:
        return None
    ctx.remember(period)
    return from_period(match.span(), period, inferred=inferred)


def numeric_date(match: Groups, ctx: Context) -> Reading | None:
    """'2013-03-22', '3/22/2013', '22.03.2013' (dateparser reads them; slashes month first, dots day first)."""
    text = match.group()
    order = "YMD" if "-" in text else ("MDY" if "/" in text else "DMY")
    parsed = dateparser.parse(text, languages=["en"], settings={"DATE_ORDER": order, "STRICT_PARSING": True})
    if parsed is None:
        return None
    period = day_period(parsed.date())
    ctx.remember(period)
    return from_period(match.span(), period)


def month_year(match: Groups, ctx: Context) -> Reading | None:
    """'May 2010', 'late March of 2012', 'January next year'."""
    month, mod = month_number(match["mon"]), mod_code(match["mod"])
    if match["ryear"]:
        if ctx.anchor is None:
            return unresolved(match.span(), "DATE", f"XXXX-{month:02d}", "month", mod=mod)
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(match["ryear"].lower(), 0)
    else:
        year = int(match["year"])
    period = month_period(year, month)
    ctx.remember(period)
    return from_period(match.span(), period, mod=mod)


def _relative_month(ctx: Context, month: int, rel: str | None, span: tuple[int, int]) -> tuple[int | None, bool]:
    if ctx.anchor is None or rel is None or rel.lower() == "this":
        return _year_of(ctx, lambda y: month_period(y, month), span)
    here = ctx.anchor.year * 12 + ctx.anchor.month - 1
    target = ctx.anchor.year * 12 + month - 1
    if rel.lower() in ("last", "past", "previous"):
        target -= 12 if target >= here else 0
    else:  # next, coming
        target += 12 if target <= here else 0
    return target // 12, False


def month_alone(match: Groups, ctx: Context) -> Reading | None:
    """'August', 'last May', 'early December', 'late last July'."""
    word = match["mon"]
    before = ctx.text[max(0, match.start() - 20) : match.start()]
    if word == "May" and not (match["rel"] or match["mod"] or _MAY_CONTEXT.search(before)):
        return None
    month, mod = month_number(word), mod_code(match["mod"])
    year, inferred = _relative_month(ctx, month, match["rel"], match.span())
    if year is None:
        return unresolved(match.span(), "DATE", f"XXXX-{month:02d}", "month", mod=mod)
    period = month_period(year, month)
    ctx.remember(period)
    return from_period(match.span(), period, mod=mod, inferred=inferred)


def year_alone(match: Groups, ctx: Context) -> Reading | None:
    """'2009', 'mid-2012', 'fiscal 2013' (the fiscal year is named by its number, as the gold does).

    A number followed by a plural noun counts things ('about 1800 soldiers') unless a determiner or a
    preposition before it makes it a year ('the 2012 elections', 'in 2009 voters chose').
    """
    year_start = match.start("year")
    counted = _PLURAL_AFTER.match(ctx.text, match.end())
    if counted and not _DETERMINER_BEFORE.search(ctx.text, max(0, year_start - 12), year_start):
        return None
    period = year_period(int(match["year"]))
    ctx.remember(period)
    return from_period(match.span(), period, mod=mod_code(match["mod"]))


def year_range(match: Groups, ctx: Context) -> list[Reading] | None:
    """'2009-2010', '1957-58', '2009/10': two years, each its own expression (TimeML marks them apart)."""
    first = int(match["y1"])
    tail = match["y2"]
    second = int(tail) if len(tail) == 4 else first - first % 100 + int(tail)
    if not first < second <= first + 30:
        return None
    ctx.remember(year_period(second))
    return [from_period(match.span("y1"), year_period(first)), from_period(match.span("y2"), year_period(second))]


def decade(match: Groups, ctx: Context) -> Reading | None:
    """'the 1990s', "the '80s", 'the early 2000s'."""
    if match["full"]:
        first = int(match["full"])
    else:
        short = int(match["short"])
        first = (1900 if short >= 30 else 2000) + short
    return from_period(match.span(), decade_period(first), mod=mod_code(match["mod"]))


def century(match: Groups, ctx: Context) -> Reading | None:
    """'the 20th century' → TimeML value "19"."""
    word = match["ord"].lower()
    number = CENTURY_ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if not 1 <= number <= 22:
        return None
    return from_period(match.span(), century_period(number), mod=mod_code(match["mod"]))


def season(match: Groups, ctx: Context) -> Reading | None:
    """'last summer', 'this spring', 'the winter of 2011', 'early autumn 2012'."""
    code = SEASON_CODES[(match["season"] or match["season2"]).lower()]
    year_text, rel, mod = match["year"] or match["year2"], (match["rel"] or "").lower(), mod_code(match["mod"])
    if (match["season"] or "").lower() == "fall" and rel in ("", "the") and not year_text:
        return None  # 'the fall of the regime', 'the fall in prices'
    if year_text:
        return from_period(match.span(), season_period(int(year_text), code), mod=mod)
    if not rel and not mod:
        return None  # a bare 'summer' is a common noun
    if ctx.anchor is None:
        return unresolved(match.span(), "DATE", f"XXXX-{code}", "month", mod=mod)
    candidates = [season_period(y, code) for y in range(ctx.anchor.year - 2, ctx.anchor.year + 2)]
    if rel in ("last", "past", "previous"):
        chosen = max((p for p in candidates if p.end <= ctx.anchor), key=lambda p: p.start)
    elif rel in ("next", "coming"):
        chosen = min((p for p in candidates if p.start > ctx.anchor), key=lambda p: p.start)
    else:
        chosen = pick(candidates, ctx.anchor, ctx.tense(*match.span()) if rel == "the" else None)
    return from_period(match.span(), chosen, mod=mod)


def quarter(match: Groups, ctx: Context) -> Reading | None:
    """'the fourth quarter', 'the first quarter of 2012', 'Q3 2011', 'last quarter', 'the current quarter'."""
    rel = (match["rel"] or "").lower()
    year_text = match["year"] or match["year2"] or match["year3"]
    number = int(match["q"][1]) if match["q"] else ORDINALS.get(rel)
    if number is not None and number > 4:
        return None
    if year_text and number and number > 0:
        return from_period(match.span(), quarter_period(int(year_text), number))
    if ctx.anchor is None:
        return unresolved(match.span(), "DATE", f"XXXX-Q{number}" if number and number > 0 else None, "month")
    if number and number > 0:
        candidates = [quarter_period(y, number) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
        return from_period(match.span(), pick(candidates, ctx.anchor, ctx.tense(*match.span()), default="past"))
    current = containing("quarter", ctx.anchor)
    steps = {"last": -1, "previous": -1, "past": -1, "latest": -1, "final": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel == "same" and ctx.ref is not None:
        current = containing("quarter", ctx.ref.start)
    return from_period(match.span(), shift(current, steps))


def half(match: Groups, ctx: Context) -> Reading | None:
    """'the first half of 2012', 'the second half of the year', 'second-half'."""
    number = ORDINALS[match["ord"].lower()]
    if match["year"]:
        return from_period(match.span(), half_period(int(match["year"]), number))
    if ctx.anchor is None:
        return unresolved(match.span(), "DATE", f"XXXX-H{number}", "month")
    rel = (match["rel"] or "").lower()
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    if not rel:
        candidates = [half_period(y, number) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
        return from_period(match.span(), pick(candidates, ctx.anchor, ctx.tense(*match.span())))
    return from_period(match.span(), half_period(year, number))


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-based; -1 = last) ``weekday`` of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS = {
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "new year's day": lambda y: date(y, 1, 1),
    "new year's": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, WEEKDAYS["thursday"], 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, WEEKDAYS["thursday"], 4),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "boxing day": lambda y: date(y, 12, 26),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
}


def holiday(match: Groups, ctx: Context) -> Reading | None:
    """Fixed and movable holidays: 'Christmas', 'Easter 2012', "New Year's Eve", 'Thanksgiving'."""
    rule = HOLIDAYS[" ".join(match["hol"].lower().replace("’", "'").split())]
    if match["year"]:
        year, inferred = int(match["year"]), False
    else:
        year, inferred = _year_of(ctx, lambda y: day_period(rule(y)), match.span())
    if year is None:
        return unresolved(match.span(), "DATE", None, "day")
    period = day_period(rule(year))
    ctx.remember(period)
    return from_period(match.span(), period, inferred=inferred)
