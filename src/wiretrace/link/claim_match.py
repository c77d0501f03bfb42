"""Do two reports carry the same proposition? ``claim_relation(a, b)`` → "same", "different" or "contradicting".

"Dozens of attackers were killed" / "dozens of people were liquidated" / "Dozens of protesters killed" are
one proposition in three framings; "a 5.6 quake injured five on the island" / "a 5.9 quake killed ten on
the island" are two events. An embedding alone cannot tell these apart (on the claim-pair gold set the
cosines of same and of different pairs have nearly the same distribution), so the embedding similarity
is only a gate, and what the extract stage read from each claim decides the rest, in this order:

1. similarity below ``min_similarity`` → different;
2. the setting is incompatible → different (``wiretrace.link.compatibility``): places that cannot both
   hold (two cities, compared at the finest level both claims name), event times that do not overlap,
   persons named on both sides with no name of either in the other's text, or a participant on each
   side that the other never mentions ("Klitschko stopped Rahman" / "Klitschko stopped Thompson");
3. the two would be the same claim when they share an anchor — a name that one claim names and the
   other names or mentions, or the predicate with a word of its object — at ``anchored_similarity``
   or more; or when they count the same thing (two death tolls) at ``counted_similarity`` or more; or,
   with nothing shared, at ``same_similarity`` or more (near-duplicates). Then
   - one is negated or denied and the other not, at ``negation_similarity`` or more → contradicting;
   - a count of the same key cannot agree → contradicting ("three" / "10 killed"; a vague "dozens" =
     24–99 agrees with 50, "at least three" with "two women and one man"; every count is widened by
     ``approx_tolerance`` first, so "about 50" and "52" agree);
   - otherwise → same;
4. otherwise → different.

A contradiction is thus "the same claim but for the numbers or the polarity": two different events that
differ in their numbers stay *different*, which is what an analyst needs from a conflict list.
Candidates come from ``ClaimIndex`` (top-k by embedding), never from an all-pairs loop.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from wiretrace.link.claim_index import Candidate, ClaimIndex, ClaimIndexOptions
from wiretrace.link.claim_views import ClaimView, QuantityRange, claim_view, sentence_view, views_of_texts
from wiretrace.link.compatibility import places_compatible, same_actors, same_counts, shared_anchor, times_overlap

__all__ = [
    "RELATIONS",
    "Candidate",
    "ClaimIndex",
    "ClaimIndexOptions",
    "ClaimMatch",
    "ClaimMatchOptions",
    "ClaimView",
    "claim_relation",
    "claim_view",
    "compare_claims",
    "sentence_view",
    "views_of_texts",
]

SAME, DIFFERENT, CONTRADICTING = "same", "different", "contradicting"
RELATIONS = (SAME, DIFFERENT, CONTRADICTING)


@dataclass(frozen=True, slots=True)
class ClaimMatchOptions:
    """Thresholds of ``claim_relation`` (cosines of L2-normalised embeddings), tuned on the dev half of
    ``tests/data/claim_pairs`` with the default WordLlama embeddings (another model needs its own). On
    that set an anchor is the better evidence: with WordLlama only near-duplicates reach
    ``same_similarity`` without one. The ``check_*`` switches turn a compatibility gate off."""

    min_similarity: float = 0.1
    same_similarity: float = 0.9
    anchored_similarity: float = 0.15
    counted_similarity: float = 0.2
    negation_similarity: float = 0.4
    approx_tolerance: float = 0.05
    check_places: bool = True
    check_times: bool = True
    check_actors: bool = True


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    """The relation of two claims, their similarity and the reason in a few words ("killed: 3 / 10")."""

    relation: str
    similarity: float
    reason: str


def claim_relation(a: ClaimView, b: ClaimView, options: ClaimMatchOptions | None = None) -> str:
    """"same", "different" or "contradicting" (see the module docstring for the gates)."""
    return compare_claims(a, b, options).relation


def compare_claims(a: ClaimView, b: ClaimView, options: ClaimMatchOptions | None = None) -> ClaimMatch:
    """``claim_relation`` with the similarity and the reason that decided it."""
    options = options or ClaimMatchOptions()
    similarity = cosine(a.vector, b.vector)
    if similarity < options.min_similarity:
        return ClaimMatch(DIFFERENT, similarity, "dissimilar text")
    clash = _setting_clash(a, b, options)
    if clash:
        return ClaimMatch(DIFFERENT, similarity, clash)
    anchored = similarity >= options.anchored_similarity and shared_anchor(a, b)
    anchored = anchored or similarity >= options.counted_similarity and same_counts(a, b)
    if similarity < options.same_similarity and not anchored:
        return ClaimMatch(DIFFERENT, similarity, "not similar enough")
    if a.negated != b.negated and similarity >= options.negation_similarity:
        return ClaimMatch(CONTRADICTING, similarity, "one negated or denied, the other not")
    conflict = quantity_conflict(a.quantities, b.quantities, options.approx_tolerance)
    if conflict:
        return ClaimMatch(CONTRADICTING, similarity, conflict)
    return ClaimMatch(SAME, similarity, "similar and compatible")


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """The cosine of two vectors (0 when either is zero)."""
    norms = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.dot(a, b)) / norms if norms > 0 else 0.0


def _setting_clash(a: ClaimView, b: ClaimView, options: ClaimMatchOptions) -> str | None:
    if options.check_places and not places_compatible(a.places, b.places):
        return "other place"
    if options.check_times and not times_overlap(a.time, b.time):
        return "other time"
    if options.check_actors and not same_actors(a, b):
        return "other actors"
    return None


def quantity_conflict(
    a: tuple[QuantityRange, ...], b: tuple[QuantityRange, ...], tolerance: float = 0.0
) -> str | None:
    """The first key that both claims count and on which they cannot agree ("killed: 3 / 10"), or None.
    They agree on a key when some count of one overlaps some count of the other, or the sum of a
    side's counts of that key does ("three workers, a man and two women" / "three people"; "at least
    three" / "two women and one man"); every range is widened by ``tolerance`` (relative) on both sides
    first. Keys without a noun ("unit:") are never compared."""
    for key in dict.fromkeys(k for k, _, _ in a):
        if key.endswith(":"):
            continue
        left, right = _with_sum(a, key), _with_sum(b, key)
        if right and not any(
            _overlap(_widen(*x, tolerance), _widen(*y, tolerance)) for x in left for y in right
        ):
            return f"{key}: {_listed(a, key)} / {_listed(b, key)}"
    return None


def _with_sum(ranges: tuple[QuantityRange, ...], key: str) -> list[tuple[float | None, float | None]]:
    found = [(low, high) for k, low, high in ranges if k == key]
    if len(found) > 1 and all(low is not None for low, _ in found):
        high = None if any(h is None for _, h in found) else sum(h for _, h in found if h is not None)
        found.append((sum(low for low, _ in found if low is not None), high))
    return found


def _listed(ranges: tuple[QuantityRange, ...], key: str) -> str:
    return ", ".join(_show(low, high) for k, low, high in ranges if k == key)


def _widen(low: float | None, high: float | None, tolerance: float) -> tuple[float | None, float | None]:
    return (None if low is None else low * (1 - tolerance), None if high is None else high * (1 + tolerance))


def _overlap(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    low = max((x for x in (a[0], b[0]) if x is not None), default=None)
    high = min((x for x in (a[1], b[1]) if x is not None), default=None)
    return low is None or high is None or low <= high


def _show(low: float | None, high: float | None) -> str:
    def number(x: float | None) -> str:
        return "…" if x is None else f"{x:g}"

    return number(low) if low == high else f"{number(low)}–{number(high)}"
