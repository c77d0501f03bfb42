"""How a claim reads for event coding: its acts, the party classes of its patient and agent, and the
actor phrases, as ``event_types`` defines them.

A plain function of the ``Claim`` record (no parsing), so the coding of an event row can be checked on
claims built by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wiretrace.records import Claim
from wiretrace.views.event_types import ACTS, EVENT_RULES, PARTIES, EventRule

PATIENT_PREPOSITIONS = frozenset({"at", "against", "of", "from", "on", "upon"})
AGENT_PREPOSITIONS = frozenset({"by"})
KILLED = "killed"  # the quantity category of deaths (extract/quantities_table.py)
_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)*")
_COUNT = re.compile(
    r"^(?:(?:some|about|around|over|nearly|almost|roughly|at least|more than|up to|several|many|few|a few|"
    r"dozens|hundreds|thousands|scores|tens|dozen|hundred|thousand|[\d.,–-]+)\s+)+(?:of\s+)?"
)
_CUT = re.compile(r"\s+(?:of|in|on|at|from|with|during|near|inside|outside|after|before|for|who|which|that)\s+.*$")
_CONJUNCTS = re.compile(r",\s*|\s+and\s+|\s+or\s+")
_DETERMINER = re.compile(r"^(?:the|a|an|some|their|its|his|her|these|those)\s+")


@dataclass(frozen=True, slots=True)
class ClaimReading:
    """What event coding needs of one claim: its acts, the party classes of its patient and agent, and the
    phrases naming its agent and patient when they name a person party (``None`` otherwise)."""

    acts: frozenset[str]
    patients: frozenset[str]
    agents: frozenset[str]
    agent: str | None
    patient: str | None


@dataclass(frozen=True, slots=True)
class EventType:
    """An ACLED event type and sub-event type."""

    event_type: str
    sub_event_type: str


def words(text: str) -> set[str]:
    """Lower-cased word tokens of ``text`` with adjacent pairs joined by "-" ("set-fire", "law-enforcement")."""
    tokens = _TOKEN.findall(text.lower())
    return set(tokens) | {f"{a}-{b}" for a, b in zip(tokens, tokens[1:], strict=False)}


def classes(phrases: Iterable[str], table: dict[str, frozenset[str]]) -> frozenset[str]:
    """The keys of ``table`` whose words occur in any of ``phrases``."""
    found = set().union(*(words(p) for p in phrases))
    return frozenset(name for name, vocabulary in table.items() if found & vocabulary)


def read_claim(claim: Claim) -> ClaimReading:
    """The claim's acts and parties from its proposition (its own words when the proposition names none)."""
    prop = claim.proposition
    subject = [prop.subject] if prop and prop.subject else []
    objects = [prop.object] if prop and prop.object else []
    patient_args = _arguments(prop.arguments if prop else (), PATIENT_PREPOSITIONS)
    agent_args = _arguments(prop.arguments if prop else (), AGENT_PREPOSITIONS)
    patients = classes(objects + patient_args, PARTIES)
    agents = classes(subject + agent_args, PARTIES)
    if not patients and not agents:
        patients = agents = classes([claim.text], PARTIES)
    act_text = [prop.predicate, *subject, *objects] if prop else [claim.text]
    acts = set(classes(act_text, ACTS))
    if any(q.category == KILLED for q in claim.quantities):
        acts.add("kill")
    return ClaimReading(frozenset(acts), patients, agents,
                        _actor(subject + agent_args), _actor(objects + patient_args))  # fmt: skip


def _arguments(arguments: Iterable[str], prepositions: frozenset[str]) -> list[str]:
    found = []
    for argument in arguments:
        prep, _, phrase = argument.partition(":")
        if prep in prepositions and phrase:
            found.append(phrase)
    return found


def _actor(phrases: list[str]) -> str | None:
    """The first conjunct of the phrases whose head names a person party, counts, determiners and
    trailing prepositional phrases dropped ("several hundred security forces in camouflage" → "security
    forces"; "a report from the police" and "police cars" name none: their heads are a report and cars)."""
    for phrase in phrases:
        for conjunct in _CONJUNCTS.split(phrase.strip().lower()):
            head = _CUT.sub("", _COUNT.sub("", _DETERMINER.sub("", conjunct.strip())))
            if head and classes([head.split()[-1]], PARTIES) - {"space"}:
                return head
    return None


def fits(rule: EventRule, reading: ClaimReading) -> bool:
    """Whether a row of the event table applies to a claim reading."""
    if not rule.acts & reading.acts:
        return False
    for wanted, found in ((rule.patients, reading.patients), (rule.agents, reading.agents)):
        if wanted is not None and not (wanted & found or (None in wanted and not found)):
            return False
    return True


def claim_event_type(claim: Claim, rules: tuple[EventRule, ...] = EVENT_RULES) -> EventType | None:
    """The ACLED types of the first rule of the table that fits the claim; None for a negated claim or
    when no rule fits."""
    if claim.proposition is not None and claim.proposition.negated:
        return None
    reading = read_claim(claim)
    rule = next((r for r in rules if fits(r, reading)), None)
    return None if rule is None else EventType(rule.event_type, rule.sub_event_type)
