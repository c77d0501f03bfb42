"""``from_jsonable`` inverts ``to_jsonable`` for the records, including nested and optional fields."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace import records
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


Strategies = Callable[[Any], st.SearchStrategy[Any]]

# Every record of ``wiretrace.records`` but ``Document``, whose raw bytes are never part of JSON output.
RECORDS = sorted(
    (k for k in vars(records).values() if dataclasses.is_dataclass(k) and k.__module__ == records.__name__
     and k is not records.Document),
    key=lambda k: k.__name__,
)  # fmt: skip


def test_the_record_list_holds_the_nested_ones() -> None:
    names = {k.__name__ for k in RECORDS}
    assert {"Article", "Claim", "ClaimCluster", "Extraction", "Story", "StorySignals", "Segment"} <= names


@pytest.mark.parametrize("kind", RECORDS, ids=lambda k: k.__name__)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_record_type_round_trips(kind: type, data: st.DataObject, record_strategy: Strategies) -> None:
    record = data.draw(record_strategy(kind))
    assert from_jsonable(kind, json.loads(json.dumps(to_jsonable(record)))) == record


@pytest.mark.parametrize("kind", RECORDS, ids=lambda k: k.__name__)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_fields_missing_from_the_json_take_their_defaults(
    kind: type, data: st.DataObject, record_strategy: Strategies
) -> None:
    record = data.draw(record_strategy(kind))
    defaults = {f.name: f.default for f in dataclasses.fields(kind) if f.default is not dataclasses.MISSING}
    old = {k: v for k, v in json.loads(json.dumps(to_jsonable(record))).items() if k not in defaults}
    assert from_jsonable(kind, old) == dataclasses.replace(record, **defaults)


@pytest.mark.parametrize(
    "kind, data, expected",
    [
        (float, 3, 3.0),
        (tuple[int, str], [1, "a"], (1, "a")),
        (dict[str, tuple[float, ...]], {"a": [1, 2.5]}, {"a": (1.0, 2.5)}),
        (frozenset[str], ["a", "a"], frozenset({"a"})),
        (records.SegmentKind | None, "title", records.SegmentKind.TITLE),
        (int | str, "7", "7"),  # a union of two kinds is left as JSON has it
        (tuple[records.Entity, ...] | None, None, None),
    ],
)  # fmt: skip
def test_plain_kinds_decode(kind: Any, data: Any, expected: Any) -> None:
    decoded = from_jsonable(kind, data)
    assert decoded == expected and type(decoded) is type(expected)


def test_a_missing_required_field_is_an_error() -> None:
    with pytest.raises(TypeError):
        from_jsonable(records.Entity, {"name": "A", "label": "ORG"})
