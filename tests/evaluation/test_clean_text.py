"""The plain-text cleaner's evaluation harness: the scraped-page generator and both scorers.

The generator is checked on gold texts written here and on a few Dragnet files; the scorers are checked
with oracle and keep-everything stand-ins (their figures are known by construction) and, when the
cleaner exists, with a short run in the ``--json`` shape.
"""

from __future__ import annotations

import gzip
import itertools
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.clean.blocks import Block, Cleaned
from wiretrace.errors import DataError
from wiretrace.evaluation.clean_text import (
    body_text,
    boundary_ok,
    check_data_dir,
    contained_share,
    default_data_dir,
    evaluate_clean,
    evaluate_comments_set,
    evaluate_pages,
    evaluate_text_set,
    justext_on_text,
)
from wiretrace.evaluation.scraped_text import (
    FAMILIES,
    HELDOUT_FAMILIES,
    TUNE_FAMILIES,
    GoldText,
    ScrapedPage,
    decode_gold,
    parse_gold,
    read_dragnet,
    render,
    scraped_pages,
)
from wiretrace.records import Comment, SegmentKind

MARKER = "!@#$%^&*()  COMMENTS"

# A gold text written for these tests: article, marker, comments with the page's own header lines.
HAND_GOLD = f"""Council votes to rebuild the old river bridge

The town council voted on Tuesday evening to rebuild the old river bridge before next winter.

Engineers told the meeting that the steel frame had rusted far beyond repair and would need replacing.

The work is expected to close the road for about four months, the council said in a statement.

{MARKER}

greenthumb March 3, 2012 at 9:15 am

About time, that bridge has been shaking under every lorry for years.

    bridgefan March 3, 2012 at 10:02 am

    Four months of detours will hurt the shops on the east side though.

oldreader

I remember when it was painted blue. Does anyone know who will pay for it?
"""


@pytest.fixture(scope="module")
def hand_gold() -> GoldText:
    return parse_gold("hand.txt", HAND_GOLD)


@pytest.fixture(scope="module")
def dragnet_golds(shared_dir: Path) -> list[GoldText]:
    return read_dragnet(shared_dir / "data" / "extraction" / "dragnet")[:6]


# ---------------------------------------------------------------------------------------------------
# Reading gold files


@pytest.mark.parametrize(
    "marker",
    ["!@#$%^&*()  COMMENTS", "!@#$%^&*() COMMENTS", "!@ $%^&*()  COMMENTS", "!@#$%^&*   COMMENTS"],
)
def test_marker_variants_split_the_gold(marker: str) -> None:
    gold = parse_gold("x", f"A plain article sentence here.\n\n{marker}\n\nA reader wrote this comment.\n")
    assert gold.paragraphs == ("A plain article sentence here.",)
    assert [c.text for c in gold.comments] == ["A reader wrote this comment."]


def test_no_marker_means_no_comments() -> None:
    gold = parse_gold("x", "First paragraph of text.\n\nSecond paragraph of text.\n")
    assert gold.paragraphs == ("First paragraph of text.", "Second paragraph of text.") and gold.comments == ()


def test_comments_keep_headers_apart_and_depth(hand_gold: GoldText) -> None:
    assert [(c.header, c.depth, c.text) for c in hand_gold.comments] == [
        ("greenthumb March 3, 2012 at 9:15 am", 0,
         "About time, that bridge has been shaking under every lorry for years."),
        ("bridgefan March 3, 2012 at 10:02 am", 1,
         "Four months of detours will hurt the shops on the east side though."),
        ("oldreader", 0, "I remember when it was painted blue. Does anyone know who will pay for it?"),
    ]


_LINE = st.text(alphabet=st.sampled_from("abcXYZ019 .,!?'"), min_size=1, max_size=40).filter(
    lambda t: any(c.isalnum() for c in t)
)


@given(article=st.lists(_LINE, min_size=1, max_size=5), comments=st.lists(_LINE, max_size=8))
@settings(max_examples=60, deadline=None)
def test_parse_gold_keeps_every_paragraph_in_order(article: list[str], comments: list[str]) -> None:
    gold = parse_gold("x", "\n\n".join(article) + f"\n\n{MARKER}\n\n" + "\n\n".join(comments))
    assert gold.paragraphs == tuple(line.strip() for line in article)
    parsed = [p for c in gold.comments for p in ((c.header,) if c.header else ()) + c.paragraphs]
    assert parsed == [line.strip() for line in comments]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("café\r\nnext".encode(), "café\nnext"),
        ("café\r\nnext".encode("utf-16"), "café\nnext"),
        ("it’s".encode("cp1252"), "it’s"),
    ],
)
def test_decode_gold(raw: bytes, expected: str) -> None:
    assert decode_gold(raw) == expected


# ---------------------------------------------------------------------------------------------------
# The generator


