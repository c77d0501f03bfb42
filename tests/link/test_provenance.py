"""Origins and independence on hand-written reports (made-up people, outlets and places).

A chain is written innermost first as ``"name, role [type] < relay [type] < outlet [type]"``; a chain of
one link is the outlet's own voice.
"""

from __future__ import annotations

import re

import pytest

from wiretrace.link.provenance import OriginResolver, ProvenanceOptions, attribute, independence
from wiretrace.records import ChainLink, Claim, Entity, Mention

_LINK = re.compile(r"^(?P<name>[^,\[]+?)(?:,\s*(?P<role>[^\[]+?))?\s*\[(?P<type>[\w-]+)\]$")


def chain_of(spec: str) -> tuple[ChainLink, ...]:
    links = []
    for part in spec.split(" < "):
        match = _LINK.match(part.strip())
        assert match, part
        links.append(ChainLink(match["name"].strip(), match["role"], match["type"]))
    return tuple(links)


def report(cid: str, spec: str, *, text: str = "something happened", repost_of: int | None = None,
           persons: tuple[str, ...] = ()) -> Mention:
    """A mention of article ``cid``'s number ("2#1" is claim 1 of article 2) with the chain ``spec``."""
    chain = chain_of(spec)
    article = int(cid.split("#")[0])
    claim = Claim(cid, f"doc{article}", 0, len(text), text, "outlet-voice" if len(chain) == 1 else "indirect",
                  chain[0].name, chain, "asserted", entities=tuple(Entity(p, "PERSON", p) for p in persons))
    return Mention(claim, article, chain[-1].name, repost_of=repost_of)


def origin_names(specs: list[str]) -> list[str | None]:
    mentions = [report(f"{i + 1}#1", spec) for i, spec in enumerate(specs)]
    resolver = OriginResolver(mentions)
    return [None if (o := resolver.origin(m)) is None else o.name for m in mentions]


@pytest.mark.parametrize(
    "specs, expected",
    [
        # a spokeswoman, her brigade's press service and "the fire brigade": one origin, fullest name
        (["Anna Petrova, spokeswoman for the Riverton fire brigade [official] < Daily Harbor [media]",
          "press service of the Riverton Fire Brigade [official] < Radio Vale [state-media] < Morning Post [media]",
          "fire brigade [official] < Morning Post [media]"],
         ["Riverton fire brigade"] * 3),
        # another word order and a possessive are the same organisation
        (["Police Department of the town [official] < Daily Harbor [media]",
          "the town's police department [official] < Morning Post [media]"],
         ["Police Department of the town"] * 2),
        # a role as "<organisation> <position>" and as "<organisation>'s <unit>"
        (["Ivo Brandt, Harbor Police spokesperson [official] < Daily Harbor [media]",
          "the Harbor Police's press office [official] < Morning Post [media]"],
         ["Harbor Police"] * 2),
        # nested positions: the deputy head of a press service speaks for the ministry
        (["Rui Sato, deputy head of the press service of the Ministry of Water [official] < Morning Post [media]",
          "Ministry of Water [official] < Daily Harbor [media]"],
         ["Ministry of Water"] * 2),
        # a spelling variant is the same name
        (["Ministry of Health [official] < Daily Harbor [media]",
          "Ministery of Health [official] < Morning Post [media]"],
         ["Ministry of Health"] * 2),
        # "the police" in a story with two police departments fits both: it stays apart
        (["Northfield police department [official] < Daily Harbor [media]",
          "Southgate police department [official] < Daily Harbor [media]",
          "police [official] < Morning Post [media]"],
         ["Northfield police department", "Southgate police department", "police"]),
        # a shorter name must hold a word of the longer one's core ("ministry"), not only its qualifier
        (["Ministry of Internal Affairs [official] < Daily Harbor [media]",
          "Internal Affairs [official] < Morning Post [media]"],
         ["Ministry of Internal Affairs", "Internal Affairs"]),
        # names of different families never merge: a newspaper is not the police
        (["Harbor Police [official] < Daily Harbor [media]", "Harbor Police Gazette [media] < Morning Post [media]"],
         ["Harbor Police", "Harbor Police Gazette"]),
        # numerals differ: two channels
        (["Channel 5 [media] < Daily Harbor [media]", "Channel 9 [media] < Daily Harbor [media]"],
         ["Channel 5", "Channel 9"]),
        # an expert speaks for themselves, whatever their affiliation
        (["Lena Ortiz, economist at the Central Bank [expert] < Daily Harbor [media]",
          "Central Bank [official] < Morning Post [media]"],
         ["Lena Ortiz", "Central Bank"]),
        # unnamed sources, unnamed witnesses and an unknown outlet's own voice name no origin
        (["unnamed source [unnamed] < Daily Harbor [media]", "correspondent [unnamed] < Daily Harbor [media]",
          "witnesses [witness] < Radio Vale [state-media] < Daily Harbor [media]", "unknown outlet [other]"],
         [None, None, None, None]),
        # a witness named as a person is an origin of their own
        (["Marta Kovac, a resident [witness] < Daily Harbor [media]"], ["Marta Kovac"]),
        # the outlet's own voice is the outlet
        (["Morning Post [media]"], ["Morning Post"]),
    ],
)
def test_origin_resolution(specs: list[str], expected: list[str | None]) -> None:
    assert origin_names(specs) == expected


