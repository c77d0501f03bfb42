"""Word tables and regular-expression fragments for English time expressions.

Kept apart from the rules so the vocabulary can be read (and extended) in one place. Month and weekday
names are matched case-sensitively ("May" the month, "may" the verb); everything else ignores case.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
NUMBERS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "couple of": 2, "half a": 0.5, "a half": 0.5,
}  # fmt: skip
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "final": -1, "last": -1,
}  # fmt: skip
CENTURY_ORDINALS = {
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
# Unit words → (TIMEX3 duration letter, calendar unit for relative reference, multiplier).
UNITS = {
    "second": ("S", None, 1), "minute": ("M", None, 1), "hour": ("H", None, 1), "day": ("D", "day", 1),
    "week": ("W", "week", 1), "fortnight": ("W", None, 2), "month": ("M", "month", 1),
    "quarter": ("Q", "quarter", 1), "year": ("Y", "year", 1), "decade": ("Y", "decade", 10),
    "century": ("Y", "century", 100), "weekend": ("WE", "weekend", 1),
}  # fmt: skip
TIME_UNITS = {"second", "minute", "hour"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SET_ADVERBS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "XXXX-XX-XXTNI", "weekly": "P1W", "monthly": "P1M",
    "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y",
}  # fmt: skip
REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF", "present": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "the time": "PAST_REF", "that time": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
}  # fmt: skip
# Adverbs that place an event only vaguely; kept for claims, never TIMEX3s (TimeML calls them signals).
VAGUE = ("earlier", "later", "then", "previously", "before", "afterwards", "afterward", "subsequently", "formerly")
# Words before a time expression that belong to its scope (``expression``), outside the TIMEX3 extent.
SIGNALS = (
    "as early as", "as late as", "as of", "since", "until", "till", "by", "from", "on", "in", "at", "during",
    "after", "before", "for", "over", "within", "throughout", "around", "about", "approximately",
    "roughly", "nearly", "almost", "some", "more than", "less than", "at least", "at most", "just",
    "only", "up to",
)  # fmt: skip
APPROX_WORDS = {"about", "around", "approximately", "roughly", "some", "nearly", "almost"}
MOD_WORDS = {
    "early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
    "late": "END", "end": "END", "close": "END",
}  # fmt: skip


def _alternation(words: object, *, escape: bool = True) -> str:
    items = sorted(words, key=len, reverse=True)  # type: ignore[arg-type]
    return "|".join(re.escape(w) if escape else w for w in items)


def _names(table: dict[str, int], full_only: set[str]) -> str:
    """Capitalised names, abbreviations only with a following dot (or as listed in ``full_only``)."""
    full = [w.capitalize() for w, _ in table.items() if len(w) > 4 or w in full_only]
    short = [w.capitalize() + r"\." for w in table if len(w) <= 4 and w not in full_only]
    return "(?-i:" + "|".join(sorted(full, key=len, reverse=True) + short) + ")"


MONTH = _names(MONTHS, {"may", "june", "july", "march", "april"})
WEEKDAY = _names(WEEKDAYS, set())  # with abbreviations ('Tues.'): only right before a date
WEEKDAY_FULL = "(?-i:" + "|".join(w.capitalize() for w in WEEKDAYS if len(w) > 5) + ")"  # 'Sun.' may be a paper
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d)"
TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
NUMBER_WORD = "(?:" + TENS + "|" + _alternation(w for w in NUMBERS if w not in ("a", "an")) + ")"
NUMBER = r"(?:\d+(?:\.\d+)?(?:\s+and\s+a\s+half)?|" + NUMBER_WORD + r"(?:\s+and\s+a\s+half)?)"
VAGUE_NUMBER = r"(?:several|a\s+few|few|many|some|numerous|a\s+number\s+of|dozens\s+of|hundreds\s+of|countless)"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|weekend)"
UNITS_PLURAL = r"(?:seconds|minutes|hours|days|weeks|fortnights|months|quarters|years|decades|centuries|weekends)"
PART = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"


def number_value(text: str) -> float | None:
    """The value of a spelled or written number ("twenty-five", "2.5", "two and a half"); None if vague."""
    text = " ".join(text.lower().replace("-", " ").split())
    half = 0.5 if text.endswith("and a half") else 0.0
    text = text.removesuffix("and a half").strip()
    try:
        return float(text) + half
    except ValueError:
        pass
    if text in NUMBERS:
        return NUMBERS[text] + half
    parts = text.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]] + half
    return None


def unit_key(word: str) -> str:
    """The singular unit key of a unit word ("centuries" → "century")."""
    word = word.lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