def test_families_split_three_and_three() -> None:
    assert len(set(FAMILIES)) >= 6
    assert len(TUNE_FAMILIES) == len(HELDOUT_FAMILIES) == 3 and not set(TUNE_FAMILIES) & set(HELDOUT_FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_generator_is_deterministic(hand_gold: GoldText, family: str) -> None:
    assert render(hand_gold, family, seed=3) == render(hand_gold, family, seed=3)
    assert render(hand_gold, family, seed=3).text != render(hand_gold, family, seed=4).text


def _check_record(page: ScrapedPage) -> None:
    """Every article paragraph and comment is where the record says; the comment section starts after
    the article and holds every comment and no article paragraph."""
    gold = page.gold
    assert [page.text[s:e] for s, e in page.article_spans] == list(gold.paragraphs)
    assert [page.text[s:e].split() for s, e in page.comment_spans] == [c.text.split() for c in gold.comments]
    assert page.article_spans[-1][1] <= page.comments_start <= page.comment_spans[0][0]
    comment_section = page.text[page.comments_start :]
    for paragraph in gold.paragraphs:
        assert paragraph in page.text[: page.comments_start]
    for comment in gold.comments:
        assert all(p in comment_section for p in comment.paragraphs)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_keeps_article_and_comments(hand_gold: GoldText, family: str) -> None:
    _check_record(render(hand_gold, family))


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_on_dragnet_files(dragnet_golds: list[GoldText], family: str) -> None:
    for gold in dragnet_golds:
        _check_record(render(gold, family))


@pytest.mark.parametrize(
    "family, furniture",
    [
        ("wordpress", "Leave a Reply"),
        ("disqus", "Sort by Best"),
        ("numbered", "1. About time"),
        ("facebook", "Like · Reply · "),
        ("forum", "| Permalink | Report"),
        ("newspaper", "| Oldest | Most recommended"),
    ],
)
def test_family_furniture(hand_gold: GoldText, family: str, furniture: str) -> None:
    assert furniture in render(hand_gold, family).text


def test_pages_spread_over_all_families(dragnet_golds: list[GoldText]) -> None:
    pages = scraped_pages(dragnet_golds)
    assert sorted(p.family for p in pages) == sorted(FAMILIES[: len(dragnet_golds)])
    assert [p.text for p in pages] == [p.text for p in scraped_pages(reversed(dragnet_golds))]


# ---------------------------------------------------------------------------------------------------
# Scoring pieces


@pytest.mark.parametrize(
    "text, target, expected",
    [
        ("one two three four five", "zero one two three four five six", 1.0),
        ("one two three four five", "one two three four", 0.5),
        ("Keep dreaming!", "so keep dreaming friends", 0.0),
        ("Keep dreaming!", "so Keep dreaming friends", 1.0),
        ("", "anything", 1.0),
    ],
)
def test_contained_share(text: str, target: str, expected: float) -> None:
    assert contained_share(text, target) == expected


LAST = "The work is expected to close the road for about four months, the council said in a statement."
FIRST = "About time, that bridge has been shaking under every lorry for years."


@pytest.mark.parametrize(
    "body, comments, expected",
    [
        (LAST, FIRST, True),
        (LAST, "", True),  # comments dropped as boilerplate: the split itself is still right
        (f"{LAST}\n{FIRST}", "", False),  # the first comment leaked into the body
        ("", FIRST, False),  # the last paragraph is missing from the body
        (LAST, f"{LAST}\n{FIRST}", False),  # the last paragraph went to the comments too
    ],
)
def test_boundary_ok(hand_gold: GoldText, body: str, comments: str, expected: bool) -> None:
    assert boundary_ok(render(hand_gold, "wordpress"), body, comments) is expected


def test_body_text_keeps_body_kinds_only() -> None:
    cleaned = Cleaned(
        (Block(SegmentKind.TITLE, "T"), Block(SegmentKind.STANDFIRST, "S"), Block(SegmentKind.CAPTION, "C"),
         Block(SegmentKind.BODY, "B"), Block(SegmentKind.HEADING, "H"))
    )
    assert body_text(cleaned) == "S\n\nB\n\nH"


def test_justext_keeps_prose_and_drops_menus() -> None:
    # justext keeps a lone paragraph only when it is long (over 200 characters) and full of stopwords
    prose = ("The council said on Tuesday that the bridge would be closed for the whole of the winter "
             "because the engineers who looked at it found that the frame was in a much worse state than")
    prose += " they had thought it was when they last came."
    kept = justext_on_text(f"Home | News | Contact\n{prose}\nShare on Facebook")
    assert prose in kept and "Home" not in kept and "Facebook" not in kept


# ---------------------------------------------------------------------------------------------------
# Whole runs


def _oracle(pages: list[ScrapedPage]):
    """A cleaner that knows the generator's record: the exact gold body and comments."""
    by_text = {p.text: p for p in pages}

    def clean(text: str) -> Cleaned:
        page = by_text[text]
        blocks = tuple(Block(SegmentKind.BODY, text[s:e], s, e) for s, e in page.article_spans)
        return Cleaned(blocks, tuple(Comment(text[s:e]) for s, e in page.comment_spans))

    return clean


def test_oracle_and_keep_everything_bound_the_scores(dragnet_golds: list[GoldText]) -> None:
    pages = scraped_pages(dragnet_golds)
    results = evaluate_pages(pages, _oracle(pages))
    oracle, everything = results["wiretrace"].details, results["keep-everything"].details
    for group in ("tune", "heldout"):
        assert oracle[group]["f1"] == 1.0 and oracle[group]["boundary_accuracy"] == 1.0
        # a little leak remains: comments quote the article, so a few shingles are in both
        assert oracle[group]["comment_recall"] == 1.0 and oracle[group]["comment_leak"] < 0.05
        # recall just under 1: an inserted caption breaks the shingles that cross its two paragraphs
        assert everything[group]["boundary_accuracy"] == 0.0 and everything[group]["recall"] > 0.99
        assert everything[group]["precision"] < 1.0
    assert set(oracle["families"]) == set(FAMILIES)


@pytest.fixture(scope="module")
def small_dragnet(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five Dragnet files with comments in a folder of the same format (as ``--data`` would get)."""
    source = shared_dir / "data" / "extraction" / "dragnet" / "gold"
    folder = tmp_path_factory.mktemp("dragnet")
    (folder / "gold").mkdir()
    paths = sorted(source.glob("*.txt"))
    with_comments = (p for p in paths if parse_gold(p.name, decode_gold(p.read_bytes())).comments)
    for path in itertools.islice(with_comments, 5):
        shutil.copy(path, folder / "gold" / path.name)
    return folder


def _assert_json_shape(report: dict, task: str, systems: set[str], n: int) -> None:
    assert report["task"] == task and report["n"] == n and set(report["results"]) == systems
    for score in report["results"].values():
        assert set(score) == {"precision", "recall", "f1", "details"}
        assert all(0.0 <= score[k] <= 1.0 for k in ("precision", "recall", "f1"))
    json.dumps(report)


def _keep_paragraphs(text: str) -> Cleaned:
    return Cleaned(tuple(Block(SegmentKind.BODY, p) for p in text.split("\n\n") if len(p) > 80))


def test_text_set_harness_with_stand_in(small_scrapinghub: Path) -> None:
    report = evaluate_text_set(small_scrapinghub, cleaner=_keep_paragraphs).as_dict()
    _assert_json_shape(report, "clean-text", {"wiretrace", "keep-everything", "justext"}, 5)
    assert report["results"]["keep-everything"]["recall"] > 0.9


def test_comments_set_harness_with_stand_in(small_dragnet: Path) -> None:
    report = evaluate_comments_set(small_dragnet, cleaner=_keep_paragraphs).as_dict()
    _assert_json_shape(report, "clean-comments", {"wiretrace", "keep-everything"}, 5)
    details = report["results"]["wiretrace"]["details"]
    assert {"tune", "heldout", "families"} <= set(details)
    assert report["results"]["wiretrace"]["f1"] == details["heldout"]["f1"]


def test_both_sets_with_the_cleaner(small_scrapinghub: Path, small_dragnet: Path) -> None:
    pytest.importorskip("wiretrace.clean.text", reason="the plain-text cleaner is not written yet")
    _assert_json_shape(evaluate_clean("text", small_scrapinghub).as_dict(), "clean-text",
                       {"wiretrace", "keep-everything", "justext"}, 5)
    _assert_json_shape(evaluate_clean("comments", small_dragnet).as_dict(), "clean-comments",
                       {"wiretrace", "keep-everything"}, 5)


# ---------------------------------------------------------------------------------------------------
# Data folders


@pytest.mark.parametrize("set_name", ["text", "comments", "html"])
def test_missing_folder_is_a_data_error(tmp_path: Path, set_name: str) -> None:
    with pytest.raises(DataError, match="no such folder.*--data"):
        evaluate_clean(set_name, tmp_path / "absent")


@pytest.mark.parametrize("set_name, expected", [("text", "ground-truth.json"), ("comments", "gold/")])
def test_folder_without_the_files_is_a_data_error(tmp_path: Path, set_name: str, expected: str) -> None:
    with pytest.raises(DataError, match=expected):
        check_data_dir(set_name, tmp_path)


def test_unknown_set_is_a_data_error() -> None:
    with pytest.raises(DataError, match="unknown evaluation set"):
        default_data_dir("pdf")


def test_default_data_dirs_resolve_beside_the_repo(shared_dir: Path) -> None:
    assert default_data_dir("text") == shared_dir / "data" / "extraction" / "scrapinghub"
    assert default_data_dir("comments") == shared_dir / "data" / "extraction" / "dragnet"


def test_gzip_page_is_read_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    page = "<html><body><p>Prose with an accent: café society meets at noon.</p><p>Menu</p></body></html>"
    (tmp_path / "html" / "a.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"a": {"articleBody": "Prose with an accent: café "
                                                                   "society meets at noon."}}))
    report = evaluate_text_set(tmp_path, cleaner=_keep_paragraphs)
    assert report.n == 1 and report.results["keep-everything"].recall == 1.0
