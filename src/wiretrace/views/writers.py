"""Streaming writers: rows in, one file out, a row (or a batch of rows) at a time.

Each takes the table's columns and an iterator of rows (dicts of JSON values, as ``tables`` yields them)
and returns how many rows it wrote. None holds more than one Parquet batch in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any, BinaryIO, TextIO

from wiretrace.errors import WiretraceError
from wiretrace.views.tables import Column, csv_cell, flat_value

if TYPE_CHECKING:
    import pyarrow as pa

ARROW_TYPES = {"int": "int64", "float": "float64", "bool": "bool_", "str": "string", "json": "string"}
"""Parquet column types (pyarrow type factories): ``json`` columns are JSON text, as in CSV."""


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One JSON object per line, the row as it is (nested values stay nested)."""
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[Column], out: TextIO) -> int:
    """A header line of column names, then one line per row (cells as ``tables.csv_cell`` writes them)."""
    writer = csv.writer(out)  # RFC 4180: lines end in CRLF, so a lone CR or LF in a cell is quoted
    writer.writerow([c.name for c in columns])
    count = 0
    for row in rows:
        writer.writerow([csv_cell(row.get(c.name), c) for c in columns])
        count += 1
    return count


def _pyarrow() -> ModuleType:
    """pyarrow, an optional dependency (the ``export`` extra): imported when a Parquet file is written."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401  (loads the submodule onto the package)
    except ImportError:
        raise WiretraceError("Parquet export needs pyarrow: pip install 'wiretrace[export]'") from None
    return pyarrow


def arrow_schema(columns: Sequence[Column]) -> pa.Schema:
    """The Parquet schema of a table: one nullable column per ``Column``, typed by ``ARROW_TYPES``."""
    pa = _pyarrow()
    return pa.schema([pa.field(c.name, getattr(pa, ARROW_TYPES[c.kind])()) for c in columns])


def write_parquet(rows: Iterable[dict[str, Any]], columns: Sequence[Column], out: str | BinaryIO | IO[bytes],
                  *, batch_size: int = 1000) -> int:
    """Rows as Parquet, written ``batch_size`` rows at a time (each batch one row group). A table with no
    rows still gets a file with its schema, so readers see the columns."""
    pa = _pyarrow()
    schema = arrow_schema(columns)
    count = 0
    with pa.parquet.ParquetWriter(out, schema) as writer:
        for batch in _batches(iter(rows), batch_size):
            arrays = [pa.array([flat_value(row.get(c.name), c) for row in batch], type=schema.field(c.name).type)
                      for c in columns]  # fmt: skip
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(batch)
    return count


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(rows, size)):
        yield batch
