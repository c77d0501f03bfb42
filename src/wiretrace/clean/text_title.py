"""Pick the title line of a scraped page.

With a ``title_hint`` (from a feed, a JSON record) the title is the line that holds the hint. Otherwise
it is the heading-like line closest above the body (short, no final full stop, not a list item, not a
byline or a date), looking past bylines, dates and captions; a page that starts with such a line and
has no body above it uses its first line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wiretrace.clean.text_furniture import Furniture
from wiretrace.clean.text_lexicon import COMMENT_DATE
from wiretrace.clean.text_lines import Line

MAX_TITLE_WORDS = 25
_BYLINE = re.compile(r"(?:by|von|par|por|di|door|av|от|автор)\s+\S", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def find_title(
    lines: Sequence[Line],
    furniture: Sequence[Furniture | None],
    body: Sequence[int],
    hint: str | None,
    lookback: int,
) -> int | None:
    """Index of the title line, or None."""
    if hint and hint.strip():
        found = _line_with(lines, hint)
        if found is not None:
            return found
    if not lines:
        return None
    top = body[0] if body else len(lines)
    for i in range(top - 1, max(-1, top - 1 - lookback), -1):
        if furniture[i] is None and is_heading_like(lines[i]):
            return i
    if body and body[0] == 0 and len(body) > 1 and is_heading_like(lines[0]):
        return 0
    return None


def is_heading_like(line: Line) -> bool:
    """A short line that could head an article: words, no final full stop, not a list item or byline."""
    text = line.content
    if line.marker or not 2 <= line.n_words <= MAX_TITLE_WORDS:
        return False
    if text.rstrip()[-1:] in ".,;:" or _BYLINE.match(text) or COMMENT_DATE.search(text):
        return False
    return any(ch.isalpha() for ch in text[:3]) or text[:1] in "\"“‘'«"


def _line_with(lines: Sequence[Line], hint: str) -> int | None:
    """The line that holds the hint (whitespace and case aside), preferring the shortest such line."""
    want = _SPACES.sub(" ", hint).strip().lower()
    best: tuple[int, int] | None = None
    for line in lines:
        have = _SPACES.sub(" ", line.text).lower()
        if want in have and len(have) <= 2 * len(want) + 20 and (best is None or len(have) < best[1]):
            best = (line.index, len(have))
            if len(have) == len(want):
                break
    return best[0] if best else None
