"""JSON API: ``POST /api/reports`` adds one report (text, HTML or URL) through the analyze pipeline."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from wiretrace.jsonable import to_jsonable
from wiretrace.web.auth import require_token
from wiretrace.web.deps import state
from wiretrace.web.errors import error_responses
from wiretrace.web.models import ReportIn, ReportResult
from wiretrace.web.reports import add_report

router = APIRouter(prefix="/api", tags=["reports"])


@router.post(
    "/reports",
    status_code=201,
    response_model=ReportResult,
    dependencies=[Depends(require_token)],
    responses=error_responses(400, 401, 403, 422, 503),
    summary="Add a report: it is cleaned, extracted, stored and linked like `wiretrace analyze` (needs the token)",
)
def post_report(request: Request, report: ReportIn) -> JSONResponse:
    return JSONResponse(to_jsonable(add_report(state(request), report)), status_code=201)
