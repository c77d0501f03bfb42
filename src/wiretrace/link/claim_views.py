"""What the claim matcher compares: a ``ClaimView`` per claim, built from a stored ``Claim`` or a raw sentence.

A view keeps only what decides whether two reports carry the same proposition: the embedding of the
text, the proposition's predicate, object and polarity, the counts as (key, min, max), the places, the
event time as an interval, the factuality label and the named actors.

Counts are compared by *key*: the extractor's category ("killed", "wounded", "detained") when it has one;
otherwise a sum of money by its currency ("money:$", "money:€") and any other count by the head word of
its counted noun ("unit:village", "unit:pirate", "unit:percent"). Two counts with different keys are never
compared, so a sum in euros never contradicts one in dollars, nor "seven villages" a death toll.

``claim_view`` reads a stored ``wiretrace.records.Claim``; ``sentence_view`` reads one parsed sentence
(the evaluation's unit, where a sentence may hold several claims); ``views_of_texts`` parses and embeds
raw sentences with the wiretrace pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

import numpy as np
from spacy.tokens import Doc

from wiretrace.records import Claim, ClaimPlace, ClaimQuantity, ClaimTime, Proposition

__all__ = [
    "ClaimView", "QuantityRange", "claim_view", "participants", "quantity_key", "sentence_view", "time_interval",
    "views_of_texts",
]  # fmt: skip

QuantityRange = tuple[str, float | None, float | None]
"""A count as the matcher compares it: (key, min, max), ``None`` for an open end."""

NEGATIVE_LABELS = frozenset({"negated", "denied"})
ACTOR_LABELS = frozenset({"PERSON"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "outside", "inside"})
DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch")
CURRENCY_SIGNS = {"$": "$", "€": "€", "£": "£", "#": "£", "¥": "¥"}  # "#" is "£" in older ASCII news text
CURRENCY_WORDS = {
    "dollar": "$", "dollars": "$", "usd": "$", "euro": "€", "euros": "€", "eur": "€", "pound": "£",
    "pounds": "£", "sterling": "£", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY",
}  # fmt: skip
_PERCENT = frozenset({"%", "percent", "per cent", "pct"})
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True, eq=False)
class ClaimView:
    """One claim as the matcher sees it. ``vector`` is L2-normalised; ``time`` is a half-open ISO
    interval (either end may be None = open) or None when the claim has no resolved time. ``names`` are
    the persons the claim names (organisation names proved too noisy with the small English model);
    ``actors`` those of them that take part in its
    proposition (its subject, object or a prepositional argument: "Klitschko stopped Rahman", not the
    "referee Sam Williams" of a side clause)."""

    text: str
    vector: np.ndarray
    predicate: str | None = None
    object: str | None = None
    negated: bool = False
    quantities: tuple[QuantityRange, ...] = ()
    places: tuple[ClaimPlace, ...] = ()
    time: tuple[str | None, str | None] | None = None
    factuality: str = "asserted"
    actors: tuple[str, ...] = field(default=())
    names: tuple[str, ...] = field(default=())


def claim_view(claim: Claim, vector: np.ndarray) -> ClaimView:
    """The view of a stored claim; ``vector`` is its text's embedding (``wiretrace.link.embeddings.embed``)."""
    proposition = claim.proposition
    names = tuple(dict.fromkeys(e.name for e in claim.entities if e.label in ACTOR_LABELS))
    return ClaimView(
        text=claim.text,
        vector=np.asarray(vector, dtype=np.float32),
        predicate=proposition.predicate if proposition else None,
        object=proposition.object if proposition else None,
        negated=bool(proposition and proposition.negated) or claim.factuality in NEGATIVE_LABELS,
        quantities=tuple(_ranges(claim.quantities, claim.text)),
        places=tuple(p for p in claim.places if _usable_place(p, names)),
        time=time_interval(claim.time),
        factuality=claim.factuality,
        actors=participants(names, proposition),
        names=names,
    )


def participants(names: Sequence[str], proposition: Proposition | None) -> tuple[str, ...]:
    """The ``names`` that occur in the proposition's subject, object or arguments (by a word of three
    letters or more: "Klitschko" in "wladimir klitschko")."""
    if proposition is None:
        return ()
    phrases = [proposition.subject or "", proposition.object or "", *proposition.arguments]
    words = {w for phrase in phrases for w in _WORD.findall(phrase.lower()) if len(w) >= 3}
    return tuple(n for n in names if any(w in words for w in _WORD.findall(n.lower()) if len(w) >= 3))


def _usable_place(place: ClaimPlace, names: Sequence[str]) -> bool:
    """A place the matcher may compare: not a demonym ("the Ukrainian champion" says who, not where) and
    not a person's or organisation's name read as a town ("Obama administration")."""
    mention = place.mention.strip()
    if place.kind == "country" and mention.lower() != place.name.lower() and mention.lower().endswith(DEMONYM_ENDINGS):
        return False
    return not any(mention.lower() == n.lower() or mention.lower() in n.lower().split() for n in names)


