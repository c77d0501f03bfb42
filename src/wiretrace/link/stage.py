"""The link stage: each extracted article joins a story, each of its claims a claim cluster, incrementally.

``Linker.link(article)`` does, for one stored article, in this order:

1. **reposts**: its MinHash signature against those of the articles linked before (``reposts``); a
   repost keeps a link to its original and counts as the same report;
2. **story**: its story signals (stored by the extract stage) and the embedding of its lead go to the
   ``StoryClusterer``, which puts it in the best-scoring story or starts one (``stories``);
3. **claim clusters**: each of its claims is compared with the most similar claims of that story
   (``ClaimIndex`` top-k, then ``compare_claims``: same / contradicting / different) and joins the
   cluster of the best match that is not "different"; a claim that answers another of its article
   (``denies``/``confirms``) joins that claim's cluster; otherwise it starts a cluster. Within a story
   the places and names most of its claims share are its setting and anchor nothing (``setting``), and
   a shared anchor needs a higher similarity than across stories (``LinkOptions.matching``);
4. **provenance** of every cluster it touched, recomputed: origins and independence, relay paths, the
   status history and status, conflicts and framing (``provenance``, ``conflicts``, ``framing``), with
   names resolved over the claims of the articles the cluster spans;
5. everything written in one transaction (``store.save_link``), so an interrupted run resumes at the
   first article not linked.

Nothing earlier is re-clustered: adding an article costs the same whatever the corpus size, apart from
the candidate searches. A new ``Linker`` on an existing database replays the stored links (signatures,
story signals and assignments, in link order) without scoring anything; each story's claim index is
rebuilt when an article joins it, and at most ``LinkOptions.cached_claims`` claims stay in memory
(least recently used stories are dropped first). A linker kept between runs replays them again when
another connection has written to the database since, or after one of its calls failed.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from itertools import groupby, islice
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from wiretrace import store
from wiretrace.errors import StoreError
from wiretrace.link.claim_index import ClaimIndex
from wiretrace.link.claim_match import DIFFERENT, ClaimMatchOptions, compare_claims
from wiretrace.link.claim_views import ClaimView, claim_view
from wiretrace.link.conflicts import ConflictOptions, cluster_status, conflicts, status_history
from wiretrace.link.embeddings import EmbeddingOptions, embed
from wiretrace.link.framing import FramingOptions, framing
from wiretrace.link.provenance import OriginResolver, ProvenanceOptions, independence, is_outlet_voice
from wiretrace.link.setting import Setting
from wiretrace.link.reposts import RepostIndex, RepostOptions, signature
from wiretrace.link.stories import StoryClusterer, StoryOptions, features_from_signals
from wiretrace.records import UNKNOWN_OUTLET, ClaimCluster, Mention, Story
from wiretrace.store.claims import StoredClaim

__all__ = ["LinkOptions", "Linker"]

LINK_ATTEMPTS = 3  # links of one article worked out again when another writer keeps committing meanwhile


class _Stale(Exception):
    """Another connection committed after the linker last read the store: its state is not the store's."""


@dataclass(frozen=True, slots=True)
class LinkOptions:
    """Settings of the link stage. ``candidates``: claims of the story compared with each new claim;
    ``cached_claims``: claims kept in memory across stories.
    ``setting_share``: names and areas in more of a story's claims than this anchor nothing there;
    ``common_share``: two claims of a story must also match when the words of names and areas in more
    than this share of its claims (its main actors) anchor nothing; else every claim naming the main
    actor would anchor every other (and static embeddings rate two sentences sharing a rare name as
    similar, whatever else they say); a name is common only when in more than ``common_floor`` claims."""

    stories: StoryOptions = field(default_factory=StoryOptions)
    reposts: RepostOptions = field(default_factory=RepostOptions)
    matching: ClaimMatchOptions = field(default_factory=lambda: ClaimMatchOptions(anchored_similarity=0.3))
    setting_share: float = 0.2
    common_share: float = 0.05
    common_floor: int = 5
    provenance: ProvenanceOptions = field(default_factory=ProvenanceOptions)
    conflicts: ConflictOptions = field(default_factory=ConflictOptions)
    framing: FramingOptions = field(default_factory=FramingOptions)
    embedding: EmbeddingOptions = field(default_factory=EmbeddingOptions)
    candidates: int = 20
    cached_claims: int = 100_000


