"""Split a parsed English span into its propositions, one clause each, so the claim stage makes one claim
per clause.

"An operation continues in the city, explosions are heard" states two things; a claim record holds one.
The rules read spaCy's dependency parse (``en_core_web_sm``) and cut at the places where English joins
independent propositions:

- coordinated clauses and comma splices: "Rain fell and roads were closed", "Turnout was low, counting goes on";
- verb phrases sharing a subject: "Residents demand new elections, oppose the reform" (the second clause
  records the borrowed subject; "X was cordoned off by A and fired at B" borrows the agent A);
- non-restrictive relative clauses: "Troops left the palace, which had been occupied";
- finite concessive or contrastive adverbial clauses: "..., although two cars had been burned";
- a colon between a headline label and a clause: "Floods in the north: thousands evacuated".

What stays inside its clause: restrictive relatives ("the men who fled"), temporal, causal and conditional
clauses ("when", "because", "if"), infinitives and complements ("tried to storm the building"), and
disjunctions ("A or B" asserts neither). Reporting frames are the caller's business: pass the content span of
an attribution, or a whole unattributed sentence. Quotation marks are text like any other.

No library does this (textacy yields subject-verb-object triples, spaCy only sentences; ClausIE ports are
unmaintained and give no character offsets), hence these rules.

Every split must leave each clause one contiguous stretch: a split that would cut its host clause in two
(a relative clause in mid-sentence, an adverb the parser hung on the first verb after the second clause) is
not made. Clauses are therefore ordered, non-overlapping and inside the span.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wiretrace.errors import WiretraceError
from wiretrace.extract.syntax import SUBJECT_DEPS, agent_of, has_passive_mark

VERBAL_POS = frozenset({"VERB", "AUX"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "ADV", "NUM"})
COLON_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "AUX", "ADJ", "NUM"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SEPARATORS = frozenset({",", ";", "–", "—"})
RELATIVE_OPENERS = frozenset({",", "(", "–", "—"})
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where", "when"})
DISJUNCTIONS = frozenset({"or", "nor", "either", "neither"})
# Subordinators of a clause that states something of its own ("..., although two cars had been burned").
CONCESSIVE_MARKERS = frozenset({"although", "though", "whereas", "but"})
# Contrastive only after a comma: "calm, while the north saw clashes" but "queued while officials counted".
COMMA_CONTRASTIVE_MARKERS = frozenset({"while", "whilst"})
PAIRS = {"(": ")", "“": "”", "‘": "’", "«": "»", '"': '"'}
ANIMATE_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})
PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "who", "someone", "somebody", "everyone"})
# People and groups that act: "The minister was criticised by protesters and resigned" keeps the minister as
# the subject of "resigned", while "The square was cordoned off by troops and fired at ..." borrows the troops.
ANIMATE_NOUNS = frozenset(
    {
        "people", "person", "man", "woman", "child", "family", "crowd", "group", "resident", "citizen", "voter",
        "protester", "demonstrator", "activist", "official", "officer", "police", "policeman", "soldier", "troop",
        "force", "army", "military", "guard", "militant", "rebel", "fighter", "gunman", "attacker", "suspect",
        "victim", "witness", "journalist", "reporter", "correspondent", "minister", "president", "leader", "mayor",
        "governor", "spokesman", "spokeswoman", "spokesperson", "authority", "government", "ministry", "agency",
        "company", "worker", "student", "driver", "rescuer", "farmer", "opposition", "party", "union", "court",
        "judge", "parliament", "lawmaker", "candidate", "employee", "staff", "member", "crew", "unit", "team",
    }
)


@dataclass(frozen=True, slots=True)
class Clause:
    """One proposition of a span: a character range of ``doc.text`` and the token heading it.

    ``start`` and ``end`` skip a leading conjunction or subordinator ("and", "although"), commas and
    quotation marks at either edge. ``head`` is the doc-level index of the predicate (the root of a verbless
    fragment). ``subject`` is set only when the clause has no subject of its own and borrows one from the
    clause it is coordinated with: "Residents demand elections and [residents] oppose the reform".
    """

    start: int
    end: int
    head: int
    text: str
    subject: int | None = None


@dataclass(frozen=True, slots=True)
class ClauseOptions:
    """Which splitting rules run. Each is on by default except ``split_disjunctions``.

    Attributes:
        split_coordination: clauses with their own subjects joined by a conjunction ("A fell and B rose").
        split_comma_splices: clauses joined by a comma, semicolon or dash alone ("A fell, B rose").
        split_shared_subject: verb phrases sharing one subject ("Residents march, demand elections").
        agent_subject: in "X was done by A and did B", borrow the agent A, not X, as the subject of the
            second verb when X is not a person or group (``ANIMATE_NOUNS``, names, personal pronouns).
        split_relatives: non-restrictive relative clauses (", which ...", ", who ...", ", where ...").
        split_concessives: finite clauses of "although", "though", "whereas", and of "while" after a comma.
        split_colons: at a colon followed by a clause, when both sides hold ``min_colon_words`` content words.
        split_disjunctions: "A or B"; off because a disjunction asserts neither part.
        min_colon_words: content words each side of a colon needs before it splits ("Update: ..." does not).
    """

    split_coordination: bool = True
    split_comma_splices: bool = True
    split_shared_subject: bool = True
    agent_subject: bool = True
    split_relatives: bool = True
    split_concessives: bool = True
    split_colons: bool = True
    split_disjunctions: bool = False
    min_colon_words: int = 2


@dataclass(frozen=True, slots=True)
class _Group:
    """The words of one clause during assembly: first and last core token, head and borrowed subject."""

    first: int
    last: int
    head: int
    subject: int | None
    contentful: bool


def clauses(span: Span, *, options: ClauseOptions | None = None) -> list[Clause]:
    """The propositions of ``span``, in text order, one ``Clause`` each.

    Args:
        span: a span of a Doc parsed by an English spaCy pipeline with a dependency parser.
        options: which splitting rules run (``ClauseOptions``); all defaults when None.

    Returns:
        Ordered, non-overlapping clauses inside the span, each with at least one word. A span that does not
        split gives one clause covering it (trimmed); a span with no word but punctuation or a lone
        conjunction ("and") gives an empty list.

    Raises:
        WiretraceError: the Doc has no dependency parse.
    """
    options = options or ClauseOptions()
    doc = span.doc
    if len(span) and not doc.has_annotation("DEP"):
        raise WiretraceError(f"clauses(): the Doc of {span.text[:40]!r} has no dependency parse; parse it first")
    groups = [group for piece in _pieces(span, options) for group in _piece_groups(piece, options)]
    merged = _merge_overlaps(_fold_function_words(sorted(groups, key=lambda g: g.first)), doc)
    return _to_clauses(merged, doc, span)


# --- pieces: a colon between a label and a clause ---------------------------------------------------------


def _pieces(span: Span, options: ClauseOptions) -> list[Span]:
    """``span`` cut at each colon that separates two contentful parts, the right one a clause."""
    doc = span.doc
    if not options.split_colons:
        return [span]
    colons = [t.i for t in span if t.text == ":"]
    bounds: list[tuple[int, int]] = []
    start = span.start
    for k, colon in enumerate(colons):
        following = colons[k + 1] if k + 1 < len(colons) else span.end
        if _colon_splits(doc[start:colon], doc[colon + 1 : following], options):
            bounds.append((start, colon))
            start = colon + 1
    bounds.append((start, span.end))
    return [doc[a:b] for a, b in bounds if b > a]


def _colon_splits(left: Span, right: Span, options: ClauseOptions) -> bool:
    """"Floods in the north: thousands evacuated" splits; "Police listed demands: new elections" does not."""
    if not any(t.pos_ in VERBAL_POS for t in right):
        return False
    return all(sum(t.pos_ in COLON_CONTENT_POS for t in side) >= options.min_colon_words for side in (left, right))


# --- heads: which tokens start a clause of their own ------------------------------------------------------


def _piece_groups(piece: Span, options: ClauseOptions) -> list[_Group]:
    """Each clause head of ``piece`` with the core words it owns (every token goes to its nearest head)."""
    doc = piece.doc
    heads = _find_heads(piece, options)
    members: dict[int, list[Token]] = {i: [] for i in heads}
    for token in piece:
        owner = token
        while owner.i not in heads:
            owner = owner.head
        members[owner.i].append(token)
    groups = []
    for head, tokens in members.items():
        core = _core(tokens, doc[head])
        if core:
            contentful = any(t.pos_ in CONTENT_POS for t in core)
            groups.append(_Group(core[0].i, core[-1].i, head, heads[head], contentful))
    return groups


def _find_heads(piece: Span, options: ClauseOptions) -> dict[int, int | None]:
    """Clause heads of ``piece`` mapped to their borrowed subject (or None).

    The piece's local roots (tokens whose head lies outside it) always head a clause; non-restrictive
    relatives may hang anywhere; the other rules look at the children of a clause head, so a coordination
    inside a complement or a temporal clause stays where it is.
    """
    inside = range(piece.start, piece.end)
    heads: dict[int, int | None] = {t.i: None for t in piece if t.head.i == t.i or t.head.i not in inside}
    if options.split_relatives:
        heads.update((t.i, None) for t in piece if t.i not in heads and _non_restrictive_relative(t))
    stack = list(heads)
    while stack:
        head = piece.doc[stack.pop()]
        for child in head.children:
            if child.i in heads or child.i not in inside:
                continue
            splits, subject = _splits_off(head, child, options)
            if splits:
                heads[child.i] = subject
                stack.append(child.i)
    return heads


def _splits_off(head: Token, child: Token, options: ClauseOptions) -> tuple[bool, int | None]:
    """Whether ``child`` starts a clause apart from ``head``'s, and the subject it borrows."""
    if child.dep_ == "conj":
        return _coordinated(head, child, options)
    if options.split_concessives and _concessive(child):
        return True, None
    if options.split_comma_splices and _comma_splice(head, child):
        return True, None
    return False, None


