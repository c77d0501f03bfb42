"""Framing: the words each source uses, in one claim cluster, for the people involved and for the act.

"Dozens of attackers have been eliminated" / "dozens of people were liquidated" / "Dozens of protesters
killed" report one count in three framings. ``framing`` collects, per source, the words of its reports:

- the source is the origin's name (``provenance.attribute``), the outlet itself for its own voice
  (headline, caption, unattributed body: even where the report inherits an attribution for counting,
  the words are the outlet's), and an unnamed source under its own name ("unnamed source",
  "correspondent (unnamed)"), never merged into a named one;
- *actors* are the participant noun phrases of the claim's proposition: its subject, its object and its
  agent-like prepositional phrases (by, from, of, at, against, with, among, between). Each phrase is cut
  before its first other preposition ("security forces in camouflage" → "security forces"), split at
  "and" and commas, and a count is read through to what it counts ("dozens of attackers" →
  "attackers"); pronouns and the claim's places are dropped. Things are not told from persons
  ("administrative buildings" stays): that needs an animacy lexicon (WordNet) wiretrace does not ship;
- *acts* are the predicate as written in the claim's text ("eliminated", "tried to storm"), found by
  regular English inflection of the extractor's lemma, or by the closest word sharing its first three
  letters for irregular forms ("began"); when the predicate is an aspectual or light verb ("has begun",
  "continues", "was launched") governing an event noun (a nominalisation: "-ing", "-tion", "-ure", ...),
  the act is that noun ("cleansing", "special operation"), read through a report noun ("there was
  information about the seizure" → "seizure"); the event noun is then not an actor.

Words are kept as written (case included); ``framing_profile`` counts them per source across a story,
lower-cased.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from wiretrace.link.provenance import OriginResolver, attribute, is_outlet_voice
from wiretrace.records import Claim, ClaimCluster, Framing, Mention

__all__ = ["FramingOptions", "act_words", "actor_words", "framing", "framing_profile"]

LIGHT_VERBS = (
    "begin", "start", "continue", "resume", "stop", "end", "finish", "cease", "launch", "conduct", "carry out",
    "hold", "occur", "happen", "take place", "go on", "proceed", "be",
)  # fmt: skip
"""Verbs whose act is the event noun they govern ("the operation continues": the act is "operation")."""
EVENT_SUFFIXES = ("ing", "tion", "sion", "ment", "ure", "ance", "ence", "age", "ade", "al", "sis")
"""Endings of event nouns (nominalisations): what a light verb's object must end in to be its act."""
REPORT_NOUNS = ("information", "report", "reports", "news", "data", "evidence", "rumours", "rumors", "claims")
"""Nouns that stand for a report of an event: "there was information about the seizure" is about a seizure."""
AGENT_PREPOSITIONS = frozenset({"by", "from", "of", "at", "against", "with", "among", "between"})
PRONOUNS = frozenset({
    "which", "who", "whom", "that", "this", "these", "those", "they", "them", "it", "he", "she", "we", "you",
    "i", "one", "some", "all", "everyone", "someone", "anyone", "others", "each",
})  # fmt: skip
NEGATIONS = frozenset({"not", "no", "never", "neither", "nor"})
COUNT_WORDS = frozenset({
    "dozens", "dozen", "hundreds", "hundred", "thousands", "thousand", "millions", "scores", "tens", "several",
    "some", "many", "few", "a few", "groups", "group", "number", "a number", "about", "around", "over",
    "nearly", "almost", "at least", "up to", "more than", "less than", "fewer than",
})  # fmt: skip
_CUT = re.compile(
    r"\s+(?:in|on|at|from|for|to|with|by|during|since|about|over|under|near|into|through|across|against|after"
    r"|before|due to|amid|among|between|who|which|that)\s+"
)
_CONJUNCTS = re.compile(r",\s*|\s+and\s+|\s+or\s+")
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_NUMBER = re.compile(r"^[\d.,\s–-]+$")
_DETERMINERS = r"(?:(?:the|a|an|its|their|his|her|our|this|these|those|that)\s+)?"


