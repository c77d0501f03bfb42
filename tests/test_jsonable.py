"""``from_jsonable`` inverts ``to_jsonable`` for the records, including nested and optional fields."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.jsonable import from_jsonable, to_jsonable
from wiretrace.records import (
    ChainLink, Claim, ClaimCluster, ClaimPlace, ClaimQuantity, ClaimTime, Conflict, Entity, Framing, Mention, Origin,
    Proposition, RelayPath, StatusEntry, Story, StorySignals,
)  # fmt: skip

words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
claims = st.builds(
    Claim, id=words, article_id=words, start=st.integers(0, 99), end=st.integers(0, 99), text=words,
    kind=st.sampled_from(["direct", "outlet-voice"]), speaker=words,
    chain=st.lists(st.builds(ChainLink, name=words, role=st.none() | words, type=words), max_size=3).map(tuple),
    factuality=words, cues=st.lists(words, max_size=2).map(tuple),
    time=st.none() | st.builds(ClaimTime, start=st.none() | words, end=st.none() | words, granularity=words,
                               expression=words, resolved=st.booleans()),
    quantities=st.lists(st.builds(ClaimQuantity, category=st.none() | words, min=st.none() | st.floats(0, 1e6),
                                  max=st.none() | st.floats(0, 1e6), unit=st.none() | words, approx=st.booleans(),
                                  expression=words), max_size=2).map(tuple),
    places=st.lists(st.builds(ClaimPlace, name=words, kind=words, country=st.none() | words, lat=st.none() | st.floats(-90, 90),
                              lon=st.none() | st.floats(-180, 180), mention=words), max_size=2).map(tuple),
    entities=st.lists(st.builds(Entity, name=words, label=words), max_size=2).map(tuple),
    proposition=st.none() | st.builds(Proposition, predicate=words, subject=st.none() | words, object=st.none() | words,
                                      arguments=st.lists(words, max_size=2).map(tuple), negated=st.booleans()),
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(claims, st.integers(1, 9), st.none() | st.integers(1, 9))
def test_a_cluster_survives_a_json_round_trip(claim: Claim, article: int, repost_of: int | None) -> None:
    cluster = ClaimCluster(
        id=1, story=2, label="x", mentions=(Mention(claim, article, "Outlet", "2024-01-01T00:00:00+00:00", repost_of),),
        origins=(Origin("k", "Name", "official", ("Name", "alias")),), independence=1,
        relays=(RelayPath("Name", ("Agency",), claim.id),), status="hedged",
        history=(StatusEntry(None, "hedged", "Name", claim.id),), conflicts=(Conflict("numbers", "a", "b", "A", "B", "3 / 9"),),
        framing=(Framing("Name", ("rioters",), ("killed",)),),
    )  # fmt: skip
    assert from_jsonable(ClaimCluster, json.loads(json.dumps(to_jsonable(cluster)))) == cluster


def test_story_and_signals_round_trip_and_missing_fields_take_defaults() -> None:
    story = Story(3, "Title", "2024-01-01", None, ("Lima",), ("Police",), (1, 2), "2024-01-02", 4, 10, 5)
    assert from_jsonable(Story, json.loads(json.dumps(to_jsonable(story)))) == story
    signals = StorySignals("t", "lead", {"terms": {"quake": 1.5}}, (2024,), ("2024-01-01",), ("A",), ("Lima",))
    assert from_jsonable(StorySignals, to_jsonable(signals)) == signals
    old = {k: v for k, v in to_jsonable(story).items() if k not in ("sources", "claims", "clusters")}
    assert from_jsonable(Story, old) == Story(3, "Title", "2024-01-01", None, ("Lima",), ("Police",), (1, 2), "2024-01-02")
