"""The claim-pair gold set (frozen test half, pointers that resolve, halves that share no event) and
``evaluate_claim_pairs`` (its report on a small slice, the baseline, the label scorer)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from wiretrace.errors import DataError
from wiretrace.evaluation.claim_pairs import evaluate_claim_pairs, score_labels, tune_threshold
from wiretrace.evaluation.claim_pairs_gold import LABELS, detokenize, load_pairs, resolve_side
from wiretrace.evaluation.factuality_gold import read_records

GOLD = Path(__file__).resolve().parents[1] / "data" / "claim_pairs"
TEST_HALF_SHA256 = "956b7d4d66e4b913ecb1f634a94b69eecd31730afeb3d6826da09d4a029d1a89"  # frozen before tuning


# --- the gold set -----------------------------------------------------------------------------------------


def test_test_half_is_frozen():
    digest = hashlib.sha256((GOLD / "test.jsonl").read_bytes()).hexdigest()
    assert digest == TEST_HALF_SHA256, "test.jsonl changed: the test half is frozen (see its README)"
    assert TEST_HALF_SHA256 in (GOLD / "README.md").read_text(encoding="utf-8")


def test_gold_records_are_well_formed():
    test, dev = read_records(GOLD / "test.jsonl"), read_records(GOLD / "dev.jsonl")
    records = test + dev
    assert len(records) >= 150
    assert len({r["id"] for r in records}) == len(records)
    labels = Counter(r["label"] for r in records)
    assert set(labels) == set(LABELS) and min(labels.values()) >= 30, labels
    for record in records:
        assert record["note"], record["id"]
        for side in (record["a"], record["b"]):
            assert side["text"] and len(side["sha256"]) == 64, record["id"]
            assert side["source_file"].startswith(("clustering/ecbplus/", "factuality/meantime/")), record["id"]
        assert (record["a"]["source_file"], record["a"]["start"]) != (record["b"]["source_file"], record["b"]["start"])


def test_halves_share_no_source_file():
    """Pairs were split by topic: no article (and so no event) of the test half is in the dev half."""

    def files(half: str) -> set[str]:
        return {side["source_file"] for r in read_records(GOLD / f"{half}.jsonl") for side in (r["a"], r["b"])}

    assert not files("test") & files("dev")


@pytest.mark.shared
@pytest.mark.parametrize("half", ["test", "dev"])
def test_every_pointer_resolves_against_shared(shared_dir: Path, half: str):
    pairs = load_pairs(GOLD / f"{half}.jsonl", shared_dir / "data")
    assert len(pairs) == len(read_records(GOLD / f"{half}.jsonl"))
    assert all(p.a.text and p.b.text and p.label in LABELS for p in pairs)


def test_changed_or_misplaced_source_is_an_error(tmp_path: Path):
    conll = "1\tTen\t_\t_\t_\t_\n2\tdead\t_\t_\t_\t_\n\n3\tMay\t_\t_\t_\t_\n"
    (tmp_path / "a.conll").write_text(conll, encoding="utf-8")
    digest = hashlib.sha256(conll.encode()).hexdigest()
    side = {"text": "Ten dead", "source_file": "a.conll", "sha256": digest, "format": "meantime-conll",
            "start": 0, "end": 26, "published": "2005-11-27"}  # fmt: skip
    resolved = resolve_side("p1", side, tmp_path)
    assert resolved.text == "Ten dead" and resolved.published.isoformat() == "2005-11-27"
    with pytest.raises(DataError, match="do not spell"):
        resolve_side("p1", {**side, "text": "Ten died"}, tmp_path)
    with pytest.raises(DataError, match="sha256"):
        resolve_side("p1", {**side, "sha256": "0" * 64}, tmp_path)
    with pytest.raises(DataError, match="format"):
        resolve_side("p1", {**side, "format": "pdf"}, tmp_path)
    with pytest.raises(DataError, match="missing"):
        resolve_side("p1", side, tmp_path / "elsewhere")
    record = {"id": "p1", "label": "similar", "a": side, "b": side, "note": "x"}
    (tmp_path / "gold.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="label"):
        load_pairs(tmp_path / "gold.jsonl", tmp_path)


DETOKENIZED = [
    ("The 6 . 1 - magnitude quake hit , home to 120 , 000 people .", "The 6.1-magnitude quake hit, home to 120,000 people."),
    ("Robbers - some in drag - took $ 108 million", "Robbers - some in drag - took $108 million"),
    ("The U . S . agency said co - workers did n't know Reid 's plan", "The U.S. agency said co-workers didn't know Reid's plan"),
    ("`` We are thrilled , '' she said ( again ) at 2 : 56 .", '"We are thrilled," she said (again) at 2:56.'),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", DETOKENIZED)
def test_detokenize(text: str, expected: str):
    assert detokenize(text) == expected


# --- the scorer ---------------------------------------------------------------------------------------------


def test_score_labels_is_a_macro_average_over_the_three_labels():
    gold = ["same", "same", "different", "contradicting"]
    score = score_labels(gold, ["same", "different", "different", "different"])
    labels = score.details["labels"]
    assert labels["same"] == {"n": 2, "predicted": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert labels["contradicting"]["f1"] == 0.0
    assert score.f1 == pytest.approx((0.6667 + 0.5 + 0.0) / 3, abs=1e-3)
    assert score.details["errors"] == {"same -> different": 1, "contradicting -> different": 1}
    assert score.details["accuracy"] == 0.5


def test_unknown_split_is_an_error(tmp_path: Path):
    with pytest.raises(DataError, match="split"):
        evaluate_claim_pairs(tmp_path, split="train")


@pytest.mark.shared
def test_evaluation_on_a_small_slice(shared_dir: Path):
    report = evaluate_claim_pairs(shared_dir / "data", split="dev", limit=12, baseline_threshold=0.5)
    assert report.task == "claims" and report.n == 12
    assert set(report.results) == {"wiretrace", "embedding-only"}
    ours, baseline = report.results["wiretrace"], report.results["embedding-only"]
    for score in (ours, baseline):
        assert set(score.details["labels"]) == set(LABELS) and 0.0 <= score.f1 <= 1.0
        assert sum(v["n"] for v in score.details["labels"].values()) == 12
    assert baseline.details["labels"]["contradicting"]["predicted"] == 0
    assert baseline.details["threshold"] == 0.5
    as_json = report.as_dict()
    assert set(as_json["results"]["wiretrace"]) == {"precision", "recall", "f1", "details"}


@pytest.mark.shared
def test_baseline_threshold_separates_what_it_can(shared_dir: Path):
    pairs = load_pairs(GOLD / "dev.jsonl", shared_dir / "data", limit=20)
    threshold = tune_threshold(pairs)
    assert -1.0 <= threshold <= 1.01
    with pytest.raises(DataError):
        tune_threshold([])


# Floors pinned below the figures measured once on the frozen test half, after tuning on dev only; a
# change may not lower them without saying so. Test half (187 pairs): wiretrace macro-F1 0.490 (same
# 0.704, different 0.565, contradicting 0.200), embedding-only 0.313 (threshold 0.565 tuned on dev).
# Dev half (186 pairs): wiretrace 0.651, embedding-only 0.341.
TEST_MACRO_FLOOR = 0.45
SAME_FLOOR = 0.65


@pytest.mark.shared
def test_quality_floors(shared_dir: Path):
    report = evaluate_claim_pairs(shared_dir / "data", split="test")
    ours, baseline = report.results["wiretrace"], report.results["embedding-only"]
    assert report.n == 187
    assert ours.f1 >= TEST_MACRO_FLOOR and ours.f1 > baseline.f1 + 0.1
    assert ours.details["labels"]["same"]["f1"] >= SAME_FLOOR
    assert ours.details["labels"]["contradicting"]["precision"] > 0
