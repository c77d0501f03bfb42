"""The SQLite schema: documents and where they were seen, cleaned articles in typed segments, reader
comments, runs and the inputs each run skipped, the claims extracted from each article (and whether
extraction ran: ``extractions``), and FTS5 indexes over article and claim text.

Identity of a document is the sha256 of its raw bytes (``documents.id``); an article belongs to exactly
one document. The schema is created idempotently; ``SCHEMA_VERSION`` guards against opening a database
written by an incompatible version.
"""

from __future__ import annotations

SCHEMA_VERSION = 2
UPGRADABLE_FROM = frozenset({1})
"""Older versions whose databases ``connect`` upgrades in place (version 2 only adds tables)."""

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
    run_id                INTEGER NOT NULL REFERENCES runs(id)
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
    at         TEXT NOT NULL
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
CREATE INDEX IF NOT EXISTS errors_run ON errors(run_id);
CREATE INDEX IF NOT EXISTS claims_speaker ON claims(speaker);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published_at);
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
