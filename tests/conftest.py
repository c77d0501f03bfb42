"""Fixtures shared by the whole suite.

``shared_dir`` is ``../shared`` beside the repository (seeds, evaluation data); tests that need it skip with
a visible reason where it is absent, as on a machine that has only the repository.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples" / "almaty"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent (looked for {SHARED}); seeds and evaluation data live there")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def small_scrapinghub(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A five-page copy of the ScrapingHub set, in its own layout (for ``--data`` tests)."""
    source = shared_dir / "data" / "extraction" / "scrapinghub"
    folder = tmp_path_factory.mktemp("scrapinghub")
    (folder / "html").mkdir()
    truth = json.loads((source / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:5]
    for page_id in ids:
        shutil.copy(source / "html" / f"{page_id}.html.gz", folder / "html")
    (folder / "ground-truth.json").write_text(json.dumps({i: truth[i] for i in ids}), encoding="utf-8")
    return folder
