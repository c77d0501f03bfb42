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

from wiretrace.link.claim_views import ClaimView
from wiretrace.records import ClaimPlace

__all__ = ["Setting"]

_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
AREA_KINDS = frozenset({"country", "region", "city"})
_FUNCTION_WORDS = frozenset({"the", "this", "that", "these", "those", "there", "they", "and", "but", "its", "his", "her"})


class Setting:
    """Running counts of the name words of one story's claims."""

    def __init__(self, share: float = 0.2) -> None:
        self.share = share
        self.claims = 0
        self._counts: Counter[str] = Counter()

    def add(self, view: ClaimView) -> None:
        """Count one claim of the story."""
        self.claims += 1
        self._counts.update(_words_of(view))

    def covers(self, name: str) -> bool:
        """Whether every word of ``name`` is in more than ``share`` of the story's claims."""
        words = {w.lower() for w in _NAME_WORD.findall(name)}
        return bool(words) and self.claims > 0 and all(self._counts[w] > self.share * self.claims for w in words)

    def _anchors_area(self, place: ClaimPlace) -> bool:
        return place.kind != "country" and not (self.covers(place.name) or self.covers(place.mention))

    def without_setting(self, view: ClaimView) -> ClaimView:
        """The view with the setting's names and places removed (see the module docstring)."""
        places = tuple(p for p in view.places if (self._anchors_area(p) if p.kind in AREA_KINDS
                                                  else bool(p.mention) and p.mention in view.text))
        names = tuple(n for n in view.names if not self.covers(n))
        actors = tuple(a for a in view.actors if a in names)
        if len(places) == len(view.places) and len(names) == len(view.names):
            return view
        return dataclasses.replace(view, places=places, names=names, actors=actors)


def _words_of(view: ClaimView) -> set[str]:
    """The claim's capitalised words, the words of the persons it names and the resolved names of the
    areas it is placed in (written or inherited from its sentence or paragraph)."""
    words = {w.lower() for w in _NAME_WORD.findall(view.text) if w[:1].isupper()}
    words |= {w.lower() for name in view.names for w in _NAME_WORD.findall(name)}
    for place in view.places:
        if place.kind in AREA_KINDS:
            words |= {w.lower() for w in _NAME_WORD.findall(place.name)}
    return words - _FUNCTION_WORDS
