"""One clause reduced to a short, normalised proposition (predicate + agent + patient + prepositional
arguments + negation), so that the link stage can compare the same event told by different reports.

"Scores of rioters were wounded", "scores of men were eliminated" and the headline "Scores of marchers
wounded near the depot" all come out as ``predicate`` wound/eliminate, ``object`` the counted group, no
``subject``: the roles are *semantic*, not grammatical. The spaCy dependency parse gives the structure; the
rules below only map it to roles. Decisions (each a choice the link stage can rely on):

Roles.
    ``subject`` is the agent: the ``nsubj`` of an active verb, the ``by`` phrase of a passive, else None.
    ``object`` is the patient/theme: the ``dobj`` of an active verb, the ``nsubjpass`` of a passive, the
    subject of a copula ("The town is quiet" -> ``be quiet``, object "town") and of an intransitive
    change-of-state verb (``UNACCUSATIVE_VERBS``: "Two people died", "The building collapsed") when there
    is no agent, and the pivot of an existential ("There were no injuries" -> ``be``, object
    "injuries"). Which intransitive verbs take a patient subject is lexical, and no maintained library
    offers the list, hence the small curated set.
Passives.
    An ``auxpass``/``nsubjpass`` marks a passive; so does a bare past participle (tag VBN, no auxiliary, no
    object) with its own subject or attached to a noun: the headline "Protesters killed in X" and the
    reduced relative "Scores of marchers wounded in X" (a noun root with an ``acl`` participle: the
    participle becomes the predicate and the noun, without the participle, the patient; when the
    participle hangs on a counted noun, the patient is the whole count, "scores of marchers"). The tagger
    often reads a headline's "detained" as a past tense (VBD): for the verbs of ``TRANSITIVE_ONLY_VERBS``
    a bare past form with a subject and no object is read as passive all the same.
Chains (xcomp).
    "tried to seize the depot" -> predicate ``try seize``: the lemmas of the chain, outer to inner, each
    with its particle. The outer verbs (try, fail, refuse, begin, threaten, be expected to) change whether
    the event happened and ``Proposition`` has no modality field, so they stay in the predicate where an
    exact comparison cannot confuse "tried to seize" with "seized"; the roles are those of the innermost
    verb (the event), its subject inherited by control ("Protesters were forced to leave the square" ->
    ``force leave``, subject "protesters", object "square"). The chain stops at object control ("Police
    ordered protesters to leave": ``order``, object "protesters"; the order's content is another clause).
Light verbs.
    A light verb (``LIGHT_VERBS``) whose object is a bare or indefinite event noun folds the noun into the
    predicate: "Troops opened fire on the crowd" -> ``open fire``, argument "on:crowd"; "carried out raids"
    -> ``carry out raid``; "made no arrests" -> ``make arrest``, negated. "took the airport" (definite, not
    an event noun) stays ``take`` + object. Event nouns: the curated ``EVENT_NOUNS`` or a nominal suffix.
Copulas.
    ``be``/``remain``/``become``/``seem`` + adjective or noun fold the complement's lemma into the predicate
    ("be quiet", "remain quiet", "be student"); the complement's own prepositional phrases become arguments.
Verbless fragments.
    A noun head: predicate = its lemma, object = its ``of`` phrase, subject = its possessor or ``by``
    phrase ("Removal of the barricades" -> ``removal``, object "barricades"); its compounds are dropped.
    An adjective head, or a noun followed by its adjective ("Streets quiet after the march"): ``be <adj>``
    with the noun as the theme.
Negation.
    ``negated`` is True for a ``neg`` dependent (not, n't, never) of the predicate words, or a negative
    determiner or pronoun on the subject, object or folded noun ("No injuries were recorded",
    "Nobody was hurt", "made no arrests"). The determiner itself is dropped from the phrase.
Phrases.
    A phrase is its head's subtree clipped to the span, with relative, participial and appositive clauses
    dropped (conjunctions kept whole: "police and soldiers"), written by ``normalise_phrase``. Arguments
    are prepositional phrases only (``"in:city centre"``, "according to:army"), in text order; adverbs,
    bare time nouns and clausal complements are left to the time and attribution stages. No string ever
    holds a token from outside the span; every word is a word or lemma of the span, except the ``be`` a
    verbless "Streets quiet" gets so that it compares with "Streets are quiet".
Left out.
    Lemmas are the model's (the small model gives "cordone" for "cordoned"); a nominal fragment's compounds
    ("police crackdown" -> ``crackdown``); nominal datives ("gave protesters a warning": no "to" to
    label them); a shared object of coordinated verbs ("stormed and cleared the building": the object goes
    to the verb the parser attached it to); ``negated`` does not count double negation; a headline
    participle is only recognised as the tagger tags it (VBN) or for ``TRANSITIVE_ONLY_VERBS``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from wiretrace.errors import WiretraceError
from wiretrace.records import Proposition

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Children whose subtree is another clause or an aside: dropped from every phrase.
PRUNED_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis", "ccomp", "csubj"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
PREP_POS = frozenset({"ADP", "SCONJ", "VERB"})  # "according" (VBG) heads "according to"
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
VERBAL_POS = frozenset({"VERB", "AUX"})
COPULAS = frozenset({"be", "remain", "become", "seem", "appear", "stay", "look", "sound", "prove"})
BARE_COPULAS = frozenset({"be", "remain", "stay"})  # copular even with no complement: "The mayor is in X"
# spaCy's small model parses "cordoned off the yard" with "off" as a preposition; adjacent to a verb
# with no object these read as particles.
PARTICLE_PREPS = frozenset({"off", "up", "out", "down"})
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
NEGATIVE_PRONOUNS = frozenset({"nobody", "nothing", "none", "noone", "nowhere"})
QUOTE_MARKS = frozenset("\"'`«»‹›‘’‚‛“”„‟「」")

# Intransitive verbs whose subject undergoes the event (patient), common in crisis reporting.
UNACCUSATIVE_VERBS = frozenset({
    "arise", "begin", "break", "burn", "close", "collapse", "continue", "crash", "decline", "decrease",
    "die", "disappear", "drop", "drown", "emerge", "end", "erupt", "escalate", "explode", "fall", "freeze",
    "grow", "happen", "increase", "occur", "open", "perish", "remain", "rise", "sink", "spread", "start",
    "stop", "subside", "surge", "ease", "worsen", "intensify", "resume",
})
LIGHT_VERBS = frozenset({"carry", "conduct", "give", "hold", "launch", "make", "mount", "open", "stage", "take"})
# Verbs hardly ever intransitive: a bare past form with a subject and no object is a headline passive
# ("Protesters detained in X"), whatever the tagger chose between VBD and VBN.
TRANSITIVE_ONLY_VERBS = frozenset({
    "abduct", "arrest", "behead", "capture", "convict", "deport", "destroy", "detain", "evacuate", "execute",
    "expel", "imprison", "injure", "jail", "kidnap", "kill", "loot", "murder", "rescue", "sentence", "slay",
    "torture", "wound",
})
# Nouns that count another noun through "of": the patient of "scores of marchers wounded" is the count.
QUANTITY_NOUNS = frozenset({
    "dozen", "score", "hundred", "thousand", "million", "number", "group", "handful", "couple", "crowd",
    "some", "many", "most", "several", "all", "none", "few", "majority", "rest",
})
# Nouns that carry the event after a light verb ("open fire", "take part", "launch an attack").
EVENT_NOUNS = frozenset({
    "action", "arrest", "assault", "attack", "bombing", "clash", "control", "crackdown", "fire", "march",
    "measure", "offensive", "part", "patrol", "place", "protest", "raid", "rally", "search", "shooting",
    "sit-in", "step", "strike", "sweep", "talk", "walkout", "warning",
})
EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence")


Roles = tuple[Token | None, Token | None]  # (agent, patient)


@dataclass
class _Frame:
    """What the clause walk collected: predicate words, the event verb and the tokens already given a role."""

    words: list[str] = field(default_factory=list)
    holders: list[Token] = field(default_factory=list)  # tokens whose prepositions are arguments
    used: set[int] = field(default_factory=set)  # token indices already in a role or the predicate
    copular: bool = False
    theme: Token | None = None  # an object found while walking (particle pobj, existential pivot)


def proposition(span: Span, *, head: Token | None = None) -> Proposition:
    """The proposition of the clause ``span``, headed by ``head`` (found when not given).

    Raises ``WiretraceError`` for an empty span or a head outside it; otherwise every span gives a
    proposition, however fragmentary (see the module docstring for the decisions).
    """
    if len(span) == 0:
        raise WiretraceError(f"empty span [{span.start}, {span.end}): no clause to reduce to a proposition")
    if head is None:
        head = _find_head(span)
    elif not _inside(head, span):
        where = f"[{span.start}, {span.end})"
        raise WiretraceError(f"head {head.text!r} (token {head.i}) lies outside the span {where}")
    head = _participle_of(head, span) or head
    if head.pos_ in VERBAL_POS:
        return _verbal(head, span)
    if _is_predicative(head):
        return _adjectival(head, next(iter(_children(head, span, *SUBJECT_DEPS)), None), span)
    described = [c for c in _children(head, span, "amod") if c.i > head.i and c.pos_ == "ADJ"]
    if head.pos_ in NOMINAL_POS and described:  # "Streets quiet in X": a postposed adjective predicates
        return _adjectival(described[0], head, span)
    return _nominal(head, span)


def normalise_phrase(tokens: Sequence[Token]) -> str:
    """``tokens`` as one short lower-case string: determiners, possessive pronouns and quotation marks
    dropped, outer punctuation and a dangling possessive "'s" trimmed, whitespace collapsed ("The city's
    'main' square" -> "city's main square"). Tokens are written in text order with their own spacing, so
    "city's" stays one word."""
    kept = sorted(tokens, key=lambda t: t.i)
    while kept and (kept[0].is_punct and kept[0].tag_ != "POS"):
        kept.pop(0)
    while kept and (kept[-1].is_punct or kept[-1].tag_ == "POS"):  # a dangling "'s" too
        kept.pop()
    parts = [token.whitespace_ if _dropped(token) else token.text_with_ws for token in kept]
    return re.sub(r"\s+", " ", "".join(parts)).strip().lower()


def _dropped(token: Token) -> bool:
    if token.dep_ in ("det", "predet") or token.tag_ in ("PRP$", "WP$"):
        return True
    return token.tag_ != "POS" and all(char in QUOTE_MARKS for char in token.text)


def _inside(token: Token, span: Span) -> bool:
    return token.doc is span.doc and span.start <= token.i < span.end


def _children(token: Token, span: Span, *deps: str) -> list[Token]:
    return [child for child in token.children if _inside(child, span) and (not deps or child.dep_ in deps)]


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _find_head(span: Span) -> Token:
    """The token whose head is outside the span (or itself): a verb first, then an auxiliary, then a
    predicative adjective, else the first such token."""
    roots = [t for t in span if t.head.i == t.i or not _inside(t.head, span)]
    for wanted in ("VERB", "AUX"):
        found = [t for t in roots if t.pos_ == wanted]
        if found:
            return found[0]
    return next((t for t in roots if _is_predicative(t)), roots[0])


def _is_predicative(token: Token) -> bool:
    """An adjective that is not attributive: an ``amod`` whose noun is cut off is no predicate."""
    return token.pos_ == "ADJ" and token.dep_ != "amod"


def _participle_of(head: Token, span: Span) -> Token | None:
    """The past participle of a headline "Scores of marchers wounded in X": an ``acl`` VBN child of the
    noun, or of the noun a quantity counts ("scores of marchers")."""
    noun: Token | None = head
    while noun is not None and noun.pos_ in NOMINAL_POS:
        found = [c for c in _children(noun, span, "acl") if c.tag_ == "VBN" and c.pos_ == "VERB"]
        if found:
            return found[0]
        noun = _counted(noun, span)
    return None


def _counted(noun: Token, span: Span) -> Token | None:
    """The noun a quantity counts: "marchers" in "scores of marchers", "three of the men"; else None."""
    if not (noun.pos_ == "NUM" or _lemma(noun) in QUANTITY_NOUNS or _children(noun, span, "nummod")):
        return None
    of = [p for p in _children(noun, span, "prep") if p.lower_ == "of"]
    objects = _children(of[0], span, "pobj") if of else []
    return objects[0] if objects else None


def _quantity_above(noun: Token, span: Span) -> Token:
    """The quantity that counts ``noun`` ("scores" for "marchers" in "scores of marchers"), else the noun."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and _inside(noun.head, span):
        upper = noun.head.head
        counted = _counted(upper, span) if upper.i != noun.head.i and _inside(upper, span) else None
        if counted is None or counted.i != noun.i:
            break
        noun = upper
    return noun


def _phrase_tokens(token: Token, span: Span, skipped: frozenset[int] | set[int] = frozenset()) -> list[Token]:
    """``token``'s subtree clipped to the span, minus the subtrees of clause and aside dependents and of
    the ``skipped`` token indices."""
    found: list[Token] = []
    stack = [token]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(c for c in _children(current, span) if c.dep_ not in PRUNED_DEPS and c.i not in skipped)
    return found


def _phrase(token: Token | None, span: Span) -> str | None:
    if token is None:
        return None
    return normalise_phrase(_phrase_tokens(token, span)) or None


def _is_negative(token: Token | None, span: Span) -> bool:
    """A negative pronoun ("nobody") or a noun with a negative determiner ("no injuries")."""
    if token is None:
        return False
    if _lemma(token) in NEGATIVE_PRONOUNS or token.lower_ in NEGATIVE_PRONOUNS:
        return True
    return any(c.lower_ in NEGATIVE_DETERMINERS for c in _children(token, span, "det"))


# --- verbal clauses -----------------------------------------------------------------------------------


def _verbal(head: Token, span: Span) -> Proposition:
    frame = _Frame()
    chain = _chain(head, span, frame)
    event = chain[-1]
    grammatical = _grammatical_subject(event, span)
    if grammatical is not None and grammatical.dep_ == "expl":
        grammatical = None
    agent, patient = _roles(event, grammatical, span, frame)
    frame.used.update(t.i for t in (agent, patient) if t is not None)
    negated = any(_children(t, span, "neg") for t in frame.holders) or any(
        _is_negative(t, span) for t in (agent, patient, *frame.holders)
    )
    return Proposition(
        predicate=" ".join(frame.words),
        subject=_phrase(agent, span),
        object=_phrase(patient, span),
        arguments=_arguments(frame.holders, span, frame.used),
        negated=negated,
    )


def _chain(head: Token, span: Span, frame: _Frame) -> list[Token]:
    """The xcomp chain from ``head`` down to the event verb, filling the predicate words as it goes."""
    chain = [head]
    while True:
        verb = chain[-1]
        frame.theme = None
        frame.holders.append(verb)
        frame.used.add(verb.i)
        frame.words.append(_lemma(verb))
        _add_particles(verb, span, frame)
        complement = _complement(verb, span, frame)
        owners = [verb] if complement is None else [verb, complement]
        if _children(verb, span, "dobj") and complement is None:
            return chain  # object control: "ordered protesters to leave" ends here
        nxt = next((c for o in owners for c in _children(o, span, "xcomp") if c.pos_ in VERBAL_POS), None)
        if nxt is None:
            return chain
        chain.append(nxt)


def _add_particles(verb: Token, span: Span, frame: _Frame) -> None:
    """Append ``verb``'s particles ("seal off"); a particle-like preposition's object becomes the theme."""
    for particle in _children(verb, span, "prt"):
        frame.words.append(particle.lower_)
        frame.used.add(particle.i)
    if _children(verb, span, "dobj", "prt"):
        return
    for prep in _children(verb, span, "prep"):
        objects = _children(prep, span, "pobj")
        if prep.i == verb.i + 1 and prep.lower_ in PARTICLE_PREPS and objects:
            frame.words.append(prep.lower_)
            frame.used.add(prep.i)
            frame.theme = objects[0]


def _complement(verb: Token, span: Span, frame: _Frame) -> Token | None:
    """Fold a copular complement ("be quiet") or a light verb's event noun ("open fire") into the predicate."""
    if _children(verb, span, "expl"):
        frame.theme = next(iter(_children(verb, span, "attr", "dobj")), None)
        frame.copular = True
        return None
    adjectives = _children(verb, span, "acomp") + [c for c in _children(verb, span, "xcomp") if c.pos_ == "ADJ"]
    nouns = _children(verb, span, "attr") if _lemma(verb) in COPULAS else []
    complement = next(iter(adjectives + nouns), None)
    frame.copular = complement is not None or _lemma(verb) in BARE_COPULAS
    if complement is None and _lemma(verb) in LIGHT_VERBS:
        complement = next((c for c in _children(verb, span, "dobj") if _is_event_noun(c, span)), None)
    if complement is not None:
        frame.words.extend(c.lower_ for c in _children(complement, span, "compound"))
        frame.words.append(_lemma(complement))
        frame.used.update([complement.i, *(c.i for c in _children(complement, span, "compound"))])
        frame.holders.append(complement)
    return complement


def _is_event_noun(noun: Token, span: Span) -> bool:
    """A bare or indefinite common noun naming an event: "fire", "an attack", "no arrests", "raids"."""
    if noun.pos_ != "NOUN" or _children(noun, span, "nummod", "poss"):
        return False
    if any(d.lower_ not in ("a", "an", *NEGATIVE_DETERMINERS) for d in _children(noun, span, "det")):
        return False
    lemma = _lemma(noun)
    return lemma in EVENT_NOUNS or lemma.endswith(EVENT_SUFFIXES)


def _grammatical_subject(token: Token, span: Span) -> Token | None:
    """The subject of ``token``, inherited through control, coordination and noun-modifying clauses."""
    for _ in range(len(span)):
        auxiliaries = _children(token, span, "aux", "auxpass")  # the small model sometimes hangs it there
        own = [s for t in (token, *auxiliaries) for s in _children(t, span, *SUBJECT_DEPS, "expl")]
        parent = token.head
        parent_inside = parent.i != token.i and _inside(parent, span)
        if own:
            relative = own[0].tag_ in ("WDT", "WP") and token.dep_ == "relcl" and parent_inside
            return parent if relative else own[0]
        if not parent_inside:
            return None
        if token.dep_ == "xcomp" and _children(parent, span, "dobj"):
            return _children(parent, span, "dobj")[0]
        if token.dep_ in ("acl", "relcl") and parent.pos_ in NOMINAL_POS:
            return _quantity_above(parent, span)
        if token.dep_ not in ("xcomp", "conj", "acomp"):  # "are ready to intervene" climbs via "ready"
            return None
        token = parent
    return None


def _is_passive(event: Token, span: Span) -> bool:
    """An auxpass/nsubjpass, or a bare past participle with no auxiliary and no object (headline style)."""
    if _children(event, span, "auxpass", "nsubjpass"):
        return True
    if _children(event, span, "aux", "dobj", "prt"):
        return False
    bare = event.tag_ == "VBN" or (event.tag_ == "VBD" and _lemma(event) in TRANSITIVE_ONLY_VERBS)
    if not bare:
        return False
    return bool(_children(event, span, "nsubj")) or (event.dep_ == "acl" and event.head.pos_ in NOMINAL_POS)


def _roles(event: Token, grammatical: Token | None, span: Span, frame: _Frame) -> Roles:
    """(agent, patient) of the event verb, given its grammatical subject."""
    if _is_passive(event, span):
        by = [p for p in _children(event, span, "agent") if _children(p, span, "pobj")]
        if by:
            frame.used.add(by[0].i)
        return (_children(by[0], span, "pobj")[0] if by else None), grammatical
    objects = [c for c in _children(event, span, "dobj") if c.i not in frame.used]
    patient = objects[0] if objects else frame.theme
    intransitive = _lemma(event) in UNACCUSATIVE_VERBS and not _children(event, span, "dobj")
    if patient is None and (frame.copular or intransitive):
        return None, grammatical
    return grammatical, patient


def _arguments(holders: Iterable[Token], span: Span, used: set[int]) -> tuple[str, ...]:
    """The prepositional phrases of the predicate words, in text order, as "prep:phrase"."""
    preps = sorted(
        (p for h in holders for p in _children(h, span, *PREP_DEPS) if p.i not in used and p.pos_ in PREP_POS),
        key=lambda t: t.i,
    )
    found = (_argument(prep, span) for prep in preps)
    return tuple(argument for argument in found if argument is not None)


def _argument(prep: Token, span: Span) -> str | None:
    """"in:city centre"; a two-word preposition ("according to", "because of", "out of") keeps both words,
    whichever of them the parser hung the object on."""
    label = [prep]
    label.extend(c for c in _children(prep, span, "prep", "pcomp") if c.i == prep.i + 1 and c.pos_ == "ADP")
    words = {t.i for t in label}
    objects = [c for t in label for c in _children(t, span, "pobj", "pcomp") if c.i not in words]
    phrase = normalise_phrase([t for o in objects for t in _phrase_tokens(o, span)])
    if not phrase:
        return None
    return f"{' '.join(t.lower_ for t in label)}:{phrase}"


# --- verbless fragments ----------------------------------------------------------------------------------


def _adjectival(adjective: Token, theme: Token | None, span: Span) -> Proposition:
    """"Streets quiet in X" read as "be quiet", the described noun as the theme; the prepositions after
    the adjective are its arguments, those before it stay in the theme ("streets of the capital")."""
    if theme is None:
        return Proposition(predicate=f"be {_lemma(adjective)}", arguments=_arguments([adjective], span, set()))
    after = [p for p in _children(theme, span, "prep") if p.i > adjective.i]
    skipped = {adjective.i, *(p.i for p in after)}
    before = {p.i for p in _children(theme, span, "prep") if p.i < adjective.i}
    return Proposition(
        predicate=f"be {_lemma(adjective)}",
        object=normalise_phrase(_phrase_tokens(theme, span, skipped)) or None,
        arguments=_arguments([adjective, theme], span, {adjective.i, theme.i} | before),
        negated=bool(_children(adjective, span, "neg")) or _is_negative(theme, span),
    )


def _nominal(head: Token, span: Span) -> Proposition:
    """"Removal of the barricades": the noun is the predicate, ``of`` its patient, a possessor or ``by``
    its agent."""
    preps = _children(head, span, "prep")
    of = next((p for p in preps if p.lower_ == "of" and _children(p, span, "pobj")), None)
    by = next((p for p in preps if p.lower_ == "by" and _children(p, span, "pobj")), None)
    possessor = next(iter(_children(head, span, "poss")), None)
    agent = _children(by, span, "pobj")[0] if by is not None else possessor
    patient = _children(of, span, "pobj")[0] if of is not None else None
    used = {head.i} | {t.i for t in (of, by) if t is not None}
    return Proposition(
        predicate=_lemma(head),
        subject=_phrase(agent, span),
        object=_phrase(patient, span),
        arguments=_arguments([head], span, used),
        negated=_is_negative(head, span) or bool(_children(head, span, "neg")),
    )
