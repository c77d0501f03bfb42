"""Pages: the stories list, a story's timeline of claim cards (filterable) and one claim cluster."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from wiretrace.records import FACTUALITY_LABELS
from wiretrace.store import StoredArticle
from wiretrace.store.articles import load_articles
from wiretrace.web.cards import TimelineFilter, cards, timeline
from wiretrace.web.claims import verdicts
from wiretrace.web.deps import ClusterId, StoryId, corpus, found
from wiretrace.web.highlight import sentence_block
from wiretrace.web.pagination import CardWindowDep, WindowDep, pager
from wiretrace.web.place_map import place_map
from wiretrace.web.render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
FilterText = Annotated[str, Query(max_length=300)]


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/stories", status_code=307)


@router.get("/stories")
async def stories_page(request: Request, win: WindowDep) -> HTMLResponse:
    data = corpus(request)
    rows = data.stories(limit=win.limit, offset=win.offset)
    return render(request, "stories.html", stories=rows, articles=data.count_articles(),
                  pager=pager(request, win, len(rows), data.count_stories()))  # fmt: skip


@router.get("/stories/{story_id}")
async def story_page(
    request: Request, story_id: StoryId, win: CardWindowDep,
    source: FilterText = "", status: FilterText = "", place: FilterText = "",
) -> HTMLResponse:  # fmt: skip
    data = corpus(request)
    story = found(data.story(story_id), f"story {story_id}")
    where = TimelineFilter(source.strip(), status.strip(), place.strip())
    clusters, total = timeline(data, story_id, win, where)
    seen = sorted({o.name for c in clusters for o in c.origins} | {m.outlet for c in clusters for m in c.mentions})
    return render(
        request, "story.html", story=story, cards=cards(data, clusters), where=where,
        statuses=FACTUALITY_LABELS, source_names=seen, pager=pager(request, win, len(clusters), total),
    )  # fmt: skip


@router.get("/stories/{story_id}/map")
async def story_map_page(request: Request, story_id: StoryId) -> HTMLResponse:
    data = corpus(request)
    story = found(data.story(story_id), f"story {story_id}")
    places = data.places(story=story_id)
    return render(request, "story_map.html", story=story, places=places, map=place_map(places))


@router.get("/clusters/{cluster_id}")
async def cluster_page(request: Request, cluster_id: ClusterId) -> HTMLResponse:
    data = corpus(request)
    cluster = found(data.cluster(cluster_id), f"claim cluster {cluster_id}")
    loaded = load_articles(data.connection, [m.article for m in cluster.mentions])
    articles: dict[int, StoredArticle | None] = {m.article: loaded.get(m.article) for m in cluster.mentions}
    contexts = {
        m.claim.id: sentence_block(stored.article, m.claim)
        for m in cluster.mentions if (stored := articles[m.article]) is not None
    }  # fmt: skip
    return render(
        request, "cluster.html", cluster=cluster, story=data.story(cluster.story), articles=articles,
        contexts=contexts, verdicts=verdicts(data, [m.claim.id for m in cluster.mentions]),
    )  # fmt: skip
