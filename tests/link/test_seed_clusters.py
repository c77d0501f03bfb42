"""Provenance, status, conflicts and framing of the seed story's claim clusters K-1…K-8, from OUR claims.

The membership of each cluster comes from the gold (``../shared/seeds/expected.json``, "stories"[0]):
clustering is another stage's job. Each gold claim id is mapped to the claim our extractor found for it
(the claim of the same article that covers most of its evidence, as ``tests/test_seed_claims.py``
matches them), the clusters are assembled from those claims, and what the provenance functions say of
them is compared with the gold: independence, primary sources, final status, conflicts and framing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import wiretrace
from wiretrace.link.conflicts import cluster_status, conflicts, status_history
from wiretrace.link.framing import framing
from wiretrace.link.provenance import OriginResolver, independence
from wiretrace.records import Claim, Framing, Mention, Origin

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
_FILLER = {"the", "a", "an", "of", "s", "its", "unnamed"}


def _gold_story() -> dict:
    path = SEEDS / "expected.json"
    return json.loads(path.read_text(encoding="utf-8"))["stories"][0] if path.is_file() else {"clusters": []}


CLUSTERS = {cluster["id"]: cluster for cluster in _gold_story()["clusters"]}


@pytest.fixture(scope="module")
def seed(examples_dir: Path, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Gold claim id → our Mention, and the story's resolver, from one real run of analyze."""
    gold = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    db = tmp_path_factory.mktemp("seed-clusters") / "seeds.db"
    by_gold: dict[str, Mention] = {}
    mentions: list[Mention] = []
    with wiretrace.analyze([examples_dir], db) as corpus:
        for summary in corpus.articles():
            stored = corpus.article(summary.id)
            assert stored is not None
            article = stored.article
            published = article.published_at.isoformat() if article.published_at else None
            ours = [Mention(row.claim, summary.id, row.claim.chain[-1].name, published)
                    for row in corpus.claims(article=summary.id)]
            mentions += ours
            for claim in gold["files"][Path(summary.location).name]["claims"]:
                found = _best_cover(article.text, claim["evidence"], ours)
                if found is not None:
                    by_gold[claim["id"]] = found
    return {"mentions": by_gold, "resolver": OriginResolver(mentions)}


def _best_cover(text: str, evidence: str, mentions: list[Mention]) -> Mention | None:
    """Our mention whose claim covers most of the evidence (at least half of the shorter of the two)."""
    pattern = r"\s+".join(re.escape(w) for w in evidence.split())
    found = re.search(pattern, text)
    assert found, f"evidence {evidence!r} is not in the cleaned text"
    start, end = found.span()

    def overlap(claim: Claim) -> int:
        return min(claim.end, end) - max(claim.start, start)

    covering = [m for m in mentions if overlap(m.claim) > 0
                and overlap(m.claim) >= 0.5 * min(m.claim.end - m.claim.start, end - start)]
    return max(covering, key=lambda m: overlap(m.claim), default=None)


def _cluster(seed: dict, cluster_id: str) -> list[Mention]:
    missing = [c for c in CLUSTERS[cluster_id]["claims"] if c not in seed["mentions"]]
    assert not missing, f"{cluster_id}: no claim of ours for {missing}"
    return [seed["mentions"][c] for c in CLUSTERS[cluster_id]["claims"]]


def _words(name: str) -> set[str]:
    name = re.sub(r"\(.*?\)", "", name.lower().replace("’", "'"))
    return {w for w in re.findall(r"[a-z0-9]+", name) if w not in _FILLER}


def _is(origin: Origin, gold_name: str) -> bool:
    """Whether our origin is the gold's primary source: one of its names has all its words in the gold's."""
    gold = _words(gold_name)
    return any(_words(alias) and _words(alias) <= gold for alias in (origin.name, *origin.aliases))


def _framing_of(entries: tuple[Framing, ...], source: str) -> Framing:
    matching = [f for f in entries if _words(source) <= _words(f.source) or source == f.source]
    assert len(matching) == 1, f"{source!r} among {[f.source for f in entries]}"
    return matching[0]


@pytest.mark.parametrize("cluster_id", sorted(CLUSTERS))
def test_independence_is_the_gold_count(seed: dict, cluster_id: str) -> None:
    count, origins, _ = independence(_cluster(seed, cluster_id), seed["resolver"])
    assert count == CLUSTERS[cluster_id]["independence"], [o.name for o in origins]


@pytest.mark.parametrize("cluster_id", sorted(CLUSTERS))
def test_origins_are_the_gold_primary_sources(seed: dict, cluster_id: str) -> None:
    _, origins, _ = independence(_cluster(seed, cluster_id), seed["resolver"])
    for gold_name in CLUSTERS[cluster_id]["primary_sources"]:
        assert sum(_is(o, gold_name) for o in origins) == 1, f"{gold_name!r} among {[o.name for o in origins]}"


@pytest.mark.parametrize("cluster_id", sorted(CLUSTERS))
def test_final_status_is_the_gold_one(seed: dict, cluster_id: str) -> None:
    gold = CLUSTERS[cluster_id]["final_status"]
    expected = "not-confirmed" if gold.startswith("not confirmed") else "asserted"
    assert cluster_status(status_history(_cluster(seed, cluster_id), seed["resolver"])) == expected


