"""The API's lists assembled by SQLite from the stored JSON say exactly what the records say, through
``to_jsonable``, over the seed database; and the heavy lists page 20 at a time unless asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wiretrace import store
from wiretrace.corpus import Corpus
from wiretrace.jsonable import to_jsonable
from wiretrace.web import create_app
from wiretrace.web.claims import claim_items


@pytest.fixture(scope="module")
def client(seed_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seed_db)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def corpus(seed_db: Path) -> Iterator[Corpus]:
    with Corpus(seed_db, read_only=True) as opened:
        yield opened


@pytest.mark.parametrize("limit, offset", [(50, 0), (3, 2), (200, 1)])
def test_story_clusters_are_the_records(client: TestClient, corpus: Corpus, limit: int, offset: int) -> None:
    for story in corpus.stories():
        page = client.get(f"/api/stories/{story.id}/clusters", params={"limit": limit, "offset": offset}).json()
        assert page["items"] == to_jsonable(corpus.clusters(story=story.id, limit=limit, offset=offset))
        assert page["total"] == corpus.count_clusters(story=story.id)


def test_a_story_timeline_pages_20_clusters_unless_asked(client: TestClient, corpus: Corpus) -> None:
    story = max(corpus.stories(), key=lambda s: corpus.count_clusters(story=s.id))
    assert corpus.count_clusters(story=story.id) > 20
    page = client.get(f"/api/stories/{story.id}/clusters").json()
    assert page["limit"] == 20 and len(page["items"]) == 20
    assert page["items"] == to_jsonable(corpus.clusters(story=story.id, limit=20))


def test_one_cluster_is_its_record(client: TestClient, corpus: Corpus) -> None:
    for cluster in corpus.clusters(story=corpus.stories()[0].id):
        assert client.get(f"/api/clusters/{cluster.id}").json() == to_jsonable(cluster)


def test_stories_are_the_records(client: TestClient, corpus: Corpus) -> None:
    assert client.get("/api/stories").json()["items"] == to_jsonable(corpus.stories())


@pytest.mark.parametrize("params", [{}, {"limit": 7, "offset": 40}, {"article": 1}, {"article": 2, "offset": 3}])
def test_claims_are_the_records_with_cluster_and_verdict(client: TestClient, corpus: Corpus, params: dict) -> None:
    page = client.get("/api/claims", params=params).json()
    rows = corpus.claims(article=params.get("article"), limit=params.get("limit", 50), offset=params.get("offset", 0))
    assert page["items"] == to_jsonable(claim_items(corpus, rows))
    assert page["total"] == corpus.count_claims(article=params.get("article"))


def test_claims_carry_the_verdict_given(seed_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "verdict.db"
    copy.write_bytes(seed_db.read_bytes())
    with Corpus(copy) as writable:
        claim = writable.claims(limit=1, offset=4)[0].claim
        store.set_verdict(writable.connection, claim.id, "false", "a <note>")
    with TestClient(create_app(copy)) as test_client:
        item = test_client.get("/api/claims", params={"limit": 1, "offset": 4}).json()["items"][0]
        found = test_client.get("/api/search/claims", params={"q": claim.text, "limit": 200}).json()["items"]
    assert item["verdict"]["verdict"] == "false" and item["verdict"]["note"] == "a <note>"
    assert next(i for i in found if i["claim"]["id"] == claim.id)["verdict"]["verdict"] == "false"
