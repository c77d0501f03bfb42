"""The encoding detector: BOMs, strict UTF-8, declared charsets, damaged UTF-8, legacy code pages."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from ingest_samples import FRENCH, JAPANESE, RUSSIAN

from wiretrace.ingest.encoding import decode, html_charset, normalize_label



@pytest.mark.parametrize(
    "text, codec",
    [
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (FRENCH, "latin-1"),
        (JAPANESE, "shift_jis"),
        (RUSSIAN, "utf-8"),
        (JAPANESE, "utf-8"),
    ],
)
def test_legacy_and_utf8_text_decodes_to_the_original(text: str, codec: str) -> None:
    decoded = decode(text.encode(codec))
    assert decoded is not None
    assert decoded.text == text


@pytest.mark.parametrize(
    "bom, codec, encoding",
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_a_bom_decides_and_is_dropped(bom: bytes, codec: str, encoding: str) -> None:
    decoded = decode(bom + FRENCH.encode(codec))
    assert decoded is not None
    assert (decoded.text, decoded.encoding) == (FRENCH, encoding)


def test_utf8_with_a_few_invalid_bytes_keeps_the_rest() -> None:
    raw = RUSSIAN.encode() + b"\xff\xfe" + RUSSIAN.encode()
    decoded = decode(raw)
    assert decoded is not None
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(RUSSIAN) and decoded.text.endswith(RUSSIAN)
    assert decoded.text.count("\ufffd") == 2


def test_mostly_utf8_with_one_legacy_line_keeps_the_utf8_part() -> None:
    raw = (RUSSIAN + "\n").encode() * 3 + "Жители сообщают о взрывах.".encode("cp1251")
    decoded = decode(raw)
    assert decoded is not None
    assert decoded.text.startswith(RUSSIAN + "\n" + RUSSIAN)


@pytest.mark.parametrize(
    "raw, declared, expected",
    [
        ("Crème brûlée à la carte".encode("cp1252"), "windows-1252", "Crème brûlée à la carte"),
        ("«Дождь»".encode("cp1251"), "windows-1251", "«Дождь»"),
        ("“quoted” — dash".encode("cp1252"), "iso-8859-1", "“quoted” — dash"),  # the web reads latin-1 as cp1252
        (b"plain ascii", "no-such-charset", "plain ascii"),
        ("Привет, мир".encode(), "windows-1251", "Привет, мир"),  # valid UTF-8 beats a wrong declaration
    ],
)
def test_declared_charset_is_used_only_when_it_fits(raw: bytes, declared: str, expected: str) -> None:
    decoded = decode(raw, declared)
    assert decoded is not None
    assert decoded.text == expected


@pytest.mark.parametrize(
    "label, expected",
    [
        ("UTF-8", "utf-8"),
        ("windows-1251", "cp1251"),
        ("ISO-8859-1", "cp1252"),
        ("Shift_JIS", "shift_jis"),
        ("'koi8-r'", "koi8-r"),
        ("base64", None),
        ("rot13", None),
        ("no-such-charset", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_label(label: str | None, expected: str | None) -> None:
    assert normalize_label(label) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b'<html><head><meta charset="windows-1251"></head>', "windows-1251"),
        (b"<meta charset=koi8-r>", "koi8-r"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "Shift_JIS"),
        (b"<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=iso-8859-1'>", "iso-8859-1"),
        (b'<meta charset="utf-16">', None),  # a page readable as ASCII is not UTF-16
        (b"<html><body>no declaration</body></html>", None),
        (b" " * 5000 + b"<meta charset=cp1251>", None),  # beyond the prescan window
    ],
)
def test_html_charset(raw: bytes, expected: str | None) -> None:
    assert html_charset(raw) == expected


def test_random_binary_is_rejected() -> None:
    assert decode(bytes(range(256)) * 4) is None


@example(b"\xff\xfe\xfd", "undefined")  # a codec that raises UnicodeError on any input
@given(st.binary(max_size=2048), st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["utf-16", "cp1251"])))
def test_decode_never_raises(raw: bytes, declared: str | None) -> None:
    decoded = decode(raw, declared)
    assert decoded is None or isinstance(decoded.text, str)


@given(st.text(max_size=500))
def test_utf8_text_round_trips(text: str) -> None:
    assume(not text.startswith("\ufeff"))  # a leading U+FEFF is indistinguishable from a BOM
    decoded = decode(text.encode("utf-8"))
    assert decoded is not None
    assert decoded.text == text
