"""Factuality of a claim: asserted, hedged, negated, not-confirmed, denied, confirmed or opinion.

``factuality_of(span)`` judges one claim (a clause, with its reporting verb when the caller has it) and
returns a frozen ``Factuality`` with the label and the verbatim cue words that decided it, with their
character offsets in the Doc. The article-level pass that links a later confirmation or denial to the earlier
claim it answers lives in ``wiretrace.extract.factuality_links``.

How a label is decided (the conventions of ``DESIGN.md`` and ``seeds/expected.json``):

1. The claim's clauses are put in a chain: the frames above the span (only when a ``context`` Doc is given:
   the verb the claim is the complement of, e.g. *denied* in "X denied that [claim]"), the span's own
   predicate, and the content clauses below it inside the span ("Police said [the man was not armed]").
2. Each clause yields findings from its *own* tokens only (``factuality_clause.clause_tokens``), so a cue in
   a relative clause, an adverbial clause or a neighbouring conjunct never leaks into the claim.
3. The frames decide first (a denial, a confirmation, a belief or prediction verb, "is believed to",
   "reportedly said"); where the frames are neutral (*said*, *told*), the content clause decides; where
   nothing fires, the claim is asserted. Within a level the order is denied > not-confirmed > confirmed >
   opinion > negated > hedged. Bare *will* is no cue: announced measures and warnings are asserted;
   *would* is a hedge (a hypothetical) except in reported speech, where it is the past of *will*.
4. A negation on a frame above the span does not negate the content ("he did not say that X" says nothing
   about X), except that "did not confirm" makes it not-confirmed and "failed/refused to" negates it.
5. A span that is a noun phrase ("no casualties", "the alleged attack", "the delayed flight") is judged on
   the noun's own determiners and modifiers and on a verb that calls it off or seeks it, not on its clause.
6. A reporting verb whose content lies outside the span ("Analysts expected") is the act of reporting:
   asserted, whatever the verb means for its content.

Rules are ours, not a library's: the published factuality tools (FactBank/De Facto-style classifiers) need
trained models and do not produce this label set; the rule shapes follow Saurí & Pustejovsky's cue classes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wiretrace.extract import factuality_cues as cues
from wiretrace.extract.factuality_clause import (
    NOMINAL_POS,
    auxiliaries,
    clause_tokens,
    complements_below,
    first_conjunct,
    frames_above,
    is_passive,
    is_unnamed_source,
    object_control,
    predicate_of,
    subject_of,
    trailing_frames,
)
from wiretrace.extract.syntax import agent_of

PRIORITY = ("denied", "not-confirmed", "confirmed", "opinion", "negated", "hedged")
STRONG = ("denied", "not-confirmed", "confirmed")
DEFAULT = "asserted"


@dataclass(frozen=True, slots=True)
class Factuality:
    """The status of one claim and the words that decided it (``()`` for a plain asserted claim)."""

    label: str
    cues: tuple[str, ...] = ()
    cue_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class FactualityOptions:
    """Settings of the factuality rules, passed as an argument (never read from a global).

    ``look_outside``: with a ``context`` Doc, consult the frames above the span ("X denied that ...").
    ``max_frames``: how many framing predicates to climb through ("is believed [to be]" counts one).
    ``would_is_hedge``: treat *would* as a hedge in reported speech too. By default "said it would cut
    jobs" is an announced, asserted measure (our convention; MEANTIME marks some such events probable),
    while *would* outside reported speech ("two models would be discontinued") is always a hedge.
    """

    look_outside: bool = True
    max_frames: int = 3
    would_is_hedge: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """One cue found in one clause: the label it argues for, its tokens, and whether it may frame content."""

    label: str
    tokens: tuple[Token, ...]
    frames: bool = True  # False: counts only in the clause itself (plain negation, obligation, evaluation)
    lexical: bool = False  # decided by the verb's meaning for its content (deny, believe, is said to)


def factuality_of(
    span: Span | Doc, *, context: Doc | None = None, options: FactualityOptions | None = None
) -> Factuality:
    """The factuality of the claim in ``span``.

    Args:
        span: the claim: its content clause, with its reporting verb when known ("Police denied that ...").
        context: the Doc the span comes from; when given, the frames above the span are consulted, so a
            content span under "X denied that" is denied. Without it the span is judged on its own.
        options: rule settings (``FactualityOptions()`` by default).

    Returns:
        A ``Factuality`` with the label, the verbatim cue words and their character offsets in the Doc.
    """
    options = options or FactualityOptions()
    if isinstance(span, Doc):
        span = span[:]
    if context is not None and context is not span.doc:
        raise ValueError("factuality_of: context must be the Doc the span comes from")
    if len(span) == 0:
        return Factuality(DEFAULT)
    predicate = predicate_of(span)
    if predicate.pos_ in NOMINAL_POS:
        levels = _frame_levels(_frames(predicate, context, options), options)
        return _decide(levels, list(nominal_findings(predicate)))
    inner = complements_below(predicate, span)
    outside = context is not None and options.look_outside
    above = trailing_frames(predicate, span, outside=outside) + _frames(predicate, context, options)
    levels = _frame_levels(above, options)
    chain = [predicate, *inner]
    findings = [clause_findings(head, options) for head in chain]
    if not inner and _content_outside(predicate, span):
        # "he expected [...]" without its content: the expecting itself is what the span claims.
        findings[0] = [f for f in findings[0] if not f.lexical]
    return _decide([*levels, *findings[:-1]], findings[-1])


def _frames(predicate: Token, context: Doc | None, options: FactualityOptions) -> list[Token]:
    """The frames above the claim, nearest first; none when the span is judged on its own."""
    if context is None or not options.look_outside:
        return []
    return list(frames_above(predicate, options.max_frames))


def _frame_levels(frames: list[Token], options: FactualityOptions) -> list[list[Finding]]:
    """The findings of each frame that may speak for its content, outermost frame first."""
    return [[f for f in clause_findings(frame, options) if f.frames] for frame in reversed(frames)]


def _content_outside(predicate: Token, span: Span) -> bool:
    return any(
        (c.dep_ in ("ccomp", "xcomp") or object_control(c)) and not span.start <= c.i < span.end
        for c in predicate.children
    )


def _decide(frames: list[list[Finding]], content: list[Finding]) -> Factuality:
    """The outermost frame that says anything decides ("the complaint alleged that X failed to ..." is an
    allegation); a strong content label (a denial, a confirmation) beats a weak frame; else the content."""
    content_label = _best(content)
    for findings in frames:
        label = _best(findings)
        if label and (label in STRONG or content_label not in STRONG):
            return _record(label, findings)
    if content_label:
        return _record(content_label, content)
    return Factuality(DEFAULT)


def _best(findings: Sequence[Finding]) -> str | None:
    labels = {f.label for f in findings}
    return next((label for label in PRIORITY if label in labels), None)


def _record(label: str, findings: Sequence[Finding]) -> Factuality:
    tokens = sorted({t.i: t for f in findings if f.label == label for t in f.tokens}.values(), key=lambda t: t.i)
    spans = cue_phrases(tokens)
    doc = tokens[0].doc if tokens else None
    words = tuple(_chars(doc, a, b) for a, b in spans) if doc is not None else ()
    return Factuality(label, words, tuple(spans))


def _chars(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without rebuilding the whole text (spaCy joins every token for it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text[: end - start] if span is not None and span.start_char == start else doc.text[start:end]


def cue_phrases(tokens: Sequence[Token], gap: int = 3) -> list[tuple[int, int]]:
    """Character spans of the cue words, joining tokens at most ``gap`` tokens apart ("could not be confirmed")."""
    spans: list[tuple[int, int]] = []
    last: Token | None = None
    for token in tokens:
        end = token.idx + len(token.text)
        if last is not None and token.i - last.i <= gap and spans:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((token.idx, end))
        last = token
    return spans


def clause_findings(head: Token, options: FactualityOptions) -> list[Finding]:
    """All findings of the clause headed by ``head``, from its own tokens only."""
    clause = clause_tokens(head)
    found: list[Finding] = []
    for rule in RULES:
        found.extend(rule(head, clause, options))
    return found


# --- rules: each yields the findings of one cue class for one clause ------------------------------------


def negation_tokens(head: Token, clause: Sequence[Token]) -> list[Token]:
    """The negation words that negate ``head`` itself: its (or its auxiliaries') ``neg`` children, a
    negative determiner or pronoun as one of its arguments, and "neither ... nor"."""
    found = [c for c in head.children if c.dep_ == "neg" and not _is_not_only(c)]
    found += [c for aux in auxiliaries(head) for c in aux.children if c.dep_ == "neg"]
    for arg in head.children:
        if arg.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr", "expl", "npadvmod"):
            continue
        if arg.lower_ in cues.NEGATIVE_PRONOUNS:
            found.append(arg)
        found += [d for d in arg.children if d.dep_ == "det" and d.lower_ in cues.NEGATIVE_DETERMINERS]
    found += [c for c in head.children if c.dep_ in ("preconj", "cc") and c.lower_ in ("neither", "nor")]
    found += [c for c in head.children if c.dep_ == "advmod" and c.lower_ == "never"]
    found += [  # "no longer", "no more"
        g for c in head.children if c.dep_ == "advmod" and c.lower_ in ("longer", "more")
        for g in c.children if g.lower_ == "no"
    ]
    return sorted(set(found), key=lambda t: t.i)


def _is_not_only(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.lower_ in ("only", "just", "merely")


def rule_negation(head: Token, clause: Sequence[Token], options: FactualityOptions) -> Iterator[Finding]:
    negs = negation_tokens(head, clause)
    confirm_verb = head.lemma_.lower() in cues.CONFIRM_VERBS and not _appointment_sense(head)
    if negs and not confirm_verb:
        yield Finding("negated", tuple(negs), frames=False)
    xcomp = [c for c in head.children if c.dep_ == "xcomp"]
    if head.lemma_.lower() in cues.NEGATING_CONTROL_VERBS and xcomp and not negs:
        if not any(c.lemma_.lower() in cues.CONFIRM_VERBS for c in xcomp):
            yield Finding("negated", (head,), lexical=True)


def rule_hedge(head: Token, clause: Sequence[Token], options: FactualityOptions) -> Iterator[Finding]:
    auxes = auxiliaries(head)
    allowed_heads = {head, *auxes}
    allowed_heads.update(c for c in head.children if c.dep_ in ("acomp", "attr"))
    adverbs = [
        t for t in clause
        if t.lower_ in cues.HEDGE_ADVERBS and (t.head in allowed_heads or _parenthetical(t))
    ]
    modals = [a for a in auxes if a.lower_ in cues.HEDGE_MODALS]
    if options.would_is_hedge or not _reported(head):
        modals += [a for a in auxes if a.lower_ in cues.CONDITIONAL_MODALS]
    if adverbs or modals:
        yield Finding("hedged", tuple(adverbs + modals))
    lemma = head.lemma_.lower()
    has_complement = any(c.dep_ in ("xcomp", "ccomp") for c in head.children)
    if lemma in cues.HEDGE_RAISING_VERBS and has_complement:
        yield Finding("hedged", (head,), lexical=True)
    impersonal = any(c.dep_ in ("expl", "nsubjpass") and c.lower_ == "it" for c in head.children)
    if lemma in cues.HEDGE_PASSIVE_VERBS and is_passive(head) and (has_complement or impersonal):
        yield Finding("hedged", tuple(t for t in (*_expletive(head), *auxes, head)), lexical=True)
    elif lemma in cues.ALLEGATION_VERBS and head.pos_ == "VERB" and not is_passive(head):
        yield Finding("hedged", (head,), lexical=True)
    yield from _existential_report(head)


def _parenthetical(token: Token) -> bool:
    """", presumably," set off by punctuation modifies the whole clause, wherever the parser hung it
    (but "an allegedly drunk driver" modifies the adjective only)."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    marks = {",", "-", "--", "—", "–", "("}
    return token.head.pos_ not in ("ADJ",) and (before in marks or after in marks | {")"})


def _reported(head: Token) -> bool:
    """True when the clause is the content of a reporting verb ("said [it would cut jobs]")."""
    first = first_conjunct(head)
    return first.dep_ == "ccomp" and first.head.lemma_.lower() in cues.REPORTING_VERBS


def _expletive(head: Token) -> list[Token]:
    return [c for c in head.children if c.dep_ in ("expl", "nsubjpass") and c.lower_ == "it"]


def _existential_report(head: Token) -> Iterator[Finding]:
    """"There is evidence that ...", "there was information about ...": hedged unless negated."""
    expl = [c for c in head.children if c.dep_ == "expl" and c.lower_ == "there"]
    attrs = [c for c in head.children if c.dep_ in ("attr", "nsubj") and c.lemma_.lower() in cues.EVIDENCE_NOUNS]
    if expl and attrs and not negation_tokens(head, []):
        if not any(d.lower_ in cues.UNCONFIRMED_ADJECTIVES for d in attrs[0].children):
            yield Finding("hedged", (expl[0], head, attrs[0]))


def rule_unsupported(head: Token, clause: Sequence[Token], options: FactualityOptions) -> Iterator[Finding]:
    """not-confirmed: "no evidence that", "did not give evidence", "unconfirmed reports", "no confirmation"."""
    unconfirmed = [t for t in clause if t.lower_ in cues.UNCONFIRMED_ADJECTIVES]
    if unconfirmed:
        yield Finding("not-confirmed", tuple(unconfirmed))
    head_negs = negation_tokens(head, clause)
    for arg in head.children:
        if arg.dep_ not in ("dobj", "attr", "nsubj", "nsubjpass") or arg.lemma_.lower() not in cues.SUPPORT_NOUNS:
            continue
        dets = [d for d in arg.children if d.dep_ == "det" and d.lower_ in cues.NEGATIVE_DETERMINERS]
        if dets or head_negs:
            yield Finding("not-confirmed", (*(dets or head_negs), arg))
    for token in clause:
        pending = token.lemma_.lower() in cues.CONFIRM_PENDING_HEADS | cues.NEGATING_CONTROL_VERBS
        targets = [c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in cues.CONFIRM_VERBS]
        if pending and targets:
            yield Finding("not-confirmed", (token, targets[0]))


def rule_confirm(head: Token, clause: Sequence[Token], options: FactualityOptions) -> Iterator[Finding]:
    """confirmed / not-confirmed from a confirmation verb or noun heading the clause."""
    lemma = head.lemma_.lower()
    if lemma in cues.CONFIRM_VERBS and head.pos_ in ("VERB", "AUX"):
        if _appointment_sense(head) or _prescribed(head):
            return
        negs = negation_tokens(head, clause)
        if negs:
            modals = [a for a in auxiliaries(head) if a.tag_ == "MD"]  # "could not be verified"
            yield Finding("not-confirmed", (*modals, *negs, head), lexical=True)
        elif not is_unnamed_source(_confirmer(head)):
            agent = [c for c in head.children if c.dep_ == "agent"]
            yield Finding("confirmed", (head, *agent), lexical=True)
        return
    if lemma in cues.RECEIVE_VERBS:
        nouns = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.CONFIRM_NOUNS]
        if nouns and not negation_tokens(head, clause) and not is_unnamed_source(subject_of(head)):
            yield Finding("confirmed", (head, nouns[0]))


def _prescribed(head: Token) -> bool:
    """"Mexico must rebut the claims": a denial or confirmation that is demanded has not been made."""
    return any(a.lower_ in cues.OBLIGATION_MODALS for a in auxiliaries(head))


def _confirmer(head: Token) -> Token | None:
    """Who confirms: the agent of a passive ("confirmed by X"), else the subject of an active verb."""
    return agent_of(head) if is_passive(head) else subject_of(head)


def _appointment_sense(head: Token) -> bool:
    """"The Senate confirmed the nominee", "he was confirmed 92 to 0": an appointment, not a claim."""
    confirmer = _confirmer(head)
    if confirmer is not None and confirmer.lemma_.lower() in cues.CONFIRMING_BODIES:
        return True
    modifiers = [t for c in head.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree]
    if any(t.lemma_.lower() in ("vote", "majority") for t in modifiers):
        return True
    patient = subject_of(head) if is_passive(head) else next((c for c in head.children if c.dep_ == "dobj"), None)
    if patient is None:
        return False
    if patient.lemma_.lower() in cues.APPOINTEES:
        return True
    as_what = any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children)
    if as_what or any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for c in head.children):
        return False  # "confirmed that ...", "confirmed dead", "confirmed as a passenger"
    return patient.ent_type_ == "PERSON" or patient.lower_ in ("he", "she", "him", "her")


def rule_denial(head: Token, clause: Sequence[Token], options: FactualityOptions) -> Iterator[Finding]:
    """denied: deny/refute a claim, reject/dismiss a claim-like noun, call it false, "not true", "falsely"."""
    lemma = head.lemma_.lower()
    negated = bool(negation_tokens(head, clause)) or _prescribed(head)
    if lemma in cues.DENIAL_VERBS and not negated and not _refusal_sense(head):
        yield Finding("denied", (head,), lexical=True)
    elif lemma in cues.REJECTION_VERBS and not negated and _rejects_claim(head):
        yield Finding("denied", (head,), lexical=True)
    yield from _falsity(head, clause, negated)


def _objects(head: Token) -> list[Token]:
    objects = [c for c in head.children if c.dep_ in ("dobj", "dative", "attr")]
    if is_passive(head):
        objects += [c for c in head.children if c.dep_ == "nsubjpass"]
        if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
            objects.append(head.head)
    return objects


def _refusal_sense(head: Token) -> bool:
    """"denied bail", "was denied a permit", "denied him the victory": a refusal, not a denial."""
    children = list(head.children)
    if any(c.dep_ == "dative" for c in children):
        return True
    if is_passive(head) and any(c.dep_ == "dobj" for c in children):
        return True
    for obj in _objects(head):
        if obj.lemma_.lower() in cues.REFUSAL_NOUNS or obj.lower_ in ("him", "her", "them", "me", "us"):
            return True
    return False


def _rejects_claim(head: Token) -> bool:
    """reject/dismiss count as a denial only when what is rejected is something someone said."""
    if any(c.dep_ == "ccomp" for c in head.children):
        return True
    for obj in _objects(head):
        noun = obj.lemma_.lower()
        if _has_content_clause(obj):
            return True  # "rejected attacks that he was not a conservative"
        if noun in cues.CLAUSE_ONLY_NOUNS:
            if any(c.dep_ == "det" and c.lower_ in ("that", "this", "these", "those") for c in obj.children):
                return True  # "dismissed that suggestion"
        elif noun in cues.PROPOSITION_NOUNS or obj.lower_ in cues.PROPOSITION_NOUNS:
            return True
    return any(t.lower_ in cues.FALSE_WORDS for c in head.children if c.dep_ == "prep" for t in c.subtree)


def _has_content_clause(noun: Token) -> bool:
    """"the idea that ...", "attacks that he was ...": a noun carrying a that-clause is something said."""
    return any(
        c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in noun.children
    )


def _falsity(head: Token, clause: Sequence[Token], negated: bool) -> Iterator[Finding]:
    predicative = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd", "xcomp")]
    if head.pos_ == "ADJ":
        predicative.append(head)
    false_words = [t for t in predicative if t.lower_ in cues.FALSE_WORDS or t.lemma_.lower() in cues.FALSE_WORDS]
    false_words += [
        d for t in predicative for d in t.children if d.dep_ == "amod" and d.lower_ in cues.FALSE_WORDS
    ]
    if false_words and not negated:
        yield Finding("denied", tuple(false_words))
    true_words = [t for t in predicative if t.lower_ in cues.TRUE_WORDS or t.lower_ == "case"]
    true_negs = [c for t in true_words for c in t.children if c.dep_ == "neg"]  # "is [not true]"
    if true_words and (negated or true_negs):
        yield Finding("denied", (*negation_tokens(head, clause), *true_negs, *true_words))
    for arg in head.children:
        if arg.dep_ in ("nsubj", "nsubjpass", "dobj") and arg.lemma_.lower() in cues.PROPOSITION_NOUNS:
            amods = [d for d in arg.children if d.dep_ == "amod" and d.lower_ in cues.FALSE_WORDS]
            if amods:
                yield Finding("denied", tuple(amods))  # "the false claim that ..."
    falsely = [c for c in head.children if c.dep_ == "advmod" and c.lower_ in cues.FALSELY_ADVERBS]
    if falsely:
        yield Finding("denied", tuple(falsely))


def rule_opinion(head: Token, clause: Sequence[Token], options: FactualityOptions) -> Iterator[Finding]:
    """opinion: belief and prediction verbs, "likely", obligation modals, evaluative predicates."""
    lemma = head.lemma_.lower()
    has_complement = any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in head.children)
    if lemma in cues.BELIEF_VERBS and head.pos_ == "VERB" and has_complement:
        if not (is_passive(head) and lemma in cues.HEDGE_PASSIVE_VERBS):
            yield Finding("opinion", (head,), lexical=True)
    if lemma in cues.PREDICTION_VERBS and head.pos_ == "VERB":
        yield Finding("opinion", (head,), lexical=True)
    likely = [
        c for c in head.children
        if c.lower_ in cues.PREDICTION_ADJECTIVES and (c.dep_ == "advmod" or any(g.dep_ == "xcomp" for g in c.children))
    ]
    if lemma in cues.PREDICTION_ADJECTIVES and any(c.dep_ in ("xcomp", "ccomp") for c in head.children):
        likely.append(head)
    if likely:
        yield Finding("opinion", tuple(likely))
    obligations = [a for a in auxiliaries(head) if a.lower_ in cues.OBLIGATION_MODALS]
    if obligations and not _directed(head):
        yield Finding("opinion", tuple(obligations), frames=False)
    evaluative = _evaluative(head)
    if evaluative:
        yield Finding("opinion", tuple(evaluative), frames=False)
    stated = [
        t for t in clause
        if t.lemma_.lower() in cues.OPINION_NOUNS and t.dep_ in ("nsubj", "dobj", "pobj") and t.head.lower_ != "of"
    ]
    if stated:
        yield Finding("opinion", tuple(stated))


def _directed(head: Token) -> bool:
    """"The board decided that the plant should close": the content of a decision, not an opinion."""
    first = first_conjunct(head)
    return first.dep_ == "ccomp" and first.head.lemma_.lower() in cues.DIRECTIVE_VERBS


def _evaluative(head: Token) -> list[Token]:
    """Evaluative predicates: "is unacceptable", "was a mistake", "a terrible setback"."""
    predicative = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")]
    as_phrases = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "as"]  # "dismissed him as ..."
    predicative += [p for c in as_phrases for p in c.children if p.dep_ == "pobj"]
    if head.pos_ == "ADJ":
        predicative.append(head)
    found = [t for t in predicative if t.lemma_.lower() in cues.EVALUATIVE_ADJECTIVES and t.pos_ == "ADJ"]
    for noun in (t for t in predicative if t.pos_ in ("NOUN", "PROPN")):
        if noun.lemma_.lower() in cues.EVALUATIVE_NOUNS:
            found.append(noun)
        found += [d for d in noun.children if d.dep_ == "amod" and d.lemma_.lower() in cues.EVALUATIVE_ADJECTIVES]
    considered = head.lemma_.lower() == "consider" and is_passive(head)
    return found + ([head] if considered else [])


def nominal_findings(noun: Token) -> Iterator[Finding]:
    """A nominal mention ("no casualties", "the alleged attack", "the flight was delayed"): its own
    determiners and modifiers, and a governing verb that calls it off. The clause around it does not count:
    in "GM would axe 10,000 jobs" the jobs exist; only the axing is hypothetical."""
    negs = [c for c in noun.children if c.dep_ in ("det", "neg") and c.lower_ in cues.NEGATIVE_DETERMINERS | {"not"}]
    if noun.lower_ in cues.NEGATIVE_PRONOUNS:
        negs.append(noun)
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "advmod")]
    negs += [c for c in modifiers if c.lower_.rsplit("-", 1)[-1] in cues.NEGATING_MODIFIERS]
    governor = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and governor.lemma_.lower() in cues.NEGATING_GOVERNORS:
        negs.append(governor)
    if negs:
        yield Finding("negated", tuple(negs))
    hedges = [c for c in modifiers if c.lower_ in cues.NOMINAL_HEDGES or c.lower_ in cues.HEDGE_ADVERBS]
    if noun.dep_ in ("dobj", "nsubjpass") and governor.lemma_.lower() in cues.PROSPECTIVE_GOVERNORS:
        hedges.append(governor)
    if hedges:
        yield Finding("hedged", tuple(hedges))


RULES = (rule_negation, rule_hedge, rule_unsupported, rule_confirm, rule_denial, rule_opinion)
