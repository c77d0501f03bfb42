"""The source index: read from the chains and origins alone it equals the index of the whole records;
kept per story and merged, it equals one index built in one go; after the database changes only the
stories that changed are read again."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from wiretrace import store
from wiretrace.corpus import Corpus
from wiretrace.records import ClaimCluster, Document, Extraction
from wiretrace.store.source_reads import SourceCluster, SourceMention
from wiretrace.web.sources import SourceCache, SourceIndex, build_index, build_parts


def light(cluster: ClaimCluster) -> SourceCluster:
    """A whole cluster record as the source index reads it."""
    mentions = tuple(SourceMention(m.article, m.claim.id, m.claim.text, m.claim.chain,
                                   tuple(link.name for link in m.claim.chain), m.repost_of)
                     for m in cluster.mentions)  # fmt: skip
    return SourceCluster(cluster.id, cluster.story, cluster.label, cluster.status, cluster.independence,
                         cluster.origins, mentions)  # fmt: skip


def from_records(corpus: Corpus) -> SourceIndex:
    index = SourceIndex()
    for story in corpus.stories(limit=1000):
        for cluster in corpus.clusters(story=story.id):
            index.add_cluster(light(cluster))
    index.finish()
    return index


def test_the_index_read_from_chains_equals_the_index_of_the_records(seed_db: Path) -> None:
    with Corpus(seed_db, read_only=True) as corpus:
        built, expected = build_index(corpus), from_records(corpus)
    assert built.details == expected.details and built.names() == expected.names()
    assert len(built.details) > 10
    assert sum(d.summary.reports for d in built.details.values()) == sum(
        len(m.claim.chain) for c in _clusters(seed_db) for m in c.mentions)


def _clusters(db: Path) -> list[ClaimCluster]:
    with Corpus(db, read_only=True) as corpus:
        return [c for s in corpus.stories(limit=1000) for c in corpus.clusters(story=s.id)]


def test_parts_merged_equal_one_index_of_every_cluster(seed_db: Path) -> None:
    clusters = [light(c) for c in _clusters(seed_db)]
    one, halves = SourceIndex(), (SourceIndex(), SourceIndex())
    for i, cluster in enumerate(clusters):
        one.add_cluster(cluster)
        halves[i * 2 // len(clusters)].add_cluster(cluster)
    one.finish()
    assert SourceIndex.merged(halves).details == one.details


def test_after_a_change_only_the_changed_story_is_read_again(seed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "growing.db"
    shutil.copy(seed_db, db)
    seed_story = _add_linked_article(db, story=None, name="copy-1")  # a second story, so one stays unchanged
    with Corpus(db, read_only=True) as corpus:
        new_story = next(s.id for s in corpus.stories() if s.id != seed_story)
        before = build_parts(corpus)
        assert list(before) == [new_story, seed_story] and build_parts(corpus, before) == before
    _add_linked_article(db, story=new_story, name="copy-2")
    with Corpus(db, read_only=True) as corpus:
        after = build_parts(corpus, before)
        scratch = build_index(corpus)
    assert after[new_story] is not before[new_story] and after[seed_story] is before[seed_story]
    assert SourceIndex.merged(part.index for part in after.values()).details == scratch.details


def _add_linked_article(db: Path, *, story: int | None, name: str) -> int:
    """Store a copy of a seed article carrying one of its claims and link it into ``story``'s first
    cluster, as the link stage would (``story`` None: into a new story of its own); returns the seed
    story, whose cluster the claim comes from."""
    with Corpus(db) as corpus:
        conn = corpus.connection
        seed_story = min(s.id for s in corpus.stories())
        cluster = corpus.clusters(story=story or seed_story)[0]
        mention = cluster.mentions[0]
        stored = corpus.article(mention.article)
        document = Document(name.encode(), "text/plain", f"{name}.txt", name, "utf-8", datetime(2024, 1, 1, tzinfo=UTC))
        claim = replace(mention.claim, id=f"{document.id[:16]}#1", article_id=document.id)
        run = store.start_run(conn, [document.location])
        article = store.save_article(conn, run, document, replace(stored.article, document_id=document.id),
                                     Extraction("done", (claim,)))  # fmt: skip
        added = replace(mention, claim=claim, article=article)
        if story is None:  # a story and a cluster of their own
            last = conn.execute("SELECT MAX(id) FROM clusters").fetchone()[0]
            target = replace(corpus.story(seed_story), id=seed_story + 1000, articles=())
            grown = replace(cluster, id=last + 1, story=target.id, mentions=(added,))
        else:
            target, grown = corpus.story(story), replace(cluster, mentions=(*cluster.mentions, added))
        store.save_link(conn, store.LinkUpdate(article, target, None, np.arange(4, dtype="<u8"), (grown,),
                                               ((claim.id, grown.id),)))  # fmt: skip
    return seed_story


def test_the_cache_rebuilds_in_the_background_after_a_change(seed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    shutil.copy(seed_db, db)
    cache = SourceCache(lambda: Corpus(db, read_only=True))
    with Corpus(db, read_only=True) as reader:
        first = cache.get(reader)
        story = reader.stories(limit=1)[0].id
        reports = sum(d.summary.reports for d in first.details.values())
        _add_linked_article(db, story=story, name="copy")
        cache.get(reader)  # starts the rebuild; answers with the index it has
        cache._builder.join()  # noqa: SLF001 (wait for the background build)
        rebuilt = cache.get(reader)
    assert rebuilt is not first
    assert sum(d.summary.reports for d in rebuilt.details.values()) > reports
