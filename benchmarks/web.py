"""Response time of the web UI's pages and API lists on a 10k-article database, as a ratio to a trivial
page (``/healthz``) timed in the same run against the same server. Goal: every ratio ≤ 5.

    python benchmarks/web.py [--articles 10000] [--repeat 15] [--db FILE] [--default-gc]

The database is built fast, without running spaCy 10k times: the two seed reports are analysed once,
then copies of their articles (each with its own title prefix, document id and claim ids), their
claims and story signals, and their stories, links and claim clusters are written through
``wiretrace.store``. Copies are grouped ``--per-story`` articles to a story; in a story the copies of
one claim join one cluster, as repeated reports of the same claims would. ``--db FILE`` keeps the
database (and reuses it when it exists). The server runs in its own process (uvicorn on a free port of
127.0.0.1, the garbage collector tuned as ``wiretrace serve`` tunes it unless ``--default-gc``); each
page is requested ``--repeat`` times, pages taken in turn so load on a shared machine hits them alike,
and its best and median times are reported, each as a ratio to the same figure of ``/healthz`` (the goal
is on the best). The app keeps each stored record it decoded (by its exact text) and counts of
whole lists until the database changes, so a page viewed again costs less than its first view: the rows
"not viewed before" take another page at each request (up to 198 of them). The source index is built
on the first request to a source page; that first request is timed apart.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import logging
import socket
import subprocess
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import httpx
from _common import machine_line, markdown_table, timed_interleaved

import wiretrace
from wiretrace import store
from wiretrace.corpus import Corpus
from wiretrace.records import Article, ClaimCluster, Document, Extraction, Segment, Story

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "almaty"


@dataclasses.dataclass(frozen=True, slots=True)
class Seed:
    """One analysed seed article: what a copy is made from."""

    article: Article
    raw: bytes
    extraction: Extraction
    clusters: dict[str, int]  # claim index → seed cluster id


def load_seeds(folder: Path) -> tuple[list[Seed], dict[int, ClaimCluster], object]:
    """Analyse the seeds once; their articles, claims, clusters and one MinHash signature."""
    with wiretrace.analyze([SEEDS], folder / "seeds.db") as corpus:
        conn = corpus.connection
        seeds = []
        for summary in corpus.articles():
            stored = corpus.article(summary.id)
            claims = tuple(c.claim for c in corpus.claims(article=summary.id))
            signals = store.story_signals(conn, summary.id)
            index = {str(i): corpus.cluster_of(c.id) for i, c in enumerate(claims)}
            raw = (SEEDS / Path(stored.locations[0]).name).read_bytes()
            seeds.append(Seed(stored.article, raw, Extraction("done", claims, signals=signals), index))
        clusters = {c.id: c for s in corpus.stories() for c in corpus.clusters(story=s.id)}
        minhash = next(store.linked_articles(conn)).minhash
    return seeds, clusters, minhash


def copy_article(seed: Seed, n: int) -> tuple[Document, Article, Extraction]:
    """Copy ``n`` of a seed: a title prefix (offsets shifted), new document id and claim ids."""
    prefix = f"[{n:05d}] "
    raw = prefix.encode() + seed.raw
    doc_id = hashlib.sha256(raw).hexdigest()
    shift = len(prefix)
    article = dataclasses.replace(
        seed.article, document_id=doc_id, text=prefix + seed.article.text,
        segments=tuple(Segment(s.kind, s.start + (shift if i else 0), s.end + shift, s.credit)
                       for i, s in enumerate(seed.article.segments)),
    )  # fmt: skip
    claims = tuple(
        dataclasses.replace(c, id=f"{doc_id[:16]}#{i + 1}", article_id=doc_id, start=c.start + shift, end=c.end + shift)
        for i, c in enumerate(seed.extraction.claims)
    )
    document = Document(raw, "text/plain", f"bench/{n:05d}.txt", raw.decode(), "utf-8", datetime.now(UTC))
    return document, article, dataclasses.replace(seed.extraction, claims=claims)


def build(db: Path, articles: int, per_story: int) -> None:
    """Write ``articles`` copies of the seeds, their claims, stories, links and clusters into ``db``."""
    with tempfile.TemporaryDirectory() as folder:
        seeds, seed_clusters, minhash = load_seeds(Path(folder))
    with Corpus(db) as corpus:
        conn = corpus.connection
        run = store.start_run(conn, ["benchmarks/web.py"])
        next_cluster = 1
        for first in range(0, articles, per_story):
            story_id = first // per_story + 1
            ids = {old: next_cluster + i for i, old in enumerate(sorted(seed_clusters))}
            next_cluster += len(ids)
            clusters = tuple(dataclasses.replace(c, id=ids[c.id], story=story_id, mentions=())
                             for c in seed_clusters.values())  # fmt: skip
            story = Story(story_id, f"Story {story_id}: unrest in the city", "2022-01-02", "2022-01-06",
                          ("City", "Republic Square"), ("the police",), (), sources=7,
                          claims=26 * per_story, clusters=len(clusters))  # fmt: skip
            for n in range(first, min(first + per_story, articles)):
                seed = seeds[n % len(seeds)]
                document, article, extraction = copy_article(seed, n)
                article_id = store.save_article(conn, run, document, article, extraction)
                assignments = tuple((c.id, ids[seed.clusters[str(i)]]) for i, c in enumerate(extraction.claims)
                                    if seed.clusters[str(i)] in ids)  # fmt: skip
                update = store.LinkUpdate(article_id, story, None, minhash, clusters if n == first else (), assignments)
                store.save_link(conn, update)
        store.end_run(conn, run)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, *, serving_gc: bool = True) -> subprocess.Popen:
    """The app in uvicorn, in a process of its own, with the garbage collector tuned as ``wiretrace
    serve`` tunes it (``serving_gc``) or left at Python's defaults; no access log."""
    code = ("import sys; from pathlib import Path; from wiretrace.web import create_app, tune_gc_for_serving; "
            "import uvicorn; app = create_app(Path(sys.argv[1])); "
            "tune_gc_for_serving() if sys.argv[3] == 'serving' else None; "
            "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[2]), log_level='warning', access_log=False)")  # fmt: skip
    gc_mode = "serving" if serving_gc else "default"
    process = subprocess.Popen([sys.executable, "-c", code, str(db), str(port), gc_mode])
    for _ in range(600):
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.05)
    process.terminate()
    raise RuntimeError("the server did not start")


