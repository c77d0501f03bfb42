"""Small pieces the routes share: reaching the app's state, typed path parameters, lookups that 404.

The corpus is fetched inside each route body (not in a FastAPI dependency), because FastAPI may run a
sync dependency and the route in different threads and a SQLite handle belongs to its thread.
"""

from __future__ import annotations

from typing import Annotated, TypeVar

from fastapi import Path, Request

from wiretrace.corpus import Corpus
from wiretrace.web.errors import ApiError
from wiretrace.web.state import WebState

T = TypeVar("T")
MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer; a larger id could only overflow

ArticleId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="An article's row id.")]
StoryId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="A story's id.")]
ClusterId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="A claim cluster's id.")]
ClaimId = Annotated[str, Path(min_length=1, max_length=200,
                             description="A claim id, e.g. 3f2a9c0d1b4e5f60#3 (URL-encode the #).")]


def state(request: Request) -> WebState:
    """The app's ``WebState``."""
    return request.app.state.web


def corpus(request: Request) -> Corpus:
    """This thread's read-only corpus (call it inside the route body): a worker thread's for a sync route,
    the event loop's for an ``async def`` one (see ``web.state``)."""
    return state(request).corpus()


def found(value: T | None, what: str) -> T:
    """``value``, or a 404 naming what was looked for."""
    if value is None:
        raise ApiError(404, f"no {what} in this database")
    return value
