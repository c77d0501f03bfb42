"""Counts in a report: exact, hedged and vague numbers, with the noun they count and what happened.

"some 50 police cars had been burned" → ``Quantity(category="vehicles-burned", min=50, max=50,
unit="police cars", approx=True, expression="some 50 police cars")``. Three steps:

1. a regular expression finds the numeric core (hedge + number, range or vague word) on the raw text,
   so sentences without one cost no token work (``might_contain_quantity`` exposes the same test);
2. the tokens after the core give the counted noun (``unit``, kept as written: it carries the framing,
   "attackers" against "protesters"), and a few shapes that are not counts are dropped (dates, ages,
   durations, names such as "Channel 4");
3. the dependency parse gives the governing predicate and so the ``category`` (``quantities_table``).

Every table of words and ranges lives in ``quantities_table``; this module holds only the mechanics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from wiretrace.extract import quantities_table as table


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count as the text gives it. ``min``/``max`` are inclusive; ``None`` is an open end.

    ``start``/``end`` are character offsets of ``expression`` in ``doc.text``; ``unit`` is the counted
    noun phrase as written ("" when the text names none: "hundreds detained").
    """

    category: str | None
    min: float | None
    max: float | None
    unit: str
    approx: bool
    expression: str
    start: int
    end: int


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TENS = _alternation([w for w, v in table.NUMBER_WORDS.items() if v >= 20])
_UNITS = _alternation([w for w, v in table.NUMBER_WORDS.items() if v < 10])
_WORD = rf"(?:{_TENS})(?:[-\s](?:{_UNITS})\b)?|{_alternation(table.NUMBER_WORDS)}"
_SCALE = rf"(?:\s+(?:{_alternation(table.SCALES)})\b)"
_DIGIT_NUMBER = rf"(?:{_DIGITS})(?:{_SCALE}){{0,2}}"
_NUMBER = rf"(?:(?:{_DIGITS})|(?:{_WORD})\b|a(?={_SCALE}))(?:{_SCALE}){{0,2}}"
_RANGE = (
    rf"between\s+(?P<ba>{_NUMBER})\s+and\s+(?P<bb>{_NUMBER})"
    rf"|from\s+(?P<fa>{_NUMBER})\s+to\s+(?P<fb>{_NUMBER})"
    rf"|(?P<a>{_NUMBER})\s+(?:to|or)\s+(?P<b>{_NUMBER})"
    rf"|(?P<da>{_DIGIT_NUMBER})\s*[-–—]\s*(?P<db>{_DIGIT_NUMBER})"  # "5-6"; "twenty-five" is one number
)
CORE = re.compile(
    rf"(?<![\w\-/])(?<![.,](?=\d))(?:(?P<hedge>{_alternation(table.HEDGES)})\s+)?"
    rf"(?:(?P<vague>{_alternation(table.VAGUE)})\b|{_RANGE}|(?P<n>{_NUMBER}))"
    r"(?P<or_more>\s+or\s+more\b)?(?![\w/:]|-\w|[.,]\d)",
    re.IGNORECASE,
)
"""The numeric core: an optional hedge, then a vague word, a range or one number."""

_PRONOUNS = frozenset("them us you those these they we".split())
_UNIT_DETERMINERS = frozenset("the these those their his her its our my your".split())
_YEAR_PREPOSITIONS = frozenset("in since by until of from before after during".split())
_CATEGORY_CLIMB = 4
_UNIT_LIMIT = 5


def might_contain_quantity(text: str) -> bool:
    """A cheap test before parsing: does ``text`` hold anything ``quantities`` could read?"""
    return CORE.search(text) is not None


def quantities(span_or_doc: Doc | Span) -> list[Quantity]:
    """The counts in a parsed ``Doc`` or ``Span``, in text order.

    Args:
        span_or_doc: a spaCy ``Doc`` or ``Span``; with a dependency parse the category is read from the
            governing predicate, with tags only the counted noun is found, on a bare tokenization only
            the numbers and the next word.
    Returns:
        ``Quantity`` records whose offsets point into ``doc.text``. Indefinites ("some are wounded",
        "an explosion") and non-counts (dates, ages, durations, "Channel 4") are left out.
    """
    span = span_or_doc[:] if isinstance(span_or_doc, Doc) else span_or_doc
    found: list[Quantity] = []
    for match in CORE.finditer(span.text):
        quantity = _read(span.doc, match, span.start_char)
        if quantity is not None:
            found.append(quantity)
    return found


