"""``wiretrace eval stories``: feeding order, the baselines, the scorer, and runs on a slice of ECB+."""

from __future__ import annotations

import pytest
from ecbplus_samples import copy_slice

from wiretrace.errors import DataError
from wiretrace.evaluation.ecbplus import EcbDocument
from wiretrace.evaluation.stories import (
    evaluate_stories,
    feeding_order,
    fit_story_weights,
    score_clustering,
    tfidf_agglomerative,
    tfidf_stream,
)


def document(name: str, story: str) -> EcbDocument:
    return EcbDocument(name, name.split("_")[0], story, "dev", f"text of {name}", {}, ())


DOCUMENTS = [document(f"{t}_{n}ecb", f"{t}_ecb") for t in (1, 2) for n in range(1, 6)]


def test_feeding_order_is_fixed_and_independent_of_the_input_order():
    first = [d.name for d in feeding_order(DOCUMENTS)]
    assert first == [d.name for d in feeding_order(list(reversed(DOCUMENTS)))]
    assert first != sorted(first)  # shuffled, not alphabetical
    assert sorted(first) == sorted(d.name for d in DOCUMENTS)


TEXTS = [
    "The central bank raised interest rates to curb inflation.",
    "Interest rates were raised by the central bank as inflation rose.",
    "A wildfire forced thousands to flee their homes in the hills.",
    "Thousands fled their homes as the wildfire spread through the hills.",
]


@pytest.mark.parametrize("baseline", [tfidf_stream, tfidf_agglomerative])
def test_tfidf_baselines_group_shared_vocabulary(baseline):
    labels = baseline(TEXTS)
    assert labels[0] == labels[1] != labels[2] == labels[3]


def test_a_single_text_is_one_story():
    assert tfidf_agglomerative(["only one"]) == [0]


def test_score_clustering_reports_b_cubed_and_pairwise():
    perfect = score_clustering(DOCUMENTS, [int(d.topic) for d in DOCUMENTS], 0.5)
    assert perfect.f1 == 1.0 and perfect.details["pairwise"]["f1"] == 1.0
    lumped = score_clustering(DOCUMENTS, [0] * len(DOCUMENTS), 0.5)
    assert lumped.recall == 1.0 and lumped.precision == 0.5
    assert lumped.details["stories"] == 1 and lumped.details["gold_stories"] == 2


def test_fitting_on_the_test_topics_is_refused():
    with pytest.raises(DataError, match="never on the test"):
        fit_story_weights(split="test")


@pytest.fixture(scope="module")
def ecb_slice(shared_dir, tmp_path_factory):
    """Topics 1 (two rehab check-ins) and 3 (two prison escapes), five documents per story."""
    source = shared_dir / "data" / "clustering" / "ecbplus"
    return copy_slice(source, tmp_path_factory.mktemp("ecbplus"), ["1", "3"], per_story=5)


def test_evaluate_stories_on_a_slice(ecb_slice):
    report = evaluate_stories(ecb_slice, split="train")
    assert report.task == "stories" and report.n == 20
    assert set(report.results) == {"wiretrace", "tfidf-stream", "tfidf-agglomerative"}
    for score in report.results.values():
        assert 0.0 <= score.precision <= 1.0 and 0.0 <= score.f1 <= 1.0
        assert {"pairwise", "stories", "gold_stories", "seconds"} <= set(score.details)
        assert score.details["gold_stories"] == 4
    assert report.results["wiretrace"].f1 >= 0.8


def test_the_default_split_is_absent_from_the_development_copy(ecb_slice):
    with pytest.raises(DataError, match="no document in split 'test'"):
        evaluate_stories(ecb_slice)


@pytest.mark.slow
def test_dev_split_floor(shared_dir):
    """Pinned floor on the dev split (the README's target, B-cubed F1 >= 0.85, is for the test topics)."""
    report = evaluate_stories(shared_dir / "data" / "clustering" / "ecbplus", split="dev")
    ours = report.results["wiretrace"]
    assert ours.f1 >= 0.85
    assert ours.f1 > report.results["tfidf-stream"].f1
