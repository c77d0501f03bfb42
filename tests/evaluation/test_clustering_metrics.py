"""Clustering scores on textbook examples (Pradhan et al. 2014, section 3) and their limits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiretrace.evaluation.clustering_metrics import b_cubed, ceaf_e, clusters_of, conll, muc, pairwise


def assignment(*clusters: str) -> dict[str, int]:
    """'abc', 'de' -> {a: 0, b: 0, c: 0, d: 1, e: 1}."""
    return {item: label for label, cluster in enumerate(clusters) for item in cluster}


# Pradhan et al. 2014, figure 1: key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}.
KEY = assignment("abc", "defg")
RESPONSE = assignment("ab", "cd", "fghi")


@pytest.mark.parametrize(
    "measure, recall, precision, f1",
    [
        (muc, 0.40, 0.40, 0.40),
        (b_cubed, 0.4167, 0.50, 0.4545),
        (ceaf_e, 0.65, 0.4333, 0.52),
    ],
)
def test_worked_example_of_the_reference_scorer(measure, recall, precision, f1):
    score = measure(KEY, RESPONSE)
    assert (round(score.recall, 4), round(score.precision, 4), round(score.f1, 4)) == (recall, precision, f1)


def test_conll_is_the_mean_of_the_three():
    value, parts = conll(KEY, RESPONSE)
    assert value == pytest.approx((0.40 + 0.4545 + 0.52) / 3, abs=1e-4)
    assert set(parts) == {"muc", "b3", "ceaf_e"}


def test_b_cubed_on_the_same_items_is_the_item_mean():
    # gold {1,2,3} {4,5}; system {1,2} {3,4,5}
    key, response = assignment("12345"[:3], "45"), assignment("12", "345")
    score = b_cubed(key, response)
    # recall per item: 2/3 2/3 1/3 1 1 ; precision per item: 1 1 1/3 2/3 2/3
    assert score.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert score.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)


@pytest.mark.parametrize(
    "key, response, precision, recall",
    [
        (("abc", "de"), ("abc", "de"), 1.0, 1.0),
        (("abc", "de"), ("abcde",), 4 / 10, 1.0),  # 4 right pairs of 10 predicted
        (("abc", "de"), ("a", "b", "c", "d", "e"), 0.0, 0.0),
        (("ab", "cd"), ("ac", "bd"), 0.0, 0.0),
        (("a", "b"), ("a", "b"), 1.0, 1.0),  # no pairs on either side: nothing wrong
    ],
)
def test_pairwise(key, response, precision, recall):
    score = pairwise(assignment(*key), assignment(*response))
    assert (score.precision, score.recall) == (pytest.approx(precision), pytest.approx(recall))


def test_muc_ignores_singletons_and_all_singletons_score_zero():
    key = assignment("ab", "c", "d")
    assert muc(key, assignment("a", "b", "c", "d")).f1 == 0.0
    assert muc(key, assignment("ab", "c", "d")).f1 == 1.0


def test_missing_response_items_count_against_recall_only():
    key = assignment("abc")
    response = assignment("ab")  # c is missing
    assert b_cubed(key, response).precision == 1.0
    assert b_cubed(key, response).recall == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)  # c found nowhere
    assert muc(key, response).recall == pytest.approx(1 / 2)


def test_ceaf_e_aligns_one_to_one():
    key = assignment("abcd")
    response = assignment("ab", "cd")
    # only one response cluster can align with the key cluster: phi4 = 2*2/(4+2)
    score = ceaf_e(key, response)
    assert score.recall == pytest.approx(2 / 3)
    assert score.precision == pytest.approx(1 / 3)


partitions = st.lists(st.integers(0, 4), min_size=1, max_size=12).map(lambda ls: dict(enumerate(ls)))


@given(partitions)
def test_identical_clusterings_score_one(labels):
    for measure in (b_cubed, ceaf_e, pairwise):
        assert measure(labels, labels).f1 == pytest.approx(1.0)
    if any(len(c) > 1 for c in clusters_of(labels)):
        assert muc(labels, labels).f1 == pytest.approx(1.0)


@given(partitions, partitions)
def test_scores_stay_in_range_and_swap_precision_and_recall(key, response):
    shared = {i: key[i] for i in key if i in response}
    response = {i: response[i] for i in shared}
    for measure in (muc, b_cubed, ceaf_e, pairwise):
        forward, backward = measure(shared, response), measure(response, shared)
        assert 0.0 <= forward.f1 <= 1.0
        assert forward.precision == pytest.approx(backward.recall)
        assert forward.recall == pytest.approx(backward.precision)
