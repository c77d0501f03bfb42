"""``wiretrace eval stories``: ECB+ documents clustered into stories, ours beside TF-IDF baselines.

Setup (``../shared/data/README.md``): every document of the split, fed as text only (never its file name)
in one fixed shuffled order (``random.Random(0)``); gold = the ECB+ subtopic, where the two stories of a
topic share their vocabulary (two rehab check-ins, two earthquakes). Each text is parsed once by
``load_pipeline()``; ``StoryClusterer`` then runs in the incremental mode the product uses, one document
at a time in that order.

Systems:
- ``wiretrace``: ``StoryClusterer`` with default ``StoryOptions``.
- ``tfidf-stream``: the same single pass over the same order, a document joining the story whose TF-IDF
  centroid is nearest by cosine if at least ``TFIDF_STREAM_THRESHOLD``. Its TF-IDF (scikit-learn,
  sublinear tf, English stop words) is fitted on all texts of the split first: an advantage ours lacks.
- ``tfidf-agglomerative``: batch average-link clustering of the same TF-IDF vectors, cut at cosine
  distance ``TFIDF_AGGLOMERATIVE_DISTANCE``: the strongest simple baseline, which sees every document.
Both thresholds were chosen on the train split, as ours was.

Scores: B-cubed precision/recall/F1 (the headline ``f1``) and pairwise precision/recall/F1 in ``details``,
with the number of predicted and gold stories and the clustering time.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from wiretrace.errors import DataError
from wiretrace.evaluation.clustering_metrics import b_cubed, pairwise
from wiretrace.evaluation.ecbplus import EcbDocument, default_data_dir, read_ecbplus
from wiretrace.evaluation.report import EvalReport, SystemScore
from wiretrace.link.stories import (
    FEATURE_NAMES,
    DocumentFrequencies,
    StoryClusterer,
    StoryFeatures,
    StoryOptions,
    StoryWeights,
    features_from_docs,
    pair_features,
)

SEED = 0
TFIDF_STREAM_THRESHOLD = 0.25
TFIDF_AGGLOMERATIVE_DISTANCE = 0.85
UNUSED_PIPES = ("wiretrace_attribution", "wiretrace_quantities", "wiretrace_factuality", "wiretrace_claims")


@dataclass(frozen=True)
class ParsedSplit:
    """The documents of a split in the order they are fed (shuffled, seed 0), and their parses."""

    documents: tuple[EcbDocument, ...]
    docs: tuple[Doc, ...]


def feeding_order(documents: Sequence[EcbDocument], seed: int = SEED) -> list[EcbDocument]:
    """The documents sorted by name, then shuffled with ``random.Random(seed)``."""
    ordered = sorted(documents, key=lambda d: d.name)
    random.Random(seed).shuffle(ordered)
    return ordered


def parse_split(data_dir: Path | None, split: str, nlp: Language | None = None) -> ParsedSplit:
    """Read and parse a split once per process (a caller's own ``nlp`` is never cached)."""
    root = (data_dir or default_data_dir()).resolve()
    return _parse(root, split, nlp) if nlp is not None else _parse_cached(root, split)


@lru_cache(maxsize=2)
def _parse_cached(root: Path, split: str) -> ParsedSplit:
    return _parse(root, split, None)


def _parse(root: Path, split: str, nlp: Language | None) -> ParsedSplit:
    if nlp is None:
        from wiretrace.extract.nlp import load_pipeline

        nlp = load_pipeline()
    documents = tuple(feeding_order(read_ecbplus(root, split)))
    disable = [name for name in UNUSED_PIPES if name in nlp.pipe_names]
    docs = tuple(nlp.pipe((d.text for d in documents), batch_size=32, disable=disable))
    return ParsedSplit(documents, docs)


def cluster_stream(features: Iterable[StoryFeatures], options: StoryOptions | None = None) -> list[int]:
    """Story ids of the features, added one by one in order."""
    clusterer = StoryClusterer(options)
    return [clusterer.add(item) for item in features]


def tfidf_matrix(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised TF-IDF rows (sublinear tf, English stop words)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts).toarray()


def tfidf_stream(texts: Sequence[str], threshold: float = TFIDF_STREAM_THRESHOLD) -> list[int]:
    """Single pass: join the nearest TF-IDF centroid if its cosine is at least ``threshold``."""
    rows = tfidf_matrix(texts)
    centroids: list[np.ndarray] = []
    labels = []
    for row in rows:
        if centroids:
            matrix = np.stack(centroids)
            similarity = matrix @ row / np.maximum(np.linalg.norm(matrix, axis=1), 1e-12)
            best = int(similarity.argmax())
            if similarity[best] >= threshold:
                centroids[best] = centroids[best] + row
                labels.append(best)
                continue
        centroids.append(row.copy())
        labels.append(len(centroids) - 1)
    return labels


def tfidf_agglomerative(texts: Sequence[str], distance: float = TFIDF_AGGLOMERATIVE_DISTANCE) -> list[int]:
    """Batch average-link clustering of TF-IDF rows, cut at cosine ``distance``."""
    from sklearn.cluster import AgglomerativeClustering

    if len(texts) < 2:
        return [0] * len(texts)
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance)
    return model.fit_predict(tfidf_matrix(texts)).tolist()


