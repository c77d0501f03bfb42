"""Sniffing: binary signatures first, then a specific content type, the extension, then the text."""

from __future__ import annotations

import codecs
import gzip

import pytest

from wiretrace.ingest.sniff import Kind, extension, sniff


@pytest.mark.parametrize(
    "head, name, media_type, expected",
    [
        (b"just words", "notes.txt", None, Kind.TEXT),
        (b"just words", "notes", None, Kind.TEXT),
        (b"<p>words</p>", "page.htm", None, Kind.HTML),
        (b"<!DOCTYPE html><html><body>", "page.bin", None, Kind.HTML),
        (codecs.BOM_UTF8 + b"\n  <!-- saved --> <html lang=en>", "saved", None, Kind.HTML),
        ("<html><body>é</body></html>".encode("utf-16"), "page", None, Kind.HTML),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed", None, Kind.FEED),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "x", None, Kind.FEED),
        (b'<?xml version="1.0"?><!DOCTYPE html><html>', "x", None, Kind.HTML),
        (b"{}", "data.json", None, Kind.JSON),
        (b"{}\n{}", "data.jsonl", None, Kind.JSONL),
        (b"WARC/1.1\r\n", "archive", None, Kind.WARC),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), "archive.gz", None, Kind.WARC),
        (b"anything", "crawl.WARC.GZ", None, Kind.WARC),
        (b"plain text that mentions <html> later", "notes", None, Kind.TEXT),
        (b"<rss>", "feed", "text/html", Kind.FEED),  # feeds are often served as text/html
        (b"Hello there", "/index.xml", "text/html", Kind.HTML),
        (b"<rss>", "/news", "text/plain", Kind.FEED),  # text/plain decides nothing
        (b"{}", "/api", "application/json", Kind.JSON),
    ],
)
def test_kind(head: bytes, name: str, media_type: str | None, expected: Kind) -> None:
    assert sniff(head, name, media_type).kind is expected


@pytest.mark.parametrize(
    "head, name, media_type, what",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "photo.txt", None, "PNG image"),
        (b"\xff\xd8\xff\xe0JFIF", "photo", None, "JPEG image"),
        (b"%PDF-1.7\n", "report.html", None, "PDF document"),
        (b"PK\x03\x04\x14\x00", "report.docx", None, "ZIP archive"),
        (gzip.compress(b"just text"), "notes.gz", None, "gzip archive"),
        (b"abc\x00\x01\x02def", "data", None, "NUL bytes"),
        (b"whatever", "/photo", "image/webp", "served as image/webp"),
    ],
)
def test_binary_names_what_it_looks_like(head: bytes, name: str, media_type: str | None, what: str) -> None:
    sniffed = sniff(head, name, media_type)
    assert sniffed.kind is Kind.BINARY
    assert what in sniffed.what


def test_utf16_text_with_bom_is_not_binary() -> None:
    assert sniff("plain words".encode("utf-16"), "notes").kind is Kind.TEXT


@pytest.mark.parametrize(
    "name, expected",
    [("a.TXT", ".txt"), ("dir.d/file", ""), ("x.warc.gz", ".warc.gz"), ("x.tar.gz", ".gz"), ("/feed", "")],
)
def test_extension(name: str, expected: str) -> None:
    assert extension(name) == expected
