"""Resolving found frames into final attributions: content boundaries, quotations, relays, kinds.

Steps, in order:

1. ``settle_content``: a content that starts or ends inside a quotation takes the whole quotation
   (quotations run over sentence boundaries the parser draws); the cue and the source are cut out of
   it; it stays within the cue's paragraph unless a quotation carries it on.
2. ``attach_citations``: "X writes, citing Y, ..." and "referring to Y, X announced ...": Y becomes
   the source and X's own frame its relay.
3. ``continue_quotations``: a quotation with no cue of its own right after a quoted statement
   continues it ('"...," she said. "..."'): it joins that content.
4. ``nest``: a frame whose cue lies inside another frame's content is relayed by it (innermost
   first); the outer frame is dropped when it says nothing besides the inner one.
5. ``decide_kind``: "direct" when the whole content is quoted.
"""

from __future__ import annotations

from spacy.tokens import Token

from wiretrace.extract.attribution_context import Context
from wiretrace.extract.attribution_speakers import cited_source
from wiretrace.extract.attribution_spans import Frame, Range, is_blank, source_range, subtract, trim

CLAUSAL_DEPS = frozenset({"ccomp", "csubj", "advcl", "conj", "parataxis", "xcomp"})
FUNCTION_WORDS = frozenset({"that", "this", "it", "so", "the", "following", "whether", "if", "as"})


def _quote_extended(ctx: Context, rng: Range) -> Range:
    start, end = rng
    if ctx.quote_of[start] >= 0:
        start = min(start, ctx.quotes[ctx.quote_of[start]][0])
    if ctx.quote_of[end - 1] >= 0:
        end = max(end, ctx.quotes[ctx.quote_of[end - 1]][1])
    return start, end


def _paragraph_clip(ctx: Context, rng: Range, anchor: int) -> Range | None:
    """Keep a range to its anchor's paragraph, except where a quotation carries it across."""
    paragraph = ctx.paragraph(anchor)
    start, end = rng
    starts = ctx.paragraph_starts
    low = starts[paragraph]
    high = starts[paragraph + 1] if paragraph + 1 < len(starts) else len(ctx.doc)
    if ctx.quote_of[start] < 0:
        start = max(start, low)
    if ctx.quote_of[end - 1] < 0:
        end = min(end, high)
    return (start, end) if start < end else None


def drop_chained_infinitives(ctx: Context, frames: list[Frame]) -> list[Frame]:
    """One frame per anchor, and none for an infinitive under another cue of the same speaker
    ("decided to declare", "declined to comment on"): the head cue already reports it."""
    anchors = {f.anchor: f for f in reversed(frames)}
    kept = []
    for frame in anchors.values():
        verb = ctx.doc[frame.anchor]
        head = anchors.get(verb.head.i) if verb.dep_ == "xcomp" else None
        if head is None or head.source != frame.source:
            kept.append(frame)
    return sorted(kept, key=lambda f: f.anchor)


def settle_content(ctx: Context, frame: Frame) -> bool:
    """Final content ranges of ``frame``; False when nothing is left to report."""
    ranges = [r for rng in frame.content if (r := _paragraph_clip(ctx, _quote_extended(ctx, rng), frame.anchor))]
    removed = set(frame.cue)
    if frame.source:
        removed.update(range(*frame.source))
    pieces = [piece for rng in subtract(ranges, removed) if (piece := _trim_content(ctx, rng, frame.anchor))]
    frame.content = _merge(ctx, sorted(set(pieces)))
    return bool(frame.content)


def _trim_content(ctx: Context, rng: Range, anchor: int) -> Range | None:
    """A content piece without blanks at its ends, nor an "and"/"but" joining it to a cue before it
    (a sentence-initial "But" of a reported clause stays: it is part of what was said)."""
    piece = trim(ctx.doc, *rng, keep_quotes=True)
    while piece and piece[0] > anchor and ctx.doc[piece[0]].dep_ == "cc" and piece[1] - piece[0] > 1:
        piece = trim(ctx.doc, piece[0] + 1, piece[1], keep_quotes=True)
    return piece


