"""Stored JSON records read back as records: the claims, claim clusters and stories pages are made of.

Decoding is most of what reading a page costs (a story's timeline holds hundreds of claims, each a
nested record), so the stored texts are decoded by msgspec, which parses the JSON straight into the
frozen records (no dict per object first, no Python call per field): 160 claims of a timeline take
0.4 ms instead of 2 ms through ``json.loads`` and the record constructors. A text msgspec refuses (a
record stored by an older version with a value of another type) is decoded by ``from_jsonable``
instead, so what reads back is the same either way (``tests/store/test_decoded.py`` checks both agree).

The pages people look at are read again and again. A record is a pure function of its stored text and
records are frozen, so the decoded record is kept by its exact text: a changed record is a different
text, never a stale hit. The caches are bounded (least recently used first out); what they hold is
what was read last, never a setting.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import TypeVar

import msgspec

from wiretrace.jsonable import from_jsonable
from wiretrace.records import Claim, ClaimCluster, Story, StorySignals

__all__ = ["claim_from_text", "claim_record", "cluster_record", "record_decoder", "signals_from_text", "story_record"]

T = TypeVar("T")


def record_decoder(cls: type[T]) -> Callable[[str], T]:
    """A function turning a stored ``to_jsonable`` text of a ``cls`` record back into the record, the
    inverse of storing it (as ``from_jsonable(cls, json.loads(text))``, faster)."""
    decoder = msgspec.json.Decoder(cls)

    def decode(text: str) -> T:
        try:
            return decoder.decode(text)
        except msgspec.DecodeError:  # a value of another type: the generic decoder says what it gives
            return from_jsonable(cls, json.loads(text))

    return decode


claim_from_text = record_decoder(Claim)
"""The ``Claim`` a ``claims.record`` text holds, decoded every time (for reads of many claims once, which
would only push the claims of pages out of ``claim_record``'s cache)."""


@functools.lru_cache(maxsize=8192)
def claim_record(text: str) -> Claim:
    """The ``Claim`` a ``claims.record`` text holds, each distinct text decoded once per process."""
    return claim_from_text(text)


signals_from_text = record_decoder(StorySignals)
"""The ``StorySignals`` an ``extractions.signals`` text holds (a linker restarting on a large corpus
decodes one per article: 0.2 ms each through ``json.loads`` and ``from_jsonable``)."""

_cluster = record_decoder(ClaimCluster)
_story = record_decoder(Story)


@functools.lru_cache(maxsize=2048)
def cluster_record(text: str) -> ClaimCluster:
    """The ``ClaimCluster`` a ``clusters.record`` text holds (stored without its mentions)."""
    return _cluster(text)


@functools.lru_cache(maxsize=1024)
def story_record(text: str) -> Story:
    """The ``Story`` a ``stories.record`` text holds (stored without its articles)."""
    return _story(text)
