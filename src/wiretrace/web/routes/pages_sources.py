"""Pages: the sources list and one source (an outlet, agency or speaker)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from wiretrace.web.deps import corpus, found, state
from wiretrace.web.pagination import WindowDep, pager
from wiretrace.web.render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
SourceName = Annotated[str, Path(min_length=1, max_length=300)]


@router.get("/sources")
def sources_page(request: Request, win: WindowDep) -> HTMLResponse:
    index = state(request).sources.get(corpus(request))
    names = index.names()
    rows = [index.details[n].summary for n in names[win.offset : win.offset + win.limit]]
    return render(request, "sources.html", rows=rows, pager=pager(request, win, len(rows), len(names)))


@router.get("/sources/{name:path}")
def source_page(request: Request, name: SourceName, win: WindowDep) -> HTMLResponse:
    index = state(request).sources.get(corpus(request))
    detail = found(index.details.get(name), f"source {name!r}")
    shown = detail.appearances[win.offset : win.offset + win.limit]
    return render(request, "source.html", detail=detail, source=detail.summary, appearances=shown,
                  pager=pager(request, win, len(shown), len(detail.appearances)))  # fmt: skip
