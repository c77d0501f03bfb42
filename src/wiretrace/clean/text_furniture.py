"""Tell page furniture by its vocabulary: widgets, cookie notices, repost markers, pleas, comment forms.

Each line gets at most one ``Furniture`` label from the tables of ``text_lexicon``. Two kinds run over
several lines and are grown from a cue line: an ad-blocker or donation *plea* (a block of short lines
around a strong cue, through its sign-off) and a *comment form* (from "Leave a Reply" to its last line).
Long prose lines are never furniture, so a body sentence that mentions a widget word is safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from wiretrace.clean.text_lexicon import (
    AUTHOR_SAYS,
    COMMENT_DATE,
    BIO_LINE,
    COOKIE_NOTICE,
    COPYRIGHT_LINE,
    FORM_END,
    FORM_LINE,
    FORM_PROMPT,
    FORM_START,
    PLEA_STRONG,
    PLEA_WEAK,
    REPOST_LINE,
    SIGN_OFF,
    WIDGET_LINE,
    author_and_date,
)
from wiretrace.clean.text_lines import Line

MAX_WIDGET_WORDS = 30  # a widget line is short; longer lines are judged as prose
MAX_PLEA_WORDS = 45  # a plea is a block of short appeals, not an article paragraph
MAX_COOKIE_WORDS = 90
MAX_FORM_FILLER_WORDS = 8
MAX_BIO_WORDS = 80  # short lines between a form's first and last line ("Google photo")


class Furniture(StrEnum):
    """Why a line is page furniture."""

    WIDGET = "widget"  # share/login/newsletter/navigation/"read more" lines
    COOKIE = "cookie"  # cookie and consent notices
    REPOST = "repost"  # "Source link", "Originally published at ..."
    PLEA = "plea"  # ad-blocker and donation pleas through their sign-off
    FORM = "form"  # comment forms and comment-service widgets
    COPYRIGHT = "copyright"  # copyright lines (kept as provenance when they close the article)
    BIO = "bio"  # the author's biography under an article


def label_furniture(lines: Sequence[Line]) -> list[Furniture | None]:
    """One label (or None) per line, pleas and comment forms grown over their whole extent."""
    labels: list[Furniture | None] = [_single(line) for line in lines]
    _grow_pleas(lines, labels)
    _grow_forms(lines, labels)
    return labels


def _single(line: Line) -> Furniture | None:
    text = line.content
    words = line.n_words
    if words <= MAX_WIDGET_WORDS:
        if FORM_LINE.fullmatch(text) or FORM_START.fullmatch(text) or FORM_END.fullmatch(text) or FORM_PROMPT.fullmatch(text):
            return Furniture.FORM
        if is_copyright(line):
            return Furniture.COPYRIGHT
        if REPOST_LINE.fullmatch(text):
            return Furniture.REPOST
        if WIDGET_LINE.fullmatch(text):
            return Furniture.WIDGET
    if words <= MAX_COOKIE_WORDS and COOKIE_NOTICE.search(text):
        return Furniture.COOKIE
    if words <= MAX_BIO_WORDS and BIO_LINE.match(text):
        return Furniture.BIO
    return None


def is_copyright(line: Line) -> bool:
    """A copyright line: it starts with a copyright mark or says "all rights reserved", and is short."""
    text = line.content
    if line.n_words > 25 or not COPYRIGHT_LINE.fullmatch(text):
        return False
    head = text[:12].lower()
    if head.startswith(("©", "(c)", "ⓒ", "℗")) or "all rights reserved" in text.lower():
        return True
    if head.startswith("copyright"):
        rest = text[9:].lstrip(" :")
        return line.n_words <= 8 or rest[:1] in "©(" or rest[:2].isdigit()
    return "©" in text and line.n_words <= 12


def _grow_pleas(lines: Sequence[Line], labels: list[Furniture | None]) -> None:
    """Mark each plea: the block around a strong cue, widened to weak cues and a sign-off nearby."""
    n = len(lines)
    for i, line in enumerate(lines):
        if labels[i] is not None or line.n_words > MAX_PLEA_WORDS or not PLEA_STRONG.search(line.content):
            continue
        labels[i] = Furniture.PLEA
        lo = i
        while lo > 0 and _plea_neighbour(lines[lo - 1], lines[lo], labels[lo - 1]):
            lo -= 1
            labels[lo] = Furniture.PLEA
        hi = i
        while hi + 1 < n and _plea_neighbour(lines[hi + 1], lines[hi + 1], labels[hi + 1]):
            hi += 1
            labels[hi] = Furniture.PLEA


def _plea_neighbour(candidate: Line, later: Line, label: Furniture | None) -> bool:
    """Does ``candidate`` continue a plea? ``later`` is the one of the pair that carries the gap."""
    if label not in (None, Furniture.PLEA) or candidate.n_words > MAX_PLEA_WORDS:
        return False
    text = candidate.content
    if SIGN_OFF.fullmatch(text) or PLEA_STRONG.search(text):
        return later.gap <= 2
    if PLEA_WEAK.search(text):
        return later.gap == 0 or (later.gap == 1 and candidate.n_words <= MAX_PLEA_WORDS // 2)
    return False


def _form_filler(line: Line) -> bool:
    """A short line inside a comment form ("Google photo"), but not a comment's own author or date line."""
    if line.n_words > MAX_FORM_FILLER_WORDS or line.ends_sentence:
        return False
    text = line.content
    return not (AUTHOR_SAYS.fullmatch(text) or author_and_date(text) or COMMENT_DATE.fullmatch(text))


def _grow_forms(lines: Sequence[Line], labels: list[Furniture | None]) -> None:
    """Mark each comment form from its opening line through its closing line (or the next prose)."""
    i = 0
    n = len(lines)
    while i < n:
        if not (lines[i].n_words <= MAX_WIDGET_WORDS and FORM_START.fullmatch(lines[i].content)):
            i += 1
            continue
        labels[i] = Furniture.FORM
        j = i + 1
        while j < n:
            line = lines[j]
            if FORM_END.fullmatch(line.content):
                labels[j] = Furniture.FORM
                break
            if labels[j] is Furniture.FORM or _form_filler(line):
                labels[j] = Furniture.FORM
                j += 1
                continue
            break
        i = j + 1 if j > i else i + 1