def _coordinated(head: Token, conj: Token, options: ClauseOptions) -> tuple[bool, int | None]:
    """"A fell and B rose" (own subject), "A fell and rose again" (shared subject), never "A or B"."""
    if conj.pos_ not in VERBAL_POS or conj.i < head.i:
        return False, None
    if not options.split_disjunctions and _disjunctive(head, conj):
        return False, None
    if _own_subject(conj) is not None or _has_expletive(conj):
        return options.split_coordination, None
    if not options.split_shared_subject or head.pos_ not in VERBAL_POS or not _has_own_complement(head, conj):
        return False, None
    return True, _borrowed_subject(conj, options)


def _concessive(child: Token) -> bool:
    """A finite "although/though/whereas" clause, or a "while" clause set off by a comma."""
    if child.dep_ != "advcl" or _own_subject(child) is None or not _is_finite(child):
        return False
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
    if marks & CONCESSIVE_MARKERS:
        return True
    before = _neighbour(child.doc, child.left_edge.i - 1, -1)
    return bool(marks & COMMA_CONTRASTIVE_MARKERS) and before is not None and before.text in SEPARATORS


def _comma_splice(head: Token, child: Token) -> bool:
    """Two clauses with their own subjects, the split-off one finite, joined by a comma, semicolon or dash.

    spaCy files the first of "A continues, B is heard" as a complement (``ccomp``) of the second; a
    complement after its verb ("said that ...") or a subordinate clause ("when ...") is not a splice.
    """
    if child.dep_ not in {"ccomp", "parataxis", "dep", "advcl"}:
        return False
    if any(_own_subject(verb) is None and not _has_expletive(verb) for verb in (head, child)):
        return False  # both sides need a subject: "..., right?" is a tag, not a clause
    if not _is_finite(child) or (child.dep_ == "ccomp" and child.i > head.i):
        return False
    if child.dep_ == "advcl" and any(c.dep_ == "mark" or c.tag_ == "WRB" for c in child.children):
        return False
    if child.i < head.i:
        after = _neighbour(child.doc, child.right_edge.i + 1, 1)
        return after is not None and after.text in SEPARATORS and after.i < head.i
    before = _neighbour(child.doc, child.left_edge.i - 1, -1)
    return before is not None and before.text in SEPARATORS


