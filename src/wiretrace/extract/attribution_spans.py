"""Token-level building blocks of attribution: the working ``Frame`` and the span helpers.

A frame is one cue with its source and content as token ranges ``[start, end)`` of a spaCy ``Doc``;
``attribution.py`` turns finished frames into records with character offsets. The helpers read only
the dependency parse and token attributes (no regular expressions over the text), so they cost little
beside the parse itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from wiretrace.extract.syntax import SUBJECT_DEPS

Range = tuple[int, int]

# Children of a cue verb that belong to the cue: auxiliaries, negation, particles ("point out").
CUE_CHILD_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})
# Clauses inside a subject that describe rather than name the speaker ("officials, who ..."): left out.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
MEDIUM_NOUNS = frozenset({"statement", "interview", "email", "letter", "speech", "post", "tweet", "release", "memo"})
GROUP_WORDS = frozenset({"both", "all", "each", "themselves", "himself", "herself", "itself", "that"})


@dataclass
class Frame:
    """One cue being resolved: token indices of the cue, its source range and its content ranges."""

    kind: str  # "indirect" or "according-to"; "direct" is decided once the content is final
    anchor: int  # the head token of the cue
    cue: list[int]
    source: Range | None
    content: list[Range]
    source_head: int | None = None
    relays: list[Frame] = field(default_factory=list)
    emitted: bool = True
    addressee: Range | None = None  # an outlet the speaker told ("told the state TV channel X")

    def tokens(self) -> set[int]:
        """Every token index the frame covers (cue, source and content)."""
        covered = set(self.cue)
        if self.source:
            covered.update(range(*self.source))
        for start, end in self.content:
            covered.update(range(start, end))
        return covered

    def contains(self, index: int) -> bool:
        return any(start <= index < end for start, end in self.content)


def is_blank(token: Token) -> bool:
    return token.is_space or token.is_punct or token.is_quote


def trim(doc: Doc, start: int, end: int, *, keep_quotes: bool = False) -> Range | None:
    """``[start, end)`` without spaces and punctuation at either end (quotes kept when asked)."""

    def drop(token: Token) -> bool:
        return token.is_space or (token.is_punct and not (keep_quotes and token.is_quote))

    while start < end and drop(doc[start]):
        start += 1
    while end > start and drop(doc[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def subtree_range(token: Token) -> Range:
    return token.left_edge.i, token.right_edge.i + 1


def is_expletive(token: Token) -> bool:
    """"there is", "it was reported that": a subject that names no one (a plain "it attacked" does)."""
    return token.dep_ == "expl" or token.lower_ == "there" or (token.lower_ == "it" and token.dep_ == "nsubjpass")


def subject_of(verb: Token, skip: frozenset[int] = frozenset()) -> Token | None:
    """The grammatical subject of ``verb`` (None for an expletive), passing over token indices in
    ``skip`` ("“..., full stop,” said Jane Roe": the parser may take a word of the quotation)."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.i not in skip:
            return None if is_expletive(child) else child
    return None


def source_range(doc: Doc, head: Token, cue_lemmas: frozenset[str] = frozenset()) -> Range | None:
    """The speaker mention headed by ``head``: its whole subtree, trimmed.

    Appositions, modifiers and relative clauses stay ("Tom Lee, a spokesman who joined in May,"), as
    PolNeAR marks them; a relative clause that reports something of its own ("Lee, who said ...,") is
    left out, being an attribution itself.
    """
    start, end = subtree_range(head)
    for token in doc[start:end]:
        if token.dep_ in CLAUSE_DEPS and token.lemma_.lower() in cue_lemmas and token.head.i >= start:
            if token.i > head.i:
                end = min(end, token.left_edge.i)
            else:
                start = max(start, token.right_edge.i + 1)
    while start < end - 1 and (doc[start].dep_ in {"advmod", "cc", "preconj"} or is_blank(doc[start])):
        start += 1  # "even Trump", "but officials"
    while end > start + 1 and (doc[end - 1].lower_ in GROUP_WORDS or is_blank(doc[end - 1])):
        end -= 1  # "they both", "officials themselves"
    return trim(doc, start, end)


def cue_tokens(verb: Token) -> list[int]:
    """The cue verb with its auxiliaries, negation, particle and an adverb right before it ("also said")."""
    indices = {verb.i}
    for child in verb.children:
        if child.dep_ in CUE_CHILD_DEPS and abs(child.i - verb.i) <= 3:
            indices.add(child.i)
    doc = verb.doc
    before = verb.i - 1
    while before >= 0 and before not in indices and doc[before].dep_ == "advmod" and doc[before].head == verb:
        if doc[before].ent_type_ or doc[before].like_num or doc[before].tag_ == "WRB":
            break
        indices.add(before)
        before -= 1
    return sorted(indices)


def cue_adjuncts(verb: Token, content_start: int) -> list[int]:
    """Short words between a cue verb and the content after it that say when or through what it was
    said ("said *in a statement* that", "said *Tuesday* that"): part of the cue, as PolNeAR marks it."""
    found: list[int] = []
    for child in verb.rights:
        if child.i >= content_start:
            break
        start, end = child.left_edge.i, child.right_edge.i + 1
        if end > content_start or end - start > 4:
            return []
        when = child.dep_ == "npadvmod" and child.ent_type_ == "DATE"
        medium = child.dep_ == "prep" and child.lower_ == "in" and any(t.lemma_.lower() in MEDIUM_NOUNS for t in child.subtree)
        if not (when or medium):
            return []
        found.extend(range(start, end))
    return found


def hull(ranges: list[Range]) -> Range:
    return min(start for start, _ in ranges), max(end for _, end in ranges)


def subtract(ranges: list[Range], removed: set[int]) -> list[Range]:
    """``ranges`` with the ``removed`` token indices cut out, as contiguous runs."""
    pieces: list[Range] = []
    for start, end in ranges:
        run_start = None
        for index in range(start, end):
            if index in removed:
                if run_start is not None:
                    pieces.append((run_start, index))
                run_start = None
            elif run_start is None:
                run_start = index
        if run_start is not None:
            pieces.append((run_start, end))
    return pieces
