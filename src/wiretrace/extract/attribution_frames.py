"""Cue finders other than verbs: from one token of a parsed ``Doc``, the frame it heads, if any.

- ``according_frame``: "according to X, ...".
- ``evidence_frame``: a fronted "In a poll released Monday, ...".
- ``there_is_frame``: "there is evidence/information that ...", "there was information about ...".
- ``hearsay_frame``: "reportedly", "allegedly" (a source-less report).
- ``colon_frame``: a speaker name opening a paragraph with a colon ("MINISTER: ...", "Poll: ...").
- ``dash_frame``: a quotation signed with a dash and a name.

Verb cues are in ``attribution_verbs``, noun cues in ``attribution_nouns``.
"""

from __future__ import annotations

from spacy.tokens import Token

from wiretrace.extract.attribution_context import Context, clip, paragraph_end, sentence_range
from wiretrace.extract.attribution_spans import Frame, Range, is_blank, source_range, subtract, subtree_range, trim


def according_frame(ctx: Context, token: Token) -> Frame | None:
    """"According to X, ..." (and the clause it attaches to, either side of it)."""
    if token.lower_ not in ctx.lexicon.according:
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    target = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if target is None:
        return None
    sentence = sentence_range(token)
    clause = subtree_range(token.head) if token.head.i != token.i else sentence
    clause = clip(clause, sentence) or sentence
    removed = set(range(*subtree_range(token)))
    content = [piece for rng in subtract([clause], removed) if (piece := trim(ctx.doc, *rng, keep_quotes=True))]
    if not content:
        return None
    return Frame("according-to", token.i, [token.i, to.i], source_range(ctx.doc, target, ctx.lexicon.verbs), content, target.i)


def evidence_frame(ctx: Context, token: Token) -> Frame | None:
    """"In a poll released Monday, 31 percent said ...": the clause, attributed to the poll."""
    if token.lower_ not in {"in", "from"} or token.dep_ != "prep" or ctx.in_quote(token.i):
        return None
    target = next((c for c in token.children if c.dep_ == "pobj"), None)
    if target is None or target.lemma_.lower() not in ctx.lexicon.survey_nouns:
        return None
    head = token.head
    subject = ctx.subject(head)
    if subject is None or subject.i < token.i:
        return None  # only a fronted "In a poll, ..."; "he leads in the polls" is where, not who
    sentence = sentence_range(token)
    clause = clip(subtree_range(head), sentence) or sentence
    removed = set(range(*subtree_range(token)))
    content = [piece for rng in subtract([clause], removed) if (piece := trim(ctx.doc, *rng, keep_quotes=True))]
    if not content or head.pos_ not in {"VERB", "AUX"}:
        return None
    return Frame("according-to", token.i, [token.i], source_range(ctx.doc, target), content, target.i)


def there_is_frame(ctx: Context, token: Token) -> Frame | None:
    """"There is evidence that ...", "there was information about ..." (no named source)."""
    if token.lemma_ != "be" or not any(c.dep_ == "expl" and c.lower_ == "there" for c in token.children):
        return None
    noun = next((c for c in token.children if c.dep_ in {"attr", "nsubj"} and c.lower_ in ctx.lexicon.info_nouns), None)
    if noun is None:
        return None
    comp = next((c for c in noun.rights if c.dep_ in {"acl", "ccomp", "relcl", "appos", "prep"}), None)
    if comp is None:
        return None
    if comp.dep_ == "prep":
        comp = next((c for c in comp.children if c.dep_ == "pobj"), None)
        if comp is None:
            return None
    expl = next(c for c in token.children if c.dep_ == "expl")
    cue = sorted({expl.i, token.i, noun.i, *(c.i for c in token.children if c.dep_ in {"aux", "neg"})})
    return Frame("according-to", token.i, cue, None, [subtree_range(comp)], None)


def hearsay_frame(ctx: Context, token: Token) -> Frame | None:
    """"The protesters were reportedly surrounded": the clause, from a source the text does not name."""
    if token.lower_ not in ctx.lexicon.hearsay or token.dep_ != "advmod" or ctx.in_quote(token.i):
        return None
    clause = clip(subtree_range(token.head), sentence_range(token))
    if clause is None:
        return None
    content = [piece for rng in subtract([clause], {token.i}) if (piece := trim(ctx.doc, *rng, keep_quotes=True))]
    return Frame("indirect", token.i, [token.i], None, content, None) if content else None


def _speaker_label(ctx: Context, rng: Range) -> bool:
    """A short speaker name before a colon: a person or organisation ("Clinton camp"), a transcript
    name in capitals ("PENCE"), or a source noun ("Poll"); not a heading ("Editor's note", "UPDATE")."""
    tokens = ctx.doc[rng[0] : rng[1]]
    if not 0 < len(tokens) <= 4 or not tokens[0].text[:1].isupper() or len(tokens.text) < 2:
        return False
    if tokens.text.lower().replace("’", "'") in ctx.lexicon.colon_labels:
        return False
    if any(t.pos_ in {"VERB", "AUX", "ADP", "PRON", "NUM", "SCONJ"} or t.like_num for t in tokens):
        return False
    named = any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in tokens)
    capitals = all(t.is_upper or t.is_punct for t in tokens)
    source_noun = len(tokens) == 1 and tokens[0].lemma_.lower() in ctx.lexicon.source_nouns
    return named or capitals or source_noun


def colon_frame(ctx: Context, token: Token) -> Frame | None:
    """"SPEAKER: words" opening a paragraph (transcripts, headlines such as "Poll: ..."): the words
    up to the end of the paragraph, or the quotation that follows."""
    doc = ctx.doc
    start = ctx.paragraph_starts[ctx.paragraph(token.i)]
    while start < token.i and is_blank(doc[start]):
        start += 1  # a paragraph may open with a stray quotation mark: "PENCE: ...
    if token.text != ":" or not _speaker_label(ctx, (start, token.i)):
        return None
    if ctx.in_quote(token.i) and ctx.quotes[ctx.quote_of[token.i]][0] < start - 1:
        return None
    quote = ctx.quote_after(token.i)
    content = quote or trim(doc, token.i + 1, paragraph_end(ctx, token.i), keep_quotes=True)
    if content is None or sum(1 for t in doc[content[0] : content[1]] if t.is_alpha) < 3:
        return None
    return Frame("indirect", token.i, [token.i], (start, token.i), [content], token.i - 1)


def dash_frame(ctx: Context, token: Token) -> Frame | None:
    """'"Words." — Name': a quotation signed with a dash and a name."""
    if token.text not in {"—", "―", "–", "-", "--"}:
        return None
    quote = ctx.quote_before(token.i)
    if quote is None:
        return None
    doc = ctx.doc
    end = token.i + 1
    limit = min(paragraph_end(ctx, token.i), token.i + 8)
    while end < limit and not doc[end].is_space and doc[end].text not in {",", ".", "(", ";", "|"}:
        end += 1
    name = trim(doc, token.i + 1, end)
    if name is None or not all(doc[i].pos_ == "PROPN" or doc[i].is_punct for i in range(*name)):
        return None
    if end < limit and doc[end].text not in {",", ".", "|"}:
        return None  # the name must close the sentence: '"..." - Jane Roe.'

    return Frame("indirect", token.i, [token.i], name, [quote], name[1] - 1)
