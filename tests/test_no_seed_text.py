"""The rules must generalise: no sentence and no proper noun of the bundled seed reports is in the code.

The seeds ship in ``examples/almaty``; this scans every Python file under ``src/`` for any run of eight
consecutive seed words and for the seeds' proper nouns. (Data files such as the outlet registry list
outlets from public knowledge and are not code; they are not scanned.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
SEED_PROPER_NOUNS = (
    "Almaty", "Alma-Ata", "Kazakhstan", "Kazakhstani", "Saltanat", "Azirbek", "Sputnik", "Novosti", "UNIAN",
    "Khabar", "Baza", "Taraz", "Zhambyl", "Koktobe", "Tokayev", "Smailov", "Dubnov", "Putler", "Akismet",
)
WINDOW = 8


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def source_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.fixture(scope="module")
def seed_windows(examples_dir: Path) -> set[tuple[str, ...]]:
    windows: set[tuple[str, ...]] = set()
    for seed in examples_dir.glob("*.txt"):
        tokens = words(seed.read_text(encoding="utf-8"))
        windows.update(tuple(tokens[i : i + WINDOW]) for i in range(len(tokens) - WINDOW + 1))
    return windows


def test_there_is_code_to_scan():
    assert len(source_files()) > 10


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_seed_text_in_code(path: Path, seed_windows):
    text = path.read_text(encoding="utf-8")
    for noun in SEED_PROPER_NOUNS:
        assert not re.search(rf"\b{re.escape(noun)}\b", text, re.IGNORECASE), f"{noun!r} in {path.name}"
    tokens = words(text)
    copied = [" ".join(tokens[i : i + WINDOW]) for i in range(len(tokens) - WINDOW + 1)
              if tuple(tokens[i : i + WINDOW]) in seed_windows]
    assert not copied, f"seed text in {path.name}: {copied[:3]}"
