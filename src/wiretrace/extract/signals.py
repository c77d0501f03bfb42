"""Story signals: what the link stage needs of a parsed article to put it in a story.

Read once from the spaCy Doc while the extract stage has it, stored with the article's extraction, so
linking never parses again: weighted bags of keys per channel, the title and lead (embedded at link
time), the years and day dates the text names, and its most named actors and places.

The channels (see ``wiretrace.link.stories`` for how they are scored): content lemmas of the whole
text (``terms``) and of the title and lead (``lead_terms``); tokens of named entities anywhere
(``entities``) and in the lead (``lead_entities``); tokens of PERSON entities (``persons``); proper-noun
tokens (``names``, robust to the small model's NER slips); canonical places (``places``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime

from spacy.tokens import Doc, Span, Token

from wiretrace.records import StorySignals

__all__ = ["CHANNELS", "lead_sentences", "lead_text", "story_signals"]

CHANNELS = ("terms", "lead_terms", "entities", "lead_entities", "persons", "names", "places")
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_YEAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def story_signals(doc: Doc, *, lead_count: int = 2, recent_years: int = 2) -> StorySignals:
    """The story signals of a Doc parsed by ``wiretrace.extract.nlp.load_pipeline()`` (it reads
    ``doc.ents``, ``doc._.places``, ``doc._.times`` and, when set, ``doc._.published_at``).

    ``lead_count``: how many text sentences after any dateline make the title and lead;
    ``recent_years``: how many of the latest years the text names count as its years (a report names its
    own year and, often, years of background history: "the 2005 quake"); 0 keeps them all.
    """
    lead = lead_sentences(doc, lead_count)
    lead_end = lead[-1].end_char if lead else 0
    entities = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    places = [m.place.name for m in _extension(doc, "places")]
    bags = {
        "terms": _bag(_lemma(t) for t in doc if _is_content(t)),
        "lead_terms": _bag(_lemma(t) for t in doc if t.idx < lead_end and (_is_content(t) or t.like_num)),
        "entities": _bag(word for e in entities for word in _name_words(e)),
        "lead_entities": _bag(word for e in entities if e.start_char < lead_end for word in _name_words(e)),
        "persons": _bag(word for e in entities if e.label_ == "PERSON" for word in _name_words(e)),
        "names": _bag(t.text.lower() for t in doc if t.pos_ == "PROPN" and t.is_alpha and len(t) > 1),
        "places": _bag(places),
    }
    years, dates = _years_and_dates(doc)
    kept_years = sorted(years)[-recent_years:] if recent_years > 0 else sorted(years)
    actors = Counter(" ".join(e.text.split()) for e in entities if e.label_ in ACTOR_LABELS)
    return StorySignals(
        title=lead[0].text.strip() if lead else doc.text[:120].strip(),
        lead=lead_text(lead) or doc.text[:500],
        bags=bags,
        years=tuple(kept_years),
        dates=tuple(d.isoformat() for d in dates),
        actors=tuple(name for name, _ in actors.most_common()),
        places=tuple(name for name, _ in Counter(places).most_common()),
    )


def lead_sentences(doc: Doc, count: int) -> list[Span]:
    """The first ``count`` sentences that read as text: at least four words, not a dateline or byline
    made mostly of a date or time."""
    chosen: list[Span] = []
    for sentence in doc.sents:
        words = [t for t in sentence if t.is_alpha]
        dated = sum(t.ent_type_ in {"DATE", "TIME"} for t in sentence)
        if len(words) >= 4 and dated * 2 < len(sentence):
            chosen.append(sentence)
            if len(chosen) == count:
                break
    return chosen


def lead_text(sentences: Iterable[Span]) -> str:
    """The lead sentences as one text, one per line."""
    return "\n".join(s.text.strip() for s in sentences)


def _is_content(token: Token) -> bool:
    return token.is_alpha and not token.is_stop and token.pos_ in CONTENT_POS and len(token) > 1


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _name_words(entity: Span) -> Iterable[str]:
    return (t.text.lower() for t in entity if t.is_alpha and not t.is_stop and len(t) > 1)


def _bag(keys: Iterable[str]) -> dict[str, float]:
    return {key: 1.0 + math.log(count) for key, count in Counter(keys).items()}


def _extension(doc: Doc, name: str) -> list:
    return (getattr(doc._, name, None) or []) if Doc.has_extension(name) else []


def _years_and_dates(doc: Doc) -> tuple[frozenset[int], tuple[date, ...]]:
    """Explicit years the text names (resolved, not vague) and the article's dates: its publication
    date when known (its year counts as named), else the day dates the text names."""
    years: set[int] = set()
    days: set[date] = set()
    for expression in _extension(doc, "times"):
        match = _YEAR.match(expression.value or "") if not expression.vague else None
        if not match:
            continue
        years.add(int(match[1]))
        if match[3]:
            days.add(date(int(match[1]), int(match[2]), int(match[3])))
    published = getattr(doc._, "published_at", None) if Doc.has_extension("published_at") else None
    if isinstance(published, datetime):
        years.add(published.year)
        days = {published.date()}  # the story's span is then its reporting span
    return frozenset(years), tuple(sorted(days))
