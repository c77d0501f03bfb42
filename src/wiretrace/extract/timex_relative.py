"""Handlers for expressions that count from the anchor or from a date the text mentioned before.

'yesterday', 'last night', 'Friday', 'this week', 'the past two years', 'four years ago', 'two days
later', 'every morning', 'now'. Counting from the anchor (publication time) gives a resolved reading;
without an anchor the reading keeps its expression, a TIMEX3 value with "X" where the anchor is
missing (or no value), and ``resolved`` false. Anaphoric ones ('the following day', 'a year earlier')
count from the last date the text mentioned, as HeidelTime does for narratives.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import dateparser

from wiretrace.extract.timex_absolute import night_of
from wiretrace.extract.timex_base import Context, Groups, Reading, from_period, mod_code, pick, unresolved
from wiretrace.extract.timex_calendar import Period, clock_period, containing, day_period, part_of_day, shift, trim
from wiretrace.extract.timex_lexicon import PARTS, UNITS, WEEKDAYS, number_value, unit_key

_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def relative_day(match: Groups, ctx: Context) -> Reading | None:
    """'today', 'yesterday evening', 'tonight', 'earlier today', 'the day after tomorrow'."""
    word = " ".join(match["word"].lower().split())
    if word == "today" and is_name_part(ctx.text, match.start("word")):
        return None  # 'USA Today'
    offset = _DAY_OFFSETS.get(word, -2 if "before" in word else 2)
    part = "NI" if word == "tonight" else (PARTS[match["part"].lower()] if match["part"] else None)
    lead = (match["lead"] or "").lower()
    mod = mod_code(lead) if lead in ("early", "late") else None
    if ctx.anchor is None:
        return unresolved(match.span(), "TIME" if part else "DATE", None, "part-of-day" if part else "day", mod=mod)
    day = ctx.anchor.date() + timedelta(days=offset)
    period = part_of_day(day, part) if part else day_period(day)
    ctx.remember(period)
    return from_period(match.span(), period, mod=mod)


def is_name_part(text: str, start: int) -> bool:
    """A capitalised word right before a capitalised 'Today' mid-sentence: part of a name."""
    if not text[start : start + 1].isupper():
        return False
    before = text[max(0, start - 30) : start].rstrip()
    last = before.split()[-1] if before.split() else ""
    return bool(last) and last[0].isupper() and not last.endswith((".", ":", '"', "“"))


def this_part(match: Groups, ctx: Context) -> Reading | None:
    """'this morning', 'last night', 'that evening' (the day of the last mentioned date)."""
    rel, code = " ".join(match["rel"].lower().split()), PARTS[match["part"].lower()]
    if rel.startswith("that"):
        base = ctx.reference("day")
    else:
        base = ctx.anchor
    if base is None:
        return unresolved(match.span(), "TIME", None, "part-of-day")
    day = base.date() - timedelta(days=1 if rel == "last" else 0)
    period = part_of_day(day, code)
    ctx.remember(period)
    return from_period(match.span(), period)


def _weekday_day(ctx: Context, weekday: int, rel: str, span: tuple[int, int]) -> date:
    """The day a weekday names: 'last'/'next' step over the anchor's day, 'this' stays in its week, a bare
    weekday is the anchor's day if it matches, else the one the tense points to (the past by default)."""
    assert ctx.anchor is not None
    today = ctx.anchor.date()
    days = [today + timedelta(days=k) for k in range(-7, 8) if (today + timedelta(days=k)).weekday() == weekday]
    if rel in ("last", "past", "previous", "this past"):
        chosen = max(d for d in days if d < today)
    elif rel in ("next", "coming", "following"):
        chosen = min(d for d in days if d > today)
    elif rel == "this":
        chosen = next(d for d in days if 0 <= (d - (today - timedelta(days=today.weekday()))).days < 7)
    elif weekday == today.weekday():
        chosen = today
    else:
        periods = [day_period(d) for d in days]
        chosen = pick(periods, ctx.anchor, ctx.tense(*span), default="past").start.date()
    return chosen


