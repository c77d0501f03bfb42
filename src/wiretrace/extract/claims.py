"""Claims: one record per proposition of an article, with who says it, through whom, and how sure.

``claims_of(doc, context=...)`` assembles what the other components found on a parsed ``Doc``
(``doc._.attributions``, ``doc._.times``, ``doc._.quantities``, ``doc._.places``):

1. every reported statement's content is cut into sentences and clauses; each clause is a claim of the
   attribution's kind, its chain resolved by ``SpeakerResolver`` (speaker first, the outlet last);
   a clause that is itself the frame of a nested report ("witnesses report an explosion" inside what an
   agency informs) is left to that nested attribution;
2. every clause of the article's title, standfirst, body and captions that no attribution covers is an
   ``outlet-voice`` claim of the article's outlet, except an answer with its agent ("This was confirmed
   by the ministry", "The ministry denied this"), which is the agent's;
3. each claim gets its factuality (``factuality_of`` with the whole Doc as context), then the article-level
   pass links confirmations, non-confirmations and denials to the earlier claims they answer;
4. time, places, quantities and entities are chosen by scope (``claim_parts``), the proposition by
   ``proposition``.

Verbs of acting rather than saying ("citizens demand X", "the president decided to ...") are not
attributions for claims: the outlet reports the act, so the sentence is the outlet's own claim.
Headings and provenance lines never yield claims, nor do comments (they are not in the text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from wiretrace.extract.attribution import Attribution, TextSpan
from wiretrace.extract.claim_parts import (
    Scope,
    claim_entities,
    claim_places,
    claim_quantities,
    claim_time,
    main_place,
    places_within,
)
from wiretrace.extract.clauses import Clause, ClauseOptions, clauses
from wiretrace.extract.factuality import Factuality, factuality_of
from wiretrace.extract.local_time import relocate_times
from wiretrace.extract.factuality_links import LinkedFactuality, link_confirmations_and_denials
from wiretrace.extract.outlets import OutletRegistry, load_outlet_registry
from wiretrace.extract.proposition import proposition
from wiretrace.extract.speakers import SpeakerResolver
from wiretrace.extract.syntax import agent_of
from wiretrace.records import ChainLink, Claim, ClaimPlace, Segment, SegmentKind

ACT_CUES = frozenset(
    """
    want wish plan intend refuse decline agree offer demand seek aim prefer decide vote encourage convince
    persuade support endorse oppose back favor favour embrace welcome like dislike love hate despise
    approve disapprove
    """.split()
)
"""Cue verbs that report an act or a stance, not a statement, when the claim stage reads them."""

ANSWER_VERBS = frozenset({"confirm", "deny", "refute", "dismiss", "reject", "verify", "corroborate"})
UNNAMED_TYPES = frozenset({"unnamed", "witness"})
SKIPPED_SEGMENTS = frozenset({SegmentKind.HEADING.value, SegmentKind.PROVENANCE.value})
HEADLINE_SEGMENTS = frozenset({SegmentKind.TITLE.value, SegmentKind.CAPTION.value})


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What the claim stage knows of the article beside its text; the defaults suit a bare spaCy Doc.

    ``segments`` are the article's typed character ranges (empty: the whole text is body).
    """

    article_id: str = ""
    outlet: str | None = None
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimOptions:
    """Settings of the claim stage (the component's config mirrors them)."""

    act_cues: frozenset[str] = ACT_CUES
    skipped_segments: frozenset[str] = SKIPPED_SEGMENTS
    clause_options: ClauseOptions = field(default_factory=ClauseOptions)


@dataclass(slots=True)
class _Draft:
    """A claim before ids and the article-level factuality pass (it is ``ClaimLike`` for that pass)."""

    clause: Clause
    span: Span
    kind: str
    chain: tuple[ChainLink, ...]
    scope: Scope
    frame_sentences: tuple[tuple[int, int], ...]
    factuality: Factuality
    named: bool

    @property
    def start(self) -> int:
        return self.clause.start

    @property
    def end(self) -> int:
        return self.clause.end

    @property
    def text(self) -> str:
        return self.clause.text

    @property
    def speaker_is_named(self) -> bool:
        return self.named


