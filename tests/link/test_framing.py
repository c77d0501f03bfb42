"""Framing: the words each source uses for the actors and the act, on hand-written claims."""

from __future__ import annotations

from collections import Counter

import pytest

from wiretrace.link.framing import FramingOptions, act_words, actor_words, framing, framing_profile
from wiretrace.link.provenance import OriginResolver
from wiretrace.records import ChainLink, Claim, ClaimCluster, ClaimPlace, ClaimQuantity, Framing, Mention, Proposition


def claim(text: str, predicate: str, subject: str | None = None, obj: str | None = None, arguments: tuple = (),
          *, negated: bool = False, counts: tuple = (), places: tuple = (), chain: tuple = (),
          cid: str = "1#1") -> Claim:
    """A claim with the proposition the extractor would give (phrases lower-cased, determiners dropped);
    ``counts`` are ``(unit, expression)`` pairs, ``places`` place mentions."""
    chain = chain or (ChainLink("Daily Harbor", None, "media"),)
    quantities = tuple(ClaimQuantity("killed", 24, 99, unit, True, expression) for unit, expression in counts)
    where = tuple(ClaimPlace(p, "facility", None, None, None, p) for p in places)
    kind = "outlet-voice" if len(chain) == 1 else "indirect"
    return Claim(cid, "doc", 0, len(text), text, kind, chain[0].name, chain, "asserted", quantities=quantities,
                 places=where, proposition=Proposition(predicate, subject, obj, arguments, negated))


@pytest.mark.parametrize(
    "text, predicate, obj, negated, expected",
    [
        ("Dozens of rebels have been eliminated", "eliminate", "dozens of rebels", False, ("eliminated",)),
        ("The strikers were neutralised at dawn", "neutralise", "strikers", False, ("neutralised",)),
        ("Three boats were stopped", "stop", "three boats", False, ("stopped",)),
        ("The crowd was carried away", "carry", "crowd", False, ("carried",)),
        ("The bridge has been freed", "free", "bridge", False, ("freed",)),
        # a phrasal or chained predicate is the stretch of text it spans
        ("Rioters tried to storm the depot", "try storm", "depot", False, ("tried to storm",)),
        ("The port was cordoned off by guards", "cordone off", "port", False, ("cordoned off",)),
        # an irregular form is the closest word sharing the lemma's first letters
        ("Clashes began to spread", "begin spread", None, False, ("began to spread",)),
        # the polarity is part of the wording
        ("This report was not confirmed", "confirm", "report", True, ("not confirmed",)),
        # a light verb's act is the event noun it governs
        ("The clearance of the old quarter has begun", "begin", "clearance of old quarter", False, ("clearance",)),
        ("Looting continues", "continue", "looting", False, ("Looting",)),
        ("A special operation in the valley was launched", "launch", "special operation in valley", False,
         ("special operation",)),
        ("There were reports about the capture of the dam", "be", "reports about capture of dam", False, ("capture",)),
        # a lemma with no form in the text is kept as it is
        ("The mayor held talks", "hold", "talks", False, ("hold",)),
    ],
)
def test_act_words(text: str, predicate: str, obj: str | None, negated: bool, expected: tuple[str, ...]) -> None:
    assert act_words(claim(text, predicate, None, obj, negated=negated)) == expected


