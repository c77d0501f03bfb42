"""The analyze run end to end: idempotence, crash safety, one bad input never stops a run."""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

import wiretrace

TABLES = ("documents", "locations", "articles", "segments", "comments")


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_analyze_twice_adds_nothing(tmp_path, examples_dir):
    db = tmp_path / "w.db"
    first = wiretrace.analyze([examples_dir], db=db)
    assert (first.last_run.stored, first.last_run.unchanged, first.last_run.skipped) == (2, 0, 0)
    before = counts(db)
    first.close()
    second = wiretrace.analyze([examples_dir], db=db)
    assert (second.last_run.stored, second.last_run.unchanged) == (0, 2)
    second.close()
    assert counts(db) == before
    assert before["articles"] == 2


def test_the_same_bytes_at_another_path_are_one_document_seen_twice(tmp_path, examples_dir):
    copy = tmp_path / "copy"
    copy.mkdir()
    seed = sorted(examples_dir.glob("*.txt"))[0]
    (copy / "renamed.txt").write_bytes(seed.read_bytes())
    with wiretrace.analyze([examples_dir, copy], db=tmp_path / "w.db") as corpus:
        assert corpus.count_articles() == 2
        assert corpus.last_run.unchanged == 1
        locations = [corpus.article(a.id).locations for a in corpus.articles()]
        assert sorted(Path(x).name for x in max(locations, key=len)) == sorted(["renamed.txt", seed.name])


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """One of each kind of bad input, with the error code each must get."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "huge.txt").write_text("word " * 40_000)
    (folder / "truncated.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:-7])
    (folder / "broken.jsonl").write_text(
        '{"title": "Coast braces for storm", "text": "The storm reached the coast on Monday. Officials said '
        'schools were closed."}\n{not json\n'
    )
    (folder / "good.txt").write_text("Storm hits coast\n\nThe storm reached the coast on Monday, officials said.\n")
    (folder / "cyrillic.txt").write_bytes(CYRILLIC.encode("cp1251"))
    (folder / "mixed.txt").write_bytes(
        "Flood report\n\nRescuers said the café by the river was".encode() + b" \xe9vacu\xe9 at dawn, before the "
        b"water reached the first floor.\n\nThe regional service said two more villages would be cleared by noon.\n"
    )
    (folder / "hostile.html").write_text(HOSTILE_HTML)
    (folder / "feed.xml").write_text(FEED_WITH_BROKEN_ENTRY)
    return {"empty.txt": "E001", "image.png": "E002", "huge.txt": "E003", "truncated.warc.gz": "E007",
            "feed.xml": "E008"}


CYRILLIC = ("Наводнение в городе\n\nСпасатели сообщили, что вода поднялась на два метра за ночь. "
            "Жителей эвакуировали в школы, рассказали в администрации.\n")
HOSTILE_HTML = """<html><head><title>Bridge <script>alert(1)</script>closed</title></head><body>
<div><p onmouseover="alert(2)">The bridge over the river was closed on Tuesday after inspectors found cracks
in two of its supports, the city transport department said in a statement.<img src=x onerror="alert(3)">
<p>Engineers expect repairs to take <a href="javascript:alert(4)">at least three weeks</a>, and traffic is
being diverted through the northern ring road, officials added.<div><b><i>unclosed
</body>"""
FEED_WITH_BROKEN_ENTRY = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Port reopens</title><link>https://example.org/port</link>
<description>The port reopened on Friday after a two-day strike ended, the harbour authority said in a
statement. Ships queued outside the breakwater were being brought in one by one.</description></item>
<item><title></title><link></link></item>
</channel></rss>"""


