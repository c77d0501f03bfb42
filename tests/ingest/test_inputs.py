"""The public API: listing inputs cheaply, reading each, and one call mixing every kind of input."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_server import LocalServer, Route

import wiretrace.ingest
from wiretrace.ingest import IngestOptions, Source, expand_inputs, iter_documents, read_source
from wiretrace.records import Document, Skipped


def test_public_names() -> None:
    assert wiretrace.ingest.__all__ == sorted(wiretrace.ingest.__all__)
    expected = {"IngestOptions", "Source", "expand_inputs", "iter_documents", "read_source"}
    assert set(wiretrace.ingest.__all__) == expected


def test_expand_lists_without_reading(tmp_path: Path) -> None:
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    (tmp_path / "dir" / "b.txt").write_text("b")
    (tmp_path / "dir" / "sub" / "a.txt").write_text("a")
    (tmp_path / "dir" / ".hidden").write_text("h")
    (tmp_path / "dir" / "out").symlink_to(tmp_path)
    inputs: list[str | Path] = [tmp_path / "dir", "https://news.example/x", "gopher://old.example", "nope.txt"]
    sources = expand_inputs(inputs, IngestOptions())
    assert [s.location for s in sources] == [
        str(tmp_path / "dir" / "b.txt"),
        str(tmp_path / "dir" / "out"),
        str(tmp_path / "dir" / "sub" / "a.txt"),
        "https://news.example/x",
        "gopher://old.example",
        "nope.txt",
    ]
    assert sources[3] == Source("https://news.example/x", url="https://news.example/x")
    assert [s.skipped.code if s.skipped else None for s in sources] == [None, "E010", None, None, "E005", None]


def test_a_bare_string_is_refused_rather_than_read_letter_by_letter() -> None:
    with pytest.raises(TypeError, match=r"wrap the single input: \['report.txt'\]"):
        list(iter_documents("report.txt", IngestOptions()))


def test_read_source_one_at_a_time_for_a_progress_bar(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "one"}\n{"text": "two"}\n')
    (tmp_path / "b.txt").write_text("three")
    sources = expand_inputs([tmp_path], IngestOptions())
    per_source = [len(list(read_source(source, IngestOptions()))) for source in sources]
    assert per_source == [2, 1]


def test_one_call_mixing_good_and_bad_inputs(tmp_path: Path, server: LocalServer, closed_port: int) -> None:
    server.routes["/page"] = Route(b"<p>Served page.</p>")
    (tmp_path / "a.txt").write_text("A text report.")
    (tmp_path / "b.bin").write_bytes(b"%PDF-1.5 binary")
    (tmp_path / "c.jsonl").write_text('{"text": "Record."}\n{broken\n')
    (tmp_path / "d.html").write_text("<p>" + "y" * 3000 + "</p>")
    refused = f"http://127.0.0.1:{closed_port}/"
    inputs: list[str | Path] = [tmp_path, tmp_path / "gone.txt", refused, server.url("/page")]
    items = list(iter_documents(inputs, IngestOptions(max_bytes=2_000)))
    summary = [(type(item).__name__, getattr(item, "code", "")) for item in items]
    assert summary == [
        ("Document", ""),
        ("Skipped", "E002"),
        ("Document", ""),
        ("Skipped", "E011"),
        ("Skipped", "E003"),
        ("Skipped", "E012"),
        ("Skipped", "E009"),
        ("Document", ""),
    ]
    for item in items:
        if isinstance(item, Skipped):
            line = str(item)
            assert "\n" not in line and line.startswith(item.location + ": [" + item.code + "] ")


def test_documents_carry_only_what_their_container_says(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain.")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Own outlet.", "outlet": "Record Outlet"}) + "\n")
    plain, record = iter_documents([tmp_path], IngestOptions())
    assert isinstance(plain, Document) and isinstance(record, Document)
    assert (plain.outlet, plain.published_at) == (None, None)
    assert record.outlet == "Record Outlet"


@pytest.mark.parametrize(
    "options, message",
    [
        ({"max_bytes": 0}, "max_bytes must be positive"),
        ({"timeout": -1.0}, "timeout must be positive"),
    ],
)
def test_options_are_checked(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        IngestOptions(**options)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(
    raw=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=300).map(lambda text: text.encode("utf-8", errors="replace")),
        st.sampled_from([b"WARC/1.1\r\n", b"<?xml version='1.0'?><rss><channel><item>", b'{"text": ', b"\x1f\x8b\x08"]),
    ),
    extension=st.sampled_from(["", ".txt", ".html", ".json", ".jsonl", ".xml", ".warc", ".warc.gz"]),
)
def test_any_bytes_give_documents_or_one_line_skips(raw: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{extension}"
        path.write_bytes(raw)
        items = list(iter_documents([path], IngestOptions()))
    assert items
    for item in items:
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Skipped):
            assert "\n" not in str(item) and item.location.startswith(str(path))