def _non_restrictive_relative(token: Token) -> bool:
    """", which had been occupied", ", whose brother ...", ", in which ...": a wh-relative after a comma.
    A relative with "that" or without a comma restricts its noun ("the men who fled") and stays."""
    if token.dep_ != "relcl" or token.head.i > token.i:
        return False
    left = token.left_edge
    opening = token.doc[left.i : min(left.i + 2, token.i + 1)]
    if not any(t.lower_ in RELATIVE_WORDS for t in opening):
        return False
    before = _neighbour(token.doc, left.i - 1, -1)
    return before is not None and before.text in RELATIVE_OPENERS


# --- subjects ---------------------------------------------------------------------------------------------


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _has_expletive(verb: Token) -> bool:
    """"and there were casualties": the expletive stands where a subject would."""
    return any(c.dep_ == "expl" for c in verb.children)


def _is_finite(verb: Token) -> bool:
    """A tensed verb or one with a tensed auxiliary: "fell", "were burned", "has been freed", "will strike"."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


def _disjunctive(head: Token, conj: Token) -> bool:
    """An "or"/"nor" (or "either") between the two conjuncts, hung on either of them."""
    return any(
        c.dep_ in ("cc", "preconj") and c.lower_ in DISJUNCTIONS and c.i < conj.i
        for verb in (head, conj)
        for c in verb.children
    )


def _has_own_complement(head: Token, conj: Token) -> bool:
    """"searched the rubble, found survivors" has words after the first verb; "surrounded and stormed the
    building" shares its object, so it stays one clause."""
    return any(
        head.i < c.i < conj.i and c.dep_ not in ("cc", "preconj", "punct", "conj") and not c.is_space
        for c in head.children
    )


