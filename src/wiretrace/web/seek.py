"""Deep pages of the claim list started from a kept place instead of passed over from the first claim.

``OFFSET 130000`` walks 130,000 entries of the ``(article_id, idx)`` index on every request (0.6 ms on
a 10k-article database, most of what such a page costs). Instead, the key of every ``SEEK_STEP``-th
claim is found once, each from the one before (a walk of ``SEEK_STEP`` entries), and kept until the
database changes (``WebState.kept``); a page then walks at most ``SEEK_STEP`` entries from the nearest
kept key. The claims shown are exactly those ``OFFSET`` gives (``tests/web/test_seek.py``).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from wiretrace.corpus import Corpus
from wiretrace.store.claims import ClaimKey, claim_key_at

SEEK_STEP = 2048


def claim_start(corpus: Corpus, kept: dict[Hashable, Any], offset: int) -> tuple[ClaimKey | None, int]:
    """Where a page of every claim at ``offset`` starts from: ``(key of the kept claim nearest before
    it, offset left from there)``, or ``(None, offset)`` to count from the first claim. Keys not kept
    yet are found and kept on the way (``kept`` is what the app keeps of this database as it is now)."""
    key: ClaimKey | None = None
    reached = 0
    for mark in range(SEEK_STEP, offset + 1, SEEK_STEP):
        found = kept.get(("claim at", mark))
        if found is None:
            found = claim_key_at(corpus.connection, SEEK_STEP, start=key)
            if found is None:  # fewer claims than ``mark``: the page is past the end
                break
            kept[("claim at", mark)] = found
        key, reached = found, mark
    return key, offset - reached
