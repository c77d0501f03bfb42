"""The article-level factuality pass: a later confirmation, non-confirmation or denial answers an earlier claim.

``DESIGN.md``: "A hedge cue followed in the same article by a named confirmation gives ``confirmed``, with
both cues kept." The conventions of ``seeds/expected.json`` add: a claim that a source says is not confirmed
takes the status ``not-confirmed`` (both cues kept); a denial lists the claims it rejects.

``link_confirmations_and_denials`` is a pure function over anything shaped like ``ClaimLike`` (character
offsets, text, whether the speaker is named, the clause-level ``Factuality``), so the claim extractor can feed
it its own records. Which earlier claim an answer is about:

1. the earlier claim sharing the most content words with it (at least ``min_overlap`` of the answer's
   content words), else
2. when the answer points back ("this fact", "the report", "these claims", "it"), the nearest earlier claim
   that it can change (for a confirmation: a hedged claim or one from an unnamed source).

Effects: a confirmation by a named speaker upgrades a hedged claim, or an asserted claim of an unnamed
speaker, to ``confirmed`` (cues: the claim's, then the confirmation's); a not-confirmed answer makes the target
``not-confirmed`` (same cue rule); a denial leaves the target's label as it is and records the link. The answer
lists its targets in ``confirms`` or ``denies`` (a not-confirmed answer lists them in ``denies``, as the seed
conventions do).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from wiretrace.extract.factuality import Factuality

ANSWER_LABELS = ("confirmed", "not-confirmed", "denied")
ANAPHORA = re.compile(
    r"\b(this|that|these|those|it|such)\b|\bthe (report|reports|information|claim|claims|news|allegation|"
    r"allegations|account|story|accusation|accusations|fact|rumou?rs?)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{3,}|\d+", re.UNICODE)
STOPWORDS = frozenset(
    """the and that this these those with from have has had was were are been being for not but its their
    his her they them there which who whom what when where will would could should may might can into about
    than then also said says say told reported according confirmed confirms confirm denied denies deny
    information report reports claim claims fact news not true false""".split()
)


class ClaimLike(Protocol):
    """What the pass needs of a claim: its place, its text, whether its speaker is named, its factuality."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def speaker_is_named(self) -> bool: ...

    @property
    def factuality(self) -> Factuality: ...


@dataclass(frozen=True, slots=True)
class LinkOptions:
    """``min_overlap``: share of an answer's content words an earlier claim must contain to be its target."""

    min_overlap: float = 0.34


@dataclass(frozen=True, slots=True)
class LinkedFactuality:
    """A claim's factuality after the article-level pass and the claims it answers (indexes into the input)."""

    factuality: Factuality
    confirms: tuple[int, ...] = ()
    denies: tuple[int, ...] = ()


def link_confirmations_and_denials(
    claims: Sequence[ClaimLike], *, options: LinkOptions | None = None
) -> tuple[LinkedFactuality, ...]:
    """One ``LinkedFactuality`` per input claim, in input order; the input is not changed."""
    options = options or LinkOptions()
    result = [LinkedFactuality(c.factuality) for c in claims]
    order = sorted(range(len(claims)), key=lambda i: (claims[i].start, claims[i].end))
    for position, j in enumerate(order):
        answer = claims[j]
        if answer.factuality.label not in ANSWER_LABELS:
            continue
        earlier = [i for i in order[:position] if claims[i].end <= answer.start]
        target = find_target(answer, [(i, claims[i]) for i in earlier], options)
        if target is None:
            continue
        result[target], result[j] = _apply(answer, claims[target], result[target], result[j], target)
    return tuple(result)


def find_target(answer: ClaimLike, earlier: Sequence[tuple[int, ClaimLike]], options: LinkOptions) -> int | None:
    """The index of the earlier claim ``answer`` is about, or ``None``."""
    words = content_words(answer.text)
    best, best_share = None, 0.0
    for index, claim in earlier:
        if claim.factuality.label in ANSWER_LABELS and claim.factuality.label != "confirmed":
            continue
        share = len(words & content_words(claim.text)) / len(words) if words else 0.0
        if share > best_share or (share == best_share and best is not None and share > 0):
            best, best_share = index, share
    if best is not None and best_share >= options.min_overlap:
        return best
    if not ANAPHORA.search(answer.text):
        return None
    for index, claim in reversed(earlier):
        if _changeable(answer, claim):
            return index
    return None


def content_words(text: str) -> set[str]:
    return {w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in STOPWORDS}


def _changeable(answer: ClaimLike, claim: ClaimLike) -> bool:
    label = claim.factuality.label
    if answer.factuality.label == "confirmed":
        return label == "hedged" or (label == "asserted" and not claim.speaker_is_named)
    return label not in ANSWER_LABELS


def _apply(
    answer: ClaimLike, target: ClaimLike, linked_target: LinkedFactuality, linked_answer: LinkedFactuality, index: int
) -> tuple[LinkedFactuality, LinkedFactuality]:
    label = answer.factuality.label
    if label == "denied":
        return linked_target, _with_link(linked_answer, denies=index)
    if label == "not-confirmed":
        changed = _merged("not-confirmed", linked_target.factuality, answer.factuality)
        return _replace(linked_target, changed), _with_link(linked_answer, denies=index)
    if not answer.speaker_is_named or not _changeable(answer, target):
        return linked_target, linked_answer
    changed = _merged("confirmed", linked_target.factuality, answer.factuality)
    return _replace(linked_target, changed), _with_link(linked_answer, confirms=index)


def _merged(label: str, first: Factuality, second: Factuality) -> Factuality:
    return Factuality(label, first.cues + second.cues, first.cue_spans + second.cue_spans)


def _replace(linked: LinkedFactuality, factuality: Factuality) -> LinkedFactuality:
    return LinkedFactuality(factuality, linked.confirms, linked.denies)


def _with_link(linked: LinkedFactuality, *, confirms: int | None = None, denies: int | None = None) -> LinkedFactuality:
    return LinkedFactuality(
        linked.factuality,
        linked.confirms + ((confirms,) if confirms is not None else ()),
        linked.denies + ((denies,) if denies is not None else ()),
    )
