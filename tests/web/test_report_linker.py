"""The app links reports with one linker kept warm on its one writable handle: the stored links are
replayed on the first report only, and again when something else has written to the database."""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient
from web_helpers import TOKEN

import wiretrace
from wiretrace import store
from wiretrace.web import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORTS = [
    "Harbour closed after chemical spill\n\nThe port authority said on Tuesday that the harbour would stay "
    "closed after a chemical spill.\n\nThree workers were taken to hospital, the fire service said.\n",
    "Harbour spill: workers in hospital\n\nThree workers were taken to hospital after the chemical spill at "
    "the harbour, the fire service said on Tuesday.\n",
    "Bridge reopens after repairs\n\nThe city council said the old bridge reopened on Monday after two "
    "months of repairs.\n",
]


def post(client: TestClient, text: str) -> int:
    response = client.post("/api/reports", json={"text": text, "outlet": "Harbour Wire"}, headers=AUTH)
    assert response.status_code == 201, response.text
    return int(response.json()["article"])


def test_reports_share_one_warm_linker_until_another_writer_commits(seed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(seed_db, db)
    app = create_app(db, token=TOKEN)
    web = app.state.web
    with TestClient(app) as client:
        first = post(client, REPORTS[0])
        linker = web._linker
        replayed = linker._stories
        second = post(client, REPORTS[1])
        assert web._linker is linker and linker._stories is replayed  # not replayed for the second report
        story = client.get(f"/api/articles/{first}").json()
        assert client.get("/api/stories").json()["total"] >= 2 and story

        outside = tmp_path / "outside"
        outside.mkdir()
        (outside / "bridge.txt").write_text(REPORTS[2], encoding="utf-8")
        wiretrace.analyze([outside], db).close()  # another writer: a linker of its own, stories of its own

        third = post(client, REPORTS[2] + "\nShare this article.\n")  # a copy of the report written outside
        assert web._linker is linker and linker._stories is not replayed  # the outside write was seen
    with store.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM clusters")]
        assert len(ids) == len(set(ids))
        links = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT article_id, story_id, repost_of FROM links")}
        bridge = conn.execute("SELECT id FROM articles WHERE text LIKE 'Bridge reopens%'").fetchone()[0]
        assert links[first][0] == links[second][0] != links[bridge][0]
        assert links[third] == (links[bridge][0], bridge)  # known as a copy: the linker saw the outside write
        linked = conn.execute("SELECT COUNT(*) FROM claims c JOIN links l ON l.article_id = c.article_id").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM cluster_claims").fetchone()[0] == linked


def test_a_report_the_database_fails_to_link_is_a_503_and_is_linked_with_the_next(
    seed_db: Path, tmp_path: Path
) -> None:
    """The database refuses the link (a trigger of the test's own: a real failure of the real database).
    The answer says so and to retry; the report stays stored, and the next report links it too."""
    db = tmp_path / "copy.db"
    shutil.copy(seed_db, db)
    with TestClient(create_app(db, token=TOKEN)) as client:
        with store.connect(db) as conn:
            conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON links BEGIN SELECT RAISE(ABORT, 'refused'); END")
        response = client.post("/api/reports", json={"text": REPORTS[0], "outlet": "Harbour Wire"}, headers=AUTH)
        assert response.status_code == 503 and response.headers["retry-after"] == "5"
        assert "refused" in response.json()["error"]["message"]
        with store.connect(db) as conn:
            assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3  # the report is kept
            conn.execute("DROP TRIGGER refuse")
        post(client, REPORTS[1])
    with store.connect(db) as conn:
        assert store.articles_to_link(conn) == []
