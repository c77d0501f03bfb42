"""The SQLite schema: documents and where they were seen, cleaned articles in typed segments, reader
comments, runs and the inputs each run skipped, the claims extracted from each article (and whether
extraction ran: ``extractions``, with the story signals the link stage reads), the link stage's stories,
links (article → story, repost of) and claim clusters, the analyst's verdicts on claims, and FTS5 indexes
over article and claim text.

Identity of a document is the sha256 of its raw bytes (``documents.id``); an article belongs to exactly
one document. The schema is created idempotently; ``SCHEMA_VERSION`` guards against opening a database
written by an incompatible version.
"""

from __future__ import annotations

SCHEMA_VERSION = 3
UPGRADABLE_FROM = frozenset({1, 2})
"""Older versions whose databases ``connect`` upgrades in place: version 2 added tables, version 3 added
tables and ``extractions.signals`` (``COLUMNS_ADDED``); articles extracted before it are extracted again."""

COLUMNS_ADDED = (
    ("extractions", "signals", "TEXT"),
    ("articles", "word_count", "INTEGER"),
    ("articles", "comment_count", "INTEGER"),
)
"""Columns added to existing tables since version 1: (table, column, type), added by ``connect``.

The article counts were added within version 3 without a version change: every reader treats a NULL
count (a row written before the column, or by an older wiretrace) as "count it now", and a read-only
handle on a database without the columns counts as before, so old and new versions still share a file."""

BACKFILLS = {
    ("articles", "word_count"): "UPDATE articles SET word_count = wiretrace_words(text) WHERE word_count IS NULL",
    ("articles", "comment_count"): (
        "UPDATE articles SET comment_count = (SELECT COUNT(*) FROM comments c WHERE c.article_id = articles.id)"
        " WHERE comment_count IS NULL"
    ),
}
"""What fills an added column of the rows already stored, run in the transaction that adds it."""


def word_count(text: str) -> int:
    """The words of an article as its list shows them (whitespace-separated); stored at save time and,
    as the SQL function ``wiretrace_words``, what back-fills a database stored before the column."""
    return len(text.split())


SQL_FUNCTIONS = (("wiretrace_words", 1, word_count),)
"""Python functions the back-fills call: (name, number of arguments, function)."""

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'interrupted')),
    inputs      TEXT NOT NULL,             -- JSON list of the inputs as given
    pid         INTEGER NOT NULL,          -- the process running it, to tell a live run from a dead one
    stored      INTEGER NOT NULL DEFAULT 0, -- new articles
    unchanged   INTEGER NOT NULL DEFAULT 0, -- documents already stored (by an earlier run, or earlier in this one)
    skipped     INTEGER NOT NULL DEFAULT 0  -- inputs rejected (see errors)
);
CREATE TABLE IF NOT EXISTS documents (
    id          TEXT PRIMARY KEY,          -- sha256 of raw
    media_type  TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    size        INTEGER NOT NULL,
    fetched_at  TEXT NOT NULL,
    raw         BLOB NOT NULL,
    run_id      INTEGER NOT NULL REFERENCES runs(id)
);
CREATE TABLE IF NOT EXISTS locations (
    document_id TEXT NOT NULL REFERENCES documents(id),
    location    TEXT NOT NULL,
    run_id      INTEGER NOT NULL REFERENCES runs(id),
    PRIMARY KEY (document_id, location)
);
CREATE TABLE IF NOT EXISTS articles (
    id                    INTEGER PRIMARY KEY,
    document_id           TEXT NOT NULL UNIQUE REFERENCES documents(id),
    title                 TEXT,
    text                  TEXT NOT NULL,
    outlet                TEXT,
    host                  TEXT,
    is_repost             INTEGER NOT NULL,
    url                   TEXT,
    published_at          TEXT,
    published_at_inferred INTEGER NOT NULL,
    language              TEXT,
    boilerplate           TEXT NOT NULL,    -- JSON list of the dropped lines
    run_id                INTEGER NOT NULL REFERENCES runs(id),
    word_count            INTEGER,          -- counts the article list shows, stored at save time
    comment_count         INTEGER           -- (NULL: stored before them, counted when read)
);
CREATE TABLE IF NOT EXISTS segments (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    credit     TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS comments (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    author     TEXT,
    posted     TEXT,
    likes      INTEGER,
    reply_to   INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS errors (
    id       INTEGER PRIMARY KEY,
    run_id   INTEGER NOT NULL REFERENCES runs(id),
    location TEXT NOT NULL,
    code     TEXT NOT NULL,
    reason   TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS extractions (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('done', 'not-covered', 'failed')),
    note       TEXT,                      -- why not covered / what failed
    claims     INTEGER NOT NULL,
    at         TEXT NOT NULL,
    signals    TEXT                       -- JSON StorySignals for the link stage (NULL: extract again)
);
CREATE TABLE IF NOT EXISTS claims (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,      -- "<first 16 hex of the document id>#<n>"
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    speaker     TEXT NOT NULL,
    factuality  TEXT NOT NULL,
    time_start  TEXT,
    record      TEXT NOT NULL,             -- the whole Claim record as JSON
    UNIQUE (article_id, idx)
);
CREATE TABLE IF NOT EXISTS stories (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    start      TEXT,                      -- ISO day dates its articles name
    end        TEXT,
    articles   INTEGER NOT NULL,
    sources    INTEGER NOT NULL,
    claims     INTEGER NOT NULL,
    clusters   INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    record     TEXT NOT NULL              -- the Story record as JSON, without its article list
);
CREATE TABLE IF NOT EXISTS links (
    seq        INTEGER PRIMARY KEY,       -- the order articles were linked in (replayed on restart)
    article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories(id),
    repost_of  INTEGER REFERENCES articles(id),
    minhash    BLOB NOT NULL,             -- the article's MinHash signature (uint64, little-endian)
    at         TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clusters (
    id           INTEGER PRIMARY KEY,
    story_id     INTEGER NOT NULL REFERENCES stories(id),
    label        TEXT NOT NULL,
    status       TEXT NOT NULL,
    independence INTEGER NOT NULL,
    mentions     INTEGER NOT NULL,
    time_start   TEXT,                    -- the earliest event time of its claims (timeline order)
    updated_at   TEXT NOT NULL,
    record       TEXT NOT NULL            -- the ClaimCluster record as JSON
);
CREATE TABLE IF NOT EXISTS cluster_claims (
    claim_id   TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id)
);
CREATE TABLE IF NOT EXISTS verdicts (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    verdict  TEXT NOT NULL CHECK (verdict IN ('verified', 'false', 'misleading', 'unverified')),
    note     TEXT,
    at       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS links_story ON links(story_id);
CREATE INDEX IF NOT EXISTS clusters_story ON clusters(story_id, time_start);
CREATE INDEX IF NOT EXISTS cluster_claims_cluster ON cluster_claims(cluster_id);
CREATE INDEX IF NOT EXISTS stories_updated ON stories(updated_at);
CREATE INDEX IF NOT EXISTS errors_run ON errors(run_id);
CREATE INDEX IF NOT EXISTS claims_speaker ON claims(speaker);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published_at);
CREATE INDEX IF NOT EXISTS articles_order ON articles(id);  -- narrow: a deep page skips index entries, not rows
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(
    text, speaker, content='claims', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text, speaker) VALUES (new.seq, new.text, new.speaker);
END;
CREATE TRIGGER IF NOT EXISTS claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, speaker) VALUES ('delete', old.seq, old.text, old.speaker);
END;
"""
