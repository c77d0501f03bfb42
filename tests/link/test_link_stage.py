"""The link stage over a real database: incremental, resumable, idempotent, and the same after a restart."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

import wiretrace
from wiretrace import store
from wiretrace.link.stage import Linker

REPORTS = {
    "quake-1.txt": "A magnitude 6.1 earthquake struck near the coastal town of Portmere on Tuesday, officials said.\n\n"
                   "At least 12 people were killed and dozens injured when buildings collapsed in Portmere, "
                   "the regional governor Alma Voss told reporters.\n\nRescue teams are searching the rubble.",
    "quake-2.txt": "Rescuers in Portmere pulled survivors from collapsed buildings after Tuesday's earthquake.\n\n"
                   "Governor Alma Voss said 12 people had been killed in the town.\n\n"
                   "The quake measured 6.1, the national seismology office said.",
    "vote.txt": "Lawmakers in Dunmore approved the new budget on Friday after a long debate.\n\n"
                "The finance minister Piet Oranje said the budget would cut the deficit by two percent.\n\n"
                "Opposition members walked out before the vote, the parliament's press office said.",
}


def _write(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(REPORTS[name], encoding="utf-8")
    return folder


def _snapshot(conn) -> tuple:
    links = conn.execute("SELECT article_id, story_id, repost_of FROM links ORDER BY article_id").fetchall()
    clusters = conn.execute("SELECT claim_id, cluster_id FROM cluster_claims ORDER BY claim_id").fetchall()
    return [tuple(r) for r in links], [tuple(r) for r in clusters]


def _partition(conn) -> tuple[frozenset, frozenset]:
    """Stories as sets of article texts and clusters as sets of claim texts (independent of row ids)."""
    stories, clusters = defaultdict(set), defaultdict(set)
    for story, text in conn.execute("SELECT l.story_id, a.text FROM links l JOIN articles a ON a.id = l.article_id"):
        stories[story].add(text[:40])
    for cluster, text in conn.execute("SELECT cc.cluster_id, c.text FROM cluster_claims cc JOIN claims c ON c.id = cc.claim_id"):
        clusters[cluster].add(text)
    return frozenset(map(frozenset, stories.values())), frozenset(map(frozenset, clusters.values()))


def test_reports_of_one_event_share_a_story_and_the_toll_is_one_cluster(tmp_path):
    with wiretrace.analyze([_write(tmp_path / "in", sorted(REPORTS))], tmp_path / "w.db") as corpus:
        stories = corpus.stories()
        by_article = {a: corpus.link_of(a)[0] for a in range(1, 4)}
        assert len(stories) == 2 and by_article[1] == by_article[2] != by_article[3]
        toll = [row.claim for row in corpus.claims() if "killed" in row.claim.text]
        assert len(toll) == 2 and corpus.cluster_of(toll[0].id) == corpus.cluster_of(toll[1].id)
        cluster = corpus.cluster(corpus.cluster_of(toll[0].id))
        assert cluster.independence == 1 and [o.name for o in cluster.origins] == ["Alma Voss"]


def test_an_article_added_later_joins_its_story_and_nothing_earlier_moves(tmp_path):
    db = tmp_path / "w.db"
    wiretrace.analyze([_write(tmp_path / "a", ["quake-1.txt", "vote.txt"])], db).close()
    with store.connect(db) as conn:
        before = _snapshot(conn)
    with wiretrace.analyze([_write(tmp_path / "b", ["quake-2.txt"])], db) as corpus:
        after = _snapshot(corpus.connection)
        assert after[0][: len(before[0])] == before[0]
        assert set(before[1]) <= set(after[1])
        assert corpus.link_of(3)[0] == corpus.link_of(1)[0]


def test_one_run_and_two_runs_link_the_same(tmp_path):
    wiretrace.analyze([_write(tmp_path / "all", ["quake-1.txt", "vote.txt", "quake-2.txt"])], tmp_path / "one.db").close()
    db = tmp_path / "two.db"
    wiretrace.analyze([_write(tmp_path / "x", ["quake-1.txt", "vote.txt"])], db).close()
    wiretrace.analyze([_write(tmp_path / "y", ["quake-2.txt"])], db).close()
    with store.connect(tmp_path / "one.db") as one, store.connect(db) as two:
        assert _partition(one) == _partition(two)


def test_rerunning_changes_nothing_and_a_restarted_linker_resumes(tmp_path):
    folder = _write(tmp_path / "in", sorted(REPORTS))
    db = tmp_path / "w.db"
    wiretrace.analyze([folder], db).close()
    with store.connect(db) as conn:
        done = _snapshot(conn)
        # an interrupted run: the last article's link is gone (its transaction never committed)
        conn.execute("DELETE FROM cluster_claims WHERE claim_id IN (SELECT id FROM claims WHERE article_id = 3)")
        conn.execute("DELETE FROM links WHERE article_id = 3")
        conn.execute("DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM cluster_claims)")
        assert store.articles_to_link(conn) == [3]
        assert Linker(conn).link_pending() == 1
        assert _snapshot(conn) == done
    wiretrace.analyze([folder], db).close()
    with store.connect(db) as conn:
        assert _snapshot(conn) == done and store.articles_to_link(conn) == []


def test_a_copy_of_a_report_links_to_its_original(tmp_path):
    folder = _write(tmp_path / "in", ["quake-1.txt"])
    (folder / "quake-1-copy.txt").write_text(REPORTS["quake-1.txt"] + "\n\nShare this article.", encoding="utf-8")
    with wiretrace.analyze([folder], tmp_path / "w.db") as corpus:
        assert corpus.link_of(2) == (corpus.link_of(1)[0], 1)
        toll = [row.claim for row in corpus.claims() if "killed" in row.claim.text]
        cluster = corpus.cluster(corpus.cluster_of(toll[0].id))
        assert len(cluster.mentions) == 2 and cluster.independence == 1 and len(cluster.relays) == 1


@pytest.mark.parametrize("share", [0.2])
def test_the_seed_story_needs_its_setting_to_keep_clusters_apart(tmp_path, examples_dir, share):
    """Without the story's setting (every place anchors), the seed claims collapse into few clusters."""
    from wiretrace.link.stage import LinkOptions

    db = tmp_path / "s.db"
    wiretrace.analyze([examples_dir], db).close()
    with store.connect(db) as conn:
        with_setting = conn.execute("SELECT COUNT(DISTINCT cluster_id) FROM cluster_claims").fetchone()[0]
        for table in ("cluster_claims", "clusters", "links", "stories"):
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
        Linker(conn, LinkOptions(setting_share=1.0, common_share=1.0)).link_pending()
        without = conn.execute("SELECT COUNT(DISTINCT cluster_id) FROM cluster_claims").fetchone()[0]
    assert without < with_setting - 5



