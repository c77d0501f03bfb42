"""Rendering a page template: one call, the request and the page's values (escaped by the template)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    """``template`` rendered with ``context``; ``writes`` tells the page whether verdict forms work."""
    templates = request.app.state.templates
    context.setdefault("writes", request.app.state.web.token is not None)
    return templates.TemplateResponse(request, template, context)
