"""The filters pages show values with, and the search query builder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wiretrace.errors import WiretraceError
from wiretrace.web.auth import read_token
from wiretrace.web.search import fts_query, snippet_pieces
from wiretrace.web.templating import external_href, path_part, when


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("  http://example.org/ ", "http://example.org/"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    (" javascript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("//example.org/x", None),
    ("/relative", None),
    ("https://exa mple.org", None),
    ("http://[::1", None),
    (None, None),
])  # fmt: skip
def test_external_href(url: str | None, expected: str | None) -> None:
    assert external_href(url) == expected


@pytest.mark.parametrize("value, expected", [
    (None, "—"),
    ("2022-01-06", "2022-01-06"),
    ("2022-01-05T18:00:00+06:00", "2022-01-05 18:00 +06:00"),
    ("2022-01-05T18:00:00", "2022-01-05 18:00"),
    ("Earlier (unresolved)", "Earlier (unresolved)"),
])  # fmt: skip
def test_when(value: str | None, expected: str) -> None:
    assert when(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("dozens killed", '"dozens" "killed"'),
    ("Saint-Denis", "\"Saint-Denis\""),
    ('say "hi', '"say" """hi"'),
    ("liquid*", '"liquid"*'),
    ("  ", None),
    ("- : ( )", None),
    ("NEAR(a b)", '"NEAR(a" "b)"'),
])  # fmt: skip
def test_fts_query(text: str, expected: str | None) -> None:
    assert fts_query(text) == expected


@pytest.mark.parametrize("snippet, expected", [
    ("…the [dozens] of…", [("…the ", False), ("dozens", True), (" of…", False)]),
    ("[a] b [c]", [("a", True), (" b ", False), ("c", True)]),
    ("no marks", [("no marks", False)]),
    ("[unclosed", [("unclosed", True)]),
])  # fmt: skip
def test_snippet_pieces(snippet: str, expected: list) -> None:
    assert snippet_pieces(snippet) == expected


def test_path_part_quotes_slashes_and_markup() -> None:
    assert path_part("a/b <c>?#") == "a%2Fb%20%3Cc%3E%3F%23"


@pytest.mark.parametrize("content, ok", [("s3cret-token\n", True), ("", False), ("  \n", False), ("two words", False)])
def test_read_token(tmp_path: Path, content: str, ok: bool) -> None:
    path = tmp_path / "token"
    path.write_text(content)
    if ok:
        assert read_token(path) == content.strip()
    else:
        with pytest.raises(WiretraceError, match="token"):
            read_token(path)


def test_read_token_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WiretraceError, match="cannot read the token file"):
        read_token(tmp_path / "absent")


def test_no_template_or_view_marks_data_safe() -> None:
    web = Path(__file__).resolve().parents[2] / "src" / "wiretrace" / "web"
    for template in (web / "templates").glob("*.html"):
        text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)  # comments aside
        assert not re.search(r"\|\s*safe\b", text), template.name
        assert "autoescape false" not in text, template.name
    for module in web.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "Markup(" not in text and "autoescape=False" not in text, module.name
