"""A story's setting: the places and names so many of its claims mention that they anchor nothing.

Across stories, a shared place or name is good evidence that two claims are about one event ("the
quake in X" / "the tremor that hit X"). Within one story it is not: every claim of the Lima protests
names Lima. ``Setting`` counts, per story, in how many claims each capitalised word and place word
occurs; a name all of whose words occur in more than ``share`` of the story's claims is part of the
setting, and ``without_setting`` drops such names and areas from a claim's view before two claims of
the story are compared (an IDF for anchors, computed within the story as claims arrive). Only areas
(countries, regions, cities) can be setting, and a country always is (stories rarely cross borders,
and a claim's country is most often the reader's orientation, not what it is about): a square, a building or a street a claim names is what
it is about, however often it recurs in the story (one that the claim only inherits from its
sentence or paragraph anchors nothing).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import lru_cache

from wiretrace.link.claim_views import ClaimView
from wiretrace.records import ClaimPlace

__all__ = ["Setting"]

_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
AREA_KINDS = frozenset({"country", "region", "city"})
_FUNCTION_WORDS = frozenset({"the", "this", "that", "these", "those", "there", "they", "and", "but", "its", "his", "her"})


class Setting:
    """Running counts of the name words of one story's claims. ``share``: above it a name is the
    setting; ``floor``: the fewest claims a name must be in to be common at a share asked for."""

    def __init__(self, share: float = 0.2, floor: int = 5) -> None:
        self.share, self.floor = share, floor
        self.claims = 0
        self._counts: Counter[str] = Counter()

    def add(self, view: ClaimView) -> None:
        """Count one claim of the story."""
        self.claims += 1
        self._counts.update(_words_of(view))

    def covers(self, name: str, share: float | None = None) -> bool:
        """Whether every word of ``name`` is in more than ``share`` (default: the setting's) of the
        story's claims; a ``share`` given is also held to more than ``floor`` claims (a name a handful
        of claims share is specific, whatever share of a young story that is)."""
        limit = self.share * self.claims if share is None else max(share * self.claims, self.floor)
        words = _lower_words(name)
        return bool(words) and self.claims > 0 and all(self._counts[w] > limit for w in words)

    def _anchors_area(self, place: ClaimPlace, share: float | None) -> bool:
        return place.kind != "country" and not (self.covers(place.name, share) or self.covers(place.mention, share))

    def _anchors_site(self, place: ClaimPlace, text: str, share: float | None) -> bool:
        """A square, building or street anchors when the claim writes it (and, with ``share``, when its
        name is not made of words that common in the story)."""
        written = bool(place.mention) and place.mention in text
        return written and (share is None or not self.covers(place.mention, share))

    def without_setting(self, view: ClaimView, share: float | None = None) -> ClaimView:
        """The view with the setting's names and places removed (see the module docstring); with
        ``share``, the names and areas in more than that share of the story's claims."""
        places = tuple(p for p in view.places if (self._anchors_area(p, share) if p.kind in AREA_KINDS
                                                  else self._anchors_site(p, view.text, share)))
        names = tuple(n for n in view.names if not self._common_name(n, share))
        actors = tuple(a for a in view.actors if a in names)
        if places == view.places and names == view.names:
            return view
        return dataclasses.replace(view, places=places, names=names, actors=actors)

    def _common_name(self, name: str, share: float | None) -> bool:
        """Whether ``name`` is the setting's (every word in more than the setting's share of claims) or,
        with ``share``, has any word in more than that share ("Ilse Marlow" where the story is about
        Marlow: a main actor, whichever of her names a claim uses)."""
        if share is None:
            return self.covers(name)
        return any(self.covers(word, share) for word in _lower_words(name))


@lru_cache(maxsize=65536)
def _lower_words(name: str) -> frozenset[str]:
    """The name words of a name or place, lower-cased (cached: a story's names recur in every claim)."""
    return frozenset(w.lower() for w in _NAME_WORD.findall(name))


def _words_of(view: ClaimView) -> set[str]:
    """The claim's capitalised words, the words of the persons it names and the resolved names of the
    areas it is placed in (written or inherited from its sentence or paragraph)."""
    words = {w.lower() for w in _NAME_WORD.findall(view.text) if w[:1].isupper()}
    words |= {w.lower() for name in view.names for w in _NAME_WORD.findall(name)}
    for place in view.places:
        if place.kind in AREA_KINDS:
            words |= {w.lower() for w in _NAME_WORD.findall(place.name)}
    return words - _FUNCTION_WORDS
