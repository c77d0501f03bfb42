"""Noun cues: "his statement that ...", "Smith's plan to ...", "criticism of X from Y".

A noun of saying, thinking or intending reports its complement (a that-clause, a to-infinitive, or
the object of the preposition it takes) and names its speaker with a possessive or a "by"/"from"
phrase. Without a named speaker only a clausal complement counts ("the claim that ..."), since a bare
"support for the bill" says too little about who holds it.
"""

from __future__ import annotations

from spacy.tokens import Token

from wiretrace.extract.attribution_context import Context
from wiretrace.extract.attribution_spans import Frame, Range, source_range, subtree_range, trim

CLAUSE_DEPS = frozenset({"acl", "ccomp", "appos", "relcl"})


def _speaker(noun: Token) -> Token | None:
    """The possessor ("Smith's plan", "his claim") or the object of "by"/"from"."""
    for child in noun.lefts:
        if child.dep_ == "poss" or any(c.dep_ == "case" for c in child.children):
            return child  # "Smith's plan" (the parser may call a curly-apostrophe possessor a subject)
        if child.dep_ == "nsubj" and noun.dep_ == "ROOT":
            return child  # "Smith claims that ...", with "claims" mistagged as a plural noun
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _clause(noun: Token) -> Token | None:
    """A that-clause or to-infinitive right after the noun ("the claim that ...", "a plan to ...")."""
    for child in noun.rights:
        if child.dep_ not in CLAUSE_DEPS or child.pos_ not in {"VERB", "AUX"}:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ in {"mark", "aux"}}
        if marks & {"that", "to"} and child.left_edge.i > noun.i:
            return child
    return None


def _prepositional(noun: Token, allowed: frozenset[str]) -> tuple[Token, Token] | None:
    """The preposition the noun takes ("criticism of", "support for") and its object."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in allowed:
            target = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if target is not None and target.ent_type_ not in {"DATE", "TIME"}:
                return child, target  # "remarks on Saturday" says when, not what
    return None


def noun_frame(ctx: Context, noun: Token) -> Frame | None:
    """A noun of the lexicon with its speaker and what it reports (see the module docstring)."""
    allowed = ctx.lexicon.nouns.get(noun.lemma_.lower())
    if allowed is None or noun.pos_ != "NOUN" or ctx.in_quote(noun.i):
        return None
    speaker = _speaker(noun)
    clause = _clause(noun)
    cue = [noun.i]
    content: Range | None = None
    if clause is not None:
        content = subtree_range(clause)
    elif speaker is not None and (found := _prepositional(noun, allowed)) is not None:
        prep, target = found
        cue.append(prep.i)
        content = subtree_range(target)
    if content is None:
        return None
    source = source_range(ctx.doc, speaker) if speaker is not None else None
    if source is not None and ctx.doc[source[1] - 1].tag_ == "POS":
        source = trim(ctx.doc, source[0], source[1] - 1)
    return Frame("indirect", noun.i, cue, source, [content], speaker.i if speaker is not None else None)