def score_clustering(documents: Sequence[EcbDocument], labels: Sequence[int], seconds: float) -> SystemScore:
    """B-cubed (headline) and pairwise scores of predicted story labels against the gold subtopics."""
    key = {d.name: d.story for d in documents}
    response = dict(zip((d.name for d in documents), labels))
    head, pairs = b_cubed(key, response), pairwise(key, response)
    details = {"pairwise": pairs.as_dict(), "stories": len(set(labels)), "gold_stories": len(set(key.values())),
               "seconds": round(seconds, 2)}
    return SystemScore(head.precision, head.recall, head.f1, details)


def _timed(run: Callable[[], list[int]]) -> tuple[list[int], float]:
    start = time.perf_counter()
    labels = run()
    return labels, time.perf_counter() - start


def evaluate_stories(
    data_dir: Path | None = None,
    *,
    split: str = "test",
    options: StoryOptions | None = None,
    nlp: Language | None = None,
) -> EvalReport:
    """Cluster a split of ECB+ into stories and score ours beside the TF-IDF baselines.

    Raises:
        DataError: the folder is missing or holds no document of ``split``.
    """
    parsed = parse_split(data_dir, split, nlp)
    texts = [d.text for d in parsed.documents]
    options = options or StoryOptions()
    start = time.perf_counter()
    features = features_from_docs(parsed.docs, options=options)
    labels = cluster_stream(features, options)
    ours = time.perf_counter() - start
    results = {"wiretrace": score_clustering(parsed.documents, labels, ours)}
    for name, run in (("tfidf-stream", tfidf_stream), ("tfidf-agglomerative", tfidf_agglomerative)):
        labels, seconds = _timed(lambda run=run: run(texts))
        results[name] = score_clustering(parsed.documents, labels, seconds)
    return EvalReport("stories", len(parsed.documents), results)


# ---- fitting the default weights (train split only) -----------------------------------------------


def training_pairs(features: Sequence[StoryFeatures], stories: Sequence[str], topics: Sequence[str],
                   *, other_topics: int = 3, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Pair features as the stream sees them: each document against every earlier one of its topic
    and ``other_topics`` random earlier ones of other topics, under the running document frequencies."""
    rng = random.Random(seed)
    frequencies = DocumentFrequencies()
    rows, labels = [], []
    for i, item in enumerate(features):
        frequencies.add(item)
        earlier = [j for j in range(i) if topics[j] == topics[i]]
        others = [j for j in range(i) if topics[j] != topics[i]]
        for j in earlier + rng.sample(others, min(other_topics, len(others))):
            rows.append(pair_features(item, features[j], frequencies))
            labels.append(stories[i] == stories[j])
    return np.array(rows), np.array(labels)


def fit_story_weights(data_dir: Path | None = None, *, split: str = "train",
                      exclude: Sequence[str] = ("embedding",)) -> StoryWeights:
    """Logistic-regression weights of the pair score, fitted on train or dev (never the test topics).

    ``exclude`` features get weight 0. The title-and-lead embedding is excluded by default: beside the
    lead's own words it adds nothing on ECB+ (fitted, its weight comes out negative, an artefact of the
    two being collinear), so it serves candidate retrieval and story titles only.
    """
    from sklearn.linear_model import LogisticRegression

    if split not in ("train", "dev"):
        raise DataError(f"split {split!r}: weights are fitted on train or dev only, never on the test topics")
    parsed = parse_split(data_dir, split)
    features = features_from_docs(parsed.docs)
    x, y = training_pairs(features, [d.story for d in parsed.documents], [d.topic for d in parsed.documents])
    kept = [i for i, name in enumerate(FEATURE_NAMES) if name not in exclude]
    model = LogisticRegression(max_iter=5000).fit(x[:, kept], y)
    values = dict.fromkeys(FEATURE_NAMES, 0.0)
    values.update({FEATURE_NAMES[i]: round(float(w), 2) for i, w in zip(kept, model.coef_[0])})
    return StoryWeights(**values, bias=round(float(model.intercept_[0]), 2))


def _main(argv: Iterable[str] | None = None) -> None:
    """``python -m wiretrace.evaluation.stories [--split S] [--data DIR] [--fit]``: print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--split", default="test")
    parser.add_argument("--fit", action="store_true", help="print weights fitted on --split instead")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.fit:
        print(repr(fit_story_weights(args.data, split=args.split)))
    else:
        print(json.dumps(evaluate_stories(args.data, split=args.split).as_dict(), indent=2))


if __name__ == "__main__":
    _main()