def test_a_role_seen_once_resolves_the_name_everywhere() -> None:
    mentions = [report("1#1", "Tom Reyes, head of the Lakeside Water Authority [official] < Daily Harbor [media]"),
                report("2#1", "Tom Reyes [official] < Morning Post [media]"),
                report("3#1", "Lakeside Water Authority [official] < Morning Post [media]")]
    resolver = OriginResolver(mentions)
    origins = {resolver.origin(m) for m in mentions}
    assert len(origins) == 1
    (origin,) = origins
    assert (origin.key, origin.name, origin.type) == (
        "lakeside water authority", "Lakeside Water Authority", "official")
    assert set(origin.aliases) == {"Lakeside Water Authority", "Tom Reyes"}


def test_a_source_the_resolver_was_not_built_with_is_itself() -> None:
    known = report("1#1", "Ministry of Water [official] < Daily Harbor [media]")
    stranger = report("2#1", "the Harbor Council [official] < Morning Post [media]")
    assert OriginResolver([known]).origin(stranger).name == "Harbor Council"


def test_a_witness_named_by_a_person_entity_is_an_origin() -> None:
    mention = report("1#1", "Okafor [witness] < Daily Harbor [media]", persons=("Okafor",))
    assert OriginResolver([mention]).origin(mention).type == "witness"


def test_options_choose_the_positions_that_speak_for_an_organisation() -> None:
    mention = report("1#1", "Ada Lund, spokeswoman for the Port Authority [official] < Daily Harbor [media]")
    assert OriginResolver([mention]).origin(mention).name == "Port Authority"
    assert OriginResolver([mention], ProvenanceOptions(speaker_roles=("head",))).origin(mention).name == "Ada Lund"


# Each case: reports as (claim id, chain), the independence and the counted origins' names.
@pytest.mark.parametrize(
    "reports, count, names",
    [
        # one statement, four reports: quoted, via an agency, via a press service, and restated by
        # headlines that inherit the attribution of their own article
        ([("1#1", "Anna Petrova, spokeswoman for the Riverton fire brigade [official] < Daily Harbor [media]"),
          ("1#2", "Daily Harbor [media]"),
          ("2#1", "Anna Petrova [official] < Radio Vale [state-media] < Morning Post [media]"),
          ("2#2", "Morning Post [media]"),
          ("3#1", "press service of the Riverton fire brigade [official] < Coast Wire [media] < Evening Star [media]")],
         1, ["Riverton fire brigade"]),
        # relays of one origin count once
        ([("1#1", "Ministry of Water [official] < Radio Vale [state-media] < Daily Harbor [media]"),
          ("2#1", "Ministry of Water [official] < Coast Wire [media] < Morning Post [media]")],
         1, ["Ministry of Water"]),
        # an outlet's own voice with no attribution in its article counts as the outlet's source
        ([("1#1", "Ministry of Water [official] < Radio Vale [state-media] < Daily Harbor [media]"),
          ("2#1", "Morning Post [media]")],
         2, ["Ministry of Water", "Morning Post"]),
        # two outlets' own voices: two sources
        ([("1#1", "Daily Harbor [media]"), ("2#1", "Morning Post [media]")], 2, ["Daily Harbor", "Morning Post"]),
        # unnamed sources are shown but never counted, nor is a headline restating one
        ([("1#1", "unnamed source [unnamed] < Daily Harbor [media]"), ("1#2", "Daily Harbor [media]"),
          ("2#1", "correspondent [unnamed] < Morning Post [media]")],
         0, []),
        ([("1#1", "unnamed source [unnamed] < Daily Harbor [media]"),
          ("2#1", "Marta Kovac [witness] < Morning Post [media]")],
         1, ["Marta Kovac"]),
        # an unknown outlet's own voice is not a named source
        ([("1#1", "unknown outlet [other]"), ("2#1", "Morning Post [media]")], 1, ["Morning Post"]),
    ],
)
def test_independence(reports: list[tuple[str, str]], count: int, names: list[str]) -> None:
    mentions = [report(cid, spec) for cid, spec in reports]
    produced, origins, relays = independence(mentions, OriginResolver(mentions))
    assert (produced, [o.name for o in origins]) == (count, names)
    assert [r.claim for r in relays] == [cid for cid, _ in reports]  # every report is shown


