"""evaluate_html_set: the report's JSON shape, wiretrace against plain trafilatura, and missing data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiretrace.errors import DataError
from wiretrace.evaluation.clean_html import DEFAULT_DATA_DIR, evaluate_html_set


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> dict:
    return evaluate_html_set(shared_dir / "data" / "extraction" / "scrapinghub", limit=5).as_dict()


def test_report_has_the_shared_json_shape(report: dict) -> None:
    assert json.loads(json.dumps(report)) == report
    assert report["task"] == "clean-html"
    assert report["n"] == 5
    assert set(report["results"]) == {"wiretrace", "trafilatura", "justext"}
    for score in report["results"].values():
        assert set(score) == {"precision", "recall", "f1", "details"}
        assert all(0.0 <= score[key] <= 1.0 for key in ("precision", "recall", "f1"))
        assert score["details"]["pages"] == 5


def test_wiretrace_is_not_below_trafilatura(report: dict) -> None:
    results = report["results"]
    assert results["wiretrace"]["f1"] >= results["trafilatura"]["f1"] - 0.001
    assert results["wiretrace"]["details"]["empty"] == 0


def test_default_folder_is_beside_the_repository() -> None:
    repo = Path(__file__).resolve().parents[2]
    assert DEFAULT_DATA_DIR == repo.parent / "shared" / "data" / "extraction" / "scrapinghub"


@pytest.mark.parametrize(
    "files, message",
    [
        ({}, "ground-truth.json"),
        ({"ground-truth.json": "{not json"}, "cannot read the ground truth"),
        ({"ground-truth.json": json.dumps({"abc": {"articleBody": "x"}})}, "abc.html.gz"),
        ({"ground-truth.json": json.dumps({"abc": {"articleBody": "x"}}), "html/abc.html.gz": "not gzip"},
         "not a gzip-compressed utf-8 page"),
    ],
)
def test_missing_or_broken_data_raises_data_error(tmp_path: Path, files: dict[str, str], message: str) -> None:
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    with pytest.raises(DataError, match=message):
        evaluate_html_set(tmp_path)


def test_missing_folder_names_it_and_the_option(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        evaluate_html_set(tmp_path / "nowhere")
    assert "nowhere" in str(caught.value) and "--data" in str(caught.value)
