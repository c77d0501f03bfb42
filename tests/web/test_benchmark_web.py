"""``benchmarks/web.py`` still runs end to end (a tiny database; slow: it analyses the seeds and starts a server)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "web.py"


@pytest.mark.slow
def test_benchmark_runs_on_a_tiny_database(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), "--articles", "40", "--per-story", "4", "--repeat", "1",
                             "--db", str(tmp_path / "bench.db")], capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "| /healthz (baseline) | " in result.stdout and "| story timeline (20 cards) |" in result.stdout
    assert "40 articles" in result.stdout