def test_relays_say_how_each_report_reached_the_page() -> None:
    mentions = [report("1#1", "Ministry of Water [official] < Radio Vale [state-media] < Coast Wire [media]"
                              " < Daily Harbor [media]"),
                report("1#2", "Daily Harbor [media]"),
                report("2#1", "unnamed source [unnamed] < Morning Post [media]"),
                report("3#1", "correspondent [unnamed] < Evening Star [media]")]
    _, _, relays = independence(mentions, OriginResolver(mentions))
    assert [(r.origin, r.via) for r in relays] == [
        ("Ministry of Water", ("Radio Vale", "Coast Wire")),
        ("Ministry of Water", ("Daily Harbor (own voice)",)),
        ("unnamed source", ()),
        ("correspondent (unnamed)", ()),
    ]


def test_a_repost_is_the_same_report_as_its_original() -> None:
    mentions = [report("1#1", "Daily Harbor [media]"), report("2#1", "Daily Harbor [media]", repost_of=1),
                report("3#1", "Morning Post [media]", repost_of=9)]  # its original is not in the cluster
    count, origins, relays = independence(mentions, OriginResolver(mentions))
    assert (count, [r.claim for r in relays]) == (2, ["1#1", "3#1"])
    assert [a.repeat for a in attribute(mentions, OriginResolver(mentions))] == [False, True, False]


def test_copies_of_one_report_are_one_article_for_inheritance() -> None:
    """Two reposts of an article not in the cluster: the headline of one restates the attribution in the other."""
    mentions = [report("2#1", "Ministry of Water [official] < Daily Harbor [media]", repost_of=1),
                report("3#1", "Daily Harbor [media]", repost_of=1)]
    count, origins, relays = independence(mentions, OriginResolver(mentions))
    assert (count, [o.name for o in origins]) == (1, ["Ministry of Water"])
    assert relays[1].via == ("Daily Harbor (own voice)",)


# ---- a story's resolver grown article by article ------------------------------------------------


def grown(specs: list[str]) -> tuple[OriginResolver, list[Mention], list[set[str]]]:
    """A resolver extended with one article per spec, the mentions, and what each extension renamed."""
    mentions = [report(f"{i + 1}#1", spec) for i, spec in enumerate(specs)]
    resolver, renamed = OriginResolver(), []
    for mention in mentions:
        renamed.append(resolver.extend([mention.claim]))
    return resolver, mentions, renamed


@pytest.mark.parametrize(
    "specs",
    [
        ["Anna Petrova, spokeswoman for the Riverton fire brigade [official] < Daily Harbor [media]",
         "press service of the Riverton Fire Brigade [official] < Radio Vale [state-media] < Morning Post [media]",
         "fire brigade [official] < Morning Post [media]"],
        ["fire brigade [official] < Morning Post [media]",
         "Police Department of the town [official] < Daily Harbor [media]",
         "the town's police department [official] < Morning Post [media]",
         "Riverton fire brigade [official] < Daily Harbor [media]"],
    ],
)
def test_a_resolver_grown_article_by_article_finds_the_origins_of_one_built_at_once(specs: list[str]) -> None:
    resolver, mentions, _ = grown(specs)
    at_once = OriginResolver(mentions)
    assert [resolver.origin(m).key for m in mentions] == [at_once.origin(m).key for m in mentions]


def test_a_fuller_name_arriving_later_renames_the_origin_counted_before() -> None:
    resolver, mentions, renamed = grown(["the police [official] < Daily Harbor [media]",
                                         "the Riverton police department [official] < Morning Post [media]"])
    assert renamed[0] == set()
    assert renamed[1] == {"police"}  # what was counted as "police" is now the department
    assert resolver.origin(mentions[0]).key == resolver.origin(mentions[1]).key == "riverton police department"


def test_a_role_learnt_later_rebuilds_the_names_it_was_registered_without() -> None:
    resolver, mentions, renamed = grown(["Tom Reyes [official] < Daily Harbor [media]",
                                         "Tom Reyes, head of the Lakeside Water Authority [official] < Morning Post [media]"])
    assert renamed[1] == {"tom reyes"}
    assert resolver.origin(mentions[0]) == resolver.origin(mentions[1])
    assert resolver.origin(mentions[0]).name == "Lakeside Water Authority"


def test_names_known_to_the_story_are_not_grouped_again_by_an_unrelated_article() -> None:
    resolver, mentions, renamed = grown(["Port Authority [official] < Daily Harbor [media]",
                                         "Ministry of Water [official] < Morning Post [media]"])
    assert renamed == [set(), set()]
    assert resolver.origin(mentions[0]) != resolver.origin(mentions[1])
