"""Clause structure for the factuality rules: which tokens belong to a predicate's own clause, which verbs
frame it (``said``, ``denied``, ``is believed to``) and which clause a claim span is about.

A cue counts only inside the clause it belongs to: "Police, who may be wrong, said the man was arrested"
must not make the arrest hedged. spaCy's dependency parse gives the clauses; we cut a predicate's subtree at
the dependencies that start another clause (``CLAUSE_DEPS``). Nothing here knows any cue word except the
few nouns that carry reported content (``EVIDENCE_NOUNS``, ``PROPOSITION_NOUNS``), which decide whether an
``acl`` clause is reported content ("reports that the store was looted") or a plain modifier.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from wiretrace.extract.factuality_cues import (
    ANONYMITY_WORDS,
    CONFIRM_VERBS,
    DENIAL_VERBS,
    EVIDENCE_NOUNS,
    PROPOSITION_NOUNS,
    REPORTING_VERBS,
    UNNAMED_SOURCE_HEADS,
)
from wiretrace.extract.syntax import has_passive_mark

# Dependencies that start another clause: a cue below one of these belongs to that clause, not ours.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"})
COMPLEMENT_DEPS = ("ccomp", "xcomp")
PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
CONTENT_NOUNS = EVIDENCE_NOUNS | PROPOSITION_NOUNS
NAMED_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
FRAMING_VERBS = REPORTING_VERBS | CONFIRM_VERBS | DENIAL_VERBS


def is_clause_boundary(token: Token) -> bool:
    """True when ``token`` heads another clause than its head's (a complement, a relative, a conjunct verb)."""
    if token.dep_ in CLAUSE_DEPS:
        return True
    return token.dep_ == "conj" and token.pos_ in PREDICATE_POS and token.head.pos_ in PREDICATE_POS


def clause_tokens(head: Token) -> list[Token]:
    """The tokens of ``head``'s own clause: its subtree cut at every clause boundary below it."""
    found: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(child for child in token.children if not is_clause_boundary(child))
    return sorted(found, key=lambda t: t.i)


def first_conjunct(token: Token) -> Token:
    """The first verb of a coordination ("X denied ... and said ..."): conjuncts share its frame and subject."""
    while token.dep_ == "conj" and token.head.pos_ in PREDICATE_POS and token.head.i != token.i:
        token = token.head
    return token


def auxiliaries(head: Token) -> list[Token]:
    """The auxiliaries of ``head``; a conjunct verb without its own inherits its first conjunct's modals."""
    own = [child for child in head.children if child.dep_ in ("aux", "auxpass")]
    if own or head.dep_ != "conj":
        return own
    return [child for child in first_conjunct(head).children if child.dep_ == "aux" and child.tag_ == "MD"]


def subject_of(head: Token) -> Token | None:
    """The grammatical subject of a predicate, looking through coordination, control and participles."""
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return child
    if head.dep_ == "conj" and head.head.i != head.i:
        return subject_of(head.head)
    if head.dep_ == "xcomp" and head.head.i != head.i:
        return subject_of(head.head)
    if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    return None


def is_passive(head: Token) -> bool:
    """Passive voice; "he's denied it" is a perfect (has), not a passive, whatever the parser says."""
    children = list(head.children)
    if any(c.lower_ == "'s" and c.dep_ == "auxpass" for c in children) and any(c.dep_ == "dobj" for c in children):
        return False
    return has_passive_mark(head) or (head.tag_ == "VBN" and head.dep_ == "acl")


def is_unnamed_source(noun: Token | None) -> bool:
    """True for "a source", "officials", "the person familiar with ...": a speaker nobody can check.

    A name, an organisation, a nationality or a possessor ("her publicist", "CNN officials") makes the
    source identifiable; so does any head noun outside ``UNNAMED_SOURCE_HEADS`` ("police", "the ministry").
    """
    if noun is None:
        return False
    subtree = list(noun.subtree)
    if any(t.lower_ in ANONYMITY_WORDS for t in subtree):
        return True
    if noun.lemma_.lower() not in UNNAMED_SOURCE_HEADS and noun.lower_ not in UNNAMED_SOURCE_HEADS:
        return False
    return not any(
        t.pos_ == "PROPN" or t.ent_type_ in NAMED_ENTITY_TYPES or t.dep_ == "poss" for t in subtree if t.i != noun.i
    )


def predicate_of(span: Span) -> Token:
    """The predicate a claim span is about: its root, or the clause inside a noun-rooted span.

    "a charge that the leaders denied" is rooted in the noun *charge*; what the span claims is the
    relative clause, so its verb is the predicate.
    """
    root = span.root
    if root.pos_ in PREDICATE_POS:
        return root
    for child in root.children:
        if child.dep_ in ("relcl", "acl", "ccomp") and span.start <= child.i < span.end:
            return child
    return root


def content_noun_clause(head: Token, span: Span | None) -> Token | None:
    """A clause hanging on a reported-content noun argument: "there is no evidence [that X]"."""
    for child in head.children:
        if child.dep_ not in ("attr", "dobj", "nsubj", "nsubjpass", "pobj"):
            continue
        if child.lemma_.lower() not in CONTENT_NOUNS:
            continue
        for grandchild in child.children:
            if grandchild.dep_ in ("acl", "ccomp", "relcl") and grandchild.pos_ in PREDICATE_POS:
                if grandchild.dep_ == "relcl" and grandchild.tag_ != "VBN" and _has_relative_pronoun(grandchild):
                    continue  # "the reports, which said ..." is a relative, not the content
                if span is None or span.start <= grandchild.i < span.end:
                    return grandchild
    return None


