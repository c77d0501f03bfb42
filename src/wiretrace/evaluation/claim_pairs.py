"""``wiretrace eval claims``: claim matching on our claim-pair gold set, beside an embedding-only baseline.

Each pair of sentences (``tests/data/claim_pairs/``, see its README) is labelled same, different or
contradicting. Both systems see the same text (the corpus tokenisation undone by ``detokenize``) and the
same embeddings (``wiretrace.link.embeddings.embed``, WordLlama by default):

- "wiretrace": ``claim_relation`` on the two sentences' views (``views_of_texts``: the wiretrace
  pipeline's claims, counts, places, times and persons of each sentence);
- "embedding-only": same when the cosine is at least a threshold, else different (it never says
  contradicting). The threshold is the one that maximises this baseline's macro-F1 on ``dev.jsonl``,
  chosen afresh on every run (so on the dev split the baseline is tuned on what it is scored on).

The headline figure is the macro-F1 over the three labels; ``details`` hold per-label precision, recall,
F1 and counts, the confusion counts and the baseline threshold.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from wiretrace.errors import DataError
from wiretrace.evaluation.claim_pairs_gold import LABELS, ClaimPair, detokenize, load_pairs
from wiretrace.evaluation.data import REPO_ROOT, shared_data_dir
from wiretrace.evaluation.metrics import harmonic
from wiretrace.evaluation.report import EvalReport, SystemScore
from wiretrace.link.claim_match import ClaimMatchOptions, ClaimView, claim_relation, views_of_texts
from wiretrace.link.embeddings import embed

__all__ = ["SPLITS", "default_gold_dir", "evaluate_claim_pairs", "pair_views", "score_labels", "tune_threshold"]

SPLITS = ("test", "dev")


def default_gold_dir() -> Path:
    """``tests/data/claim_pairs`` in the repository."""
    return REPO_ROOT / "tests" / "data" / "claim_pairs"


def evaluate_claim_pairs(
    data_dir: Path | None = None,
    *,
    split: str = "test",
    gold_dir: Path | None = None,
    limit: int | None = None,
    options: ClaimMatchOptions | None = None,
    baseline_threshold: float | None = None,
) -> EvalReport:
    """Score wiretrace's claim matcher and the embedding-only baseline on one half of the gold set.

    Args:
        data_dir: the shared data folder the pairs point into (default ``../shared/data``).
        split: "test" (the frozen half) or "dev".
        gold_dir: the gold-set folder (default ``tests/data/claim_pairs``).
        limit: score only the first ``limit`` pairs (the baseline threshold is still tuned on all of dev).
        options: the matcher's thresholds.
        baseline_threshold: use this cosine threshold instead of tuning one on dev.

    Raises:
        DataError: an unknown split, or a gold file or source file missing or changed.
    """
    if split not in SPLITS:
        raise DataError(f"split {split!r}: expected one of {', '.join(SPLITS)}")
    sources = data_dir or shared_data_dir()
    gold_dir = gold_dir or default_gold_dir()
    pairs = load_pairs(gold_dir / f"{split}.jsonl", sources, limit=limit)
    if baseline_threshold is None:
        dev = pairs if split == "dev" and limit is None else load_pairs(gold_dir / "dev.jsonl", sources)
        baseline_threshold = tune_threshold(dev)
    views = pair_views(pairs)
    gold = [p.label for p in pairs]
    ours = [claim_relation(a, b, options) for a, b in views]
    baseline = ["same" if _cosine(a, b) >= baseline_threshold else "different" for a, b in views]
    results = {"wiretrace": score_labels(gold, ours), "embedding-only": score_labels(gold, baseline)}
    results["embedding-only"].details["threshold"] = round(baseline_threshold, 4)
    for score in results.values():
        score.details["split"] = split
    return EvalReport("claims", len(pairs), results)


def pair_views(pairs: Sequence[ClaimPair]) -> list[tuple[ClaimView, ClaimView]]:
    """Parse and embed both sentences of every pair (each distinct sentence once)."""
    sides = list(dict.fromkeys((side.text, side.published) for p in pairs for side in (p.a, p.b)))
    texts = [detokenize(text) for text, _ in sides]
    views = views_of_texts(texts, embed(texts), published=[day for _, day in sides])
    by_side = dict(zip(sides, views, strict=True))
    return [(by_side[(p.a.text, p.a.published)], by_side[(p.b.text, p.b.published)]) for p in pairs]


def tune_threshold(pairs: Sequence[ClaimPair]) -> float:
    """The cosine threshold that maximises the embedding-only baseline's macro-F1 on ``pairs`` (the
    midpoint between two neighbouring cosines; the lowest such threshold on a tie)."""
    if not pairs:
        raise DataError("no pairs to tune the baseline threshold on")
    texts = list(dict.fromkeys(detokenize(side.text) for p in pairs for side in (p.a, p.b)))
    rows = dict(zip(texts, embed(texts), strict=True))
    cosines = [float(np.dot(rows[detokenize(p.a.text)], rows[detokenize(p.b.text)])) for p in pairs]
    gold = [p.label for p in pairs]
    points = sorted(set(cosines))
    candidates = [points[0] - 1e-6] + [(x + y) / 2 for x, y in zip(points, points[1:], strict=False)]
    candidates.append(points[-1] + 1e-6)
    best = max(candidates, key=lambda t: (score_labels(gold, _baseline(cosines, t)).f1, -t))
    return float(best)


def _baseline(cosines: Iterable[float], threshold: float) -> list[str]:
    return ["same" if c >= threshold else "different" for c in cosines]


def _cosine(a: ClaimView, b: ClaimView) -> float:
    return float(np.dot(a.vector, b.vector))


def score_labels(gold: Sequence[str], predicted: Sequence[str]) -> SystemScore:
    """Macro precision, recall and F1 over ``LABELS``, with per-label figures and the confusions."""
    per_label = {label: _label_scores(label, gold, predicted) for label in LABELS}
    precision = sum(s["precision"] for s in per_label.values()) / len(LABELS)
    recall = sum(s["recall"] for s in per_label.values()) / len(LABELS)
    macro_f1 = sum(s["f1"] for s in per_label.values()) / len(LABELS)
    confusion = Counter(f"{g} -> {p}" for g, p in zip(gold, predicted, strict=True) if g != p)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
    details = {"labels": per_label, "errors": dict(confusion.most_common()), "accuracy": round(accuracy, 4)}
    return SystemScore(precision, recall, macro_f1, details)


def _label_scores(label: str, gold: Sequence[str], predicted: Sequence[str]) -> dict:
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
    n_pred, n_gold = list(predicted).count(label), list(gold).count(label)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return {"n": n_gold, "predicted": n_pred, "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(harmonic(precision, recall), 4)}  # fmt: skip


def _main(argv: Iterable[str] | None = None) -> None:
    """``python -m wiretrace.evaluation.claim_pairs [--data DIR] [--split test|dev]``: the report as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--split", choices=SPLITS, default="test")
    args = parser.parse_args(list(argv) if argv is not None else None)
    print(json.dumps(evaluate_claim_pairs(args.data, split=args.split).as_dict(), indent=2))


if __name__ == "__main__":
    _main()
