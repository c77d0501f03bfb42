"""Claim chains: the attributions of one article turned into chains of canonical ``ChainLink`` records.

An ``Attribution`` says who spoke (a name, a role, a pronoun or nobody) and through whom the words
travelled (its relays, innermost first). ``SpeakerResolver`` turns that into the chain of DESIGN.md:
innermost speaker first, then each relay, then the article's outlet, every link with a canonical name,
a role and a type (``source_type``). The rules, in the order they are tried for one mention:

- no source at all ("it was reported", "there is information", "allegedly") and a source that is only
  an information noun ("according to the latest information") → ``UNNAMED``; "a report from X" → X;
- a name → the outlet registry's name, else the fullest mention of that person or organisation in
  the article (``speakers_coref``), keeping the role ("spokesman for the city police");
- a pronoun → the nearest preceding speaker it can stand for;
- a role only → a person speaker named inside it by a translation slip; a proper name in apposition
  to a media noun ("the state TV channel X" → X, role "state TV channel"); a definite description
  ("the ministry", "the department's press service") → its antecedent; else the role itself without
  its determiner ("witnesses", "correspondent", "police").

An "addressee" relay (the outlet a speaker told) is read the same way, with a proper name the parse
left just outside the mention ("told the TV channel" + "Zoo 7"). The chain never names the
outlet twice: a last relay that is the outlet itself (same registry entry or a near-identical name) is
dropped. ``outlet_link`` is the registry's entry; an outlet the registry lacks is ``media`` (or
``state-media`` when its name says so), and ``UNKNOWN_OUTLET`` is ``other``.

``speakers_coref`` holds the article-level index and the coreference rules, ``speakers_phrases`` the
string rules for the words of a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.tokens import Doc

from wiretrace.extract.attribution import Attribution, Relay, TextSpan, attributions
from wiretrace.extract.outlets import OutletRegistry
from wiretrace.extract.source_types import source_type
from wiretrace.extract.speakers_coref import ArticleMentions, Mention
from wiretrace.extract.speakers_phrases import (
    DETERMINERS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    drop_determiner,
    generic_mention,
    information_source,
    is_proper,
    key,
    media_apposition,
    possessive,
)
from wiretrace.records import UNKNOWN_OUTLET, ChainLink

UNNAMED = ChainLink("unnamed source", None, "unnamed")
CUE_PREFIX = re.compile(
    r"^(?:according to|citing|referring to|quoting|(?:as )?(?:reported|confirmed|denied|said) by)\s+", re.IGNORECASE
)
"""Cue words a caller may leave on a phrase given to ``named`` ("according to the correspondent")."""
NOT_NAMED_TYPES = frozenset({"unnamed", "witness"})
SAME_OUTLET_RATIO = 90.0  # rapidfuzz ratio of two normalised outlet names that are one outlet


@dataclass(frozen=True, slots=True)
class ResolvedSource:
    """The chain of one attribution and whether its innermost link names someone.

    ``chain`` runs innermost first and always ends with the article's outlet link; ``speaker_is_named``
    is False for unnamed sources, witnesses and generic role-only mentions ("officials", "a source").
    """

    chain: tuple[ChainLink, ...]
    speaker_is_named: bool


class SpeakerResolver:
    """Canonical names within ONE article: create one per article.

    The resolver reads every attribution of ``doc`` up front (``doc._.attributions`` when the pipeline
    component ran, else ``attributions(doc)``), because a name written in full later in the article
    still decides how an earlier short mention is named.
    """

    def __init__(self, doc: Doc, *, outlet: str | None, registry: OutletRegistry) -> None:
        self._registry = registry
        self._text = doc.text
        stored = doc._.attributions if Doc.has_extension("attributions") else None
        found = list(stored) if stored is not None else list(attributions(doc))
        self._mentions = ArticleMentions.from_entities(doc, registry)
        self._mentions.add_speakers(found, registry)
        self._outlet = self._make_outlet_link(outlet)

    def outlet_link(self) -> ChainLink:
        """The article's outlet: the registry's name and type, ``media`` if unlisted, ``other`` if unknown."""
        return self._outlet

    def resolve(self, attribution: Attribution) -> ResolvedSource:
        """The chain of one attribution of this article: speaker, relays, outlet."""
        inner, named = self._link(attribution.source, attribution.speaker, attribution.speaker_role)
        links = [inner] + [self._relay_link(relay) for relay in attribution.relays]
        chain = self._close(links)
        if len(chain) == 1:
            named = True  # the outlet speaks in its own name
        return ResolvedSource(chain, named and chain[0].type not in NOT_NAMED_TYPES)

    def named(self, text: str) -> ChainLink:
        """A link for a bare source phrase ("a report from the police", "the Interior Ministry"); the
        phrase is looked up in the article text for the position that coreference needs."""
        at = self._text.find(text)
        return self._phrase(CUE_PREFIX.sub("", text.strip()), at if at >= 0 else len(self._text))[0]

    def _make_outlet_link(self, outlet: str | None) -> ChainLink:
        if not outlet or not outlet.strip() or key(outlet) == key(UNKNOWN_OUTLET):
            return ChainLink(UNKNOWN_OUTLET, None, "other")
        found = self._registry.match(outlet)
        if found is not None:
            return ChainLink(found.full_name, None, found.type)
        state = source_type(outlet, None, self._registry) == "state-media"
        return ChainLink(outlet.strip(), None, "state-media" if state else "media")

    def _relay_link(self, relay: Relay) -> ChainLink:
        if relay.kind == "addressee" and relay.speaker is None:
            text = relay.speaker_role or (relay.source.text if relay.source else "")
            split = media_apposition(self._mentions.addressee_text(relay), self._registry)
            if split is not None:
                return self._name(*split)
            return self._phrase(text, relay.source.start if relay.source else len(self._text))[0]
        return self._link(relay.source, relay.speaker, relay.speaker_role)[0]

    def _link(self, source: TextSpan | None, speaker: str | None, role: str | None) -> tuple[ChainLink, bool]:
        """One speaker mention as a link, and whether it names someone."""
        if speaker is not None and source is not None and self._mentions.is_common(speaker, source.text, source.start):
            speaker, role = None, speaker
        if speaker is not None:
            return self._name(speaker, role), True
        if source is None or not source.text.strip():
            return UNNAMED, False
        if role is None:
            return self._pronoun(source.text.strip(), source.start)
        return self._role(role, source.text, source.start)

    def _phrase(self, text: str, start: int) -> tuple[ChainLink, bool]:
        """A source phrase with no parse: a name, a pronoun, an information noun or a role."""
        text = text.strip()
        if not text:
            return UNNAMED, False
        if text.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(text, start)
        bare = drop_determiner(text)
        if self._registry.match(bare) is not None or is_proper(bare) and information_source(bare) is None:
            return self._name(bare, None), True
        return self._role(bare, text, start)

    def _name(self, speaker: str, role: str | None) -> ChainLink:
        """A named speaker: the registry's outlet, else the article's fullest name for it."""
        outlet = self._registry.match(speaker) or (self._registry.match(f"{role} {speaker}") if role else None)
        if outlet is not None:
            return ChainLink(outlet.full_name, role, outlet.type)
        if self._mentions.kind_of(speaker, self._registry) == "person":
            name = self._mentions.canonical_person(speaker)
        else:
            name = self._mentions.canonical_org(speaker)
        role = role or self._mentions.role_of(name)
        return ChainLink(name, role, source_type(name, role, self._registry))

    def _mention(self, mention: Mention) -> tuple[ChainLink, bool]:
        """The link of an antecedent found by coreference."""
        if mention.kind == "role":
            return self._role(mention.name, mention.source, mention.start)
        return self._name(mention.name, mention.role), True

    def _pronoun(self, pronoun: str, start: int) -> tuple[ChainLink, bool]:
        antecedent = self._mentions.pronoun_antecedent(pronoun, start)
        return self._mention(antecedent) if antecedent is not None else (UNNAMED, False)

    def _role(self, role: str, source: str, start: int) -> tuple[ChainLink, bool]:
        """A mention without a name: see the module docstring for the order of the rules."""
        inner = information_source(role)
        if inner is not None:
            return self._phrase(inner, start) if inner else (UNNAMED, False)
        slip = self._mentions.person_in(role)
        if slip is not None:
            name = self._mentions.canonical_person(slip[0])
            return ChainLink(name, slip[1], source_type(name, slip[1], self._registry)), True
        split = media_apposition(role, self._registry)
        if split is not None:
            return self._name(*split), True
        owned = possessive(role)
        if owned is not None:
            return self._owned(owned[0], owned[1], start)
        if (source.split() or [""])[0].lower() in DETERMINERS - {"a", "an"}:
            antecedent = self._mentions.description_antecedent(role, start)
            if antecedent is not None:
                return self._mention(antecedent)
        name = self._mentions.common_name(role, source, start)
        return ChainLink(name, None, source_type(None, role, self._registry)), not generic_mention(source, role)

    def _owned(self, owner: str, thing: str, start: int) -> tuple[ChainLink, bool]:
        """ "the department's press service", "its press service" → "press service of the <department>"."""
        if owner.lower() in POSSESSIVE_PRONOUNS:
            antecedent = self._mentions.pronoun_antecedent(POSSESSIVE_PRONOUNS[owner.lower()], start)
        else:
            antecedent = self._mentions.description_antecedent(owner, start) if not is_proper(owner) else None
        if antecedent is not None:
            owner_link = self._mention(antecedent)[0]
        elif owner.lower() not in POSSESSIVE_PRONOUNS:
            owner_link = self._name(owner, None) if is_proper(owner) else ChainLink(owner, None, "other")
        else:
            owner_link = None
        if owner_link is None:
            return ChainLink(thing, None, source_type(None, thing, self._registry)), True
        article = "" if self._mentions.kind_of(owner_link.name, self._registry) != "org" else "the "
        name = f"{thing} of {article}{owner_link.name}"
        return ChainLink(name, None, source_type(name, None, self._registry)), True

    def _close(self, links: list[ChainLink]) -> tuple[ChainLink, ...]:
        """Drop repeated neighbours and a trailing outlet link, then end with the outlet."""
        chain: list[ChainLink] = []
        for link in links:
            if not chain or key(chain[-1].name) != key(link.name):
                chain.append(link)
        while chain and self._is_outlet(chain[-1]):
            chain.pop()
        return (*chain, self._outlet)

    def _is_outlet(self, link: ChainLink) -> bool:
        """Whether ``link`` is the article's own outlet: one registry entry or a near-identical name."""
        if self._outlet.name == UNKNOWN_OUTLET:
            return False
        mine, theirs = self._registry.match(self._outlet.name), self._registry.match(link.name)
        if mine is not None and theirs is not None:
            return mine.full_name == theirs.full_name
        return fuzz.ratio(key(link.name), key(self._outlet.name)) >= SAME_OUTLET_RATIO


__all__ = ["UNNAMED", "ResolvedSource", "SpeakerResolver"]