@dataclass(frozen=True, slots=True)
class FramingOptions:
    """``light_verbs``: lemmas whose act is their object's event noun; ``report_nouns``: nouns read
    through to the event they are about ("information about the seizure"); ``event_suffixes``: the
    endings that mark an event noun ("shooting", "operation", "seizure"); ``irregular_similarity``: the
    rapidfuzz ratio at which a word sharing the lemma's first three letters is taken as its form."""

    light_verbs: tuple[str, ...] = LIGHT_VERBS
    report_nouns: tuple[str, ...] = REPORT_NOUNS
    event_suffixes: tuple[str, ...] = EVENT_SUFFIXES
    irregular_similarity: float = 60.0


def framing(
    mentions: Sequence[Mention], resolver: OriginResolver, options: FramingOptions | None = None
) -> tuple[Framing, ...]:
    """One ``Framing`` per source of the cluster, in the order first seen, words in the order used."""
    options = options or FramingOptions()
    words: dict[str, tuple[list[str], list[str]]] = {}
    for attribution in attribute(mentions, resolver):
        if attribution.repeat:
            continue
        claim = attribution.mention.claim
        source = attribution.mention.outlet if is_outlet_voice(claim) else attribution.source
        actors, acts = words.setdefault(source, ([], []))
        _add_new(actors, actor_words(claim, options))
        _add_new(acts, act_words(claim, options))
    return tuple(Framing(source, tuple(actors), tuple(acts)) for source, (actors, acts) in words.items())


def _add_new(kept: list[str], words: Sequence[str]) -> None:
    """Append the words not kept yet, case aside ("Shooting" and "shooting" are one word)."""
    for word in words:
        if word.lower() not in {k.lower() for k in kept}:
            kept.append(word)


def framing_profile(clusters: Iterable[ClaimCluster]) -> dict[str, Counter[str]]:
    """Per source across a story: how often it used each actor and act word (lower-cased), counted once
    per cluster."""
    profile: dict[str, Counter[str]] = {}
    for cluster in clusters:
        for entry in cluster.framing:
            profile.setdefault(entry.source, Counter()).update({w.lower() for w in entry.actors + entry.acts})
    return profile


def actor_words(claim: Claim, options: FramingOptions | None = None) -> tuple[str, ...]:
    """The claim's participant noun phrases as written (see the module docstring)."""
    options = options or FramingOptions()
    proposition = claim.proposition
    if proposition is None:
        return ()
    phrases = [proposition.subject]
    obj = proposition.object
    if not (obj and _is_light(proposition.predicate, options) and _event_noun(obj, options)):
        phrases.append(obj)
    for argument in proposition.arguments:
        preposition, _, phrase = argument.partition(":")
        if preposition.strip() in AGENT_PREPOSITIONS:
            phrases.append(phrase)
    found = [_as_written(p, claim.text) for phrase in phrases if phrase for p in _participants(phrase, claim)]
    return tuple(dict.fromkeys(found))


def act_words(claim: Claim, options: FramingOptions | None = None) -> tuple[str, ...]:
    """The act as written: the predicate's words in the text, or the event noun of a light verb."""
    options = options or FramingOptions()
    proposition = claim.proposition
    if proposition is None or not proposition.predicate.strip():
        return ()
    if _is_light(proposition.predicate, options) and proposition.object:
        event = _event_noun(proposition.object, options)
        if event:
            return (_as_written(event, claim.text),)
    return (_predicate_as_written(proposition.predicate, claim.text, proposition.negated, options),)


def _event_noun(phrase: str, options: FramingOptions) -> str | None:
    """The event noun of a light verb's object ("special operation in the city" → "special operation";
    through a report noun: "information about the seizure of the tower" → "seizure"), or None when the
    object does not end in an event noun's suffix ("three boats were stopped": the act is "stopped")."""
    head, _, rest = phrase.strip().partition(" ")
    if head in options.report_nouns:
        inner = re.match(r"(?:about|of|on|regarding|that)\s+(.+)", rest)
        if inner:
            phrase = inner.group(1)
    event = _CUT.split(phrase, maxsplit=1)[0].split(" of ", 1)[0].strip()
    last = event.split()[-1].removesuffix("s") if event.split() else ""
    return event if event not in PRONOUNS and last.endswith(options.event_suffixes) else None


def _is_light(predicate: str, options: FramingOptions) -> bool:
    return predicate.strip().lower() in options.light_verbs


