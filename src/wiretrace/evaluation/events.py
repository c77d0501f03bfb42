"""``wiretrace eval events``: cross-document event coreference on ECB+, ours beside the same-lemma baseline.

Setup (``../shared/data/README.md``): the gold event mentions (``ACTION_*`` / ``NEG_ACTION_*``) of the
sentences listed in ``ECBplus_coreference_sentences.csv``, singletons included, grouped by *predicted*
stories: the split's documents are clustered by ``StoryClusterer`` exactly as ``wiretrace eval stories``
does (text only, shuffled with seed 0, incremental). Both systems see the same predicted stories:

- ``wiretrace``: ``corefer_events`` (pair scores from lemma, embeddings of the words, lemmas and
  sentences, and document identity; average-link clustering within each story);
- ``same-lemma``: one event per head lemma per predicted story (published on the ECB+ test topics:
  CoNLL F1 76.4).

Each mention's head is the syntactic root of its tokens in our parse. Scores: the CoNLL F1 (mean of the
MUC, B3 and CEAF-e F1; the headline ``f1``), with ``precision`` and ``recall`` the means of the three
measures' own; ``details`` holds each measure and, for reference, the CoNLL F1 within *gold* stories.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path

import numpy as np
from spacy.language import Language

from wiretrace.errors import DataError
from wiretrace.evaluation.clustering_metrics import conll
from wiretrace.evaluation.report import EvalReport, SystemScore
from wiretrace.evaluation.stories import ParsedSplit, cluster_stream, parse_split
from wiretrace.link.events import (
    EVENT_FEATURES,
    EventMention,
    EventOptions,
    EventWeights,
    corefer_events,
    mention_from_span,
    pair_matrix,
    same_lemma_clusters,
)
from wiretrace.link.stories import StoryOptions, features_from_docs

Clusterer = Callable[[Sequence[EventMention]], dict[Hashable, tuple]]


def predicted_stories(parsed: ParsedSplit, options: StoryOptions | None = None) -> dict[str, int]:
    """Document name → story id from the incremental clusterer, in the feeding order."""
    labels = cluster_stream(features_from_docs(parsed.docs, options=options), options)
    return {document.name: label for document, label in zip(parsed.documents, labels)}


def gold_mentions(parsed: ParsedSplit, story_of: dict[str, Hashable]) -> tuple[list[EventMention], dict]:
    """Our ``EventMention`` for every gold mention, and the gold chains keyed like them."""
    mentions, chains = [], {}
    for document, doc in zip(parsed.documents, parsed.docs):
        for gold in document.mentions:
            span = doc.char_span(gold.start, gold.end, alignment_mode="expand")
            if span is None:
                raise DataError(f"{document.name}: mention {gold.m_id} ({gold.text!r}) does not align with the parse")
            key = (document.name, gold.m_id)
            mentions.append(mention_from_span(span, key=key, story=story_of[document.name], document=document.name))
            chains[key] = gold.chain
    return mentions, chains


def score_coreference(key: dict, response: dict, details: dict | None = None) -> SystemScore:
    """CoNLL F1 with the means of the MUC, B3 and CEAF-e precision and recall."""
    value, parts = conll(key, response)
    precision = sum(p.precision for p in parts.values()) / 3
    recall = sum(p.recall for p in parts.values()) / 3
    return SystemScore(precision, recall, value, {name: p.as_dict() for name, p in parts.items()} | (details or {}))


def evaluate_events(
    data_dir: Path | None = None,
    *,
    split: str = "test",
    options: EventOptions | None = None,
    story_options: StoryOptions | None = None,
    nlp: Language | None = None,
) -> EvalReport:
    """Score event coreference on a split of ECB+ within predicted stories, ours beside same-lemma.

    Raises:
        DataError: the folder is missing or holds no document of ``split``.
    """
    parsed = parse_split(data_dir, split, nlp)
    story_of = predicted_stories(parsed, story_options)
    mentions, key = gold_mentions(parsed, story_of)
    gold_story = {d.name: d.story for d in parsed.documents}
    within_gold, _ = gold_mentions(parsed, gold_story)
    systems: dict[str, Clusterer] = {
        "wiretrace": lambda ms: corefer_events(ms, options),
        "same-lemma": same_lemma_clusters,
    }
    results = {}
    for name, run in systems.items():
        start = time.perf_counter()
        response = run(mentions)
        seconds = time.perf_counter() - start
        reference, _ = conll(key, run(within_gold))
        extra = {"conll_f1_within_gold_stories": round(reference, 4), "seconds": round(seconds, 2),
                 "mentions": len(mentions), "predicted_stories": len(set(story_of.values()))}
        results[name] = score_coreference(key, response, extra)
    return EvalReport("events", len(mentions), results)


# ---- fitting the default weights (train or dev only) ----------------------------------------------


def training_pairs(mentions: Sequence[EventMention], chains: dict, options: EventOptions | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels (same chain or not) of every two mentions of one story."""
    rows, labels = [], []
    by_story: dict[Hashable, list[EventMention]] = {}
    for mention in mentions:
        by_story.setdefault(mention.story, []).append(mention)
    for group in by_story.values():
        if len(group) < 2:
            continue
        upper = np.triu_indices(len(group), 1)
        rows.append(pair_matrix(group, options=options)[upper])
        gold = np.array([chains[m.key] for m in group], dtype=object)
        labels.append((gold[:, None] == gold[None, :])[upper])
    return np.vstack(rows), np.concatenate(labels)


def fit_event_weights(data_dir: Path | None = None, *, split: str = "train") -> EventWeights:
    """Logistic-regression weights of the pair score on mention pairs within the gold stories of a split."""
    from sklearn.linear_model import LogisticRegression

    if split not in ("train", "dev"):
        raise DataError(f"split {split!r}: weights are fitted on train or dev only, never on the test topics")
    parsed = parse_split(data_dir, split)
    mentions, chains = gold_mentions(parsed, {d.name: d.story for d in parsed.documents})
    x, y = training_pairs(mentions, chains)
    model = LogisticRegression(max_iter=5000).fit(x, y)
    values = {name: round(float(w), 2) for name, w in zip(EVENT_FEATURES, model.coef_[0])}
    return EventWeights(**values, bias=round(float(model.intercept_[0]), 2))


def _main(argv: Iterable[str] | None = None) -> None:
    """``python -m wiretrace.evaluation.events [--split S] [--data DIR] [--fit]``: print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--split", default="test")
    parser.add_argument("--fit", action="store_true", help="print weights fitted on --split instead")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.fit:
        print(repr(fit_event_weights(args.data, split=args.split)))
    else:
        print(json.dumps(evaluate_events(args.data, split=args.split).as_dict(), indent=2))


if __name__ == "__main__":
    _main()
