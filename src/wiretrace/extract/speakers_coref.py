"""Who a speaker mention stands for within one article: canonical names and antecedents.

A report names a source once in full and then shortens it: "The Interior Ministry of Freedonia" becomes
"the Interior Ministry of the country", "the ministry", "it"; "Jane Doe, a spokeswoman for the police"
becomes "Doe", "the spokeswoman", "she". ``ArticleMentions`` indexes the people, organisations and outlets
an article mentions (its entities and the speakers of its attributions) and answers four questions:

1. the fullest name of a mention (``canonical_org``, ``canonical_person``): a tail "of <proper name>"
   beats a descriptive one ("of the country"), which the name then drops;
2. the antecedent of a pronoun (``pronoun_antecedent``): "he"/"she" the nearest preceding person speaker,
   "it"/"they" the nearest preceding organisation, outlet or group;
3. the antecedent of a definite description (``description_antecedent``): "the ministry" the nearest
   mention whose head noun is "ministry" (a person's title counts: "the president");
4. a person speaker's name caught inside a role by a translation slip (``person_in``).

Why rules of our own: the coreference libraries for spaCy (coreferee, fastcoref, the experimental
``spacy-experimental`` coref) need models we cannot ship offline or no longer support spaCy 3.8, and the
shapes needed here are few and local to speaker mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from wiretrace.extract.attribution import Attribution, Relay
from wiretrace.extract.outlets import OutletRegistry
from wiretrace.extract.source_types import source_type
from wiretrace.extract.speakers_phrases import (
    GROUP_PRONOUNS,
    MEDIA_NOUNS,
    PERSON_PRONOUNS,
    drop_determiner,
    generic_mention,
    head_noun,
    is_proper,
    key,
    media_apposition,
    singular,
    tidy_role,
)

NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM"})
KIND_HEADS = {
    "agency": ("agency", "news agency", "wire"),
    "tv": ("channel", "broadcaster", "station", "television", "tv"),
    "radio": ("radio", "station", "broadcaster"),
    "newspaper": ("newspaper", "paper", "daily", "publication"),
    "magazine": ("magazine", "publication", "weekly"),
    "online": ("website", "site", "portal", "outlet", "publication"),
    "telegram": ("channel",),
}
"""Head nouns a definite description can use for an outlet of each registry kind ("the agency")."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a person, organisation, outlet or role-only group, at character ``start``.

    ``name`` is as written, determiner dropped, with the "of ..." tail the parser left outside an
    entity ("Interior Ministry of the country"); ``core`` is the name without that tail; ``heads`` are
    the nouns a definite description can use for it ("ministry"; a person's title or role word).
    """

    start: int
    name: str
    core: str
    kind: str  # "person", "org", "outlet" or "role"
    heads: frozenset[str]
    speaker: bool  # the speaker of an attribution or relay, not only an entity of the text
    role: str | None = None
    source: str = ""  # role mentions: the mention as written ("the ministry"), read again as an antecedent
    generic: bool = False  # role mentions: "officials", "a source", not one identifiable body


def _tail(doc: Doc, end: int) -> Span | None:
    """The "of <noun phrase>" right after token ``end`` that still belongs to a name ("... of the country")."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    stop = end + 1
    if stop < len(doc) and doc[stop].pos_ == "DET":
        stop += 1
    first = stop
    while stop < len(doc) and (doc[stop].pos_ in NAME_POS or doc[stop].ent_type_ in {"GPE", "LOC"}):
        stop += 1
    return doc[end:stop] if stop > first else None


def _is_person_entity(ent: Span, registry: OutletRegistry) -> bool:
    """A PERSON entity with a proper noun that no type word describes ("Jane Doe", not "Citizens" or an
    "Interior Ministry" the recogniser took for a person)."""
    return any(t.pos_ == "PROPN" for t in ent) and source_type(ent.text, None, registry) == "other"


def _title(doc: Doc, ent: Span) -> str | None:
    """The title written before a person's name ("President Jane Roe", "spokeswoman Jane Doe")."""
    start = ent.start
    while start > 0 and doc[start - 1].pos_ in {"PROPN", "NOUN"} and doc[start - 1].dep_ == "compound":
        if doc[start - 1].ent_type_:
            break
        start -= 1
    return doc[start : ent.start].text if start < ent.start else None


class ArticleMentions:
    """The mentions of one article, in text order, and the coreference rules over them."""

    def __init__(self, mentions: Iterable[Mention], persons: frozenset[str], doc: Doc) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.persons = persons  # keys of names the article uses for people
        self._doc = doc
        self._tokens = {t.idx: t.i for t in doc}  # the token starting at each character offset
        self._pos = {t.idx: t.pos_ for t in doc}

    @classmethod
    def from_entities(cls, doc: Doc, registry: OutletRegistry) -> ArticleMentions:
        """The people, organisations and outlets among ``doc.ents`` (speakers are added with ``add``)."""
        mentions: list[Mention] = []
        persons: set[str] = set()
        for ent in doc.ents:
            name = drop_determiner(ent.text)
            outlet = registry.match(name) if ent.label_ in {"ORG", "PERSON", "WORK_OF_ART"} else None
            if outlet is not None:
                heads = frozenset(KIND_HEADS.get(outlet.kind, ()))
                mentions.append(Mention(ent.start_char, outlet.full_name, outlet.full_name, "outlet", heads, False))
            elif ent.label_ == "PERSON" and _is_person_entity(ent, registry):
                persons.add(key(name))
                title = _title(doc, ent)
                heads = frozenset({singular(w) for w in title.split()} if title else ())
                mentions.append(Mention(ent.start_char, name, name, "person", heads, False, title))
            elif ent.label_ in {"ORG", "PERSON"}:
                tail = _tail(doc, ent.end)
                full = f"{name} {tail.text}" if tail is not None else name
                mentions.append(Mention(ent.start_char, full, name, "org", frozenset({head_noun(name)}), False))
        return cls(mentions, frozenset(persons), doc)

    def add(self, mention: Mention) -> None:
        """Add a speaker mention, keeping text order."""
        self.mentions.append(mention)
        self.mentions.sort(key=lambda m: m.start)
        if mention.kind == "person":
            self.persons = self.persons | {key(mention.name)}

    def add_speakers(self, found: Iterable[Attribution], registry: OutletRegistry) -> None:
        """Add the speakers of every attribution and relay; role-only ones last, so that a person
        named inside a role by a slip is known from the other attributions."""
        roles: list[tuple[int, str, str]] = []
        for attribution in found:
            for said in (attribution, *attribution.relays):
                if said.source is None:
                    continue
                speaker, role = said.speaker, said.speaker_role
                if speaker and self.is_common(speaker, said.source.text, said.source.start):
                    speaker, role = None, speaker
                if isinstance(said, Relay) and said.kind == "addressee" and speaker is None and role:
                    speaker, role = media_apposition(self.addressee_text(said), registry) or (None, role)
                if speaker:
                    self.add(self._named(said.source.start, speaker, role, registry))
                elif role:
                    roles.append((said.source.start, said.source.text, role))
        for start, source, role in roles:
            slip = self.person_in(role)
            if slip is not None:
                heads = frozenset({head_noun(slip[1])} if slip[1] else ())
                self.add(Mention(start, slip[0], slip[0], "person", heads, True, slip[1]))
            else:
                name, generic = self.common_name(role, source, start), generic_mention(source, role)
                heads = frozenset({head_noun(role)})
                self.add(Mention(start, name, name, "role", heads, True, source=source, generic=generic))

    def _named(self, start: int, speaker: str, role: str | None, registry: OutletRegistry) -> Mention:
        outlet = registry.match(speaker) or (registry.match(f"{role} {speaker}") if role else None)
        role_heads = {head_noun(role)} if role else set()
        if outlet is not None:
            heads = frozenset(KIND_HEADS.get(outlet.kind, ())) | role_heads
            return Mention(start, outlet.full_name, outlet.full_name, "outlet", heads, True, role)
        kind = self.kind_of(speaker, registry)
        heads = frozenset(role_heads if kind == "person" else role_heads | {head_noun(speaker)})
        return Mention(start, speaker, speaker, kind, heads, True, role)

    def kind_of(self, name: str, registry: OutletRegistry) -> str:
        """ "outlet", "person" or "org": the registry first, then what the article's entities say;
        an unrecognised name of two to four capitalised words that no type word describes is a person."""
        if registry.match(name) is not None:
            return "outlet"
        if self.is_person(name):
            return "person"
        if any(m.kind == "org" and key(m.core) == key(name) for m in self.mentions):
            return "org"
        words = name.split()
        plain = source_type(name, None, registry) == "other"
        return "person" if 2 <= len(words) <= 4 and is_proper(name) and plain else "org"

    def is_common(self, name: str, source: str, start: int) -> bool:
        """Whether a "name" the entity recogniser gave is only common nouns ("Citizens demand ...")."""
        offset = source.find(name)
        if offset < 0:
            return False
        tags = [self._pos.get(start + offset + word.start()) for word in re.finditer(r"\S+", name)]
        return all(tag in {"NOUN", "ADJ", "DET"} for tag in tags)

    def common_name(self, role: str, source: str, start: int) -> str:
        """A role as a name: determiner dropped, a sentence-initial common noun in lower case
        ("Officials said" → "officials")."""
        name = drop_determiner(role)
        first = name.split()[0]
        offset = source.find(first)
        if offset >= 0 and self._pos.get(start + offset) not in {"PROPN", None} and not first.isupper():
            name = name[0].lower() + name[1:]
        return name

    def is_person(self, name: str) -> bool:
        """Whether the article uses ``name`` (or a longer name ending with it) for a person."""
        wanted = key(name)
        return bool(wanted) and any(p == wanted or p.endswith(" " + wanted) for p in self.persons)

    def canonical_person(self, name: str) -> str:
        """The fullest name of a person: "Doe" → "Jane Doe" when the article writes both."""
        words = key(name).split()
        found = [
            m.name for m in self.mentions
            if m.kind == "person" and key(m.name).split()[-len(words):] == words
        ]  # fmt: skip
        return max(found, key=lambda n: len(n.split()), default=name)

    def canonical_org(self, name: str) -> str:
        """The fullest name of an organisation: a proper tail beats none, none beats a descriptive one.

        "Interior Ministry of the country" and "Interior Ministry" are both "Interior Ministry of
        Freedonia" when the article writes that anywhere; otherwise "Interior Ministry".
        """
        wanted = key(name)
        candidates = [name]
        for m in self.mentions:
            if m.kind not in {"org", "role"}:
                continue
            full, core = key(m.name), key(m.core)
            if wanted in {full, core} or full.startswith(wanted + " of ") or wanted.startswith(core + " of "):
                candidates += [m.name, m.core]
        return max(candidates, key=lambda n: (is_proper(n), len(n.split())))

    def role_of(self, name: str) -> str | None:
        """The first role the article gives a speaker of that name ("spokeswoman for the police"), else
        a title written before the name ("President")."""
        wanted = key(name)
        roles = [m for m in self.mentions if m.role and key(m.name) == wanted]
        return next((m.role for m in roles if m.speaker), roles[0].role if roles else None)

    def addressee_text(self, relay: Relay) -> str:
        """The outlet a speaker told, as written, with a name the parse left outside the mention."""
        text = relay.speaker_role or (relay.source.text if relay.source else "")
        if relay.source is None or not text or text.split()[-1].lower() not in MEDIA_NOUNS:
            return text
        after = self.name_after(relay.source.end)
        return f"{text} {after}" if after else text

    def name_after(self, end: int) -> str | None:
        """The proper name written right after character ``end`` ("the TV channel" + "Zoo 7") that the
        parse left out of a mention: a run of proper nouns and numbers holding a proper noun."""
        index = next((self._tokens[i] for i in range(end, end + 3) if i in self._tokens), None)
        if index is None:
            return None
        stop = index
        while stop < len(self._doc) and self._doc[stop].pos_ in {"PROPN", "NUM"}:
            stop += 1
        run = self._doc[index:stop]
        return run.text if any(t.pos_ == "PROPN" for t in run) else None

    def person_speakers(self) -> list[str]:
        """The names of the article's person speakers, longest first."""
        names = {m.name for m in self.mentions if m.kind == "person" and m.speaker}
        return sorted(names, key=len, reverse=True)

    def person_in(self, role: str) -> tuple[str, str | None] | None:
        """A person speaker named inside a role ("a representative of the police of the city of Jane
        Doe", a translation slip when Jane Doe speaks elsewhere): her name and the rest of the role."""
        for name in self.person_speakers():
            found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", role)
            if found is not None:
                rest = (role[: found.start()] + " " + role[found.end() :]).strip(" ,")
                return name, tidy_role(rest)
        return None

    def pronoun_antecedent(self, pronoun: str, start: int) -> Mention | None:
        """The nearest preceding speaker a pronoun can stand for; for "he"/"she" any person mention
        when no person has spoken yet."""
        word = pronoun.lower()
        before = [m for m in self.mentions if m.start < start]
        if word in PERSON_PRONOUNS:
            people = [m for m in before if m.kind == "person"]
            return next((m for m in reversed(people) if m.speaker), people[-1] if people else None)
        if word in GROUP_PRONOUNS:
            groups = [m for m in before if m.kind in {"org", "outlet", "role"} and m.speaker]
            return groups[-1] if groups else None
        return None

    def description_antecedent(self, description: str, start: int) -> Mention | None:
        """The mention a definite description ("the ministry", "the police department") stands for: the
        nearest preceding one (else the first following organisation or outlet) whose head noun is the
        description's and whose name or role holds every other word of it."""
        words = [singular(w) for w in re.findall(r"[\w-]+", drop_determiner(description))]
        if not words:
            return None
        head = head_noun(drop_determiner(description))

        def fits(m: Mention) -> bool:
            known = {singular(w) for w in re.findall(r"[\w-]+", f"{m.name} {m.role or ''}")} | m.heads
            return head in m.heads and set(words) <= known and m.start != start

        before = [m for m in self.mentions if m.start < start and fits(m)]
        if before:
            return before[-1]
        return next((m for m in self.mentions if m.start > start and m.kind in {"org", "outlet"} and fits(m)), None)
