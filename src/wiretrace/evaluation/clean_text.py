"""``wiretrace eval clean --set text|comments``: score the plain-text cleaner.

``text``: the ScrapingHub benchmark pages turned into the plain text a naive scraper gives (every visible
string in order, rendered by inscriptis, not by our code), scored against the same gold ``articleBody``
with the benchmark's shingle metric. Three systems read the same text: ``wiretrace`` (the body blocks of
``clean_text``), ``keep-everything`` (the whole text) and ``justext`` (each line given to justext as a
paragraph, English stoplist, non-boilerplate paragraphs kept).

``comments``: Dragnet gold texts with comments, rebuilt as scraped-looking text by
``wiretrace.evaluation.scraped_text`` in six layout families; three are for tuning and three are held
out and reported apart. Two figures per group:

* body F1: the shingle metric of the predicted body against the gold article part;
* boundary accuracy: the share of pages whose body/comment split is right. A page's split is right when
  its *last article paragraph* is in the predicted body and not in the predicted comments, and its
  *first comment* is not in the predicted body. A text is "in" a prediction when at least half of its
  4-gram shingles (multiset) occur there (a text of fewer than 4 tokens: when its tokens occur there in
  a row). The probes are the last article paragraph and the first comment that are not also "in" the
  other side of the gold (comments quote the article; a few gold files repeat a paragraph on both
  sides), preferring ones of at least 8 tokens, so neither a one-word "Thanks!" nor a quotation decides
  a page. Pages where the gold has no such paragraph or comment (3 of the 299 development texts) are
  left out of boundary accuracy; ``boundary_n`` gives how many pages it is computed on.
  ``keep-everything`` (body = the whole page) always has the first comment in its body, so its boundary
  accuracy is 0 by construction: it is the floor.

Tuning and held-out families are reported apart in ``details`` (``tune``, ``heldout``, and each family
under ``families``); the headline P/R/F1 are the held-out families' body figures.

Details also give ``comment_recall`` (mean share of gold comment shingles found in the predicted comments)
and ``comment_leak`` (mean share of gold comment shingles that ended up in the predicted body).
"""

from __future__ import annotations

import functools
import html
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wiretrace.errors import DataError, WiretraceError
from wiretrace.evaluation.data import shared_data_dir
from wiretrace.evaluation.metrics import PRF, macro_shingle_prf, shingle_counts
from wiretrace.evaluation.report import EvalReport, SystemScore
from wiretrace.evaluation.scraped_text import (
    FAMILIES,
    HELDOUT_FAMILIES,
    TUNE_FAMILIES,
    ScrapedPage,
    read_dragnet,
    scraped_pages,
)
from wiretrace.records import SegmentKind

if TYPE_CHECKING:
    from wiretrace.clean.blocks import Cleaned

SETS: dict[str, str] = {"html": "scrapinghub", "text": "scrapinghub", "comments": "dragnet"}
BODY_KINDS = frozenset({SegmentKind.STANDFIRST, SegmentKind.BODY, SegmentKind.HEADING})
PROBE_TOKENS = 8
_TOKEN = re.compile(r"\w+", re.UNICODE)  # the tokens of the shingle metric in ``metrics``
CONTAINED = 0.5

Cleaner = Callable[[str], "Cleaned"]


# ---------------------------------------------------------------------------------------------------
# Data folders


def _known(set_name: str) -> None:
    if set_name not in SETS:
        raise DataError(f"unknown evaluation set {set_name!r}: choose one of {', '.join(SETS)}")


def default_data_dir(set_name: str) -> Path:
    """``../shared/data/extraction/<folder>`` beside the repository, checked; ``DataError`` if unusable."""
    _known(set_name)
    return check_data_dir(set_name, shared_data_dir("extraction", SETS[set_name]))


def check_data_dir(set_name: str, data_dir: Path) -> Path:
    """Return ``data_dir`` if it holds the files of ``set_name``'s format, else raise ``DataError``."""
    _known(set_name)
    if SETS.get(set_name) == "dragnet":
        expected = "gold/<name>.txt files (article, then '!@#$%^&*()  COMMENTS' and the comments)"
        ok = any((data_dir / "gold").glob("*.txt"))
    else:
        expected = "ground-truth.json (articleBody per id) and html/<id>.html.gz"
        ok = (data_dir / "ground-truth.json").is_file() and any((data_dir / "html").glob("*.html.gz"))
    if not data_dir.is_dir():
        raise DataError(f"{data_dir}: no such folder; expected {expected}; give the folder with --data")
    if not ok:
        raise DataError(f"{data_dir}: not a {SETS[set_name]} folder, expected {expected}; give one with --data")
    return data_dir


