"""The API docs page (``/api/docs``): Swagger UI served from this machine, under the pages' strict CSP.

FastAPI's own docs page loads Swagger UI from a CDN and starts it with an inline script, so offline it
is blank and under ``script-src 'self'`` it would not run. Here the Swagger UI files come from the
``fastapi-offline`` package (which ships them for exactly this; we use its files, not its app factory),
the page is a template with no inline code, and ``static/api-docs.js`` starts Swagger UI with the schema
URL read from the page. Without that package the docs page is left out and ``/openapi.json`` remains
the schema.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/api/docs"
ASSETS_URL = "/api/docs/assets"
ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon.png")


def swagger_ui_files() -> Traversable | None:
    """The folder of Swagger UI's files shipped by ``fastapi-offline``, or None when it is absent."""
    try:
        folder = files("fastapi_offline") / "static"
    except ModuleNotFoundError:
        return None
    return folder if all((folder / name).is_file() for name in ASSETS) else None


def install_api_docs(app: FastAPI, openapi_url: str) -> bool:
    """Add the docs page and its files to ``app``; False (and no page) when Swagger UI's files are absent."""
    folder = swagger_ui_files()
    if folder is None:
        return False
    app.mount(ASSETS_URL, StaticFiles(directory=str(folder)), name="api-docs-assets")

    async def api_docs(request: Request) -> HTMLResponse:
        return request.app.state.templates.TemplateResponse(
            request, "api_docs.html", {"title": app.title, "assets": ASSETS_URL, "openapi_url": openapi_url})

    app.add_api_route(DOCS_URL, api_docs, methods=["GET"], include_in_schema=False, response_class=HTMLResponse)
    return True
