"""The README keeps up with the commands: every top-level command is shown as ``wiretrace NAME``, the
report it shows is the start of the golden report on the seeds (which ``tests/views`` checks against a
real run), the export columns it prints are the table's own, and every screenshot it shows exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command

from wiretrace.cli import app
from wiretrace.views.tables import TABLES

README = Path(__file__).resolve().parents[2] / "README.md"
GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_every_command_is_shown(readme: str) -> None:
    commands = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    assert {"analyze", "report", "export", "serve"} <= set(commands)
    assert [name for name in commands if f"wiretrace {name}" not in readme] == []


def _shown_lines(readme: str, first: str) -> list[str]:
    """The lines of the README's code block that starts with ``first``, up to its closing ``…``."""
    block = readme[readme.index(f"```\n{first}") + 4 :]
    return block[: block.index("\n…\n```")].splitlines()


@pytest.mark.parametrize("first, golden", [
    ("Story 1: ", "report_seeds.txt"),
    ("## 2. 2022-01-05", "report_seeds.md"),
])  # fmt: skip
def test_the_report_shown_is_the_real_report_on_the_seeds(readme: str, first: str, golden: str) -> None:
    shown = _shown_lines(readme, first)
    real = [line.rstrip() for line in (GOLDEN / golden).read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(real) if line.startswith(first))
    assert len(shown) > 5 and shown == real[start : start + len(shown)]


@pytest.mark.parametrize("what", ["events"])
def test_the_export_header_shown_is_the_tables(readme: str, what: str) -> None:
    header = ",".join(c.name for c in TABLES[what].columns)
    assert f"\n{header}\n" in readme


def test_every_screenshot_shown_exists(readme: str) -> None:
    shown = re.findall(r"\]\((docs/screenshots/[^)]+\.png)\)", readme)
    assert len(shown) == 9
    assert [path for path in shown if not (README.parent / path).is_file()] == []