def test_a_restarted_linker_replays_the_same_links_whatever_its_batch(tmp_path):
    db = tmp_path / "w.db"
    wiretrace.analyze([_write(tmp_path / "in", sorted(REPORTS))], db).close()
    with store.connect(db) as conn:
        whole = Linker(conn)  # every article in one batch
        with store.connect(tmp_path / "empty.db") as empty:
            stepwise = Linker(empty)
        stepwise.conn = conn
        stepwise._restore(batch=1)
        assert len(whole._article_at) == len(REPORTS)
        assert stepwise._article_at == whole._article_at
        assert stepwise._stories.assignments == whole._stories.assignments
        assert len(stepwise._reposts) == len(whole._reposts)


def _reference(tmp_path: Path) -> Path:
    """The three reports analysed one run each, in the order the tests below add them."""
    db = tmp_path / "reference.db"
    for name in ("quake-1.txt", "vote.txt", "quake-2.txt"):
        wiretrace.analyze([_write(tmp_path / f"ref-{name}", [name])], db).close()
    return db


def _run(conn, folder: Path, linker: Linker) -> None:
    from wiretrace.pipeline import AnalyzeOptions, list_sources, run_analysis

    options = AnalyzeOptions()
    run_analysis(conn, list_sources([folder], options), options, linker=linker)


def test_a_linker_kept_between_runs_links_on_without_replaying(tmp_path):
    db = tmp_path / "w.db"
    wiretrace.analyze([_write(tmp_path / "a", ["quake-1.txt"])], db).close()
    with store.connect(db) as conn:
        warm = Linker(conn)
        replayed = warm._stories
        _run(conn, _write(tmp_path / "b", ["vote.txt"]), warm)
        _run(conn, _write(tmp_path / "c", ["quake-2.txt"]), warm)
        assert warm._stories is replayed  # nothing else wrote: the state in memory was kept up to date
        with store.connect(_reference(tmp_path)) as reference:
            assert _snapshot(conn) == _snapshot(reference)