def pages(client: httpx.Client, total: int) -> dict[str, str | list[str]]:
    """The pages timed: lists first, deep pages, one of each detail page, filtered and searched. A list
    of URLs is taken in turn, one per request: pages never viewed before in the run (nothing of them
    read or decoded yet), beside the same page viewed again."""
    stories = [s["id"] for s in client.get("/api/stories", params={"limit": 200}).json()["items"]]
    story = stories[0]
    clusters = client.get(f"/api/stories/{story}/clusters", params={"limit": 200}).json()["items"]
    dozens = max(clusters, key=lambda c: len(c["mentions"]))["id"]  # the most reported claim
    last_story = client.get("/api/stories").json()["total"]
    return {
        "/healthz (baseline)": "/healthz",
        "stories list": "/stories",
        "stories list, last page": f"/stories?offset={max(0, last_story - 50)}",
        "story timeline (20 cards)": f"/stories/{story}",
        "story timeline, a story not viewed before": [f"/stories/{s}" for s in stories[1:]],
        "story timeline, filtered by source": f"/stories/{story}?source={quote('RIA Novosti')}",
        "story map of places": f"/stories/{story}/map",
        "claim cluster page": f"/clusters/{dozens}",
        "articles list, last page": f"/articles?offset={max(0, total - 50)}",
        "article page": f"/articles/{total // 2}",
        "claims list, deep page": f"/claims?offset={26 * total // 2}",
        "claims list, a deep page not viewed before": [f"/claims?offset={26 * total // 2 + 50 * k}"
                                                       for k in range(1, 200)],
        "search page": "/search?q=dozens+killed",
        "sources list": "/sources",
        "source page": f"/sources/{quote('RIA Novosti')}",
        "API stories": "/api/stories",
        "API story clusters": f"/api/stories/{story}/clusters",
        "API cluster": f"/api/clusters/{dozens}",
        "API claims, deep page": f"/api/claims?offset={26 * total // 2}",
        "API articles, last page": f"/api/articles?offset={max(0, total - 50)}",
        "API search claims": "/api/search/claims?q=police",
        "API sources": "/api/sources",
    }


def measure(base: str, total: int, repeat: int) -> tuple[list[list[object]], float]:
    with httpx.Client(base_url=base, timeout=120) as client:
        started = time.perf_counter()
        assert client.get("/sources").status_code == 200
        index_build = time.perf_counter() - started
        urls = pages(client, total)
        sizes = {}
        for name, url in urls.items():  # warm up and every page must answer 200 (the last of a list: never timed)
            response = client.get(url if isinstance(url, str) else url[-1])
            assert response.status_code == 200, (url, response.status_code)
            sizes[name] = len(response.content)
        turns = {name: itertools.cycle([url] if isinstance(url, str) else url[:-1]) for name, url in urls.items()}
        times = timed_interleaved({name: (lambda t=turn: client.get(next(t))) for name, turn in turns.items()}, repeat)
    best = {name: min(values) for name, values in times.items()}
    median = {name: statistics.median(values) for name, values in times.items()}
    trivial, trivial_median = best["/healthz (baseline)"], median["/healthz (baseline)"]
    rows = [[name, f"{best[name] * 1000:.1f}", f"{best[name] / trivial:.1f}", f"{median[name] * 1000:.1f}",
             f"{median[name] / trivial_median:.1f}", f"{sizes[name] // 1024}"] for name in urls]  # fmt: skip
    return rows, index_build


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-story", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--db", type=Path, help="Keep the database here (reused when it exists).")
    parser.add_argument("--default-gc", action="store_true",
                        help="leave the garbage collector at Python's defaults (`wiretrace serve` tunes it)")
    args = parser.parse_args(argv)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "web-bench.db"
        if not db.exists():
            started = time.perf_counter()
            build(db, args.articles, args.per_story)
            print(f"built {db.name}: {args.articles} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        with Corpus(db, read_only=True) as corpus:
            total, claims, stories = corpus.count_articles(), corpus.count_claims(), corpus.count_stories()
        port = free_port()
        server = start_server(db, port, serving_gc=not args.default_gc)
        try:
            rows, index_build = measure(f"http://127.0.0.1:{port}", total, args.repeat)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"{machine_line()}\n")
    print(f"Database: {total:,} articles, {claims:,} claims, {stories:,} stories; {args.repeat} requests a page.\n")
    print(markdown_table(["page", "best ms", "best / /healthz", "median ms", "median / /healthz median", "KiB"], rows))
    print(f"\nFirst source page (builds the source index of the whole database): {index_build:.1f} s")


if __name__ == "__main__":
    main()