def _borrowed_subject(conj: Token, options: ClauseOptions) -> int | None:
    """The subject of the nearest earlier conjunct that has one; its agent instead in "X was cordoned off by
    A and fired at B" when X is not a person or group and the second verb is active."""
    first = conj.head
    subject = _own_subject(first)
    while subject is None and first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
        subject = _own_subject(first)
    if subject is None:
        return None
    if options.agent_subject and _is_passive(first) and not _is_passive(conj, shares_with=first):
        agent = agent_of(first)
        if agent is not None and not _is_animate(subject):
            return agent.i
    return subject.i


def _is_passive(verb: Token, shares_with: Token | None = None) -> bool:
    """Passive voice; a bare participle coordinated with a passive ("was detained and released") shares it."""
    if has_passive_mark(verb, clausal_subject=True):
        return True
    own_aux = any(c.dep_ == "aux" for c in verb.children)
    return shares_with is not None and verb.tag_ == "VBN" and not own_aux and _is_passive(shares_with)


def _is_animate(noun: Token) -> bool:
    """A person or a group that acts: a personal pronoun, a name of a person, group, organisation or
    country, or a noun of ``ANIMATE_NOUNS``."""
    if noun.lower_ in PERSONAL_PRONOUNS or noun.ent_type_ in ANIMATE_ENTITIES:
        return True
    return noun.lemma_.lower() in ANIMATE_NOUNS or noun.lower_ in ANIMATE_NOUNS


