"""Turn bytes of unknown encoding into text, or say that no text encoding fits.

Order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. strict UTF-8: legacy-encoded prose almost never happens to be valid UTF-8, so a clean decode wins even
   over a declared charset (pages that declare ``iso-8859-1`` but send UTF-8 are common);
3. the declared charset (HTTP header or ``<meta>``), if it decodes the bytes strictly;
4. "mostly UTF-8": many valid multi-byte characters and a few broken bytes (a truncated copy, a stray
   byte from another file) decode as UTF-8 with U+FFFD in place of the broken bytes; charset-normalizer
   would otherwise pick a single-byte code page and garble the whole text;
5. charset-normalizer's best guess.

``decode`` never raises: it returns ``None`` when nothing fits, and the caller says why.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its little-endian BOM starts like UTF-16's
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG Encoding Standard: these labels mean windows-1252 on the web, whose extra characters (curly
# quotes, dashes in 0x80-0x9F) a strict latin-1 decode would turn into control characters.
_WEB_ALIASES = {"latin_1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}

_MOSTLY_UTF8_RATIO = 4  # valid non-ASCII characters needed per broken byte

# The HTML5 prescan, simplified: <meta charset=x> or <meta http-equiv=... content="...; charset=x">.
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)""", re.IGNORECASE)
_META_PRESCAN_BYTES = 4096  # HTML5 looks at 1024; many real pages declare later, under long comments


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and the name of the codec that produced it."""

    text: str
    encoding: str


def decode(data: bytes, declared: str | None = None) -> Decoded | None:
    """Decode ``data``, trusting ``declared`` (a charset label) only when it decodes the bytes cleanly."""
    for attempt in (_by_bom, _strict_utf8):
        found = attempt(data)
        if found is not None:
            return found
    codec = normalize_label(declared)
    if codec is not None:
        found = _strict(data, codec)
        if found is not None:
            return found
    return _mostly_utf8(data) or _guess(data)


def normalize_label(label: str | None) -> str | None:
    """The Python codec for a charset label, or ``None`` for an unknown or non-text codec."""
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True):  # base64, zlib, rot13...
        return None
    return _WEB_ALIASES.get(info.name, info.name)


def html_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its start, if any.

    A UTF-16/32 label is ignored, as browsers do: a page whose ``<meta>`` is readable as ASCII is not
    UTF-16, and a real UTF-16 page carries a BOM.
    """
    match = _META_CHARSET.search(raw[:_META_PRESCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii")
    return None if label.lower().startswith(("utf-16", "utf-32", "utf16", "utf32")) else label


def _by_bom(data: bytes) -> Decoded | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            # a BOM is strong evidence: decode what follows even if the tail is damaged
            return Decoded(data[len(bom) :].decode(codec, errors="replace"), codec)
    return None


def _strict_utf8(data: bytes) -> Decoded | None:
    return _strict(data, "utf-8")


def _strict(data: bytes, codec: str) -> Decoded | None:
    try:
        return Decoded(data.decode(codec), codec)
    except (UnicodeError, LookupError):  # UnicodeError: codecs like "undefined" refuse every input
        return None


def _mostly_utf8(data: bytes) -> Decoded | None:
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    valid_non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    if broken and valid_non_ascii >= _MOSTLY_UTF8_RATIO * broken:
        return Decoded(text, "utf-8")
    return None


def _guess(data: bytes) -> Decoded | None:
    best = from_bytes(data).best()
    if best is None:
        return None
    return Decoded(str(best), best.encoding)
