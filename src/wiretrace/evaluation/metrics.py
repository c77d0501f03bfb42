"""Scoring helpers shared by the ``wiretrace eval`` commands.

``shingle_counts`` implements the ScrapingHub article-extraction-benchmark metric as its README defines
it: per page, true/false positives and negatives over 4-gram shingles of ``\\w+`` tokens (multiset
counts), normalised so that every page weighs the same; precision and recall are macro-averaged over
pages and F1 is their harmonic mean. It is re-implemented here (a dozen lines) because the benchmark
ships as a script, not a library.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def harmonic(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def prf_from_counts(tp: float, fp: float, fn: float) -> PRF:
    """Micro P/R/F1 from counts; an empty prediction against empty gold scores 1."""
    precision = tp / (tp + fp) if tp + fp else float(fn == 0)
    recall = tp / (tp + fn) if tp + fn else float(fp == 0)
    return PRF(precision, recall, harmonic(precision, recall))


def _shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(gold: str, predicted: str, n: int = 4) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) over n-gram shingles of one page, as the benchmark computes them."""
    true, pred = _shingles(gold, n), _shingles(predicted, n)
    tp = float(sum((true & pred).values()))
    fp = float(sum((pred - true).values()))
    fn = float(sum((true - pred).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def macro_shingle_prf(pages: Iterable[tuple[float, float, float]]) -> PRF:
    """Macro precision and recall over pages (pages with nothing to score on a side are left out)."""
    pages = list(pages)
    precisions = [1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in pages if tp + fp > 0]
    recalls = [1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in pages if tp + fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return PRF(precision, recall, harmonic(precision, recall))
