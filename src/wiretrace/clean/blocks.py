"""What a cleaner returns, and how it becomes an ``Article`` with one canonical text.

Both cleaners (HTML and plain text) produce a ``Cleaned``: the kept blocks in reading order, each typed,
plus comments, dropped boilerplate and what the page says of its provenance. ``to_article`` joins the
blocks into the article's canonical text (blocks separated by a blank line) and records each block's
character range there, so every later offset points into one string.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wiretrace.records import Article, Comment, Document, Segment, SegmentKind

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Block:
    """A kept piece of text. ``source_start``/``source_end`` locate it in the input text when the
    cleaner worked on plain text (``text == input[source_start:source_end]``); HTML blocks have none."""

    kind: SegmentKind
    text: str
    source_start: int | None = None
    source_end: int | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A cleaner's verdict on one document."""

    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...] = ()
    boilerplate: tuple[str, ...] = ()
    outlet: str | None = None  # the original publisher named by the page (a copyright line, a byline)
    host: str | None = None  # the kind of site it was scraped from, when the page shows it
    is_repost: bool = False
    published_at: datetime | None = None
    published_at_inferred: bool = False


def to_article(document: Document, cleaned: Cleaned, *, language: str | None) -> Article:
    """Join the cleaned blocks into the canonical text; container hints win over guesses from text
    (a feed entry's or JSON record's title heads the article when its text names none)."""
    blocks = cleaned.blocks
    if document.title and not any(b.kind is SegmentKind.TITLE for b in blocks):
        blocks = (Block(SegmentKind.TITLE, document.title), *blocks)
    parts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if parts:
            offset += len(BLOCK_SEPARATOR)
        segments.append(Segment(block.kind, offset, offset + len(text), block.credit))
        parts.append(text)
        offset += len(text)
    outlet = document.outlet or cleaned.outlet
    return Article(
        document_id=document.id,
        text=BLOCK_SEPARATOR.join(parts),
        segments=tuple(segments),
        comments=cleaned.comments,
        outlet=outlet,
        host=cleaned.host,
        is_repost=cleaned.is_repost,
        url=document.url,
        published_at=document.published_at or cleaned.published_at,
        published_at_inferred=document.published_at is None and cleaned.published_at_inferred,
        language=language,
        boilerplate=cleaned.boilerplate,
    )
