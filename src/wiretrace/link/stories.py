"""Stories: articles clustered incrementally, one at a time, as they arrive.

An article joins the story it scores best against, or starts a new one when no story scores at least
``StoryOptions.threshold``; earlier decisions are never revisited, so adding an article costs the same
whatever the corpus size (no re-clustering). The score of a story is the mean of the ``top_pairs`` best
*pair scores* between the article and the story's members, a linear model (a logit) over:

- the cosine of TF-IDF bags in seven channels: content lemmas of the whole text (``terms``) and of the
  title and lead (``lead_terms``); tokens of named entities anywhere (``entities``) and in the lead
  (``lead_entities``); tokens of PERSON entities (``persons``); proper-noun tokens (``names``, robust to
  the small model's NER slips); canonical places (``places``). IDF is the running document frequency of
  the articles seen so far, so nothing needs the whole corpus;
- the cosine of WordLlama embeddings of the title and lead (``embedding``; weight 0 by default: on ECB+
  it adds nothing beside the lead's words, so the embeddings serve candidate retrieval and titles);
- ``year_match`` / ``year_conflict``: both articles name explicit years and share one / share none of
  their latest ones (two earthquakes of the same region years apart are two stories).

Names and vocabulary decide most: two stories of one kind (two rehab check-ins, two earthquakes) share
their vocabulary but not their actors, places or years. The default weights were fitted by logistic
regression on pairs of the ECB+ train split (``wiretrace.evaluation.stories.fit_story_weights``) and
rounded; the threshold was chosen on the train split.

Only a few stories are scored per article: the ``candidate_stories`` nearest by embedding centroid (one
matrix product) and those sharing the article's rarest names and entity tokens (an inverted index); per
story at most ``members_compared`` members, the nearest by embedding.

Memory stays bounded on a stream: a story keeps the features of its ``members_kept`` latest members
only, and a story no article has joined for ``dormant_after`` arrivals keeps those of its
``dormant_members`` latest. A story is scored against the members it kept, so a late report can still
join a dormant story. Its summary is kept as it grows (``_Summary``: the span of dates, counts of places
and actors, and the title of the member nearest the centroid among those kept and those dropped, each
dropped member's closeness taken when it was dropped: exact for a story that had at most
``members_kept`` members when it went dormant, whose centroid no longer moves; for a larger story a
member dropped while it was still growing was compared with the centroid of that time).
"""

from __future__ import annotations

import heapq
import math
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from spacy.tokens import Doc

from wiretrace.extract.signals import CHANNELS, story_signals
from wiretrace.link.embeddings import EmbeddingOptions, embed
from wiretrace.records import StorySignals

__all__ = [
    "CHANNELS",
    "FEATURE_NAMES",
    "DocumentFrequencies",
    "Story",
    "StoryClusterer",
    "StoryFeatures",
    "StoryOptions",
    "StoryWeights",
    "features_from_all_signals",
    "features_from_doc",
    "features_from_docs",
    "features_from_signals",
    "pair_features",
]

FEATURE_NAMES = (*CHANNELS, "embedding", "year_match", "year_conflict")


@dataclass(frozen=True, slots=True)
class StoryWeights:
    """Weights of the pair score (a logit: above 0 means "more likely the same story")."""

    terms: float = 1.69
    lead_terms: float = 4.84
    entities: float = 0.47
    lead_entities: float = 0.89
    persons: float = 3.52
    names: float = 3.72
    places: float = 1.76
    embedding: float = 0.0  # see fit_story_weights: on ECB+ it adds nothing beside the lead's words
    year_match: float = 2.71
    year_conflict: float = -1.07
    bias: float = -4.35

    def vector(self) -> np.ndarray:
        """The weights in ``FEATURE_NAMES`` order."""
        return np.array([getattr(self, name) for name in FEATURE_NAMES], dtype=np.float64)


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """How articles are grouped. ``threshold`` is on the story score (a logit); raise it for tighter
    stories. ``lead_sentences``: how many text sentences after any dateline make the title and lead.
    ``recent_years``: how many of the latest years an article names count as its years (a report names
    its own year and, often, years of background history: "the 2005 quake"). ``members_kept``,
    ``dormant_after`` and ``dormant_members`` bound what is held in memory (see the module docstring)."""

    weights: StoryWeights = field(default_factory=StoryWeights)
    threshold: float = 0.0
    top_pairs: int = 3
    candidate_stories: int = 10
    members_compared: int = 20
    lead_sentences: int = 2
    recent_years: int = 2
    members_kept: int = 50
    dormant_after: int = 2000
    dormant_members: int = 3
    embedding: EmbeddingOptions = field(default_factory=EmbeddingOptions)