# --- assembly: words, trimming, ranges --------------------------------------------------------------------


def _is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)


def _neighbour(doc: Doc, i: int, step: int) -> Token | None:
    """The first token from ``i`` in direction ``step`` that is not white space or a quotation mark."""
    while 0 <= i < len(doc):
        token = doc[i]
        if not (token.is_space or token.is_quote):
            return token
        i += step
    return None


def _core(tokens: list[Token], head: Token) -> list[Token]:
    """The words of a clause, without conjunctions and without its own leading subordinator ("although")."""
    words = [t for t in tokens if _is_word(t) and t.dep_ != "cc"]
    while words and words[0].head.i == head.i and words[0].dep_ == "mark":
        words.pop(0)
    if len(words) > 1 and words[0].lower_ == "even" and words[1].dep_ == "mark":
        words = words[2:]  # "even though"
    return words


def _fold_function_words(groups: list[_Group]) -> list[_Group]:
    """A group of function words only ("of the", left by a span cut mid-phrase) joins the group before it,
    or the one after it when it comes first."""
    kept = [g for g in groups if g.contentful] or groups[:1]
    result = []
    for group in kept:
        absorbed = [g for g in groups if not g.contentful and g is not group and _nearest(g, kept) is group]
        first = min([group.first, *(g.first for g in absorbed)])
        last = max([group.last, *(g.last for g in absorbed)])
        result.append(_Group(first, last, group.head, group.subject, group.contentful))
    return result


def _nearest(group: _Group, kept: list[_Group]) -> _Group:
    """The contentful group before ``group``, else the first one after it."""
    before = [g for g in kept if g.first < group.first]
    return before[-1] if before else kept[0]


def _merge_overlaps(groups: list[_Group], doc: Doc) -> list[_Group]:
    """Join groups whose word ranges interleave (a split that would cut its host clause in two). The head
    that dominates the other, or else the earlier one, heads the joined clause."""
    merged: list[_Group] = []
    for group in sorted(groups, key=lambda g: g.first):
        if not merged or group.first > merged[-1].last:
            merged.append(group)
            continue
        prior = merged[-1]
        winner = group if doc[group.head].is_ancestor(doc[prior.head]) else prior
        last = max(prior.last, group.last)
        merged[-1] = _Group(prior.first, last, winner.head, winner.subject, prior.contentful or group.contentful)
    return merged


def _to_clauses(groups: list[_Group], doc: Doc, span: Span) -> list[Clause]:
    """The records for the groups, in order; each may take a quotation mark or bracket at its edge to close a
    pair opened inside it, never one the clause before has taken."""
    found: list[Clause] = []
    low = span.start
    for k, group in enumerate(groups):
        high = groups[k + 1].first - 1 if k + 1 < len(groups) else span.end - 1
        first, last = _balance(doc, group.first, group.last, (low, high))
        head = group.head
        if not first <= head <= last:
            head = doc[first : last + 1].root.i  # the head was a trimmed word (a lone conjunction's clause)
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        subject = group.subject if head == group.head else None
        found.append(Clause(start, end, head, doc[first : last + 1].text, subject))  # doc.text is O(len(doc))
        low = last + 1
    return found


def _balance(doc: Doc, first: int, last: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """Widen ``[first, last]`` within ``bounds`` by the quotation mark or bracket that closes a pair opened
    inside it: `He called it "a crime"` keeps its closing quote; a lone trailing quote is still trimmed."""
    text = doc[first : last + 1].text
    for opening, closing in PAIRS.items():
        excess = text.count(opening) - text.count(closing) if opening != closing else text.count(opening) % 2
        right, left = excess > 0, excess < 0 or (opening == closing and excess == 1)
        if right and last + 1 <= bounds[1] and doc[last + 1].text == closing:
            last += 1
        elif left and first - 1 >= bounds[0] and doc[first - 1].text == opening:
            first -= 1
    return first, last