def _merge(ctx: Context, ranges: list[Range]) -> list[Range]:
    """Join ranges that overlap or are separated only by blanks."""
    merged: list[Range] = []
    for start, end in ranges:
        if merged and (start <= merged[-1][1] or all(is_blank(ctx.doc[i]) for i in range(merged[-1][1], start))):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def attach_citations(ctx: Context, frames: list[Frame], citing: list[Token]) -> list[Frame]:
    """Frames for "citing Y" / "referring to Y" participles, each relayed by the frame it qualifies."""
    added: list[Frame] = []
    for token in citing:
        target = cited_source(token, ctx.lexicon)
        sentence = (token.sent.start, token.sent.end)
        hosts = [f for f in frames if sentence[0] <= f.anchor < sentence[1] and f.source and f.emitted]
        if target is None or not hosts:
            continue
        host = min(hosts, key=lambda f: abs(f.anchor - token.i))
        cue = sorted({token.i, *(c.i for c in token.children if c.dep_ == "prep" and c.lower_ == "to")})
        frame = Frame("according-to", token.i, cue, source_range(ctx.doc, target), list(host.content), target.i)
        frame.relays = [host]
        host.emitted = False
        added.append(frame)
    return added


def continue_quotations(ctx: Context, frames: list[Frame], across_paragraphs: bool) -> None:
    """Attach each quotation no frame covers to the quoted statement right before it; a run of
    quotations ('"A," she said. "B." ... "C."') goes on with the same speaker."""
    covered: set[int] = set()
    last: dict[int, int] = {}
    for index, frame in enumerate(frames):
        tokens = frame.tokens()
        covered.update(tokens)
        last[index] = max(tokens)
    for qstart, qend in ctx.quotes:
        if any(i in covered for i in range(qstart, qend)):
            continue
        previous = [index for index, end in last.items() if end < qstart]
        if not previous:
            continue
        index = max(previous, key=last.__getitem__)
        if _continues(ctx, frames[index], last[index], qstart, across_paragraphs):
            frames[index].content.append((qstart, qend))
            covered.update(range(qstart, qend))
            last[index] = qend - 1


def _continues(ctx: Context, frame: Frame, last: int, qstart: int, across_paragraphs: bool) -> bool:
    if not any(ctx.quote_of[i] >= 0 for start, end in frame.content for i in range(start, end)):
        return False  # only a statement that quotes goes on in a further quotation
    sentence_end = ctx.doc[last].sent.end
    gap = range(max(last + 1, sentence_end), qstart)
    if any(not is_blank(ctx.doc[i]) for i in gap):
        return False
    same = ctx.paragraph(qstart) == ctx.paragraph(last)
    return same or (across_paragraphs and ctx.paragraph(qstart) == ctx.paragraph(last) + 1)


def nest(ctx: Context, frames: list[Frame]) -> None:
    """Link each frame to the frame whose content holds its cue; drop outer frames left empty."""
    by_size = sorted(frames, key=lambda f: sum(end - start for start, end in f.content))
    for inner in by_size:
        if inner.relays:
            continue
        outers = [
            f
            for f in by_size
            if f is not inner and f.contains(inner.anchor) and inner not in f.relays and f.source != inner.source
        ]
        if outers:
            inner.relays = [outers[0]]
    for outer in frames:
        inside = [f for f in frames if f.relays and f.relays[0] is outer]
        if inside and _says_nothing_else(ctx, outer, inside):
            outer.emitted = False


def _says_nothing_else(ctx: Context, outer: Frame, inside: list[Frame]) -> bool:
    covered: set[int] = set()
    for frame in inside:
        covered.update(frame.tokens())
        for child in ctx.doc[frame.anchor].children:  # "Later, X said ...": the cue's own adjuncts
            if child.dep_ not in CLAUSAL_DEPS:
                covered.update(t.i for t in child.subtree)
    rest = [ctx.doc[i] for start, end in subtract(outer.content, covered) for i in range(start, end)]
    return all(is_blank(token) or token.lower_ in FUNCTION_WORDS for token in rest)


def relay_chain(frame: Frame) -> list[Frame]:
    """The relays of ``frame``, innermost first."""
    chain: list[Frame] = []
    probe = frame
    while probe.relays and probe.relays[0] not in chain and len(chain) < 8:
        probe = probe.relays[0]
        chain.append(probe)
    return chain


def decide_kind(ctx: Context, frame: Frame) -> None:
    """"direct" when every content token lies in a quotation (an according-to included)."""
    quoted = all(ctx.quote_of[i] >= 0 or is_blank(ctx.doc[i]) for start, end in frame.content for i in range(start, end))
    if quoted:
        frame.kind = "direct"
