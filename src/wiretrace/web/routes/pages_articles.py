"""Pages: the article list, one article (claims highlighted, captions, comments apart) and the claim list."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wiretrace.store.claims import list_claims
from wiretrace.web.claims import claim_items
from wiretrace.web.comments import threads
from wiretrace.web.deps import ArticleId, corpus, found, state
from wiretrace.web.highlight import blocks
from wiretrace.web.pagination import WindowDep, pager
from wiretrace.web.render import render
from wiretrace.web.seek import claim_start

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/articles")
async def articles_page(request: Request, win: WindowDep) -> HTMLResponse:
    data = corpus(request)
    rows = data.articles(limit=win.limit, offset=win.offset)
    return render(request, "articles.html", rows=rows, pager=pager(request, win, len(rows), data.count_articles()))


@router.get("/articles/{article_id}")
async def article_page(request: Request, article_id: ArticleId) -> HTMLResponse:
    data = corpus(request)
    stored = found(data.article(article_id), f"article {article_id}")
    items = claim_items(data, data.claims(article=article_id))
    link = data.link_of(article_id)
    return render(
        request,
        "article.html",
        stored=stored,
        article=stored.article,
        blocks=blocks(stored.article, [i.claim for i in items]),
        claims=items,
        threads=threads(stored.article.comments),
        extraction=data.extraction(article_id),
        story=data.story(link[0]) if link else None,
        repost_of=link[1] if link else None,
    )


@router.get("/claims")
async def claims_page(request: Request, win: WindowDep) -> HTMLResponse:
    data, web = corpus(request), state(request)
    start, rest = claim_start(data, web.kept(data), win.offset)
    items = claim_items(data, list_claims(data.connection, limit=win.limit, offset=rest, start=start))
    total = web.counted(data, "claims", data.count_claims)
    return render(request, "claims.html", claims=items, pager=pager(request, win, len(items), total))
