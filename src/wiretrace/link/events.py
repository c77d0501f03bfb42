"""Cross-document event coreference: which event mentions of one story refer to the same event.

Mentions are compared only within their (predicted) story, so the cost grows with story sizes, not with
the corpus. Within a story, every pair gets a score (a logit) from:

- ``same_lemma``: the heads share their lemma ("arrested" / "arrest");
- ``trigger``: cosine of WordLlama embeddings of the mention words ("quake" / "earthquake");
- ``lemma``: cosine of the embeddings of the head lemmas ("kill" / "slay");
- ``context``: cosine of the embeddings of the mentions' sentences (who did what, where);
- ``same_document``: both mentions are in one article (two mentions of one kind in one report are
  more often two events, "the first quake ... a second quake");
- ``same_pos``: both heads are verbs or both nouns.

Average-link agglomerative clustering (scipy) merges mentions while the mean probability that two
mentions of the merged groups differ stays under ``EventOptions.threshold``. The default weights were
fitted by logistic regression on mention pairs of the ECB+ train split within gold stories
(``wiretrace.evaluation.events.fit_event_weights``) and rounded; the threshold was chosen on train.

``same_lemma_clusters`` is the classic baseline: one event per head lemma per story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from spacy.tokens import Span

from wiretrace.link.embeddings import EmbeddingOptions, embed

__all__ = [
    "EVENT_FEATURES",
    "EventMention",
    "EventOptions",
    "EventWeights",
    "corefer_events",
    "mention_from_span",
    "pair_matrix",
    "same_lemma_clusters",
]

EVENT_FEATURES = ("same_lemma", "trigger", "lemma", "context", "same_document", "same_pos")


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event mention: the caller's ``key``, its ``story`` and ``document``, the mention words
    (``trigger``), its head's lemma and coarse part of speech, and the sentence around it."""

    key: Hashable
    story: Hashable
    document: Hashable
    trigger: str
    lemma: str
    pos: str
    sentence: str


@dataclass(frozen=True, slots=True)
class EventWeights:
    """Weights of the pair score, in ``EVENT_FEATURES`` order plus a bias."""

    same_lemma: float = -1.59  # negative only beside ``lemma``, which is 1 for the same lemma too
    trigger: float = 3.26
    lemma: float = 4.01
    context: float = 0.13
    same_document: float = -0.23
    same_pos: float = 0.47
    bias: float = -4.12

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in EVENT_FEATURES], dtype=np.float64)


@dataclass(frozen=True, slots=True)
class EventOptions:
    """``threshold``: the largest mean probability of "different events" at which two groups merge."""

    weights: EventWeights = field(default_factory=EventWeights)
    threshold: float = 0.7
    embedding: EmbeddingOptions = field(default_factory=EmbeddingOptions)


def mention_from_span(span: Span, *, key: Hashable, story: Hashable, document: Hashable) -> EventMention:
    """An ``EventMention`` from a span of a parsed Doc (its syntactic head gives lemma and part of speech)."""
    head = span.root
    return EventMention(key, story, document, span.text, (head.lemma_ or head.text).lower(), head.pos_,
                        head.sent.text if span.doc.has_annotation("SENT_START") else span.doc.text)


@dataclass(frozen=True)
class _Embedded:
    """Embeddings of the mentions' words, lemmas and sentences (rows in mention order)."""

    trigger: np.ndarray
    lemma: np.ndarray
    context: np.ndarray

    @classmethod
    def of(cls, mentions: Sequence[EventMention], options: EmbeddingOptions) -> _Embedded:
        """Each distinct string is embedded once."""
        texts = list(dict.fromkeys(t for m in mentions for t in (m.trigger, m.lemma, m.sentence)))
        vectors = embed(texts, options)
        row = {text: i for i, text in enumerate(texts)}
        return cls(vectors[[row[m.trigger] for m in mentions]], vectors[[row[m.lemma] for m in mentions]],
                   vectors[[row[m.sentence] for m in mentions]])

    def subset(self, indices: list[int]) -> _Embedded:
        return _Embedded(self.trigger[indices], self.lemma[indices], self.context[indices])


def pair_matrix(mentions: Sequence[EventMention], embedded: _Embedded | None = None,
                options: EventOptions | None = None) -> np.ndarray:
    """Pair features of every two mentions: an array (n, n, len(EVENT_FEATURES))."""
    options = options or EventOptions()
    embedded = embedded or _Embedded.of(mentions, options.embedding)
    lemmas = np.array([m.lemma for m in mentions], dtype=object)
    documents = [m.document for m in mentions]
    same_document = np.array([[a == b for b in documents] for a in documents], dtype=np.float64)
    verbal = np.array([m.pos in {"VERB", "AUX"} for m in mentions])
    return np.stack(
        [
            (lemmas[:, None] == lemmas[None, :]).astype(np.float64),
            embedded.trigger @ embedded.trigger.T,
            embedded.lemma @ embedded.lemma.T,
            embedded.context @ embedded.context.T,
            same_document,
            (verbal[:, None] == verbal[None, :]).astype(np.float64),
        ],
        axis=-1,
    )


def _by_story(mentions: Sequence[EventMention]) -> dict[Hashable, list[int]]:
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        groups[mention.story].append(index)
    return groups


def corefer_events(mentions: Sequence[EventMention], options: EventOptions | None = None) -> dict[Hashable, tuple]:
    """Cluster the mentions story by story; map each mention key to its event ``(story, number)``."""
    options = options or EventOptions()
    if not mentions:
        return {}
    embedded = _Embedded.of(mentions, options.embedding)
    weights = options.weights.vector()
    events: dict[Hashable, tuple] = {}
    for story, indices in _by_story(mentions).items():
        if len(indices) == 1:
            events[mentions[indices[0]].key] = (story, 1)
            continue
        part = embedded.subset(indices)
        scores = pair_matrix([mentions[i] for i in indices], part, options) @ weights + options.weights.bias
        different = 1.0 / (1.0 + np.exp(scores))
        np.fill_diagonal(different, 0.0)
        tree = linkage(squareform(different, checks=False), method="average")
        labels = fcluster(tree, t=options.threshold, criterion="distance")
        for index, label in zip(indices, labels):
            events[mentions[index].key] = (story, int(label))
    return events


def same_lemma_clusters(mentions: Sequence[EventMention]) -> dict[Hashable, tuple]:
    """The same-lemma baseline: within a story, mentions whose heads share a lemma are one event."""
    return {m.key: (m.story, m.lemma) for m in mentions}
