"""What every extraction step reads the same way off spaCy's English dependency labels: a verb's subjects,
the mark of its passive voice and the agent of a passive ("by" + object).

Whether a verb *is* passive differs on purpose between steps, each adding to ``has_passive_mark``: the
clause splitter lets a bare participle share the voice of the verb it is coordinated with ("was
detained and released"); factuality reads "he's denied it" as a perfect and a reduced relative
("the man detained") as a passive; the proposition reads headline participles ("Protesters detained")
as passives, inside the claim's span only. Attribution takes the mark alone.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
PASSIVE_MARK_DEPS = frozenset({"auxpass", "nsubjpass"})


def has_passive_mark(verb: Token, *, clausal_subject: bool = False) -> bool:
    """Whether ``verb`` has a passive auxiliary or a passive subject (with ``clausal_subject``, a passive
    clausal subject counts too: "That it happened was denied")."""
    marks = PASSIVE_MARK_DEPS | {"csubjpass"} if clausal_subject else PASSIVE_MARK_DEPS
    return any(child.dep_ in marks for child in verb.children)


def agent_of(verb: Token) -> Token | None:
    """The object of a passive's "by" phrase ("was told by officials" → officials), or None."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
    return None
