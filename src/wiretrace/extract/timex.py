"""Time expressions in a text: where they are, their TIMEX3 type and value, and the interval they denote.

    >>> from datetime import datetime, timezone
    >>> [t.value for t in find_times("Officials said Friday the bridge reopened last night.",
    ...                              anchor=datetime(2013, 3, 22, 12, tzinfo=timezone.utc))]
    ['2013-03-22', '2013-03-21TNI']

How it works: compiled patterns (``timex_rules``) propose spans; the longest non-overlapping ones are
kept and each is normalised by its rule against the anchor (the publication time), the tense around it
and the last date the text mentioned. dateparser does the calendar arithmetic and reads numeric dates;
our rules give what it cannot: TIMEX3 durations (P3Y), PRESENT_REF/PAST_REF/FUTURE_REF, quarters,
seasons, decades, parts of day (TMO/TAF/TEV/TNI) and weekdays resolved by tense.

Event-time scope (``expression``, and the interval) goes beyond the TIMEX3 extent: a preceding signal
or hedge belongs to the expression ('since March 2', 'on the night of March 3', 'just recently')
and 'since D' / 'after D' leave the end open, 'until D' / 'by D' / 'before D' the start. Without an
anchor, relative expressions keep their expression with ``resolved`` false; a missing year is inferred
from a weekday ("Tuesday, March 8") near a weak anchor year (``year_hint``, e.g. a copyright line)
and the expressions that use it are marked ``year_inferred``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from typing import Any

from wiretrace.extract.timex_amounts import attach_clock_days
from wiretrace.extract.timex_base import Context, Groups, Reading
from wiretrace.extract.timex_calendar import infer_year
from wiretrace.extract.timex_lexicon import MONTH, MONTHS, SIGNALS, WEEKDAY, WEEKDAYS
from wiretrace.extract.timex_rules import Candidate, candidates
from wiretrace.extract.timex_tense import sentence_bounds

__all__ = ["TimeExpression", "TimexOptions", "find_times", "infer_year"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: TIMEX3 extent and value, plus the interval and scope a claim needs.

    ``start``/``end``/``text`` are the TIMEX3 extent (character offsets into the input). ``expression``
    (from ``expression_start`` to ``end``) adds the signal or hedge before it ('since', 'on', 'just').
    ``interval_start``/``interval_end`` are aware datetimes, half-open, when resolved; either may be
    None for open intervals ('since March 2'). ``granularity`` is minute, hour, part-of-day, day,
    week, month or year, or None for vague expressions. ``vague`` marks 'earlier', 'then' and the like
    (not TIMEX3s). ``mod`` is the TIMEX3 mod (START, MID, END); ``approx`` marks '10 minutes ago'.
    """

    start: int
    end: int
    text: str
    timex_type: str
    value: str | None
    interval_start: datetime | None
    interval_end: datetime | None
    granularity: str | None
    resolved: bool
    year_inferred: bool = False
    mod: str | None = None
    approx: bool = False
    vague: bool = False
    expression_start: int = -1
    expression: str = ""

    def as_record(self) -> dict[str, Any]:
        """The claim ``time`` record of DESIGN.md: {start, end, granularity, expression, resolved} (+ flags)."""
        record: dict[str, Any] = {
            "start": self.interval_start.isoformat() if self.interval_start else None,
            "end": self.interval_end.isoformat() if self.interval_end else None,
            "granularity": self.granularity,
            "expression": self.expression or self.text,
            "resolved": self.resolved,
        }
        if self.year_inferred:
            record["year_inferred"] = True
        if self.approx:
            record["approx"] = True
        return record


@dataclass(frozen=True, slots=True)
class TimexOptions:
    """How to tag. ``include_vague``: also return 'earlier', 'later', 'then', 'previously', 'before'
    (useful for claims; TempEval does not count them). ``year_span``: how far from ``year_hint`` a year
    inferred from a weekday may lie."""

    include_vague: bool = True
    year_span: int = 2


_SIGNAL = re.compile(r"(?:\b(?:" + "|".join(re.escape(s) for s in SIGNALS) + r")\s+){1,2}$", re.IGNORECASE)
_OPEN_END = {"since": "start", "after": "end"}
_OPEN_START = {"until": "end", "till": "end", "by": "end", "before": "start"}
_WEEKDAY_DATE = re.compile(
    rf"(?P<wd>{WEEKDAY})(?:\s+\w+)?,?\s+"
    rf"(?:(?P<mon>{MONTH})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<mon2>{MONTH}))(?!\d|,?\s+\d{{4}})"
)
_APPROX_SIGNALS = {"about", "around", "approximately", "roughly", "nearly", "almost"}


