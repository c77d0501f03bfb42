"""``Corpus``: the Python handle on a wiretrace database, what ``wiretrace.analyze`` returns.

Everything the views read (the web UI, ``wiretrace report``, ``wiretrace export``) goes through these
methods, so a script sees the same articles, claims, stories, clusters and analyst's verdicts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from wiretrace import store
from wiretrace.errors import WiretraceError
from wiretrace.records import ClaimCluster, Skipped, Story


class Corpus:
    """A wiretrace database opened for reading (and for further runs).

    >>> corpus = wiretrace.analyze(["reports/"], db="crisis.db")   # doctest: +SKIP
    >>> [a.title for a in corpus.articles()]                               # doctest: +SKIP
    """

    def __init__(
        self, db: str | Path, *, read_only: bool = False, last_run: store.RunSummary | None = None,
        any_thread: bool = False,
    ) -> None:
        self.path = Path(db)
        self.connection: sqlite3.Connection = store.connect(self.path, read_only=read_only, any_thread=any_thread)
        self.last_run = last_run

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[store.ArticleSummary]:
        return store.list_articles(self.connection, limit=limit, offset=offset)

    def article(self, article_id: int) -> store.StoredArticle | None:
        return store.load_article(self.connection, article_id)

    def count_articles(self) -> int:
        return store.count_articles(self.connection)

    def claims(self, *, article: int | None = None, limit: int | None = None, offset: int = 0) -> list[store.StoredClaim]:
        """Claims of one article (its row id) or of all, in text order; all unless ``limit`` is given."""
        return store.list_claims(self.connection, article=article, limit=limit, offset=offset)

    def count_claims(self, *, article: int | None = None) -> int:
        """How many claims are stored (of one article when ``article`` is given)."""
        return store.count_claims(self.connection, article=article)

    def claim(self, claim_id: str) -> store.StoredClaim | None:
        """One claim by its id (``3f2a9c0d1b4e5f60#3``) with its article's row id, or None.

        The claim is read through its claim cluster (the store has no lookup by claim id yet), so a
        claim of an article that is not linked (its linking failed and waits for the next run) is not
        found here; ``claims(article=...)`` lists it.
        """
        cluster = self.cluster_of(claim_id)
        if cluster is None:
            return None
        return next((store.StoredClaim(m.article, m.claim) for m in store.cluster_mentions(self.connection, cluster)
                     if m.claim.id == claim_id), None)  # fmt: skip

    def verdict(self, claim_id: str) -> store.Verdict | None:
        """The analyst's verdict on one claim (label, note, when), or None when none was given."""
        return store.load_verdict(self.connection, claim_id)

    def verdicts(self, claim_ids: Iterable[str]) -> dict[str, store.Verdict]:
        """The analyst's verdicts on any of ``claim_ids``, by claim id (claims without one are absent).

        One query per 500 ids, so a page of claims costs one read, not one per claim.
        """
        return store.verdicts_of(self.connection, list(claim_ids))

    def set_verdict(self, claim_id: str, verdict: str, note: str | None = None) -> store.Verdict:
        """Give (or replace) the analyst's verdict on a claim and return it as stored.

        ``verdict`` is one of ``store.VERDICTS`` (verified, false, misleading, unverified); ``note`` is
        free text. It is kept apart from what extraction found. Raises ``WiretraceError`` for another
        label, an unknown claim, or a corpus opened read-only.
        """
        if verdict not in store.VERDICTS:
            raise WiretraceError(f"cannot set verdict {verdict!r} on claim {claim_id!r}: "
                                 f"choose one of {', '.join(store.VERDICTS)}")  # fmt: skip
        try:
            given = store.set_verdict(self.connection, claim_id, verdict, note)
        except sqlite3.OperationalError as exc:
            raise WiretraceError(f"cannot set the verdict on claim {claim_id!r} in {self.path}: {exc}") from exc
        if given is None:
            raise WiretraceError(f"cannot set a verdict on claim {claim_id!r}: no such claim in {self.path}")
        return given

    def extraction(self, article: int) -> tuple[str, str | None] | None:
        """``(status, note)`` of an article's claim extraction (``done``, ``not-covered``, ``failed``)."""
        return store.extraction_status(self.connection, article)

    def search(self, query: str, *, limit: int = 20) -> list[tuple[int, str]]:
        """Full-text search in FTS5 syntax; a malformed query raises ``WiretraceError`` saying so."""
        try:
            return store.search_articles(self.connection, query, limit=limit)
        except sqlite3.OperationalError as exc:
            raise WiretraceError(f"cannot search for {query!r}: {exc} (FTS5 query syntax)") from exc

    def search_claims(self, query: str, *, limit: int = 20, offset: int = 0) -> list[store.StoredClaim]:
        """Claims whose text or speaker match a full-text query (FTS5 syntax), best first."""
        try:
            return store.search_claims(self.connection, query, limit=limit, offset=offset)
        except sqlite3.OperationalError as exc:
            raise WiretraceError(f"cannot search for {query!r}: {exc} (FTS5 query syntax)") from exc

    def stories(self, *, limit: int = 50, offset: int = 0) -> list[Story]:
        """Stories, the most recently updated first."""
        return store.list_stories(self.connection, limit=limit, offset=offset)

    def count_stories(self) -> int:
        return store.count_stories(self.connection)

    def story(self, story_id: int) -> Story | None:
        return store.load_story(self.connection, story_id)

    def clusters(self, *, story: int, limit: int | None = None, offset: int = 0) -> list[ClaimCluster]:
        """A story's claim clusters in timeline order (earliest event time first, unknown times last)."""
        return store.list_clusters(self.connection, story=story, limit=limit, offset=offset)

    def count_clusters(self, *, story: int) -> int:
        return store.count_clusters(self.connection, story=story)

    def places(self, *, story: int) -> list[store.StoryPlace]:
        """The places a story's claims name, with how many of its claim clusters and claims name each,
        the most widely reported first."""
        return store.story_places(self.connection, story)

    def cluster(self, cluster_id: int) -> ClaimCluster | None:
        """One claim cluster with its mentions, origins, independence, status history, conflicts, framing."""
        return store.load_cluster(self.connection, cluster_id)

    def cluster_of(self, claim_id: str) -> int | None:
        """The id of the claim cluster a claim belongs to, if it was linked."""
        return store.cluster_of_claim(self.connection, claim_id)

    def link_of(self, article_id: int) -> tuple[int, int | None] | None:
        """``(story id, id of the article it reposts or None)`` of a linked article."""
        return store.link_of(self.connection, article_id)

    def skipped(self) -> list[Skipped]:
        """The inputs the last run rejected, with their reasons."""
        return [] if self.last_run is None else store.skipped_in_run(self.connection, self.last_run.id)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
