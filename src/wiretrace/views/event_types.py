"""The one table that maps what a claim says happened to ACLED's event and sub-event types.

Our own table because no library does this: ACLED codes by hand, and the event coders of GDELT
(PETRARCH and its dictionaries) need their own parse and give CAMEO codes, not ACLED's types.

A claim is read as an *act* (what was done: the words of its predicate, subject and object) and the
*parties* it involves: the patient (its object and its "at / against / of / from / on" phrases) and the
agent (its subject and "by" phrase), read from the extractor's ``Proposition``; when it names no party,
from the claim's own words. The weapon decides first, as in ACLED ("an air strike killed five civilians"
is an air strike), then the target. A count of the ``killed`` category makes the act ``kill`` whatever
the verb ("dozens of victims became known").

========================  ===================================  ============================  ==================================
act                       party                                event_type                    sub_event_type
========================  ===================================  ============================  ==================================
shell                     any                                  Explosions/Remote violence    Shelling/artillery/missile attack
airstrike                 any                                  Explosions/Remote violence    Air/drone strike
grenade                   any                                  Explosions/Remote violence    Grenade
explosive                 any                                  Explosions/Remote violence    Remote explosive/landmine/IED
kill, shoot               patient protesters                   Protests                      Excessive force against protesters
force, disperse, detain   patient protesters or a public space Protests                      Protest with intervention
kill, shoot               patient civilians                    Violence against civilians    Attack
kill, shoot               patient armed, hostile or state      Battles                       Armed clash
storm, destroy            agent armed                          Battles                       Armed clash
storm, destroy            agent protesters or hostile          Riots                         Violent demonstration
storm                     agent none named                     Riots                         Violent demonstration
destroy                   agent none named                     Strategic developments        Looting/property destruction
protest                   any                                  Protests                      Peaceful protest
kill                      patient none named                   Violence against civilians    Attack
detain                    any                                  Strategic developments        Arrests
========================  ===================================  ============================  ==================================

The first row that fits wins; "none named" means no party of any class (a pronoun, a thing, nothing).
Other acts are not coded: "shots were fired" or "an explosion was heard" name neither the weapon's user
nor its target, and ACLED's sub-event types need one of them. "hostile" are the words one side uses for the other in a crisis (attackers, extremists, radicals): an
act against them is coded as a clash, the reading of the source that uses the word; the framing table
shows who used which word. ``disorder_type`` gives ACLED's disorder type of a coded event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ACTS: Final[dict[str, frozenset[str]]] = {
    "kill": _words("kill killed killing killings eliminate eliminated liquidate liquidated murder murdered slay "
                   "slain execute executed massacre massacred die died dead death deaths"),
    "shoot": _words("shoot shot shooting fire fired firing gunfire shots open-fire"),
    "force": _words("force beat beaten baton batons tear-gas teargas rubber crack crackdown water-cannon"),
    "disperse": _words("disperse dispersed dispersal clear cleared clearing cleanse cleansed cleansing clean "
                       "cleaning free freed liberate liberated liberation evict evicted scatter scattered"),
    "detain": _words("detain detained detention arrest arrested arrests round-up"),
    "storm": _words("storm stormed storming seize seized seizure occupy occupied occupation capture captured "
                    "attack attacked break-into ransack ransacked"),
    "destroy": _words("burn burned burnt torch torched set-fire set-ablaze loot looted looting vandalize "
                      "vandalise vandalized smash smashed damage damaged"),
    "protest": _words("protest protests protested demonstrate demonstrated demonstration demonstrations rally "
                      "rallies rallied march marched picket strike take-street take-streets"),
    "shell": _words("shell shelled shelling artillery missile missiles rocket rockets mortar"),
    "airstrike": _words("airstrike airstrikes air-strike air-strikes air-raid drone-strike drone-strikes"),
    "grenade": _words("grenade grenades"),
    "explosive": _words("bomb bombs ied ieds landmine landmines car-bomb roadside-bomb explosive-device"),
}
"""Act → the words (lemmas and common forms; multiword ones joined by "-") that say it."""

PARTIES: Final[dict[str, frozenset[str]]] = {
    "protesters": _words("protesters protester protestors protestor demonstrators demonstrator marchers crowd "
                         "crowds rally rallies"),
    "civilians": _words("civilians civilian people residents resident victims bystanders passers-by children "
                        "women villagers citizens worker workers students"),
    "armed": _words("militants militant gunmen gunman rebels rebel insurgents insurgent fighters fighter "
                    "armed-men"),
    "hostile": _words("attackers attacker extremists extremist radicals radical terrorists terrorist bandits "
                      "rioters rioter looters looter mob thugs provocateurs"),
    "state": _words("police policemen policeman officers officer soldiers soldier troops military forces "
                    "servicemen guards gendarmes law-enforcement security-forces"),
    "space": _words("square street streets avenue park plaza centre center camp bridge"),
}
"""Party class → the words that name it (plural and singular)."""


@dataclass(frozen=True, slots=True)
class EventRule:
    """One row of the table: ``acts`` with a party of ``patients`` (or, when ``agents`` is given, an
    agent of ``agents``; ``None`` in a set stands for "no party of any class named")."""

    acts: frozenset[str]
    event_type: str
    sub_event_type: str
    patients: frozenset[str | None] | None = None
    agents: frozenset[str | None] | None = None


def _rule(acts: str, event_type: str, sub: str, *, patients: str | None = None, agents: str | None = None,
          none: bool = False) -> EventRule:
    def parties(names: str | None) -> frozenset[str | None] | None:
        return None if names is None else frozenset([*names.split(), *([None] if none else [])])

    return EventRule(_words(acts), event_type, sub, parties(patients), parties(agents))


EVENT_RULES: Final[tuple[EventRule, ...]] = (
    _rule("shell", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    _rule("airstrike", "Explosions/Remote violence", "Air/drone strike"),
    _rule("grenade", "Explosions/Remote violence", "Grenade"),
    _rule("explosive", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    _rule("kill shoot", "Protests", "Excessive force against protesters", patients="protesters"),
    _rule("force disperse detain", "Protests", "Protest with intervention", patients="protesters space"),
    _rule("kill shoot", "Violence against civilians", "Attack", patients="civilians"),
    _rule("kill shoot", "Battles", "Armed clash", patients="armed hostile state"),
    _rule("storm destroy", "Battles", "Armed clash", agents="armed"),
    _rule("storm destroy", "Riots", "Violent demonstration", agents="protesters hostile"),
    _rule("storm", "Riots", "Violent demonstration", agents="", none=True),
    _rule("destroy", "Strategic developments", "Looting/property destruction", agents="", none=True),
    _rule("protest", "Protests", "Peaceful protest"),
    _rule("kill", "Violence against civilians", "Attack", patients="", none=True),
    _rule("detain", "Strategic developments", "Arrests"),
)
"""The table of the module docstring, in order: the first rule that fits a claim gives its types."""

DISORDER_TYPES: Final[dict[str, str]] = {
    "Battles": "Political violence",
    "Violence against civilians": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Riots": "Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}
"""ACLED's disorder type (its 2023 codebook) by sub-event type where that decides, else by event type."""


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of an event and sub-event type."""
    return DISORDER_TYPES.get(sub_event_type) or DISORDER_TYPES[event_type]