def _participants(phrase: str, claim: Claim) -> list[str]:
    """The head noun phrases of one participant phrase: cut, split into conjuncts, counts read through."""
    head = _CUT.split(phrase.strip(), maxsplit=1)[0]
    places = {_strip_determiner(p.lower()) for place in claim.places for p in (place.name, place.mention)}
    counts = [(q.unit.lower(), set(q.expression.lower().split())) for q in claim.quantities if q.unit]
    result = []
    for conjunct in _CONJUNCTS.split(head):
        part = _through_count(conjunct.strip(), counts)
        if part and part not in PRONOUNS and part not in places and not _NUMBER.match(part):
            result.append(part)
    return result


def _strip_determiner(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if rest and first in {"the", "a", "an"} else phrase


def _through_count(conjunct: str, counts: Sequence[tuple[str, set[str]]]) -> str:
    """"dozens of attackers" → "attackers"; "three police buildings" → "police buildings" (the counted
    unit of one of the claim's quantities, the rest of the phrase being its count); others unchanged."""
    first, of, rest = conjunct.partition(" of ")
    if of and _all_count_words(first):
        conjunct = rest
    for unit, expression in counts:
        prefix = conjunct[: -len(unit)].split() if conjunct.endswith(unit) else None
        if prefix is not None and all(w in expression or w in COUNT_WORDS or _NUMBER.match(w) for w in prefix):
            return unit
    return conjunct


def _all_count_words(text: str) -> bool:
    words = text.split()
    return all(w in COUNT_WORDS or _NUMBER.match(w) for w in words)


@lru_cache(maxsize=65536)
def _as_written(phrase: str, text: str) -> str:
    """``phrase`` (lower-cased, determiners dropped by the extractor) as it stands in ``text`` (cached:
    a cluster's framing is read again each time a report joins it, and the pattern is built per phrase)."""
    if not phrase.split():
        return phrase
    found = _phrase_pattern(phrase).search(text)
    return found.group(0) if found else phrase


@lru_cache(maxsize=16384)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """The phrase's words with any punctuation and determiners between them (compiled once per phrase)."""
    pattern = r"\b" + (r"\W+" + _DETERMINERS).join(re.escape(w) for w in phrase.split()) + r"\b"
    return re.compile(pattern, re.IGNORECASE)


def _predicate_as_written(predicate: str, text: str, negated: bool, options: FramingOptions) -> str:
    """The predicate's words in ``text`` ("attempt storm" → "attempted to storm"; with its negation when
    ``negated``: "not confirmed"), the lemma itself when no form of it is found."""
    tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
    spans, after = [], 0
    for lemma in predicate.lower().split():
        span = _find_form(lemma, tokens, after, options)
        if span is not None:
            spans.append(span)
            after = span[1]
    if not spans:
        return predicate
    start, end = spans[0][0], spans[-1][1]
    if negated:  # "was not confirmed" → "not confirmed": the polarity is part of the wording
        before = [t for t in tokens if t[1] <= start][-3:]
        negation = next((t for t in before if t[2] in NEGATIONS or t[2].endswith("n't")), None)
        start = negation[0] if negation else start
    if end - start <= 12 * len(spans) + 10:
        return text[start:end]
    return " ".join(text[s:e] for s, e in spans)


def _find_form(
    lemma: str, tokens: Sequence[tuple[int, int, str]], after: int, options: FramingOptions
) -> tuple[int, int] | None:
    """The first token from ``after`` that is a regular form of ``lemma``, else the closest irregular one."""
    forms = _regular_forms(lemma)
    candidates = [t for t in tokens if t[0] >= after]
    for start, end, token in candidates:
        if token in forms:
            return start, end
    close = [(fuzz.ratio(lemma, token), start, end) for start, end, token in candidates
             if len(lemma) >= 3 and token[:3] == lemma[:3]]
    close = [c for c in close if c[0] >= options.irregular_similarity]
    if not close:
        return None
    _, start, end = max(close, key=lambda c: (c[0], -c[1]))
    return start, end


def _regular_forms(lemma: str) -> set[str]:
    """Regular English inflections of a lemma (verb forms and plural), with e-drop, y→i and doubling."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma + "ing", lemma + "n", lemma + "en"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms
