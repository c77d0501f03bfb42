"""Verb cues: a verb of the lexicon with what it reports.

``verb_frame`` takes a verb of saying, thinking, intending or of stance with its speaker and its
content: preposed ("X said that ...", "X warns: ..."), postposed ("..., X said.") or around the cue
("A, X said, B"), a quotation beside the cue ('"...," she said', 'he said this: "..."'), an infinitive
("vowed to ..."), an object ("denied the charges", "called the plan a disaster"), a preposition
("called for ...") or an idiom ("made clear that ..."); passive and impersonal cues ("it was
reported that ...", "it became known that ...", "X is expected to ...") have no named speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from wiretrace.extract.attribution_context import Context
from wiretrace.extract.attribution_speakers import cited_source, outlet_addressed, verb_source
from wiretrace.extract.attribution_spans import (
    Frame,
    Range,
    cue_adjuncts,
    cue_tokens,
    is_blank,
    subject_of,
    subtree_range,
    trim,
)
from wiretrace.extract.cues import CueLexicon, cue_lemma
from wiretrace.extract.syntax import has_passive_mark

# Verbs whose direct object is the person addressed, not what was said ("told reporters").
ADDRESSEE_VERBS = frozenset(
    {
        "tell", "inform", "assure", "reassure", "remind", "notify", "brief", "ask", "urge", "warn", "encourage",
        "convince", "persuade",
    }
)
CONTENT_PREP_SKIP = frozenset({"DATE", "TIME"})
IDIOM_PREPS = frozenset({"about", "over", "with", "on", "for", "to", "of", "against", "that"})
PARENTHETICAL_DEPS = frozenset({"advcl", "parataxis", "dep", "conj", "xcomp"})


def _real_passive_subject(verb: Token) -> Token | None:
    """The subject of a passive verb unless it is the expletive "it" ("it was reported that")."""
    return next((c for c in verb.children if c.dep_ in {"nsubjpass", "csubjpass"} and c.lower_ != "it"), None)


def postposed_content(verb: Token, cue_lemmas: frozenset[str]) -> list[Range] | None:
    """"..., X said." and "A, X said, B" parsed with the cue hanging off the reported clause: that
    clause without the cue's own words, on either side."""
    head = verb.head
    if verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"}:
        return None
    if verb.dep_ != "parataxis" and head.lemma_.lower() in cue_lemmas:
        return None  # "said X and added Y": the head reports something else
    if verb.dep_ != "parataxis" and head.i > verb.i:
        return None
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i + 1
    while left < verb.i and is_blank(doc[left]):
        left += 1
    if left == 0 or not is_blank(doc[left - 1]):
        return None
    sent_start, sent_end = verb.sent.start, verb.sent.end
    start, end = max(sent_start, head.left_edge.i), min(sent_end, head.right_edge.i + 1)
    pieces = [trim(doc, start, left, keep_quotes=True), trim(doc, right, end, keep_quotes=True) if right < end else None]
    found = [piece for piece in pieces if piece]
    return found or None


def _unmarked_clause(clause: Token) -> bool:
    """A clause with its own subject and no "as"/"when"/"because": a that-less report the parser missed."""
    children = list(clause.children)
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in children)
    return has_subject and not any(c.dep_ == "mark" for c in children) and clause.dep_ in {"advcl", "dep"}


def parenthetical_content(verb: Token, cue_lemmas: frozenset[str]) -> list[Range] | None:
    """"A, he said, B" and "A, he said.": the clauses the parser hung off the cue, set off by commas."""
    doc = verb.doc
    sent_start, sent_end = verb.sent.start, verb.sent.end
    pieces: list[Range] = []
    for child in verb.children:
        if child.dep_ not in PARENTHETICAL_DEPS or child.lemma_.lower() in cue_lemmas:
            continue
        if child.i < verb.i:
            after = child.right_edge.i + 1
            if after < len(doc) and (doc[after].is_punct or doc[after].is_quote):
                pieces.append((sent_start if child.dep_ != "conj" else child.left_edge.i, after))
        elif doc[child.left_edge.i - 1].text in {",", "--", "—", ";"} or _unmarked_clause(child):
            pieces.append((child.left_edge.i, min(child.right_edge.i + 1, sent_end)))
    trimmed = [piece for rng in pieces if (piece := trim(doc, *rng, keep_quotes=True))]
    return trimmed or None


def prepositional_content(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[list[Range], int] | None:
    """"called for X", "spoke of X", "warned against X": the object of the preposition, and the preposition."""
    allowed = lexicon.prepositional.get(lemma)
    if not allowed:
        return None
    prep = next((c for c in verb.rights if c.dep_ in {"prep", "prt"} and c.lower_ in allowed), None)
    if prep is None:
        return None
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    if not objects:
        return None
    start = prep.i + 1
    target = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < prep.i), None)
    if target is not None:  # "accused him of lying": the person and the charge, the cue is the verb
        return [(target.left_edge.i, max(o.right_edge.i for o in objects) + 1)], verb.i
    end = max(o.right_edge.i for o in objects) + 1
    for child in verb.rights:  # "called on Congress to act": the infinitive belongs to the content
        if child.dep_ in {"xcomp", "ccomp"} and child.i > prep.i:
            end = max(end, child.right_edge.i + 1)
    return [(start, end)], prep.i


def object_content(verb: Token) -> list[Range] | None:
    """The object of a speech verb and the phrases right after it ("denied the charges")."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"} and c.i > verb.i), None)
    if obj is None or obj.pos_ == "PRON" and obj.lower_ in {"this", "that", "it", "so"}:
        return None
    start, end = subtree_range(obj)
    for child in verb.rights:
        if child.i < end or child.dep_ not in {"prep", "oprd", "xcomp", "ccomp"}:
            continue
        if child.dep_ == "prep" and any(t.ent_type_ in CONTENT_PREP_SKIP for t in child.subtree):
            break
        if child.left_edge.i - end > 1:
            break
        end = child.right_edge.i + 1
    return [(start, end)]


def _quote_after_clause(ctx: Context, verb: Token) -> Range | None:
    """A quotation right after the cue's own short clause ("said on Tuesday:", "said this:")."""
    doc = ctx.doc
    for probe in range(verb.i + 1, min(len(doc), verb.i + 12)):
        if ctx.in_quote(probe) or doc[probe].is_sent_start and doc[probe - 1].text != ":":
            return None
        if doc[probe].text == ":":
            return ctx.quote_after(probe)
    ends = [c.right_edge.i for c in verb.rights if c.dep_ != "punct" and not ctx.in_quote(c.i)]
    end = max(ends, default=verb.i)
    return ctx.quote_after(end) if end - verb.i <= 8 else None


def naming_content(verb: Token) -> list[Range] | None:
    """"called the plan a disaster", "described it as a mistake": the object and what it is called."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubj", "ccomp"} and c.i > verb.i or c.dep_ == "dobj"), None)
    if obj is None:
        return None
    label = next((c for c in verb.rights if c.dep_ in {"oprd", "xcomp", "ccomp", "attr"} and c.i != obj.i), None)
    if label is None:
        label = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if label is None:
        return None
    return [(min(obj.left_edge.i, label.left_edge.i), max(obj.right_edge.i, label.right_edge.i) + 1)]


def _quote_before_clause(ctx: Context, verb: Token) -> Range | None:
    """'"...," he said.' parsed without a link from the cue to the quotation right before it (a cue
    with an object of its own, "expressed his view", reports that object, not the quotation)."""
    if any(c.dep_ in {"dobj", "xcomp"} for c in verb.rights):
        return None
    subject = ctx.subject(verb)
    first = min(verb.i, subject.left_edge.i) if subject is not None else verb.i
    return ctx.quote_before(first)


def _quote_content(ctx: Context, verb: Token) -> list[Range] | None:
    """For verbs that report only a quotation ('"...," he continued'): that quotation."""
    if ctx.subject(verb) is None:
        return None
    quote = ctx.quote_after(verb.i) or _quote_before_clause(ctx, verb)
    if quote is None:
        post = postposed_content(verb, ctx.lexicon.verbs)
        quoted = [rng for rng in post or [] if ctx.in_quote(rng[0]) or ctx.in_quote(rng[1] - 1)]
        return quoted or None
    return [quote]


def _infinitive(clause: Token) -> bool:
    return clause.pos_ in {"VERB", "AUX"} and any(c.tag_ == "TO" for c in clause.children)


def _complement(ctx: Context, verb: Token, lemma: str) -> list[Range] | None:
    """Content from the cue verb's own complements, in order of reliability."""
    lex = ctx.lexicon
    if lemma in lex.naming:
        named = naming_content(verb)
        if named or lemma not in lex.speech | lex.thought:
            return named
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "csubj"}]
    obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
    if clauses and obj is not None and lemma not in ADDRESSEE_VERBS and all(c.i < verb.i for c in clauses):
        clauses = []  # "A continues, witnesses report an explosion": A is a sibling, the object is reported
    if clauses:
        found = [subtree_range(c) for c in clauses]
        if lemma in lex.speech and all(c.i > verb.i for c in clauses):
            before = _quote_before_clause(ctx, verb)  # '"A," she said, "B."': A is hers too
            found += [before] if before is not None else []
        return found
    if lemma in lex.quote_only and lemma not in lex.speech:
        return _quote_content(ctx, verb)
    if lemma in lex.speech or lemma in lex.thought:
        post = postposed_content(verb, lex.verbs)
        if post:
            return post
    if lemma in lex.speech:
        quote = ctx.quote_after(verb.i) or _quote_after_clause(ctx, verb) or _quote_before_clause(ctx, verb)
        if quote is not None:
            return [quote]
    if lemma in lex.intention or lemma in lex.speech:
        xcomp = next((c for c in verb.rights if c.dep_ == "xcomp" and _infinitive(c)), None)
        if xcomp is not None:
            obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < xcomp.i), None)
            return [((obj or xcomp).left_edge.i, xcomp.right_edge.i + 1)]
    return None


def _object_licensed(verb: Token, lemma: str, lexicon: CueLexicon) -> bool:
    """Whether the verb's object is what it reports: speech and stance verbs, citing, and verbs of
    evidence with an evidence noun as subject ("the poll shows Smith ahead")."""
    if lemma in lexicon.stance or lemma in lexicon.citing:
        return True
    if lemma in lexicon.speech and lemma not in ADDRESSEE_VERBS:
        return True
    subject = subject_of(verb)
    return lemma in lexicon.thought and subject is not None and subject.lemma_.lower() in lexicon.evidence_nouns


def idiom_content(verb: Token, objects: frozenset[str]) -> tuple[list[Range], list[int]] | None:
    """"made clear that ...", "raised concerns about ...": the clause or the object's preposition."""
    obj = next((c for c in verb.rights if c.dep_ in {"dobj", "oprd", "acomp", "ccomp"} and c.lemma_.lower() in objects), None)
    if obj is None:
        return None
    clause = next((c for c in [*verb.rights, *obj.rights] if c.dep_ in {"ccomp", "acl"} and c.i > obj.i), None)
    if clause is not None:
        return [subtree_range(clause)], [obj.i]
    for holder in (obj, verb):
        prep = next((c for c in holder.rights if c.dep_ == "prep" and c.i > obj.i and c.lower_ in IDIOM_PREPS), None)
        target = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
        if target is not None:
            return [subtree_range(target)], [obj.i, prep.i]
    return None


def verb_content(ctx: Context, verb: Token, lemma: str) -> tuple[list[Range], list[int]] | None:
    """What a cue verb reports and any words it adds to the cue ("called *for*"), or None."""
    lex = ctx.lexicon
    if lemma in lex.idioms and (idiom := idiom_content(verb, lex.idioms[lemma])) is not None:
        return idiom
    prepositional = prepositional_content(verb, lemma, lex)
    if lemma not in lex.reporting:
        return (prepositional[0], [prepositional[1]]) if prepositional else None  # "push for", "make clear"
    content = _complement(ctx, verb, lemma)
    if content:
        return content, []
    if prepositional:
        return prepositional[0], [prepositional[1]]
    if lemma in lex.speech or lemma in lex.thought:
        content = parenthetical_content(verb, lex.verbs)
        if content and ctx.subject(verb) is not None:
            return content, []
    if _object_licensed(verb, lemma, lex):
        content = object_content(verb)
    return (content, []) if content else None


def verb_frame(ctx: Context, verb: Token) -> Frame | None:
    """A verb of saying, thinking or intending with what it reports (see the module docstring)."""
    lemma = cue_lemma(verb)
    if verb.pos_ not in {"VERB", "AUX"} or lemma not in ctx.lexicon.verbs or ctx.in_quote(verb.i):
        return None
    if lemma in ctx.lexicon.citing and verb.tag_ == "VBG" and cited_source(verb, ctx.lexicon):
        return None  # "citing officials" is a relay, resolved with its host in attribution_chain
    if verb.dep_ == "relcl" and lemma in ctx.lexicon.intention and lemma not in ctx.lexicon.speech:
        return None  # "those who refuse to leave": a description of people, not a report
    found = verb_content(ctx, verb, lemma)
    if not found:
        return None
    source, head = verb_source(ctx, verb)
    if source is None and not has_passive_mark(verb) and verb.dep_ not in {"ROOT", "ccomp", "conj", "relcl"}:
        return None  # a bare "to say" or "saying" with no speaker anywhere
    if source is None and verb.tag_ == "VB" and not has_passive_mark(verb):
        return None  # an imperative ("Tell us what happened") reports nothing
    content, extra_cue = found
    if has_passive_mark(verb) and source is None and (subject := _real_passive_subject(verb)) is not None:
        raised = next((c for c in verb.rights if c.dep_ == "xcomp" and _infinitive(c)), None)
        if raised is None:
            return None  # "explosions are heard": an event, not a report
        content = [subtree_range(subject), subtree_range(raised)]  # "X is expected to win"
    cue = sorted({*cue_tokens(verb), *extra_cue})
    first = min(start for start, _ in content)
    if first > verb.i and not extra_cue:
        cue = sorted({*cue, *cue_adjuncts(verb, first)})
    frame = Frame("indirect", verb.i, cue, source, content, head.i if head is not None else None)
    frame.addressee = outlet_addressed(ctx, verb)
    return frame