def _read(doc: Doc, match: re.Match[str], base: int) -> Quantity | None:
    """One regex match → a ``Quantity``, or ``None`` when the shape is not a count."""
    core = doc.char_span(base + match.start(), base + match.end(), alignment_mode="expand")
    if core is None or _is_date(doc, core, match):
        return None
    unit = _unit(doc, core.end)
    if unit and unit[-1].lower_ in table.TIME_UNITS or _is_name_number(doc, core, match, unit):
        return None
    if not unit and match["vague"] is None and any(t.ent_type_ in {"DATE", "TIME"} for t in core):
        return None  # "at 5", "on the 6th": a time, not a count (the tagger's DATE on "20-30 people" is ignored)
    category = _category(doc, core, unit)
    if not unit and category is None and match["vague"] is None:
        return None  # a bare number ("the score was 3") is not a count without a noun or an event
    if (match["n"] or "").lower() == "one" and category is None:
        return None  # "one of them", "one thing": a pronoun more often than a count
    low, high, approx = _value(match)
    end = unit[-1].idx + len(unit[-1]) if unit else core.end_char
    start = base + match.start()
    expression = doc.char_span(start, end, alignment_mode="expand")
    written = expression.text if expression is not None and expression.start_char == start else doc.text[start:end]
    return Quantity(category, low, high, _text(unit), approx, written[: end - start], start, end)


def _text(tokens: list[Token]) -> str:
    """The tokens as written, with their original spacing."""
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text  # not doc.text: spaCy rebuilds it per access


RANGE_GROUPS = (("a", "b"), ("da", "db"), ("ba", "bb"), ("fa", "fb"))


def _first_number(match: re.Match[str]) -> str:
    return match["n"] or next((match[a] for a, _ in RANGE_GROUPS if match[a]), "")


def _is_date(doc: Doc, core: Span, match: re.Match[str]) -> bool:
    """Dates and years: "6 January", "January 6", "in 2022" (the time stage reads them)."""
    before = doc[core.start - 1] if core.start > 0 else None
    after = doc[core.end] if core.end < len(doc) else None
    if any(t is not None and t.is_title and t.lower_.rstrip(".") in table.MONTHS for t in (before, after)):
        return True
    number = (match["n"] or "").replace(",", "") if match["hedge"] is None else ""
    if number.isdigit() and len(number) == 4 and 1800 <= int(number) <= 2100:
        return before is not None and before.lower_ in _YEAR_PREPOSITIONS or after is None or after.tag_ != "NNS"
    return False


def _is_name_number(doc: Doc, core: Span, match: re.Match[str], unit: list[Token]) -> bool:
    """A number that is part of a name: "Radio 1 reported", "Channel 4 News", "Boeing 737"."""
    if match["hedge"] is not None or not _first_number(match)[:1].isdigit() or core.start == 0:
        return False
    before = doc[core.start - 1]
    if not before.is_title or before.lower_ in table.HEDGES or before.is_sent_start and before.pos_ != "PROPN":
        return False
    return not unit or all(t.tag_ == "NNP" for t in unit)


def _number(text: str) -> float:
    """A spelled or written number: "1,200", "2.5 million", "twenty-five", "a hundred"."""
    parts = re.split(r"[\s-]+", text.lower().replace(",", ""))
    value = 0.0
    for part in parts:
        if part in table.SCALES:
            value = (value or 1.0) * float(table.SCALES[part])
        elif part in table.NUMBER_WORDS:
            value += table.NUMBER_WORDS[part]
        elif part != "a":
            value += float(part)
    return int(value) if float(value).is_integer() else value


def _range(match: re.Match[str]) -> tuple[float, float]:
    """Both ends of "5-6", "20-30 thousand", "between 5 and 6", "from 5 to 6"."""
    a, b = next((match[x], match[y]) for x, y in RANGE_GROUPS if match[x])
    low, high = _number(a), _number(b)
    scale = re.search(rf"{_SCALE}$", b, re.IGNORECASE)
    if scale and not re.search(rf"{_SCALE}$", a, re.IGNORECASE) and low < _number(b[: scale.start()]):
        low = _number(f"{a} {scale.group().strip()}")  # "20-30 thousand": the scale covers both
    return min(low, high), max(low, high)


def _value(match: re.Match[str]) -> tuple[float | None, float | None, bool]:
    """``(min, max, approx)`` of the core, the hedge applied."""
    hedge = table.HEDGES.get(re.sub(r"\s+", " ", (match["hedge"] or "").lower()))
    if match["vague"]:
        vague = table.VAGUE[re.sub(r"\s+", " ", match["vague"].lower())]
        if vague.min != vague.max:
            return _hedged_range(vague.min, vague.max, hedge)
        low = high = vague.min
        approx = True
    elif match["n"]:
        low = high = _number(match["n"])
        approx = False
        if match["or_more"]:
            hedge = hedge or "at-least"
    else:
        low, high = _range(match)
        approx = False
    return _hedged(low, high, hedge, approx)


def _hedged_range(low: int | None, high: int | None, hedge: str | None) -> tuple[float | None, float | None, bool]:
    """A vague range under a hedge: "at least hundreds" opens the top, "up to dozens" the bottom."""
    if hedge in {"at-least", "more-than"}:
        return low, None, True
    if hedge in {"up-to", "less-than"}:
        return None, high, True
    return low, high, True


def _hedged(low: float, high: float, hedge: str | None, approx: bool) -> tuple[float | None, float | None, bool]:
    """A number or range under a hedge (``quantities_table.HEDGES``)."""
    step = 1 if float(low).is_integer() else 0
    if hedge == "approx":
        return low, high, True
    if hedge == "at-least":
        return low, None, approx
    if hedge == "more-than":
        return low + step, None, approx
    if hedge == "up-to":
        return None, high, approx
    if hedge == "less-than":
        return None, high - step, approx
    return low, high, approx


def _unit(doc: Doc, i: int) -> list[Token]:
    """The counted noun phrase starting at token ``i``: "of the attackers" → [attackers]."""
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
        if i < len(doc) and doc[i].lower_ in _UNIT_DETERMINERS:
            i += 1
    if i < len(doc) and doc[i].text in {"%", "percent"}:
        return [doc[i]]
    if not doc.has_annotation("TAG"):
        return _unit_untagged(doc, i)
    run: list[Token] = []
    while i < len(doc) and len(run) < _UNIT_LIMIT and _continues_unit(doc[i], run):
        run.append(doc[i])
        i += 1
    while run and (run[-1].pos_ not in {"NOUN", "PROPN"} and not _hyphen_joined(run) or run[-1].text == "-"):
        run.pop()
    if run and run[-1].lower_ in _PRONOUNS:
        return []
    return run


def _hyphen_joined(run: list[Token]) -> bool:
    """Whether the last token of ``run`` closes a hyphenated word: "passers-by", "law-enforcement"."""
    return len(run) >= 3 and run[-2].text == "-" and not run[-2].whitespace_ and not run[-3].whitespace_


def _continues_unit(token: Token, run: list[Token]) -> bool:
    """Whether ``token`` extends a counted noun phrase: modifiers, then nouns (compounds, "law-enforcement")."""
    if token.text == "-" and run and not token.whitespace_ and not run[-1].whitespace_:
        return True
    if run and run[-1].text == "-" and token.is_alpha:
        return True  # the second half of a hyphenated word, whatever its tag
    if token.ent_type_ in {"DATE", "TIME"} or token.is_punct:
        return False
    has_noun = any(t.pos_ == "NOUN" for t in run)
    if token.pos_ == "NOUN":
        return True
    if token.pos_ in {"ADJ", "PROPN"}:
        return not has_noun or bool(run) and run[-1].text == "-"
    return False


def _unit_untagged(doc: Doc, i: int) -> list[Token]:
    """Without tags: the next content word, if any."""
    if i < len(doc) and doc[i].is_alpha and not doc[i].is_stop:
        return [doc[i]]
    return []


