"""Make the screenshots of the web UI shown in the README, from the two seed reports in ``examples/``.

    .venv/bin/python docs/screenshots/make_screenshots.py        # writes docs/screenshots/*.png

Analyses the seeds into a temporary database, serves it with uvicorn on a free port of 127.0.0.1 and
photographs the main pages in headless Debian Chromium (``/usr/bin/chromium``), 1100 px wide.
"""

from __future__ import annotations

import argparse
import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import Page, sync_playwright

import wiretrace
from wiretrace.web import create_app

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
EXAMPLES = "examples/almaty"  # relative to the repository, so no machine path shows on the article page
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SIZE = {"width": 1100, "height": 760}


def _serve(db: Path) -> tuple[str, uvicorn.Server, threading.Thread]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def _shots(page: Page, base: str, out: Path) -> list[Path]:
    """Visit the main pages in the order an analyst would and photograph each."""
    written = []

    def shot(name: str) -> None:
        path = out / f"{name}.png"
        page.screenshot(path=str(path))
        written.append(path)

    page.goto(f"{base}/stories")
    shot("stories")
    page.locator("a.story-link").first.click()
    page.wait_for_load_state()
    card = page.locator("article.card").filter(has_text="Dozens of attackers were killed").first
    card.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -120)")
    shot("story-timeline")
    card.locator("h3.card-title a").click()
    page.wait_for_load_state()
    shot("claim")
    page.locator("section.framing").scroll_into_view_if_needed()
    shot("claim-framing")
    page.goto(f"{base}/articles")
    page.locator("table.articles a", has_text="Cleaning").first.click()
    page.wait_for_load_state()
    shot("article")
    page.locator("section.comments").scroll_into_view_if_needed()
    shot("article-comments")
    page.goto(f"{base}/sources")
    page.locator("table.sources a", has_text="RIA").first.click()
    page.wait_for_load_state()
    shot("source")
    page.goto(f"{base}/search?q=dozens")
    shot("search")
    page.goto(f"{base}/stories")
    page.locator("a.story-link").first.click()
    page.locator("a.map-link").click()
    page.wait_for_load_state()
    shot("story-map")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="Folder to write the PNG files to.")
    args = parser.parse_args()
    out = args.out.resolve()
    os.chdir(REPO)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "seeds.db"
        wiretrace.analyze([EXAMPLES], db).close()
        base, server, thread = _serve(db)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport=SIZE)
                for path in _shots(page, base, out):
                    print(f"{path} {path.stat().st_size // 1024} KiB")
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)


if __name__ == "__main__":
    main()
