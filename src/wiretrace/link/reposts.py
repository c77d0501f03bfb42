"""Reposts and near-duplicates: the same report seen again under another outlet, host or wording.

Each article's text becomes a MinHash signature of its word shingles (datasketch); a MinHash LSH index
finds earlier articles whose estimated Jaccard similarity reaches the threshold without comparing all
pairs. A repost keeps a link to its original (the earliest such article) and counts as the same report,
not a second one. Signatures are plain arrays, so the store can keep them and a later run rebuilds the
index without re-reading the texts.

The banding (``b`` bands of ``r`` rows for the threshold) is datasketch's; the buckets are kept here, one
dict per band from the band's hash to its article (a list when several share it). datasketch's
``MinHashLSH`` keeps a set and a byte-string key per band per article, 3.2 KB an article (320 MB of a
100k-article corpus); these hold about 1 KB. Its ``query`` and ``candidates`` agree
(``tests/link/test_reposts.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from wiretrace.errors import WiretraceError

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
    """The MinHash signature of ``text`` (``num_perm`` values below 2**32, as unsigned integers)."""
    options = options or RepostOptions()
    minhash = MinHash(num_perm=options.num_perm, scheme=SCHEME)
    minhash.update_batch(list(shingles(text, options.shingle)))
    return minhash.hashvalues.copy()


class RepostIndex:
    """Signatures of the articles seen so far; ``original_of`` answers for a new one, ``add`` keeps it."""

    def __init__(self, options: RepostOptions | None = None) -> None:
        self.options = options or RepostOptions()
        banding = MinHashLSH(threshold=self.options.threshold, num_perm=self.options.num_perm)
        self._rows = [slice(band * banding.r, (band + 1) * banding.r) for band in range(banding.b)]
        self._buckets: list[dict[int, int | list[int]]] = [{} for _ in self._rows]
        self._signatures: dict[int, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article: int, hashvalues: np.ndarray) -> None:
        """Index one article's signature under its id."""
        if article in self._signatures:
            return
        if hashvalues.shape != (self.options.num_perm,):
            raise WiretraceError(
                f"article {article}: a MinHash signature of shape {hashvalues.shape}, the index takes "
                f"{self.options.num_perm} values (RepostOptions.num_perm); link again with the same options"
            )
        if hashvalues.dtype != np.uint32 and hashvalues.size and int(hashvalues.max()) < 2**32:
            hashvalues = hashvalues.astype(np.uint32)  # stored as 64-bit; affine32's values fit in half
        self._signatures[article] = hashvalues
        for buckets, key in zip(self._buckets, self._band_keys(hashvalues), strict=True):
            held = buckets.setdefault(key, article)
            if held is not article:
                if isinstance(held, list):
                    held.append(article)
                else:
                    buckets[key] = [held, article]

    def candidates(self, hashvalues: np.ndarray) -> set[int]:
        """The indexed articles sharing a band with this signature (what ``MinHashLSH.query`` returns)."""
        found: set[int] = set()
        for buckets, key in zip(self._buckets, self._band_keys(hashvalues), strict=True):
            held = buckets.get(key)
            if isinstance(held, list):
                found.update(held)
            elif held is not None:
                found.add(held)
        return found

    def original_of(self, hashvalues: np.ndarray, *, before: int | None = None) -> tuple[int, float] | None:
        """The earliest indexed article (lowest id, below ``before`` when given) that this text repeats,
        with the estimated similarity, or None."""
        for article in sorted(self.candidates(hashvalues)):
            if before is not None and article >= before:
                continue
            similarity = float(np.mean(self._signatures[article] == hashvalues))
            if similarity >= self.options.threshold:
                return article, similarity
        return None

    def _band_keys(self, hashvalues: np.ndarray) -> list[int]:
        # Python's hash of the band's bytes: 64 bits, salted per process, which is fine for an index
        # rebuilt in each process; a collision only adds a candidate, which its similarity then rejects
        values = np.ascontiguousarray(hashvalues, dtype=np.uint64)
        return [hash(values[rows].tobytes()) for rows in self._rows]
