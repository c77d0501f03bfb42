"""Provenance of a claim cluster: who each report goes back to, and how many independent sources that makes.

A claim reaches a page through a chain (innermost first: the speaker, each relay, the outlet). The
*origin* of a report is its innermost link resolved to ONE identity across the story's articles: a
spokeswoman whose role names her organisation ("official representative of the city police
department"), that organisation's press service ("press service of the police department"), the
organisation under another word order ("police department of the city") and a shorter form of it
("the police") are one origin. ``OriginResolver`` is built once per story from all its mentions and
resolves names in three steps, with no list of known names:

1. a link that speaks for an organisation is read as that organisation: a person whose role is a
   position "of/for/at" an organisation ("spokesman for X", "head of the press service of X", "X's
   spokeswoman", "X spokesperson"), or a speaking unit named as such ("press service of X"). Positions
   and units are generic English words (``ProvenanceOptions.speaker_roles``). This applies to officials,
   media and others; an expert or a witness speaks for themselves, whatever their affiliation;
2. near-identical names (the same words in another order, a spelling or plural variant: rapidfuzz's
   ``token_sort_ratio`` at ``name_similarity`` or more, with the same numerals) are one identity;
3. a shorter name whose words are all in a longer name and include a word of its *core* (the words
   before its first "of/for/at/in": "police" is in "police department of the city", "Internal Affairs"
   is not the core of "Ministry of Internal Affairs") joins the longer one when exactly one identity
   contains it; a short name that fits two identities ("the police" in a story with two police
   departments) stays apart rather than guess.
Names merge only within one family of source types (officials; media and state media; experts; ...).

Who never names an origin: an unnamed source ("it was reported", "a correspondent", type ``unnamed``),
an unknown outlet's own voice (a placeholder, not a publisher: two unknown outlets may or may not be
one), and a witness who is not named ("witnesses", "residents"). A witness named as a person (a
PERSON entity of the claim, or a name of two capitalised words) is an origin of type ``witness``: a
named eyewitness is a primary source of their own.

``independence`` applies the rule of DESIGN.md: distinct origins; relays of one origin count once; an
outlet-voice report (headline, standfirst, caption or body) that restates what the same article
attributes elsewhere in the same cluster counts under that attribution; other outlet-voice reports
count as the outlet's own source; unnamed sources are shown among the relays but never counted; a
repost of an article whose report is in the cluster is the same report, neither counted nor shown twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from wiretrace.records import UNKNOWN_OUTLET, ChainLink, Claim, Mention, Origin, RelayPath

__all__ = [
    "Attribution", "OriginResolver", "ProvenanceOptions", "attribute", "independence", "is_named_link",
    "is_named_source", "is_outlet_voice",
]  # fmt: skip

UNNAMED = "unnamed"
SPEAKER_ROLES = (
    "representative", "spokesman", "spokeswoman", "spokesperson", "speaker", "press service", "press office",
    "press secretary", "press officer", "press centre", "press center", "press department", "press attaché",
    "information service", "information department", "public relations", "official", "officer", "head",
    "chief", "director", "deputy", "commander", "correspondent", "reporter", "journalist", "editor",
)  # fmt: skip
"""Positions and units that speak for the organisation they are "of": generic English, no names."""

FAMILIES = {"official": "official", "state-media": "media", "media": "media", "other": "other"}
"""Source types whose names may merge with each other; a type not listed is a family of its own."""
SPEAKS_FOR_ORGANISATION = frozenset({"official", "media", "other"})
_STOPWORDS = frozenset({"the", "a", "an", "of", "for", "at", "in", "on", "and", "to", "s"})
_ARTICLES = frozenset({"the", "a", "an"})
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_CORE_END = re.compile(r"\b(?:of|for|at|in)\b")
_ROLE_OF = re.compile(r"^(?P<head>.+?)\s+(?:of|for|at|with|from|to)\s+(?P<org>.+)$", re.IGNORECASE)
_ROLE_POSSESSIVE = re.compile(r"^(?P<org>.+?)['’]s\s+(?P<head>.+)$")


@dataclass(frozen=True, slots=True)
class ProvenanceOptions:
    """``name_similarity``: rapidfuzz ``token_sort_ratio`` (0-100) at which two names are one identity;
    ``word_similarity``: ``ratio`` at which two words are one word (plural and spelling variants);
    ``speaker_roles``: positions and units that speak for the organisation they are "of"."""

    name_similarity: float = 90.0
    word_similarity: float = 88.0
    speaker_roles: tuple[str, ...] = SPEAKER_ROLES


@dataclass(frozen=True, slots=True)
class _Form:
    """One organisation or source name as seen: its text, content words, core words, family, type."""

    text: str
    words: tuple[str, ...]
    core: frozenset[str]
    family: str
    type: str
    aliases: list[str] = field(default_factory=list, compare=False)
    seen: list[int] = field(default_factory=lambda: [0], compare=False)  # how many links stood for it

    @property
    def digits(self) -> frozenset[str]:
        return frozenset(w for w in self.words if w.isdigit())


_FormKey = tuple[str, str]  # (normalised text, family)
_LinkKey = tuple[str, str, str | None]  # a chain link as the resolver reads it: (name, type, role)


class OriginResolver:
    """The origins of one story: every named source of its mentions resolved to one identity.

    Built from the story's mentions (a name seen with a role in one article resolves the same name
    without it in another); ``origin(mention)`` then answers for any of them. ``extend`` adds the
    claims of one more article: new names are compared with those known (near-identical, shorter or
    longer forms) without grouping the known ones again, so a story's resolver grows at the cost of
    its new names; a name that gains a role it was registered without makes it rebuild from all the
    names seen. Grown article by article, the grouping follows arrival order (a short name joins the
    one identity that contains it when it is seen, or when that identity is).
    """

    def __init__(self, mentions: Sequence[Mention] = (), options: ProvenanceOptions | None = None) -> None:
        self.options = options or ProvenanceOptions()
        self._seen: dict[_LinkKey, list] = {}  # each named link once: [the link, how many reports name it]
        self._persons: dict[_FormKey, list[str]] = {}
        self._links: dict[_FormKey, _FormKey] = {}
        self._link_forms: dict[_LinkKey, list[_FormKey]] = {}
        self._learn([m.claim for m in mentions])
        self._rebuild()

    def extend(self, claims: Sequence[Claim]) -> set[str]:
        """Add the claims of one more article; returns the keys of the origins that changed (merged
        into another or renamed), so that what was counted under them can be counted again."""
        before = {key: self._origins[self._find(key)].key for key in self._forms}
        new_links, roles_changed = self._learn(claims)
        if roles_changed:
            self._rebuild()
        else:
            known = set(self._forms)
            for link, count in new_links:
                self._register(link, count)
            fresh = [key for key in self._forms if key not in known]
            for key in fresh:
                self._parent[key] = key
            for a, b in self._same_pending():
                self._union(a, b)
            self._group_new(fresh)
            self._origins = self._build_origins()
        return {old for key, old in before.items()  # a rebuild may read a name as another form: gone
                if key not in self._parent or self._origins[self._find(key)].key != old}

    def _learn(self, claims: Sequence[Claim]) -> tuple[list[tuple[ChainLink, int]], bool]:
        """Count the named links of ``claims`` and the organisations their roles speak for; returns the
        links not seen before (with their counts) and whether a registered name gained an organisation."""
        new: dict[_LinkKey, list] = {}
        for claim in claims:
            for link in _named_links(claim):
                key = (link.name, link.type, link.role)
                entry = self._seen.get(key)
                if entry is None:
                    entry = new.setdefault(key, [link, 0])
                else:
                    self._count_again(link)
                entry[1] += 1
        self._seen.update(new)
        roles_changed = False
        for link, _ in new.values():
            family = _family(link.type)
            organisation = (_organisation_of(link.role, self.options.speaker_roles, suffix=True)
                            if link.role and family in SPEAKS_FOR_ORGANISATION else None)
            name_key = (_normal(link.name), family)
            if organisation and organisation not in self._persons.get(name_key, []):
                self._persons.setdefault(name_key, []).append(organisation)
                roles_changed |= name_key in self._links
        return [(link, count) for link, count in new.values()], roles_changed

    def _count_again(self, link: ChainLink) -> None:
        """One more report naming a known link: its forms are seen once more."""
        for key in self._link_forms.get((link.name, link.type, link.role), ()):
            self._forms[key].seen[0] += 1

    def _rebuild(self) -> None:
        """Register every named link seen and group all names (the batch build)."""
        self._forms: dict[_FormKey, _Form] = {}
        self._links, self._link_forms = {}, {}
        self._same: list[tuple[_FormKey, _FormKey]] = []  # forms one person's roles name: one identity
        self._same_done = 0
        for link, count in self._seen.values():
            self._register(link, count)
        self._parent: dict[_FormKey, _FormKey] = {key: key for key in self._forms}
        for a, b in self._same_pending():
            self._union(a, b)
        self._group()
        self._origins = self._build_origins()

    def _same_pending(self) -> list[tuple[_FormKey, _FormKey]]:
        pending, self._same_done = self._same[self._same_done :], len(self._same)
        return pending

    def origin(self, mention: Mention) -> Origin | None:
        """The origin of ``mention``'s innermost link (the outlet itself for its own voice); None when the
        source is unnamed, an unknown outlet or an unnamed witness. A mention the resolver was not built
        with resolves to its own name, merged with nothing."""
        link = mention.claim.chain[0] if mention.claim.chain else None
        if link is None or not is_named_link(link, mention.claim):
            return None
        target = self._links.get((_normal(link.name), _family(link.type)))
        if target is None:  # a source the resolver was not built with: itself, merged with nothing
            return Origin(_normal(link.name), _strip_articles(link.name), link.type, (link.name,))
        return self._origins[self._find(target)]

    @property
    def origins(self) -> tuple[Origin, ...]:
        """Every origin of the story, in the order first seen."""
        return tuple(dict.fromkeys(self._origins[self._find(key)] for key in self._forms))

    def _register(self, link: ChainLink, count: int) -> None:
        """Record the form(s) a link stands for (seen ``count`` times) and which form its name resolves to."""
        family = _family(link.type)
        name_key = (_normal(link.name), family)
        organisations = self._persons.get(name_key, [])
        if not organisations and family in SPEAKS_FOR_ORGANISATION:
            organisations = [o for o in [_organisation_of(link.name, self.options.speaker_roles, suffix=False)] if o]
        keys = list(dict.fromkeys(self._add_form(text, link, count) for text in organisations or [_strip_articles(link.name)]))
        self._link_forms[(link.name, link.type, link.role)] = keys
        self._same += [(keys[0], other) for other in keys[1:]]
        self._links.setdefault(name_key, keys[0])

    def _add_form(self, text: str, link: ChainLink, count: int) -> _FormKey:
        family = _family(link.type)
        key = (_normal(text), family)
        if key not in self._forms:
            words = _content_words(text)
            core = _content_words(_CORE_END.split(text.lower(), maxsplit=1)[0]) or words
            self._forms[key] = _Form(text, words, frozenset(core), family, link.type)
        form = self._forms[key]
        form.seen[0] += count
        for alias in (text, link.name):
            if alias not in form.aliases:
                form.aliases.append(alias)
        return key

    def _group(self) -> None:
        """Union near-identical names, then each shorter name into the one identity that contains it."""
        keys = list(self._forms)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if self._near_identical(self._forms[a], self._forms[b]):
                    self._union(a, b)
        for a in sorted(keys, key=lambda k: -len(set(self._forms[k].words))):
            containers = {self._find(b) for b in keys if b != a and self._contains(self._forms[b], self._forms[a])}
            if len(containers) == 1:
                self._union(a, containers.pop())

    def _group_new(self, fresh: Sequence[_FormKey]) -> None:
        """``_group`` for names added to a grouped story: each new name against every name, and each
        known name a new one contains joined to it when that leaves it exactly one container."""
        keys = list(self._forms)
        for a in fresh:
            for b in keys:
                if b != a and self._near_identical(self._forms[a], self._forms[b]):
                    self._union(a, b)
        for a in sorted(fresh, key=lambda k: -len(set(self._forms[k].words))):
            containers = {self._find(b) for b in keys if b != a and self._contains(self._forms[b], self._forms[a])}
            if len(containers) == 1:
                self._union(a, containers.pop())
            for short in keys:
                if short not in fresh and self._contains(self._forms[a], self._forms[short]):
                    held = {self._find(b) for b in keys if b != short and self._contains(self._forms[b], self._forms[short])}
                    if len(held) == 1:
                        self._union(short, held.pop())

    def _near_identical(self, a: _Form, b: _Form) -> bool:
        if a.family != b.family or a.digits != b.digits or not a.words or not b.words:
            return False
        return fuzz.token_sort_ratio(" ".join(a.words), " ".join(b.words)) >= self.options.name_similarity

    def _contains(self, long: _Form, short: _Form) -> bool:
        """Whether ``short`` is a shorter form of ``long``: all its words in it, one of them in its core."""
        if long.family != short.family or not short.words or not short.digits <= long.digits:
            return False
        if len(set(short.words)) >= len(set(long.words)):
            return False
        return all(self._word_in(w, long.words) for w in short.words) and any(
            self._word_in(w, long.core) for w in short.words
        )

    def _word_in(self, word: str, words: Sequence[str] | frozenset[str]) -> bool:
        return any(word == w or fuzz.ratio(word, w) >= self.options.word_similarity for w in words)

    def _find(self, key: _FormKey) -> _FormKey:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a: _FormKey, b: _FormKey) -> None:
        self._parent[self._find(a)] = self._find(b)

    def _build_origins(self) -> dict[_FormKey, Origin]:
        """One ``Origin`` per group: key and name from the fullest form (most content words; among equals
        the one most seen, then the first seen), aliases from every form."""
        groups: dict[_FormKey, list[_Form]] = {}
        for key, form in self._forms.items():
            groups.setdefault(self._find(key), []).append(form)
        origins = {}
        for root, forms in groups.items():  # the fullest form; among equals the most seen, then the first
            fullest = max(forms, key=lambda f: (len(f.words), f.seen[0]))
            aliases = tuple(dict.fromkeys(alias for f in forms for alias in f.aliases))
            origins[root] = Origin(_normal(fullest.text), fullest.text, fullest.type, aliases)
        return origins


@dataclass(frozen=True, slots=True)
class Attribution:
    """What one mention counts under. ``origin`` is None for a source shown but never counted;
    ``source`` is the name to show (the origin's name, or e.g. "correspondent (unnamed)"); ``via`` the
    relays between the source and the outlet; ``inherited`` marks an outlet-voice restatement that takes
    the attribution of its own article; ``repeat`` a repost of a report already in the cluster."""

    mention: Mention
    origin: Origin | None
    source: str
    via: tuple[str, ...]
    inherited: bool = False
    repeat: bool = False


def attribute(mentions: Sequence[Mention], resolver: OriginResolver) -> tuple[Attribution, ...]:
    """One ``Attribution`` per mention, in the order given (see the module docstring for the rules)."""
    own = [_own_attribution(m, resolver) for m in mentions]
    present = {m.article for m in mentions}
    canonical = _canonical_articles(mentions)
    attributed: dict[int, list[Attribution]] = {}  # per article: its attributed reports, named ones first
    for mention, attribution in zip(mentions, own, strict=True):
        if not is_outlet_voice(mention.claim):
            attributed.setdefault(canonical[mention.article], []).append(attribution)
    for reports in attributed.values():
        reports.sort(key=lambda a: a.origin is None)
    result = []
    for mention, attribution in zip(mentions, own, strict=True):
        repeat = mention.repost_of is not None and mention.repost_of in present
        base = attributed.get(canonical[mention.article]) if is_outlet_voice(mention.claim) else None
        if base:
            via = (f"{mention.outlet} (own voice)",)
            attribution = Attribution(mention, base[0].origin, base[0].source, via, inherited=True)
        if repeat:
            attribution = Attribution(mention, attribution.origin, attribution.source, attribution.via,
                                      attribution.inherited, repeat=True)
        result.append(attribution)
    return tuple(result)


def independence(
    mentions: Sequence[Mention], resolver: OriginResolver
) -> tuple[int, tuple[Origin, ...], tuple[RelayPath, ...]]:
    """The number of distinct counted origins, those origins, and one relay path per report (unnamed
    sources included, reposts of a report already in the cluster left out)."""
    origins: dict[str, Origin] = {}
    relays = []
    for attribution in attribute(mentions, resolver):
        if attribution.repeat:
            continue
        if attribution.origin is not None:
            origins.setdefault(attribution.origin.key, attribution.origin)
        relays.append(RelayPath(attribution.source, attribution.via, attribution.mention.claim.id))
    return len(origins), tuple(origins.values()), tuple(relays)


def is_outlet_voice(claim: Claim) -> bool:
    """Whether the claim is the outlet's own voice (no attribution: its chain is the outlet alone)."""
    return claim.kind == "outlet-voice" or len(claim.chain) <= 1


def is_named_link(link: ChainLink, claim: Claim) -> bool:
    """Whether a chain link names a source that can be an origin (see the module docstring)."""
    if link.type == UNNAMED or link.name == UNKNOWN_OUTLET or not link.name.strip():
        return False
    if link.type == "witness":
        persons = {e.name.lower() for e in claim.entities if e.label == "PERSON"}
        capitalised = [w for w in link.name.split() if w[:1].isupper()]
        return link.name.lower() in persons or len(capitalised) >= 2
    return True


def is_named_source(source: str) -> bool:
    """Whether a source name shown by ``Attribution.source`` is a named one (not "... (unnamed)")."""
    return not (source.endswith(f"({UNNAMED})") or source == f"{UNNAMED} source" or source == UNKNOWN_OUTLET)


def _own_attribution(mention: Mention, resolver: OriginResolver) -> Attribution:
    """The mention's attribution from its own chain, before any inheritance."""
    chain = mention.claim.chain
    via = tuple(link.name for link in chain[1:-1])
    origin = resolver.origin(mention)
    if origin is not None:
        return Attribution(mention, origin, origin.name, via)
    name = chain[0].name if chain else UNKNOWN_OUTLET
    shown = name if UNNAMED in name or name == UNKNOWN_OUTLET else f"{name} ({UNNAMED})"
    return Attribution(mention, None, shown, via)


def _canonical_articles(mentions: Sequence[Mention]) -> dict[int, int]:
    """Article → the article it reposts (followed to the first one), or itself."""
    reposts: dict[int, int] = {m.article: m.repost_of for m in mentions if m.repost_of is not None}
    result = {}
    for mention in mentions:
        article, seen = mention.article, set()
        while article in reposts and article not in seen:
            seen.add(article)
            article = reposts[article]
        result[mention.article] = article
    return result


def _named_links(claim: Claim) -> list[ChainLink]:
    """The claim's innermost link and its outlet, when they can name an origin."""
    links = [claim.chain[0], claim.chain[-1]] if claim.chain else []
    return [link for link in dict.fromkeys(links) if is_named_link(link, claim)]


def _organisation_of(text: str, roles: Sequence[str], *, suffix: bool) -> str | None:
    """The organisation a role or unit speaks for ("spokesman for the X" → "X"), None when it names none.
    ``suffix`` also reads "X spokesperson" (roles only: an outlet may be called "The Daily Reporter")."""
    match = _ROLE_OF.match(text.strip())
    if match and _has_role(match["head"], roles):
        inner = match["org"]
        return _organisation_of(inner, roles, suffix=False) or _strip_articles(inner)
    match = _ROLE_POSSESSIVE.match(text.strip())
    if match and _has_role(match["head"], roles):
        return _strip_articles(match["org"])
    lowered = text.strip().lower()
    for role in roles if suffix else ():
        if lowered.endswith(" " + role) and _content_words(text[: -len(role)]):
            return _strip_articles(text.strip()[: -len(role)].strip(" ,"))
    return None


def _has_role(head: str, roles: Sequence[str]) -> bool:
    lowered = f" {' '.join(_WORD.findall(head.lower()))} "
    return any(f" {role} " in lowered for role in roles)


def _family(source_type: str) -> str:
    return FAMILIES.get(source_type, source_type)


def _content_words(text: str) -> tuple[str, ...]:
    text = _POSSESSIVE.sub("", text.lower())
    return tuple(w for w in _WORD.findall(text) if w not in _STOPWORDS)


def _strip_articles(text: str) -> str:
    words = text.strip(" ,.;:").split()
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _normal(text: str) -> str:
    """A name's comparison form: lower case, articles dropped, words only ("the city’s police" →
    "city's police")."""
    found = re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.lower().replace("’", "'"))
    words = [w for w in found if w not in _ARTICLES]
    return " ".join(words)
