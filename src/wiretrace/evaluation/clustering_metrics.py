"""Clustering and coreference scores: B-cubed, pairwise, MUC, CEAF-e and the CoNLL average.

A clustering is a mapping ``item -> cluster label`` (any hashable labels). The key (gold) and the response
(system) may hold different items; each measure then treats the missing ones as the CoNLL-2012 reference
scorer does (Pradhan et al. 2014, "Scoring Coreference Partitions of Predicted Mentions"):

- **MUC** (Vilain et al. 1995): recall = Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1), where p(K) partitions the
  key cluster K by the response (an item the response lacks is a part of its own); precision swaps the
  roles. Singletons add nothing to either side.
- **B-cubed** (Bagga and Baldwin 1998): recall = Σ_K Σ_R |K∩R|² / |K|, over Σ_K |K|; precision swaps the
  roles. On the same items it is the mean over items of |K∩R|/|K| (recall) and |K∩R|/|R| (precision).
- **CEAF-e** (Luo 2005): φ4(K, R) = 2|K∩R| / (|K| + |R|); the best one-to-one alignment of key and
  response clusters (the Hungarian algorithm, scipy's ``linear_sum_assignment``) gives the total
  similarity, over the number of key clusters (recall) and of response clusters (precision).
- **CoNLL F1**: the unweighted mean of the MUC, B-cubed and CEAF-e F1.
- **Pairwise**: precision and recall over the unordered pairs of items put in one cluster.

They are written here rather than taken from a package because the reference scorer is a Perl script and
the Python ports (coval, scorch) are unmaintained or pull in heavy dependencies; each function is short and
tested on the worked example of Pradhan et al. 2014 (section 3).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping

import numpy as np
from scipy.optimize import linear_sum_assignment

from wiretrace.evaluation.metrics import PRF, harmonic

Clustering = Mapping[Hashable, Hashable]  # item -> cluster label


def clusters_of(assignment: Clustering) -> list[frozenset]:
    """The clusters of an assignment as sets of items, in first-seen order of their labels."""
    groups: dict[Hashable, set] = defaultdict(set)
    for item, label in assignment.items():
        groups[label].add(item)
    return [frozenset(group) for group in groups.values()]


def _prf(recall_num: float, recall_den: float, precision_num: float, precision_den: float) -> PRF:
    recall = recall_num / recall_den if recall_den else 0.0
    precision = precision_num / precision_den if precision_den else 0.0
    return PRF(precision, recall, harmonic(precision, recall))


def _muc_side(clusters: list[frozenset], other: Clustering) -> tuple[float, float]:
    numerator = denominator = 0.0
    for cluster in clusters:
        parts = {other[item] if item in other else ("missing", item) for item in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Clustering, response: Clustering) -> PRF:
    """MUC link-based precision, recall and F1."""
    recall_num, recall_den = _muc_side(clusters_of(key), response)
    precision_num, precision_den = _muc_side(clusters_of(response), key)
    return _prf(recall_num, recall_den, precision_num, precision_den)


def _b_cubed_side(clusters: list[frozenset], other: Clustering) -> tuple[float, float]:
    numerator = denominator = 0.0
    for cluster in clusters:
        overlaps = Counter(other[item] for item in cluster if item in other)
        numerator += sum(count * count for count in overlaps.values()) / len(cluster)
        denominator += len(cluster)
    return numerator, denominator


def b_cubed(key: Clustering, response: Clustering) -> PRF:
    """B-cubed precision, recall and F1 (B3 of the coreference scorer)."""
    recall_num, recall_den = _b_cubed_side(clusters_of(key), response)
    precision_num, precision_den = _b_cubed_side(clusters_of(response), key)
    return _prf(recall_num, recall_den, precision_num, precision_den)


def ceaf_e(key: Clustering, response: Clustering) -> PRF:
    """Entity-based CEAF (φ4) precision, recall and F1."""
    key_clusters, response_clusters = clusters_of(key), clusters_of(response)
    if not key_clusters or not response_clusters:
        return PRF(0.0, 0.0, 0.0)
    similarity = np.zeros((len(key_clusters), len(response_clusters)))
    where = {label: j for j, label in enumerate(dict.fromkeys(response.values()))}
    for i, cluster in enumerate(key_clusters):
        for label, shared in Counter(response[item] for item in cluster if item in response).items():
            j = where[label]
            similarity[i, j] = 2 * shared / (len(cluster) + len(response_clusters[j]))
    rows, columns = linear_sum_assignment(similarity, maximize=True)
    total = float(similarity[rows, columns].sum())
    return _prf(total, len(key_clusters), total, len(response_clusters))


def conll(key: Clustering, response: Clustering) -> tuple[float, dict[str, PRF]]:
    """The CoNLL F1 (mean of MUC, B3 and CEAF-e F1) and the three scores it averages."""
    scores = {"muc": muc(key, response), "b3": b_cubed(key, response), "ceaf_e": ceaf_e(key, response)}
    return sum(score.f1 for score in scores.values()) / 3, scores


def _pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise(key: Clustering, response: Clustering) -> PRF:
    """Pairwise precision, recall and F1 over the items both clusterings hold."""
    shared = [item for item in key if item in response]
    together = _pairs(Counter((key[item], response[item]) for item in shared))
    gold_pairs = _pairs(Counter(key[item] for item in shared))
    predicted_pairs = _pairs(Counter(response[item] for item in shared))
    precision = together / predicted_pairs if predicted_pairs else float(gold_pairs == 0)
    recall = together / gold_pairs if gold_pairs else float(predicted_pairs == 0)
    return PRF(precision, recall, harmonic(precision, recall))