def claims_of(
    doc: Doc,
    *,
    context: ClaimContext | None = None,
    registry: OutletRegistry | None = None,
    options: ClaimOptions | None = None,
) -> list[Claim]:
    """The claims of a ``Doc`` that went through the wiretrace pipeline (``load_pipeline``), in text order."""
    context = context or ClaimContext()
    options = options or ClaimOptions()
    resolver = SpeakerResolver(doc, outlet=context.outlet, registry=registry or load_outlet_registry())
    paragraphs = _paragraphs(doc, context)
    kept = _statements(doc, doc._.attributions or [], options)
    drafts = list(_attributed(doc, kept, resolver, paragraphs, options))
    drafts += _outlet_voice(doc, kept, resolver, paragraphs, context, options)
    drafts = _deduplicated([d for d in drafts if _where(context, d.start) not in options.skipped_segments])
    linked = link_confirmations_and_denials(drafts)
    return _records(doc, drafts, linked, context, paragraphs)


def _statements(doc: Doc, found: Iterable[Attribution], options: ClaimOptions) -> list[Attribution]:
    """The attributions the claim stage reads as statements; an act that an outer source passes on
    ("Residents demand new elections, the newspaper reported") becomes that source's statement of the act,
    unless that source's report is an attribution of its own already."""
    found = list(found)
    kept = [a for a in found if _is_statement(doc, a, options)]
    cues = {a.cue for a in kept}
    acts = [_act_reported(doc, a) for a in found if not _is_statement(doc, a, options)]
    return kept + [a for a in acts if a is not None and a.cue not in cues]


def _act_reported(doc: Doc, act: Attribution) -> Attribution | None:
    """The innermost relay of ``act`` as the speaker of the whole act (its source, cue and content)."""
    if not act.relays or act.relays[0].kind == "addressee":
        return None
    relay, *outer = act.relays
    start, end = _own_hull(act)
    content = TextSpan(start, end, doc.text[start:end])
    return Attribution(relay.kind, relay.cue, relay.source, content, (content,), tuple(outer), relay.speaker,
                       relay.speaker_role)  # fmt: skip


def _is_statement(doc: Doc, attribution: Attribution, options: ClaimOptions) -> bool:
    """Whether the claim stage reads ``attribution`` as a statement (not an act: "citizens demand X")."""
    if not attribution.cue:
        return True
    cue = doc.char_span(attribution.cue[0].start, attribution.cue[-1].end, alignment_mode="expand")
    lemmas = {t.lemma_.lower() for t in cue or () if t.pos_ in {"VERB", "AUX"}}
    return not lemmas or not lemmas <= options.act_cues


def _attributed(
    doc: Doc, kept: list[Attribution], resolver: SpeakerResolver, paragraphs: list[tuple[int, int]],
    options: ClaimOptions,
) -> Iterator[_Draft]:
    for attribution in kept:
        resolved = resolver.resolve(attribution)
        inner = [_own_hull(b) for b in kept if b is not attribution and _nested(b, attribution)]
        frame = _frame_sentences(doc, attribution)
        content = (attribution.content.start, attribution.content.end)
        for clause, span in _attributed_clauses(doc, attribution, options):
            if any(_overlaps((clause.start, clause.end), r) for r in inner):
                continue
            scope = Scope((clause.start, clause.end), _sentence(span), content, frame, _paragraph(paragraphs, clause.start))
            yield _Draft(clause, span, attribution.kind, resolved.chain, scope, frame,
                         factuality_of(span, context=doc), resolved.speaker_is_named)  # fmt: skip


