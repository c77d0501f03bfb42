"""The web views: ``wiretrace serve``, a FastAPI app of server-rendered pages and a JSON API.

    from wiretrace.web import create_app, serve
    app = create_app(Path("crisis.db"), token=None)   # any ASGI server can run it
    serve(Path("crisis.db"), host="127.0.0.1", port=8000)

Pages: stories, a story's timeline of claim cards, a claim cluster (every report, framing table), a
source, an article (claims highlighted, comments apart), search. API under ``/api/`` (OpenAPI at
``/openapi.json``); writes only with a token. Every value shown is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wiretrace.web.app import create_app
from wiretrace.web.auth import read_token
from wiretrace.web.state import WebOptions

__all__ = ["WebOptions", "create_app", "read_token", "serve"]


def serve(
    db: Path, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the app over ``db`` with uvicorn until interrupted (binds to localhost unless told).

    ``announce`` is told one line once the database is open (where, and whether writes are on).
    """
    import uvicorn

    app = create_app(db, token=token)
    if announce is not None:
        mode = "writes enabled with the token" if token else "read-only"
        announce(f"serving {db} at http://{host}:{port}/ ({mode}); API docs at /api/docs")
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
