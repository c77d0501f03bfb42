"""Clean plain text that was already scraped off a web page (no markup left).

No library cleans text that has lost its HTML (trafilatura and jusText need the tree), so this is our
own line classifier. The steps, each in its own module:

1. ``text_lines``: cut the input into lines that keep their offsets and measure their shape;
2. ``text_furniture``: label page furniture by vocabulary (widgets, cookie notices, repost markers,
   ad-blocker pleas, comment forms, copyright lines);
3. ``text_comments``: find the reader-comment thread after the article and read its comments;
4. ``text_body``: find the article body, the densest run of prose before the thread;
5. here: name the title, standfirst, headings, captions (``text_captions``, glued copies included) and
   provenance lines (``text_provenance``); everything else is dropped and listed as boilerplate.

Every kept block is a span of the input (``text == input[source_start:source_end]``), never rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from wiretrace.clean.blocks import Block, Cleaned
from wiretrace.clean.text_body import BodyOptions, find_body
from wiretrace.clean.text_captions import caption_of, split_glued
from wiretrace.clean.text_comments import Thread, find_thread
from wiretrace.clean.text_furniture import Furniture, label_furniture
from wiretrace.clean.text_lexicon import SOURCE_UNNAMED
from wiretrace.clean.text_lines import Line, split_lines
from wiretrace.clean.text_provenance import copyright_holder, host_of, repost_source
from wiretrace.clean.text_title import find_title
from wiretrace.records import SegmentKind

__all__ = ["Piece", "Role", "TextLayout", "TextOptions", "clean_text", "layout_text"]


@dataclass(frozen=True, slots=True)
class TextOptions:
    """Settings of the plain-text cleaner (all have tuned defaults)."""

    body: BodyOptions = field(default_factory=BodyOptions)
    provenance_reach: int = 3  # a copyright line this many lines after the body still closes the article
    title_lookback: int = 8  # lines above the body searched for the title


class Role(StrEnum):
    """What a piece of the input is. The first six are kept as blocks of the same ``SegmentKind``."""

    TITLE = "title"
    STANDFIRST = "standfirst"
    BODY = "body"
    HEADING = "heading"
    CAPTION = "caption"
    PROVENANCE = "provenance"
    COMMENT = "comment"  # text of a reader comment (kept apart, in ``Cleaned.comments``)
    DROPPED = "dropped"  # boilerplate, listed in ``Cleaned.boilerplate``


MAX_HEADING_WORDS = 20
_KEPT = {Role.TITLE, Role.STANDFIRST, Role.BODY, Role.HEADING, Role.CAPTION, Role.PROVENANCE}


@dataclass(frozen=True, slots=True)
class Piece:
    """A typed span ``[start, end)`` of the input."""

    start: int
    end: int
    role: Role
    credit: str | None = None


@dataclass(frozen=True)
class TextLayout:
    """Every non-blank stretch of the input with its role, in input order, plus what the page says."""

    pieces: tuple[Piece, ...]
    thread: Thread | None
    outlet: str | None
    host: str | None
    is_repost: bool


def clean_text(text: str, *, title_hint: str | None = None, options: TextOptions | None = None) -> Cleaned:
    """Separate title, standfirst, body, headings, captions, provenance, comments and boilerplate.

    Args:
        text: plain text scraped off a page.
        title_hint: the title from the container (a feed, a JSON record); used when found in the text.
        options: tuned weights; the defaults suit scraped news pages.
    """
    layout = layout_text(text, title_hint=title_hint, options=options)
    blocks: list[Block] = []
    dropped: dict[str, None] = {}
    for piece in layout.pieces:
        span = text[piece.start : piece.end]
        if piece.role in _KEPT:
            blocks.append(Block(SegmentKind(piece.role.value), span, piece.start, piece.end, piece.credit))
        elif piece.role is Role.DROPPED:
            dropped.setdefault(span, None)
    comments = tuple(layout.thread.comments) if layout.thread else ()
    return Cleaned(
        blocks=tuple(blocks),
        comments=comments,
        boilerplate=tuple(dropped),
        outlet=layout.outlet,
        host=layout.host,
        is_repost=layout.is_repost,
    )


def layout_text(text: str, *, title_hint: str | None = None, options: TextOptions | None = None) -> TextLayout:
    """The role of every non-blank stretch of ``text`` (the work behind ``clean_text``)."""
    options = options or TextOptions()
    lines = split_lines(text)
    furniture = label_furniture(lines)
    thread = find_thread(lines, furniture)
    limit = thread.start if thread else len(lines)
    body = find_body(lines, furniture, limit, options.body)
    title = find_title(lines, furniture, body, title_hint, options.title_lookback)
    roles = _line_roles(lines, furniture, body, title, thread)
    _mark_provenance(lines, furniture, body, roles, options.provenance_reach)
    pieces = _pieces(lines, roles, title, title_hint)
    outlet, is_repost = _provenance(lines, furniture, roles)
    host = host_of(lines)
    is_repost = is_repost or (host is not None and outlet is not None)
    return TextLayout(tuple(pieces), thread, outlet, host, is_repost)


def _line_roles(
    lines: Sequence[Line],
    furniture: Sequence[Furniture | None],
    body: Sequence[int],
    title: int | None,
    thread: Thread | None,
) -> list[Role]:
    roles = [Role.DROPPED] * len(lines)
    for i in body:
        roles[i] = Role.HEADING if is_heading(lines[i]) else Role.BODY
    if title is not None:
        roles[title] = Role.TITLE
    if thread:
        for i in thread.text_lines:
            roles[i] = Role.COMMENT
    _mark_captions(lines, furniture, body, roles)
    _mark_standfirst(lines, roles, title)
    return roles


def is_heading(line: Line) -> bool:
    """A section heading: a short line without final punctuation (the body scorer kept it because prose
    follows it)."""
    return line.n_words <= MAX_HEADING_WORDS and not line.ends_sentence and line.content[-1:] not in ":;,"


def _mark_captions(
    lines: Sequence[Line], furniture: Sequence[Furniture | None], body: Sequence[int], roles: list[Role]
) -> None:
    """Whole lines that are captions, between the top of the body and its end."""
    if not body:
        return
    for i in range(max(0, body[0] - 3), body[-1] + 1):
        if furniture[i] is None and roles[i] in (Role.BODY, Role.HEADING, Role.DROPPED):
            if split_glued(lines[i].text) is None and caption_of(lines[i].text) is not None:
                roles[i] = Role.CAPTION


def _mark_standfirst(lines: Sequence[Line], roles: list[Role], title: int | None) -> None:
    """The first body paragraph right under the title is the standfirst."""
    if title is None:
        return
    for i in range(title + 1, min(len(lines), title + 5)):
        if roles[i] is Role.BODY:
            roles[i] = Role.STANDFIRST
            return
        if roles[i] in (Role.HEADING, Role.COMMENT):
            return


def _mark_provenance(
    lines: Sequence[Line], furniture: Sequence[Furniture | None], body: Sequence[int], roles: list[Role], reach: int
) -> None:
    """Copyright lines inside the body or just after it close the article: provenance, not footer."""
    if not body:
        return
    for i in range(body[0], min(len(lines), body[-1] + reach + 1)):
        if furniture[i] is Furniture.COPYRIGHT and copyright_holder(lines[i].content):
            roles[i] = Role.PROVENANCE


def _pieces(lines: Sequence[Line], roles: Sequence[Role], title: int | None, title_hint: str | None) -> list[Piece]:
    """Turn line roles into spans, cutting glued captions and whole-line captions to their text."""
    pieces: list[Piece] = []
    seen_captions: set[str] = set()
    for i, line in enumerate(lines):
        role = roles[i]
        if role in (Role.BODY, Role.STANDFIRST):
            pieces.extend(_body_pieces(line, role, seen_captions))
        elif role is Role.CAPTION:
            pieces.extend(_caption_pieces(line, seen_captions))
        elif role is Role.TITLE and title_hint:
            pieces.extend(_title_pieces(line, title_hint))
        else:
            pieces.append(Piece(line.start, line.end, role))
    return pieces


def _body_pieces(line: Line, role: Role, seen: set[str]) -> list[Piece]:
    split = split_glued(line.text)
    if split is None:
        return [Piece(line.start, line.end, role)]
    base = line.start
    body_end = split.body_end
    while body_end > 0 and line.text[body_end - 1].isspace():
        body_end -= 1
    pieces = [Piece(base, base + body_end, role)] if body_end > 0 else []
    cap = split.caption
    text = line.text[cap.start : cap.end]
    if text in seen:
        pieces.append(Piece(base + cap.start, base + cap.end, Role.DROPPED))
    else:
        seen.add(text)
        pieces.append(Piece(base + cap.start, base + cap.end, Role.CAPTION, cap.credit))
    pieces.extend(Piece(base + s, base + e, Role.DROPPED) for s, e in split.repeats)
    return pieces


def _caption_pieces(line: Line, seen: set[str]) -> list[Piece]:
    cap = caption_of(line.text)
    if cap is None:
        return [Piece(line.start, line.end, Role.DROPPED)]
    text = line.text[cap.start : cap.end]
    if text in seen:
        return [Piece(line.start, line.end, Role.DROPPED)]
    seen.add(text)
    return [Piece(line.start + cap.start, line.start + cap.end, Role.CAPTION, cap.credit)]


def _title_pieces(line: Line, hint: str) -> list[Piece]:
    """The title line, cut to the hint when the line holds more (a "Title | Site" line); the rest of
    the line is dropped."""
    at = line.text.find(hint.strip())
    if at < 0:
        return [Piece(line.start, line.end, Role.TITLE)]
    start, end = line.start + at, line.start + at + len(hint.strip())
    pieces = [Piece(start, end, Role.TITLE)]
    before = line.text[:at].rstrip()
    after = line.text[at + len(hint.strip()) :]
    if before:
        pieces.insert(0, Piece(line.start, line.start + len(before), Role.DROPPED))
    if after.strip():
        lead = len(after) - len(after.lstrip())
        pieces.append(Piece(end + lead, line.end, Role.DROPPED))
    return pieces


def _provenance(
    lines: Sequence[Line], furniture: Sequence[Furniture | None], roles: Sequence[Role]
) -> tuple[str | None, bool]:
    """The original outlet and whether the page is a repost, from provenance and repost lines."""
    outlet: str | None = None
    repost = False
    footer: str | None = None
    for i, line in enumerate(lines):
        if roles[i] is Role.PROVENANCE and outlet is None:
            outlet = copyright_holder(line.content)
        elif furniture[i] is Furniture.REPOST:
            repost = True
            if not SOURCE_UNNAMED.fullmatch(line.content):
                outlet = outlet or repost_source(line.content)
        elif furniture[i] is Furniture.COPYRIGHT and footer is None:
            footer = copyright_holder(line.content)
    if outlet is None and not repost:
        outlet = footer
    return outlet, repost