# ---------------------------------------------------------------------------------------------------
# Systems


def naive_text(page_html: str) -> str:
    """What a naive scraper gives: all visible text in order, rendered by inscriptis."""
    from inscriptis import get_text

    return get_text(page_html)


def _default_cleaner() -> Cleaner:
    from wiretrace.clean.text import clean_text  # lazy: the cleaner is built beside this harness

    return clean_text


def _clean_or_empty(cleaner: Cleaner, text: str) -> Cleaned | None:
    """The cleaner's verdict; ``None`` when it rejects the text on purpose (scored as an empty body and
    counted as ``rejected`` in the details); any other exception is a bug and propagates."""
    try:
        return cleaner(text)
    except WiretraceError:
        return None


def body_text(cleaned: Cleaned | None) -> str:
    """The predicted body: the body, standfirst and heading blocks joined by blank lines."""
    if cleaned is None:
        return ""
    return "\n\n".join(block.text for block in cleaned.blocks if block.kind in BODY_KINDS)


def comments_text(cleaned: Cleaned | None) -> str:
    return "" if cleaned is None else "\n\n".join(comment.text for comment in cleaned.comments)


def justext_on_text(text: str) -> str:
    """justext wants HTML: each non-empty line becomes an escaped ``<p>``; keep what it calls good."""
    import justext

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    paragraphs = justext.justext(page, justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _score(pages: Sequence[tuple[float, float, float]], details: dict) -> SystemScore:
    prf = macro_shingle_prf(pages)
    return SystemScore(prf.precision, prf.recall, prf.f1, {"n": len(pages), **details})


# ---------------------------------------------------------------------------------------------------
# The text set


def evaluate_text_set(data_dir: Path, *, cleaner: Cleaner | None = None, limit: int | None = None) -> EvalReport:
    """Body shingle P/R/F1 on the benchmark pages rendered as naive plain text (task ``clean-text``)."""
    from wiretrace.evaluation.clean_html import load_pages  # the same pages and gold as the html set

    clean = cleaner or _default_cleaner()
    counts: dict[str, list[tuple[float, float, float]]] = {"wiretrace": [], "keep-everything": [], "justext": []}
    pages = load_pages(check_data_dir("text", data_dir), limit=limit)
    rejected = 0
    for page in pages:
        text = naive_text(page.html)
        cleaned = _clean_or_empty(clean, text)
        rejected += cleaned is None
        counts["wiretrace"].append(shingle_counts(page.gold, body_text(cleaned)))
        counts["keep-everything"].append(shingle_counts(page.gold, text))
        counts["justext"].append(shingle_counts(page.gold, justext_on_text(text)))
    results = {name: _score(page_counts, {"renderer": "inscriptis"}) for name, page_counts in counts.items()}
    results["wiretrace"].details["rejected"] = rejected
    return EvalReport("clean-text", len(pages), results)


# ---------------------------------------------------------------------------------------------------
# The comments set


@dataclass(frozen=True, slots=True)
class PageScore:
    """One generated page scored for one system."""

    family: str
    counts: tuple[float, float, float]
    boundary_ok: bool | None  # None: the gold page cannot decide (see the module docstring)
    comment_recall: float
    comment_leak: float


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens)