def test_bad_inputs_are_recorded_and_the_rest_stored(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = write_bad_inputs(inputs)
    options = wiretrace.AnalyzeOptions(ingest=wiretrace.IngestOptions(max_bytes=100_000))
    (inputs / "furniture.txt").write_text("Share this:\nSubscribe\nLog in\n")
    expected["furniture.txt"] = "E016"
    urls = ["http://127.0.0.1:9/unreachable", "http://[bad"]
    with wiretrace.analyze([inputs, *urls], db=tmp_path / "w.db", options=options) as corpus:
        skipped = corpus.skipped()
        by_name = {Path(s.location.split("#")[0]).name: s.code for s in skipped}
        for name, code in expected.items():
            assert by_name.get(name) == code, (name, skipped)
        assert any(s.code == "E009" and "127.0.0.1:9" in s.location for s in skipped)
        assert any(s.code == "E009" and s.location == "http://[bad" for s in skipped)
        assert any(s.code == "E011" and "broken.jsonl" in s.location for s in skipped)
        assert all("\n" not in str(s) for s in skipped)
        titles = {a.title for a in corpus.articles()}
        assert {"Storm hits coast", "Наводнение в городе", "Port reopens", "Flood report"} <= titles
        assert corpus.count_articles() == 6  # good, cyrillic, mixed, hostile, the good feed entry and JSONL record
        languages = {a.title: a.language for a in corpus.articles()}
        assert languages["Наводнение в городе"] == "ru"
        hostile = next(corpus.article(a.id).article for a in corpus.articles() if "bridge" in (a.title or "").lower())
        assert "alert" not in hostile.text and "<" not in hostile.text
        assert "inspectors found cracks" in hostile.text
    with sqlite3.connect(tmp_path / "w.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == len(skipped)


def test_a_run_killed_mid_way_loses_nothing_and_the_rerun_completes_it(tmp_path):
    inputs = tmp_path / "many"
    inputs.mkdir()
    n = 300
    paragraph = "Officials said the bridge over the river was closed after the flood damaged its supports. "
    for i in range(n):
        (inputs / f"report_{i:04}.txt").write_text(f"Report number {i}\n\n" + paragraph * 12 + f"Reference {i}.\n")
    db = tmp_path / "w.db"
    cli = [sys.executable, "-m", "wiretrace", "analyze", str(inputs), "--db", str(db), "--quiet"]
    process = subprocess.Popen(cli, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = _wait_for_articles(db, process, at_least=20)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < stored, "the run stored nothing before it was killed"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        orphans = conn.execute("SELECT COUNT(*) FROM documents WHERE id NOT IN (SELECT document_id FROM articles)")
        assert orphans.fetchone()[0] == 0  # a document is never stored without its article
        unextracted = conn.execute("SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM extractions)")
        assert unextracted.fetchone()[0] == 0  # nor an article without its claims
    assert partial < n, "the run finished before it could be killed; raise n"
    subprocess.run(cli, check=True, capture_output=True)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == n
        statuses = [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY id")]
        assert statuses == ["interrupted", "done"]
        assert conn.execute("SELECT stored, unchanged FROM runs WHERE id = 2").fetchone() == (n - partial, partial)
        assert conn.execute("SELECT COUNT(DISTINCT article_id) FROM claims").fetchone()[0] == n


def _wait_for_articles(db: Path, process: subprocess.Popen, *, at_least: int, limit_s: float = 120) -> int:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= at_least:
                return stored
        time.sleep(0.01)
    pytest.fail("the run ended or stalled before storing enough articles to be killed mid-way")


def test_progress_is_reported_once_per_source(tmp_path, examples_dir):
    done: list[tuple[str, int]] = []
    with wiretrace.analyze([examples_dir, tmp_path / "missing.txt"], db=tmp_path / "w.db",
                           on_source_done=lambda location, total: done.append((location, total))):
        pass
    assert [total for _, total in done] == [3, 3, 3]
    assert done[-1][0].endswith("missing.txt")


def test_linking_progress_counts_up_to_the_articles_linked(tmp_path, examples_dir):
    linked: list[tuple[int, int]] = []
    with wiretrace.analyze([examples_dir], db=tmp_path / "w.db", on_linked=lambda done, total: linked.append((done, total))):
        pass
    assert linked == [(0, 2), (1, 2), (2, 2)]
    linked.clear()
    with wiretrace.analyze([examples_dir], db=tmp_path / "w.db", on_linked=lambda *call: linked.append(call)):
        pass
    assert linked == []  # nothing left to link on a second run


def test_options_fill_only_what_inputs_lack(tmp_path, examples_dir):
    page = tmp_path / "page.html"
    page.write_text(PAGE_WITH_SITE_NAME)
    when = datetime(2030, 1, 1, tzinfo=UTC)
    options = wiretrace.AnalyzeOptions(outlet="Fallback Outlet", published_at=when)
    with wiretrace.analyze([examples_dir, page], db=tmp_path / "w.db", options=options) as corpus:
        articles = {Path(a.location).name: corpus.article(a.id).article for a in corpus.articles()}
    assert articles["004_c5cc693d39008daf.txt"].outlet == "UNIAN"  # named by its copyright line
    assert articles["004_c5cc693d39008daf.txt"].published_at == when  # the text gives no publication date
    assert articles["000_cbfcb67f82070b14.txt"].outlet == "Fallback Outlet"
    assert articles["page.html"].outlet == "Harbour Gazette"
    assert articles["page.html"].published_at.year == 2023


PAGE_WITH_SITE_NAME = """<html><head><title>Ferry service resumes</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2023-04-02T08:00:00+00:00"></head>
<body><article><h1>Ferry service resumes</h1>
<p>The ferry service between the two islands resumed on Sunday after a week of storms, the operator said.</p>
<p>Passengers who had booked during the closure can change their tickets free of charge until the end of the
month, according to a statement published on the operator's website.</p></article></body></html>"""


def test_claims_are_extracted_and_what_cannot_be_is_said_per_article(tmp_path):
    """English articles get claims; another language is stored with a note; a text too long for the parser
    is stored without claims and an E017 line, and never stops the rest."""
    folder = tmp_path / "in"
    folder.mkdir()
    para = "The mayor said the northern bridge was closed after the flood. Residents were moved to schools.\n\n"
    (folder / "long.txt").write_text("Flood in the valley\n\n" + "".join(f"On day {i} " + para for i in range(11_000)))
    (folder / "short.txt").write_text("Flood in the valley\n\nThe mayor said the bridge was closed on Monday. "
                                      "Two people were hurt.\n")
    (folder / "german.txt").write_text("Hochwasser im Tal\n\nDer Bürgermeister sagte, die Brücke sei am Montag "
                                       "geschlossen worden. Zwei Menschen wurden verletzt, viele Bewohner mussten "
                                       "ihre Häuser verlassen.\n")
    with wiretrace.analyze([folder], tmp_path / "w.db") as corpus:
        by_name = {Path(a.location).name: a.id for a in corpus.articles()}
        assert set(by_name) == {"long.txt", "short.txt", "german.txt"}
        assert corpus.extraction(by_name["short.txt"]) == ("done", None)
        assert [c.claim.speaker for c in corpus.claims(article=by_name["short.txt"])] == ["mayor", "unknown outlet"]
        status, note = corpus.extraction(by_name["german.txt"])
        assert status == "not-covered" and "'de'" in note
        status, note = corpus.extraction(by_name["long.txt"])
        assert status == "failed" and "characters" in note and corpus.count_claims(article=by_name["long.txt"]) == 0
        assert [(Path(s.location).name, s.code) for s in corpus.skipped()] == [("long.txt", "E017")]
        assert corpus.last_run.skipped == 0 and corpus.last_run.stored == 3


def test_articles_stored_without_claims_are_extracted_by_the_next_run(tmp_path, examples_dir):
    db = tmp_path / "w.db"
    with wiretrace.analyze([examples_dir], db) as corpus:
        first = [row.claim for row in corpus.claims()]
    with sqlite3.connect(db) as raw:  # as a wiretrace from before claims left it
        raw.execute("DELETE FROM claims")
        raw.execute("DELETE FROM extractions")
    with wiretrace.analyze([examples_dir], db) as corpus:
        assert corpus.last_run.unchanged == 2
        assert [row.claim for row in corpus.claims()] == first and len(first) > 20
        assert all(corpus.extraction(a.id) == ("done", None) for a in corpus.articles())
