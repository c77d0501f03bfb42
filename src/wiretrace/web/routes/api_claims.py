"""JSON API: claims (``/api/claims``) and the analyst's verdict on one (``PATCH /api/claims/{id}``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from wiretrace import store
from wiretrace.jsonable import to_jsonable
from wiretrace.store import Verdict
from wiretrace.store.json_pages import claims_json
from wiretrace.web.auth import require_token
from wiretrace.web.deps import MAX_ROW_ID, ClaimId, corpus, found, state
from wiretrace.web.errors import error_responses
from wiretrace.web.models import ClaimItem, VerdictIn
from wiretrace.web.pagination import Page, WindowDep, page_json_text
from wiretrace.web.seek import claim_start

router = APIRouter(prefix="/api", tags=["claims"], responses=error_responses(400, 422))


@router.get("/claims", response_model=Page[ClaimItem], responses=error_responses(404),
            summary="Claims in article then text order, with cluster and verdict")  # fmt: skip
async def list_claims(
    request: Request,
    win: WindowDep,
    article: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID, description="Only this article's claims.")] = None,
) -> Response:
    data, web = corpus(request), state(request)
    if article is not None:
        found(data.article(article), f"article {article}")
        items = claims_json(data.connection, article=article, limit=win.limit, offset=win.offset)
        total = data.count_claims(article=article)
    else:
        start, rest = claim_start(data, web.kept(data), win.offset)
        items = claims_json(data.connection, limit=win.limit, offset=rest, start=start)
        total = web.counted(data, "claims", data.count_claims)
    return page_json_text(items, total, win)


@router.patch(
    "/claims/{claim_id}",
    response_model=Verdict,
    dependencies=[Depends(require_token)],
    responses=error_responses(401, 403, 404),
    summary="Set the analyst's verdict on a claim (needs the token)",
)
def set_verdict(request: Request, claim_id: ClaimId, body: VerdictIn) -> JSONResponse:
    with state(request).writer() as data:
        verdict = store.set_verdict(data.connection, claim_id, body.verdict, body.note)
    return JSONResponse(to_jsonable(found(verdict, f"claim {claim_id!r}")))
