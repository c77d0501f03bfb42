"""``wiretrace report`` and ``wiretrace export`` through Typer's CliRunner, on the seeds' database."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from wiretrace.cli import app
from wiretrace.views.tables import TABLES

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_report_prints_every_story_with_its_clusters(seeded_views_db):
    result = run("report", "--db", str(seeded_views_db))
    assert result.exit_code == 0, result.output
    assert "Story 1: " in result.output and "independence" in result.output and "relays" in result.output


def test_report_markdown_of_one_story(seeded_views_db):
    result = run("report", "--db", str(seeded_views_db), "--story", "1", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Story 1: ")
    assert "**Status: " in result.stdout and "| when | status | source | claim |" in result.stdout


@pytest.mark.parametrize("args, code, message", [
    (("report", "--story", "99"), 1, "no story 99 in"),
    (("report", "--format", "pdf"), 2, "Invalid value for '--format'"),
    (("export", "--format", "parquet"), 1, "a Parquet export is binary: give a file with --out"),
    (("export", "--format", "xml"), 2, "Invalid value for '--format'"),
    (("export", "--format", "csv", "--what", "tweets"), 2, "Invalid value for '--what'"),
    (("export",), 2, "Missing option '--format'"),
])  # fmt: skip
def test_bad_requests_fail_with_one_clear_message(seeded_views_db, args, code, message):
    result = run(*args, "--db", str(seeded_views_db))
    assert result.exit_code == code
    assert message in " ".join(result.output.replace("│", " ").split())


def test_export_csv_to_standard_output(seeded_views_db):
    result = run("export", "--db", str(seeded_views_db), "--format", "csv", "--what", "events")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0]) == [c.name for c in TABLES["events"].columns]


def test_export_jsonl_claims_by_default(seeded_views_db):
    result = run("export", "--db", str(seeded_views_db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 52 and {"article", "cluster", "id", "text", "chain", "verdict"} <= set(rows[0])


def test_export_parquet_to_a_file_says_how_many_rows(seeded_views_db, tmp_path):
    out = tmp_path / "stories.parquet"
    result = run("export", "--db", str(seeded_views_db), "--format", "parquet", "--what", "stories", "--out", str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert f"{table.num_rows} row(s) of stories →" in result.output
    assert table.column_names == [c.name for c in TABLES["stories"].columns]


def test_report_on_a_database_without_stories_says_how_to_get_them(tmp_path):
    from wiretrace.corpus import Corpus

    db = tmp_path / "empty.db"
    Corpus(db).close()
    result = run("report", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "no stories yet" in result.output
    exported = run("export", "--db", str(db), "--format", "csv", "--what", "stories")
    assert exported.exit_code == 0 and exported.stdout.splitlines() == ["id,title,start,end,places,actors,articles,"
                                                                        "updated_at,sources,claims,clusters"]
