"""``evaluate_time``: TempEval-3 scoring of wiretrace beside dateparser alone."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from wiretrace.errors import DataError
from wiretrace.evaluation.tempeval import GoldTimex, TempEvalDoc
from wiretrace.evaluation.time import Counts, Tagged, evaluate_time, match_relaxed, render, score_document

TEXT = "The flood of 2009-2010 hit on Friday, the worst in a decade."


def gold_doc() -> TempEvalDoc:
    timexes = (
        GoldTimex(13, 17, "2009", "DATE", "2009"),
        GoldTimex(18, 22, "2010", "DATE", "2010"),
        GoldTimex(30, 36, "Friday", "DATE", "2013-03-22"),
        GoldTimex(50, 58, "a decade", "DURATION", "P10Y"),
    )
    return TempEvalDoc("doc", date(2013, 3, 22), TEXT, timexes)


def test_relaxed_matching_is_one_to_one_by_largest_overlap() -> None:
    doc = gold_doc()
    system = [Tagged(13, 22, "DATE", "2009"), Tagged(27, 36, "DATE", "2013-03-22")]  # '2009-2010', 'on Friday'
    pairs = match_relaxed(list(doc.timexes), system)
    assert sorted((g.text, doc.text[s.start : s.end]) for g, s in pairs) == [("2009", "2009-2010"), ("Friday", "on Friday")]


def test_scores_relaxed_strict_and_value() -> None:
    doc = gold_doc()
    system = [
        Tagged(13, 17, "DATE", "2009"),  # exact, right value
        Tagged(27, 36, "DATE", "2013-03-15"),  # overlapping only, wrong value
        Tagged(50, 58, "DURATION", "P10Y"),  # exact, right value
        Tagged(0, 3, "DATE", "PRESENT_REF"),  # spurious
    ]
    counts = Counts()
    score_document(doc, system, counts)
    score = counts.score()
    assert (score.precision, score.recall) == (0.75, 0.75)
    assert score.details["strict"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert score.details["value_accuracy"] == round(2 / 3, 4)
    assert score.details["value_f1"] == round(0.75 * 2 / 3, 4)


@pytest.mark.parametrize(
    "period, value",
    [("year", "2013"), ("month", "2013-03"), ("week", "2013-W12"), ("day", "2013-03-22"), ("time", "2013-03-22T20:15")],
)
def test_dateparser_values_are_rendered_at_their_period(period: str, value: str) -> None:
    assert render(datetime(2013, 3, 22, 20, 15), period) == value


def test_missing_data_folder_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="TempEval-3 data not found"):
        evaluate_time(tmp_path / "nowhere")


def test_tempeval_report(shared_dir: Path) -> None:
    report = evaluate_time(shared_dir / "data" / "time" / "tempeval3").as_dict()
    assert report["task"] == "time" and report["n"] == 10
    assert set(report["results"]) == {"wiretrace", "dateparser"}
    for score in report["results"].values():
        assert {"precision", "recall", "f1", "details"} <= set(score)
        assert {"strict", "value_f1", "n_gold"} <= set(score["details"])
        assert score["details"]["n_gold"] == 81
    ours, peer = report["results"]["wiretrace"], report["results"]["dateparser"]
    assert ours["f1"] > peer["f1"]
    assert ours["details"]["value_f1"] > peer["details"]["value_f1"]
    # Floors measured on this development set (relaxed 0.94, value 0.88); lower them only with a reason.
    assert ours["f1"] >= 0.90 and ours["details"]["value_f1"] >= 0.80
