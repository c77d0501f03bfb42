"""The words of a source mention: determiners, head nouns, information nouns, possessors, media names.

Small string rules that ``speakers`` and ``speakers_coref`` share. They read a mention as written (a
role such as "the department's press service" or "state TV channel Zoo 7"), not its parse.
"""

from __future__ import annotations

import re

from wiretrace.extract.outlets import OutletRegistry, normalise

DETERMINERS = frozenset("the a an this that these those".split())
PERSON_PRONOUNS = frozenset("he she him her".split())
GROUP_PRONOUNS = frozenset("it they them".split())
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
"""A possessive pronoun and the pronoun that stands for the same owner ("its press service" ~ "it")."""
NOT_PLURAL = frozenset("police news press series status means headquarters affairs".split())
MEDIA_NOUNS = frozenset(
    "channel agency newspaper paper tv television radio station broadcaster website site portal outlet "
    "publication magazine daily weekly blog".split()
)
INFO_NOUNS = frozenset("information report data evidence news message account rumour rumor statement".split())
INFO_SOURCE = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:information|reports?|data|evidence|news|messages?|statements?|accounts?)"
    r"\s+(?:from|of|by)\s+(?P<source>.+)$",
    re.IGNORECASE,
)
POSSESSOR = re.compile(r"^(?P<owner>.+?)(?:['’]s|(?<=s)['’])\s+(?P<thing>.+)$")
INDEFINITE = frozenset("a an some several many few one two three four five dozens various numerous other any".split())
COLLECTIVE = frozenset("police authorities military army government".split())
"""Plural heads that still name one body ("police said", "the authorities")."""


def drop_determiner(text: str) -> str:
    """ "the Interior Ministry" → "Interior Ministry"; only a leading determiner goes."""
    words = text.strip().split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def key(text: str) -> str:
    """Case, punctuation, possessives and determiners ignored: the key names are compared by."""
    return " ".join(w for w in normalise(text).split() if w not in DETERMINERS)


def singular(word: str) -> str:
    """A plain-English singular, enough to compare head nouns ("ministries" = "ministry")."""
    word = word.lower()
    if word in NOT_PLURAL or word.endswith("ss") or len(word) < 4:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def head_noun(text: str) -> str:
    """The head of a name or role: the last word before "of"/"for"/"in"/a comma ("ministry" of
    "Ministry of Internal Affairs of X", "department" of "Valley Police Department")."""
    first = re.split(r"\s+(?:of|for|in|at|on)\s+|,", text.strip(), maxsplit=1)[0]
    words = re.findall(r"[\w-]+", first)
    return singular(words[-1]) if words else ""


def is_proper(text: str) -> bool:
    """Whether every content word is capitalised or a number ("Interior Ministry of Freedonia": yes;
    "Interior Ministry of the country": no)."""
    words = [w for w in re.findall(r"[\w’'-]+", text) if w.lower() not in DETERMINERS | {"of", "for", "and", "de"}]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def tidy_role(rest: str) -> str | None:
    """What is left of a role once a name is cut out of it: dangling "of the town of" debris goes, and
    a closing "of the <noun>" that only repeats a word said before ("a clerk of the town council of
    the town")."""
    words = rest.split()
    while words and words[-1].lower() in DETERMINERS | {"of", "for", "in", "at", "from", ","}:
        words.pop()
    if len(words) >= 3 and words[-3].lower() == "of" and words[-2].lower() in DETERMINERS:
        if words[-1].lower() in (w.lower() for w in words[:-3]):
            words = words[:-3]
    return " ".join(words) or None


def information_source(text: str) -> str | None:
    """For a source that is an information noun: its origin ("a report from the police" → "the
    police"), or "" when it names none ("the latest information"); None for any other source."""
    bare = drop_determiner(text)
    found = INFO_SOURCE.match(bare)
    if found is not None:
        return found.group("source")
    return "" if head_noun(bare) in INFO_NOUNS else None


def media_apposition(text: str, registry: OutletRegistry) -> tuple[str, str | None] | None:
    """``(name, role)`` of a proper name set after a media noun ("the state TV channel Zoo 7" →
    ("Zoo 7", "state TV channel")), or of an outlet the registry finds in ``text``; else None."""
    words = drop_determiner(text).split()
    cut = len(words)
    while cut > 0 and _names(words[cut - 1]) and words[cut - 1].lower() not in MEDIA_NOUNS:
        cut -= 1
    name, rest = " ".join(words[cut:]), " ".join(words[:cut])
    if name and rest and rest.split()[-1].lower() in MEDIA_NOUNS:
        return name, rest
    outlet = registry.match(text)
    return (outlet.full_name, None) if outlet is not None else None


def _names(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def possessive(role: str) -> tuple[str, str] | None:
    """``(owner, thing)`` of "the department's press service" or "its press service"; else None."""
    words = drop_determiner(role).split()
    if len(words) > 1 and words[0].lower() in POSSESSIVE_PRONOUNS:
        return words[0], " ".join(words[1:])
    found = POSSESSOR.match(" ".join(words))
    return (drop_determiner(found.group("owner")), found.group("thing")) if found is not None else None


def generic_mention(source: str, role: str) -> bool:
    """Whether a role-only mention is generic, not one identifiable body: indefinite ("a source", "some
    officials", "two residents") or a bare plural ("officials said"; "police said" is not)."""
    words = source.split()
    first = words[0].lower() if words else ""
    if first in INDEFINITE or first[:1].isdigit():
        return True
    if first in DETERMINERS or first in POSSESSIVE_PRONOUNS:
        return False
    head = re.split(r"\s+(?:of|for|in|at|on)\s+|,", role.strip(), maxsplit=1)[0].split()
    last = head[-1].lower() if head else ""
    return singular(last) != last and last not in COLLECTIVE
