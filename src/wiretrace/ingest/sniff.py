"""Decide what kind of input some bytes are, from their first few kilobytes, name and HTTP content type.

Binary content is recognised first, whatever the name says (a ``.txt`` that is really a PNG is binary).
Then a known extension decides, then a known content type, then the text itself: a document that
opens like HTML is HTML, one that opens like RSS/Atom is a feed, anything else is plain text.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass
from enum import StrEnum

HEAD_BYTES = 4096  # how much of an input sniffing looks at


class Kind(StrEnum):
    TEXT = "text"
    HTML = "html"
    FEED = "feed"
    JSON = "json"
    JSONL = "jsonl"
    WARC = "warc"
    BINARY = "binary"


@dataclass(frozen=True, slots=True)
class Sniffed:
    kind: Kind
    what: str = ""  # for BINARY: what it looks like ("PNG image")


# A short table of our own rather than a dependency (python-magic needs libmagic, filetype covers media
# only): the formats people actually drop into a folder of reports.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (also .docx, .xlsx, .odt, .epub)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (.doc, .xls)"),
    (b"{\\rtf", "RTF document"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00asm", "WebAssembly module"),
)
_GZIP = b"\x1f\x8b"
_TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

_EXTENSIONS: dict[str, Kind] = {
    ".txt": Kind.TEXT, ".text": Kind.TEXT,
    ".html": Kind.HTML, ".htm": Kind.HTML, ".xhtml": Kind.HTML,
    ".json": Kind.JSON, ".jsonl": Kind.JSONL, ".ndjson": Kind.JSONL,
    ".xml": Kind.FEED, ".rss": Kind.FEED, ".atom": Kind.FEED, ".rdf": Kind.FEED,
    ".warc": Kind.WARC, ".warc.gz": Kind.WARC,
}  # fmt: skip
_MEDIA_TYPES: dict[str, Kind] = {
    "text/plain": Kind.TEXT,
    "text/html": Kind.HTML, "application/xhtml+xml": Kind.HTML,
    "application/rss+xml": Kind.FEED, "application/atom+xml": Kind.FEED, "application/rdf+xml": Kind.FEED,
    "application/xml": Kind.FEED, "text/xml": Kind.FEED,
    "application/json": Kind.JSON, "application/x-ndjson": Kind.JSONL, "application/jsonl": Kind.JSONL,
    "application/warc": Kind.WARC,
}  # fmt: skip
_BINARY_MEDIA = re.compile(r"^(image|audio|video|font)/|^application/(pdf|zip|gzip|x-gzip|msword|vnd\.)")

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]")
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|p|div|article|section|h[1-6]|table|br)[\s>/]")
_SKIP_PROLOG = re.compile(r"^(\s|<!--.*?-->|<\?xml[^>]*>)*", re.S)


def sniff(head: bytes, name: str = "", media_type: str | None = None) -> Sniffed:
    """What ``head`` (the first ``HEAD_BYTES`` of an input) is; ``name`` and ``media_type`` are hints.

    A specific HTTP content type beats the name (URL paths rarely say what they serve), except that
    markup which plainly opens as a feed or as HTML is taken for what it is (feeds are often served as
    ``text/html``). ``text/plain`` is too often a server default to decide anything.
    """
    binary = _warc_or_binary(head, name)
    if binary is not None:
        return binary
    content = _by_content(head)
    declared = _MEDIA_TYPES.get(media_type or "")
    if declared is not None and declared is not Kind.TEXT:
        markup = (Kind.FEED, Kind.HTML)
        return Sniffed(content if content in markup and declared in markup else declared)
    by_name = _EXTENSIONS.get(extension(name))
    if by_name is not None:
        return Sniffed(by_name)
    if media_type and _BINARY_MEDIA.search(media_type):
        return Sniffed(Kind.BINARY, f"served as {media_type}")
    return Sniffed(content)


def extension(name: str) -> str:
    """The lower-case extension, keeping the compound ``.warc.gz``."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return ".warc.gz"
    dot = lower.rfind(".")
    return lower[dot:] if dot > lower.rfind("/") else ""


def _warc_or_binary(head: bytes, name: str) -> Sniffed | None:
    if head.startswith(b"WARC/") or extension(name) in (".warc", ".warc.gz"):
        return Sniffed(Kind.WARC)
    if head.startswith(_GZIP):
        return Sniffed(Kind.WARC) if _gunzip_head(head).startswith(b"WARC/") else Sniffed(Kind.BINARY, "gzip archive")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return Sniffed(Kind.BINARY, what)
    if b"\x00" in head and not head.startswith(_TEXT_BOMS):
        return Sniffed(Kind.BINARY, "NUL bytes, unknown binary format")
    return None


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error:
        return b""


def _by_content(head: bytes) -> Kind:
    text = _head_text(head)
    start = _SKIP_PROLOG.sub("", text[:HEAD_BYTES], count=1)
    if _FEED_ROOT.match(start):
        return Kind.FEED
    if _HTML_START.match(start):
        return Kind.HTML
    if text.lstrip().startswith("<?xml"):
        return Kind.FEED  # XML that is neither HTML nor a known feed root: the feed reader says why not
    return Kind.TEXT


def _head_text(head: bytes) -> str:
    """The head as lower-case text, good enough to look for ASCII markup."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom) and not head.startswith(codecs.BOM_UTF32_LE):
            return head[len(bom) :].decode(codec, errors="ignore").lower()
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1").lower()
