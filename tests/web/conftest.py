"""Fixtures of the web tests: databases built from the seeds and from hostile reports, a real uvicorn
server on a free port of 127.0.0.1, and headless Debian Chromium driven by Playwright.

The browser is the system's ``/usr/bin/chromium`` (``.ci/run`` installs it); Playwright's own browser
download is never used. Without it, browser tests skip with the reason shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from absent import missing
from web_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HOSTILE_OUTLET,
    HOSTILE_RECORD,
    HOSTILE_TEXT,
    Server,
    start_server,
    stop_server,
)

import wiretrace
from wiretrace.pipeline import AnalyzeOptions


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    """The two seed reports analysed (stories, clusters, claims), shared by every web test."""
    db = tmp_path_factory.mktemp("web-seeds") / "seeds.db"
    wiretrace.analyze([examples_dir], db).close()
    return db


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database made from hostile reports: a plain-text page (outlet given as an option) and a JSON record."""
    folder = tmp_path_factory.mktemp("hostile-reports")
    (folder / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "hostile.json").write_text(json.dumps(HOSTILE_RECORD), encoding="utf-8")
    db = folder.parent / "hostile.db"
    options = AnalyzeOptions(outlet=HOSTILE_OUTLET, published_at=datetime(2024, 5, 6, 12))
    wiretrace.analyze([folder], db, options=options).close()
    return db


@pytest.fixture(scope="module")
def seed_server(seed_db: Path) -> Iterator[Server]:
    running = start_server(seed_db)
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium) to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page 1100 px wide; dialogs (alert/confirm/prompt) are recorded in ``page.dialogs`` and dismissed."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.dialogs = []  # type: ignore[attr-defined]

    def on_dialog(dialog: object) -> None:
        tab.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    tab.on("dialog", on_dialog)
    yield tab
    context.close()
