"""Candidate retrieval for claim matching: the k most similar claims seen so far, without an all-pairs loop.

``ClaimIndex`` keeps the L2-normalised embeddings of the claims added so far in one growing float32
matrix (capacity doubles, so adding n claims copies O(n) rows in total). ``candidates(view, k)`` scores
the query against the matrix block by block (``block_rows`` rows at a time) and keeps a running top-k
with ``numpy.argpartition``, so memory stays at one block of scores whatever the corpus size, and the
cost is one matrix-vector product per query: linear in the corpus, with no pair of stored claims ever
compared to each other. Only the candidates go through ``claim_relation``.

Exact search is enough for the corpora wiretrace is built for (up to a few hundred thousand claims: a
256-dimensional float32 row is 1 KiB); an approximate index (FAISS, hnswlib) could replace the matrix
behind the same two methods if that stops being true.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import numpy as np
from threadpoolctl import ThreadpoolController

from wiretrace.errors import WiretraceError
from wiretrace.link.claim_views import ClaimView

__all__ = ["Candidate", "ClaimIndex", "ClaimIndexOptions"]

_NO_VECTOR = np.zeros(0, dtype=np.float32)


@dataclass(frozen=True, slots=True)
class ClaimIndexOptions:
    """``block_rows``: rows scored at once (bounds the memory of one query); ``min_similarity``:
    candidates below it are not returned; ``initial_capacity``: rows allocated before the first growth."""

    block_rows: int = 4096
    min_similarity: float = -1.0
    initial_capacity: int = 1024


class Candidate:
    """A stored claim close to the query: its position in the index (the order of ``add``), the cosine
    similarity and the view (made when first read: a matcher that stops at the first good candidate
    never pays for the others)."""

    __slots__ = ("_index", "position", "similarity")

    def __init__(self, position: int, similarity: float, index: ClaimIndex) -> None:
        self.position, self.similarity, self._index = position, similarity, index

    @property
    def view(self) -> ClaimView:
        return self._index[self.position]

    def __repr__(self) -> str:
        return f"Candidate(position={self.position}, similarity={self.similarity:.3f})"


class ClaimIndex:
    """Claims added one by one; ``candidates`` returns the top-k by embedding similarity."""

    def __init__(self, options: ClaimIndexOptions | None = None) -> None:
        self.options = options or ClaimIndexOptions()
        if self.options.block_rows < 1 or self.options.initial_capacity < 1:
            raise WiretraceError(f"ClaimIndexOptions {self.options}: block_rows and initial_capacity must be >= 1")
        self._views: list[ClaimView] = []
        self._matrix: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self._views)

    def __getitem__(self, position: int) -> ClaimView:
        return replace(self._views[position], vector=self._matrix[position])

    def add(self, view: ClaimView) -> int:
        """Store ``view``; returns its position. Its vector must have the dimension of the first one."""
        vector = _unit(view.vector)
        if self._matrix is None:
            self._matrix = np.zeros((self.options.initial_capacity, vector.shape[0]), dtype=np.float32)
        if vector.shape[0] != self._matrix.shape[1]:
            raise WiretraceError(
                f"claim {view.text[:40]!r}: embedding of dimension {vector.shape[0]}, the index holds "
                f"{self._matrix.shape[1]}; embed every claim with the same model"
            )
        if len(self._views) == self._matrix.shape[0]:
            grown = np.zeros((2 * self._matrix.shape[0], self._matrix.shape[1]), dtype=np.float32)
            grown[: len(self._views)] = self._matrix
            self._matrix = grown
        self._matrix[len(self._views)] = vector
        self._views.append(replace(view, vector=_NO_VECTOR))  # the matrix row is its vector: held once
        return len(self._views) - 1

    def candidates(self, view: ClaimView, k: int = 10) -> list[Candidate]:
        """The ``k`` stored claims most similar to ``view``, best first (ties by position)."""
        if k < 1 or self._matrix is None:
            return []
        query = _unit(view.vector)
        best_positions = np.zeros(0, dtype=np.int64)
        best_scores = np.zeros(0, dtype=np.float32)
        for start in range(0, len(self._views), self.options.block_rows):
            stop = min(start + self.options.block_rows, len(self._views))
            with _blas().limit(limits=1, user_api="blas"):  # threads cost more than they save on one query
                scores = self._matrix[start:stop] @ query
            positions = np.arange(start, stop, dtype=np.int64)
            best_positions, best_scores = _top(
                np.concatenate([best_positions, positions]), np.concatenate([best_scores, scores]), k
            )
        order = np.lexsort((best_positions, -best_scores))
        return [
            Candidate(int(best_positions[i]), float(best_scores[i]), self)
            for i in order
            if best_scores[i] >= self.options.min_similarity
        ]


@cache
def _blas() -> ThreadpoolController:
    """The BLAS libraries numpy loaded. A matrix-vector product of a few thousand rows takes tens of
    microseconds on one thread; OpenBLAS hands it to its thread pool above a size, and waking the pool
    on a busy machine costs milliseconds (measured: 7 ms against 0.02 ms)."""
    return ThreadpoolController()


def _top(positions: np.ndarray, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    if len(scores) <= k:
        return positions, scores
    keep = np.argpartition(-scores, k - 1)[:k]
    return positions[keep], scores[keep]


def _unit(vector: np.ndarray) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32).ravel()
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector
