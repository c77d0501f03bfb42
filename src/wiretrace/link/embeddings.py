"""Text embeddings for linking: fast static WordLlama vectors offline, a heavier model when one is installed.

WordLlama (token embeddings distilled from an LLM, average-pooled) embeds a whole article in well under a
millisecond on a CPU and needs no network: its weights and tokenizer ship in the wheel. It must be loaded
with ``cache_dir`` set to the package folder and downloads disabled, or it tries to reach Hugging Face
(its loader looks for the tokenizer in a folder the wheel does not have).

A heavier sentence-transformers model is used only when ``EmbeddingOptions.model`` names one
(``"sentence-transformers/all-MiniLM-L6-v2"``), the package is importable and the model is in the local
cache; otherwise ``load_encoder`` falls back to WordLlama and says so in ``Encoder.name``.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from wiretrace.errors import WiretraceError

__all__ = ["EmbeddingOptions", "Encoder", "embed", "load_encoder"]

WORDLLAMA = "wordllama"
_SENTENCE_TRANSFORMERS = "sentence-transformers/"


@dataclass(frozen=True, slots=True)
class EmbeddingOptions:
    """Which model embeds texts. ``dim`` is WordLlama's Matryoshka dimension (64, 128, 256, 512 or 1024
    for the default l2_supercat weights; only 256 ships in the wheel, smaller ones are truncations)."""

    model: str = WORDLLAMA
    dim: int = 256
    batch_size: int = 64


@dataclass(frozen=True)
class Encoder:
    """A loaded model: ``name`` is the model that actually runs (after any fallback)."""

    name: str
    dim: int
    encode: Callable[[list[str]], np.ndarray]


def load_encoder(options: EmbeddingOptions | None = None) -> Encoder:
    """The encoder for ``options`` (default: WordLlama), loaded once per process."""
    options = options or EmbeddingOptions()
    if options.model.startswith(_SENTENCE_TRANSFORMERS) and importlib.util.find_spec("sentence_transformers"):
        encoder = _sentence_transformer(options.model, options.batch_size)
        if encoder is not None:
            return encoder
    if options.model not in (WORDLLAMA,) and not options.model.startswith(_SENTENCE_TRANSFORMERS):
        raise WiretraceError(
            f"embedding model {options.model!r} unknown: use 'wordllama' or 'sentence-transformers/<name>'"
        )
    return _wordllama(options.dim, options.batch_size)


def embed(texts: Sequence[str], options: EmbeddingOptions | None = None) -> np.ndarray:
    """L2-normalised float32 embeddings, one row per text (an empty text gets a zero row)."""
    encoder = load_encoder(options)
    if not texts:
        return np.zeros((0, encoder.dim), dtype=np.float32)
    vectors = np.asarray(encoder.encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


@lru_cache(maxsize=4)
def _wordllama(dim: int, batch_size: int) -> Encoder:
    with _root_logging_kept():  # wordllama calls logging.basicConfig(level=INFO) on import
        import wordllama
        from wordllama import WordLlama

    try:
        model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, trunc_dim=dim)
    except (OSError, ValueError) as error:
        raise WiretraceError(f"WordLlama weights (dim {dim}) cannot be loaded offline: {error}") from error
    return Encoder(f"{WORDLLAMA}-{dim}", dim, lambda texts: model.embed(texts, batch_size=batch_size))


@contextmanager
def _root_logging_kept() -> Iterator[None]:
    """Undo what an import does to the root logger (its level and handlers): a library must not turn on
    INFO logging in the program that uses wiretrace."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        yield
    finally:
        root.setLevel(level)
        root.handlers[:] = handlers


@lru_cache(maxsize=4)
def _sentence_transformer(name: str, batch_size: int) -> Encoder | None:
    from sentence_transformers import SentenceTransformer

    try:
        model = SentenceTransformer(name.removeprefix(_SENTENCE_TRANSFORMERS), local_files_only=True)
    except (OSError, ValueError):
        return None  # not in the local cache: the caller falls back to WordLlama
    dim = int(model.get_sentence_embedding_dimension() or 0)
    return Encoder(name, dim, lambda texts: model.encode(texts, batch_size=batch_size, show_progress_bar=False))
