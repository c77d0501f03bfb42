"""What kind of source a chain link is: official, state-media, media, witness, expert, unnamed or other.

An outlet in the registry gets the registry's type. Everything else is read from the words of the
speaker's name and role, with one table per type below, checked in this order (the first that matches
wins, so "a police source" is unnamed, not official):

1. ``WITNESS_WORDS``  witnesses, residents, eyewitnesses, passers-by …
2. ``UNNAMED_WORDS``  "a source", "sources", "it was reported", "there was information", anonymous …;
   a correspondent, reporter or journalist without a name is unnamed too
3. ``STATE_OWNERS`` + ``STATE_MARKS`` before a media word: "state TV", "the state-run news agency" …
4. ``OFFICIAL_WORDS`` (and ``OFFICIAL_ACRONYMS``, as written) ministries, police, spokesmen, press
   services, governments, presidents, armies, courts, intergovernmental bodies …
5. ``EXPERT_WORDS``   political scientists, analysts, experts, professors, researchers …
6. ``MEDIA_WORDS``    a Telegram channel, newspaper, TV channel, journalist … not in the registry
7. no name and no role at all (an impersonal "it was reported") is unnamed; anything else is other.

An outlet named inside a role ("a correspondent of <outlet>") gives that outlet's type.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wiretrace.extract.outlets import OutletRegistry


WITNESS_WORDS = (
    "witness", "witnesses", "eyewitness", "eyewitnesses", "eye-witness", "eye-witnesses", "resident",
    "residents", "local resident", "locals", "passer-by", "passers-by", "passerby", "onlooker",
    "onlookers", "bystander", "bystanders", "neighbour", "neighbours", "neighbor", "neighbors",
)  # fmt: skip

UNNAMED_WORDS = (
    "source", "sources", "it was reported", "it is reported", "it has been reported", "it became known",
    "it is known", "it was said", "there was information", "there is information", "there is evidence",
    "there was evidence", "there are reports", "there were reports", "reports", "unconfirmed reports",
    "media reports", "according to information", "according to reports", "rumours", "rumors", "anonymous",
    "anonymity", "unnamed", "unidentified", "insider", "insiders", "people familiar", "person familiar",
    "not authorised to speak", "not authorized to speak",
)  # fmt: skip

NAMELESS_REPORTERS = ("correspondent", "correspondents", "reporter", "reporters", "journalist", "journalists")
"""Without a name these are unnamed ("according to the correspondent"); with one, media."""

STATE_OWNERS = ("state", "government", "kremlin", "party", "regime")
STATE_MARKS = ("run", "owned", "controlled", "funded", "backed", "affiliated")
"""A state-media phrase is an owner, an optional mark and a media word within two words:
"state TV", "the state-run news agency", "government newspaper", "Kremlin-controlled channel"."""

OFFICIAL_WORDS = (
    "ministry", "minister", "ministers", "department", "police", "policeman", "police officer", "spokesman",
    "spokeswoman", "spokesperson", "spokesmen", "press service", "press secretary", "press office",
    "official representative", "official", "officials", "government", "president", "presidential",
    "prime minister", "premier", "governor", "mayor", "akim", "akimat", "prosecutor", "prosecutors",
    "prosecutor's office", "court", "judge", "investigative committee", "military", "army", "armed forces",
    "general staff", "defence", "defense", "commander", "command", "headquarters", "kremlin",
    "white house", "pentagon", "state department", "foreign office", "embassy", "ambassador", "consulate",
    "authorities", "administration", "city hall", "municipality", "parliament", "lawmaker", "lawmakers",
    "senator", "security service", "intelligence", "border guard", "border service", "national guard",
    "law enforcement", "interior", "cabinet", "city council", "sheriff", "fire department",
    "emergency service", "emergencies", "rescue service", "united nations", "european union",
    "european commission",
)  # fmt: skip

OFFICIAL_ACRONYMS = ("UN", "EU", "WHO", "NATO", "OSCE", "CSTO", "UNHCR", "OCHA", "MP", "MPs")
"""Intergovernmental bodies and titles written in capitals, matched as written ("who" is not the WHO)."""

EXPERT_WORDS = (
    "political scientist", "political analyst", "analyst", "analysts", "expert", "experts", "professor",
    "researcher", "researchers", "scholar", "scholars", "economist", "economists", "historian",
    "sociologist", "political observer", "think tank", "think-tank", "institute",
    "academic", "lecturer", "senior fellow", "research fellow", "specialist", "specialists", "scientist",
    "scientists",
)  # fmt: skip

MEDIA_WORDS = (
    "telegram channel", "telegram", "channel", "newspaper", "news agency", "information agency",
    "press agency", "tv", "television", "broadcaster", "radio", "website", "news site", "news portal",
    "portal", "outlet", "media outlet", "publication", "magazine", "journalist", "journalists",
    "reporter", "reporters", "correspondent", "correspondents", "blogger", "editor", "columnist",
    "news", "daily", "tabloid",
)  # fmt: skip


@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![\w-])")


def _has(words: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` holds one of ``words`` as whole words (no "un" inside "unnamed")."""
    return _pattern(words).search(text) is not None


@lru_cache(maxsize=1)
def _state_media() -> re.Pattern[str]:
    owners, marks = "|".join(STATE_OWNERS), "|".join(STATE_MARKS)
    media = "|".join(re.escape(w) for w in sorted(MEDIA_WORDS, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{owners})(?:[- ](?:{marks}))?\s+(?:[\w-]+\s+){{0,2}}?(?:{media})(?![\w-])")


def _outlet_in(text: str, registry: OutletRegistry) -> str | None:
    """The registry type of an outlet named inside a role: "a correspondent of <outlet>"."""
    for piece in re.split(r"\b(?:of|for|at|from|with)\b|,", text):
        outlet = registry.match(piece.strip())
        if outlet is not None:
            return outlet.type
    return None


def source_type(name: str | None, role: str | None, registry: OutletRegistry) -> str:
    """The type of one chain link (one of ``records.SOURCE_TYPES``) from its name and role.

    Args:
        name: the speaker's name as written ("Reuters", "John Smith", "the Interior Ministry"), or None.
        role: what the text says the speaker is ("spokesman for the police", "witnesses"), or None.
        registry: the outlet registry (``load_outlet_registry()``).
    """
    name = (name or "").strip()
    role = (role or "").strip()
    if name and (outlet := registry.match(name)) is not None:
        return outlet.type
    text = " ".join(f"{name} {role}".lower().replace("’", "'").split())
    if not text:
        return "unnamed"
    if _has(WITNESS_WORDS, text):
        return "witness"
    if _has(UNNAMED_WORDS, text) or not _has_proper_name(name) and _has(NAMELESS_REPORTERS, text):
        return _outlet_in(role, registry) or "unnamed"
    if _state_media().search(text):
        return "state-media"
    if _has(OFFICIAL_WORDS, text) or _has(OFFICIAL_ACRONYMS, f"{name} {role}"):
        return "official"
    if _has(EXPERT_WORDS, text):
        return "expert"
    if role and (found := _outlet_in(role, registry)):
        return found
    return "media" if _has(MEDIA_WORDS, text) else "other"


def _has_proper_name(name: str) -> bool:
    """Whether ``name`` names someone: a capitalised word other than a determiner ("John Smith")."""
    return any(w[:1].isupper() and w.lower() not in {"the", "a", "an", "our", "its", "their"} for w in name.split())