def find_times(
    text: str,
    *,
    anchor: datetime | None = None,
    tz: tzinfo | None = None,
    year_hint: int | None = None,
    options: TimexOptions | None = None,
) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, normalised against ``anchor`` when given.

    Args:
        anchor: the publication time; naive datetimes are taken in ``tz`` (or UTC).
        tz: the local time zone of the text; defaults to the anchor's, else UTC.
        year_hint: a weak year (a copyright line) used only to infer a missing year from a weekday.
        options: see ``TimexOptions``.
    """
    options = options or TimexOptions()
    zone = tz or (anchor.tzinfo if anchor is not None and anchor.tzinfo else timezone.utc)
    local = _local(anchor, zone)
    ctx = Context(text, local)
    if local is None and year_hint is not None:
        ctx.doc_year = _document_year(text, year_hint, options.year_span)
        ctx.doc_year_inferred = ctx.doc_year is not None
    readings = _read(ctx, candidates(text, include_vague=options.include_vague))
    readings = attach_clock_days(readings, ctx, lambda r: sentence_bounds(text, r.start, r.end))
    return [_public(text, reading, zone) for reading in readings]


def _local(anchor: datetime | None, zone: tzinfo) -> datetime | None:
    """The anchor as naive wall-clock time in ``zone`` (rules work on local calendar days)."""
    if anchor is None:
        return None
    if anchor.tzinfo is None:
        return anchor
    return anchor.astimezone(zone).replace(tzinfo=None)


def _document_year(text: str, year_hint: int, span: int) -> int | None:
    """The year implied by the first 'weekday, month day' without a year that fits near ``year_hint``."""
    for match in _WEEKDAY_DATE.finditer(text):
        month = MONTHS[(match["mon"] or match["mon2"]).lower().rstrip(".")]
        day = int(match["day"] or match["day2"])
        year = infer_year(month, day, WEEKDAYS[match["wd"].lower().rstrip(".")], near_year=year_hint, span=span)
        if year is not None:
            return year
    return None


def _run(cand: Candidate, ctx: Context) -> list[Reading]:
    """The readings of one match; none when its rule declines or the date cannot exist ('February 30')."""
    try:
        result = cand.rule.handler(Groups(cand.match), ctx)
    except (ValueError, OverflowError):
        return []
    readings = [result] if isinstance(result, Reading) else (result or [])
    return [r for r in readings if 0 <= r.start < r.end <= len(ctx.text)]


def _read(ctx: Context, found: list[Candidate]) -> list[Reading]:
    """Keep the preferred non-overlapping matches that their rules accept, then read them in text order.

    Acceptance is tried on a scratch context so that the document state (the last date mentioned)
    advances in text order only.
    """
    taken: list[Candidate] = []
    for cand in found:
        if all(cand.end <= other.start or cand.start >= other.end for other in taken):
            scratch = Context(ctx.text, ctx.anchor, ctx.doc_year, ctx.doc_year_inferred)
            if _run(cand, scratch):
                taken.append(cand)
    readings: list[Reading] = []
    for cand in sorted(taken, key=lambda c: c.start):
        readings.extend(_run(cand, ctx))
    return readings


def _public(text: str, reading: Reading, zone: tzinfo) -> TimeExpression:
    signal = _SIGNAL.search(text, max(0, reading.start - 40), reading.start)
    scope_start = signal.start() if signal else reading.start
    start, end = _aware(reading.interval_start, zone), _aware(reading.interval_end, zone)
    if signal and reading.resolved and reading.timex_type in ("DATE", "TIME"):
        start, end = _scoped(signal.group().lower().split(), start, end)
    return TimeExpression(
        reading.start,
        reading.end,
        text[reading.start : reading.end],
        reading.timex_type,
        reading.value,
        start,
        end,
        reading.granularity,
        reading.resolved,
        reading.year_inferred,
        reading.mod,
        reading.approx or bool(signal and set(signal.group().lower().split()) & _APPROX_SIGNALS),
        reading.vague,
        scope_start,
        text[scope_start : reading.scope_end or reading.end],
    )


def _scoped(words: list[str], start: datetime | None, end: datetime | None) -> tuple[datetime | None, datetime | None]:
    """The interval a signal leaves: 'since D' → [start of D, open); 'after D' → [end of D, open);
    'until/by D' → (open, end of D); 'before D' → (open, start of D)."""
    signal = words[-1]
    if signal in _OPEN_END:
        return (start if _OPEN_END[signal] == "start" else end), None
    if signal in _OPEN_START:
        return None, (end if _OPEN_START[signal] == "end" else start)
    return start, end


def _aware(moment: datetime | None, zone: tzinfo) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=zone)
