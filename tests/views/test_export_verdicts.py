"""The analyst's verdicts reach ``wiretrace export --what claims``: a verdict set through ``Corpus`` and
one set through the web API (``PATCH /api/claims/{id}``) show in the CSV, JSONL and Parquet exports on
their own claims' rows, across page boundaries, and every other claim's verdict cells stay empty."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from urllib.parse import quote

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from wiretrace.corpus import Corpus
from wiretrace.views.export import export
from wiretrace.views.options import ExportOptions
from wiretrace.views.tables import TABLES, parse_cell
from wiretrace.web import create_app

TOKEN = "export-test-token-0123456789"
# A note a spreadsheet would run as a formula, with a comma, quotes and a line break: CSV must keep it whole.
NOTE = '=HYPERLINK("x"), said "officials"\nsecond line'


@pytest.fixture
def judged(seeded_views_db: Path, tmp_path: Path) -> tuple[Path, dict[str, tuple[str, str | None]]]:
    """A copy of the seeds with two verdicts, one given through ``Corpus`` and one through the API, and
    the verdicts expected per claim id."""
    db = tmp_path / "judged.db"
    shutil.copy(seeded_views_db, db)
    with Corpus(db) as corpus:
        ids = [row.claim.id for row in corpus.claims()]
        first, second = ids[1], ids[-1]
        corpus.set_verdict(first, "false", NOTE)
    with TestClient(create_app(db, token=TOKEN)) as client:
        response = client.patch(f"/api/claims/{quote(second, safe='')}", json={"verdict": "misleading"},
                                headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
        assert response.status_code == 200, response.text
    return db, {first: ("false", NOTE), second: ("misleading", None)}


def _exported(db: Path, fmt: str, out: Path) -> list[dict]:
    """The claims exported as ``fmt`` (two claims a page), read back as rows of values."""
    with Corpus(db, read_only=True) as corpus:
        export(corpus, ExportOptions(format=fmt, what="claims", page_size=2, batch_size=3), out)
    if fmt == "parquet":
        return pq.read_table(out).to_pylist()
    if fmt == "jsonl":
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    columns = TABLES["claims"].columns
    with out.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        next(reader)
        return [{c.name: parse_cell(cell, c) for c, cell in zip(columns, line, strict=True)} for line in reader]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_verdicts_given_through_the_corpus_and_the_api_are_exported(judged, tmp_path, fmt):
    db, expected = judged
    rows = _exported(db, fmt, tmp_path / f"claims.{fmt}")
    with Corpus(db, read_only=True) as corpus:
        assert len(rows) == corpus.count_claims() > 2
    given = {row["id"]: (row["verdict"], row["verdict_note"]) for row in rows if row["verdict"] is not None}
    assert given == expected
    assert all(row["verdict_note"] is None for row in rows if row["id"] not in expected)


def test_a_replaced_verdict_is_exported_as_it_stands(judged, tmp_path):
    db, expected = judged
    first = next(iter(expected))
    with Corpus(db) as corpus:
        corpus.set_verdict(first, "verified", "confirmed by the ministry")
    rows = _exported(db, "jsonl", tmp_path / "claims.jsonl")
    assert next((r["verdict"], r["verdict_note"]) for r in rows if r["id"] == first) == (
        "verified", "confirmed by the ministry")