@pytest.mark.parametrize(
    "text, subject, obj, arguments, counts, places, expected",
    [
        # a count is read through to what it counts
        ("Dozens of rebels have been eliminated", None, "dozens of rebels", (), (("rebels", "dozens of rebels"),), (),
         ("rebels",)),
        ("Some 40 strikers and two guards were hurt", None, "some 40 strikers and two guards", (),
         (("strikers", "some 40 strikers"), ("guards", "two guards")), (), ("strikers", "guards")),
        # the phrase is cut before its first other preposition; agent-like arguments are participants
        ("Hundreds of guards in helmets fired at the marchers", "hundreds of guards in helmets", None, ("at:marchers",),
         (("guards", "hundreds of guards"),), (), ("guards", "marchers")),
        ("The square was cleared of demonstrators", None, "square", ("of:demonstrators",), (), ("the square",),
         ("demonstrators",)),
        ("The depot was freed from militants on Monday", None, "depot", ("from:militants", "on:monday"), (), (),
         ("depot", "militants")),
        # words as written: case and determiners inside the phrase come back from the text
        ("Extremist Forces attacked the identities of the victims", "extremist forces", "identities of victims",
         (), (), (), ("Extremist Forces", "identities of the victims")),
        # pronouns and places are not actors
        ("They burned the Old Mill", "they", "old mill", (), (), ("Old Mill",), ()),
    ],
)
def test_actor_words(text: str, subject: str | None, obj: str | None, arguments: tuple, counts: tuple,
                     places: tuple, expected: tuple[str, ...]) -> None:
    assert actor_words(claim(text, "do", subject, obj, arguments, counts=counts, places=places)) == expected


def test_a_light_verbs_event_noun_is_the_act_not_an_actor() -> None:
    assert actor_words(claim("Looting continues", "continue", None, "looting")) == ()
    assert actor_words(claim("Three boats were stopped", "stop", None, "three boats")) == ("Three boats",)


PORT = ChainLink("Port Authority", None, "official")
WIRE = ChainLink("Coast Wire", None, "media")
HARBOR = ChainLink("Daily Harbor", None, "media")
POST = ChainLink("Morning Post", None, "media")
UNNAMED = ChainLink("unnamed source", None, "unnamed")


def mention(cid: str, c: Claim) -> Mention:
    return Mention(c, int(cid.split("#")[0]), c.chain[-1].name)


def test_framing_per_source() -> None:
    mentions = [
        mention("1#1", claim("Dozens of rebels have been eliminated", "eliminate", None, "dozens of rebels",
                             counts=(("rebels", "dozens of rebels"),), chain=(PORT, HARBOR), cid="1#1")),
        # the headline inherits the attribution for counting, but its words are the outlet's
        mention("1#2", claim("Rebels killed", "kill", None, "rebels", chain=(HARBOR,), cid="1#2")),
        mention("2#1", claim("dozens of fighters were liquidated", "liquidate", None, "dozens of fighters",
                             counts=(("fighters", "dozens of fighters"),), chain=(PORT, WIRE, POST), cid="2#1")),
        mention("2#2", claim("Dozens of villagers killed", "kill", None, "dozens of villagers",
                             counts=(("villagers", "dozens of villagers"),), chain=(POST,), cid="2#2")),
        mention("3#1", claim("there was shooting", "shoot", chain=(UNNAMED, POST), cid="3#1")),
    ]
    assert framing(mentions, OriginResolver(mentions)) == (
        Framing("Port Authority", ("rebels", "fighters"), ("eliminated", "liquidated")),
        Framing("Daily Harbor", ("Rebels",), ("killed",)),
        Framing("Morning Post", ("villagers",), ("killed",)),
        Framing("unnamed source", (), ("shooting",)),
    )


def test_framing_profile_counts_each_word_once_per_cluster() -> None:
    def cluster(n: int, *entries: Framing) -> ClaimCluster:
        return ClaimCluster(n, 1, f"cluster {n}", (), (), 0, framing=entries)

    profile = framing_profile([
        cluster(1, Framing("Port Authority", ("rebels", "Rebels"), ("eliminated",)),
                Framing("Daily Harbor", ("villagers",), ("killed",))),
        cluster(2, Framing("Port Authority", ("rebels",), ("liquidated",))),
    ])
    assert profile == {
        "Port Authority": Counter({"rebels": 2, "eliminated": 1, "liquidated": 1}),
        "Daily Harbor": Counter({"villagers": 1, "killed": 1}),
    }


def test_options_choose_the_light_verbs() -> None:
    looting = claim("Looting continues", "continue", None, "looting")
    assert act_words(looting, FramingOptions(light_verbs=())) == ("continues",)
