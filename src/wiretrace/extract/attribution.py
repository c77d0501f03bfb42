"""Attribution: who says what in a report, and through whom it reached the page.

``attributions(doc)`` yields one ``Attribution`` per reported statement: the cue words, the speaker
mention, the content, the kind (``direct``, ``indirect``, ``according-to``; ``outlet-voice`` is what is
left over, decided by the claim stage) and, for relayed statements, the outer attributions innermost
first ("X said that ..., the agency reported" gives source X relayed by the agency). A described
speaker keeps its name and its role. Offsets are characters of ``doc.text``.

The rules read the dependency parse of any spaCy English pipeline; the cue words live in
``cues.py``. The conventions follow the PolNeAR annotation guidelines (Newell, Margolin and Ruths,
LREC 2018): a source names or describes the speaker, a cue is the reporting word with its auxiliaries,
a content is what is attributed, quotation marks included; ``wiretrace eval attribution`` measures them.

The spaCy component ``wiretrace_attribution`` only wraps ``attributions`` and stores the records in
``doc._.attributions`` (and ignored stray quotation marks in ``doc._.attribution_defects``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields

from spacy.language import Language
from spacy.tokens import Doc, Token

from wiretrace.extract.attribution_chain import (
    attach_citations,
    continue_quotations,
    decide_kind,
    drop_chained_infinitives,
    nest,
    relay_chain,
    settle_content,
)
from wiretrace.extract.attribution_context import Context
from wiretrace.extract.attribution_frames import (
    according_frame,
    colon_frame,
    dash_frame,
    evidence_frame,
    hearsay_frame,
    there_is_frame,
)
from wiretrace.extract.attribution_nouns import noun_frame
from wiretrace.extract.attribution_quotes import find_quotes
from wiretrace.extract.attribution_roles import speaker_parts
from wiretrace.extract.attribution_spans import Frame, Range, hull
from wiretrace.extract.attribution_verbs import verb_frame
from wiretrace.extract.cues import CueLexicon, cue_lemma, default_lexicon

DASHES = frozenset({"—", "―", "–", "-", "--"})


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Characters ``[start, end)`` of the document text, and the text itself."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Relay:
    """An outer attribution that passes a statement on ("..., the agency reported").

    ``kind`` is that attribution's kind, or ``"addressee"`` for the outlet a speaker told ("told the
    TV channel X"), whose cue is the speaker's own verb.
    """

    kind: str
    cue: tuple[TextSpan, ...]
    source: TextSpan | None
    content: TextSpan  # what the relay attributes: the inner statement with its own source and cue
    speaker: str | None = None
    speaker_role: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reported statement.

    ``content`` runs from the first to the last character of what is reported; ``content_parts`` are
    its pieces when the cue and source interrupt it ('"A," she said. "B."' has two). ``speaker`` is
    the name in the source mention and ``speaker_role`` what it says about the speaker ("spokesman for
    the city police"); ``relays`` lists the outer attributions, innermost first.
    """

    kind: str
    cue: tuple[TextSpan, ...]
    source: TextSpan | None
    content: TextSpan
    content_parts: tuple[TextSpan, ...]
    relays: tuple[Relay, ...] = ()
    speaker: str | None = None
    speaker_role: str | None = None


@dataclass(frozen=True, slots=True)
class AttributionOptions:
    """Settings of ``attributions``; the component's config mirrors them."""

    lexicon: CueLexicon = field(default_factory=default_lexicon)
    quotes_across_paragraphs: bool = True  # a cue-less quotation in the next paragraph continues the last one
    hearsay: bool = True  # "reportedly", "allegedly" as source-less attributions
    colon_speakers: bool = True  # "NAME: words" as an attribution to NAME


def _context(doc: Doc, text: str, lexicon: CueLexicon) -> tuple[Context, tuple[str, ...]]:
    scan = find_quotes(text)
    quote_of = [-1] * len(doc)
    quotes: list[Range] = []
    for quote in scan.quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) == 0 or quote_of[span.start] >= 0:
            continue
        quote_of[span.start : span.end] = [len(quotes)] * len(span)
        quotes.append((span.start, span.end))
    starts = [0] + [t.i + 1 for t in doc if t.is_space and "\n" in t.text and t.i + 1 < len(doc)]
    return Context(doc, lexicon, quotes, quote_of, starts), scan.defects


def _frame_at(ctx: Context, token: Token, lemma: str, options: AttributionOptions) -> Frame | None:
    """The frame ``token`` heads, trying only the finders its word and part of speech can start."""
    lex = ctx.lexicon
    pos = token.pos_
    if pos in {"VERB", "AUX"} and lemma in lex.verbs:
        return verb_frame(ctx, token)
    if pos == "NOUN" and lemma in lex.nouns:
        return noun_frame(ctx, token)
    if token.lower_ in lex.according:
        return according_frame(ctx, token)
    if lemma == "be":
        return there_is_frame(ctx, token)
    if token.dep_ == "prep":
        return evidence_frame(ctx, token)
    if options.hearsay and token.lower_ in lex.hearsay:
        return hearsay_frame(ctx, token)
    if options.colon_speakers and token.text == ":":
        return colon_frame(ctx, token)
    if pos == "PUNCT" and token.text in DASHES:
        return dash_frame(ctx, token)
    return None


