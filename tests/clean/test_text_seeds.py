"""The plain-text cleaner on the two seed reports, checked against ``seeds/expected.json`` read at test time.

Nothing of the gold is copied here: titles, boilerplate lines, captions, comment starts, word counts and
the claim evidence that must survive in the body all come from the JSON beside the seeds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiretrace.clean.blocks import Cleaned
from wiretrace.clean.text import clean_text
from wiretrace.records import SegmentKind

SEEDS = ("000_", "004_")
BODY = (SegmentKind.STANDFIRST, SegmentKind.BODY)


@pytest.fixture(scope="module")
def expected(seeds_dir: Path) -> dict:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="module", params=SEEDS)
def seed(request: pytest.FixtureRequest, seeds_dir: Path, expected: dict) -> tuple[str, dict, Cleaned]:
    name = next(n for n in expected if n.startswith(request.param))
    text = (seeds_dir / name).read_text(encoding="utf-8")
    return text, expected[name], clean_text(text)


def _texts(cleaned: Cleaned, *kinds: SegmentKind) -> list[str]:
    return [b.text for b in cleaned.blocks if b.kind in kinds]


def test_title(seed: tuple[str, dict, Cleaned]) -> None:
    _, gold, cleaned = seed
    assert _texts(cleaned, SegmentKind.TITLE) == [gold["title"]]


def test_standfirst(seeds_dir: Path, expected: dict) -> None:
    with_standfirst = {name: gold for name, gold in expected.items() if "standfirst" in gold}
    assert with_standfirst, "the gold names no standfirst at all: nothing would be checked"
    for name, gold in with_standfirst.items():
        cleaned = clean_text((seeds_dir / name).read_text(encoding="utf-8"))
        assert _texts(cleaned, SegmentKind.STANDFIRST) == [gold["standfirst"]], name


def test_boilerplate_dropped_and_recorded(seed: tuple[str, dict, Cleaned]) -> None:
    _, gold, cleaned = seed
    kept = [b.text for b in cleaned.blocks] + [c.text for c in cleaned.comments]
    for line in gold["boilerplate_removed"]:
        assert line in cleaned.boilerplate
        assert not any(line in text for text in kept), line
    assert len(set(cleaned.boilerplate)) == len(cleaned.boilerplate)


def test_structure_and_provenance_lines(seed: tuple[str, dict, Cleaned]) -> None:
    _, gold, cleaned = seed
    assert _texts(cleaned, SegmentKind.HEADING) == gold["structure_lines"]
    assert _texts(cleaned, SegmentKind.PROVENANCE) == gold["provenance_lines"]


def test_captions_once_with_credit(seed: tuple[str, dict, Cleaned]) -> None:
    _, gold, cleaned = seed
    captions = [(b.text, b.credit) for b in cleaned.blocks if b.kind is SegmentKind.CAPTION]
    assert captions == [(c["text"], c["credit"]) for c in gold["captions"]]
    body = " ".join(_texts(cleaned, *BODY, SegmentKind.TITLE, SegmentKind.HEADING))
    for caption in gold["captions"]:
        assert caption["credit"] not in body


def test_comments(seed: tuple[str, dict, Cleaned]) -> None:
    _, gold, cleaned = seed
    assert len(cleaned.comments) == len(gold["comments"])
    for found, want in zip(cleaned.comments, gold["comments"], strict=True):
        assert found.text[:40] == want["text_start"]
        assert found.reply_to == want["reply_to"]
        assert found.likes == want["likes"]
        assert found.author == want["author"]
        assert found.posted == want["posted"]


def test_comments_never_in_body(seed: tuple[str, dict, Cleaned]) -> None:
    _, gold, cleaned = seed
    body = "\n".join(b.text for b in cleaned.blocks)
    for comment in gold["comments"]:
        assert comment["text_start"] not in body


def test_body_complete(seed: tuple[str, dict, Cleaned]) -> None:
    _, gold, cleaned = seed
    body = _texts(cleaned, *BODY)
    assert sum(len(text.split()) for text in body) == gold["body_words"]
    joined = "\n".join(body)
    for claim in gold["claims"]:
        if claim.get("where") in (None, "standfirst"):
            assert claim["evidence"] in joined, claim["id"]


def test_blocks_point_into_the_input(seed: tuple[str, dict, Cleaned]) -> None:
    text, _, cleaned = seed
    for block in cleaned.blocks:
        assert text[block.source_start : block.source_end] == block.text


def test_provenance_fields(seed: tuple[str, dict, Cleaned]) -> None:
    _, gold, cleaned = seed
    outlet = None if gold["outlet"] == "unknown outlet" else gold["outlet"]
    assert cleaned.outlet == outlet
    assert cleaned.is_repost is gold["is_repost"]
    if gold["host"] is None:
        assert cleaned.host is None
    else:
        assert cleaned.host is not None
        assert "blog" in cleaned.host and "blog" in gold["host"]
        assert cleaned.host.split()[1].lower() in gold["host"].lower()  # "WordPress"
