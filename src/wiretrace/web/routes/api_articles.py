"""JSON API: articles and full-text search (``/api/articles``, ``/api/search/...``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from wiretrace.jsonable import to_jsonable
from wiretrace.store import ArticleSummary, StoredArticle
from wiretrace.web.deps import ArticleId, corpus, found, state
from wiretrace.web.errors import error_responses
from wiretrace.web.models import ArticleHit, ClaimItem
from wiretrace.web.pagination import Page, WindowDep, page_json, page_json_text
from wiretrace.web.search import article_hits, claim_hits_json

router = APIRouter(prefix="/api", tags=["articles"], responses=error_responses(400, 422))
SearchText = Annotated[str, Query(min_length=1, max_length=500, description="Words to find (all must match).")]


@router.get("/articles", response_model=Page[ArticleSummary], summary="List articles in the order stored")
async def list_articles(request: Request, win: WindowDep) -> JSONResponse:
    data = corpus(request)
    return page_json(data.articles(limit=win.limit, offset=win.offset), data.count_articles(), win)


@router.get("/articles/{article_id}", response_model=StoredArticle, responses=error_responses(404),
            summary="One article: text, typed segments, comments, locations")  # fmt: skip
async def get_article(request: Request, article_id: ArticleId) -> JSONResponse:
    return JSONResponse(to_jsonable(found(corpus(request).article(article_id), f"article {article_id}")))


@router.get("/search/articles", response_model=Page[ArticleHit], summary="Articles matching words, best first")
async def search_articles(request: Request, q: SearchText, win: WindowDep) -> JSONResponse:
    hits = article_hits(corpus(request), q, win, state(request).options.search_cap)
    return page_json(hits.items, hits.total, win)


@router.get("/search/claims", response_model=Page[ClaimItem],
            summary="Claims whose text or speaker match words, best first")  # fmt: skip
async def search_claims(request: Request, q: SearchText, win: WindowDep) -> Response:
    items, total = claim_hits_json(corpus(request), q, win, state(request).options.search_cap)
    return page_json_text(items, total, win)
