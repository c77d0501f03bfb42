"""The store: schema, one transaction per document, round-trips, runs and skipped inputs, FTS5."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace import store
from wiretrace.errors import StoreError
from wiretrace.records import Article, Comment, Document, Segment, SegmentKind, Skipped


def make_document(text: str = "A body.", location: str = "a.txt") -> Document:
    return Document(raw=text.encode(), media_type="text/plain", location=location, text=text, encoding="utf-8",
                    fetched_at=datetime(2024, 1, 1, tzinfo=UTC))


def make_article(document: Document, text: str, comments: tuple[Comment, ...] = ()) -> Article:
    return Article(document_id=document.id, text=text, segments=(Segment(SegmentKind.BODY, 0, len(text)),),
                   comments=comments, outlet="Example Wire", is_repost=True, language="en",
                   boilerplate=("Share this:",))


@pytest.fixture
def conn(tmp_path):
    connection = store.connect(tmp_path / "t.db")
    yield connection
    connection.close()


def test_schema_is_created_idempotently(tmp_path):
    store.connect(tmp_path / "t.db").close()
    connection = store.connect(tmp_path / "t.db")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "locations", "articles", "segments", "comments", "runs", "errors", "articles_fts"} <= tables


def test_a_file_that_is_not_a_database_is_refused_with_the_path(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        store.connect(bogus)


def test_a_folder_is_refused_as_a_database(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        store.connect(tmp_path)


def test_save_and_load_round_trip(conn):
    run = store.start_run(conn, ["a.txt"])
    document = make_document("Body text here.")
    comments = (Comment("First!", likes=3), Comment("Reply.", likes=2, reply_to=0))
    article_id = store.save_article(conn, run, document, make_article(document, "Body text here.", comments))
    loaded = store.load_article(conn, article_id)
    assert loaded is not None
    assert loaded.article == make_article(document, "Body text here.", comments)
    assert loaded.locations == ("a.txt",)
    assert store.has_article(conn, document.id)


def test_same_bytes_elsewhere_add_a_location_not_an_article(conn):
    run = store.start_run(conn, ["a.txt", "b.txt"])
    document = make_document()
    store.save_article(conn, run, document, make_article(document, "A body."))
    store.add_location(conn, run, document.id, "copy/b.txt")
    assert store.count_articles(conn) == 1
    assert store.load_article(conn, 1).locations == ("a.txt", "copy/b.txt")
    summary = store.end_run(conn, run)
    assert (summary.stored, summary.unchanged, summary.status) == (1, 1, "done")


def test_a_failed_write_leaves_nothing_behind(conn):
    run = store.start_run(conn, ["a.txt"])
    document = make_document()
    article = Article(document_id=document.id, text="x", segments=(Segment(SegmentKind.BODY, 0, 1),) * 2)
    store.save_article(conn, run, document, article)
    with pytest.raises(sqlite3.IntegrityError):  # the same article again breaks articles.document_id UNIQUE
        store.save_article(conn, run, document, article)
    assert store.count_articles(conn) == 1
    assert conn.execute("SELECT COUNT(*) FROM segments").fetchone()[0] == 2
    assert store.run_summary(conn, run).stored == 1


def test_skipped_inputs_are_recorded_per_run(conn):
    run = store.start_run(conn, ["x"])
    store.record_skip(conn, run, Skipped("x.bin", "E002", "binary content"))
    assert store.skipped_in_run(conn, run) == [Skipped("x.bin", "E002", "binary content")]
    assert store.run_summary(conn, run).skipped == 1


def test_a_run_left_running_is_marked_interrupted_by_the_next(conn):
    first = store.start_run(conn, ["a"])
    store.start_run(conn, ["a"])
    assert store.run_summary(conn, first).status == "interrupted"


def test_a_live_run_of_another_process_is_left_alone(conn):
    import os

    first = store.start_run(conn, ["a"])
    conn.execute("UPDATE runs SET pid = ? WHERE id = ?", (os.getppid(), first))  # a process that is alive
    store.start_run(conn, ["a"])
    assert store.run_summary(conn, first).status == "running"


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE bookmarks (url TEXT)")
    with pytest.raises(StoreError, match="another program"):
        store.connect(path)
    with sqlite3.connect(path) as other:
        assert [r[0] for r in other.execute("SELECT name FROM sqlite_master")] == ["bookmarks"]
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_reading_never_creates_or_changes_a_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        store.connect(tmp_path / "none.db", read_only=True)
    assert not (tmp_path / "none.db").exists()
    store.connect(tmp_path / "w.db").close()
    reader = store.connect(tmp_path / "w.db", read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        reader.execute("CREATE TABLE x (y)")


def test_full_text_search_finds_words_and_parametrises_the_query(conn):
    run = store.start_run(conn, ["a"])
    document = make_document("Rescuers reached the flooded village at dawn.")
    store.save_article(conn, run, document, make_article(document, document.text))
    assert [i for i, _ in store.search_articles(conn, "flooded")] == [1]
    assert store.search_articles(conn, "tornado") == []
    with pytest.raises(sqlite3.OperationalError):  # FTS syntax errors surface; nothing is interpolated
        store.search_articles(conn, '"unbalanced')


texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)


@settings(max_examples=60, deadline=None)
@given(body=texts, comment_texts=st.lists(texts, max_size=4), likes=st.one_of(st.none(), st.integers(0, 10**6)))
def test_any_article_round_trips(tmp_path_factory, body, comment_texts, likes):
    connection = store.connect(tmp_path_factory.mktemp("db") / "h.db")
    run = store.start_run(connection, ["h"])
    document = make_document(body, location="h.txt")
    comments = tuple(Comment(t, likes=likes, reply_to=(i - 1 if i else None)) for i, t in enumerate(comment_texts))
    article = make_article(document, body, comments)
    article_id = store.save_article(connection, run, document, article)
    assert store.load_article(connection, article_id).article == article
    connection.close()
