"""JSON API: stories, their timelines of claim clusters, and one cluster."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from wiretrace.jsonable import to_jsonable
from wiretrace.records import ClaimCluster, Story
from wiretrace.store.json_pages import cluster_json, clusters_json, stories_json
from wiretrace.web.cards import TimelineFilter, timeline
from wiretrace.web.deps import ClusterId, StoryId, corpus, found
from wiretrace.web.errors import error_responses
from wiretrace.web.pagination import CardWindowDep, Page, WindowDep, page_json, page_json_text

router = APIRouter(prefix="/api", tags=["stories"], responses=error_responses(400, 422))
FilterText = Annotated[str, Query(max_length=300)]


@router.get("/stories", response_model=Page[Story], summary="Stories, the most recently updated first")
async def list_stories(request: Request, win: WindowDep) -> Response:
    data = corpus(request)
    items = stories_json(data.connection, limit=win.limit, offset=win.offset)
    return page_json_text(items, data.count_stories(), win)


@router.get("/stories/{story_id}", response_model=Story, responses=error_responses(404), summary="One story")
async def get_story(request: Request, story_id: StoryId) -> JSONResponse:
    return JSONResponse(to_jsonable(found(corpus(request).story(story_id), f"story {story_id}")))


@router.get("/stories/{story_id}/clusters", response_model=Page[ClaimCluster], responses=error_responses(404),
            summary="A story's claim clusters in timeline order (unknown times last), optionally filtered",
            description="20 clusters a page unless ``limit`` says otherwise: each carries every report.")  # fmt: skip
async def story_clusters(
    request: Request, story_id: StoryId, win: CardWindowDep,
    source: Annotated[str, Query(max_length=300, description="A source name any report passes through.")] = "",
    status: Annotated[str, Query(max_length=300, description="The cluster's status, e.g. not-confirmed.")] = "",
    place: Annotated[str, Query(max_length=300, description="A place a report is about.")] = "",
) -> Response:  # fmt: skip
    data = corpus(request)
    found(data.story(story_id), f"story {story_id}")
    where = TimelineFilter(source.strip(), status.strip(), place.strip())
    if not where.active:  # the stored records put together by SQLite: nothing decoded and encoded again
        items = clusters_json(data.connection, story=story_id, limit=win.limit, offset=win.offset)
        return page_json_text(items, data.count_clusters(story=story_id), win)
    clusters, total = timeline(data, story_id, win, where)
    return page_json(clusters, total, win)


@router.get("/clusters/{cluster_id}", response_model=ClaimCluster, responses=error_responses(404),
            summary="One claim cluster: mentions, origins, independence, relays, history, conflicts, framing")  # fmt: skip
async def get_cluster(request: Request, cluster_id: ClusterId) -> Response:
    text = found(cluster_json(corpus(request).connection, cluster_id), f"claim cluster {cluster_id}")
    return Response(text, media_type="application/json")