def _has_relative_pronoun(clause: Token) -> bool:
    return any(t.tag_ in ("WDT", "WP", "WP$") for t in clause.children)


def participial_frame(head: Token, span: Span) -> Token | None:
    """"issued a statement [saying that ...]", "a post [confirming ...]": the participle frames the content."""
    for obj in head.children:
        if obj.dep_ not in ("dobj", "nsubj", "pobj", "attr"):
            continue
        for acl in obj.children:
            if acl.dep_ == "acl" and acl.tag_ == "VBG" and acl.lemma_.lower() in FRAMING_VERBS:
                if span.start <= acl.i < span.end:
                    return acl
    return None


def complements_below(head: Token, span: Span, limit: int = 3) -> list[Token]:
    """The chain of content clauses under a framing predicate, inside the span: said → [armed]."""
    chain: list[Token] = []
    current = head
    for _ in range(limit):
        nxt = (
            next((c for c in current.children if c.dep_ in COMPLEMENT_DEPS and span.start <= c.i < span.end), None)
            or content_noun_clause(current, span)
            or participial_frame(current, span)
        )
        if nxt is None:
            break
        chain.append(nxt)
        current = nxt
    return chain


def clause_head(token: Token) -> Token:
    """The verb a predicative adjective or noun belongs to: "worth" in "is believed to be worth" → "be"."""
    while token.dep_ in ("acomp", "attr", "oprd") and token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
    return token


def object_control(token: Token) -> bool:
    """"forecast the losses [to be] over $6bn": the parser often files the infinitive as an adverbial clause;
    an infinitive right after its verb's object is that verb's complement."""
    if token.dep_ not in ("advcl", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    head = token.head
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.i < token.i for c in head.children)


def _across_semicolon(a: Token, b: Token) -> bool:
    """A ';' between two clauses separates sentences the parser has glued together."""
    low, high = sorted((a.i, b.i))
    span = a.doc[low:high]
    return any(t.text == ";" for t in span if not (a.left_edge.i <= t.i <= a.right_edge.i))


def frames_above(predicate: Token, limit: int = 3) -> Iterator[Token]:
    """The predicates that frame ``predicate`` from outside: the verb it is the complement of, climbing
    through coordination and control ("is believed [to be]", "expects [to cut]") and stopping after the first
    clausal frame ("said [that ...]"), whose own frames say something about the saying, not the content.
    """
    current = first_conjunct(clause_head(predicate))
    for _ in range(limit):
        if current.dep_ in COMPLEMENT_DEPS or object_control(current):
            frame = current.head
            if frame.i == current.i or _across_semicolon(current, frame):
                return
            yield frame
            if current.dep_ == "ccomp":
                return
            current = first_conjunct(clause_head(frame))
            continue
        if current.dep_ == "pobj" and current.head.head.lemma_.lower() in CONTENT_NOUNS:
            current = current.head.head  # "reports [about the attack]": the noun's clause frames it
            if current.head.i != current.i and current.dep_ in ("attr", "dobj", "nsubj", "nsubjpass"):
                yield first_conjunct(current.head)
            return
        if current.dep_ in ("acl", "relcl") and current.head.lemma_.lower() in CONTENT_NOUNS:
            noun = current.head
            if noun.head.i != noun.i and noun.dep_ in ("attr", "dobj", "nsubj", "nsubjpass", "pobj"):
                governor = noun.head.head if noun.dep_ == "pobj" else noun.head
                yield first_conjunct(governor)
            return
        return


def _source_clause(token: Token) -> bool:
    """", her spokesman confirms" hung under the content as an adverbial clause: a framing verb with a
    subject and no complement of its own, after a comma."""
    if token.dep_ not in ("advcl", "parataxis", "dep") or token.lemma_.lower() not in FRAMING_VERBS:
        return False
    children = list(token.children)
    has_subject = any(c.dep_ == "nsubj" for c in children)
    bare = not any(c.dep_ in ("ccomp", "xcomp") for c in children)
    after_comma = token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","
    return has_subject and bare and after_comma


def trailing_frames(predicate: Token, span: Span, *, outside: bool) -> list[Token]:
    """A source clause the parser split off after the content: "X checked in, her rep confirms."

    spaCy often hangs the trailing "<source> <verb>" under the content as an adverbial clause, or makes it a
    sentence of its own. Its verb frames the content
    when it has no complement of its own and the split falls inside a sentence (a comma before or at the
    start of the piece, or a piece starting in lower case). Inside the span it always counts; after the span
    only when ``outside`` (a context Doc was given).
    """
    doc = predicate.doc
    hung = [c for c in predicate.children if _source_clause(c) and span.start <= c.i < span.end]
    if hung:
        return hung[:1]
    if not doc.has_annotation("SENT_START"):
        return []
    sentence = predicate.sent
    if sentence.end >= len(doc):
        return []
    following = doc[sentence.end :].sents
    nxt = next(iter(following), None)
    if nxt is None or (not outside and nxt.root.i >= span.end):
        return []
    root = nxt.root
    joined = doc[sentence.end - 1].text == "," or nxt[0].is_lower or nxt[0].text == ","
    bare = not any(c.dep_ in ("ccomp", "xcomp") for c in root.children)
    if joined and bare and root.lemma_.lower() in FRAMING_VERBS:
        return [root]
    return []
