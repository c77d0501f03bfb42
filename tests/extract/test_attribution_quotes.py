"""Finding quotations: pairing marks per paragraph, and stray marks that fail only themselves."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiretrace.extract.attribution_quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text).quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "no" twice.', ['"no"']),
        ("“Yes,” she said, “at once.”", ["“Yes,”", "“at once.”"]),
        ("''We are ready,'' the coach said.", ["''We are ready,''"]),
        ("«Enough» was the answer.", ["«Enough»"]),
        # a quotation over two sentences
        ("“The dam held. The town is safe,” he said.", ["“The dam held. The town is safe,”"]),
        # a quotation over paragraphs: the first left open, the next reopened
        ("“First part of it.\n\n“Second part.” Done.", ["“First part of it.", "“Second part.”"]),
        # an apostrophe is not a quotation mark
        ("The mayor's office said it's fine.", []),
    ],
)
def test_quotes(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text, expected, defects",
    [
        # a stray opening mark mid-paragraph is dropped, the next paragraph is read as usual
        ('He said "we will.\n\nShe said "fine" later.', ['"fine"'], 1),
        # a closing mark with no opening one
        ("It ended” and “then this” came.", ["“then this”"], 1),
        # a second opening mark before the first was closed
        ("“One and “two” three.", ["“two”"], 1),
    ],
)
def test_stray_marks_fail_locally(text, expected, defects):
    scan = find_quotes(text)
    assert [text[q.start : q.end] for q in scan.quotes] == expected
    assert len(scan.defects) == defects


@given(st.text(alphabet=st.sampled_from(list('ab .,\n"“”\'«»')), max_size=80))
def test_any_text_gives_ordered_disjoint_quotes(text):
    scan = find_quotes(text)
    previous_end = 0
    for quote in scan.quotes:
        assert previous_end <= quote.start < quote.end <= len(text)
        assert "\n" not in text[quote.start : quote.end]
        previous_end = quote.end