def _attributed_clauses(doc: Doc, attribution: Attribution, options: ClaimOptions) -> list[tuple[Clause, Span]]:
    """The clauses of what is reported; a verbless content ("announced the liberation of the square",
    "there was information about the seizure of X") is one claim together with its frame."""
    found = [
        pair for part in attribution.content_parts or (attribution.content,)
        for pair in _clauses_in(doc, part.start, part.end, options)
    ]  # fmt: skip
    if found:
        return found
    start, end = _own_hull(attribution)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.is_alpha for t in span) or len(list(span.sents)) > 1:
        return []
    return [(Clause(span.start_char, span.end_char, span.root.i, span.text), span)]


def _outlet_voice(
    doc: Doc, kept: list[Attribution], resolver: SpeakerResolver, paragraphs: list[tuple[int, int]],
    context: ClaimContext, options: ClaimOptions,
) -> list[_Draft]:
    covered = [r for a in kept for r in _ranges(a)]
    outlet = (resolver.outlet_link(),)
    drafts = []
    for start, end in _claim_segments(doc, context, options):
        headline = _where(context, start) in HEADLINE_SEGMENTS
        for clause, span in _clauses_in(doc, start, end, options, headline=headline):
            if any(_overlaps((clause.start, clause.end), r) for r in covered):
                continue
            sentence = _sentence(span)
            scope = Scope((clause.start, clause.end), sentence, sentence, (), _paragraph(paragraphs, clause.start))
            factuality = factuality_of(span, context=doc)
            if (carrier := _carried_by(kept, clause, sentence)) is not None:
                resolved = resolver.resolve(carrier)
                drafts.append(_Draft(clause, span, carrier.kind, resolved.chain, scope, (), factuality,
                                     resolved.speaker_is_named))  # fmt: skip
            elif (answerer := _answerer(span, resolver)) is not None:
                drafts.append(_Draft(clause, span, "indirect", (answerer, *outlet), scope, (), factuality,
                                     answerer.type not in UNNAMED_TYPES))  # fmt: skip
            else:
                drafts.append(_Draft(clause, span, "outlet-voice", outlet, scope, (), factuality, True))
    return drafts


def _carried_by(kept: list[Attribution], clause: Clause, sentence: tuple[int, int]) -> Attribution | None:
    """The attribution whose cue opens the clause's sentence and whose content ends before it:
    "According to X, A, B" reports B as X's too."""
    for attribution in kept:
        if not attribution.cue or attribution.kind != "according-to":
            continue
        cue = attribution.cue[0]
        if sentence[0] <= cue.start < clause.start and attribution.content.end <= clause.start:
            return attribution
    return None


def _answerer(span: Span, resolver: SpeakerResolver) -> ChainLink | None:
    """Who answers in a confirmation or denial: the agent of a passive ("... is confirmed by a police
    report"), or the nominal subject of an active answer whose object points back ("The governor denied
    this"), which attribution leaves alone because its content is only a pronoun."""
    head = span.root
    if head.lemma_.lower() not in ANSWER_VERBS:
        return None
    answerer = agent_of(head)
    if answerer is None and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in head.children):
        # a pronoun subject ("He denied it", "Nobody confirmed this") names no one here
        answerer = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
    if answerer is None:
        return None
    return resolver.named(span.doc[answerer.left_edge.i : answerer.right_edge.i + 1].text)


def _clauses_in(
    doc: Doc, start: int, end: int, options: ClaimOptions, *, headline: bool = False
) -> Iterator[tuple[Clause, Span]]:
    """The contentful clauses of the text between ``start`` and ``end``, sentence by sentence."""
    whole = doc.char_span(start, end, alignment_mode="contract")
    if whole is None or len(whole) == 0:
        return
    for sentence in _sentences(whole):
        for clause in clauses(sentence, options=options.clause_options):
            span = doc.char_span(clause.start, clause.end, alignment_mode="expand")
            if span is None:
                continue
            if _contentful(span):
                yield clause, span
            elif headline and _gerund_headline(span):
                yield replace(clause, head=next(t.i for t in span if t.is_alpha)), span


def _sentences(span: Span) -> Iterator[Span]:
    doc = span.doc
    for sentence in span.sents:
        start, end = max(sentence.start, span.start), min(sentence.end, span.end)
        if start < end:
            yield doc[start:end]


