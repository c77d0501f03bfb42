"""Fixtures shared by the whole suite.

``shared_dir`` is ``../shared`` beside the repository (seeds, evaluation data); tests that need it skip with
a visible reason where it is absent, as on a machine that has only the repository.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import types
import typing
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from absent import missing
from hypothesis import strategies as st

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
        missing(f"../shared is absent (looked for {SHARED}); seeds and evaluation data live there")
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


@pytest.fixture(scope="session")
def record_strategy() -> Callable[[Any], st.SearchStrategy[Any]]:
    """``strategy(kind)``: hypothesis values of a record type (or any annotation in ``wiretrace.records``)."""
    return strategy


def strategy(kind: Any) -> st.SearchStrategy[Any]:
    """Values of ``kind`` read from its annotation: nested records, tuples, optionals, dicts, enums."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(st.none() if a is type(None) else strategy(a) for a in args))
    if origin is tuple:
        return st.lists(strategy(args[0]), max_size=2).map(tuple)
    if origin is dict:
        return st.dictionaries(strategy(args[0]), strategy(args[1]), max_size=2)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return st.builds(kind, **{f.name: strategy(hints[f.name]) for f in dataclasses.fields(kind)})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return st.sampled_from(kind)
    # fixed offsets: an ISO time keeps the offset, not the zone (a zone's time in a DST gap reads back shifted)
    offsets = st.integers(-23 * 60, 23 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
    simple = {str: st.text(max_size=12), int: st.integers(-(2**40), 2**40), bool: st.booleans(),
              float: st.floats(allow_nan=False, allow_infinity=False) | st.integers(-9, 9).map(float),
              datetime: st.datetimes(timezones=st.none() | offsets)}  # fmt: skip
    return simple[kind]
