"""JSON API: sources (outlets, agencies, speakers) and the reports each appears in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse

from wiretrace.jsonable import to_jsonable
from wiretrace.web.deps import corpus, found, state
from wiretrace.web.errors import error_responses
from wiretrace.web.pagination import Page, WindowDep, page_json
from wiretrace.web.sources import Appearance, SourceDetail, SourceSummary

router = APIRouter(prefix="/api", tags=["sources"], responses=error_responses(400, 422))
SourceName = Annotated[str, Path(min_length=1, max_length=300, description="A source name, URL-encoded.")]


@dataclass(frozen=True, slots=True)
class SourceOverview:
    """A source without its list of reports (``/reports`` pages through them)."""

    summary: SourceSummary
    aliases: list[str]
    part_of: list[str]
    through: list[tuple[str, int]]
    relayed_for: list[tuple[str, int]]


def _detail(request: Request, name: str) -> SourceDetail:
    index = state(request).sources.get(corpus(request))
    return found(index.details.get(name), f"source {name!r}")


@router.get("/sources", response_model=Page[SourceSummary], summary="Sources, the most reported first")
def list_sources(request: Request, win: WindowDep) -> JSONResponse:
    index = state(request).sources.get(corpus(request))
    names = index.names()
    rows = [index.details[n].summary for n in names[win.offset : win.offset + win.limit]]
    return page_json(rows, len(names), win)


@router.get("/sources/{name:path}/reports", response_model=Page[Appearance], responses=error_responses(404),
            summary="The reports whose chain names the source")  # fmt: skip
def source_reports(request: Request, name: SourceName, win: WindowDep) -> JSONResponse:
    d = _detail(request, name)
    return page_json(d.appearances[win.offset : win.offset + win.limit], len(d.appearances), win)


@router.get("/sources/{name:path}", response_model=SourceOverview, responses=error_responses(404),
            summary="One source: counts, aliases, through whom it reached the page, whose words it passed on")  # fmt: skip
def get_source(request: Request, name: SourceName) -> JSONResponse:
    d = _detail(request, name)
    return JSONResponse(to_jsonable(SourceOverview(d.summary, d.aliases, d.part_of, d.through, d.relayed_for)))
