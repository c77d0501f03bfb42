"""The reading context every cue finder shares: the doc, the lexicon, quotations and paragraphs.

Paragraphs (text between line breaks) bound what a cue can reach, since the parser sometimes runs a
sentence across a title or a paragraph break; quotations run over sentences and are looked up by
token (``quote_of``) rather than searched for again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wiretrace.extract.attribution_spans import Range, is_blank, subject_of
from wiretrace.extract.cues import CueLexicon


@dataclass


class Context:
    """What every finder needs besides the token: the doc, the lexicon and the quotations."""

    doc: Doc
    lexicon: CueLexicon
    quotes: list[Range]  # token ranges of quotations, in order
    quote_of: list[int]  # token index -> index into ``quotes`` or -1
    paragraph_starts: list[int]  # token index where each paragraph starts

    def paragraph(self, index: int) -> int:
        return bisect_right(self.paragraph_starts, index) - 1

    def in_quote(self, index: int) -> bool:
        return self.quote_of[index] >= 0

    def subject(self, verb: Token) -> Token | None:
        """The verb's subject outside any quotation."""
        quoted = frozenset(c.i for c in verb.children if self.quote_of[c.i] >= 0)
        return subject_of(verb, quoted)

    def quote_after(self, index: int, limit: int = 3) -> Range | None:
        """A quotation starting within ``limit`` blank tokens after ``index``."""
        doc = self.doc
        for probe in range(index + 1, min(len(doc), index + 2 + limit)):
            if self.quote_of[probe] >= 0:
                quote = self.quotes[self.quote_of[probe]]
                return quote if quote[0] == probe else None
            if not is_blank(doc[probe]):
                return None
        return None

    def quote_before(self, index: int, limit: int = 2) -> Range | None:
        """A quotation ending within ``limit`` blank tokens before ``index``, in the same paragraph."""
        for probe in range(index - 1, max(-1, index - 2 - limit), -1):
            if self.quote_of[probe] >= 0:
                quote = self.quotes[self.quote_of[probe]]
                same = self.paragraph(quote[0]) == self.paragraph(index)
                return quote if quote[1] == probe + 1 and same else None
            if not is_blank(self.doc[probe]):
                return None
        return None


def sentence_range(token: Token) -> Range:
    sent: Span = token.sent
    return sent.start, sent.end


def clip(rng: Range, bounds: Range) -> Range | None:
    start, end = max(rng[0], bounds[0]), min(rng[1], bounds[1])
    return (start, end) if start < end else None


def paragraph_end(ctx: Context, index: int) -> int:
    paragraph = ctx.paragraph(index)
    starts = ctx.paragraph_starts
    return starts[paragraph + 1] if paragraph + 1 < len(starts) else len(ctx.doc)