def sentence_view(doc: Doc, vector: np.ndarray, claims: Sequence[Claim] | None = None) -> ClaimView:
    """The view of one parsed sentence (a ``Doc`` that went through ``load_pipeline``), whose ``claims``
    default to ``doc._.claims``. The proposition, polarity and factuality are the main claim's (the one
    whose clause head sits highest in the parse); counts are those of all its claims, names and places
    those of the whole sentence, the time the first resolved one, main claim first."""
    claims = list(claims if claims is not None else (doc._.claims or []))
    names = tuple(dict.fromkeys(e.text for e in doc.ents if e.label_ in ACTOR_LABELS))
    if not claims:
        return ClaimView(text=doc.text, vector=np.asarray(vector, dtype=np.float32), names=names)
    main = min(claims, key=lambda c: (_depth(doc, c), -(c.end - c.start)))
    ordered = [main, *(c for c in claims if c is not main)]
    view = claim_view(main, vector)
    return ClaimView(
        text=doc.text,
        vector=view.vector,
        predicate=view.predicate,
        object=view.object,
        negated=view.negated,
        quantities=tuple(dict.fromkeys(q for c in ordered for q in _ranges(c.quantities, c.text))),
        places=_sentence_places(doc, names),
        time=next((t for t in (time_interval(c.time) for c in ordered) if t is not None), None),
        factuality=main.factuality,
        actors=participants(names, main.proposition),
        names=names,
    )


def _sentence_places(doc: Doc, names: Sequence[str]) -> tuple[ClaimPlace, ...]:
    """The places the sentence names, as claim places, without demonyms and without names that the
    entity recogniser read as a person or organisation unless a locative preposition precedes them."""
    found: dict[tuple[str, str], ClaimPlace] = {}
    for mention in doc._.places or []:
        if mention.via == "demonym":
            continue
        if mention.via in ACTOR_LABELS and not _after_locative(doc, mention.start):
            continue
        place = mention.place
        claim_place = ClaimPlace(place.name, place.kind, place.country, place.lat, place.lon, mention.text, place.parent)
        if _usable_place(claim_place, () if mention.via not in ACTOR_LABELS else names):
            found.setdefault((place.name, place.kind), claim_place)
    return tuple(found.values())


def _after_locative(doc: Doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_PREPOSITIONS


def _depth(doc: Doc, claim: Claim) -> int:
    """How far below the sentence root the claim's clause head is (0 = the root itself)."""
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return len(doc)
    token, depth = span.root, 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def views_of_texts(
    texts: Sequence[str], vectors: np.ndarray, *, published: Sequence[date | None] | None = None
) -> list[ClaimView]:
    """Parse ``texts`` with the wiretrace pipeline (a date in ``published`` anchors that text's relative
    times) and view each as one sentence, with the matching row of ``vectors``."""
    from wiretrace.extract.nlp import load_pipeline  # the spaCy model loads only when raw text is parsed

    nlp = load_pipeline()
    docs = []
    for i, text in enumerate(texts):
        doc = nlp.make_doc(text)
        day = published[i] if published is not None else None
        if day is not None:
            doc._.published_at = datetime.combine(day, time(12), tzinfo=timezone.utc)
        docs.append(doc)
    return [sentence_view(doc, vectors[i]) for i, doc in enumerate(nlp.pipe(docs, batch_size=64))]


def time_interval(claim_time: ClaimTime | None) -> tuple[str | None, str | None] | None:
    """A claim's event time as (start, end), or None when it is unresolved, a statement time or unknown."""
    if claim_time is None or not claim_time.resolved or claim_time.of != "event":
        return None
    if claim_time.start is None and claim_time.end is None:
        return None
    return (claim_time.start, claim_time.end)


def _ranges(quantities: Sequence[ClaimQuantity], text: str) -> list[QuantityRange]:
    return [(quantity_key(q, text), q.min, q.max) for q in quantities]


def quantity_key(quantity: ClaimQuantity, text: str = "") -> str:
    """What a count counts (see the module docstring); ``text`` is the claim, read for a currency sign
    just before the count ("$ 108 million")."""
    if quantity.category:
        return quantity.category
    unit = quantity.unit.lower()
    currency = _currency(quantity, text, unit)
    if currency:
        return f"money:{currency}"
    if unit in _PERCENT:
        return "unit:percent"
    words = _WORD.findall(unit)
    if not words:
        return "unit:"
    head = words[-1]
    return f"unit:{head[:-1] if head.endswith('s') and not head.endswith('ss') else head}"


def _currency(quantity: ClaimQuantity, text: str, unit: str) -> str | None:
    words = _WORD.findall(unit)
    if words and words[0] in CURRENCY_WORDS:
        return CURRENCY_WORDS[words[0]]
    at = text.find(quantity.expression) if quantity.expression else -1
    before = text[max(0, at - 6) : at].rstrip() if at > 0 else ""
    if not before or before[-1] not in CURRENCY_SIGNS:
        return None
    prefix = re.search(r"([A-Z]{2})\$$", before)  # "US$ 14 billion", "CA$ 1 billion"
    if prefix and prefix.group(1) != "US":
        return f"{prefix.group(1)}$"
    return CURRENCY_SIGNS[before[-1]]
