"""JSON API: stories, their timelines of claim clusters, and one cluster."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from wiretrace.jsonable import to_jsonable
from wiretrace.records import ClaimCluster, Story
from wiretrace.web.cards import TimelineFilter, timeline
from wiretrace.web.deps import ClusterId, StoryId, corpus, found
from wiretrace.web.errors import error_responses
from wiretrace.web.pagination import Page, WindowDep, page_json

router = APIRouter(prefix="/api", tags=["stories"], responses=error_responses(400, 422))
FilterText = Annotated[str, Query(max_length=300)]


@router.get("/stories", response_model=Page[Story], summary="Stories, the most recently updated first")
def list_stories(request: Request, win: WindowDep) -> JSONResponse:
    data = corpus(request)
    return page_json(data.stories(limit=win.limit, offset=win.offset), data.count_stories(), win)


@router.get("/stories/{story_id}", response_model=Story, responses=error_responses(404), summary="One story")
def get_story(request: Request, story_id: StoryId) -> JSONResponse:
    return JSONResponse(to_jsonable(found(corpus(request).story(story_id), f"story {story_id}")))


@router.get("/stories/{story_id}/clusters", response_model=Page[ClaimCluster], responses=error_responses(404),
            summary="A story's claim clusters in timeline order (unknown times last), optionally filtered")  # fmt: skip
def story_clusters(
    request: Request, story_id: StoryId, win: WindowDep,
    source: Annotated[str, Query(max_length=300, description="A source name any report passes through.")] = "",
    status: Annotated[str, Query(max_length=300, description="The cluster's status, e.g. not-confirmed.")] = "",
    place: Annotated[str, Query(max_length=300, description="A place a report is about.")] = "",
) -> JSONResponse:  # fmt: skip
    data = corpus(request)
    found(data.story(story_id), f"story {story_id}")
    clusters, total = timeline(data, story_id, win, TimelineFilter(source.strip(), status.strip(), place.strip()))
    return page_json(clusters, total, win)


@router.get("/clusters/{cluster_id}", response_model=ClaimCluster, responses=error_responses(404),
            summary="One claim cluster: mentions, origins, independence, relays, history, conflicts, framing")  # fmt: skip
def get_cluster(request: Request, cluster_id: ClusterId) -> JSONResponse:
    return JSONResponse(to_jsonable(found(corpus(request).cluster(cluster_id), f"claim cluster {cluster_id}")))
