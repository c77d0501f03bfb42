"""Stored record texts decode to exactly what ``from_jsonable`` gives, through msgspec or its fallback."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.jsonable import from_jsonable, to_jsonable
from wiretrace.records import Claim, ClaimCluster, Story, StorySignals
from wiretrace.store.decoded import claim_from_text, claim_record, cluster_record, record_decoder, story_record

Strategies = Callable[[Any], st.SearchStrategy[Any]]


@pytest.mark.parametrize("kind", [Claim, ClaimCluster, Story, StorySignals], ids=lambda k: k.__name__)
@settings(max_examples=30, deadline=None)
@given(data=st.data(), drop=st.booleans())
def test_a_stored_text_decodes_as_from_jsonable_does(
    kind: type, data: st.DataObject, drop: bool, record_strategy: Strategies
) -> None:
    stored = to_jsonable(data.draw(record_strategy(kind)))
    if drop:  # a record stored before the fields with defaults existed
        defaults = {f.name for f in dataclasses.fields(kind) if f.default is not dataclasses.MISSING}
        stored = {k: v for k, v in stored.items() if k not in defaults}
    text = json.dumps(stored, ensure_ascii=False)
    assert record_decoder(kind)(text) == from_jsonable(kind, json.loads(text))


def test_a_value_of_another_type_falls_back_to_the_generic_decoder() -> None:
    story = to_jsonable(Story(3, "Title", None, None, ("Lima",), (), ()))
    story["sources"] = "7"  # msgspec refuses a string for an int; from_jsonable keeps it as stored
    text = json.dumps(story)
    assert record_decoder(Story)(text) == from_jsonable(Story, story)
    assert record_decoder(Story)(text).sources == "7"


def test_malformed_json_is_still_an_error() -> None:
    with pytest.raises(json.JSONDecodeError):
        claim_from_text('{"id": ')


def test_records_are_kept_by_their_exact_text() -> None:
    claim = Claim("a#1", "a", 0, 4, "text", "direct", "Police", (), "asserted")
    text = json.dumps(to_jsonable(claim))
    assert claim_record(text) == claim and claim_record(text) is claim_record(text)
    cluster = ClaimCluster(1, 2, "label", (), (), 0)
    assert cluster_record(json.dumps(to_jsonable(cluster))) == cluster
    story = Story(3, "Title", None, None, (), (), ())
    assert story_record(json.dumps(to_jsonable(story))) == story
