"""What the time rules share: the reading a rule produces and the document context it resolves against.

A rule's handler turns one regular-expression match into a ``Reading`` (TIMEX3 type and value, the
interval, granularity) using a ``Context``: the anchor (publication time, naive local), the year of the
document when it had to be inferred, the tense around the match and the last date the text mentioned
(for "the following day", "two years later").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from wiretrace.extract.timex_calendar import Period, trim
from wiretrace.extract.timex_tense import Tense, tense_at


_RANK = {"second": 0, "minute": 0, "hour": 1, "part-of-day": 2, "day": 3, "week": 4, "weekend": 4, "fortnight": 4,
         "month": 5, "quarter": 5, "season": 5, "half": 5, "year": 6, "decade": 6, "century": 6}


@dataclass(frozen=True, slots=True)
class Reading:
    """One recognised expression before it becomes a public ``TimeExpression``."""

    start: int
    end: int
    timex_type: str
    value: str | None
    interval_start: datetime | None = None
    interval_end: datetime | None = None
    granularity: str | None = None
    resolved: bool = False
    mod: str | None = None
    approx: bool = False
    year_inferred: bool = False
    vague: bool = False
    scope_end: int | None = None  # where the event-time expression ends, when past the TIMEX3 ('two days later')


@dataclass(slots=True)
class Context:
    """Per-call state: the text, its anchor, the document year and the last date mentioned."""

    text: str
    anchor: datetime | None
    doc_year: int | None = None
    doc_year_inferred: bool = False
    ref: Period | None = None
    _tenses: dict[tuple[int, int], Tense] = field(default_factory=dict)

    def remember(self, period: Period) -> None:
        """Note ``period`` as the last date the text mentioned."""
        self.ref = period

    def tense(self, start: int, end: int) -> Tense:
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = tense_at(self.text, start, end)
        return self._tenses[key]

    def reference(self, unit: str = "year") -> datetime | None:
        """What anaphoric expressions count from: the last date mentioned, when it is at least as fine as
        ``unit`` ('two days later' needs a day, 'a year later' any date), else the anchor."""
        if self.ref is not None and _RANK.get(self.ref.granularity, 9) <= _RANK.get(unit, 9):
            return self.ref.start
        return self.anchor


class Groups:
    """A rule's match, where a group the pattern lacks reads as None (rules share handlers)."""

    __slots__ = ("_match",)

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def __getitem__(self, name: str) -> str | None:
        return self._match[name] if name in self._match.re.groupindex else None

    def group(self) -> str:
        return self._match.group()

    def start(self, name: int | str = 0) -> int:
        return self._match.start(name)

    def end(self, name: int | str = 0) -> int:
        return self._match.end(name)

    def span(self, name: int | str = 0) -> tuple[int, int]:
        return self._match.span(name)


def from_period(
    span: tuple[int, int], period: Period, *, mod: str | None = None, inferred: bool = False, approx: bool = False
) -> Reading:
    """A resolved reading naming ``period`` (TIME for parts of a day, DATE otherwise)."""
    start, end = trim(period, mod)
    timex_type = "TIME" if period.unit in ("part-of-day", "hour", "minute") else "DATE"
    return Reading(
        span[0], span[1], timex_type, period.value, start, end, period.granularity, True, mod, approx, inferred
    )


def unresolved(
    span: tuple[int, int], timex_type: str, value: str | None, granularity: str | None, *, mod: str | None = None
) -> Reading:
    """A reading that needs an anchor nobody gave: the expression is kept, the interval is not."""
    return Reading(span[0], span[1], timex_type, value, None, None, granularity, False, mod)


def pick(candidates: list[Period], moment: datetime, tense: Tense, *, default: Tense = None) -> Period:
    """Of periods of one kind around ``moment``, the one the tense points to.

    Past: the latest that has begun by ``moment``; future: the earliest that has not ended; no tense:
    ``default`` if given, else the nearest (a period holding ``moment`` is at distance zero). A day the
    tense puts more than half a year away, when another lies within half a year, gives way to the nearest.
    """
    tense = tense or default
    ordered = sorted(candidates, key=lambda p: p.start)
    nearest = min(ordered, key=lambda p: _distance(p, moment))
    chosen = None
    if tense == "past":
        chosen = next((p for p in reversed(ordered) if p.start <= moment), None)
    elif tense == "future":
        chosen = next((p for p in ordered if p.end > moment), None)
    too_far = chosen is not None and chosen.unit == "day" and _distance(chosen, moment) > _DAY_HORIZON
    if chosen is None or (too_far and _distance(nearest, moment) < _DAY_HORIZON):
        return nearest  # a day a year away against one a week away: the tense guess was wrong
    return chosen


_DAY_HORIZON = 183 * 86400.0


def _distance(period: Period, moment: datetime) -> float:
    """Seconds from ``moment`` to ``period`` (zero inside it)."""
    if period.start <= moment < period.end:
        return 0.0
    return min(abs((period.start - moment).total_seconds()), abs((period.end - moment).total_seconds()))


def mod_code(word: str | None) -> str | None:
    """TIMEX3 ``mod`` for an "early/mid/late/the end of" prefix."""
    if not word:
        return None
    word = word.lower()
    return next((code for key, code in _MOD_KEYS if key in word), None)


_MOD_KEYS = (
    ("early", "START"), ("begin", "START"), ("start", "START"), ("mid", "MID"), ("late", "END"), ("end", "END"),
    ("close", "END"),
)  # fmt: skip