def _contentful(span: Span) -> bool:
    """A claim needs a verb (or a number) and two words: "Latest news" or "houses" is not a claim."""
    words = [t for t in span if t.is_alpha]
    has_predicate = any(t.pos_ in {"VERB", "AUX"} for t in span) or any(t.like_num for t in span)
    return len(words) >= 2 and has_predicate


def _gerund_headline(span: Span) -> bool:
    """A headline led by a gerund ("Storming the capital: ..."), which taggers often read as a name."""
    first = next((t for t in span if t.is_alpha), None)
    return first is not None and len(first) > 5 and first.lower_.endswith("ing") and len(span) >= 3


def _claim_segments(doc: Doc, context: ClaimContext, options: ClaimOptions) -> Iterable[tuple[int, int]]:
    if not context.segments:
        return [(0, len(doc.text))]
    return [(s.start, s.end) for s in context.segments if s.kind.value not in options.skipped_segments]


def _paragraphs(doc: Doc, context: ClaimContext) -> list[tuple[int, int]]:
    if context.segments:
        return [(s.start, s.end) for s in context.segments]
    bounds, start = [], 0
    for piece in doc.text.split("\n"):
        bounds.append((start, start + len(piece)))
        start += len(piece) + 1
    return bounds


def _paragraph(paragraphs: list[tuple[int, int]], at: int) -> tuple[int, int]:
    return next((p for p in paragraphs if p[0] <= at < p[1]), (at, at))


def _sentence(span: Span) -> tuple[int, int]:
    sentence = span[0].sent
    return sentence.start_char, sentence.end_char


def _own_hull(attribution: Attribution) -> tuple[int, int]:
    """From the first to the last character of the attribution's own cue, source and content."""
    spans = [*attribution.cue, attribution.content, *([attribution.source] if attribution.source else [])]
    return min(s.start for s in spans), max(s.end for s in spans)


def _ranges(attribution: Attribution) -> list[tuple[int, int]]:
    """The characters an attribution accounts for: cue, source, content (relays' cues and sources too)."""
    spans = [*attribution.cue, attribution.content, *attribution.content_parts]
    spans += [attribution.source] if attribution.source else []
    for relay in attribution.relays:
        spans += [*relay.cue, *([relay.source] if relay.source else [])]
    return [(s.start, s.end) for s in spans]


def _nested(inner: Attribution, outer: Attribution) -> bool:
    start, end = _own_hull(inner)
    return outer.content.start <= start and end <= outer.content.end and (start, end) != _own_hull(outer)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _frame_sentences(doc: Doc, attribution: Attribution) -> tuple[tuple[int, int], ...]:
    """The sentences holding the attribution's cue and source (and its relays'): its statement time is there."""
    spans = [*attribution.cue, *([attribution.source] if attribution.source else [])]
    for relay in attribution.relays:
        spans += [*relay.cue, *([relay.source] if relay.source else [])]
    found = []
    for piece in spans:
        span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
        if span is not None and len(span):
            found.append(_sentence(span))
    return tuple(dict.fromkeys(found))


def _deduplicated(drafts: list[_Draft]) -> list[_Draft]:
    """One draft per stretch of text: when two attributions reach the same words, the longer chain
    wins; a draft inside another is dropped, unless its chain is longer (a nested report), in which
    case the one around it goes."""
    best: dict[tuple[int, int], _Draft] = {}
    for draft in drafts:
        key = (draft.start, draft.end)
        if key not in best or len(draft.chain) > len(best[key].chain):
            best[key] = draft
    kept = sorted(best.values(), key=lambda d: (d.start, -d.end))
    dropped: set[int] = set()
    for i, outer in enumerate(kept):
        for j in range(i + 1, len(kept)):
            inner = kept[j]
            if inner.start >= outer.end:
                break
            if inner.end <= outer.end:
                dropped.add(i if len(inner.chain) > len(outer.chain) else j)
    return sorted((d for i, d in enumerate(kept) if i not in dropped), key=lambda d: (d.start, d.end))


