"""``wiretrace eval clean-html``: article-body extraction on the ScrapingHub benchmark, beside two peers.

Three systems run on the same pages in the same command and are scored with the benchmark's own metric
(``metrics.shingle_counts`` / ``macro_shingle_prf``):

- ``wiretrace``: ``clean_html``; the body is every STANDFIRST, HEADING and BODY block joined by newlines
  (a page it rejects scores as an empty prediction);
- ``trafilatura``: plain ``trafilatura.extract(html)`` with its defaults;
- ``justext``: jusText with the English stoplist, the non-boilerplate paragraphs joined by newlines.

The data folder holds ``ground-truth.json`` (id -> {"articleBody": ...}) and ``html/<id>.html.gz``
(gzip, utf-8), as in the benchmark's repository.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import justext
import trafilatura

from wiretrace.clean.html import clean_html
from wiretrace.errors import DataError, InputError
from wiretrace.evaluation.data import shared_data_dir
from wiretrace.evaluation.metrics import macro_shingle_prf, shingle_counts
from wiretrace.evaluation.report import EvalReport, SystemScore
from wiretrace.records import SegmentKind

TASK = "clean-html"
DEFAULT_DATA_DIR = shared_data_dir("extraction", "scrapinghub")
BODY_KINDS = (SegmentKind.STANDFIRST, SegmentKind.HEADING, SegmentKind.BODY)
_EXPECTED = "ground-truth.json and html/<id>.html.gz (the ScrapingHub article-extraction-benchmark layout)"


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    html: str
    gold: str


def evaluate_html_set(data_dir: Path | None = None, *, limit: int | None = None) -> EvalReport:
    """Score wiretrace, trafilatura and jusText on the pages of ``data_dir`` (the first ``limit`` ids).

    Raises:
        DataError: the folder, its ground truth or one of its pages is missing or unreadable.
    """
    pages = load_pages(data_dir or DEFAULT_DATA_DIR, limit=limit)
    results = {name: score_system(pages, extract) for name, extract in SYSTEMS.items()}
    return EvalReport(task=TASK, n=len(pages), results=results)


def load_pages(data_dir: Path, *, limit: int | None = None) -> list[Page]:
    """The benchmark's pages with their gold bodies, in id order."""
    truth_path = data_dir / "ground-truth.json"
    if not truth_path.is_file():
        raise DataError(f"{data_dir}: no ground-truth.json here; expected {_EXPECTED}; pass --data DIR")
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise DataError(f"{truth_path}: cannot read the ground truth ({err}); expected {_EXPECTED}") from err
    ids = sorted(truth)[:limit]
    missing = [i for i in ids if not (data_dir / "html" / f"{i}.html.gz").is_file()]
    if missing:
        raise DataError(
            f"{data_dir / 'html'}: {len(missing)} page(s) missing, e.g. {missing[0]}.html.gz; "
            f"expected {_EXPECTED}; pass --data DIR"
        )
    return [Page(i, _read_page(data_dir / "html" / f"{i}.html.gz"), truth[i].get("articleBody") or "") for i in ids]


def _read_page(path: Path) -> str:
    try:
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise DataError(f"{path}: not a gzip-compressed utf-8 page ({err})") from err


def score_system(pages: list[Page], extract: Callable[[str], str]) -> SystemScore:
    """Macro shingle P/R/F1 of one system over the pages; details say how many pages gave no text."""
    predictions = [extract(page.html) for page in pages]
    prf = macro_shingle_prf(shingle_counts(p.gold, text) for p, text in zip(pages, predictions, strict=True))
    empty = sum(1 for text in predictions if not text.strip())
    return SystemScore(prf.precision, prf.recall, prf.f1, details={"pages": len(pages), "empty": empty})


def wiretrace_body(html: str) -> str:
    try:
        cleaned = clean_html(html)
    except InputError:
        return ""
    return "\n".join(block.text for block in cleaned.blocks if block.kind in BODY_KINDS)


def trafilatura_body(html: str) -> str:
    return trafilatura.extract(html) or ""


def justext_body(html: str) -> str:
    return "\n".join(_justext_paragraphs(html))


def _justext_paragraphs(html: str) -> Iterator[str]:
    try:
        paragraphs = justext.justext(html, justext.get_stoplist("English"))
    except Exception:  # noqa: BLE001 -- a peer failing on one page scores that page as empty, as in the benchmark
        return
    yield from (p.text for p in paragraphs if not p.is_boilerplate)


SYSTEMS: dict[str, Callable[[str], str]] = {
    "wiretrace": wiretrace_body,
    "trafilatura": trafilatura_body,
    "justext": justext_body,
}
