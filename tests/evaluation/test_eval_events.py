"""``wiretrace eval events``: coreference scoring, and runs on a slice of ECB+ within predicted stories."""

from __future__ import annotations

import pytest
from ecbplus_samples import copy_slice

from wiretrace.errors import DataError
from wiretrace.evaluation.events import evaluate_events, fit_event_weights, score_coreference


def test_score_coreference_headline_is_the_conll_mean():
    key = {"a": 1, "b": 1, "c": 2, "d": 3}
    score = score_coreference(key, dict(key), {"note": 1})
    assert score.f1 == pytest.approx(1.0)
    assert set(score.details) == {"muc", "b3", "ceaf_e", "note"}
    singletons = score_coreference(key, {k: k for k in key})
    assert singletons.details["muc"]["f1"] == 0.0
    assert singletons.f1 == pytest.approx((singletons.details["b3"]["f1"] + singletons.details["ceaf_e"]["f1"]) / 3,
                                          abs=1e-3)


def test_fitting_on_the_test_topics_is_refused():
    with pytest.raises(DataError, match="never on the test"):
        fit_event_weights(split="test")


@pytest.fixture(scope="module")
def ecb_slice(shared_dir, tmp_path_factory):
    source = shared_dir / "data" / "clustering" / "ecbplus"
    return copy_slice(source, tmp_path_factory.mktemp("ecbplus_events"), ["1", "3"], per_story=5)


def test_evaluate_events_on_a_slice(ecb_slice):
    report = evaluate_events(ecb_slice, split="train")
    assert report.task == "events" and report.n > 50
    assert set(report.results) == {"wiretrace", "same-lemma"}
    for score in report.results.values():
        assert 0.0 < score.f1 <= 1.0
        assert {"muc", "b3", "ceaf_e", "conll_f1_within_gold_stories", "mentions", "predicted_stories"} <= set(
            score.details)
        assert score.details["mentions"] == report.n


@pytest.mark.slow
def test_dev_split_beats_the_same_lemma_baseline(shared_dir):
    report = evaluate_events(shared_dir / "data" / "clustering" / "ecbplus", split="dev")
    assert report.results["wiretrace"].f1 > report.results["same-lemma"].f1
