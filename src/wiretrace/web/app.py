"""The app factory: ``create_app(db, token=...)`` builds the FastAPI app ``wiretrace serve`` runs.

Pages (server-rendered Jinja2) and the JSON API under ``/api/`` read the database only through
``wiretrace.corpus.Corpus``; the two writes (``POST /api/reports``, ``PATCH /api/claims/{id}``) exist
only when a token is configured. Every response carries a strict Content-Security-Policy as a second
line of defence behind escaping: the pages load only their own script and style. So does the API docs
page (``/api/docs``, Swagger UI served from this machine, see ``web.api_docs``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wiretrace import __version__
from wiretrace.corpus import Corpus
from wiretrace.web.api_docs import install_api_docs
from wiretrace.web.errors import install_error_handlers
from wiretrace.web.routes import ROUTERS
from wiretrace.web.state import WebOptions, WebState
from wiretrace.web.templating import make_templates

OPENAPI_URL = "/openapi.json"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db: Path, *, token: str | None = None, options: WebOptions | None = None) -> FastAPI:
    """The web app over the wiretrace database ``db`` (which must exist: it is opened read-only).

    ``token`` enables the two write routes; without it they answer 403.
    """
    Corpus(db, read_only=True).close()  # a missing or foreign database fails here, before serving
    web = WebState(Path(db), token=token, options=options or WebOptions())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        web.sources.warm()  # the source index takes seconds on a large database: start it now
        yield
        web.close()

    app = FastAPI(
        title="wiretrace",
        version=__version__,
        description="Stories, claim clusters, claims, sources and articles of a wiretrace database.",
        lifespan=lifespan,
        docs_url=None,  # FastAPI's docs page loads Swagger UI from a CDN: ours serves it locally
        redoc_url=None,
        openapi_url=OPENAPI_URL,
    )
    app.state.web = web
    app.state.templates = make_templates()
    install_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(files("wiretrace.web") / "static")), name="static")
    app.add_api_route("/healthz", _healthz, methods=["GET"], include_in_schema=False)
    install_api_docs(app, OPENAPI_URL)
    for router in ROUTERS:
        app.include_router(router)
    return app


async def _healthz() -> Response:
    """A trivial page: the baseline the benchmark compares every page with."""
    return JSONResponse({"ok": True})


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every HTTP response (a plain ASGI middleware: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in self.headers if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