def test_a_linker_kept_between_runs_replays_the_store_when_another_connection_wrote(tmp_path):
    """Another writer (``wiretrace analyze`` while the web app runs) adds stories and clusters the kept
    linker has not seen: linking on from its old state would reuse their ids."""
    db = tmp_path / "w.db"
    wiretrace.analyze([_write(tmp_path / "a", ["quake-1.txt"])], db).close()
    with store.connect(db) as conn:
        warm = Linker(conn)
        replayed = warm._stories
        wiretrace.analyze([_write(tmp_path / "b", ["vote.txt"])], db).close()  # another connection
        _run(conn, _write(tmp_path / "c", ["quake-2.txt"]), warm)
        assert warm._stories is not replayed
        with store.connect(_reference(tmp_path)) as reference:
            assert _snapshot(conn) == _snapshot(reference)


def test_a_linker_whose_call_failed_half_way_replays_the_store_before_the_next(tmp_path):
    """The store refuses the link after the linker has taken the article into its state in memory (a
    trigger of the test's own, a real failure of the real database): the next call must not go on from
    that half-updated state."""
    db = tmp_path / "w.db"
    wiretrace.analyze([_write(tmp_path / "a", ["quake-1.txt", "vote.txt"])], db).close()
    with store.connect(db) as conn:
        warm = Linker(conn)
        replayed = warm._stories
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON links BEGIN SELECT RAISE(ABORT, 'refused'); END")
        folder = _write(tmp_path / "c", ["quake-2.txt"])
        with pytest.raises(Exception, match="refused"):
            _run(conn, folder, warm)
        assert len(warm._article_at) == 3  # the article is in the linker's memory, not in the store
        conn.execute("DROP TRIGGER refuse")
        _run(conn, folder, warm)
        assert warm._stories is not replayed and len(warm._article_at) == 3
        with store.connect(_reference(tmp_path)) as reference:
            assert _snapshot(conn) == _snapshot(reference)


def test_a_link_is_not_written_over_a_commit_made_while_it_was_worked_out(tmp_path):
    """Another connection commits after the linker's check at the start of ``link`` (here: before
    ``_link`` is called directly): the check inside the write transaction refuses to write, and ``link``
    replays and links again."""
    from wiretrace.link.stage import _Stale

    db = tmp_path / "w.db"
    wiretrace.analyze([_write(tmp_path / "a", ["quake-1.txt"])], db).close()
    with store.connect(db) as conn:
        warm = Linker(conn)
        wiretrace.analyze([_write(tmp_path / "b", ["vote.txt"])], db).close()  # another connection
        from wiretrace.pipeline import AnalyzeOptions, list_sources, run_analysis

        options = AnalyzeOptions(link=warm.options)
        before = _snapshot(conn)
        stored = _write(tmp_path / "c", ["quake-2.txt"])
        run_analysis(conn, list_sources([stored], options), options, linker=Linker(conn))  # stores and links it
        article = conn.execute("SELECT MAX(article_id) FROM links").fetchone()[0]
        conn.execute("DELETE FROM cluster_claims WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)",
                     (article,))  # fmt: skip
        conn.execute("DELETE FROM links WHERE article_id = ?", (article,))
        conn.execute("DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM cluster_claims)")
        assert _snapshot(conn) == before  # the article stored and not linked, as after an interrupted run
        with pytest.raises(_Stale):
            warm._link(article)  # worked out on the state from before the other connection's commit
        assert _snapshot(conn) == before  # nothing written
        assert warm.link(article) is not None
        with store.connect(_reference(tmp_path)) as reference:
            assert _snapshot(conn) == _snapshot(reference)


def test_a_linker_given_to_a_run_must_be_on_its_connection_with_its_options(tmp_path):
    from wiretrace.link.stage import LinkOptions
    from wiretrace.pipeline import AnalyzeOptions, run_analysis

    db = tmp_path / "w.db"
    wiretrace.analyze([_write(tmp_path / "a", ["quake-1.txt"])], db).close()
    with store.connect(db) as conn, store.connect(db) as other:
        with pytest.raises(ValueError, match="on the connection it analyzes into"):
            run_analysis(conn, [], AnalyzeOptions(), linker=Linker(other))
        with pytest.raises(ValueError, match="the run's link options"):
            run_analysis(conn, [], AnalyzeOptions(), linker=Linker(conn, LinkOptions(setting_share=0.5)))
