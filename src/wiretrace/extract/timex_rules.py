"""The grammar of time expressions: one compiled pattern per rule, and how overlapping matches are settled.

Extents follow the TimeML/TIMEX3 conventions of the TempEval-3 gold: determiners and 'early/mid/late'
belong to the expression ('the past two years', 'early December'), prepositions and 'about' do not
('in 2009', 'about a month'); a year range is two expressions ('2009-2010'). Every rule's matches are
collected, then the longest win (ties: earlier rule; ``find_times`` skips a match its rule declines),
so 'Sunday night' beats 'Sunday' and 'the past two years' beats 'two years'. Patterns are compiled once
at import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wiretrace.extract import timex_absolute as ab
from wiretrace.extract import timex_amounts as am
from wiretrace.extract import timex_relative as rl
from wiretrace.extract.timex_base import Context, Groups, Reading
from wiretrace.extract.timex_lexicon import (
    DAY,
    MONTH,
    NUMBER,
    NUMBER_WORD,
    PART,
    SEASON,
    SET_ADVERBS,
    UNIT,
    UNITS_PLURAL,
    VAGUE,
    VAGUE_NUMBER,
    WEEKDAY,
    WEEKDAY_FULL,
)

Handler = Callable[[Groups, Context], "Reading | list[Reading] | None"]

L = r"(?<![\w'’-])"  # left edge: not inside a word, a hyphenated word or after an apostrophe
R = r"(?![\w])(?!-\w)"  # right edge
YEAR = r"(?<![$£€#\d.,/])(?:1[6-9]\d\d|20\d\d)(?!\d|[.,]\d)"
MOD = r"(?:(?P<mod>early|mid|late|(?:the\s+)?(?:beginning|start|end|middle|close)\s+of(?:\s+the)?)[\s-]+)?"
NIGHT_OF = r"(?:the\s+(?P<prepart>night|morning|afternoon|evening)\s+of\s+)?"
WEEKDAY_LEAD = rf"(?:(?P<wd>{WEEKDAY})(?:\s+(?P<wpart>{PART}))?,?\s+)?"
COUNTED_NOUNS = (
    r"people|persons|men|women|children|troops|soldiers|police|officers|workers|employees|jobs|homes|"
    r"houses|cars|vehicles|dollars|euros|pounds|miles|kilometers|kilometres|km|meters|metres|feet|tons|"
    r"tonnes|barrels|shares|votes|cases|deaths|students|members|residents|units|acres|percent|megawatts"
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    vague: bool = False


def _rule(name: str, pattern: str, handler: Handler, *, vague: bool = False) -> Rule:
    return Rule(name, re.compile(L + pattern + R, re.IGNORECASE), handler, vague)


def _alt(*words: str) -> str:
    """An alternation of words, spaces inside a word matching any whitespace."""
    return "(?:" + "|".join(w.replace(" ", r"\s+") for w in words) + ")"


YEAR_TAIL = rf"(?:(?:\s*,\s*|\s+)(?P<year>{YEAR}))?"
QUARTER_WORDS = _alt(
    "last", "this", "next", "current", "latest", "previous", "past", "same", "coming", "first", "second",
    "third", "fourth", "final", "1st", "2nd", "3rd", "4th",
)  # fmt: skip
HOLIDAY_NAMES = _alt(
    "Christmas(?: (?:Eve|Day))?", "New Year['’]s(?: (?:Eve|Day))?", "Easter(?: (?:Sunday|Monday))?",
    "Thanksgiving(?: Day)?", "Halloween", "Valentine['’]s Day", "Boxing Day", "Labor Day", "Memorial Day",
)  # fmt: skip
DAY_WORDS = _alt("today", "tonight", "yesterday", "tomorrow", "the day before yesterday", "the day after tomorrow")
UNIT_RELATIONS = _alt(
    "this past", "this", "last", "next", "past", "coming", "current", "previous", "that", "the(?=\\s+weekend)",
    "the same", "the previous", "the preceding", "the following", "the current", "the coming", "the next",
    "the past", "the last", "earlier this", "later this", "early this", "late this", "earlier in the",
    "later in the", "earlier that", "later that",
)  # fmt: skip
DURATION_LEADS = _alt(
    "the past", "the last", "the next", "the coming", "the first", "the previous", "the following", "the final",
    "the remaining", "the preceding", "recent", "coming", "past",
)  # fmt: skip
REFERENCE_WORDS = _alt(
    "now", "currently", "nowadays", "these days", "the (?:near |foreseeable )?future", "the present", "the past",
    "recently", "lately", "at (?:the|that) time", "(?<=\\bat\\s)present",
)  # fmt: skip
ZONES = "(?-i:GMT|UTC|BST|CET|EST|EDT|CST|CDT|PST|PDT|ET|PT)"
COUNT = rf"(?P<num>{NUMBER}|{VAGUE_NUMBER}|a|an)"

RULES: tuple[Rule, ...] = (
    _rule("date_md", rf"{NIGHT_OF}{WEEKDAY_LEAD}(?P<mon>{MONTH})\s+(?P<day>{DAY}){YEAR_TAIL}", ab.calendar_date),
    _rule(
        "date_dm",
        rf"{NIGHT_OF}{WEEKDAY_LEAD}(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
        ab.calendar_date,
    ),
    _rule("iso_date", r"\d{4}-\d{2}-\d{2}(?!\d)", ab.numeric_date),
    _rule("numeric_date", r"(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4})(?![\d/])", ab.numeric_date),
    _rule("month_year", rf"{MOD}(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})", ab.month_year),
    _rule("month_relative_year", rf"{MOD}(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<ryear>last|this|next)\s+year", ab.month_year),
    _rule("month", rf"{MOD}(?:(?P<rel>last|this|next|coming|past|previous)\s+)?(?P<mon>{MONTH})(?!\s*\d)", ab.month_alone),
    _rule(
        "year",
        rf"{MOD}(?:(?:fiscal(?:\s+year)?|FY)\s*)?(?P<year>{YEAR})(?!\s+(?:{COUNTED_NOUNS})\b)(?!s)",
        ab.year_alone,
    ),
    _rule("year_range", rf"(?P<y1>{YEAR})\s*[-–/]\s*(?P<y2>{YEAR}|\d\d)(?!\d)", ab.year_range),
    _rule("decade", rf"{MOD}(?:(?P<full>1[6-9]\d0|20\d0)|['’](?P<short>\d0))s", ab.decade),
    _rule(
        "century",
        rf"{MOD}(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|eighteenth|nineteenth|twentieth|twenty[\s-]first)[\s-]+century",
        ab.century,
    ),
    _rule(
        "season",
        rf"{MOD}(?:(?:(?P<rel>last|this|next|past|coming|previous|the)\s+)?(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?|(?P<year2>{YEAR})\s+(?P<season2>{SEASON}))",
        ab.season,
    ),
    _rule(
        "quarter",
        rf"(?:(?:the\s+)?(?P<rel>{QUARTER_WORDS})[\s-]+(?:fiscal\s+)?quarter"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR})|,?\s+(?P<year2>{YEAR}))?"
        rf"|(?P<q>(?-i:Q)[1-4])(?:\s+(?P<year3>{YEAR}))?)",
        ab.quarter,
    ),
    _rule(
        "half",
        rf"(?:the\s+)?(?P<ord>first|second|1st|2nd)"
        rf"(?:-half|\s+half\s+of\s+(?:the\s+year|(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year))",
        ab.half,
    ),
    _rule("holiday", rf"(?-i:(?P<hol>{HOLIDAY_NAMES}))(?:,?\s+(?P<year>{YEAR}))?", ab.holiday),
    _rule(
        "relative_day",
        rf"(?:(?P<lead>earlier|later|early|late)\s+)?(?P<word>{DAY_WORDS})(?:\s+(?P<part>{PART}))?",
        rl.relative_day,
    ),
    _rule(
        "this_part",
        rf"(?P<rel>this|that|last|early\s+this|late\s+this|later\s+this|earlier\s+this|that\s+same)\s+(?P<part>{PART})",
        rl.this_part,
    ),
    _rule(
        "weekday",
        rf"{NIGHT_OF}(?:(?P<mod>early|late)\s+)?(?:(?P<rel>this\s+past|last|this|next|coming|past|previous|following)\s+)?"
        rf"(?P<wd>{WEEKDAY_FULL})(?:\s+(?P<part>{PART}))?",
        rl.weekday,
    ),
    _rule(
        "relative_unit",
        rf"{MOD}(?:(?P<rel>{UNIT_RELATIONS})\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|year|decade|century|quarter|day)"
        rf"|(?P<unit2>week|month|year|decade|century))",
        rl.relative_unit,
    ),
    _rule(
        "ago",
        rf"(?:{COUNT}\s+)?(?:more\s+)?(?P<unit>{UNITS_PLURAL}|{UNIT})"
        r"\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)",
        rl.ago,
    ),
    _rule(
        "duration",
        rf"(?:(?P<lead>{DURATION_LEADS})\s+)?(?:{COUNT}\s+)?(?:(?:more|additional|extra|full|straight|consecutive|long)\s+)?"
        rf"(?P<unit>{UNITS_PLURAL}|{UNIT})(?:['’](?=\s))?",
        am.duration,
    ),
    _rule(
        "duration_adjective",
        rf"(?P<hnum>\d+(?:\.\d+)?|{NUMBER_WORD}|half)-(?P<hunit>second|minute|hour|day|week|month|year|decade)(?:-long)?",
        am.duration,
    ),
    _rule(
        "set",
        rf"(?:(?P<q>every|each|per)\s+(?P<other>other\s+)?(?P<what>{UNIT}|{PART}|{WEEKDAY_FULL}|{SEASON})"
        rf"|(?P<adv>{'|'.join(SET_ADVERBS)}))",
        am.recurring,
    ),
    _rule("reference", rf"(?P<w>{REFERENCE_WORDS})", am.reference),
    _rule(
        "clock",
        rf"(?:(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}}))?\s*(?P<ampm>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?:\s+{ZONES})?"
        rf"|(?<=\bat\s)(?P<h2>\d{{1,2}}):(?P<m2>[0-5]\d)|(?P<word>noon|midday|midnight)"
        rf"|(?P<h3>\d{{1,2}}|{NUMBER_WORD})\s+o['’]clock)",
        am.clock,
    ),
    _rule("vague", rf"(?P<v>{'|'.join(VAGUE)})", am.vague, vague=True),
)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    order: int
    match: re.Match[str]
    rule: Rule


def candidates(text: str, *, include_vague: bool) -> list[Candidate]:
    """All rule matches, most preferred first: longer before shorter, then in rule order."""
    found = [
        Candidate(m.start(), m.end(), order, m, rule)
        for order, rule in enumerate(RULES)
        if include_vague or not rule.vague
        for m in rule.pattern.finditer(text)
        if m.end() > m.start()
    ]
    found.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    return found
