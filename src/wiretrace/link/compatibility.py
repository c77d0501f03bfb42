"""Can two claims be about the same event? Their places, times and named actors, compared.

Each test answers "compatible" whenever one side says nothing: a claim without a place is compatible
with any place, and so on. Only positive evidence of two settings makes a pair incompatible.

Places are compared at the finest level both claims name: cities (a facility counts as the city it lies
in) when both name one, else regions, else countries. Two places are compatible when they are the same,
when one is the other's parent (a city and its country, a facility and its city), or when one is a
country and the other lies in it. Places of two levels only (a region and a city) are taken as
compatible: without a containment table for regions, and with the gazetteer's occasional misreading of
a name as a town abroad, a clash across levels is weak evidence. Cities whose names differ are
incompatible: the gazetteer has no districts, so "Hollywood" and "Los Angeles" count as two cities (a
known cost).

Names are matched by words of three letters or more, case-insensitively against the names of the
other claim or against the words its text writes capitalised ("Reid" matches "Tara Reid").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from wiretrace.records import ClaimPlace

__all__ = ["places_compatible", "same_actors", "same_counts", "shared_anchor", "times_overlap"]

LEVELS = (("city", "facility"), ("region",), ("country",))
_TEXT_WORDS = re.compile(r"[^\W\d_]+")


class Actors(Protocol):
    """What ``same_actors`` reads of a claim view."""

    text: str
    actors: tuple[str, ...]
    names: tuple[str, ...]


class Anchored(Actors, Protocol):
    """What ``shared_anchor`` reads of a claim view."""

    predicate: str | None
    object: str | None
    places: tuple[ClaimPlace, ...]
    quantities: tuple[tuple[str, float | None, float | None], ...]


def places_compatible(a: Sequence[ClaimPlace], b: Sequence[ClaimPlace]) -> bool:
    """Whether some place of ``a`` and some place of ``b`` can be the same setting (see the module
    docstring); True when either side names no place."""
    if not a or not b:
        return True
    for kinds in LEVELS:
        left, right = _at_level(a, kinds), _at_level(b, kinds)
        if left and right:
            return any(_place_fits(p, q) for p in left for q in right)
    return True


def _at_level(places: Sequence[ClaimPlace], kinds: tuple[str, ...]) -> list[ClaimPlace]:
    """The places of one level; a facility stands for its city (a facility without a known city is
    dropped: it may be a misread name)."""
    found = []
    for place in places:
        if place.kind == "facility":
            if "city" in kinds and place.parent:
                found.append(ClaimPlace(place.parent, "city", place.country, None, None, place.parent))
        elif place.kind in kinds:
            found.append(place)
    return found


def _place_fits(p: ClaimPlace, q: ClaimPlace) -> bool:
    if _norm(p.name) == _norm(q.name):
        return True
    if p.parent and _norm(p.parent) == _norm(q.name) or q.parent and _norm(q.parent) == _norm(p.name):
        return True
    if p.kind == "country" or q.kind == "country":
        return bool(p.country and q.country and p.country == q.country)
    return False


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def times_overlap(a: tuple[str | None, str | None] | None, b: tuple[str | None, str | None] | None) -> bool:
    """Whether two half-open ISO intervals can overlap; True when either is None or open on the side
    that matters. ISO strings of one form compare in time order."""
    if a is None or b is None:
        return True
    (a_start, a_end), (b_start, b_end) = a, b
    if a_end is not None and b_start is not None and _date(a_end) <= _date(b_start):
        return False
    return not (b_end is not None and a_start is not None and _date(b_end) <= _date(a_start))


def _date(iso: str) -> str:
    """The comparable prefix of an ISO datetime (offsets are dropped: claims of one run share a zone
    convention, and a day-level disagreement is what matters here)."""
    return iso[:19]


def same_actors(a: Actors, b: Actors) -> bool:
    """Whether two claims can be about the same people. They cannot when both name persons and no name
    of either has a word in the other's text ("Tara Reid checked into rehab" / "Lindsay Lohan checked
    into rehab"), nor when each has a participant (``ClaimView.actors``) that the other's text never
    mentions ("Klitschko stopped Rahman" / "Klitschko stopped Thompson"). Reading the other's *text*,
    not only its recognised names, keeps a pair compatible when the recogniser missed a name on one
    side ("the champion dropped Thompson" / "Klitschko stopped Tony Thompson")."""
    if a.names and b.names and not (_named_in(a.names, b.text) or _named_in(b.names, a.text)):
        return False
    return not (_unmentioned(a.actors, b.text) and _unmentioned(b.actors, a.text))


def _unmentioned(actors: Sequence[str], text: str) -> bool:
    return any(not _named_in([actor], text) for actor in actors)


def _named_in(names: Sequence[str], text: str) -> bool:
    """Whether some name has a word of three letters or more that ``text`` writes capitalised."""
    words = {w.lower() for w in _TEXT_WORDS.findall(text) if w[:1].isupper()}
    return any(_name_words(name) & words for name in names)


def _name_words(name: str) -> set[str]:
    return {w.lower() for w in _TEXT_WORDS.findall(name) if len(w) >= 3}


def shared_anchor(a: Anchored, b: Anchored) -> bool:
    """Whether two claims share something concrete beside their wording: a name (a person or place
    that one names and the other names too or its text mentions), or the same predicate with objects
    that share a word."""
    proper_a, proper_b = _proper(a), _proper(b)
    if _named_in(proper_a, b.text) or _named_in(proper_b, a.text):
        return True
    if {w for n in proper_a for w in _name_words(n)} & {w for n in proper_b for w in _name_words(n)}:
        return True
    return bool(a.predicate and a.predicate == b.predicate and _name_words(a.object or "") & _name_words(b.object or ""))


def same_counts(a: Anchored, b: Anchored) -> bool:
    """Whether both claims count the same thing ("killed", "unit:metre": two reports of a death toll or
    of a fall's height); a weaker anchor than a shared name."""
    return bool(_counted(a) & _counted(b))


def _proper(view: Anchored) -> list[str]:
    """The names and place names of a claim (places as written and as resolved)."""
    return [*view.names, *(p.mention for p in view.places), *(p.name for p in view.places if p.kind != "country")]


def _counted(view: Anchored) -> set[str]:
    """The keys of the claim's counts that name what is counted ("killed", "unit:metre", "money:$")."""
    return {key for key, _, _ in view.quantities if not key.endswith(":")}
