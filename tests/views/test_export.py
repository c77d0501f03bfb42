"""Exports of the seeds round-trip: JSONL rebuilds the records ``Corpus`` gives, CSV and Parquet read back
into the same rows, paging changes nothing, and the column lists are the documented ones."""

from __future__ import annotations

import csv
import importlib
import io
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from wiretrace.corpus import Corpus
from wiretrace.errors import WiretraceError
from wiretrace.jsonable import from_jsonable
from wiretrace.records import Article, Claim, ClaimCluster, Story
from wiretrace.views.events import EventRow, event_rows
from wiretrace.views.export import export
from wiretrace.views.options import EXPORT_TABLES, ExportOptions
from wiretrace.views.tables import TABLES, Column, flat_value, parse_cell

WHAT = list(TABLES)


def _stories(corpus: Corpus) -> list[Story]:
    return corpus.stories(limit=corpus.count_stories())


def _clusters(corpus: Corpus) -> list[ClaimCluster]:
    return [c for s in _stories(corpus) for c in corpus.clusters(story=s.id)]


def expected_records(corpus: Corpus, what: str) -> list[tuple[type, object]]:
    """What the corpus holds for a table, read without the export code."""
    if what == "claims":
        return [(Claim, row.claim) for row in corpus.claims()]
    if what == "articles":
        return [(Article, corpus.article(a.id).article) for a in corpus.articles(limit=corpus.count_articles())]
    if what == "stories":
        return [(Story, story) for story in _stories(corpus)]
    if what == "clusters":
        return [(ClaimCluster, cluster) for cluster in _clusters(corpus)]
    return [(EventRow, row) for row in event_rows(_clusters(corpus))]


def exported(corpus: Corpus, tmp_path: Path, what: str, fmt: str, page_size: int = 500) -> Path:
    out = tmp_path / f"{what}.{fmt}"
    count = export(corpus, ExportOptions(format=fmt, what=what, page_size=page_size, batch_size=4), out)
    assert count == len(expected_records(corpus, what))
    return out


def jsonl_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_seeds_have_rows_in_every_table(seeded_corpus):
    assert set(WHAT) == set(EXPORT_TABLES)
    for what in WHAT:
        assert expected_records(seeded_corpus, what), f"no {what} in the seeds' database"


@pytest.mark.parametrize("what", WHAT)
def test_jsonl_rebuilds_the_records_the_corpus_gives(seeded_corpus, tmp_path, what):
    rows = jsonl_rows(exported(seeded_corpus, tmp_path, what, "jsonl"))
    expected = expected_records(seeded_corpus, what)
    assert [from_jsonable(kind, row) for row, (kind, _) in zip(rows, expected, strict=True)] == [r for _, r in expected]


def test_claim_and_article_rows_carry_their_database_ids(seeded_corpus, tmp_path):
    claims = jsonl_rows(exported(seeded_corpus, tmp_path, "claims", "jsonl"))
    assert [(r["article"], r["id"]) for r in claims] == [(c.article, c.claim.id) for c in seeded_corpus.claims()]
    assert all(r["cluster"] == seeded_corpus.cluster_of(r["id"]) for r in claims)
    articles = jsonl_rows(exported(seeded_corpus, tmp_path, "articles", "jsonl"))
    for row in articles:
        stored = seeded_corpus.article(row["id"])
        assert (row["title"], row["media_type"], row["locations"]) == (
            stored.article.title, stored.media_type, list(stored.locations))
        assert [row["story"], row["repost_of"]] == list(seeded_corpus.link_of(row["id"]) or (None, None))


def _normalise(row: dict, columns: tuple[Column, ...]) -> dict:
    """A row as CSV can hold it: empty strings read back as None."""
    return {c.name: (None if row.get(c.name) == "" else row.get(c.name)) for c in columns}


@pytest.mark.parametrize("what", WHAT)
def test_csv_reads_back_into_the_jsonl_rows(seeded_corpus, tmp_path, what):
    columns = TABLES[what].columns
    with exported(seeded_corpus, tmp_path, what, "csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        assert next(reader) == [c.name for c in columns]
        rows = [{c.name: parse_cell(cell, c) for c, cell in zip(columns, line, strict=True)} for line in reader]
    expected = jsonl_rows(exported(seeded_corpus, tmp_path, what, "jsonl"))
    assert rows == [_normalise(r, columns) for r in expected]


@pytest.mark.parametrize("what", WHAT)
def test_parquet_opens_with_pyarrow_and_holds_the_same_rows(seeded_corpus, tmp_path, what):
    columns = TABLES[what].columns
    table = pq.read_table(exported(seeded_corpus, tmp_path, what, "parquet"))
    assert table.column_names == [c.name for c in columns]
    expected = jsonl_rows(exported(seeded_corpus, tmp_path, what, "jsonl"))
    assert table.to_pylist() == [{c.name: flat_value(r.get(c.name), c) for c in columns} for r in expected]
    decoded = [{c.name: json.loads(v) if c.kind == "json" and v is not None else v for c, v in zip(columns, row.values())}
               for row in table.to_pylist()]  # fmt: skip
    assert decoded == [{c.name: r.get(c.name) for c in columns} for r in expected]


@pytest.mark.parametrize("what, fmt", [("claims", "csv"), ("articles", "jsonl"), ("events", "parquet")])
def test_small_pages_give_the_same_file(seeded_corpus, tmp_path, what, fmt):
    (tmp_path / "whole").mkdir()
    (tmp_path / "paged").mkdir()
    whole = exported(seeded_corpus, tmp_path / "whole", what, fmt)
    paged = exported(seeded_corpus, tmp_path / "paged", what, fmt, page_size=1)
    if fmt == "parquet":
        assert pq.read_table(whole).to_pylist() == pq.read_table(paged).to_pylist()
    else:
        assert whole.read_bytes() == paged.read_bytes()


def test_text_formats_go_to_a_stream_when_no_file_is_given(seeded_corpus):
    stream = io.StringIO()
    count = export(seeded_corpus, ExportOptions(format="jsonl", what="stories"), stdout=stream)
    assert count == len(stream.getvalue().splitlines()) == seeded_corpus.count_stories()


@pytest.mark.parametrize("options, message", [
    (dict(format="xml"), "cannot export as 'xml': choose one of csv, jsonl, parquet"),
    (dict(what="tweets"), "cannot export 'tweets': choose one of claims, articles, stories, clusters, events"),
    (dict(page_size=0), "must be at least 1"),
])  # fmt: skip
def test_bad_options_are_refused_with_the_choices(options, message):
    with pytest.raises(WiretraceError, match=re.escape(message)):
        ExportOptions(**options)


def test_parquet_needs_a_file(seeded_corpus):
    with pytest.raises(WiretraceError, match="Parquet export is binary"):
        export(seeded_corpus, ExportOptions(format="parquet"))


def test_an_unwritable_file_is_one_clear_error(seeded_corpus, tmp_path):
    with pytest.raises(WiretraceError, match=r"cannot write .*missing"):
        export(seeded_corpus, ExportOptions(format="csv"), tmp_path / "missing" / "claims.csv")


def test_the_module_docstring_lists_every_table_and_its_columns():
    module = importlib.import_module("wiretrace.views.export")  # the package exports the function under that name
    doc = re.sub(r"\s+", " ", module.__doc__ or "")
    for what, table in TABLES.items():
        names = ", ".join(c.name + ("*" if c.kind == "json" else "") for c in table.columns)
        assert f"``{what}``: {names}" in doc, what
