"""Shared pieces of the web tests: the hostile reports, the browser's flags, a uvicorn server in a thread."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from wiretrace.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
TOKEN = "test-token-0123456789abcdef"

# A report written by an attacker: markup, event handlers, javascript: URLs and broken tags in the title,
# the body, the comments (a thread: a reply with likes) and, through the options, the outlet's name.
HOSTILE_TEXT = """\
<script>window.__pwned = "title"</script> Officials say <img src=x onerror="window.__pwned='title-img'"> dozens were hurt

Police said on Monday that <script>window.__pwned = "body"</script> at least 12 people were hurt in the port city, according to a statement.

The ministry said the <b onmouseover="window.__pwned='b'">situation</b> was under control, the agency <a href="javascript:window.__pwned='link'">reported</a> <iframe src="javascript:window.__pwned='iframe'"></iframe>.

Witnesses told reporters that <svg onload="window.__pwned='svg'"><div <p class=" broken markup </textarea></title><style>body{display:none}</style> continued for hours.

A spokesman for the city council said the roads would reopen on Tuesday, the statement said.

  1. <script>window.__pwned = "comment"</script> A comment with <img src=x onerror="window.__pwned='comment-img'"> in it. javascript:alert(1)

    Liked by 3 people

    • A reply <a href="javascript:window.__pwned='reply'">click</a> with broken <b><i>markup

      Liked by 2 people

Leave a Reply
"""
HOSTILE_OUTLET = "<script>window.__pwned='outlet'</script><img src=x onerror=\"window.__pwned='outlet-img'\">"
HOSTILE_RECORD = {
    "title": "<img src=x onerror=\"window.__pwned='json-title'\"> Port closed after storm",
    "url": "javascript:window.__pwned='url'",
    "outlet": "<svg onload=\"window.__pwned='json-outlet'\">Harbour News",
    "published": "2024-05-07T08:00:00+00:00",
    "text": (
        "<img src=x onerror=\"window.__pwned='json-title'\"> Port closed after storm\n\n"
        "The harbour master said on Tuesday that the port <script>window.__pwned='json-body'</script> "
        "would stay closed until the storm passed, according to the port authority.\n\n"
        "Ships were told to wait <a href=\"javascript:window.__pwned='json-link'\">offshore</a>, the coast guard said.\n"
    ),
}


@dataclass
class Server:
    """A running app: its base URL and the uvicorn server (stopped by the fixture)."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread = field(repr=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, *, token: str | None = None) -> Server:
    """uvicorn serving ``create_app(db)`` on a free port of 127.0.0.1, in a thread of this process."""
    port = free_port()
    config = uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(500):
        if server.started:
            break
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        threading.Event().wait(0.02)
    return Server(f"http://127.0.0.1:{port}", server, thread)


def stop_server(running: Server) -> None:
    running.server.should_exit = True
    running.thread.join(timeout=10)
