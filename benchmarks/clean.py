"""Throughput of the clean stage, as a ratio to trafilatura's own ``extract`` timed in the same run.

    python benchmarks/clean.py [--data DIR] [--repeat N]

Stages, all over the ScrapingHub benchmark pages (``../shared/data/extraction/scrapinghub`` by default):

- ``trafilatura.extract``: the reference, plain ``extract(html)``;
- ``clean_html``: wiretrace's HTML cleaner (trafilatura with metadata, comments, htmldate, our safety);
- ``clean_text``: wiretrace's plain-text cleaner on the same pages rendered to text with
  ``inscriptis.get_text`` beforehand (the rendering is not timed).

Each stage runs over all pages ``--repeat`` times, the stages in turn; the best run counts. The last column is the stage's
time divided by trafilatura's (2.0 = half trafilatura's speed), a figure that survives a busy machine.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from _common import best_of_interleaved, machine_line, markdown_table

from wiretrace.errors import DataError, InputError
from wiretrace.evaluation.clean_html import DEFAULT_DATA_DIR, load_pages

Stage = tuple[str, Callable[[str], object], list[str]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="the scrapinghub folder")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the fastest counts")
    args = parser.parse_args(argv)
    try:
        html = [page.html for page in load_pages(args.data)]
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    stages, notes = build_stages(html)
    rows, rejected = measure(stages, args.repeat)
    print(markdown_table(["stage", "docs", "seconds", "docs/s", "time / trafilatura time"], rows))
    print()
    print(machine_line())
    for note in notes + rejected:
        print(note)
    return 0


def build_stages(html: list[str]) -> tuple[list[Stage], list[str]]:
    """The stages to time (trafilatura first) and notes on any stage that could not run."""
    import trafilatura

    from wiretrace.clean.html import clean_html

    stages: list[Stage] = [
        ("trafilatura.extract", trafilatura.extract, html),
        ("clean_html", _tolerant(clean_html), html),
    ]
    try:  # written by another helper: report HTML alone until it lands
        from inscriptis import get_text

        from wiretrace.clean.text import clean_text
    except ImportError as err:
        return stages, [f"clean_text not measured: {err}"]
    texts = [get_text(page) for page in html]
    stages.append(("clean_text (inscriptis text)", _tolerant(clean_text), texts))
    return stages, []


def _tolerant(clean: Callable[[str], object]) -> Callable[[str], object]:
    """A rejected page still costs its time, and must not end the measurement."""

    def run(document: str) -> object:
        try:
            return clean(document)
        except InputError as err:
            return err

    return run


def measure(stages: list[Stage], repeat: int) -> tuple[list[list[str]], list[str]]:
    """One table row per stage (the first stage is the reference), and a note for each stage that
    rejected documents. Stages are timed in turn, ``repeat`` rounds, the best of each counts."""
    outputs: dict[str, list[object]] = {name: [] for name, _, _ in stages}

    def over_all(name: str, run: Callable[[str], object], inputs: list[str]) -> Callable[[], None]:
        return lambda: outputs[name].__setitem__(slice(None), [run(x) for x in inputs])

    seconds = best_of_interleaved({name: over_all(name, run, inputs) for name, run, inputs in stages}, repeat)
    reference = seconds[stages[0][0]]
    rows, notes = [], []
    for name, _, inputs in stages:
        per_second, ratio = len(inputs) / seconds[name], seconds[name] / reference
        rows.append([name, str(len(inputs)), f"{seconds[name]:.2f}", f"{per_second:.1f}", f"{ratio:.2f}"])
        if rejected := sum(isinstance(out, InputError) for out in outputs[name]):
            notes.append(f"{name}: {rejected} of {len(inputs)} documents rejected (timed all the same)")
    return rows, notes


if __name__ == "__main__":
    sys.exit(main())
