"""WARC archives written with warcio: HTML 200 responses become documents; damage keeps what came before."""

from __future__ import annotations

import gzip as gzip_module
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from wiretrace.ingest import IngestOptions, iter_documents
from wiretrace.ingest.source import Origin
from wiretrace.ingest.warc import read_warc
from wiretrace.records import Document, Skipped

PAGES = [
    ("http://news.example/a", "200 OK", "text/html; charset=utf-8", "<p>First report: the bridge is closed.</p>"),
    ("http://news.example/logo.png", "200 OK", "image/png", "\x89PNG not a page"),
    ("http://news.example/gone", "404 Not Found", "text/html", "<p>Not found</p>"),
    ("http://news.example/b", "200 OK", "text/html", "<p>Second report: traffic is diverted.</p>"),
    ("http://news.example/c", "200 OK", "text/html; charset=windows-1251", "<p>Третий отчёт: мост открыт.</p>"),
]

ORIGIN = Origin("archive.warc", datetime(2024, 1, 1, tzinfo=UTC))


def warc_bytes(pages: list[tuple[str, str, str, str]], *, gzip: bool) -> bytes:
    return warc_with_offsets(pages, gzip=gzip)[0]


def warc_with_offsets(pages: list[tuple[str, str, str, str]], *, gzip: bool) -> tuple[bytes, list[int]]:
    """The archive and where each page's record starts in it."""
    offsets = []
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "wiretrace tests"}))
    for url, status, content_type, body in pages:
        charset = content_type.partition("charset=")[2] or "utf-8"
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        payload = io.BytesIO(body.encode(charset, errors="replace"))
        offsets.append(buffer.tell())
        writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))
    return buffer.getvalue(), offsets


def read(path: Path, **options: object) -> list[Document | Skipped]:
    return list(iter_documents([path], IngestOptions(**options)))  # type: ignore[arg-type]


@pytest.mark.parametrize("gzip, name", [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_html_responses_become_documents(tmp_path: Path, gzip: bool, name: str) -> None:
    (tmp_path / name).write_bytes(warc_bytes(PAGES, gzip=gzip))
    documents = [item for item in read(tmp_path / name) if isinstance(item, Document)]
    assert len(documents) == len(read(tmp_path / name))
    assert [d.url for d in documents] == ["http://news.example/a", "http://news.example/b", "http://news.example/c"]
    first = documents[0]
    assert first.media_type == "text/html" and first.text == PAGES[0][3]
    assert first.location.startswith(f"{tmp_path / name}#urn:uuid:")
    assert first.fetched_at.tzinfo is not None and abs(first.fetched_at - datetime.now(UTC)).days < 1
    assert documents[2].text == PAGES[4][3]  # the HTTP charset decides


def test_one_gzip_stream_for_the_whole_archive(tmp_path: Path) -> None:
    pages = [
        (f"http://news.example/{n}", "200 OK", "text/html", f"<p>Report {n} {'x' * n * 50}</p>")
        for n in range(60)
    ]
    (tmp_path / "whole.warc.gz").write_bytes(gzip_module.compress(warc_bytes(pages, gzip=False)))
    items = read(tmp_path / "whole.warc.gz")
    assert len(items) == 60 and all(isinstance(item, Document) for item in items)


def test_sniffed_without_the_extension(tmp_path: Path) -> None:
    (tmp_path / "download.gz").write_bytes(warc_bytes(PAGES[:1], gzip=True))
    (document,) = read(tmp_path / "download.gz")
    assert isinstance(document, Document) and document.url == PAGES[0][0]


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("keep", [0.05, 0.5, 0.95])
def test_truncated_archive_keeps_earlier_records_then_one_skip(tmp_path: Path, gzip: bool, keep: float) -> None:
    data, offsets = warc_with_offsets(PAGES, gzip=gzip)
    last = offsets[-1]
    (tmp_path / "cut.warc.gz").write_bytes(data[: last + int((len(data) - last) * keep)])
    (tmp_path / "next.txt").write_text("An input after the damaged archive.")
    items = list(iter_documents([tmp_path / "cut.warc.gz", tmp_path / "next.txt"], IngestOptions()))
    *pages, skipped, after = items
    assert [p.url for p in pages if isinstance(p, Document)] == ["http://news.example/a", "http://news.example/b"]
    assert isinstance(skipped, Skipped) and skipped.code == "E007"
    assert str(skipped).startswith(f"{tmp_path / 'cut.warc.gz'}: [E007]") and "\n" not in str(skipped)
    assert isinstance(after, Document)


@pytest.mark.parametrize("gzip", [True, False])
def test_garbage_in_the_middle(tmp_path: Path, gzip: bool) -> None:
    one, two = warc_bytes(PAGES[:1], gzip=gzip), warc_bytes(PAGES[3:4], gzip=gzip)
    (tmp_path / "bad.warc.gz").write_bytes(one + b"\x00garbage\r\n" * 30 + two)
    *pages, skipped = read(tmp_path / "bad.warc.gz")
    assert [p.url for p in pages if isinstance(p, Document)] == ["http://news.example/a"]
    assert isinstance(skipped, Skipped) and skipped.code == "E007"


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    (tmp_path / "fake.warc").write_text("This is not an archive.")
    (skipped,) = read(tmp_path / "fake.warc")
    assert isinstance(skipped, Skipped) and skipped.code == "E007"


def test_record_over_the_cap_is_skipped_alone(tmp_path: Path) -> None:
    big = ("http://news.example/big", "200 OK", "text/html", "<p>" + "x" * 3_000 + "</p>")
    (tmp_path / "a.warc.gz").write_bytes(warc_bytes([PAGES[0], big, PAGES[3]], gzip=True))
    items = read(tmp_path / "a.warc.gz", max_bytes=1_000)
    assert [item.code if isinstance(item, Skipped) else "doc" for item in items] == ["doc", "E003", "doc"]


def test_archive_larger_than_the_cap_is_still_read(tmp_path: Path) -> None:
    pages = [(f"http://news.example/{n}", "200 OK", "text/html", f"<p>Report {n}</p>") for n in range(30)]
    (tmp_path / "many.warc").write_bytes(warc_bytes(pages, gzip=False))
    assert len(read(tmp_path / "many.warc", max_bytes=1_000)) == 30


@pytest.mark.parametrize("gzip", [True, False])
def test_every_cut_point_gives_a_prefix_then_at_most_one_skip(gzip: bool) -> None:
    data, offsets = warc_with_offsets(PAGES, gzip=gzip)
    full = [d.url for d in read_warc(io.BytesIO(data), ORIGIN, IngestOptions()) if isinstance(d, Document)]
    silent = []
    for cut in range(1, len(data)):
        items = list(read_warc(io.BytesIO(data[:cut]), ORIGIN, IngestOptions()))
        documents = [item for item in items if isinstance(item, Document)]
        skips = [item.code for item in items if isinstance(item, Skipped)]
        assert items[: len(documents)] == documents, cut  # documents first, then the skip
        assert [d.url for d in documents] == full[: len(documents)], cut
        assert skips in ([], ["E007"]), cut
        if not skips:
            silent.append(cut)
    # a cut between records loses nothing; plain WARC may also lose the CRLFs that close a record
    boundaries = [*offsets, len(data)]
    allowed = set(boundaries) if gzip else {end - k for end in boundaries for k in range(5)}
    assert set(silent) <= allowed