def _records(
    doc: Doc, drafts: list[_Draft], linked: tuple[LinkedFactuality, ...], context: ClaimContext,
    paragraphs: list[tuple[int, int]],
) -> list[Claim]:
    prefix = context.article_id[:16] or "claim"
    ids = [f"{prefix}#{i + 1}" for i in range(len(drafts))]
    mentions = doc._.places or []
    fallback = main_place(mentions)
    by_paragraph: dict[tuple[int, int], tuple[ClaimPlace, ...]] = {}
    placed: list[tuple[ClaimPlace, ...]] = []
    claims = []
    for i, (draft, link) in enumerate(zip(drafts, linked, strict=True)):
        answered = [placed[j] for j in (*link.confirms, *link.denies) if j < len(placed)]
        inherited = [*answered, by_paragraph.get(draft.scope.paragraph, ()),
                     _heading_places(mentions, context, draft.start), fallback]  # fmt: skip
        places = claim_places(doc, mentions, draft.scope, inherited)
        by_paragraph[draft.scope.paragraph] = places
        placed.append(places)
        claims.append(Claim(
            id=ids[i], article_id=context.article_id, start=draft.start, end=draft.end, text=draft.text,
            kind=draft.kind, speaker=draft.chain[0].name, chain=draft.chain, factuality=link.factuality.label,
            cues=link.factuality.cues, time=claim_time(doc._.times or [], draft.scope, draft.frame_sentences,
                                                       [(d.start, d.end) for d in drafts if d is not draft]),
            quantities=claim_quantities(doc._.quantities or [], draft.scope), places=places,
            entities=claim_entities(draft.span), proposition=proposition(draft.span, head=doc[draft.clause.head]),
            where=_where(context, draft.start), confirms=tuple(ids[j] for j in link.confirms),
            denies=tuple(ids[j] for j in link.denies),
        ))  # fmt: skip
    return claims


def _heading_places(mentions: list, context: ClaimContext, at: int) -> tuple[ClaimPlace, ...]:
    """The places of the heading of the section the claim sits in."""
    headings = [s for s in context.segments if s.kind is SegmentKind.HEADING and s.end <= at]
    return places_within(mentions, headings[-1].start, headings[-1].end) if headings else ()


def _where(context: ClaimContext, at: int) -> str:
    return next((s.kind.value for s in context.segments if s.start <= at < s.end), SegmentKind.BODY.value)


class ClaimComponent:
    """The pipeline component: ``doc._.claims = claims_of(doc, context=doc._.claim_context, ...)``, after
    reading the times again in the local time of the place the text is about (``local_time``)."""

    def __init__(self, options: ClaimOptions, registry: OutletRegistry) -> None:
        self.options = options
        self.registry = registry
        for name in ("claims", "claim_context", "timezone", "times", "published_at", "year_hint", "extraction_warnings"):
            if not Doc.has_extension(name):
                Doc.set_extension(name, default=None)

    def __call__(self, doc: Doc) -> Doc:
        relocate_times(doc)
        doc._.claims = claims_of(doc, context=doc._.claim_context, registry=self.registry, options=self.options)
        return doc


@Language.factory(
    "wiretrace_claims",
    assigns=["doc._.claims"],
    requires=["doc._.attributions", "doc._.times", "doc._.quantities", "doc._.places", "token.dep", "token.head"],
    default_config={"outlets_file": None},
)
def make_claims(nlp: Language, name: str, outlets_file: str | None) -> ClaimComponent:
    """``nlp.add_pipe("wiretrace_claims")`` after the other wiretrace components (see ``claims_of``);
    ``outlets_file`` adds the user's outlet registry (TSV, ``docs/outlets.md``) to the shipped one."""
    registry = load_outlet_registry(Path(outlets_file) if outlets_file else None)
    return ClaimComponent(ClaimOptions(), registry)
