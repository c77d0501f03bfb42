"""`wiretrace eval clean` on small copies of the evaluation sets: the JSON shape, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wiretrace.cli import app

runner = CliRunner()


@pytest.mark.parametrize("set_name, systems", [
    ("html", {"wiretrace", "trafilatura", "justext"}),
    ("text", {"wiretrace", "keep-everything", "justext"}),
])
def test_eval_clean_json_has_the_shared_shape(small_scrapinghub, set_name, systems):
    result = runner.invoke(app, ["eval", "clean", "--set", set_name, "--data", str(small_scrapinghub), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n"] == 5
    assert set(report["results"]) == systems
    for score in report["results"].values():
        assert set(score) == {"precision", "recall", "f1", "details"}
        assert 0.0 <= score["f1"] <= 1.0


def test_eval_clean_prints_a_table(small_scrapinghub):
    result = runner.invoke(app, ["eval", "clean", "--set", "html", "--data", str(small_scrapinghub)])
    assert result.exit_code == 0
    assert "trafilatura" in result.stdout and "F1" in result.stdout


def test_an_unknown_set_is_a_usage_error():
    result = runner.invoke(app, ["eval", "clean", "--set", "pdf"])
    assert result.exit_code == 2


def test_a_missing_data_folder_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["eval", "clean", "--set", "html", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "--data" in result.output and "Traceback" not in result.output


def test_eval_table_puts_systems_in_columns_and_fits_a_terminal(small_scrapinghub):
    result = runner.invoke(app, ["eval", "clean", "--set", "html", "--data", str(small_scrapinghub)])
    header = next(line for line in result.stdout.splitlines() if "figure" in line)
    assert all(name in header for name in ("wiretrace", "trafilatura", "justext"))
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
