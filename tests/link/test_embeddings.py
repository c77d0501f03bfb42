"""Offline WordLlama embeddings: shape, unit length, similarity order, fallback and errors."""

from __future__ import annotations

import numpy as np
import pytest

from wiretrace.errors import WiretraceError
from wiretrace.link.embeddings import EmbeddingOptions, embed, load_encoder


def test_rows_are_unit_length_and_an_empty_text_is_zero():
    vectors = embed(["A ferry sank off the coast.", ""])
    assert vectors.shape == (2, 256) and vectors.dtype == np.float32
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any()


def test_no_text_gives_an_empty_matrix():
    assert embed([]).shape == (0, 256)


def test_paraphrases_are_nearer_than_unrelated_texts():
    quake, tremor, budget = embed(["an earthquake struck the island", "a strong quake hit the island",
                                   "parliament passed the budget"])
    assert quake @ tremor > quake @ budget


def test_a_smaller_dimension_is_a_truncation():
    assert embed(["storm"], EmbeddingOptions(dim=64)).shape == (1, 64)


def test_a_missing_heavier_model_falls_back_to_wordllama():
    encoder = load_encoder(EmbeddingOptions(model="sentence-transformers/no-such-model-here"))
    assert encoder.name.startswith("wordllama")


def test_an_unknown_model_name_is_an_error():
    with pytest.raises(WiretraceError, match="unknown"):
        load_encoder(EmbeddingOptions(model="word2vec"))