def _category(doc: Doc, core: Span, unit: list[Token]) -> str | None:
    """The category of a count: its predicate first, then its group noun, then its own noun."""
    head = unit[-1] if unit else core[-1]
    noun_class = table.NOUN_CLASSES.get(head.lower_) if unit else None
    if doc.has_annotation("DEP"):
        found = _governing(_top(core, unit))
        if found == "group-size":
            return found
        found = found or _modifier_category(head)
    else:
        found = None
    found = found or _next_word_category(doc, unit[-1].i + 1 if unit else core.end)
    if found in {"burned", "damaged"}:
        return f"{noun_class}-{found}" if noun_class else found
    if found is None and unit:
        found = table.NOUN_CATEGORIES.get(head.lower_)
    return found


def _top(core: Span, unit: list[Token]) -> Token:
    """The token of the expression whose head lies outside it, climbing out of conjunctions."""
    tokens = list(core) + unit
    inside = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return top


def _governing(token: Token) -> str | None:
    """Climb from the count to the first predicate; "groups of N" and "death toll" decide on the way."""
    for _ in range(_CATEGORY_CLIMB):
        head = token.head
        if head.i == token.i:
            return None
        if head.lower_ == "of" and head.head.lower_ in table.GROUP_NOUNS:
            return "group-size"
        if head.lemma_ == "toll":
            return "killed"
        if head.pos_ == "ADP" and head.lower_ != "of":
            return "killed" if _has_toll_subject(head.head) else None  # "from 5 towns", "by 300 police"
        if head.pos_ in {"VERB", "AUX"}:
            return _verb_category(head) or table.ADJECTIVE_CATEGORIES.get(head.lower_)  # "are missing"
        if head.pos_ == "ADJ":
            return table.ADJECTIVE_CATEGORIES.get(head.lower_)
        token = head
    return None


@lru_cache(maxsize=1)
def _multiword_heads() -> frozenset[str]:
    return frozenset(key.split("-")[0] for key in table.PREDICATE_CATEGORIES if "-" in key)


def _verb_category(verb: Token) -> str | None:
    """A verb's category from its lemma, joined with a particle or object for multiword ones ("set on fire")."""
    lemma = verb.lemma_.lower()
    if lemma in _multiword_heads():
        for child in verb.children:
            words = [child] + [g for g in child.children if child.dep_ == "prep" and g.dep_ == "pobj"]
            for word in words:
                key = f"{lemma}-{word.lemma_.lower()}"
                if key in table.PREDICATE_CATEGORIES:
                    return table.PREDICATE_CATEGORIES[key]
    if lemma in table.PREDICATE_CATEGORIES:
        return table.PREDICATE_CATEGORIES[lemma]
    for child in verb.children:
        if child.dep_ in {"acomp", "oprd"} and child.lower_ in table.ADJECTIVE_CATEGORIES:
            return table.ADJECTIVE_CATEGORIES[child.lower_]
    return "killed" if _has_toll_subject(verb) else None


def _has_toll_subject(verb: Token) -> bool:
    """"the death toll rose to 15": the count is a number of dead."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_ == "toll" for c in verb.children)


def _modifier_category(noun: Token) -> str | None:
    """A reduced relative on the counted noun: "protesters killed in the square", "people injured"."""
    for child in noun.children:
        if child.dep_ in {"acl", "relcl", "amod"}:
            if child.pos_ in {"VERB", "AUX"}:
                found = _verb_category(child)
            else:
                found = table.ADJECTIVE_CATEGORIES.get(child.lower_)
            if found:
                return found
    return None


def _next_word_category(doc: Doc, i: int) -> str | None:
    """"hundreds detained", "12 dead": the word right after the count, read as a participle or adjective."""
    if i >= len(doc):
        return None
    word = doc[i]
    if word.lower_ in table.ADJECTIVE_CATEGORIES:
        return table.ADJECTIVE_CATEGORIES[word.lower_]
    if word.tag_ == "VBN":
        return table.PREDICATE_CATEGORIES.get(word.lemma_.lower())
    return None