def _find_frames(ctx: Context, options: AttributionOptions) -> tuple[list[Frame], list[Token]]:
    """One pass over the tokens; "citing X" participles are set aside for their host frames."""
    frames: list[Frame] = []
    citing: list[Token] = []
    for token in ctx.doc:
        lemma = cue_lemma(token)
        frame = _frame_at(ctx, token, lemma, options)
        if frame is not None:
            frames.append(frame)
        elif lemma in ctx.lexicon.citing and token.tag_ == "VBG" and not ctx.in_quote(token.i):
            citing.append(token)
    return frames, citing


class _Writer:
    """Turns finished frames into records; holds ``doc.text``, which spaCy rebuilds on every access."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text
        self.ents = doc.ents

    def speaker(self, source: Range | None, head: int | None) -> tuple[str | None, str | None]:
        return speaker_parts(self.doc, source, head, self.ents)

    def span(self, rng: Range) -> TextSpan:
        last = self.doc[rng[1] - 1]
        start, end = self.doc[rng[0]].idx, last.idx + len(last)
        return TextSpan(start, end, self.text[start:end])

    def cue(self, cue: list[int]) -> tuple[TextSpan, ...]:
        runs: list[Range] = []
        for index in sorted(cue):
            if runs and index == runs[-1][1]:
                runs[-1] = (runs[-1][0], index + 1)
            else:
                runs.append((index, index + 1))
        return tuple(self.span(run) for run in runs)

    def relay(self, frame: Frame) -> Relay:
        name, role = self.speaker(frame.source, frame.source_head)
        source = self.span(frame.source) if frame.source else None
        return Relay(frame.kind, self.cue(frame.cue), source, self.span(hull(frame.content)), name, role)

    def relays(self, frame: Frame) -> tuple[Relay, ...]:
        """The chain above ``frame``, innermost first; an outlet its speaker told comes first."""
        relays = []
        for link in [frame, *relay_chain(frame)]:
            if link.addressee is not None:
                name, role = self.speaker(link.addressee, link.addressee[1] - 1)
                told, what = self.span(link.addressee), self.span(hull(link.content))
                relays.append(Relay("addressee", self.cue([link.anchor]), told, what, name, role))
            if link is not frame:
                relays.append(self.relay(link))
        return tuple(relays)

    def record(self, frame: Frame) -> Attribution:
        name, role = self.speaker(frame.source, frame.source_head)
        return Attribution(
            kind=frame.kind,
            cue=self.cue(frame.cue),
            source=self.span(frame.source) if frame.source else None,
            content=self.span(hull(frame.content)),
            content_parts=tuple(self.span(rng) for rng in frame.content),
            relays=self.relays(frame),
            speaker=name,
            speaker_role=role,
        )


def _resolve(ctx: Context, options: AttributionOptions) -> list[Frame]:
    frames, citing = _find_frames(ctx, options)
    frames = [f for f in drop_chained_infinitives(ctx, frames) if settle_content(ctx, f)]
    frames += [f for f in attach_citations(ctx, frames, citing) if settle_content(ctx, f)]
    continue_quotations(ctx, frames, options.quotes_across_paragraphs)
    nest(ctx, frames)
    for frame in frames:
        decide_kind(ctx, frame)
    return sorted(frames, key=lambda f: (f.content[0][0], f.anchor))


def attributions(doc: Doc, *, options: AttributionOptions | None = None) -> Iterator[Attribution]:
    """Yield the attributions of a parsed ``doc`` in text order.

    Args:
        doc: a ``Doc`` with a dependency parse (and, for speaker names, entities).
        options: settings; ``AttributionOptions()`` when omitted.

    Yields:
        One ``Attribution`` per reported statement; relayed statements once, with their relays.

    Notes:
        A stray quotation mark is ignored on its own (see ``attribution_quotes``); it never drops the
        rest of the document.
    """
    options = options or AttributionOptions()
    text = doc.text
    ctx, _ = _context(doc, text, options.lexicon)
    writer = _Writer(doc, text)
    for frame in _resolve(ctx, options):
        if frame.emitted:
            yield writer.record(frame)


def quote_defects(doc: Doc) -> tuple[str, ...]:
    """The stray quotation marks of ``doc`` that attribution ignored, one line each."""
    return find_quotes(doc.text).defects


class AttributionComponent:
    """The pipeline component: ``doc._.attributions`` = ``list(attributions(doc, options=...))``."""

    def __init__(self, options: AttributionOptions) -> None:
        self.options = options
        for name in ("attributions", "attribution_defects"):
            if not Doc.has_extension(name):
                Doc.set_extension(name, default=None)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        ctx, defects = _context(doc, text, self.options.lexicon)
        writer = _Writer(doc, text)
        doc._.attributions = [writer.record(f) for f in _resolve(ctx, self.options) if f.emitted]
        doc._.attribution_defects = list(defects)
        return doc


@Language.factory(
    "wiretrace_attribution",
    assigns=["doc._.attributions", "doc._.attribution_defects"],
    # token.pos is read too; English pipelines derive it from token.tag in an attribute ruler that
    # declares nothing, so the tag stands for it here. Entities are used when present, never required.
    requires=["token.dep", "token.head", "token.lemma", "token.tag"],
    default_config={
        "lexicon": {"@misc": "wiretrace.cue_lexicon.v1"},
        **{f.name: f.default for f in fields(AttributionOptions) if f.name != "lexicon"},
    },
)
def make_attribution(
    nlp: Language, name: str, lexicon: CueLexicon, quotes_across_paragraphs: bool, hearsay: bool, colon_speakers: bool
) -> AttributionComponent:
    """``nlp.add_pipe("wiretrace_attribution")``: attribution after the parser (see ``attributions``)."""
    return AttributionComponent(AttributionOptions(lexicon, quotes_across_paragraphs, hearsay, colon_speakers))