def contained_share(text: str, target: str) -> float:
    """Share of ``text``'s 4-gram shingles (multiset) that occur in ``target``; a text of fewer than four
    tokens counts 1.0 when its tokens occur in a row in ``target``, else 0.0 (empty text: 1.0)."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return 1.0
    target_tokens, target_shingles = _target(target)
    if len(tokens) < 4:
        return float(f" {' '.join(tokens)} " in target_tokens)
    own = _shingles(text)
    return sum((own & target_shingles).values()) / sum(own.values())


@functools.lru_cache(maxsize=64)
def _target(text: str) -> tuple[str, Counter[tuple[str, ...]]]:
    """A prediction or gold side, prepared once: its tokens spaced out, and its shingles (not mutated)."""
    return f" {' '.join(_TOKEN.findall(text))} ", _shingles(text)


def _probe(texts: Sequence[str], other: str, *, last: bool) -> str | None:
    """The first (or last) text that the other side of the gold does not also hold (comments quote
    articles; a few gold files repeat text on both sides), preferring one of at least 8 tokens."""
    ordered = list(reversed(texts)) if last else list(texts)
    usable = [t for t in ordered if contained_share(t, other) < CONTAINED]
    return next((t for t in usable if len(_TOKEN.findall(t)) >= PROBE_TOKENS), usable[0] if usable else None)


def boundary_ok(page: ScrapedPage, body: str, comments: str) -> bool | None:
    """The split is right: last article paragraph in the body and not in comments; first comment not in
    body. ``None`` when the gold itself has no paragraph or comment that only one side holds."""
    gold_comments = [c.text for c in page.gold.comments]
    last_paragraph = _probe(page.gold.paragraphs, "\n\n".join(gold_comments), last=True)
    first_comment = _probe(gold_comments, page.gold.article, last=False)
    if last_paragraph is None or first_comment is None:
        return None
    return (
        contained_share(last_paragraph, body) >= CONTAINED
        and contained_share(last_paragraph, comments) < CONTAINED
        and contained_share(first_comment, body) < CONTAINED
    )


def score_page(page: ScrapedPage, body: str, comments: str) -> PageScore:
    gold_comments = "\n\n".join(c.text for c in page.gold.comments)
    return PageScore(
        page.family,
        shingle_counts(page.gold.article, body),
        boundary_ok(page, body, comments),
        contained_share(gold_comments, comments),
        contained_share(gold_comments, body),
    )


def _group(scores: Sequence[PageScore]) -> dict[str, float | int]:
    prf: PRF = macro_shingle_prf(s.counts for s in scores)
    mean = statistics.fmean
    decided = [s.boundary_ok for s in scores if s.boundary_ok is not None]
    return {
        "n": len(scores),
        **prf.as_dict(),
        "boundary_accuracy": round(mean(decided), 4) if decided else 0.0,
        "boundary_n": len(decided),
        "comment_recall": round(mean(s.comment_recall for s in scores), 4) if scores else 0.0,
        "comment_leak": round(mean(s.comment_leak for s in scores), 4) if scores else 0.0,
    }


def _system_score(scores: Sequence[PageScore]) -> SystemScore:
    tune = [s for s in scores if s.family in TUNE_FAMILIES]
    heldout = [s for s in scores if s.family in HELDOUT_FAMILIES]
    headline = macro_shingle_prf(s.counts for s in heldout)
    details = {
        "headline": "held-out families: body F1",
        "tune": {"families": list(TUNE_FAMILIES), **_group(tune)},
        "heldout": {"families": list(HELDOUT_FAMILIES), **_group(heldout)},
        "families": {f: _group([s for s in scores if s.family == f]) for f in FAMILIES},
    }
    return SystemScore(headline.precision, headline.recall, headline.f1, details)


def evaluate_pages(pages: Sequence[ScrapedPage], cleaner: Cleaner) -> dict[str, SystemScore]:
    """Score ``wiretrace`` and ``keep-everything`` on already generated pages."""
    ours: list[PageScore] = []
    everything: list[PageScore] = []
    rejected = 0
    for page in pages:
        cleaned = _clean_or_empty(cleaner, page.text)
        rejected += cleaned is None
        ours.append(score_page(page, body_text(cleaned), comments_text(cleaned)))
        everything.append(score_page(page, page.text, ""))
    results = {"wiretrace": _system_score(ours), "keep-everything": _system_score(everything)}
    results["wiretrace"].details["rejected"] = rejected
    return results


def evaluate_comments_set(
    data_dir: Path, *, cleaner: Cleaner | None = None, seed: int = 0, limit: int | None = None
) -> EvalReport:
    """Body F1 and body/comment boundary accuracy on generated scraped pages (task ``clean-comments``)."""
    check_data_dir("comments", data_dir)
    golds = read_dragnet(data_dir)[:limit]
    if not golds:
        raise DataError(f"{data_dir / 'gold'}: no gold text has comments after the COMMENTS marker")
    pages = scraped_pages(golds, seed=seed)
    return EvalReport("clean-comments", len(pages), evaluate_pages(pages, cleaner or _default_cleaner()))


# ---------------------------------------------------------------------------------------------------
# Dispatch for the CLI


def evaluate_clean(set_name: str, data_dir: Path | None = None) -> EvalReport:
    """``wiretrace eval clean --set html|text|comments [--data DIR]``."""
    folder = check_data_dir(set_name, data_dir) if data_dir is not None else default_data_dir(set_name)
    if set_name == "html":
        from wiretrace.evaluation.clean_html import evaluate_html_set

        return evaluate_html_set(folder)
    if set_name == "text":
        return evaluate_text_set(folder)
    return evaluate_comments_set(folder)
