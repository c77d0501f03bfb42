"""``wiretrace analyze --published-at`` and ``POST /api/reports`` refuse a malformed time with the same
words (one parser, ``wiretrace.isotime``): a bad parameter (exit code 2) and a 422."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from wiretrace.cli import app
from wiretrace.isotime import ISO_EXAMPLE
from wiretrace.web import create_app

runner = CliRunner()
TOKEN = "cli-times-token-0123456789"


@pytest.mark.parametrize("value", ["noon", "2022-01-06T25:00"])
def test_the_cli_and_the_api_refuse_a_bad_time_alike(tmp_path, examples_dir, value):
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["analyze", str(examples_dir / "nope"), "--db", str(db), "--published-at", value])
    assert result.exit_code == 2 and not db.exists()
    shown = " ".join(result.output.replace("│", " ").split())  # the message as one line, out of rich's box
    assert f"publication time {value!r} is not an ISO 8601 time, e.g. {ISO_EXAMPLE}" in shown
    runner.invoke(app, ["analyze", str(tmp_path / "none.txt"), "--db", str(db), "-q"])  # an empty database
    with TestClient(create_app(db, token=TOKEN)) as client:
        response = client.post("/api/reports", json={"text": "Officials said so.", "published_at": value},
                               headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert response.status_code == 422
    assert response.json()["error"]["message"] == f"published_at {value!r} is not an ISO 8601 time, e.g. {ISO_EXAMPLE}"
