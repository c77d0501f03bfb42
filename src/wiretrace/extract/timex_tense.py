"""Which way a time expression points: the tense of the clause around it, guessed from nearby words.

"Friday", "May" or "the end of the year" name a different period depending on whether the sentence talks
about the past or the future ("police said Friday" vs "the vote will be held Friday"). HeidelTime decides
this with part-of-speech tags; a word list is enough for news prose and keeps the tagger fast: the tense
marker nearest to the expression in its sentence wins (modal ``will``/``'ll``, ``going to``, ``expected``
... for the future; auxiliaries ``was``/``had``, irregular past forms and ``-ed`` verbs for the past).
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future"] | None

_WORD = re.compile(r"[A-Za-z']+")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_ABBREVIATIONS = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|St|Jr|Sr|No|Mt|vs|Gen|Col|Sen|Rep|Gov|Prof|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|U\.S|a\.m|p\.m)$"
)
_FUTURE = {
    "will", "'ll", "shall", "won't", "wo", "upcoming", "scheduled", "expected", "expects", "plans", "planned",
    "intends", "due", "forecast", "forecasts", "next", "coming", "until", "till", "soon", "aims", "hopes",
    "projected", "predicts", "should", "likely",
}  # fmt: skip
_PAST = {
    "was", "were", "had", "did", "ago", "last", "said", "told", "went", "came", "took", "gave", "made",
    "began", "saw", "got", "held", "left", "met", "won", "lost", "fell", "rose", "ran", "sent", "brought",
    "bought", "sold", "paid", "spent", "found", "thought", "knew", "became", "wrote", "spoke", "broke",
    "fled", "led", "hit", "shot", "struck", "stood", "sat", "felt", "kept", "heard", "meant", "put", "set",
    "cut", "grew", "drew", "threw", "flew", "fought", "caught", "taught", "sought", "built", "dealt",
    "earlier", "previously", "since", "former", "once", "recently", "yesterday",
}  # fmt: skip
# -ed words that are not past verbs, or participles that mostly look forward ('the expected vote').
_NOT_PAST_ED = {
    "need", "speed", "indeed", "feed", "seed", "bed", "red", "shed", "bleed", "breed", "proceed", "succeed",
    "exceed", "hundred", "united", "limited", "based", "related", "proposed", "expected", "scheduled", "planned",
    "projected", "forecasted", "detailed", "advanced", "ahmed", "mohammed", "muhammed",
}  # fmt: skip
_PASSIVE_AUX = {"be", "is", "are", "am", "been", "being", "'s", "'re", "get", "gets"}
_WINDOW = 160


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end offsets of the sentence holding ``text[start:end]`` (a cheap splitter)."""
    left, right = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    ends = [m for m in _SENTENCE_END.finditer(text, left, right) if not _ABBREVIATIONS.search(text, left, m.start())]
    begin = max((m.end() for m in ends if m.end() <= start), default=left)
    stop = min((m.start() + 1 for m in ends if m.start() >= end), default=right)
    return begin, stop


def _marker(word: str, previous: str) -> Tense:
    word = word.lower()
    if word in _FUTURE:
        return "future"
    if word in _PAST:
        return "past"
    if len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST_ED and previous not in _PASSIVE_AUX:
        return "past"  # 'to be published in May' is not past
    return None


def tense_at(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around ``text[start:end]``: the nearest marker in the sentence decides.

    Markers after the expression count a little less than those before it (news puts the verb first:
    "said Friday"), and the expression's own words are ignored.
    """
    begin, stop = sentence_bounds(text, start, end)
    best: tuple[float, Tense] = (float("inf"), None)
    previous = ""
    for match in _WORD.finditer(text, begin, stop):
        word, before = match.group(), previous
        previous = word.lower()
        if start <= match.start() < end:
            continue
        tense = _marker(word, before)
        if tense is None:
            continue
        distance = start - match.end() if match.end() <= start else (match.start() - end) * 1.2
        if distance < best[0]:
            best = (distance, tense)
    return best[1]
