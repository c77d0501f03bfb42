"""Described speakers: the name and the role/organisation held in one source mention.

"John Smith, a spokesman for the ministry", "the ministry's spokesman John Smith" and "an official
representative of the city police ... John Smith" all name a person and say what they speak for. The
chain keeps both: the name identifies the speaker, the role tells what kind of source it is. A
mention with no name ("a police spokesman", "witnesses") is all role; a name alone ("the Interior
Ministry", "the Associated Press") is all name; a pronoun is neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from wiretrace.extract.attribution_spans import Range

NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")
EDGE_POS = frozenset({"DET", "ADP", "CCONJ", "PUNCT", "SPACE", "PART"})


def _name_entity(ents: Sequence[Span], source: Range, head: int | None) -> Span | None:
    """The entity naming the speaker: the one holding the mention's head, or a person set beside the
    head as an apposition or closing the mention ("a spokeswoman, Jane Roe"). An entity that only qualifies the head ("the
    Smith campaign", "the ministry's spokesman") names no one: the mention is then all role."""
    ents = [e for e in ents if e.start >= source[0] and e.end <= source[1] and e.label_ in NAME_LABELS]
    if not ents:
        return None
    if head is None:
        return ents[-1] if len(ents) == 1 else None
    for ent in ents:
        if ent.start <= head < ent.end:
            return ent
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        if ent.root.dep_ == "appos" and ent.root.head.i == head or ent.end == source[1]:
            return ent  # "a spokeswoman, Jane Roe" and "spokesman for the city police Jane Roe"
    return None


def _proper_name(doc: Doc, source: Range, head: int | None) -> Span | None:
    """The run of proper nouns at the head ("said Ana Ruiz, a volunteer"), when no entity covers it."""
    if head is None or doc[head].pos_ != "PROPN":
        return None
    start = head
    while start - 1 >= source[0] and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start : head + 1]


def _trailing_name(doc: Doc, source: Range) -> Span | None:
    """Two or more proper nouns closing a described mention ("... representative of the police Jane
    Roe"): the name the entity recogniser missed. A name inside an organisation's name does not count."""
    start = source[1]
    while start > source[0] and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ in {"ORG", "GPE", "FAC"}:
        start -= 1
    if source[1] - start < 2 or start == source[0]:
        return None
    return doc[start : source[1]]


def _pieces(doc: Doc, source: Range, name: Span | None, person: bool) -> list[str]:
    """The descriptive stretches of the mention around the name, without determiners at their edges.
    After an organisation's name, a stretch still belongs to the name ("the ministry ... of the
    country"), so only what comes before it describes it ("Telegram channel X")."""
    runs: list[list[int]] = [[]]
    for i in range(*source):
        if name is not None and name.start <= i < name.end or doc[i].text in {",", "(", ")", "—", "–"}:
            runs.append([])
        else:
            runs[-1].append(i)
    if name is not None and not person:
        runs = [run for run in runs if run and run[0] < name.start]
    pieces = []
    for run in runs:
        while run and doc[run[0]].pos_ in EDGE_POS:
            run.pop(0)
        while run and (doc[run[-1]].pos_ in EDGE_POS or doc[run[-1]].tag_ == "POS"):
            run.pop()
        if run and any(doc[i].pos_ in {"NOUN", "PROPN", "ADJ"} for i in run):
            pieces.append(doc[run[0] : run[-1] + 1].text)
    return pieces


def speaker_parts(
    doc: Doc, source: Range | None, head: int | None, ents: Sequence[Span] | None = None
) -> tuple[str | None, str | None]:
    """``(name, role)`` of the speaker mention ``source`` (token range) headed by ``head``; pass
    ``ents`` (``doc.ents``) when calling many times, as spaCy builds that tuple on each access."""
    if source is None:
        return None, None
    if all(doc[i].pos_ == "PRON" or doc[i].is_punct for i in range(*source)):
        return None, None
    entity = _name_entity(doc.ents if ents is None else ents, source, head)
    name = entity or _proper_name(doc, source, head) or _trailing_name(doc, source)
    person = name is not None and (entity is None or entity.label_ == "PERSON")
    if name is not None and len(name) > 1 and name[0].pos_ == "DET":
        name = name[1:]  # "the coast guard" is named "coast guard"
    role = ", ".join(_pieces(doc, source, name, person)) or None
    return (name.text if name is not None else None), role