def test_k1_the_police_spokeswoman_press_service_and_the_police_are_one_origin(seed: dict) -> None:
    resolver = seed["resolver"]
    quoted, via_tv, press_service, standfirst = (seed["mentions"][c] for c in ("000#10b", "004#4a", "004#5b", "004#1"))
    origins = {resolver.origin(m) for m in (quoted, via_tv, press_service, standfirst)}
    assert len(origins) == 1 and None not in origins
    (police,) = origins
    assert police.type == "official"
    assert {"Saltanat Azirbek", "police"} <= set(police.aliases)
    assert any("press service" in alias for alias in police.aliases)


def test_k1_outlet_voice_restatements_inherit_the_police(seed: dict) -> None:
    _, origins, relays = independence(_cluster(seed, "K-1"), seed["resolver"])
    (police,) = origins
    restated = {seed["mentions"][c].claim.id for c in ("000#9b", "004#0b", "004#0c")}
    inherited = [r for r in relays if r.claim in restated]
    assert len(inherited) == 3
    assert all(r.origin == police.name and r.via[-1].endswith("(own voice)") for r in inherited)
    assert {r.via for r in relays if r.claim == seed["mentions"]["004#4a"].claim.id} == {("Khabar 24",)}


def test_k4_one_event_three_framings_of_the_act(seed: dict) -> None:
    entries = framing(_cluster(seed, "K-4"), seed["resolver"])
    acts = {source: {a.lower() for a in _framing_of(entries, source).acts}
            for source in ("Ministry of Internal Affairs", "UNIAN", "unnamed source")}
    assert "freed" in acts["Ministry of Internal Affairs"]
    assert {"cleared", "cleaning"} <= acts["UNIAN"]
    assert "cleansing" in acts["unnamed source"]
    assert "radicals" in _framing_of(entries, "Ministry of Internal Affairs").actors
    assert "protesters" in _framing_of(entries, "UNIAN").actors


def test_k5_baza_is_the_only_counted_source(seed: dict) -> None:
    count, origins, relays = independence(_cluster(seed, "K-5"), seed["resolver"])
    assert (count, [o.name for o in origins]) == (1, ["Baza"])
    assert sum(r.origin == "unnamed source" for r in relays) == 2  # shown, never counted


def test_k7_the_tower_seizure_is_not_confirmed(seed: dict) -> None:
    mentions, resolver = _cluster(seed, "K-7"), seed["resolver"]
    history = status_history(mentions, resolver)
    assert [e.claim for e in history] == [seed["mentions"][c].claim.id for c in ("000#7a", "000#7b")]
    assert cluster_status(history) == "not-confirmed"
    (conflict,) = conflicts(mentions, resolver)
    assert (conflict.kind, conflict.first, conflict.second) == (
        "not-confirmed", seed["mentions"]["000#7a"].claim.id, seed["mentions"]["000#7b"].claim.id)
    assert conflict.first_source == "unnamed source" and "Saltanat Azirbek" in resolver.origin(mentions[1]).aliases


def test_k8_three_independent_sources(seed: dict) -> None:
    count, origins, _ = independence(_cluster(seed, "K-8"), seed["resolver"])
    assert count == 3
    assert {o.type for o in origins} == {"state-media", "official", "media"}


@pytest.mark.parametrize("cluster_id", sorted(CLUSTERS))
def test_only_k7_has_a_conflict(seed: dict, cluster_id: str) -> None:
    """The gold lists no disagreeing numbers ("dozens" everywhere) and one non-confirmation (K-7)."""
    kinds = {c.kind for c in conflicts(_cluster(seed, cluster_id), seed["resolver"])}
    assert kinds == ({"not-confirmed"} if cluster_id == "K-7" else set())


@pytest.mark.parametrize(
    "cluster_id, source, actors, acts",
    [
        ("K-1", "Police Department", {"attackers", "people"}, {"eliminated", "liquidated"}),
        ("K-1", "unknown outlet", {"attackers"}, {"killed"}),
        ("K-1", "UNIAN", {"victims", "protesters"}, {"killed"}),
        ("K-3", "Police Department", {"extremist forces", "protesters"}, {"attempted to storm", "tried to storm"}),
        ("K-3", "unknown outlet", set(), {"attacked"}),
        ("K-5", "Baza", {"protesters"}, {"fired"}),
        ("K-7", "unnamed source", set(), {"seizure"}),
        ("K-7", "Police Department", set(), {"not confirmed"}),
        ("K-5", "unnamed source", set(), {"shooting"}),
        ("K-8", "Sputnik Kazakhstan", set(), {"anti-terrorist operation"}),
        ("K-8", "Ministry of Internal Affairs", set(), {"special operation"}),
        ("K-8", "UNIAN", set(), {"anti-terrorist special operation"}),
    ],
)
def test_framing_words_of_the_gold(seed: dict, cluster_id: str, source: str, actors: set, acts: set) -> None:
    entry = _framing_of(framing(_cluster(seed, cluster_id), seed["resolver"]), source)
    assert actors <= {a.lower() for a in entry.actors}
    assert acts <= {a.lower() for a in entry.acts}
