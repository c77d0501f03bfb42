"""Cut plain text into lines that remember where they stand in the input, and measure each one.

A ``Line`` is one input line without its surrounding whitespace: ``text == source[start:end]``. Blank
lines are not kept as lines; ``gap`` counts the blank lines before each one, which is how paragraphs and
blocks (runs of lines with no blank line between them) are told apart. ``indent`` is the width of the
leading whitespace (a tab counts 4), which layout-preserving scrapers use for nesting: list depth,
reply depth in comment threads. ``marker`` is the length of a leading list marker ("* ", "1. ", "• ").

Only ``\\n`` ends a line (a ``\\r`` before it is whitespace), so offsets always point into the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from wiretrace.clean.text_lexicon import LIST_MARKER, SENTENCE_END, STOP_WORDS

_TRAILING_SENTENCE_NOISE = " \t\u00a0*†‡"
_TRUNCATED = re.compile(r"\w(?:\.{3}|…)$")  # a teaser cut mid-word


@dataclass(frozen=True)
class Line:
    """One non-blank input line and its shape."""

    index: int  # position among the non-blank lines
    start: int  # offset of the first non-space character in the input
    end: int  # offset after the last non-space character
    text: str  # source[start:end]
    indent: int  # leading whitespace width
    gap: int  # blank lines between this line and the previous non-blank one (0 for the first line)
    marker: int  # length of a leading list marker ("* ", "12. "), 0 when there is none

    @cached_property
    def content(self) -> str:
        """The text without its list marker."""
        return self.text[self.marker :]

    @cached_property
    def words(self) -> list[str]:
        return self.content.split()

    @cached_property
    def n_words(self) -> int:
        return len(self.words)

    @cached_property
    def size(self) -> float:
        """Length in word-equivalents: scripts written without spaces count one word per two characters."""
        return max(float(self.n_words), len(self.content) / 6.0 if _unspaced(self.content) else 0.0)

    @cached_property
    def ends_sentence(self) -> bool:
        """Ends with a sentence stop, and not with a word cut short by an ellipsis ("Hurri...")."""
        stripped = self.content.rstrip(_TRAILING_SENTENCE_NOISE)
        if not stripped or stripped[-1] not in SENTENCE_END:
            return False
        return not _TRUNCATED.search(stripped)

    @cached_property
    def stop_ratio(self) -> float:
        words = self.words
        if not words:
            return 0.0
        return sum(1 for w in words if w.strip(".,;:!?\"'“”‘’()[]").lower() in STOP_WORDS) / len(words)

    @cached_property
    def capital_ratio(self) -> float:
        """Share of words that start with a capital letter (headlines and menus score high)."""
        letters = [w for w in self.words if w[:1].isalpha()]
        if not letters:
            return 0.0
        return sum(1 for w in letters if w[0].isupper()) / len(letters)

    @cached_property
    def inner_stops(self) -> int:
        """Sentence stops inside the line (". " followed by more text): prose has several."""
        text = self.content
        return sum(1 for i in range(len(text) - 1) if text[i] in ".!?" and text[i + 1] == " ")


def _unspaced(text: str) -> bool:
    """True for text in a script written without spaces (Chinese, Japanese, Thai)."""
    if len(text) < 8:
        return False
    spaces = text.count(" ")
    return spaces * 12 < len(text)


def split_lines(source: str) -> list[Line]:
    """The non-blank lines of ``source`` in order, each with its offsets and shape."""
    lines: list[Line] = []
    gap = 0
    pos = 0
    size = len(source)
    while pos <= size:
        nl = source.find("\n", pos)
        stop = size if nl < 0 else nl
        start, end = _strip(source, pos, stop)
        if start < end:
            text = source[start:end]
            marker = LIST_MARKER.match(text)
            lines.append(
                Line(
                    index=len(lines),
                    start=start,
                    end=end,
                    text=text,
                    indent=_width(source[pos:start]),
                    gap=gap if lines else 0,
                    marker=marker.end() if marker and marker.end() < len(text) else 0,
                )
            )
            gap = 0
        else:
            gap += 1
        if nl < 0:
            break
        pos = nl + 1
    return lines


def _strip(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def _width(space: str) -> int:
    return sum(4 if ch == "\t" else 1 for ch in space)
