"""Cutting article text into highlighted pieces: boundaries, nesting, overlap, clipping."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiretrace.records import Article, ChainLink, Claim, Segment, SegmentKind
from wiretrace.web.highlight import anchor, blocks, pieces, sentence_block

TEXT = "Police said dozens were killed. Witnesses disagree."


def claim(cid: str, start: int, end: int, factuality: str = "asserted") -> Claim:
    return Claim(cid, "doc", start, end, TEXT[start:end], "indirect", "police",
                 (ChainLink("police", None, "official"),), factuality)  # fmt: skip


def shown(cut) -> list[tuple[str, tuple[str, ...]]]:
    return [(p.text, p.claims) for p in cut]


@pytest.mark.parametrize("spans, expected", [
    ([], [(TEXT, ())]),
    ([("a", 12, 30)], [("Police said ", ()), ("dozens were killed", ("a",)), (". Witnesses disagree.", ())]),
    ([("a", 0, 31), ("b", 12, 30)], [("Police said ", ("a",)), ("dozens were killed", ("b", "a")), (".", ("a",)),
                                     (" Witnesses disagree.", ())]),
    ([("a", 0, 20), ("b", 12, 40)], [("Police said ", ("a",)), ("dozens w", ("a", "b")),
                                     ("ere killed. Witnesse", ("b",)), ("s disagree.", ())]),
    ([("a", -5, 6), ("b", 45, 999)], [("Police", ("a",)), (" said dozens were killed. Witnesses dis", ()),
                                      ("agree.", ("b",))]),
    ([("a", 10, 10)], [(TEXT, ())]),
])  # fmt: skip
def test_pieces(spans, expected) -> None:
    assert shown(pieces(TEXT, 0, len(TEXT), [claim(c, s, e) for c, s, e in spans])) == expected


def test_piece_marks_where_each_claim_starts_and_its_innermost_factuality() -> None:
    cut = pieces(TEXT, 0, len(TEXT), [claim("a", 0, 31, "hedged"), claim("b", 12, 30, "denied")])
    assert [p.starts for p in cut] == [("a",), ("b",), (), ()]
    assert [p.factuality for p in cut] == ["hedged", "denied", "hedged", None]


@given(st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=6), st.integers(0, 25), st.integers(25, 60))
def test_pieces_always_rebuild_the_text(spans, start, end) -> None:
    claims = [claim(f"c{i}", a, b) for i, (a, b) in enumerate(spans)]
    assert "".join(p.text for p in pieces(TEXT, start, end, claims)) == TEXT[start:end]


def test_blocks_follow_segments_and_sentence_block_marks_one_claim() -> None:
    article = Article("doc", TEXT, (Segment(SegmentKind.TITLE, 0, 31), Segment(SegmentKind.BODY, 32, len(TEXT))))
    first, second = claim("a", 12, 30), claim("b", 32, 41)
    assert [(b.kind, "".join(p.text for p in b.pieces)) for b in blocks(article, [first, second])] == [
        ("title", TEXT[:31]), ("body", TEXT[32:])]
    block = sentence_block(article, second)
    assert block.kind == "body" and [p.claims for p in block.pieces] == [("b",), ()]


@pytest.mark.parametrize("claim_id, expected", [
    ("075c0c0b0a7cf21a#17", "claim-075c0c0b0a7cf21a-17"),
    ('x"><script>#1', "claim-x---script--1"),
])  # fmt: skip
def test_anchor(claim_id: str, expected: str) -> None:
    assert anchor(claim_id) == expected
