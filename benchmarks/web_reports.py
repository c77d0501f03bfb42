"""Adding reports through the web app (``POST /api/reports``) to a large database, against the same reports
added to the seed database in the same run: once the app has loaded its pipeline and linker (on the first
report), a report should cost what it costs in a small database, whatever the size of the large one.

    python benchmarks/web_reports.py --db FILE [--reports 8]

``--db`` is a wiretrace database to add to (``benchmarks/web.py --db FILE`` builds a 10k-article one); it is
copied first and never changed. The seed database is the two bundled reports analysed. Both apps run in
this process (FastAPI's TestClient, the real pipeline); each is sent ``--reports`` short reports, one at a
time. The first report of each app is reported apart (it loads the spaCy pipeline and replays the stored
links); the others as median and maximum, and the large database's median as a ratio to the seed one's.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import machine_line, markdown_table
from fastapi.testclient import TestClient

import wiretrace
from wiretrace.web import create_app

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "almaty"
TOKEN = "benchmark-token-" + "x" * 24


def report(n: int) -> str:
    return (f"Harbour {n} closed after chemical spill\n\nThe port authority said on Tuesday that harbour {n} would "
            "stay closed after a chemical spill, according to a statement.\n\nThree workers were taken to "
            "hospital, the fire service said.\n")


def timed_reports(db: Path, count: int) -> list[float]:
    """Seconds taken by each of ``count`` reports posted to an app over ``db``."""
    times = []
    with TestClient(create_app(db, token=TOKEN)) as client:
        for n in range(count):
            started = time.perf_counter()
            response = client.post("/api/reports", json={"text": report(n), "outlet": "Harbour Wire"},
                                   headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
            times.append(time.perf_counter() - started)
            if response.status_code != 201:
                raise SystemExit(f"report {n} was refused: {response.status_code} {response.text}")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the large database (copied, never changed)")
    parser.add_argument("--reports", type=int, default=8, help="reports sent to each app (at least 2)")
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"{args.db}: no such database (build one with benchmarks/web.py --db FILE)")
    with tempfile.TemporaryDirectory() as tmp:
        seeds, large = Path(tmp) / "seeds.db", Path(tmp) / "large.db"
        wiretrace.analyze([SEEDS], seeds).close()
        shutil.copy(args.db, large)
        with wiretrace.Corpus(large, read_only=True) as corpus:
            articles = corpus.count_articles()
        runs = {"seed database (baseline)": timed_reports(seeds, max(2, args.reports)),
                f"{articles:,}-article database": timed_reports(large, max(2, args.reports))}
    base = statistics.median(runs["seed database (baseline)"][1:])
    rows = [[name, f"{t[0]:.2f}", f"{statistics.median(t[1:]) * 1000:.0f}", f"{max(t[1:]) * 1000:.0f}",
             f"{statistics.median(t[1:]) / base:.1f}"] for name, t in runs.items()]
    print(machine_line())
    print(f"\n{max(2, args.reports)} reports to each app, one at a time.\n")
    print(markdown_table(["database", "first report s", "next: median ms", "next: max ms", "median / baseline"],
                         rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
