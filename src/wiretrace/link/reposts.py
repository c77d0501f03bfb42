"""Reposts and near-duplicates: the same report seen again under another outlet, host or wording.

Each article's text becomes a MinHash signature of its word shingles (datasketch); a MinHash LSH index
finds earlier articles whose estimated Jaccard similarity reaches the threshold without comparing all
pairs. A repost keeps a link to its original (the earliest such article) and counts as the same report,
not a second one. Signatures are plain arrays, so the store can keep them and a later run rebuilds the
index without re-reading the texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)
SCHEME = "affine32"  # datasketch 2's default; named so stored signatures are always read the same way


@dataclass(frozen=True, slots=True)
class RepostOptions:
    """``threshold``: the Jaccard similarity of word shingles above which two texts are one report
    (a scraped copy with a different header, footer or caption stays well above 0.6); ``shingle``:
    words per shingle; ``num_perm``: MinHash permutations (more: a sharper estimate, more memory)."""

    threshold: float = 0.6
    shingle: int = 5
    num_perm: int = 64


def shingles(text: str, size: int) -> set[bytes]:
    """The set of ``size``-word shingles of ``text``, lower-cased (a short text is one shingle)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str, options: RepostOptions | None = None) -> np.ndarray:
    """The MinHash signature of ``text`` (``num_perm`` unsigned 64-bit values)."""
    options = options or RepostOptions()
    minhash = MinHash(num_perm=options.num_perm, scheme=SCHEME)
    minhash.update_batch(list(shingles(text, options.shingle)))
    return minhash.hashvalues.copy()


class RepostIndex:
    """Signatures of the articles seen so far; ``original_of`` answers for a new one, ``add`` keeps it."""

    def __init__(self, options: RepostOptions | None = None) -> None:
        self.options = options or RepostOptions()
        self._lsh = MinHashLSH(threshold=self.options.threshold, num_perm=self.options.num_perm)
        self._signatures: dict[int, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article: int, hashvalues: np.ndarray) -> None:
        """Index one article's signature under its id."""
        if article in self._signatures:
            return
        self._signatures[article] = hashvalues
        self._lsh.insert(article, self._minhash(hashvalues))

    def add_all(self, items: Iterable[tuple[int, np.ndarray]]) -> None:
        for article, hashvalues in items:
            self.add(article, hashvalues)

    def original_of(self, hashvalues: np.ndarray, *, before: int | None = None) -> tuple[int, float] | None:
        """The earliest indexed article (lowest id, below ``before`` when given) that this text repeats,
        with the estimated similarity, or None."""
        candidates = sorted(self._lsh.query(self._minhash(hashvalues)))
        for article in candidates:
            if before is not None and article >= before:
                continue
            similarity = float(np.mean(self._signatures[article] == hashvalues))
            if similarity >= self.options.threshold:
                return article, similarity
        return None

    def _minhash(self, hashvalues: np.ndarray) -> MinHash:
        return MinHash(num_perm=self.options.num_perm, hashvalues=hashvalues, scheme=SCHEME)
