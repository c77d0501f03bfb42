"""Finding quotations in a text: pairs of opening and closing marks, one paragraph at a time.

Curly marks say which side they are on; straight ones (``"``, and the doubled ``''`` some papers use)
are read from their neighbours: after a space or at the start they open, otherwise they close; any
mark with nothing but punctuation after it in its paragraph closes an open quotation. A
quotation may run over several sentences; when it runs over paragraphs, news style leaves the first
paragraph open and starts the next with a fresh opening mark, so an open quotation whose paragraph is
followed by one starting with an opening mark is closed at its paragraph's end.

A stray mark never costs more than itself (textacy's ``direct_quotations`` gives up on a whole
document with an odd number of marks): an opening mark left unclosed mid-paragraph is dropped and
reported as a defect, and the rest of the paragraph and the document are read as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|‘‘|’’|``|[\"“”„«»]")
_PARAGRAPH = re.compile(r"[^\n]+")
_OPENERS = frozenset({"“", "„", "«", "‘‘", "``"})
_CLOSERS = frozenset({"”", "»", "’’"})


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation ``[start, end)`` in characters, marks included; ``closed`` is False when it runs to
    the end of its paragraph without a closing mark (a quotation continued in the next paragraph)."""

    start: int
    end: int
    closed: bool = True


@dataclass(frozen=True, slots=True)
class QuoteScan:
    quotes: tuple[Quote, ...]
    defects: tuple[str, ...]  # one line per stray mark: where and why it was ignored


def _side(text: str, mark: re.Match[str]) -> str:
    """"open" or "close" for one mark, from its own shape or, for a straight mark, its neighbours."""
    glyph = mark.group()
    if glyph in _OPENERS:
        return "open"
    if glyph in _CLOSERS:
        return "close"
    before = text[mark.start() - 1] if mark.start() else " "
    after = text[mark.end()] if mark.end() < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-/":
        return "close"
    return "either"


def _ends_paragraph(text: str, mark: re.Match[str], end: int) -> bool:
    """Only punctuation follows the mark in its paragraph: it can close, whatever its glyph ('houses “.')."""
    return not any(ch.isalnum() for ch in text[mark.end() : end])


def _scan_paragraph(text: str, start: int, end: int, continued: bool) -> tuple[list[Quote], list[str]]:
    """Quotes of one paragraph; ``continued`` says the next paragraph opens with a quotation mark."""
    quotes: list[Quote] = []
    defects: list[str] = []
    opened: int | None = None
    for mark in _MARK.finditer(text, start, end):
        side = _side(text, mark)
        if opened is None:
            if side == "close":
                defects.append(f"closing quotation mark at {mark.start()} without an opening one: ignored")
            else:
                opened = mark.start()
        elif side == "open" and text[mark.start() : mark.end()] in _OPENERS and not _ends_paragraph(text, mark, end):
            defects.append(f"quotation mark opened at {opened} is not closed before {mark.start()}: ignored")
            opened = mark.start()
        else:
            quotes.append(Quote(opened, mark.end()))
            opened = None
    if opened is not None:
        if continued or opened == start:
            quotes.append(Quote(opened, end, closed=False))
        else:
            defects.append(f"quotation mark opened at {opened} is not closed in its paragraph: ignored")
    return quotes, defects


def find_quotes(text: str) -> QuoteScan:
    """Every quotation of ``text`` in order, and the stray marks that were ignored."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if not m.group().isspace()]
    quotes: list[Quote] = []
    defects: list[str] = []
    for index, (start, end) in enumerate(paragraphs):
        body = text[start:end]
        stripped_start, stripped_end = start + len(body) - len(body.lstrip()), start + len(body.rstrip())
        next_opens = False
        if index + 1 < len(paragraphs):
            following = text[paragraphs[index + 1][0] : paragraphs[index + 1][1]].lstrip()
            next_opens = bool(following) and _MARK.match(following) is not None
        found, bad = _scan_paragraph(text, stripped_start, stripped_end, next_opens)
        quotes.extend(found)
        defects.extend(bad)
    return QuoteScan(tuple(quotes), tuple(defects))