class _StoryClaims:
    """One story's claims as the matcher sees them: an index of views, the cluster at each position, the
    position of each cluster's first claim (its representative), the story's setting, the resolver of
    its source names and the counted origins of each cluster (the story's number of sources)."""

    def __init__(self, setting_share: float, common_floor: int, provenance: ProvenanceOptions) -> None:
        self.index = ClaimIndex()
        self.cluster_at: list[int] = []
        self.first_of: dict[int, int] = {}
        self.setting = Setting(setting_share, common_floor)
        self.resolver = OriginResolver(options=provenance)
        self.origins: dict[int, set[str]] = {}

    def add(self, view: ClaimView, cluster: int) -> None:
        self.first_of.setdefault(cluster, len(self.cluster_at))
        self.index.add(view)
        self.setting.add(view)
        self.cluster_at.append(cluster)


class Linker:
    """Links stored articles into stories and claim clusters (see the module docstring).

        >>> linker = Linker(conn)          # doctest: +SKIP
        >>> linker.link_pending()          # doctest: +SKIP
    """

    def __init__(self, conn: sqlite3.Connection, options: LinkOptions | None = None) -> None:
        self.conn = conn
        self.options = options or LinkOptions()
        self._load()

    def _load(self) -> None:
        """The state of the stored links, replayed (see ``_restore``); what ``link`` then keeps up to date.

        The store's version is read first: a commit by another connection during the replay then makes
        the next ``link`` replay again, never go on from a state that misses it."""
        self._broken = True  # until the replay is whole
        self._version = self._data_version()
        self._stories = StoryClusterer(self.options.stories)
        self._reposts = RepostIndex(self.options.reposts)
        self._article_at: list[int] = []  # clusterer position → article id
        self._claims: OrderedDict[int, _StoryClaims] = OrderedDict()  # story id → its claims (LRU)
        self._next_cluster = 1 + int(self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM clusters").fetchone()[0])
        try:
            self._restore()
        except sqlite3.Error:
            raise
        except Exception as exc:  # not one article's defect: no article can be linked without the replay
            raise StoreError(f"cannot replay the stored links ({exc!r}); what is stored is kept, run again") from exc
        self._broken = False

    def _data_version(self) -> int:
        """SQLite's count of commits by *other* connections, as this one sees it (``PRAGMA data_version``)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _restore(self, batch: int = 1000) -> None:
        """Replay the stored links, ``batch`` articles at a time (a 100k-article corpus is never held whole)."""
        rows = store.linked_articles(self.conn)
        while linked := list(islice(rows, batch)):  # itertools.batched is Python 3.12+
            vectors = embed([item.signals.lead for item in linked], self.options.stories.embedding)
            for item, vector in zip(linked, vectors, strict=True):
                self._stories.restore(features_from_signals(item.signals, vector), item.story - 1)
                self._article_at.append(item.article)
                self._reposts.add(item.article, item.minhash)

    def link_pending(self, on_article: Callable[[int], None] | None = None) -> int:
        """Link every extracted article not linked yet, in arrival order; returns how many."""
        todo = store.articles_to_link(self.conn)
        for article in todo:
            self.link(article)
            if on_article is not None:
                on_article(article)
        return len(todo)

    def link(self, article: int) -> store.LinkUpdate | None:
        """Link one stored, extracted article and store the result (see the module docstring); None when
        another writer linked it meanwhile.

        A linker kept warm between calls (the web app keeps one for its reports) stays true to the
        store: when another connection has committed since (``wiretrace analyze`` on the same database),
        or when an earlier call failed half-way, the stored links are replayed first; and the link is
        written only if no other connection has committed since (checked inside the write transaction;
        otherwise it is replayed and linked again, up to ``LINK_ATTEMPTS`` times).
        """
        for _ in range(LINK_ATTEMPTS):
            if self._broken or self._data_version() != self._version:
                self._load()
                if store.link_of(self.conn, article) is not None:
                    return None  # another writer linked it meanwhile
            try:
                return self._link(article)
            except _Stale:  # another connection committed while this article was linked: nothing was written
                self._broken = True
            except BaseException:
                self._broken = True  # the state in memory may be half-updated: replay the store next time
                raise
        raise StoreError(f"article {article}: the database kept changing while it was linked (another wiretrace "
                         "writing to it at the same time); what is stored is kept, run again")

    def _still_current(self) -> None:
        """Raise ``_Stale`` when another connection has committed since the last replay (called inside the
        write transaction that stores a link, when no other connection can commit any more)."""
        if self._data_version() != self._version:
            raise _Stale

    def _link(self, article: int) -> store.LinkUpdate:
        stored = store.load_article(self.conn, article)
        signals = store.story_signals(self.conn, article)
        if stored is None or signals is None:
            raise ValueError(f"article {article} is not stored with its extraction; run `wiretrace analyze` first")
        minhash = signature(stored.article.text, self.options.reposts)
        original = self._reposts.original_of(minhash, before=article)
        vector = embed([signals.lead], self.options.stories.embedding)[0]
        story_id = self._stories.add(features_from_signals(signals, vector)) + 1
        self._article_at.append(article)
        self._reposts.add(article, minhash)
        repost_of = original[0] if original else None
        claims = store.list_claims(self.conn, article=article)
        mentions = [_mention(c, stored.article.outlet, stored.article.published_at, repost_of) for c in claims]
        assignments = self._assign(story_id, mentions)
        state = self._claims[story_id]
        renamed = state.resolver.extend([m.claim for m in mentions])
        recount = [cid for cid, origins in state.origins.items() if origins & renamed]
        touched = tuple(self._cluster(cid, story_id, [m for m in mentions if assignments.get(m.claim.id) == cid])
                        for cid in dict.fromkeys([*assignments.values(), *recount]))  # fmt: skip
        update = store.LinkUpdate(article, self._story(story_id, article, touched), repost_of, minhash, touched,
                                  tuple(assignments.items()))  # fmt: skip
        store.save_link(self.conn, update, check=self._still_current)
        return update

    # ---- claim clusters ---------------------------------------------------------------------------

    def _assign(self, story: int, mentions: Sequence[Mention]) -> dict[str, int]:
        """The cluster of each new claim (see the module docstring, step 3)."""
        state = self._story_claims(story)
        vectors = embed([m.claim.text for m in mentions], self.options.embedding)
        assigned: dict[str, int] = {}
        for mention, vector in zip(mentions, vectors, strict=True):
            view = claim_view(mention.claim, vector)
            answered = [assigned[ref] for ref in (*mention.claim.denies, *mention.claim.confirms) if ref in assigned]
            cluster = answered[0] if answered else self._best_match(state, view)
            if cluster is None:
                cluster, self._next_cluster = self._next_cluster, self._next_cluster + 1
            state.add(view, cluster)
            assigned[mention.claim.id] = cluster
        self._evict()
        return assigned

    def _best_match(self, state: _StoryClaims, view: ClaimView) -> int | None:
        """The cluster of the most similar candidate that matches ``view`` and whose cluster's first claim
        matches it too (the first such in the index's order, best first). Without that second check clusters chain (a ~ b ~ c ~ ... though a and z have
        nothing in common) and, in a story of hundreds of articles, swallow unrelated claims."""
        local = state.setting.without_setting(view)

        strict = state.setting.without_setting(view, self.options.common_share)

        def matches(other: ClaimView) -> float | None:
            match = compare_claims(local, state.setting.without_setting(other), self.options.matching)
            if match.relation == DIFFERENT:
                return None
            other = state.setting.without_setting(other, self.options.common_share)
            return None if compare_claims(strict, other, self.options.matching).relation == DIFFERENT else match.similarity

        floor = max(self.options.matching.min_similarity, min(
            self.options.matching.anchored_similarity, self.options.matching.counted_similarity,
            self.options.matching.same_similarity))  # below it compare_claims says "different"
        refused: set[int] = set()
        for candidate in state.index.candidates(view, self.options.candidates):  # most similar first
            cluster = state.cluster_at[candidate.position]
            if candidate.similarity < floor - 1e-6:
                break
            if cluster in refused or matches(candidate.view) is None:
                continue
            first = state.first_of[cluster]
            if first != candidate.position and matches(state.index[first]) is None:
                refused.add(cluster)
                continue
            return cluster  # the most similar match: later candidates are less similar
        return None

    def _story_claims(self, story: int) -> _StoryClaims:
        """The story's claim state, rebuilt from the store when it is not in memory."""
        state = self._claims.get(story)
        if state is not None:
            self._claims.move_to_end(story)
            return state
        state = _StoryClaims(self.options.setting_share, self.options.common_floor, self.options.provenance)
        rows = store.story_claims(self.conn, story)
        for _, claims in groupby(rows, key=lambda pair: pair[0].article):  # names learnt in link order
            state.resolver.extend([row.claim for row, _ in claims])
        rows = [(row, cluster) for row, cluster in rows if cluster is not None]
        vectors = embed([row.claim.text for row, _ in rows], self.options.embedding)
        for (row, cluster), vector in zip(rows, vectors, strict=True):
            state.add(claim_view(row.claim, vector), cluster)
        state.origins = store.cluster_origin_keys(self.conn, story)
        self._claims[story] = state
        return state

    def _evict(self) -> None:
        while len(self._claims) > 1 and sum(len(s.cluster_at) for s in self._claims.values()) > self.options.cached_claims:
            self._claims.popitem(last=False)

    def _cluster(self, cluster_id: int, story: int, new: Sequence[Mention]) -> ClaimCluster:
        """The cluster's record with its new mentions: provenance, status, conflicts and framing."""
        mentions = [*store.cluster_mentions(self.conn, cluster_id), *new]
        resolver = self._claims[story].resolver
        count, origins, relays = independence(mentions, resolver)
        history = status_history(mentions, resolver)
        self._claims[story].origins[cluster_id] = {o.key for o in origins}
        return ClaimCluster(
            id=cluster_id, story=story, label=_label(mentions), mentions=tuple(mentions), origins=origins,
            independence=count, relays=relays, status=cluster_status(history), history=history,
            conflicts=conflicts(mentions, resolver, self.options.conflicts),
            framing=framing(mentions, resolver, self.options.framing),
        )  # fmt: skip

    def _story(self, story_id: int, article: int, touched: Sequence[ClaimCluster]) -> Story:
        summary = self._stories.story(story_id - 1)
        state = self._claims[story_id]
        sources = set().union(*state.origins.values()) if state.origins else set()
        return Story(
            id=story_id, title=summary.title,
            start=summary.start.isoformat() if summary.start else None,
            end=summary.end.isoformat() if summary.end else None,
            places=summary.places, actors=summary.actors,
            articles=tuple(self._article_at[m] for m in summary.members), sources=len(sources),
            claims=len(state.cluster_at), clusters=len(set(state.cluster_at)),
        )  # fmt: skip


def _mention(row: StoredClaim, outlet: str | None, published_at, repost_of: int | None) -> Mention:
    claim = row.claim
    name = claim.chain[-1].name if claim.chain else (outlet or UNKNOWN_OUTLET)
    return Mention(claim, row.article, name, published_at.isoformat() if published_at else None, repost_of)


def _label(mentions: Sequence[Mention]) -> str:
    """The text of the cluster's first attributed body claim (the report closest to its source), else
    its first claim."""
    ordered = sorted(mentions, key=lambda m: (m.article, m.claim.start))
    attributed = [m for m in ordered if m.claim.where == "body" and not is_outlet_voice(m.claim)]
    return (attributed or [m for m in ordered if m.claim.where == "body"] or ordered)[0].claim.text
