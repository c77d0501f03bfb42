"""End to end on the seeds: "Across the two reports" of ``../shared/seeds/EXPECTED.md`` through real linking.

``wiretrace.analyze`` runs on ``examples/almaty`` (ingest, clean, extract, link: nothing here assembles
clusters by hand). Each gold claim is mapped to the claim of ours that covers most of its evidence (as
``tests/test_seed_claims.py`` matches them); the checks then read the stories and claim clusters the
link stage stored, through the public ``Corpus`` API:

- one story holding both reports;
- the "dozens killed" cluster (gold K-1) carries 4+ of its reports, independence 1, the Almaty police;
- Baza is the only counted source of the shooting (gold K-5's attributed report);
- the Republic Square cluster (gold K-4) holds three framings of the act (cleansing / freed / cleared);
- the Koktobe tower claim's cluster (gold K-7) ends not confirmed;
- "Alma-Ata" and "Almaty" resolve to one place.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import wiretrace
from wiretrace.corpus import Corpus
from wiretrace.records import Claim, ClaimCluster


@pytest.fixture(scope="module")
def linked(examples_dir: Path, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    gold = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    db = tmp_path_factory.mktemp("seed-story") / "seeds.db"
    corpus = wiretrace.analyze([examples_dir], db)
    ours: dict[str, Claim] = {}
    for summary in corpus.articles():
        stored = corpus.article(summary.id)
        assert stored is not None
        claims = [row.claim for row in corpus.claims(article=summary.id)]
        for claim in gold["files"][Path(summary.location).name]["claims"]:
            found = _best_cover(stored.article.text, claim["evidence"], claims)
            if found is not None:
                ours[claim["id"]] = found
    yield {"corpus": corpus, "ours": ours, "gold": {c["id"]: c for c in gold["stories"][0]["clusters"]}}
    corpus.close()


def _best_cover(text: str, evidence: str, claims: list[Claim]) -> Claim | None:
    found = re.search(r"\s+".join(re.escape(w) for w in evidence.split()), text)
    assert found, f"evidence {evidence!r} is not in the cleaned text"
    start, end = found.span()

    def overlap(claim: Claim) -> int:
        return min(claim.end, end) - max(claim.start, start)

    covering = [c for c in claims if overlap(c) > 0 and overlap(c) >= 0.5 * min(c.end - c.start, end - start)]
    return max(covering, key=overlap, default=None)


def _main_cluster(linked: dict, gold_id: str) -> ClaimCluster:
    """Our cluster holding most of the gold cluster's claims."""
    corpus: Corpus = linked["corpus"]
    ids = [linked["ours"][c].id for c in linked["gold"][gold_id]["claims"] if c in linked["ours"]]
    cluster_id, _ = Counter(corpus.cluster_of(i) for i in ids).most_common(1)[0]
    assert cluster_id is not None, f"{gold_id}: our claims were not clustered"
    cluster = corpus.cluster(cluster_id)
    assert cluster is not None
    return cluster


def _words(name: str) -> set[str]:
    return set(re.findall(r"[a-z]+", name.lower())) - {"the", "of", "a", "an", "s", "city"}


def test_both_reports_make_one_story(linked: dict) -> None:
    corpus: Corpus = linked["corpus"]
    (story,) = corpus.stories()
    assert len(story.articles) == 2 and story.claims == corpus.count_claims()
    assert {corpus.link_of(a)[0] for a in story.articles} == {story.id}


def test_dozens_killed_is_one_cluster_of_four_or_more_reports_from_one_origin(linked: dict) -> None:
    gold = linked["gold"]["K-1"]
    cluster = _main_cluster(linked, "K-1")
    members = {m.claim.id for m in cluster.mentions}
    carried = [c for c in gold["claims"] if c in linked["ours"] and linked["ours"][c].id in members]
    assert len(carried) >= 4, carried
    assert len({m.article for m in cluster.mentions}) == 2
    assert cluster.independence == gold["independence"] == 1
    (origin,) = cluster.origins
    assert origin.type == "official" and "police" in " ".join(origin.aliases).lower()


def test_baza_is_the_only_counted_source_of_the_shooting(linked: dict) -> None:
    shooting = linked["ours"]["004#3b"]  # "fired at the protesters", Telegram channel Baza reported
    cluster = linked["corpus"].cluster(linked["corpus"].cluster_of(shooting.id))
    assert [o.name for o in cluster.origins] == ["Baza"] and cluster.independence == 1


def test_republic_square_is_one_event_in_three_framings(linked: dict) -> None:
    cluster = _main_cluster(linked, "K-4")
    members = {m.claim.id for m in cluster.mentions}
    carried = [c for c in linked["gold"]["K-4"]["claims"] if c in linked["ours"] and linked["ours"][c].id in members]
    assert len(carried) >= 3, carried
    acts = {f.source: {a.lower() for a in f.acts} for f in cluster.framing}
    assert len(acts) >= 3, acts
    every = set().union(*acts.values())
    assert {"cleansing", "freed", "cleared"} <= every, acts
    assert len({frozenset(a) for a in acts.values() if a}) >= 3  # three sources, three wordings


def test_the_tower_seizure_ends_not_confirmed(linked: dict) -> None:
    cluster = _main_cluster(linked, "K-7")
    assert cluster.status == "not-confirmed"
    assert [c.kind for c in cluster.conflicts] == ["not-confirmed"]


def test_alma_ata_is_almaty(linked: dict) -> None:
    places = {(p.mention, p.name) for c in linked["ours"].values() for p in c.places}
    written_alma_ata = {name for mention, name in places if mention.lower().startswith("alma-ata")}
    written_almaty = {name for mention, name in places if mention.lower() == "almaty"}
    assert written_alma_ata and written_alma_ata == written_almaty
    (story,) = linked["corpus"].stories()
    assert sum(_words(p) & _words(next(iter(written_almaty))) != set() for p in story.places) == 1
