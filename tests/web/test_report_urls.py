"""``POST /api/reports`` with a URL: fetched through ingest, but never from this machine or its private
network unless the app is told it may (a caller must not make the server read what only it can reach)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_helpers import TOKEN

from wiretrace.web import WebOptions, create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGE = (b"<html><head><title>Harbour closed after chemical spill</title></head><body><article>"
        b"<h1>Harbour closed after chemical spill</h1><p>The port authority said on Tuesday that the harbour "
        b"would stay closed after a chemical spill, according to a statement.</p><p>Three workers were taken "
        b"to hospital, the fire service said.</p></article></body></html>")  # fmt: skip


@pytest.fixture(scope="module")
def local_page() -> Iterator[tuple[str, list[str]]]:
    """A page served on 127.0.0.1, and the paths requested from it."""
    requested: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            requested.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *_: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/report", requested
    httpd.shutdown()
    httpd.server_close()


def writer(seed_db: Path, folder: Path, options: WebOptions) -> TestClient:
    db = folder / "copy.db"
    shutil.copy(seed_db, db)
    return TestClient(create_app(db, token=TOKEN, options=options))


def test_a_url_on_this_machine_is_refused_and_nothing_is_fetched(
    seed_db: Path, tmp_path: Path, local_page: tuple[str, list[str]]
) -> None:
    url, requested = local_page
    before = len(requested)
    with writer(seed_db, tmp_path, WebOptions()) as client:
        response = client.post("/api/reports", json={"url": url}, headers=AUTH)
        assert response.status_code == 422
        message = response.json()["error"]["message"]
        assert "E009" in message and "127.0.0.1 is 127.0.0.1, not a public address" in message
        assert client.get("/api/articles").json()["total"] == 2  # the seeds only
    assert len(requested) == before


def test_an_app_told_it_may_fetches_a_url_on_this_machine(
    seed_db: Path, tmp_path: Path, local_page: tuple[str, list[str]]
) -> None:
    url, requested = local_page
    with writer(seed_db, tmp_path, WebOptions(fetch_private_hosts=True)) as client:
        response = client.post("/api/reports", json={"url": url, "outlet": "Harbour Wire"}, headers=AUTH)
        assert response.status_code == 201, response.text
        stored = client.get(f"/api/articles/{response.json()['article']}").json()
        assert stored["article"]["url"] == url and "chemical spill" in stored["article"]["text"]
    assert requested[-1] == "/report"
