"""Claims as the web shows them: each with its claim cluster and the analyst's verdict.

A page of claims reads the verdicts and clusters of all its claims at once, with ``wiretrace.store``'s
functions on the corpus's own connection (still through the store package, never raw SQL here).
"""

from __future__ import annotations

from collections.abc import Sequence

from wiretrace import store
from wiretrace.corpus import Corpus
from wiretrace.store import StoredClaim, Verdict
from wiretrace.store.links import clusters_of_claims
from wiretrace.web.models import ClaimItem


def verdicts(corpus: Corpus, claim_ids: Sequence[str]) -> dict[str, Verdict]:
    """The analyst's verdicts on any of ``claim_ids``, by claim id."""
    return store.verdicts_of(corpus.connection, claim_ids)


def claim_items(corpus: Corpus, claims: Sequence[StoredClaim]) -> list[ClaimItem]:
    """Each stored claim with its cluster id and verdict (each read for the whole page at once)."""
    ids = [c.claim.id for c in claims]
    given, clusters = verdicts(corpus, ids), clusters_of_claims(corpus.connection, ids)
    return [ClaimItem(c.article, c.claim, clusters.get(c.claim.id), given.get(c.claim.id)) for c in claims]
