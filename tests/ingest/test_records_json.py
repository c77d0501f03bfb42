"""JSON and JSON Lines records: one document per record, a skip per broken record, the rest read on."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from wiretrace.ingest import IngestOptions, iter_documents
from wiretrace.records import Document, Skipped

GOOD = {
    "url": "https://news.example/flood",
    "title": "Flood warning",
    "text": "River levels rose overnight, officials said.",
    "published": "2024-03-01T09:30:00+02:00",
    "outlet": "Example News",
}


def read(path: Path, **options: object) -> list[Document | Skipped]:
    return list(iter_documents([path], IngestOptions(**options)))  # type: ignore[arg-type]


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_record_becomes_a_document(tmp_path: Path) -> None:
    (document,) = read(write_lines(tmp_path / "feed.jsonl", [json.dumps(GOOD, ensure_ascii=False)]))
    assert isinstance(document, Document)
    assert document.location == f"{tmp_path / 'feed.jsonl'}#1"
    assert document.raw == GOOD["text"].encode()
    assert (document.media_type, document.text, document.encoding) == ("text/plain", GOOD["text"], "utf-8")
    assert (document.url, document.title, document.outlet) == (GOOD["url"], GOOD["title"], GOOD["outlet"])
    assert document.published_at == datetime(2024, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))


def test_html_field_wins_and_identity_is_the_body(tmp_path: Path) -> None:
    record = {"html": "<p>Roads reopened.</p>", "text": "Roads reopened."}
    (tmp_path / "one.json").write_text(json.dumps(record))
    (tmp_path / "two.jsonl").write_text(json.dumps({"html": record["html"], "title": "other"}) + "\n")
    (first,) = read(tmp_path / "one.json")
    (second,) = read(tmp_path / "two.jsonl")
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.media_type == "text/html" and first.location == str(tmp_path / "one.json")
    assert first.id == second.id


def test_json_list_numbers_its_records(tmp_path: Path) -> None:
    records = [GOOD, {"title": "no body"}, {**GOOD, "text": "Second report."}]
    (tmp_path / "batch.json").write_text(json.dumps(records))
    first, broken, third = read(tmp_path / "batch.json")
    assert isinstance(first, Document) and isinstance(third, Document)
    assert third.location.endswith("batch.json#3")
    assert isinstance(broken, Skipped) and broken.code == "E011"
    assert str(broken).startswith(f"{tmp_path / 'batch.json'}#2: [E011]") and "'text' or 'html'" in str(broken)


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"text": "unterminated', "not valid JSON"),
        ('["a", "list"]', "found an array"),
        ('{"text": ""}', "'text' or 'html'"),
        ('{"text": 42}', "'text' or 'html'"),
        ('{"text": "ok", "title": ["x"]}', "'title' must be a string"),
        ('{"text": "ok", "published": "yesterday"}', "not an ISO 8601 date: 'yesterday'"),
        ('{"text": "ok", "published": 1709280000}', "must be an ISO 8601 string"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_broken_line_is_skipped_naming_the_line(tmp_path: Path, line: str, reason: str) -> None:
    good = json.dumps(GOOD)
    items = read(write_lines(tmp_path / "mixed.jsonl", [good, line, "", good]))
    assert [type(item) for item in items] == [Document, Skipped, Document]
    skipped = items[1]
    assert isinstance(skipped, Skipped)
    assert skipped.location == f"{tmp_path / 'mixed.jsonl'}#2"
    assert reason in skipped.reason and "\n" not in str(skipped)
    assert items[2].location.endswith("#4")


def test_jsonl_line_over_the_cap_is_skipped_alone(tmp_path: Path) -> None:
    long = json.dumps({"text": "x" * 5_000})
    items = read(write_lines(tmp_path / "big.jsonl", [json.dumps(GOOD), long, json.dumps(GOOD)]), max_bytes=1_000)
    assert [item.code if isinstance(item, Skipped) else "doc" for item in items] == ["doc", "E003", "doc"]


def test_jsonl_file_larger_than_the_cap_is_still_read(tmp_path: Path) -> None:
    lines = [json.dumps({**GOOD, "text": f"Report number {n}."}) for n in range(100)]
    items = read(write_lines(tmp_path / "many.jsonl", lines), max_bytes=1_000)
    assert len(items) == 100 and all(isinstance(item, Document) for item in items)


@pytest.mark.parametrize(
    "content, code",
    [
        ("42", "E011"),
        ("[]", "E001"),
        ("{not json", "E011"),
        ('{"text": "a"}\n{"text": "b"}', "E011"),
        ("\n\n  \n", "E001"),
    ],
)
def test_unusable_json_file(tmp_path: Path, content: str, code: str) -> None:
    (tmp_path / "bad.json").write_text(content)
    (skipped,) = read(tmp_path / "bad.json")
    assert isinstance(skipped, Skipped) and skipped.code == code
    assert ("Extra data" in skipped.reason) == ("name the file .jsonl" in skipped.reason)


def test_naive_published_is_utc_and_a_missing_one_stays_missing(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "A", "published": "2024-03-01T09:30"}), json.dumps({"text": "B"})]
    first, second = read(write_lines(tmp_path / "r.jsonl", lines))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.published_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    assert (second.published_at, second.outlet) == (None, None)


def test_utf8_bom_and_lone_surrogate(tmp_path: Path) -> None:
    (tmp_path / "bom.jsonl").write_bytes(b'\xef\xbb\xbf{"text": "caf\\u00e9 \\ud800"}\n')
    (document,) = read(tmp_path / "bom.jsonl")
    assert isinstance(document, Document)
    assert document.text == "café ?"
