"""Photo captions and their credits, including captions a scraper glued to the end of a paragraph.

A caption is known by its credit: "<caption> / photo AGENCY", "Photo: AGENCY", "(AP Photo/Name)",
"<caption> © Agency / Name", "Credit: ...". Scrapers that flatten a page often paste the caption onto
the paragraph it stood beside, without a space and sometimes twice:

    ...the police said.Some caption / photo AGENCYSome caption / photo AGENCY

``split_glued`` cuts such a line into the paragraph, the caption once, and the repeated copies. All
positions are offsets inside the line, so callers keep exact offsets into the input.
"""

from __future__ import annotations

from dataclasses import dataclass

from wiretrace.clean.text_lexicon import AGENCY_PHOTO, CREDIT_LINE, CREDIT_MARKER, SENTENCE_END, TRAILING_CREDIT

MAX_CAPTION_WORDS = 45
MAX_CREDIT_WORDS = 8


@dataclass(frozen=True, slots=True)
class CaptionSpan:
    """A caption inside a line: ``[start, end)`` is the caption text, ``credit`` the named source."""

    start: int
    end: int
    credit: str | None


@dataclass(frozen=True, slots=True)
class GluedSplit:
    """A line cut into its paragraph ``[0, body_end)``, one caption and the dropped repeats."""

    body_end: int
    caption: CaptionSpan
    repeats: tuple[tuple[int, int], ...]


def split_glued(text: str) -> GluedSplit | None:
    """Cut a caption (and its repeated copies) off the end of a paragraph line, if one is glued there."""
    markers = list(CREDIT_MARKER.finditer(text))
    if not markers:
        return None
    last = markers[-1]
    credit = text[last.end() :].strip()
    if not credit or len(credit.split()) > MAX_CREDIT_WORDS or credit[-1] in ".!?":
        return None
    copy_start, repeats = _repeated_tail(text, markers)
    if copy_start is None:
        copy_start = _glue_point(text, last.start())
        if copy_start is None:
            return None
    copy = text[copy_start:] if not repeats else text[copy_start : repeats[0][0]]
    marker = CREDIT_MARKER.search(copy)
    if marker is None:
        return None
    caption = CaptionSpan(copy_start, copy_start + marker.start(), copy[marker.end() :].strip())
    return GluedSplit(copy_start, caption, tuple(repeats))


def _repeated_tail(text: str, markers: list) -> tuple[int | None, list[tuple[int, int]]]:
    """When the line ends with the same caption two or more times, where the first copy starts and the
    spans of the later copies."""
    if len(markers) < 2:
        return None, []
    length = markers[-1].start() - markers[-2].start()
    if length <= 0 or 2 * length > len(text):
        return None, []
    tail = text[-length:]
    k = len(text) - length
    while k - length >= 0 and text[k - length : k] == tail:
        k -= length
    if k == len(text) - length:
        return None, []
    repeats = [(s, s + length) for s in range(k + length, len(text), length)]
    return k, repeats


def _glue_point(text: str, limit: int) -> int | None:
    """The last place before ``limit`` where a sentence stop is directly followed by a capital letter."""
    for i in range(limit - 1, 0, -1):
        if text[i].isupper() and text[i - 1] in SENTENCE_END and text[i - 1] not in ")]":
            return i
    return None


def caption_of(text: str) -> CaptionSpan | None:
    """The caption a whole (short) line is, with its credit, or None when the line names no credit."""
    if len(text.split()) > MAX_CAPTION_WORDS:
        return None
    for pattern in (AGENCY_PHOTO, CREDIT_LINE, TRAILING_CREDIT):
        match = pattern.fullmatch(text)
        if match and len(match.group("credit").split()) <= MAX_CREDIT_WORDS:
            end = match.end("caption")
            while end > 0 and text[end - 1] in " \t\u00a0|/–—-":
                end -= 1
            start, stop = (0, end) if end > 0 else (0, len(text))
            return CaptionSpan(start, stop, match.group("credit").strip(" .;,") or None)
    marker = CREDIT_MARKER.search(text)
    if marker and marker.start() > 0:
        credit = text[marker.end() :].strip()
        if credit and len(credit.split()) <= MAX_CREDIT_WORDS:
            return CaptionSpan(0, marker.start(), credit)
    return None
