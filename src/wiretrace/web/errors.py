"""One error shape for every HTTP error: ``{"error": {"code": "not-found", "message": "..."}}``.

Every 4xx and 5xx leaves through the handlers installed here, whatever raised it (a route, FastAPI's
request validation, Starlette's routing, a bug), so a client parses one shape. Pages (paths outside
``/api/`` asked for by a browser) get the same code and message as an HTML page. A server error never
shows its exception to the client; it is logged.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from wiretrace.errors import StoreError, WiretraceError

log = logging.getLogger("wiretrace.web")

CODES = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid-request",
    500: "internal-error",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries documenting the error shape for the given statuses."""
    return {s: {"model": ErrorBody, "description": HTTPStatus(s).phrase} for s in statuses}


class ApiError(Exception):
    """Raised by routes: an HTTP status and a message for a person (the code follows the status)."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through ``error_response``."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, validation_message(exc.errors()))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        # the database failed or kept changing under a write: not the request's fault; what was stored is kept
        return error_response(request, 503, str(exc), {"Retry-After": "5"})

    @app.exception_handler(WiretraceError)
    async def _wiretrace_error(request: Request, exc: WiretraceError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s %s", request.method, request.url.path)
        return error_response(request, 500, "the server failed on this request; the error is in its log")


def validation_message(errors: Any) -> str:
    """FastAPI's validation errors as one line: ``query.limit: Input should be ... ; body: ...``."""
    parts = []
    for error in list(errors)[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error as JSON, or as an HTML page for a browser asking for a page outside ``/api/``."""
    code = CODES.get(status) or HTTPStatus(status).phrase.lower().replace(" ", "-")
    if _wants_page(request):
        templates = request.app.state.templates
        html = templates.get_template("error.html").render(request=request, status=status, code=code, message=message)
        return HTMLResponse(html, status_code=status, headers=headers)
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _wants_page(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return False
    return "text/html" in request.headers.get("accept", "")
