"""The JSON API and the pages over the seed database, in process (FastAPI's TestClient): pagination,
the one error shape, the write token, verdicts shown on the claim card, and a report added through
``POST /api/reports`` reaching its article page, story and claims."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from web_helpers import TOKEN

from wiretrace.errors import StoreError
from wiretrace.web import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGE = {"accept": "text/html"}
REPORT = (
    "Harbour closed after chemical spill\n\n"
    "The port authority said on Tuesday that the harbour would stay closed after a chemical spill, "
    "according to a statement.\n\n"
    "Three workers were taken to hospital, the fire service said.\n"
)


@pytest.fixture(scope="module")
def client(seed_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seed_db)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def writer(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("web-writes") / "copy.db"
    shutil.copy(seed_db, db)
    with TestClient(create_app(db, token=TOKEN)) as test_client:
        yield test_client


def dozens_cluster(client: TestClient) -> dict:
    story = client.get("/api/stories").json()["items"][0]
    clusters = client.get(f"/api/stories/{story['id']}/clusters", params={"limit": 200}).json()["items"]
    return next(c for c in clusters if any(m["claim"]["text"] == "Dozens of attackers were killed" for m in c["mentions"]))


@pytest.mark.parametrize("path, query", [
    ("/api/stories", {}), ("/api/articles", {}), ("/api/claims", {}), ("/api/sources", {}),
    ("/api/search/articles", {"q": "dozens"}), ("/api/search/claims", {"q": "police"}),
    ("/api/stories/1/clusters", {}), ("/api/sources/RIA%20Novosti/reports", {}),
])  # fmt: skip
def test_every_list_pages_the_same_way(client: TestClient, path: str, query: dict) -> None:
    first = client.get(path, params={**query, "limit": 1}).json()
    assert set(first) == {"items", "total", "limit", "offset"}
    assert first["limit"] == 1 and first["offset"] == 0 and len(first["items"]) == 1
    rest = client.get(path, params={**query, "limit": 200, "offset": 1}).json()
    everything = client.get(path, params={**query, "limit": 200}).json()
    assert everything["items"] == first["items"] + rest["items"]
    assert len(everything["items"]) == everything["total"]


def test_limit_and_offset_bounds(client: TestClient) -> None:
    assert client.get("/api/claims", params={"limit": 201}).status_code == 422
    assert client.get("/api/claims", params={"limit": 0}).status_code == 422
    assert client.get("/api/claims", params={"offset": -1}).status_code == 422
    far = client.get("/api/claims", params={"offset": 10**6}).json()
    assert far["items"] == [] and far["total"] == 52


@pytest.mark.parametrize("method, path, status, code", [
    ("GET", "/api/stories/999", 404, "not-found"),
    ("GET", "/api/clusters/999", 404, "not-found"),
    ("GET", "/api/articles/999", 404, "not-found"),
    ("GET", "/api/articles/abc", 422, "invalid-request"),
    ("GET", "/api/articles/99999999999999999999", 422, "invalid-request"),
    ("GET", "/api/claims?article=999", 404, "not-found"),
    ("GET", "/api/sources/nobody", 404, "not-found"),
    ("GET", "/api/search/articles", 422, "invalid-request"),
    ("GET", "/api/nothing-here", 404, "not-found"),
    ("DELETE", "/api/stories", 405, "method-not-allowed"),
    ("PATCH", "/api/claims/x", 403, "forbidden"),
    ("POST", "/api/reports", 403, "forbidden"),
])  # fmt: skip
def test_one_error_shape(client: TestClient, method: str, path: str, status: int, code: str) -> None:
    response = client.request(method, path, json={})
    assert response.status_code == status
    assert response.json() == {"error": {"code": code, "message": response.json()["error"]["message"]}}
    assert response.json()["error"]["message"]


def test_pages_show_errors_as_pages(client: TestClient) -> None:
    response = client.get("/stories/999", headers=PAGE)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "no story 999" in response.text


def test_a_server_error_keeps_the_shape_and_hides_the_exception(seed_db: Path) -> None:
    app = create_app(seed_db)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret detail")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/api/boom")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal-error"
    assert "secret" not in response.text


def test_create_app_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "absent.db")


@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    ({"Authorization": "Bearer wrong"}, 403),
    ({"Authorization": f"Basic {TOKEN}"}, 401),
    ({"Authorization": f"Bearer {TOKEN}x"}, 403),
])  # fmt: skip
def test_writes_refuse_a_missing_or_wrong_token(writer: TestClient, headers: dict, status: int) -> None:
    response = writer.patch(f"/api/claims/{quote('075c0c0b0a7cf21a#17')}", json={"verdict": "false"}, headers=headers)
    assert response.status_code == status
    assert writer.post("/api/reports", json={"text": REPORT}, headers=headers).status_code == status


@pytest.mark.parametrize("body", [
    {"verdict": "wrong"},
    {"verdict": "false", "note": 3},
    {"verdict": "false", "extra": 1},
    {"note": "no verdict"},
])  # fmt: skip
def test_verdict_body_is_strict(writer: TestClient, body: dict) -> None:
    response = writer.patch(f"/api/claims/{quote('075c0c0b0a7cf21a#17')}", json=body, headers=AUTH)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid-request"


def test_verdict_is_stored_and_shown_on_the_claim_card(writer: TestClient) -> None:
    cluster = dozens_cluster(writer)
    claim_id = next(m["claim"]["id"] for m in cluster["mentions"] if m["claim"]["text"] == "Dozens of attackers were killed")
    response = writer.patch(f"/api/claims/{quote(claim_id, safe='')}", json={"verdict": "misleading",
                            "note": "counts <disputed>"}, headers=AUTH)  # fmt: skip
    assert response.status_code == 200
    assert response.json()["verdict"] == "misleading" and response.json()["claim_id"] == claim_id
    claims = writer.get("/api/claims", params={"limit": 200}).json()["items"]
    assert next(c for c in claims if c["claim"]["id"] == claim_id)["verdict"]["note"] == "counts <disputed>"
    page = writer.get(f"/stories/{cluster['story']}", headers=PAGE).text
    assert "analyst: misleading" in page and "counts &lt;disputed&gt;" in page
    assert writer.patch("/api/claims/none%231", json={"verdict": "false"}, headers=AUTH).status_code == 404


def test_a_claim_row_viewed_before_shows_a_new_verdict(writer: TestClient) -> None:
    """Claim rows are drawn once per (claim, cluster, verdict): a verdict given after a view is shown."""
    mention = next(m for m in dozens_cluster(writer)["mentions"] if m["claim"]["text"] == "Dozens of attackers were killed")
    pages = [f"/articles/{mention['article']}", f"/search?q={quote('Dozens of attackers were killed')}"]
    assert all("analyst: verified" not in writer.get(page, headers=PAGE).text for page in pages)
    response = writer.patch(f"/api/claims/{quote(mention['claim']['id'], safe='')}", json={"verdict": "verified"},
                            headers=AUTH)  # fmt: skip
    assert response.status_code == 200
    assert all("analyst: verified" in writer.get(page, headers=PAGE).text for page in pages)


@pytest.mark.parametrize("body, message", [
    ({"text": "a", "html": "<p>b</p>"}, "exactly one"),
    ({}, "exactly one"),
    ({"text": REPORT, "published_at": "yesterday"}, "ISO 8601"),
    ({"url": "ftp://example.org/report"}, "http(s)"),
    ({"text": REPORT, "outlet": 5}, "outlet"),
    ({"text": "\n\n  \n"}, "not stored"),
])  # fmt: skip
def test_report_body_is_checked(writer: TestClient, body: dict, message: str) -> None:
    response = writer.post("/api/reports", json=body, headers=AUTH)
    assert response.status_code == 422
    assert message in response.json()["error"]["message"]


def test_posted_report_goes_through_the_pipeline(writer: TestClient) -> None:
    response = writer.post("/api/reports", headers=AUTH, json={
        "text": REPORT, "outlet": "Harbour Wire", "published_at": "2024-03-05T10:00:00+01:00"})  # fmt: skip
    assert response.status_code == 201, response.text
    result = response.json()
    article = result["article"]
    assert result["run"]["stored"] == 1
    stored = writer.get(f"/api/articles/{article}").json()["article"]
    assert stored["outlet"] == "Harbour Wire" and stored["published_at"] == "2024-03-05T10:00:00+01:00"
    claims = writer.get("/api/claims", params={"article": article}).json()
    assert claims["total"] >= 1 and all(c["cluster"] for c in claims["items"])
    page = writer.get(f"/articles/{article}", headers=PAGE).text
    assert "Harbour closed after chemical spill" in page and 'href="/stories/' in page
    again = writer.post("/api/reports", headers=AUTH, json={"text": REPORT, "outlet": "Harbour Wire"})
    assert again.status_code == 201 and again.json()["article"] is None and again.json()["run"]["unchanged"] == 1


@pytest.mark.parametrize("path, needle", [
    ("/stories", "story-link"),
    ("/stories/1?status=not-confirmed", "not confirmed"),
    ("/stories/1?place=Almaty", "Almaty"),
    ("/articles", "Cleaning Almaty"),
    ("/claims?limit=5&offset=5", "6–10 of 52"),
    ("/search?q=dozens", "dozens"),
    ("/search?q=%22", "Search"),
    ("/sources", "RIA Novosti"),
    ("/sources/" + quote("Police Department of the city", safe=""), "sole"),
])  # fmt: skip
def test_pages_render(client: TestClient, path: str, needle: str) -> None:
    response = client.get(path, headers=PAGE)
    assert response.status_code == 200 and needle in response.text


def test_timeline_filters(client: TestClient) -> None:
    def total(**params: str) -> int:
        return client.get("/api/stories/1/clusters", params=params).json()["total"]

    everything = total()
    assert 0 < total(status="not-confirmed") < everything
    assert 0 < total(source="RIA Novosti") < everything
    assert 0 < total(place="Almaty") < everything
    assert total(source="RIA Novosti", status="not-confirmed") <= total(source="RIA Novosti")
    assert total(source="nobody at all") == 0


def test_sources_count_sole_sources_and_only_routes(client: TestClient) -> None:
    ria = client.get("/api/sources/RIA%20Novosti").json()
    assert ria["summary"]["relayed"] >= 2 and ria["summary"]["origin_of"] == 0
    assert ria["summary"]["only_route"] >= 1  # a claim that reached the page only through the agency
    assert any(who == "press service of the Police Department" for who, _ in ria["relayed_for"])
    unian = client.get("/api/sources/UNIAN").json()["summary"]
    assert 0 < unian["sole"] <= unian["origin_of"]


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/healthz", "/stories", "/api/stories", "/api/stories/999"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
