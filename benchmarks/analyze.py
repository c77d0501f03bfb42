"""Throughput of a whole ``analyze`` run (ingest → clean → extract → store), as a ratio to a bare baseline
timed in the same run: reading the same files and inserting their text into SQLite, one transaction per file.

    python benchmarks/analyze.py [--docs N] [--repeat N]

The inputs are the bundled seed reports replicated N times with a unique line each (so every file is a new
document). The ratio says what ingest's checks, the cleaner, claim extraction and the typed store cost over
bare I/O. A third run, ``Extractor.extract`` alone over the same articles (cleaned beforehand, untimed),
gives extraction's share of the ``analyze`` time. The spaCy pipeline is loaded before timing.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from _common import best_of_interleaved, machine_line, markdown_table

import wiretrace
from wiretrace.clean import clean
from wiretrace.extract.stage import Extractor
from wiretrace.ingest import IngestOptions, iter_documents
from wiretrace.records import Article

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "almaty"


def make_inputs(folder: Path, docs: int) -> list[Path]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    paths = []
    for i in range(docs):
        path = folder / f"report_{i:05}.txt"
        path.write_text(seeds[i % len(seeds)] + f"\nReference {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def baseline(paths: list[Path], db: Path) -> None:
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (path TEXT PRIMARY KEY, text TEXT)")
    for path in paths:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t VALUES (?, ?)", (str(path), path.read_text(encoding="utf-8")))
        conn.execute("COMMIT")
    conn.close()


def analyze(folder: Path, db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    wiretrace.analyze([folder], db=db).close()


def cleaned(paths: list[Path]) -> list[Article]:
    """The articles ``analyze`` extracts from ``paths`` (every input here is a new, clean-able document)."""
    return [clean(document) for document in iter_documents(paths, IngestOptions())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = make_inputs(folder, args.docs)
        articles, extractor = cleaned(paths), Extractor()
        extractor.extract(articles[:2])  # loads the cached pipeline that analyze uses too, untimed
        times = best_of_interleaved(
            {"baseline: read + SQLite insert": lambda: baseline(paths, Path(tmp) / "b.db"),
             "wiretrace analyze": lambda: analyze(folder, Path(tmp) / "w.db"),
             "of which: Extractor.extract alone": lambda: extractor.extract(articles)},
            repeat=args.repeat,
        )
    reference = times["baseline: read + SQLite insert"]
    rows = [(name, args.docs, f"{t:.2f}", f"{args.docs / t:.1f}", f"{t / reference:.1f}") for name, t in times.items()]
    print(markdown_table(("stage", "docs", "seconds", "docs/s", "time / baseline"), rows))
    print()
    print(machine_line())
    share = times["of which: Extractor.extract alone"] / times["wiretrace analyze"]
    print(f"Extraction is {share:.0%} of the analyze time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
