"""The writers and the cell encoding on rows written for these tests: CSV cells round-trip (hypothesis),
formulas are neutralised, Parquet keeps its schema even with no rows."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiretrace.views.tables import Column, csv_cell, parse_cell, record_columns
from wiretrace.views.writers import write_csv, write_jsonl, write_parquet
from wiretrace.records import ClaimTime

COLUMNS = (Column("n", "int"), Column("x", "float"), Column("ok", "bool"), Column("text", "str"),
           Column("items", "json"))  # fmt: skip
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                           max_leaves=8)  # fmt: skip
rows = st.fixed_dictionaries({
    "n": st.none() | st.integers(), "x": st.none() | st.floats(allow_nan=False, allow_infinity=False),
    "ok": st.none() | st.booleans(), "text": st.none() | st.text(min_size=1),
    "items": st.none() | st.lists(json_values, max_size=3) | st.dictionaries(st.text(), json_values, max_size=3),
})  # fmt: skip


@given(st.lists(rows, max_size=5))
def test_csv_cells_read_back_into_the_rows(written):
    stream = io.StringIO()
    assert write_csv(written, COLUMNS, stream) == len(written)
    lines = list(csv.reader(io.StringIO(stream.getvalue())))
    assert lines[0] == [c.name for c in COLUMNS]
    assert [{c.name: parse_cell(cell, c) for c, cell in zip(COLUMNS, line, strict=True)} for line in lines[1:]] == written


@pytest.mark.parametrize("text, cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1 555", "'+1 555"),
    ("-2 dead", "'-2 dead"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("plain", "plain"),
    ("'quoted", "'quoted"),
])  # fmt: skip
def test_text_that_a_spreadsheet_would_run_gets_an_apostrophe(text, cell):
    column = Column("text", "str")
    assert csv_cell(text, column) == cell
    assert parse_cell(cell, column) == text


def test_jsonl_keeps_nested_values_nested():
    stream = io.StringIO()
    write_jsonl([{"a": [1, {"b": "é"}]}], stream)
    assert stream.getvalue() == '{"a": [1, {"b": "é"}]}\n'


def test_parquet_with_no_rows_still_has_its_columns(tmp_path):
    out = tmp_path / "empty.parquet"
    assert write_parquet(iter([]), COLUMNS, str(out)) == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.column_names == [c.name for c in COLUMNS]
    assert [str(t) for t in table.schema.types] == ["int64", "double", "bool", "string", "string"]


def test_parquet_batches_hold_every_row(tmp_path):
    out = tmp_path / "rows.parquet"
    written = [{"n": i, "x": i / 2, "ok": i % 2 == 0, "text": f"row {i}", "items": [i]} for i in range(10)]
    assert write_parquet(iter(written), COLUMNS, str(out), batch_size=3) == 10
    assert pq.ParquetFile(out).metadata.num_row_groups == 4
    back = pq.read_table(out).to_pylist()
    assert [dict(r, items=json.loads(r["items"])) for r in back] == written


def test_record_columns_follow_the_annotations():
    assert record_columns(ClaimTime) == (
        Column("start", "str"), Column("end", "str"), Column("granularity", "str"), Column("expression", "str"),
        Column("resolved", "bool"), Column("of", "str"), Column("year_inferred", "bool"), Column("approx", "bool"))
