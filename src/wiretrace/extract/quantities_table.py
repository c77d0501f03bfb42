"""The vocabulary of counts: vague quantity words, hedges, numeral words and category cues.

One documented table per question, so a reader can check (and a user can argue with) every reading:

``VAGUE``
    Vague count words as inclusive ``(min, max)`` ranges. The rule behind the numbers: a plural of a
    unit means "at least two of them, fewer than the next unit" (``dozens`` = 2×12 … 99, ``hundreds`` =
    200 … 999, ``thousands`` = 2,000 … 9,999); ``several`` = 3 … 9 of the unit (``several hundred`` =
    300 … 900); ``a few`` = 2 … 5 of the unit; ``a handful`` = 2 … 9. Every vague reading is ``approx``.
``HEDGES``
    Words before a number and what they do to it: ``approx`` keeps N … N and marks it approximate
    ("some 50" = 50 … 50, approx); ``at-least`` opens the top (N … None); ``more-than`` opens the top
    from N+1 for whole numbers (inclusive bounds: "more than 50" = 51 … None); ``up-to`` opens the
    bottom (None … N); ``less-than`` opens the bottom below N ("fewer than 10" = None … 9).
``NUMBER_WORDS`` / ``SCALES``
    Spelled-out numerals ("three", "twenty-five") and multipliers ("2.5 million", "two hundred").
``PREDICATE_CATEGORIES`` / ``ADJECTIVE_CATEGORIES``
    Lemmas of the verb or adjective that governs a count and the category they give it (killed,
    wounded, detained, missing, displaced, crowd-size, burned, damaged). Injured and wounded share
    ``wounded`` so that "5 injured" and "5 wounded" in two reports are compared as one figure.
``NOUN_CLASSES`` / ``NOUN_CATEGORIES``
    The counted noun's class (vehicles, buildings) turns a burned/damaged predicate into
    ``vehicles-burned``, ``buildings-damaged`` …; nouns that carry a category on their own (victims,
    fatalities, detainees, soldiers, protesters) give one when no predicate does. ``victims`` reads as
    ``killed``, the usage of casualty headlines ("dozens of victims").
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Vague(NamedTuple):
    """An inclusive range for a vague count word; ``None`` is an open end."""

    min: int | None
    max: int | None


VAGUE: Final[dict[str, Vague]] = {
    # multiples of a dozen
    "a dozen": Vague(12, 12),
    "half a dozen": Vague(6, 6),
    "a few dozen": Vague(24, 60),
    "several dozen": Vague(36, 108),
    "dozens": Vague(24, 99),
    # tens (also the usual translation of Russian/Ukrainian "десятки")
    "tens": Vague(20, 99),
    "scores": Vague(40, 199),
    # hundreds
    "a few hundred": Vague(200, 500),
    "several hundred": Vague(300, 900),
    "hundreds": Vague(200, 999),
    # thousands and above
    "a few thousand": Vague(2_000, 5_000),
    "several thousand": Vague(3_000, 9_000),
    "thousands": Vague(2_000, 9_999),
    "tens of thousands": Vague(20_000, 99_999),
    "hundreds of thousands": Vague(200_000, 999_999),
    "several million": Vague(3_000_000, 9_000_000),
    "millions": Vague(2_000_000, 9_999_999),
    # small counts
    "a couple": Vague(2, 3),
    "a few": Vague(2, 5),
    "a handful": Vague(2, 9),
    "several": Vague(3, 9),
}

HEDGES: Final[dict[str, str]] = {
    "some": "approx",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "nearly": "approx",
    "almost": "approx",
    "close to": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "at least": "at-least",
    "no fewer than": "at-least",
    "no less than": "at-least",
    "not less than": "at-least",
    "more than": "more-than",
    "over": "more-than",
    "upwards of": "more-than",
    "in excess of": "more-than",
    "up to": "up-to",
    "as many as": "up-to",
    "at most": "up-to",
    "no more than": "up-to",
    "not more than": "up-to",
    "fewer than": "less-than",
    "less than": "less-than",
    "under": "less-than",
}

NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

SCALES: Final[dict[str, int]] = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}

TIME_UNITS: Final[frozenset[str]] = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries night nights morning mornings evening evenings "
    "year-old years-old am pm a.m. p.m. o'clock gmt utc hrs".split()
)
"""Counted nouns that make a duration or an age, which the time stage reads, not a count."""

MONTHS: Final[frozenset[str]] = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

PREDICATE_CATEGORIES: Final[dict[str, str]] = {
    **dict.fromkeys(
        "kill die eliminate liquidate slay murder execute massacre perish behead "
        "shoot-dead".split(),
        "killed",
    ),
    **dict.fromkeys("wound injure hurt hospitalize hospitalise maim".split(), "wounded"),
    **dict.fromkeys(
        "detain arrest apprehend jail imprison capture round-up intern hold-custody".split(),
        "detained",
    ),
    **dict.fromkeys("disappear abduct kidnap".split(), "missing"),
    **dict.fromkeys("flee evacuate displace".split(), "displaced"),
    **dict.fromkeys("rally march gather demonstrate protest assemble take-street".split(), "crowd-size"),
    **dict.fromkeys("burn torch burn-down set-fire set-ablaze set-alight firebomb".split(), "burned"),
    **dict.fromkeys("damage destroy loot vandalize vandalise smash wreck raze ransack".split(), "damaged"),
}
"""Verb lemmas (multiword ones joined by "-": verb + particle or object noun) → category."""

ADJECTIVE_CATEGORIES: Final[dict[str, str]] = {
    "dead": "killed",
    "killed": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "hurt": "wounded",
    "detained": "detained",
    "arrested": "detained",
    "missing": "missing",
    "displaced": "displaced",
    "burned": "burned",
    "burnt": "burned",
    "damaged": "damaged",
    "destroyed": "damaged",
}

NOUN_CLASSES: Final[dict[str, str]] = {
    **dict.fromkeys(
        "car cars vehicle vehicles bus buses truck trucks lorry lorries van vans tank tanks "
        "minibus minibuses tram trams trolleybus trolleybuses ambulance ambulances motorcycle "
        "motorcycles apc apcs suv suvs".split(),
        "vehicles",
    ),
    **dict.fromkeys(
        "building buildings house houses home homes shop shops store stores office offices "
        "station stations school schools church churches mosque mosques apartment apartments "
        "headquarters bank banks kiosk kiosks warehouse warehouses hospital hospitals".split(),
        "buildings",
    ),
}
"""The head noun of the counted phrase → the class that a burned/damaged category is split by."""

NOUN_CATEGORIES: Final[dict[str, str]] = {
    **dict.fromkeys("dead deaths fatalities bodies corpses victims".split(), "killed"),
    **dict.fromkeys("injured wounded injuries".split(), "wounded"),
    **dict.fromkeys("detainees arrests arrestees prisoners".split(), "detained"),
    **dict.fromkeys("casualties".split(), "casualties"),
    **dict.fromkeys("refugees evacuees".split(), "displaced"),
    **dict.fromkeys("protesters protestors demonstrators marchers rioters".split(), "crowd-size"),
    **dict.fromkeys(
        "forces troops soldiers servicemen policemen officers police gendarmes paratroopers "
        "peacekeepers guardsmen commandos militiamen personnel marines".split(),
        "security-forces",
    ),
}
"""The head noun of the counted phrase → a category it carries without a governing predicate."""

GROUP_NOUNS: Final[frozenset[str]] = frozenset("group groups team teams unit units band bands".split())
"""A count inside "groups of N people" measures a group's size, not a total: ``group-size``."""
