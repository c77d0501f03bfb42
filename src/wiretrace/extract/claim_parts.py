"""What a claim carries beside its words: its time, places, quantities and entities.

The finders of the other modules (``timex``, ``places``, ``quantities``) tag the whole document once;
this module decides which of their findings belong to one claim, by scope:

- **time**: an expression inside the claim's clause and its content is the event's time (a verbless
  content's claim carries its frame: in "The ministry on Friday announced the reopening" the time is the
  statement's); else one elsewhere in the same sentence of the same content (a fronted "On the night of
  D, A happened, B happened" dates both); else one in the attribution's frame ("Earlier it was reported:
  ...") is the statement's time, unless it is in another claim's clause ("X said A, while Y said B on
  Monday" does not date X's statement); else none.
- **places**: the places named in the clause, else in its sentence, else those inherited, in this
  order: the claim it answers ("this information was not confirmed"), the previous claim of the same
  paragraph (a report keeps talking about where it is), the heading of its section ("Protests in X –
  what you need to know"), the city the article mentions most. A definite "the square" takes the last
  named facility with that head noun. Facilities list their city after them.
- **quantities** and **entities**: those inside the clause only (a count belongs to one proposition).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from wiretrace.extract.places import PlaceMention
from wiretrace.extract.quantities import Quantity
from wiretrace.extract.timex import TimeExpression
from wiretrace.records import ClaimPlace, ClaimQuantity, ClaimTime, Entity

ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC", "GPE", "LOC"})
_DETERMINERS = ("the ", "a ", "an ", "The ", "A ", "An ")


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a claim sits: its clause, its sentence, the content it belongs to and its attribution frame
    (cue and source ranges), all as character ranges of the document text."""

    clause: tuple[int, int]
    sentence: tuple[int, int]
    content: tuple[int, int]
    frame: tuple[tuple[int, int], ...] = ()
    paragraph: tuple[int, int] = (0, 0)


def _inside(start: int, end: int, outer: tuple[int, int]) -> bool:
    return outer[0] <= start and end <= outer[1]


def claim_time(
    times: Sequence[TimeExpression], scope: Scope, frame_sentences: Sequence[tuple[int, int]],
    elsewhere: Sequence[tuple[int, int]] = (),
) -> ClaimTime | None:
    """The time of the claim in ``scope`` (see the module docstring for the order of preference);
    ``elsewhere`` are the clauses of the other claims, whose times are never this claim's statement time."""
    in_clause = [t for t in times if _inside(t.start, t.end, scope.clause) and _inside(t.start, t.end, scope.content)]
    if in_clause:
        return as_claim_time(in_clause[0], "event")
    same_content = [
        t for t in times if _inside(t.start, t.end, scope.sentence) and _inside(t.start, t.end, scope.content)
        and t.start < scope.clause[0]
    ]
    if same_content:
        return as_claim_time(same_content[-1], "event")
    framing = [t for t in times if any(_inside(t.start, t.end, s) for s in frame_sentences)]
    framing = [
        t for t in framing
        if not _inside(t.start, t.end, scope.content) and not any(_inside(t.start, t.end, c) for c in elsewhere)
    ]  # fmt: skip
    if framing:
        return as_claim_time(framing[0], "statement")
    return None


def as_claim_time(found: TimeExpression, of: str) -> ClaimTime:
    """The record of one time expression, as the event's or the statement's time."""
    record = found.as_record()
    return ClaimTime(
        start=record["start"], end=record["end"], granularity=record["granularity"],
        expression=record["expression"], resolved=record["resolved"], of=of,
        year_inferred=found.year_inferred, approx=found.approx,
    )  # fmt: skip


def claim_quantities(found: Sequence[Quantity], scope: Scope) -> tuple[ClaimQuantity, ...]:
    """The counts inside the clause, as records."""
    return tuple(
        ClaimQuantity(q.category, q.min, q.max, q.unit, q.approx, q.expression)
        for q in found if _inside(q.start, q.end, scope.clause)
    )  # fmt: skip


def claim_places(
    doc: Doc, mentions: Sequence[PlaceMention], scope: Scope, inherited: Sequence[tuple[ClaimPlace, ...]]
) -> tuple[ClaimPlace, ...]:
    """The places the claim is about, most specific first, each facility followed by its city;
    ``inherited`` are the fallbacks in order of preference (see the module docstring)."""
    own = [m for m in mentions if _inside(m.start, m.end, scope.clause)]
    own += _facility_references(doc, mentions, scope.clause)
    if not own:
        own = [m for m in mentions if _inside(m.start, m.end, scope.sentence)]
    if own:
        return _ordered(own, mentions)
    return next((places for places in inherited if places), ())


def places_within(mentions: Sequence[PlaceMention], start: int, end: int) -> tuple[ClaimPlace, ...]:
    """The places named between ``start`` and ``end`` (a heading), as claim places."""
    inside = [m for m in mentions if _inside(m.start, m.end, (start, end))]
    return _ordered(inside, mentions) if inside else ()


def main_place(mentions: Sequence[PlaceMention]) -> tuple[ClaimPlace, ...]:
    """The city the text mentions most (facilities count for their city), first mentioned on a tie."""
    counts: dict[str, int] = {}
    for mention in mentions:
        city = mention.place.name if mention.place.kind == "city" else mention.place.parent
        if city and (mention.place.kind == "city" or mention.place.kind == "facility"):
            counts[city] = counts.get(city, 0) + 1
    if not counts:
        return ()
    best = max(counts, key=lambda c: counts[c])  # dicts keep first-seen order: ties go to the first
    city = next(m for m in mentions if m.place.name == best)
    return (_record(city),)


def _facility_references(doc: Doc, mentions: Sequence[PlaceMention], clause: tuple[int, int]) -> list[PlaceMention]:
    """'the square', 'the tower': the last facility named before the clause with that head noun."""
    span = doc.char_span(*clause, alignment_mode="expand")
    if span is None:
        return []
    found = []
    for token in span:
        if token.pos_ != "NOUN" or not any(c.lower_ in {"the", "this", "that"} for c in token.children):
            continue
        earlier = [
            m for m in mentions
            if m.place.kind == "facility" and m.end <= token.idx and m.place.name.lower().split()[-1] == token.lower_
        ]  # fmt: skip
        if earlier:
            found.append(earlier[-1])
    return found


def _ordered(own: list[PlaceMention], mentions: Sequence[PlaceMention]) -> tuple[ClaimPlace, ...]:
    rank = {"facility": 0, "city": 1, "region": 2, "country": 3}
    places: dict[str, ClaimPlace] = {}
    for mention in sorted(own, key=lambda m: (rank.get(m.place.kind, 4), m.start)):
        places.setdefault(mention.place.name, _record(mention))
        parent = mention.place.parent
        if mention.place.kind == "facility" and parent and parent not in places:
            city = next((m for m in mentions if m.place.name == parent), None)
            if city is not None:
                places[parent] = _record(city)
    return tuple(places.values())


def _record(mention: PlaceMention) -> ClaimPlace:
    place = mention.place
    return ClaimPlace(place.name, place.kind, place.country, place.lat, place.lon, mention.text, place.parent)


def claim_entities(span: Span) -> tuple[Entity, ...]:
    """The named entities inside the clause (people, organisations, groups, places), determiner dropped."""
    seen: dict[tuple[str, str], Entity] = {}
    for ent in span.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = ent.text
        for determiner in _DETERMINERS:
            if name.startswith(determiner):
                name = name[len(determiner):]
        seen.setdefault((name, ent.label_), Entity(name, ent.label_, ent.text))
    return tuple(seen.values())