def weekday(match: Groups, ctx: Context) -> Reading | None:
    """'Friday', 'last Tuesday', 'Sunday night', 'the night of Friday', 'Thursday morning'."""
    day_number = WEEKDAYS[match["wd"].lower().rstrip(".")]
    rel = " ".join((match["rel"] or "").lower().split())
    part = match["prepart"] or match["part"]
    code = PARTS[part.lower()] if part else None
    mod = mod_code(match["mod"])
    if ctx.anchor is None:
        value = f"XXXX-WXX-{day_number + 1}" + (f"T{code}" if code else "")
        return unresolved(match.span(), "TIME" if code else "DATE", value, "part-of-day" if code else "day", mod=mod)
    day = _weekday_day(ctx, day_number, rel, match.span())
    if code == "NI" and match["prepart"]:
        period = night_of(day)
    else:
        period = part_of_day(day, code) if code else day_period(day)
    ctx.remember(period)
    return from_period(match.span(), period, mod=mod)


_PREVIOUS = {"last", "past", "previous", "the previous", "the preceding", "this past"}
_NEXT = {"next", "coming", "the following", "the next"}


def duration_value(amount: float | None, unit: str) -> str:
    letter, _, factor = UNITS[unit]
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    amount *= factor
    text = str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
    return f"{prefix}{text}{letter}"


def _delta(amount: float, unit: str) -> timedelta | None:
    """A fixed-length step for units that have one (seconds to weeks)."""
    seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "fortnight": 1209600}
    return timedelta(seconds=seconds[unit] * amount) if unit in seconds else None


def relative_unit(match: Groups, ctx: Context) -> Reading | None:
    """'this week', 'last year', 'next month', 'the end of the year', 'the same day', 'the past year'."""
    rel = " ".join((match["rel"] or "").lower().split())
    unit, mod = unit_key(match["unit"] or match["unit2"]), mod_code(match["mod"])
    if match["unit2"] and mod is None:
        return None  # a bare 'year' is not an expression; 'the end of the year' is
    if unit == "day":
        return _relative_day_unit(match, ctx, rel)
    if rel in ("the past", "the last", "the coming", "the next"):
        return anchored_duration(match, ctx, 1.0, unit, forward=rel in ("the next", "the coming"))
    anaphoric = rel in ("the same", "that", "the previous", "the following", "the preceding") or rel.startswith(
        ("earlier in", "later in", "earlier that", "later that")
    )
    base = ctx.reference(unit) if anaphoric else ctx.anchor
    if base is None:
        return unresolved(match.span(), "DATE", None, unit_granularity(unit), mod=mod)
    period = containing(unit, base)
    if rel in _PREVIOUS:
        period = shift(period, -1)
    elif rel in _NEXT:
        period = shift(period, 1)
    elif not rel:  # 'the end of the year': the one the tense points to
        period = _by_tense(period, ctx, match.span(), mod)
    elif rel == "the":  # 'the weekend'
        period = pick([shift(period, -1), period, shift(period, 1)], base, ctx.tense(*match.span()), default="past")
    ctx.remember(period)
    return from_period(match.span(), period, mod=mod)


_DAY_STEPS = {
    "the next": 1, "next": 1, "the following": 1, "the previous": -1, "the preceding": -1, "that": 0, "the same": 0,
}  # fmt: skip
_UNIT_GRANULARITY = {
    "second": "minute", "decade": "year", "century": "year", "weekend": "week", "quarter": "month", "fortnight": "week",
}  # fmt: skip


def _relative_day_unit(match: Groups, ctx: Context, rel: str) -> Reading | None:
    """'the next day', 'the previous day', 'that day', 'earlier in the day': days counted from the last date."""
    if rel.startswith(("earlier", "later")):
        step = 0
    elif rel in _DAY_STEPS:
        step = _DAY_STEPS[rel]
    else:
        return None  # 'the last day of the session' is not a date of its own
    base = ctx.reference("day")
    if base is None:
        return unresolved(match.span(), "DATE", None, "day")
    period = shift(containing("day", base), step)
    return from_period(match.span(), period)


def _by_tense(period: Period, ctx: Context, span: tuple[int, int], mod: str | None) -> Period:
    """A past event cannot be at a part of the current period that has not come yet (and conversely)."""
    assert ctx.anchor is not None
    start, end = trim(period, mod)
    tense = ctx.tense(*span)
    if tense == "past" and start > ctx.anchor:
        return shift(period, -1)
    if tense == "future" and end <= ctx.anchor:
        return shift(period, 1)
    return period


def unit_granularity(unit: str) -> str:
    return _UNIT_GRANULARITY.get(unit, unit)


