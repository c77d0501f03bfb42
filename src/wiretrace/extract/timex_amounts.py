"""Handlers for amounts of time and points without a calendar name: durations, sets, clock times,
the generic references of TimeML (PRESENT_REF, PAST_REF, FUTURE_REF) and vague adverbs.

Durations follow TIMEX3: 'three years' → P3Y, 'several days' → PXD, '90 minutes' → PT90M, 'a decade'
→ P10Y; 'the past two years' also gets the interval ending at the anchor. A unit after a count or a
price ('$5 a year', 'three times a day') is a SET, as are 'every morning' and 'daily'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from wiretrace.extract.timex_base import Context, Groups, Reading, from_period, unresolved
from wiretrace.extract.timex_calendar import clock_period
from wiretrace.extract.timex_lexicon import (
    NUMBERS,
    PARTS,
    REFS,
    SEASON_CODES,
    SET_ADVERBS,
    WEEKDAYS,
    number_value,
    unit_key,
)
from wiretrace.extract.timex_relative import anchored_duration, duration_value, is_name_part, unit_granularity

_AGE = re.compile(r"[\s-]*(?:old|olds)\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s+$", re.IGNORECASE)
_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*%?|percent|times|once|twice|thrice|one|two|three|four|five|six|seven|eight|nine|ten|dozen|"
    r"million|billion|trillion|thousand|hundred|dollars|euros|pounds|cents|yuan|rubles|[a-z]{3,}s)\W*$",
    re.IGNORECASE,
)
_RATE_AFTER = re.compile(r"\s*(?:[.,;:!?)\"”]|$|(?:and|or|for|in|on|at|to|by|from|with|until|since)\b)", re.IGNORECASE)
_NOT_A_SPAN = re.compile(
    r"\b(?:the|these|those|our|his|her|their|its|my|your|whose|which|what|good|bad|happy|early|old|dark|"
    r"glory|salad|dog|working|business|office|opening|closing|visiting|school|final|last|first|\w+est)\s+$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"”’]|$)")
_ADVERB_FOLLOWER = re.compile(
    r"\s+(?:and|or|basis|in|on|at|to|for|from|since|until|the|a|an|by|with|as)\b", re.IGNORECASE
)
_BACKWARD = {"the past", "the last", "the previous", "recent", "past", "the preceding"}
_FORWARD = {"the next", "the coming", "coming", "the following"}


def duration(match: Groups, ctx: Context) -> Reading | None:
    """'a month', 'the past two years', 'several days', 'years', 'recent weeks', 'four-week', '24-hour'."""
    unit_word = match["unit"] or match["hunit"]
    unit = unit_key(unit_word)
    if _AGE.match(ctx.text, match.end()) or _AGE_BEFORE.search(ctx.text, max(0, match.start() - 12), match.start()):
        return None  # ages ('six months old', 'ages 6 months and older') are not TIMEX3s
    if unit == "weekend":
        return None
    if match["hunit"]:
        amount = number_value(match["hnum"])
        return _duration(match, amount, unit)
    count = (match["num"] or "").lower()
    plural = unit_word.lower() != unit
    if not count and not plural:
        return None  # 'the year' alone is not a duration
    if not count and not match["lead"] and _NOT_A_SPAN.search(ctx.text, max(0, match.start() - 30), match.start()):
        return None  # 'our greatest days', 'the early years', 'working hours': not an amount of time
    if unit in ("second", "quarter") and not plural and count in ("", "a", "an"):
        return None  # 'a second term', 'a quarter of them'
    amount = 1.0 if count in ("a", "an") else (number_value(count) if count else None)
    if count in ("a", "an", "one") and _is_rate(ctx.text, match.start(), match.end()):
        return Reading(match.start(), match.end(), "SET", duration_value(1.0, unit), granularity=unit_granularity(unit))
    lead = " ".join((match["lead"] or "").lower().split())
    if lead in _BACKWARD or lead in _FORWARD:
        return anchored_duration(match, ctx, amount, unit, forward=lead in _FORWARD)
    return _duration(match, amount, unit)


def _duration(match: Groups, amount: float | None, unit: str) -> Reading:
    return Reading(match.start(), match.end(), "DURATION", duration_value(amount, unit), granularity=unit_granularity(unit))


def _is_rate(text: str, start: int, end: int) -> bool:
    """'a year' after a count or a price and before the end of the phrase: '$5 billion a year'."""
    return bool(_RATE_BEFORE.search(text, max(0, start - 30), start)) and bool(_RATE_AFTER.match(text, end))


def recurring(match: Groups, ctx: Context) -> Reading | None:
    """'every morning', 'each year', 'every other day', 'every Monday', 'daily', 'annually'."""
    if match["adv"]:
        if not (_CLAUSE_END.match(ctx.text, match.end()) or _ADVERB_FOLLOWER.match(ctx.text, match.end())):
            return None  # 'the daily newspaper' is an adjective, not a recurrence
        if is_name_part(ctx.text, match.start()):
            return None  # 'Us Weekly'
        return Reading(match.start(), match.end(), "SET", SET_ADVERBS[match["adv"].lower()])
    what = match["what"].lower().rstrip(".")
    step = 2.0 if match["other"] else 1.0
    if what in PARTS:
        value = f"XXXX-XX-XXT{PARTS[what]}"
    elif what in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[what] + 1}"
    elif what in SEASON_CODES:
        value = f"XXXX-{SEASON_CODES[what]}"
    else:
        value = duration_value(step, unit_key(what))
    return Reading(match.start(), match.end(), "SET", value)


def reference(match: Groups, ctx: Context) -> Reading | None:
    """'now', 'currently', 'recently', 'the past', 'the future', 'at the time' (TimeML's *_REF values)."""
    words = " ".join(match["w"].lower().split())
    if words in ("the future", "the past") and re.match(r"\s+of\b", ctx.text[match.end() :]):
        return None  # 'the future of the company'
    value = REFS[words.removeprefix("at ")]
    if value == "PRESENT_REF" and ctx.anchor is not None:
        return Reading(match.start(), match.end(), "DATE", value, ctx.anchor, ctx.anchor, None, True)
    return unresolved(match.span(), "DATE", value, None)


def clock(match: Groups, ctx: Context) -> Reading | None:
    """'8 PM', '10:30 a.m.', 'noon', 'midnight', 'nine o'clock'. The day is filled in later from the
    nearest date of the same sentence (``attach_clock_days``); here the value is 'XXXX-XX-XXTHH:MM', or
    'XXXX-XX-XXTHH' when only the hour is given ('8 PM'), as TIMEX3 keeps the precision of the text."""
    minute: int | None
    if match["word"]:
        hour, minute = (12, 0) if match["word"].lower() in ("noon", "midday") else (0, 0)
    else:
        hour_text = match["h"] or match["h2"] or match["h3"] or ""
        hour = int(hour_text) if hour_text.isdigit() else int(NUMBERS.get(hour_text.lower(), 99))
        minutes = match["m"] or match["m2"]
        minute = int(minutes) if minutes else None
        meridiem = (match["ampm"] or "").lower().replace(".", "")
        if meridiem and not 1 <= hour <= 12:
            return None
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    if hour > 23 or (minute or 0) > 59:
        return None
    if minute is None:
        return unresolved(match.span(), "TIME", f"XXXX-XX-XXT{hour:02d}", "hour")
    return unresolved(match.span(), "TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "minute")


def vague(match: Groups, ctx: Context) -> Reading | None:
    """'earlier', 'later', 'then', 'previously', 'before' (at a clause end): placed only vaguely.

    Not TIMEX3s (TimeML treats them as signals), so they are returned only when asked for; a claim still
    wants to know its time was given as 'earlier' rather than not at all.
    """
    word = match["v"].lower()
    rest = ctx.text[match.end() :]
    if word in ("earlier", "later") and re.match(r"\s+than\b", rest, re.IGNORECASE):
        return None
    if word == "before" and not _CLAUSE_END.match(rest):
        return None  # 'before the vote' is a preposition
    if word == "then" and _not_temporal_then(ctx.text, match.start()):
        return None
    return Reading(match.start(), match.end(), "DATE", None, vague=True)


def _not_temporal_then(text: str, start: int) -> bool:
    """'the then president' or the 'then' of 'if ..., then ...'."""
    before = text[max(0, start - 120) : start]
    clause = re.split(r"[.!?]\s", before)[-1]
    return bool(re.search(r"\bthe\s*$", before, re.IGNORECASE) or re.search(r"\bif\b", clause, re.IGNORECASE))


def attach_clock_days(
    readings: list[Reading], ctx: Context, sentence_of: Callable[[Reading], tuple[int, int]]
) -> list[Reading]:
    """Give each clock time the day of the nearest dated expression in its sentence, else the anchor's."""
    out = []
    for index, reading in enumerate(readings):
        if not _is_dayless_clock(reading):
            out.append(reading)
            continue
        day = _nearest_day(readings, index, sentence_of(reading)) or (ctx.anchor.date() if ctx.anchor else None)
        if day is None:
            out.append(reading)
            continue
        clock = _DAYLESS_CLOCK.match(reading.value or "")
        assert clock is not None
        hour, minute = int(clock["hour"]), int(clock["minute"]) if clock["minute"] else None
        out.append(from_period((reading.start, reading.end), clock_period(day, hour, minute)))
    return out


_DAYLESS_CLOCK = re.compile(r"XXXX-XX-XXT(?P<hour>\d\d)(?::(?P<minute>\d\d))?$")


def _is_dayless_clock(reading: Reading) -> bool:
    return reading.timex_type == "TIME" and bool(_DAYLESS_CLOCK.match(reading.value or ""))


def _nearest_day(readings: list[Reading], index: int, sentence: tuple[int, int]) -> date | None:
    here = readings[index]
    best = None
    for other in readings:
        if other is here or other.interval_start is None or other.granularity not in ("day", "part-of-day"):
            continue
        if not (sentence[0] <= other.start and other.end <= sentence[1]):
            continue
        distance = abs(other.start - here.start)
        if best is None or distance < best[0]:
            best = (distance, other.interval_start.date())
    return best[1] if best else None
