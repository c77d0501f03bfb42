"""Cutting an article's text into pieces for display, each piece marked with the claims covering it.

Claim offsets point into ``Article.text``; a template draws each piece with ``{{ piece.text }}`` (escaped
by Jinja) inside a ``<mark>`` when claims cover it. Highlights are therefore built from escaped pieces,
never by inserting markup into the text and marking it safe. Overlapping or nested claims are handled
by cutting at every claim boundary; offsets outside the text are clipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wiretrace.records import Article, Claim, SegmentKind


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text and the ids of the claims covering it (innermost, i.e. shortest, first);
    ``starts`` lists the claims that begin here (where their anchor goes)."""

    text: str
    claims: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    factuality: str | None = None  # of the innermost claim, for its colour


@dataclass(frozen=True, slots=True)
class Block:
    """One segment of an article (title, paragraph, caption, ...) cut into pieces."""

    kind: str
    pieces: tuple[Piece, ...]
    credit: str | None = None


def anchor(claim_id: str) -> str:
    """An HTML id for a claim (claim ids hold '#', awkward in fragments and selectors)."""
    return "claim-" + "".join(c if c.isalnum() else "-" for c in claim_id)


def pieces(text: str, start: int, end: int, claims: Sequence[Claim]) -> tuple[Piece, ...]:
    """``text[start:end]`` cut at every boundary of the claims overlapping it."""
    start, end = max(0, start), min(len(text), end)
    inside = [c for c in claims if c.start < end and c.end > start and c.start < c.end]
    cuts = sorted({start, end, *(max(start, c.start) for c in inside), *(min(end, c.end) for c in inside)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = sorted((c for c in inside if c.start <= a and c.end >= b), key=lambda c: (c.end - c.start, c.id))
        out.append(Piece(
            text[a:b],
            tuple(c.id for c in covering),
            tuple(c.id for c in covering if max(start, c.start) == a),
            covering[0].factuality if covering else None,
        ))  # fmt: skip
    return tuple(out)


def blocks(article: Article, claims: Sequence[Claim]) -> tuple[Block, ...]:
    """The article's segments in order, each cut into highlighted pieces."""
    return tuple(
        Block(segment.kind.value, pieces(article.text, segment.start, segment.end, claims), segment.credit)
        for segment in article.segments
    )


def sentence_block(article: Article, claim: Claim) -> Block:
    """The segment holding ``claim`` with only that claim marked: how a mention is shown in context."""
    for segment in article.segments:
        if segment.start <= claim.start < segment.end:
            return Block(segment.kind.value, pieces(article.text, segment.start, segment.end, [claim]), segment.credit)
    return Block(SegmentKind.BODY.value, pieces(article.text, claim.start, claim.end, [claim]))
