"""Claims in the store: written with their article, read back as the same records, upgraded databases."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace import store
from wiretrace.errors import StoreError
from wiretrace.jsonable import to_jsonable
from wiretrace.store.decoded import claim_from_text
from wiretrace.records import (
    ChainLink,
    Claim,
    ClaimPlace,
    ClaimQuantity,
    ClaimTime,
    Entity,
    Extraction,
    Proposition,
    StorySignals,
)

from test_store import make_article, make_document  # same folder (pytest's prepend import mode)


SIGNALS = StorySignals("Two bridges closed", "Two bridges were closed.", {"terms": {"bridge": 1.0}}, (2024,),
                       ("2024-03-01",), ("City Council",), ("Springfield",))


def make_claim(article_id: str, n: int, text: str = "Two bridges were closed", **fields) -> Claim:
    values = dict(
        id=f"{article_id[:16]}#{n}", article_id=article_id, start=0, end=len(text), text=text, kind="indirect",
        speaker="Port Authority", chain=(ChainLink("Port Authority", "spokesman", "official"),
                                         ChainLink("Example Wire", None, "media")),
        factuality="hedged", cues=("reportedly",),
        time=ClaimTime("2024-03-01T06:00:00+02:00", "2024-03-01T12:00:00+02:00", "part-of-day", "on Friday morning",
                       True, "event", year_inferred=True),
        quantities=(ClaimQuantity("vehicles-burned", 24, 99, "cars", True, "dozens of cars"),),
        places=(ClaimPlace("Odesa", "city", "UA", 46.48, 30.73, "Odessa", "Ukraine"),),
        entities=(Entity("Port Authority", "ORG", "the Port Authority"),),
        proposition=Proposition("close", None, "two bridges", ("in:harbour",), False),
        where="standfirst", confirms=(), denies=(),
    )  # fmt: skip
    values.update(fields)
    return Claim(**values)


@pytest.fixture
def conn(tmp_path):
    connection = store.connect(tmp_path / "t.db")
    yield connection
    connection.close()


def test_an_article_and_its_claims_are_stored_together_and_read_back_equal(conn):
    document = make_document("Two bridges were closed.")
    claims = (make_claim(document.id, 1), make_claim(document.id, 2, denies=(f"{document.id[:16]}#1",), cues=()))
    run = store.start_run(conn, ["a.txt"])
    article_id = store.save_article(conn, run, document, make_article(document, document.text),
                                    Extraction("done", claims, signals=SIGNALS))
    assert [row.claim for row in store.list_claims(conn, article=article_id)] == list(claims)
    assert store.story_signals(conn, article_id) == SIGNALS
    assert store.count_claims(conn) == 2 and store.count_claims(conn, article=article_id) == 2
    assert store.extraction_status(conn, article_id) == ("done", None)
    assert store.articles_to_extract(conn) == []


def test_a_not_covered_article_is_stored_with_its_note_and_no_claims(conn):
    document = make_document("Ein Text.")
    run = store.start_run(conn, ["a.txt"])
    note = "the article is in language 'de'"
    article_id = store.save_article(conn, run, document, make_article(document, document.text),
                                    Extraction("not-covered", note=note))
    assert store.extraction_status(conn, article_id) == ("not-covered", note)
    assert store.list_claims(conn, article=article_id) == []


def test_extracting_again_replaces_the_claims(conn):
    document = make_document()
    run = store.start_run(conn, ["a.txt"])
    article_id = store.save_article(conn, run, document, make_article(document, document.text))
    assert store.articles_to_extract(conn) == [article_id]
    store.save_extraction(conn, article_id, Extraction("done", (make_claim(document.id, 1),)))
    store.save_extraction(conn, article_id, Extraction("done", (make_claim(document.id, 1, text="Other"),)))
    assert [row.claim.text for row in store.list_claims(conn)] == ["Other"]


def test_claim_text_is_searchable(conn):
    document = make_document()
    run = store.start_run(conn, ["a.txt"])
    article_id = store.save_article(conn, run, document, make_article(document, document.text))
    store.save_extraction(conn, article_id, Extraction("done", (make_claim(document.id, 1, text="Ferries halted"),)))
    rows = conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", ("ferries",)).fetchall()
    assert len(rows) == 1


def test_a_version_1_database_is_upgraded_in_place_and_refused_read_only(tmp_path):
    path = tmp_path / "old.db"
    store.connect(path).close()
    with sqlite3.connect(path) as raw:  # what a wiretrace of schema 1 left: no claim tables, version 1
        raw.execute("DROP TABLE claims")
        raw.execute("DROP TABLE extractions")
        raw.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="older wiretrace.*wiretrace analyze"):
        store.connect(path, read_only=True)
    upgraded = store.connect(path)
    assert upgraded.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "3"
    assert store.count_claims(upgraded) == 0
    upgraded.close()


def test_a_version_2_database_gains_the_link_tables_and_its_articles_are_extracted_again(tmp_path):
    path = tmp_path / "v2.db"
    conn = store.connect(path)
    document = make_document("Two bridges were closed.")
    run = store.start_run(conn, ["a.txt"])
    article_id = store.save_article(conn, run, document, make_article(document, document.text),
                                    Extraction("done", (make_claim(document.id, 1),), signals=SIGNALS))
    conn.close()
    with sqlite3.connect(path) as raw:  # what a wiretrace of schema 2 left: no link tables, no signals
        for table in ("stories", "links", "clusters", "cluster_claims", "verdicts"):
            raw.execute(f"DROP TABLE {table}")
        raw.execute("ALTER TABLE extractions DROP COLUMN signals")
        raw.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    upgraded = store.connect(path)
    assert store.count_claims(upgraded) == 1
    assert store.story_signals(upgraded, article_id) is None
    assert store.articles_to_extract(upgraded) == [article_id]
    assert store.count_stories(upgraded) == 0
    upgraded.close()


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    store.connect(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99"):
        store.connect(path)


texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(text=texts, speaker=texts, cue=texts)
def test_any_claim_round_trips_through_json(text, speaker, cue):
    claim = make_claim("a" * 64, 1, text=text, speaker=speaker, cues=(cue,), time=None, proposition=None)
    assert claim_from_text(json.dumps(to_jsonable(claim))) == claim
