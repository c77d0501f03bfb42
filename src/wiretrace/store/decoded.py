"""Stored JSON records read back as records, each distinct stored text decoded once per process
(``claim_record`` lives beside the claim decoder in ``store.claims``).

Decoding is most of what reading a page costs (a story's timeline holds hundreds of claims, each a
nested record), and the pages people look at are read again and again. A record is a pure function of
its stored text and records are frozen, so the decoded record is kept by its exact text: a changed
record is a different text, never a stale hit. The caches are bounded (least recently used first out);
what they hold is what was read last, never a setting.
"""

from __future__ import annotations

import functools
import json

from wiretrace.jsonable import from_jsonable
from wiretrace.records import ClaimCluster, Story
from wiretrace.store.claims import claim_record

__all__ = ["claim_record", "cluster_record", "story_record"]


@functools.lru_cache(maxsize=2048)
def cluster_record(text: str) -> ClaimCluster:
    """The ``ClaimCluster`` a ``clusters.record`` text holds (stored without its mentions)."""
    return from_jsonable(ClaimCluster, json.loads(text))


@functools.lru_cache(maxsize=1024)
def story_record(text: str) -> Story:
    """The ``Story`` a ``stories.record`` text holds (stored without its articles)."""
    return from_jsonable(Story, json.loads(text))
