"""Helpers shared by the benchmark scripts: best-of-N timing, the machine line, a markdown table.

Absolute times drift on shared machines, so each script also times a peer (trafilatura, a plain baseline)
in the same run and reports ratios to it; ``best_of`` takes the fastest of N runs, the least noisy figure.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable, Mapping, Sequence


def best_of(run: Callable[[], object], repeat: int) -> float:
    """The shortest wall time, in seconds, of ``repeat`` calls of ``run``."""
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_interleaved(runs: Mapping[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """``best_of`` for several runs taken in turn (a, b, c, a, b, c, ...), so a burst of load on a shared
    machine hits every run alike and the ratios between them stay put."""
    return {name: min(times) for name, times in timed_interleaved(runs, repeat).items()}


def timed_interleaved(runs: Mapping[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Every time (seconds) of ``repeat`` turns of several runs taken in turn (see ``best_of_interleaved``)."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(max(1, repeat)):
        for name, run in runs.items():
            times[name].append(best_of(run, 1))
    return times


def machine_info() -> dict[str, str]:
    """What the figures were measured on: usable cores, Python, OS and CPU architecture."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "nproc": str(cores),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
    }


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub markdown table; numbers are printed as given, so format them before."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def machine_line() -> str:
    info = machine_info()
    return f"Machine: {info['nproc']} cores, {info['implementation']} {info['python']}, {info['system']}"
