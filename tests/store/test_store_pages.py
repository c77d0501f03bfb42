"""Pages read from the store: every window equals that part of the whole list (deep pages are cut on
narrow indexes, not by OFFSET over rows), counts are right, the JSON the API serves is exactly the
records' ``to_jsonable``, article counts are stored and back-filled, searches rank a bounded window."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiretrace import store
from wiretrace.jsonable import to_jsonable
from wiretrace.records import ChainLink, ClaimCluster, ClaimTime, Comment, Extraction, Mention, Origin, Story
from wiretrace.store.decoded import claim_from_text
from wiretrace.store.articles import article_titles, count_article_matches, load_articles, search_articles
from wiretrace.store.json_pages import claims_json, cluster_json, clusters_json, search_claims_json, stories_json
from wiretrace.store.links import clusters_of_claims, count_claim_matches
from wiretrace.store.source_reads import link_state, source_clusters, story_versions

from test_store import make_article, make_document  # same folder (pytest's prepend import mode)
from test_store_claims import make_claim

ARTICLES = 14
STORIES = 3
WIRE = (ChainLink("Port Authority", "spokesman", "official"), ChainLink("Example Wire", None, "media"))
WITNESS = (ChainLink("witnesses", None, "unnamed"), ChainLink("Harbour News", None, "media"))
PAGE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _claims(document_id: str, n: int) -> tuple:
    """A few claims of article ``n``: times on some, a claim with no chain, words to search for."""
    found = []
    for i in range(2 + (n // STORIES) % 3):
        time = ClaimTime(f"2024-03-0{1 + (n + i) % 5}T06:00:00+02:00", None, "hour", "at dawn", True, "event")
        found.append(make_claim(
            document_id, i + 1, text=f"Bridge {n} {'ferry ' * (n % 4 == 0 and i == 0)}closed at dawn, part {i}",
            chain=() if (n, i) == (5, 2) else WIRE if i % 2 == 0 else WITNESS,
            time=time if (n + i) % 3 else None,
        ))  # fmt: skip
    return tuple(found)


def build_linked(conn: sqlite3.Connection) -> None:
    """``ARTICLES`` articles in ``STORIES`` stories; each story's claims in two clusters by claim index
    (the second claim of each article left out of clusters), some reposts, two verdicts."""
    run = store.start_run(conn, ["test"])
    mentions: dict[int, list[Mention]] = {}
    linked: dict[int, list[int]] = {}
    for n in range(ARTICLES):
        text = "Bridge closed. " + "Word " * (3 * n)
        document = make_document(text, f"{n}.txt")
        article = make_article(document, text, tuple(Comment(f"c{k}") for k in range(n % 4)))
        article = replace(article, outlet=None if n == 7 else "Example Wire", published_at=None)
        claims = _claims(document.id, n)
        article_id = store.save_article(conn, run, document, article, Extraction("done", claims))
        story_id = n % STORIES + 1
        linked.setdefault(story_id, []).append(article_id)
        repost_of = linked[story_id][0] if n >= 9 and n % 2 else None
        assignments, touched = [], set()
        for i, claim in enumerate(claims):
            if i == 1:
                continue
            cluster_id = story_id * 10 + min(i, 2)
            mentions.setdefault(cluster_id, []).append(Mention(claim, article_id, "Example Wire", None, repost_of))
            assignments.append((claim.id, cluster_id))
            touched.add(cluster_id)
        clusters = tuple(
            ClaimCluster(cid, story_id, f"cluster {cid}", tuple(mentions[cid]),
                         (Origin(f"o{cid}", "Port Authority", "official", ("the port",)),), 1 + cid % 2)
            for cid in sorted(touched)
        )  # fmt: skip
        story = Story(story_id, f"Story {story_id}", "2024-03-01", None, ("Odesa",), ("police",),
                      tuple(linked[story_id]), claims=len(claims), clusters=len(clusters))  # fmt: skip
        update = store.LinkUpdate(article_id, story, repost_of, np.arange(4, dtype="<u8"), clusters, tuple(assignments))
        store.save_link(conn, update)
    store.end_run(conn, run)
    first = store.list_claims(conn, limit=3)
    store.set_verdict(conn, first[0].claim.id, "false", "a note")
    store.set_verdict(conn, first[2].claim.id, "verified")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("pages") / "linked.db"
    connection = store.connect(path)
    build_linked(connection)
    connection.close()
    return path


@pytest.fixture
def conn(db):
    connection = store.connect(db, read_only=True)
    yield connection
    connection.close()


# ---- windows equal that part of the whole list ------------------------------------------------------


@PAGE
@given(limit=st.integers(1, ARTICLES + 2), offset=st.integers(0, ARTICLES + 2))
def test_an_article_page_is_that_part_of_the_whole_list(conn, limit, offset):
    everything = store.list_articles(conn, limit=1000)
    assert [a.id for a in everything] == sorted(a.id for a in everything)
    assert store.list_articles(conn, limit=limit, offset=offset) == everything[offset : offset + limit]


@PAGE
@given(limit=st.integers(1, 60), offset=st.integers(0, 60), article=st.sampled_from([None, 1, 5, 14]))
def test_a_claim_page_is_that_part_of_the_whole_list(conn, limit, offset, article):
    everything = store.list_claims(conn, article=article)
    assert store.list_claims(conn, article=article, limit=limit, offset=offset) == everything[offset : offset + limit]
    assert store.list_claims(conn, article=article, offset=offset) == everything[offset:]
    assert store.count_claims(conn, article=article) == len(everything)


@PAGE
@given(limit=st.integers(1, 4), offset=st.integers(0, 4))
def test_a_story_page_is_that_part_of_the_whole_list(conn, limit, offset):
    everything = store.list_stories(conn, limit=100)
    assert len(everything) == STORIES == store.count_stories(conn)
    assert store.list_stories(conn, limit=limit, offset=offset) == everything[offset : offset + limit]
    assert everything == [store.load_story(conn, s.id) for s in everything]


def test_pages_skip_deleted_rows_like_offset_does(db, tmp_path):
    copy = tmp_path / "gaps.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    conn = store.connect(copy)
    conn.execute("DELETE FROM links")
    conn.execute("DELETE FROM cluster_claims")
    conn.execute("DELETE FROM verdicts")
    conn.execute("DELETE FROM articles WHERE id IN (2, 3, 8)")  # ids with gaps; claims go with them
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    for offset in range(len(ids) + 1):
        assert [a.id for a in store.list_articles(conn, limit=4, offset=offset)] == ids[offset : offset + 4]
    claims = [r[0] for r in conn.execute("SELECT id FROM claims ORDER BY article_id, idx")]
    for offset in range(0, len(claims) + 1, 3):
        assert [c.claim.id for c in store.list_claims(conn, limit=5, offset=offset)] == claims[offset : offset + 5]
    conn.close()


def test_a_cluster_page_reads_the_mentions_each_cluster_has(conn):
    for story in range(1, STORIES + 1):
        clusters = store.list_clusters(conn, story=story)
        assert len(clusters) == store.count_clusters(conn, story=story) == 2
        for cluster in clusters:
            assert list(cluster.mentions) == store.cluster_mentions(conn, cluster.id)
            assert store.load_cluster(conn, cluster.id) == cluster
        assert store.list_clusters(conn, story=story, limit=1, offset=1) == clusters[1:]
    assert store.load_cluster(conn, 999) is None


def test_clusters_of_claims_is_cluster_of_claim_for_each(conn):
    ids = [c.claim.id for c in store.list_claims(conn)] + ["no-such-claim"]
    expected = {i: store.cluster_of_claim(conn, i) for i in ids}
    assert clusters_of_claims(conn, ids) == {i: c for i, c in expected.items() if c is not None}
    assert len(clusters_of_claims(conn, ids)) == sum(len(_claims('0' * 64, n)) - 1 for n in range(ARTICLES))


# ---- the API's JSON is the records' to_jsonable -----------------------------------------------------


def claim_items(conn, claims) -> list[dict]:
    ids = [c.claim.id for c in claims]
    clusters, verdicts = clusters_of_claims(conn, ids), store.verdicts_of(conn, ids)
    return [to_jsonable({"article": c.article, "claim": c.claim, "cluster": clusters.get(c.claim.id),
                         "verdict": verdicts.get(c.claim.id)}) for c in claims]  # fmt: skip


def test_cluster_json_is_what_the_records_give(conn):
    for story in range(1, STORIES + 2):
        assert json.loads(clusters_json(conn, story=story)) == to_jsonable(store.list_clusters(conn, story=story))
        assert json.loads(clusters_json(conn, story=story, limit=1, offset=1)) == to_jsonable(
            store.list_clusters(conn, story=story, limit=1, offset=1))
    for cluster in (10, 12, 20, 22, 30, 32):
        assert json.loads(cluster_json(conn, cluster)) == to_jsonable(store.load_cluster(conn, cluster))
    assert cluster_json(conn, 999) is None
    no_chain = [m for c in store.list_clusters(conn, story=3) for m in c.mentions if not m.claim.chain]
    assert no_chain and no_chain[0].outlet == "Example Wire"  # the article's outlet when the chain is empty


@pytest.mark.parametrize("limit, offset", [(50, 0), (2, 1), (1, 2), (5, 9)])
def test_story_json_is_what_the_records_give(conn, limit, offset):
    assert json.loads(stories_json(conn, limit=limit, offset=offset)) == to_jsonable(
        store.list_stories(conn, limit=limit, offset=offset))


@pytest.mark.parametrize("article, limit, offset", [(None, 50, 0), (None, 7, 3), (None, 5, 38), (3, 50, 0),
                                                    (1, 2, 1), (99, 5, 0)])  # fmt: skip
def test_claim_json_is_what_the_records_give_with_cluster_and_verdict(conn, article, limit, offset):
    claims = store.list_claims(conn, article=article, limit=limit, offset=offset)
    assert json.loads(claims_json(conn, article=article, limit=limit, offset=offset)) == claim_items(conn, claims)
    if (article, offset) == (None, 0):  # the two verdicts and an unclustered claim are on the first page
        items = json.loads(claims_json(conn, limit=3))
        assert items[0]["verdict"]["verdict"] == "false" and items[1]["cluster"] is None


def test_records_stored_before_a_field_existed_read_back_with_its_default(db, tmp_path):
    copy = tmp_path / "old.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
        target.execute("UPDATE claims SET record = json_remove(record, '$.where', '$.confirms', '$.cues')")
        target.execute("UPDATE clusters SET record = json_remove(record, '$.framing', '$.status')")
        target.execute("UPDATE stories SET record = json_remove(record, '$.sources')")
    conn = store.connect(copy, read_only=True)
    assert json.loads(clusters_json(conn, story=1)) == to_jsonable(store.list_clusters(conn, story=1))
    assert json.loads(stories_json(conn)) == to_jsonable(store.list_stories(conn))
    assert json.loads(claims_json(conn, limit=10)) == claim_items(conn, store.list_claims(conn, limit=10))
    assert store.list_clusters(conn, story=1)[0].mentions[0].claim.where == "body"
    conn.close()


# ---- search: ranked inside the index, a bounded window, cheap counts --------------------------------


@pytest.mark.parametrize("query", ['"bridge"', '"ferry"', '"dawn" "part"', '"nothing"'])
def test_a_search_window_larger_than_the_matches_ranks_them_all(conn, query):
    everything = search_articles(conn, query, limit=100)
    assert search_articles(conn, query, limit=100, window=1000) == everything
    assert search_articles(conn, query, limit=3, offset=2) == everything[2:5]
    assert count_article_matches(conn, query) == len(everything)
    claims = store.search_claims(conn, query, limit=100)
    assert store.search_claims(conn, query, limit=100, window=1000) == claims
    assert store.search_claims(conn, query, limit=4, offset=3) == claims[3:7]
    assert count_claim_matches(conn, query) == len(claims)
    assert json.loads(search_claims_json(conn, query, limit=100)) == claim_items(conn, claims)


def test_a_search_ranks_the_most_recent_matches_of_its_window(conn):
    newest = store.search_claims(conn, '"bridge"', limit=100, window=5)
    assert len(newest) == 5
    seqs = [r[0] for r in conn.execute("SELECT seq FROM claims ORDER BY seq DESC LIMIT 5")]
    assert sorted(claim_from_text(r[0]).id for r in conn.execute(
        f"SELECT record FROM claims WHERE seq IN ({','.join('?' * 5)})", seqs)) == sorted(c.claim.id for c in newest)
    assert count_claim_matches(conn, '"bridge"', cap=5) == 5
    assert count_claim_matches(conn, '"bridge"') == len(store.list_claims(conn))


def test_article_hits_have_snippets_and_titles(conn):
    hits = search_articles(conn, '"bridge"', limit=3)
    assert all("[Bridge]" in snippet for _, snippet in hits)
    titles = article_titles(conn, [article for article, _ in hits] + [999])
    assert all(text == "" for _, _, text in titles.values())
    with_text = article_titles(conn, list(titles), with_text=True)
    assert {a: t[:2] for a, t in with_text.items()} == {a: t[:2] for a, t in titles.items()}
    assert all(text.strip() for _, _, text in with_text.values())
    assert set(titles) == {article for article, _ in hits}


def test_a_malformed_search_raises_the_sqlite_error(conn):
    with pytest.raises(sqlite3.OperationalError):
        search_articles(conn, '"unbalanced')
    with pytest.raises(sqlite3.OperationalError):
        search_claims_json(conn, '"unbalanced')


# ---- what the source index reads ---------------------------------------------------------------------


def test_source_clusters_read_what_the_records_hold(conn):
    stories = [story for story, _ in story_versions(conn)]
    assert stories == [s.id for s in store.list_stories(conn)]
    read = source_clusters(conn, stories)
    for story in stories:
        records = store.list_clusters(conn, story=story)
        assert [(c.id, c.label, c.status, c.independence, c.origins) for c in read[story]] == [
            (c.id, c.label, c.status, c.independence, c.origins) for c in records]
        for light, full in zip(read[story], records, strict=True):
            assert [(m.article, m.claim, m.text, m.chain, m.names, m.repost_of) for m in light.mentions] == [
                (m.article, m.claim.id, m.claim.text, m.claim.chain, tuple(x.name for x in m.claim.chain),
                 m.repost_of) for m in full.mentions]  # fmt: skip


def test_the_link_state_changes_with_every_link(db, tmp_path):
    copy = tmp_path / "more.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    conn = store.connect(copy)
    before, versions = link_state(conn), dict(story_versions(conn))
    run = store.start_run(conn, ["more"])
    document = make_document("Another report.", "more.txt")
    article = store.save_article(conn, run, document, make_article(document, "Another report."), Extraction("done", ()))
    story = replace(store.load_story(conn, 2), articles=())
    store.save_link(conn, store.LinkUpdate(article, story, None, np.arange(4, dtype="<u8"), (), ()))
    after = dict(story_versions(conn))
    assert link_state(conn) != before
    assert after[2] != versions[2] and after[1] == versions[1]
    conn.close()


# ---- article counts: stored at save time, back-filled in place, counted when missing ----------------


def test_article_counts_are_stored_with_the_article(conn):
    rows = {r[0]: (r[1], r[2], r[3]) for r in conn.execute("SELECT id, text, word_count, comment_count FROM articles")}
    for summary in store.list_articles(conn, limit=100):
        text, words, comments = rows[summary.id]
        stored = store.load_article(conn, summary.id)
        assert summary.words == words == len(text.split())
        assert summary.comments == comments == len(stored.article.comments)


def test_a_database_stored_before_the_counts_is_back_filled_in_place(db, tmp_path):
    copy = tmp_path / "before-counts.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    expected = store.list_articles(store.connect(db, read_only=True), limit=100)
    with sqlite3.connect(copy) as raw:  # what a wiretrace from before the counts left
        raw.execute("DROP INDEX articles_order")
        raw.execute("ALTER TABLE articles DROP COLUMN word_count")
        raw.execute("ALTER TABLE articles DROP COLUMN comment_count")
    reader = store.connect(copy, read_only=True)  # never upgraded: counts are counted as before
    assert store.list_articles(reader, limit=100) == expected
    assert store.list_articles(reader, limit=3, offset=10) == expected[10:13]
    reader.close()
    upgraded = store.connect(copy)
    counts = upgraded.execute("SELECT COUNT(*) FROM articles WHERE word_count IS NULL OR comment_count IS NULL")
    assert counts.fetchone()[0] == 0
    assert upgraded.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_order'").fetchone() is not None
    assert store.list_articles(upgraded, limit=100) == expected
    upgraded.execute("UPDATE articles SET word_count = NULL, comment_count = NULL WHERE id = 4")  # an older writer
    assert store.list_articles(upgraded, limit=100) == expected
    upgraded.close()


def test_articles_read_together_are_each_as_read_alone(conn):
    ids = [9, 2, 9, 14, 999, 1]
    together = load_articles(conn, ids)
    assert set(together) == {9, 2, 14, 1}
    assert all(together[i] == store.load_article(conn, i) for i in together)
    assert together[1].article.comments == () and len(together[14].article.comments) == 1  # articles 0 and 13
