"""Who speaks: the speaker of a cue verb, the source named by "citing X", the outlet a speaker told.

The subject of the cue verb is the usual speaker; a passive cue takes its "by" agent, a participle
("..., adding that ...") the subject of the verb it hangs from, and an inverted cue ('"...," said
Jane Roe') the noun phrase after it. Two subjects side by side are one mention the parser split.
"""

from __future__ import annotations

from spacy.tokens import Token

from wiretrace.extract.attribution_context import Context
from wiretrace.extract.attribution_spans import Range, is_blank, source_range, trim
from wiretrace.extract.syntax import agent_of, has_passive_mark
from wiretrace.extract.cues import CueLexicon, cue_lemma

INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep"})


def _joined_subjects(ctx: Context, verb: Token) -> tuple[Range | None, Token | None] | None:
    """Two subjects side by side before the verb: an apposition the parser split ("the official
    representative of the police Jane Roe said") or a title glued on above ("Latest news\n\nThe
    ministry warns"). One mention, kept to the verb's paragraph, headed by the second."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return None
    first, last = subjects[-2], subjects[-1]
    if any(not is_blank(ctx.doc[i]) for i in range(first.right_edge.i + 1, last.left_edge.i)):
        return None
    start = max(first.left_edge.i, ctx.paragraph_starts[ctx.paragraph(verb.i)])
    return trim(ctx.doc, start, last.right_edge.i + 1), last


def _inverted_speaker(ctx: Context, verb: Token) -> Token | None:
    """The noun phrase right after a finite cue the parser left without a subject ('"...," says Jane
    Roe, a pollster'): the head of that phrase."""
    doc = ctx.doc
    if verb.i + 1 >= verb.sent.end:
        return None
    token = doc[verb.i + 1]
    if token.pos_ not in {"PROPN", "NOUN", "DET", "ADJ"} or ctx.in_quote(token.i):
        return None
    while token.head.i > verb.i and token.head.i < verb.sent.end and token.head.pos_ in {"NOUN", "PROPN"}:
        if token.head.i == token.i:
            break
        token = token.head
    return token if token.pos_ in {"NOUN", "PROPN"} else None


def verb_source(ctx: Context, verb: Token) -> tuple[Range | None, Token | None]:
    """The speaker of a cue verb: its subject, a passive agent, or the subject it shares with its head."""
    head: Token | None
    if has_passive_mark(verb):
        head = agent_of(verb)
    elif (joined := _joined_subjects(ctx, verb)) is not None:
        return joined
    else:
        head = ctx.subject(verb)
        probe, hops = verb, 0
        while head is None and probe.dep_ in INHERIT_DEPS and hops < 3 and probe.head.i != probe.i:
            probe, hops = probe.head, hops + 1
            head = agent_of(probe) if has_passive_mark(probe) else ctx.subject(probe)
        if head is None and verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            head = verb.head  # "a statement saying ...", "a sign reading ..."
        if head is None and verb.tag_ in {"VBD", "VBZ", "VBP"}:
            head = _inverted_speaker(ctx, verb)
    if head is None or ctx.in_quote(head.i):
        return None, None
    if head.i > verb.i and head.left_edge.i <= verb.i:
        return trim(ctx.doc, verb.i + 1, head.right_edge.i + 1), head
    if head.i == verb.head.i and verb.dep_ == "acl":
        return trim(ctx.doc, head.left_edge.i, verb.left_edge.i), head
    source = source_range(ctx.doc, head, ctx.lexicon.verbs)
    paragraph = ctx.paragraph(verb.i)
    if source is not None and ctx.paragraph(source[0]) != paragraph:
        source = trim(ctx.doc, max(source[0], ctx.paragraph_starts[paragraph]), source[1])  # a title glued on
    return source, head


def cited_source(token: Token, lexicon: CueLexicon) -> Token | None:
    """The source named by "citing X" / "referring to X", or None when X is a topic, not a source."""
    target = next((c for c in token.children if c.dep_ == "dobj"), None)
    if target is None:
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if target is None:
        return None
    origin = next((c for c in target.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if origin is not None and target.lemma_.lower() in lexicon.info_nouns | {"report", "data"}:
        target = next((c for c in origin.children if c.dep_ == "pobj"), target)
    named = target.ent_type_ in {"ORG", "PERSON", "NORP", "GPE"} or target.lemma_.lower() in lexicon.source_nouns
    return target if named else None


def outlet_addressed(ctx: Context, verb: Token) -> Range | None:
    """The outlet a speaker told ("told the TV channel X", "said to a newspaper"): a link of the chain."""
    candidates = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and cue_lemma(verb) == "tell"]
    for prep in (c for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"):
        candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for target in candidates:
        naming = [t for t in target.subtree if t.i <= target.i and not t.is_punct]
        media = any(t.lemma_.lower() in ctx.lexicon.media_nouns for t in naming)
        if (target.ent_type_ == "ORG" or media) and not ctx.in_quote(target.i):
            return source_range(ctx.doc, target)
    return None