def anchored_duration(match: Groups, ctx: Context, amount: float | None, unit: str, *, forward: bool) -> Reading:
    """'the past two years': a duration that ends (or starts) at the anchor, so also an interval."""
    value = duration_value(amount, unit)
    granularity = unit_granularity(unit)
    if ctx.anchor is None or amount is None:
        return Reading(match.start(), match.end(), "DURATION", value, granularity=granularity)
    other = _moved(ctx.anchor, amount if forward else -amount, unit)
    if other is None:
        return Reading(match.start(), match.end(), "DURATION", value, granularity=granularity)
    start, end = (ctx.anchor, other) if forward else (other, ctx.anchor)
    return Reading(match.start(), match.end(), "DURATION", value, start, end, granularity, True)


def _moved(moment: datetime, amount: float, unit: str) -> datetime | None:
    """``moment`` moved by ``amount`` units; dateparser does the calendar arithmetic (months, years)."""
    step = _delta(abs(amount), unit)
    if step is not None:
        return moment + step if amount > 0 else moment - step
    _, _, factor = UNITS[unit]
    count, base_unit = abs(amount) * factor, "year" if unit in ("decade", "century") else unit
    if base_unit == "quarter":
        count, base_unit = count * 3, "month"
    if not float(count).is_integer() or count > 5000:
        return None
    phrase = f"in {int(count)} {base_unit}s" if amount > 0 else f"{int(count)} {base_unit}s ago"
    return dateparser.parse(phrase, languages=["en"], settings={"RELATIVE_BASE": moment})


def ago(match: Groups, ctx: Context) -> Reading | None:
    """'four years ago', '10 minutes ago', 'three weeks from now': a date counted from the anchor;
    'a year earlier', 'two days later': a date counted from the last date mentioned (TimeBank's DATE).

    With a vague amount ('several days later') TimeML keeps only the amount, a DURATION ('several days');
    the direction word then stays in the event-time ``expression`` alone.
    """
    direction = " ".join(match["dir"].lower().split())
    rest = ctx.text[match.end() :]
    if direction in ("earlier", "later") and re.match(r"\s+than\b", rest, re.IGNORECASE):
        return None  # 'a month earlier than usual': the duration rule takes 'a month'
    if direction in ("before", "after") and not re.match(r"\s*(?:[.,;:!?)\"”’]|$)", rest):
        return None  # 'two days before the vote' is a duration
    unit = unit_key(match["unit"])
    plural = match["unit"].lower() != unit
    if not match["num"] and not plural:
        return None  # 'month before': the count is missing ('10 per month before')
    amount = number_value(match["num"]) if match["num"] else None
    backward = direction in ("ago", "earlier", "before")
    from_anchor = direction in ("ago", "from now", "hence")
    if amount is None and not from_anchor:
        value, granularity = duration_value(None, unit), unit_granularity(unit)
        return Reading(match.start(), match.end("unit"), "DURATION", value, granularity=granularity, scope_end=match.end())
    return _counted_date(match, ctx, amount, unit, backward, ctx.anchor if from_anchor else ctx.reference(unit))


def _period_at(moment: datetime, unit: str) -> Period:
    """The calendar period of ``unit``'s size around ``moment`` (a minute for seconds to hours)."""
    if unit in ("second", "minute", "hour"):
        return clock_period(moment.date(), moment.hour, moment.minute)
    return containing({"decade": "year", "century": "year", "fortnight": "week"}.get(unit, unit), moment)


def _counted_date(
    match: Groups, ctx: Context, amount: float | None, unit: str, backward: bool, base: datetime | None
) -> Reading | None:
    """'four years ago' → 2009 (year granularity); '10 minutes ago' → a point, approximate."""
    approx = match["dir"].lower() == "ago"
    if base is None or amount is None:
        value = ("PAST_REF" if backward else "FUTURE_REF") if amount is None else None
        reading = unresolved(match.span(), "DATE", value, None if amount is None else unit_granularity(unit))
        return _with(reading, approx=approx)
    moment = _moved(base, -amount if backward else amount, unit)
    if moment is None:
        return None
    period = _period_at(moment, unit)
    if period.unit == "minute":
        value = period.value if unit != "hour" else period.value[:-3]
        granularity = "minute" if unit != "hour" else "hour"
        return Reading(match.start(), match.end(), "TIME", value, moment, moment, granularity, True, approx=approx)
    ctx.remember(period)
    return from_period(match.span(), period, approx=approx)


def _with(reading: Reading, **changes: object) -> Reading:
    return replace(reading, **changes)  # type: ignore[arg-type]
