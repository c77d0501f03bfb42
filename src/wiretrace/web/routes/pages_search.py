"""Page: search over articles and claims (FTS5), both lists paged together by one window."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from wiretrace.errors import WiretraceError
from wiretrace.web.claims import claim_items
from wiretrace.web.deps import corpus, state
from wiretrace.web.pagination import SearchWindowDep, pager
from wiretrace.web.render import render
from wiretrace.web.search import Hits, article_hits, claim_hits, snippet_pieces

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/search")
async def search_page(
    request: Request, win: SearchWindowDep, q: Annotated[str, Query(max_length=500)] = ""
) -> HTMLResponse:
    data, cap = corpus(request), state(request).options.search_cap
    empty = Hits([], 0, False)
    problem = None
    try:
        articles = article_hits(data, q, win, cap) if q.strip() else empty
        claims = claim_hits(data, q, win, cap) if q.strip() else empty
    except WiretraceError as exc:
        articles, claims, problem = empty, empty, str(exc)
    shown = max(len(articles.items), len(claims.items))
    return render(
        request,
        "search.html",
        q=q,
        cap=cap,
        problem=problem,
        articles=articles,
        claims=claims,
        claim_items=claim_items(data, claims.items),
        snippet_pieces=snippet_pieces,
        pager=pager(request, win, shown, max(articles.total, claims.total)),
    )
