"""Scale of the link stage: time and peak memory of ``Linker.link_pending`` over 1k–100k stored, extracted
articles, its growth exponent, and the cost of linking one more article into the largest corpus.

    python benchmarks/link.py [--sizes N ...] [--pool P] [--repeat K] [--new M] [--profile {new,all}] [--memory]
    python benchmarks/link.py --restart DB [--repeat K]

Inputs: ``--pool`` real English articles (seeds, ScrapingHub pages, PolNeAR texts from ``../shared/data``
beside the repository, as ``benchmarks/extract.py`` loads them), extracted once by wiretrace and cached;
then, per size N, N synthetic articles made of them (``_link_corpus``: events of 20–50 reports with their
own names, dates and wording, near-copies among them, in publication order), written straight to a fresh
database with their claims and story signals. Neither extraction nor writing is timed.

Each size runs in fresh processes (so peak memory, ``VmHWM``, is that size's linker's own):

- baseline, in a process of its own: reading every article's claims back from the store
  (``store.list_claims`` per article), a linear pass over what linking reads at least once (best of 3);
- then, in another: ``Linker(conn).link_pending()`` over the N articles (construction included);
- incremental, in the same warm process: ``--new`` more articles of the same stream (the latest by
  publication time) are stored untimed, then ``Linker.link`` is timed on each (median, p90, max);
- restart: a new ``Linker(conn)`` on the linked database (it replays the stored links).

The growth exponent is the slope of a least-squares line through (log N, log seconds). The issue's targets
(issue 5): exponent ≤ 1.2, peak memory ≤ 2 GB at 100k, one more article into a 100k corpus ≤ 200 ms.
With ``--budget-minutes``, a size whose linking the sizes already measured predict to take longer is
replaced by the largest multiple of 10k that fits (said in the output).

``--profile new`` links ``--new`` further articles into the largest corpus under cProfile, after the timed
ones (where one more article's time goes at that size); ``--profile all`` adds a whole run of the largest
size with ``link_pending`` under cProfile (slow: the profiler about doubles the time). Profiled runs are
never the timed ones. ``--memory`` adds a table of what the warm linker holds, by part (a walk over its
objects after the incremental runs, outside every timing).

``--restart DB`` times only the restart, ``--repeat`` times in one fresh process, on a database linked
already (one a run left with ``--workdir``): the first with what the OS has cached of the database, the
next with all of it read once (wall and CPU seconds, peak memory).
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from types import BuiltinFunctionType, FunctionType, MethodType, ModuleType

import numpy as np

from _common import machine_line, markdown_table
from _link_corpus import Synthesiser, fit_exponent, load_pool

from wiretrace import store

MB = 1024 * 1024


# ---- building the databases (untimed) ---------------------------------------------------------------


def build(folder: Path, size: int, new: int, pool, seed: int) -> dict:
    """A database of ``size`` stored, extracted, unlinked articles and a pickle of ``new`` more (the
    latest of the same stream); returns their paths and what building took."""
    start = time.perf_counter()
    made = Synthesiser(pool, seed=seed).articles(size + new)
    held_back = made[size:]
    db = folder / f"link-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    conn = store.connect(db)
    run_id = store.start_run(conn, ["synthetic"])
    for i, item in enumerate(made[:size], 1):
        store.save_article(conn, run_id, item.document, item.article, item.extraction)
        if i % 10_000 == 0:
            log(f"  stored {i}/{size}")
    store.end_run(conn, run_id)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    extra = folder / f"link-{size}-new.pkl"
    extra.write_bytes(pickle.dumps([(s.document, s.article, s.extraction) for s in held_back]))
    events = len({s.event for s in made[:size]})
    return {"db": db, "extra": extra, "build_s": time.perf_counter() - start, "events": events,
            "db_mb": db.stat().st_size / MB}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- the worker: one size in a fresh process ---------------------------------------------------------


def peak_mb() -> float:
    """This process's peak resident memory in MB: ``VmHWM`` of /proc/self/status where there is one, as
    ``ru_maxrss`` (its fallback) keeps the parent's peak across fork and exec on Linux, and the parent
    here holds the pool and, while building, the synthetic corpus."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def worker(db: Path, extra: Path, profile: str | None, memory: bool) -> dict:
    """Everything measured on one database (see the module docstring); returns the figures."""
    from wiretrace.link.embeddings import embed
    from wiretrace.link.stage import Linker

    embed(["warm up the embedding model"])  # loaded once per process, not part of any timing
    conn = store.connect(db)
    articles = store.articles_to_link(conn)
    result: dict = {"articles": len(articles), "claims": store.count_claims(conn), "rss_before_link_mb": peak_mb()}
    linker, (result["link_s"], result["link_cpu_s"]), result["profile"] = _link_all(conn, len(articles),
                                                                                     profile == "all")
    result["rss_after_link_mb"] = peak_mb()
    held_back = pickle.loads(extra.read_bytes())  # noqa: S301 (written by this script)
    timed, profiled = held_back[: len(held_back) // 2], held_back[len(held_back) // 2 :]
    if profile != "new":
        timed, profiled = held_back, []
    result["incremental_ms"] = _incremental(conn, linker, timed)
    result["rss_peak_mb"] = peak_mb()
    if profiled:
        import cProfile

        profiler = cProfile.Profile()
        profiler.runcall(_incremental, conn, linker, profiled)
        result["profile"] = _profile_text(profiler)
    if memory:
        result["memory"] = memory_breakdown(linker)
    result |= _shape(conn)
    del linker
    start = time.perf_counter()
    Linker(conn)
    result["restart_s"] = time.perf_counter() - start
    conn.close()
    return result


def restart_only(db: Path, repeat: int) -> int:
    """Time ``Linker(conn)`` on an already linked database ``repeat`` times in this process."""
    from wiretrace.link.embeddings import embed
    from wiretrace.link.stage import Linker

    if not db.is_file():
        raise SystemExit(f"{db}: no such database (keep one with --workdir)")
    embed(["warm up the embedding model"])
    conn = store.connect(db)
    linked = conn.execute("SELECT COUNT(*) FROM links").fetchone()[0]
    print(machine_line())
    rows = []
    for k in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        linker = Linker(conn)
        rows.append([str(k + 1), f"{time.perf_counter() - wall:.1f}", f"{time.process_time() - cpu:.1f}",
                     f"{peak_mb():.0f}"])
        del linker
    conn.close()
    print(f"\nRestart (a new Linker replaying {linked:,} stored links):\n")
    print(markdown_table(["run", "wall s", "CPU s", "peak MB so far"], rows))
    return 0


_ATOMS = (str, bytes, int, float, bool, complex, type(None))
_NOT_FOLLOWED = (type, ModuleType, FunctionType, BuiltinFunctionType, MethodType, sqlite3.Connection)
# What a linker holds, by part: (label, path of attributes from the Linker); an earlier part keeps the
# objects it shares with a later one. The paths are private attributes: a part renamed away is skipped.
MEMORY_PARTS = (
    ("stories: article features (bags, embeddings)", "_stories._items"),
    ("stories: weighted-bag cache (DocumentFrequencies._cache)", "_stories._frequencies._cache"),
    ("stories: document frequencies", "_stories._frequencies.df"),
    ("stories: name index, members, centroids, summaries", "_stories"),
    ("reposts: MinHash bands and signatures", "_reposts"),
    ("claim indexes of cached stories (LinkOptions.cached_claims)", "_claims"),
    ("rest of the Linker", ""),
)


def memory_breakdown(linker) -> list[tuple[str, float]]:
    """MB reachable from each part of a linker (``MEMORY_PARTS``), counting shared objects once."""
    seen: set[int] = set()
    parts = []
    for label, path in MEMORY_PARTS:
        target = linker
        for name in filter(None, path.split(".")):
            target = getattr(target, name, None)
        if target is not None:
            parts.append((label, deep_size(target, seen) / MB))
    return parts


def deep_size(root, seen: set[int]) -> int:
    """Bytes reachable from ``root`` and not in ``seen`` (ids, updated): containers, plain and slotted
    objects, numpy arrays and their bases; types, modules, functions and connections are not followed.
    (No library in the environment does this: pympler is not installed.)"""
    total, stack = 0, [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, _NOT_FOLLOWED):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        if isinstance(obj, _ATOMS):
            continue
        stack.extend(_referents(obj))
    return total


def _referents(obj) -> list:
    if isinstance(obj, np.ndarray):
        return [] if obj.base is None else [obj.base]
    if isinstance(obj, dict):
        return [*obj.keys(), *obj.values()]
    if isinstance(obj, (list, tuple, set, frozenset, deque)):
        return list(obj)
    found = [vars(obj)] if hasattr(obj, "__dict__") else []
    for klass in type(obj).__mro__:
        slots = getattr(klass, "__slots__", ())
        for slot in (slots,) if isinstance(slots, str) else slots:
            value = getattr(obj, slot, None)
            if value is not None:
                found.append(value)
    return found


def baseline(db: Path) -> dict:
    """The baseline, in a process of its own (its memory is not the linker's): every article's claims
    read back from the store, best of 3."""
    conn = store.connect(db)
    articles = store.articles_to_link(conn)
    seconds = min(_read_claims(conn, articles) for _ in range(3))
    conn.close()
    return {"baseline_s": seconds}


def _read_claims(conn, articles: list[int]) -> float:
    start = time.perf_counter()
    for article in articles:
        store.list_claims(conn, article=article)
    return time.perf_counter() - start


def _link_all(conn, count: int, profile: bool):
    from wiretrace.link.stage import Linker

    started = time.perf_counter()

    def progress(_: int, done=[0]) -> None:  # noqa: B006 (a counter local to this run)
        done[0] += 1
        if done[0] % max(100, count // 20) == 0:
            elapsed = time.perf_counter() - started
            log(f"  linked {done[0]}/{count} in {elapsed:.0f} s ({1000 * elapsed / done[0]:.0f} ms/article, "
                f"peak {peak_mb():.0f} MB)")

    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start, cpu = time.perf_counter(), time.process_time()
    linker = Linker(conn)
    linker.link_pending(progress)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    text = ""
    if profiler is not None:
        profiler.disable()
        text = _profile_text(profiler)
    return linker, (seconds, cpu), text


def _profile_text(profiler) -> str:
    import io
    import pstats

    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)
    return out.getvalue()


def _incremental(conn, linker, held_back: list) -> list[float]:
    """Store the held-back articles (untimed), then time ``linker.link`` on each in turn."""
    run_id = store.start_run(conn, ["synthetic, new"])
    ids = [store.save_article(conn, run_id, d, a, e) for d, a, e in held_back]
    store.end_run(conn, run_id)
    times = []
    for article in ids:
        start = time.perf_counter()
        linker.link(article)
        times.append(1000 * (time.perf_counter() - start))
    return times


def _shape(conn) -> dict:
    """What linking made of the corpus: stories, clusters, reposts, the largest story and cluster."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {"stories": one("SELECT COUNT(*) FROM stories"), "clusters": one("SELECT COUNT(*) FROM clusters"),
            "reposts": one("SELECT COUNT(*) FROM links WHERE repost_of IS NOT NULL"),
            "largest_story": one("SELECT COALESCE(MAX(articles), 0) FROM stories"),
            "largest_cluster": one("SELECT COALESCE(MAX(mentions), 0) FROM clusters")}


def run_worker(build_info: dict, folder: Path, repeat_index: int, profile: str | None, memory: bool = False) -> dict:
    """A fresh process on a copy of the unlinked database (so repeats start alike)."""
    copy = folder / f"run-{build_info['db'].stem}-{repeat_index}.db"
    shutil.copyfile(build_info["db"], copy)
    done = subprocess.run([sys.executable, __file__, "--baseline", str(copy)], stdout=subprocess.PIPE, text=True,
                          check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    command = [sys.executable, __file__, "--worker", str(copy), str(build_info["extra"])]
    if profile:
        command += ["--profile", profile]
    if memory:
        command.append("--memory")
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return figures | json.loads(done.stdout.strip().splitlines()[-1])


# ---- the parent: sizes, budget, report ------------------------------------------------------------


def planned_size(size: int, measured: list[tuple[int, float]], budget_s: float | None) -> int | None:
    """``size``, or the largest multiple of 10k (else 1k) the measured sizes predict to fit the budget,
    or None when none above the sizes measured fits."""
    if budget_s is None or not measured:
        return size
    exponent = max(1.0, fit_exponent([n for n, _ in measured], [t for _, t in measured]) or 1.0)
    n0, t0 = measured[-1]
    predict = lambda n: t0 * (n / n0) ** exponent  # noqa: E731
    if predict(size) <= budget_s:
        return size
    fits = int(n0 * (budget_s / t0) ** (1 / exponent))
    step = 10_000 if fits >= 20_000 else 1_000
    chosen = fits // step * step
    log(f"{size} articles would take about {predict(size) / 60:.0f} min (exponent {exponent:.2f} from "
        f"{[n for n, _ in measured]}); " + (f"running {chosen} instead" if chosen > n0 else "skipped")
        + " (--budget-minutes)")
    return chosen if chosen > n0 else None


def report(rows: list[dict], notes: list[str]) -> None:
    headers = ["articles", "events", "claims", "stories", "clusters", "reposts", "largest story",
               "baseline s", "link s", "link CPU s", "ms/article", "link / baseline", "RSS before link MB", "peak RSS MB"]
    print(markdown_table(headers, [
        [r["articles"], r["events"], r["claims"], r["stories"], r["clusters"], r["reposts"], r["largest_story"],
         f"{r['baseline_s']:.2f}", f"{r['link_s']:.1f}", f"{r['link_cpu_s']:.1f}", f"{1000 * r['link_s'] / r['articles']:.1f}",
         f"{r['link_s'] / r['baseline_s']:.0f}", f"{r['rss_before_link_mb']:.0f}", f"{r['rss_peak_mb']:.0f}"]
        for r in rows]))
    print()
    print(markdown_table(["corpus", "new articles", "median ms", "p90 ms", "max ms", "restart: new Linker s"], [
        [r["articles"], len(r["incremental_ms"]), f"{statistics.median(r['incremental_ms']):.0f}",
         f"{_p90(r['incremental_ms']):.0f}", f"{max(r['incremental_ms']):.0f}", f"{r['restart_s']:.1f}"]
        for r in rows if r["incremental_ms"]]))
    memory = [r for r in rows if r.get("memory")]
    if memory:
        print()
        labels = [label for label, _ in memory[-1]["memory"]]
        table = [[label, *(f"{dict(r['memory']).get(label, 0):.0f}" for r in memory),
                  f"{1024 * dict(memory[-1]['memory']).get(label, 0) / memory[-1]['articles']:.1f}"] for label in labels]
        table.append(["total held by the Linker", *(f"{sum(mb for _, mb in r['memory']):.0f}" for r in memory),
                      f"{1024 * sum(mb for _, mb in memory[-1]['memory']) / memory[-1]['articles']:.1f}"])
        print(markdown_table(["linker part", *(f"MB at {r['articles']}" for r in memory),
                              f"KB/article at {memory[-1]['articles']}"], table))
    print()
    print(machine_line())
    for line in notes:
        print(line)


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def verdicts(rows: list[dict]) -> list[str]:
    sizes, link, base = [r["articles"] for r in rows], [r["link_s"] for r in rows], [r["baseline_s"] for r in rows]
    exponent, base_exponent = fit_exponent(sizes, link), fit_exponent(sizes, base)
    cpu_exponent = fit_exponent(sizes, [r["link_cpu_s"] for r in rows])
    largest = rows[-1]
    lines = []
    if exponent is None:
        lines.append("Growth exponent: needs two sizes or more (--sizes 1000 10000 100000)")
    else:
        lines.append(f"Growth exponent (log-log fit of link time over {sizes}): {exponent:.2f} "
                     f"(CPU time: {cpu_exponent:.2f}; baseline: {base_exponent:.2f}); target ≤ 1.2: {'met' if exponent <= 1.2 else 'NOT met'}")
    at = "at 100k" if largest["articles"] >= 100_000 else f"at {largest['articles']} (not 100k)"
    lines.append(f"Peak memory {at}: {largest['rss_peak_mb']:.0f} MB; target ≤ 2048 MB at 100k: "
                 f"{'met' if largest['rss_peak_mb'] <= 2048 else 'NOT met'}{'' if largest['articles'] >= 100_000 else ' so far'}")
    if largest["incremental_ms"]:
        median = statistics.median(largest["incremental_ms"])
        lines.append(f"One more article into the {largest['articles']}-article corpus: median {median:.0f} ms; "
                     f"target ≤ 200 ms: {'met' if median <= 200 else 'NOT met'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000], help="corpus sizes, ascending")
    parser.add_argument("--pool", type=int, default=300, help="real articles extracted for the pool")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size on fresh copies; the fastest counts")
    parser.add_argument("--new", type=int, default=20, help="articles linked one by one after the corpus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget-minutes", type=float, default=None, help="cap on one size's predicted link time")
    parser.add_argument("--profile", choices=("new", "all"), help="cProfile the largest size (see above)")
    parser.add_argument("--memory", action="store_true", help="what the linker holds, by part (slow at 10k+)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the databases here (default: a temp dir)")
    parser.add_argument("--restart", type=Path, help="time only a new Linker on this linked database (see above)")
    parser.add_argument("--worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--baseline", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(*args.worker, args.profile, args.memory)))
        return 0
    if args.baseline:
        print(json.dumps(baseline(args.baseline)))
        return 0
    if args.restart:
        return restart_only(args.restart, max(2, args.repeat))
    pool = load_pool(args.pool, log=log)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        rows, notes, measured, info = [], [], [], None
        for asked in args.sizes:
            size = planned_size(asked, measured, 60 * args.budget_minutes if args.budget_minutes else None)
            if size != asked:
                budget = f"its linking is predicted to take over the {args.budget_minutes:g}-minute budget"
                notes.append(f"Size {asked} {'skipped' if size is None else f'replaced by {size}'}: {budget}")
            if size is None:
                continue
            if info is not None:
                info["db"].unlink()
            log(f"building {size} articles (+{args.new} new) from a pool of {len(pool)}")
            info = build(Path(tmp), size, args.new * (2 if args.profile == "new" else 1), pool, args.seed)
            log(f"  built in {info['build_s']:.0f} s, {info['db_mb']:.0f} MB; linking in a fresh process")
            new_profile = "new" if args.profile == "new" else None  # cheap: profiled at every size
            runs = [run_worker(info, Path(tmp), k, new_profile, args.memory) for k in range(max(1, args.repeat))]
            best = min(runs, key=lambda r: r["link_s"]) | {"events": info["events"]}
            best["profile"] = next((r["profile"] for r in runs if r["profile"]), "")
            rows.append(best)
            measured.append((size, best["link_s"]))
            log(f"  {size}: link {best['link_s']:.1f} s, peak {best['rss_peak_mb']:.0f} MB")
            log("  figures: " + json.dumps({k: v for k, v in best.items() if k != "profile"}))  # kept if interrupted
        if args.profile == "all" and info is not None:  # an extra run: the profiler slows it down
            log("  profiling one more run of the largest size")
            rows[-1]["profile"] = run_worker(info, Path(tmp), -1, "all")["profile"]
        report(rows, [*notes, f"Pool: {len(pool)} real extracted articles; databases: "
                      f"{', '.join(str(r['articles']) for r in rows)} articles", *verdicts(rows)])
        if rows[-1]["profile"]:
            what = "link_pending" if args.profile == "all" else f"Linker.link of {args.new} more articles"
            print(f"\ncProfile of {what} at {rows[-1]['articles']} articles:\n")
            print(rows[-1]["profile"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
