"""Server-side pagination, the same for every list (API and pages): ``limit`` and ``offset`` in the
query, ``{"items", "total", "limit", "offset"}`` in JSON, previous/next links on pages.

Every list is cut by the database (``LIMIT``/``OFFSET`` through ``Corpus``), never by loading it whole,
so a page of a 10k-article database costs what a page of a small one does; deep pages of the claim list
(hundreds of thousands of rows) start from kept keys instead (``web.seek``).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar
from urllib.parse import urlencode

from fastapi import Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from wiretrace.jsonable import to_jsonable

T = TypeVar("T")
MAX_OFFSET = 1_000_000_000  # SQLite takes 64-bit offsets; this keeps a bound well inside them


class Page(BaseModel, Generic[T]):
    """One page of a list: its items, how many there are in all, and the window asked for."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class Window:
    """The ``limit``/``offset`` of a request, already validated."""

    limit: int
    offset: int


def window_dependency(default: int | None = None) -> Callable[..., Window]:
    """A FastAPI dependency reading ``limit``/``offset``; ``limit`` defaults to ``default`` or, when None,
    to the app's page size (a page of heavy items, like the timeline's cards, asks for fewer)."""

    async def window(  # async: pure arithmetic, so FastAPI runs it in the event loop, not in a thread
        request: Request,
        limit: Annotated[int | None, Query(ge=1, le=200, description="How many items (1–200).")] = None,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many items to pass over first.")] = 0,
    ) -> Window:
        options = request.app.state.web.options
        return Window(min(limit or default or options.page_size, options.max_page), offset)

    return window


WindowDep = Annotated[Window, Depends(window_dependency())]
CardWindowDep = Annotated[Window, Depends(window_dependency(20))]
"""The window of the pages of heavy items (claim clusters with all their reports, on the timeline and in
the API): 20 unless asked."""
SearchWindowDep = Annotated[Window, Depends(window_dependency(10))]
"""The window of the search page, which shows that many articles (each with a snippet of its text) and
as many claims: 10 of each unless asked."""


def page_json(items: list[Any], total: int, win: Window) -> JSONResponse:
    """A page as the API's JSON: records through ``to_jsonable`` (exact record field names)."""
    return JSONResponse({"items": to_jsonable(items), "total": total, "limit": win.limit, "offset": win.offset})


def page_json_text(items: str, total: int, win: Window) -> Response:
    """A page as the API's JSON when its items are JSON text already (assembled by the store)."""
    head = f'{{"items":{items},"total":{int(total)},"limit":{int(win.limit)},"offset":{int(win.offset)}}}'
    return Response(head, media_type="application/json")


@dataclass(frozen=True, slots=True)
class Pager:
    """What a page template needs to draw "previous · 51–100 of 10,000 · next"."""

    first: int
    last: int
    total: int
    previous: str | None
    next: str | None


def pager(request: Request, win: Window, shown: int, total: int) -> Pager:
    """Previous/next links that keep the request's other query parameters (filters, search terms)."""
    params = {k: v for k, v in request.query_params.items() if k not in {"limit", "offset"}}

    def link(offset: int) -> str:
        return "?" + urlencode({**params, "limit": win.limit, "offset": offset})

    previous = link(max(0, win.offset - win.limit)) if win.offset > 0 else None
    following = link(win.offset + win.limit) if win.offset + win.limit < total else None
    return Pager(win.offset + 1 if shown else win.offset, win.offset + shown, total, previous, following)