@dataclass(frozen=True, eq=False)
class StoryFeatures:
    """What the clusterer knows of one article: bags of weighted keys per channel (``1 + log count``),
    the embedding of its title and lead, the years and day dates it names, its actors and its title."""

    title: str
    bags: Mapping[str, Mapping[str, float]]
    embedding: np.ndarray
    years: frozenset[int] = frozenset()
    dates: tuple[date, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


class _Summary:
    """What a story's snapshot needs beyond its kept members: the span of every member's dates, counts
    of every member's places and actors, and the title and embedding of the dropped member nearest the
    centroid when it was dropped."""

    __slots__ = ("actors", "first", "last", "places", "title", "embedding")

    def __init__(self) -> None:
        self.first: date | None = None
        self.last: date | None = None
        self.places: Counter[str] = Counter()
        self.actors: Counter[str] = Counter()
        self.title: str | None = None
        self.embedding: np.ndarray | None = None

    def add(self, item: StoryFeatures) -> None:
        """Count the dates, places and actors of a member (every member, as it joins)."""
        if item.dates:
            first, last = min(item.dates), max(item.dates)
            self.first = first if self.first is None else min(self.first, first)
            self.last = last if self.last is None else max(self.last, last)
        self.places.update(item.places)
        self.actors.update(item.actors[:5])

    def drop(self, item: StoryFeatures, centroid: np.ndarray) -> None:
        """Keep the title of a member whose features go if it is nearer ``centroid`` than the one kept."""
        if self.embedding is None or float(item.embedding @ centroid) > float(self.embedding @ centroid):
            self.title, self.embedding = item.title, item.embedding


@dataclass(frozen=True, slots=True)
class Story:
    """A snapshot of one story: its members (indices in the order articles were added), a title (the
    member nearest the story's embedding centroid), the span of the day dates its members name, and its
    most named places and actors."""

    id: int
    members: tuple[int, ...]
    title: str
    start: date | None
    end: date | None
    places: tuple[str, ...]
    actors: tuple[str, ...]


# ---- features -------------------------------------------------------------------------------------


def features_from_signals(signals: StorySignals, embedding: np.ndarray) -> StoryFeatures:
    """The clusterer's view of an article from its stored signals and the embedding of ``signals.lead``."""
    return StoryFeatures(
        title=signals.title,
        bags={channel: {sys.intern(k): v for k, v in bag.items()} for channel, bag in signals.bags.items()},
        embedding=np.asarray(embedding, dtype=np.float32),
        years=frozenset(signals.years),
        dates=tuple(date.fromisoformat(d) for d in signals.dates),
        actors=signals.actors,
        places=signals.places,
    )


def features_from_doc(doc: Doc, *, options: StoryOptions | None = None,
                      embedding: np.ndarray | None = None) -> StoryFeatures:
    """The story features of a Doc parsed by ``wiretrace.extract.nlp.load_pipeline()`` (see
    ``wiretrace.extract.signals.story_signals``).

    ``embedding`` is the title-and-lead embedding when the caller computed it in a batch
    (``features_from_docs`` does); otherwise it is computed here.
    """
    options = options or StoryOptions()
    signals = story_signals(doc, lead_count=options.lead_sentences, recent_years=options.recent_years)
    if embedding is None:
        embedding = embed([signals.lead], options.embedding)[0]
    return features_from_signals(signals, embedding)


def features_from_docs(docs: Sequence[Doc], *, options: StoryOptions | None = None) -> list[StoryFeatures]:
    """``features_from_doc`` for many Docs, with their embeddings computed in one batch."""
    options = options or StoryOptions()
    signals = [story_signals(doc, lead_count=options.lead_sentences, recent_years=options.recent_years)
               for doc in docs]
    return features_from_all_signals(signals, options=options)


def features_from_all_signals(signals: Sequence[StorySignals], *, options: StoryOptions | None = None,
                              ) -> list[StoryFeatures]:
    """``features_from_signals`` for many articles, with their leads embedded in one batch."""
    options = options or StoryOptions()
    vectors = embed([s.lead for s in signals], options.embedding) if signals else []
    return [features_from_signals(s, vector) for s, vector in zip(signals, vectors, strict=True)]


# ---- pair score -----------------------------------------------------------------------------------


class DocumentFrequencies:
    """Running document frequencies per channel: IDF = ln((n + 1) / (df + 1)) + 1 over the articles seen.

    ``weighted`` caches each item's weighted vectors and recomputes them once the number of articles has
    grown by ``refresh`` (a ratio) since: IDF drifts slowly, and recomputing every member's vectors on
    every arrival would make an addition cost grow with the story sizes.
    """

    def __init__(self, refresh: float = 1.25) -> None:
        self.n = 0
        self.df: dict[str, Counter[str]] = {channel: Counter() for channel in CHANNELS}
        self.refresh = refresh
        self._cache: dict[int, tuple[StoryFeatures, int, dict[str, dict[str, float]]]] = {}

    def add(self, item: StoryFeatures) -> None:
        self.n += 1
        for channel in CHANNELS:
            self.df[channel].update(item.bags.get(channel, {}).keys())

    def idf(self, channel: str, key: str) -> float:
        return math.log((self.n + 1) / (self.df[channel][key] + 1)) + 1.0

    def weighted(self, item: StoryFeatures) -> dict[str, dict[str, float]]:
        """The item's bags weighted by IDF and scaled to unit length, per channel (cached, see above)."""
        cached = self._cache.get(id(item))
        if cached is not None and cached[0] is item and cached[1] * self.refresh >= self.n:
            return cached[2]
        out = self._weigh(item)
        self._cache[id(item)] = (item, self.n, out)
        return out

    def forget(self, item: StoryFeatures) -> None:
        """Drop the cached vectors of an item that will not be scored again."""
        self._cache.pop(id(item), None)

    def _weigh(self, item: StoryFeatures) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for channel in CHANNELS:
            vector = {k: v * self.idf(channel, k) for k, v in item.bags.get(channel, {}).items()}
            norm = math.sqrt(sum(x * x for x in vector.values()))
            out[channel] = {k: x / norm for k, x in vector.items()} if norm else {}
        return out


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    return sum(a[k] * b[k] for k in a.keys() & b.keys())  # the intersection runs in C: few keys are shared


def pair_features(a: StoryFeatures, b: StoryFeatures, frequencies: DocumentFrequencies) -> np.ndarray:
    """The pair-score features of two articles, in ``FEATURE_NAMES`` order."""
    va, vb = frequencies.weighted(a), frequencies.weighted(b)
    both_dated = bool(a.years and b.years)
    shared_year = bool(a.years & b.years)
    return np.array(
        [_cosine(va[c], vb[c]) for c in CHANNELS]
        + [float(np.dot(a.embedding, b.embedding)), float(both_dated and shared_year),
           float(both_dated and not shared_year)]
    )


# ---- the clusterer --------------------------------------------------------------------------------


class StoryClusterer:
    """Assigns articles to stories one at a time (see the module docstring).

        >>> clusterer = StoryClusterer()                      # doctest: +SKIP
        >>> story_id = clusterer.add(features_from_doc(doc))  # doctest: +SKIP
    """

    def __init__(self, options: StoryOptions | None = None) -> None:
        self.options = options or StoryOptions()
        self._weights = self.options.weights.vector()
        self._frequencies = DocumentFrequencies()
        self._items: list[StoryFeatures | None] = []  # None: dropped (see the module docstring)
        self._story_of: list[int] = []
        self._summaries: list[_Summary] = []
        self._members: list[list[int]] = []
        self._scored: list[list[int]] = []  # per story: the members whose features are kept, oldest first
        self._last_join: list[int] = []  # per story: the arrival number of its latest member
        self._dormancy: list[tuple[int, int]] = []  # heap of (arrival number, story) to check for dormancy
        self._centroids = np.zeros((0, 0), dtype=np.float32)
        self._index: dict[str, set[int]] = {}

    def __len__(self) -> int:
        return len(self._items)

    @property
    def assignments(self) -> list[int]:
        """The story id of every article, in the order they were added."""
        return list(self._story_of)

    def add(self, item: StoryFeatures) -> int:
        """Put ``item`` in its best story, or in a new one; return the story id."""
        self._frequencies.add(item)
        best, best_score = -1, -math.inf
        for story in self._candidates(item):
            score = self._story_score(item, story)
            if score > best_score:
                best, best_score = story, score
        if best < 0 or best_score < self.options.threshold:
            best = self._new_story()
        self._join(item, best)
        return best

    def _new_story(self) -> int:
        self._members.append([])
        self._summaries.append(_Summary())
        self._scored.append([])
        self._last_join.append(0)
        return len(self._members) - 1

    def restore(self, item: StoryFeatures, story: int) -> None:
        """Put ``item`` back in ``story`` as an earlier run decided, without scoring (replaying a stored
        clustering in its original order: ``story`` is an existing id or the next new one)."""
        if not 0 <= story <= len(self._members):
            raise ValueError(f"story {story} cannot be restored before stories up to {len(self._members) - 1}")
        self._frequencies.add(item)
        if story == len(self._members):
            self._new_story()
        self._join(item, story)

    def score(self, a: StoryFeatures, b: StoryFeatures) -> float:
        """The pair score of two articles under the current document frequencies."""
        return float(pair_features(a, b, self._frequencies) @ self._weights + self.options.weights.bias)

    def _candidates(self, item: StoryFeatures) -> list[int]:
        if not self._members:
            return []
        limit = self.options.candidate_stories
        norms = np.linalg.norm(self._centroids, axis=1)
        similarity = self._centroids @ item.embedding / np.where(norms > 0, norms, 1.0)
        nearest = np.argsort(-similarity)[:limit].tolist()
        shared: Counter[int] = Counter()
        for key in self._rare_keys(item):
            shared.update(self._index.get(key, ()))
        return list(dict.fromkeys(nearest + [story for story, _ in shared.most_common(limit)]))

    def _rare_keys(self, item: StoryFeatures, count: int = 10) -> list[str]:
        keys = [(self._frequencies.idf(c, k), f"{c}:{k}") for c in ("names", "entities") for k in item.bags.get(c, {})]
        return [key for _, key in sorted(keys, reverse=True)[:count]]

    def _story_score(self, item: StoryFeatures, story: int) -> float:
        members = self._scored[story]
        if len(members) > self.options.members_compared:
            embeddings = np.stack([self._items[m].embedding for m in members])
            order = np.argsort(-(embeddings @ item.embedding))[: self.options.members_compared]
            members = [members[i] for i in order]
        scores = []
        for member in members:
            features = pair_features(item, self._items[member], self._frequencies)
            scores.append(float(features @ self._weights) + self.options.weights.bias)
        best = sorted(scores, reverse=True)[: self.options.top_pairs]
        return sum(best) / len(best)

    def _join(self, item: StoryFeatures, story: int) -> None:
        index = len(self._items)
        self._items.append(item)
        self._story_of.append(story)
        self._members[story].append(index)
        self._summaries[story].add(item)
        self._scored[story].append(index)
        self._last_join[story] = index
        heapq.heappush(self._dormancy, (index, story))
        if story >= len(self._centroids):
            width = item.embedding.shape[0]
            grown = np.zeros((story + 1, width), dtype=np.float32)
            grown[: len(self._centroids)] = self._centroids.reshape(-1, width) if self._centroids.size else 0
            self._centroids = grown
        self._centroids[story] += item.embedding
        self._trim(story, self.options.members_kept)
        while self._dormancy and self._dormancy[0][0] < index - self.options.dormant_after:
            joined, quiet = heapq.heappop(self._dormancy)
            if joined == self._last_join[quiet]:  # else it has grown since: a later entry stands for it
                self._trim(quiet, self.options.dormant_members)
        for channel in ("names", "entities"):
            for key in item.bags.get(channel, {}):
                self._index.setdefault(f"{channel}:{key}", set()).add(story)

    def _trim(self, story: int, keep: int) -> None:
        """Drop the features of the story's members but its ``keep`` latest (see the module docstring)."""
        scored = self._scored[story]
        while len(scored) > max(keep, 1):
            member = scored.pop(0)
            item = self._items[member]
            self._frequencies.forget(item)
            self._summaries[story].drop(item, self._centroids[story])
            self._items[member] = None

    def stories(self) -> list[Story]:
        """A snapshot of every story, by id."""
        return [self._summary(story, members) for story, members in enumerate(self._members)]

    def story(self, story: int) -> Story:
        """A snapshot of one story."""
        return self._summary(story, self._members[story])

    def _summary(self, story: int, members: list[int]) -> Story:
        summary, centroid = self._summaries[story], self._centroids[story]
        kept = [(item.title, item.embedding) for item in (self._items[m] for m in self._scored[story])]
        if summary.embedding is not None:  # the dropped members came first: ties go to the earliest
            kept.insert(0, (summary.title, summary.embedding))
        title = max(kept, key=lambda pair: float(pair[1] @ centroid))[0]
        return Story(story, tuple(members), title, summary.first, summary.last,
                     tuple(p for p, _ in summary.places.most_common(5)),
                     tuple(a for a, _ in summary.actors.most_common(5)))
