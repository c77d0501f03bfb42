"""Cost of ``wiretrace export``: seconds and peak memory per table and format on linked databases of N
articles, beside reading the same rows through ``Corpus`` without writing them.

    python benchmarks/export.py [--sizes N ...] [--pool P] [--repeat K]

Inputs: the link benchmark's corpus (``_link_corpus``: ``--pool`` real articles extracted once and cached,
replicated into events of 20–50 synthetic reports), stored and linked untimed into a fresh database per
size. Then, per table (claims, articles, events) and format (csv, jsonl, parquet):

- ``read``: every row's records read page by page through ``Corpus`` (what any export must do at least);
- ``export``: ``wiretrace.views.export`` to a file (best of ``--repeat``);
- ``peak``: the largest Python allocation during one export (``tracemalloc``, a separate untimed run).

Streaming means the peak stays flat as N grows: the figures at two sizes show whether it does.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import best_of, machine_line, markdown_table  # noqa: E402
from _link_corpus import Synthesiser, load_pool  # noqa: E402

from wiretrace import store  # noqa: E402
from wiretrace.corpus import Corpus  # noqa: E402
from wiretrace.views.export import export  # noqa: E402
from wiretrace.views.options import ExportOptions  # noqa: E402
from wiretrace.views.tables import TABLES  # noqa: E402

TABLES_TIMED = ("claims", "articles", "events")
FORMATS = ("csv", "jsonl", "parquet")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(folder: Path, size: int, pool_size: int) -> Path:
    """A database of ``size`` synthetic articles, stored with their claims and linked (untimed)."""
    from wiretrace.link.stage import Linker

    db = folder / f"export-{size}.db"
    conn = store.connect(db)
    run_id = store.start_run(conn, ["synthetic"])
    for item in Synthesiser(load_pool(pool_size, log=log), seed=0).articles(size):
        store.save_article(conn, run_id, item.document, item.article, item.extraction)
    store.end_run(conn, run_id)
    started = time.perf_counter()
    Linker(conn).link_pending()
    log(f"  {size} articles stored and linked in {time.perf_counter() - started:.0f} s")
    conn.close()
    return db


def read_only(corpus: Corpus, what: str) -> None:
    for _ in TABLES[what].rows(corpus, 500):
        pass


def peak_mb(run) -> float:
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def measure(db: Path, folder: Path, repeat: int) -> list[list[object]]:
    rows = []
    with Corpus(db, read_only=True) as corpus:
        size = corpus.count_articles()
        for what in TABLES_TIMED:
            count = sum(1 for _ in TABLES[what].rows(corpus, 500))
            read_s = best_of(lambda: read_only(corpus, what), repeat)
            for fmt in FORMATS:
                out = folder / f"{what}.{fmt}"
                options = ExportOptions(format=fmt, what=what)
                seconds = best_of(lambda: export(corpus, options, out), repeat)
                peak = peak_mb(lambda: export(corpus, options, out))
                rows.append([size, what, count, fmt, f"{seconds:.2f}", f"{count / seconds:,.0f}",
                             f"{seconds / read_s:.2f}", f"{peak:.1f}", f"{out.stat().st_size / 2**20:.1f}"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400])
    parser.add_argument("--pool", type=int, default=10, help="real articles the synthetic ones are made of")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            log(f"building {size} articles")
            rows += measure(build(Path(tmp), size, args.pool), Path(tmp), args.repeat)
    print(machine_line())
    print(markdown_table(["articles", "table", "rows", "format", "export s", "rows/s", "× read", "peak MB",
                          "file MB"], rows))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
