"""End to end: ``wiretrace analyze`` on the two seed reports finds the claims of EXPECTED.md.

The gold is ``../shared/seeds/expected.json`` (EXPECTED.md in machine-readable form, written by hand, not
from our output). Each gold claim is a test of its own: some claim of the same article must cover its
evidence and carry its speaker, chain, kind, factuality (or an accepted alternative), cue words, time,
quantities and places. Names are compared after ``_name_words`` (case, determiners, possessives and the
gold's "(unnamed)" notes dropped): one name's words must contain the other's and cover at least half of
them ("Ministry of Internal Affairs" is "Ministry of Internal Affairs of <country>", but the country
alone is not); looser forms pass only where the gold lists them as alternatives ("police").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import wiretrace
from wiretrace.records import Claim

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
_FILLER = {"the", "a", "an", "of", "s", "unnamed", "report"}


def _gold_claims() -> list[tuple[str, dict]]:
    path = SEEDS / "expected.json"
    if not path.is_file():
        return []
    gold = json.loads(path.read_text(encoding="utf-8"))
    return [(name, claim) for name, entry in gold["files"].items() for claim in entry["claims"]]


@pytest.fixture(scope="module")
def extracted(examples_dir: Path, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, list[Claim]]]:
    """File name → (article text, its claims), from one real run of analyze on the bundled seeds."""
    db = tmp_path_factory.mktemp("seed-claims") / "seeds.db"
    with wiretrace.analyze([examples_dir], db) as corpus:
        result = {}
        for summary in corpus.articles():
            stored = corpus.article(summary.id)
            assert stored is not None
            claims = [row.claim for row in corpus.claims(article=summary.id)]
            result[Path(summary.location).name] = (stored.article.text, claims)
    return result


def _name_words(name: str) -> set[str]:
    name = re.sub(r"\((?:unnamed|unnamed report)\)", "", name.lower().replace("’", "'"))
    return {w for w in re.findall(r"[a-z0-9]+", name) if w not in _FILLER}


def same_name(produced: str, gold: str) -> bool:
    a, b = _name_words(produced), _name_words(gold)
    small, large = sorted((a, b), key=len)
    return bool(small) and small <= large and 2 * len(small) >= len(large)


def same_chain(produced: list[str], gold: list[str]) -> bool:
    return len(produced) == len(gold) and all(same_name(p, g) for p, g in zip(produced, gold, strict=True))


def _span(text: str, evidence: str) -> tuple[int, int]:
    start = text.find(evidence)
    if start < 0:  # the cleaner may have normalised spaces: match on a whitespace-insensitive pattern
        pattern = r"\s+".join(re.escape(w) for w in evidence.split())
        found = re.search(pattern, text)
        assert found, f"evidence {evidence!r} is not in the cleaned text"
        return found.span()
    return start, start + len(evidence)


def _covers(claim: Claim, span: tuple[int, int]) -> bool:
    overlap = min(claim.end, span[1]) - max(claim.start, span[0])
    return overlap > 0 and overlap >= 0.5 * min(claim.end - claim.start, span[1] - span[0])


def _problems(claim: Claim, gold: dict, extras: list[dict]) -> list[str]:
    """What differs between one produced claim and one gold claim (empty: it matches)."""
    problems = []
    chain = [link.name for link in claim.chain]
    alternatives = [g for g in gold.get("chain_alternatives", []) if same_chain(chain, g)]
    if not same_chain(chain, gold["chain"]) and not alternatives:
        problems.append(f"chain {chain} != {gold['chain']}")
    if not same_chain(chain, gold["chain"]) and alternatives:  # an alternative reading brings its own kind
        if (claim.kind == "outlet-voice") != (len(alternatives[0]) == 1):
            problems.append(f"kind {claim.kind} does not fit the alternative chain {alternatives[0]}")
    elif claim.kind != gold["kind"]:
        problems.append(f"kind {claim.kind} != {gold['kind']}")
    labels = [gold["factuality"], *gold.get("factuality_alternatives", [])]
    if claim.factuality not in labels:
        problems.append(f"factuality {claim.factuality} not in {labels}")
    elif claim.factuality == gold["factuality"]:
        problems += _cue_problems(claim, gold)
    problems += _time_problems(claim, gold)
    problems += _quantity_problems(claim, gold, extras)
    problems += _place_problems(claim, gold)
    return problems


def _cue_problems(claim: Claim, gold: dict) -> list[str]:
    produced = " | ".join(claim.cues).lower()
    missing = [c for c in gold["cues"] if not any(w in produced for w in _name_words(c) - {"this", "by", "from"})]
    return [f"cues {list(claim.cues)} lack {missing}"] if missing else []


def _time_problems(claim: Claim, gold: dict) -> list[str]:
    accepted = [t for t in (gold["time"], gold.get("time_acceptable")) if t is not None]
    if not accepted:
        return [f"time {claim.time} where the gold has none"] if claim.time is not None else []
    if claim.time is None:
        return [] if gold["time"] is None else [f"no time, gold {gold['time']['expression']!r}"]
    for t in accepted:
        same = (claim.time.expression.lower().strip() == t["expression"].lower().strip() and claim.time.of == t["of"]
                and claim.time.resolved == t["resolved"] and claim.time.granularity == t["granularity"]
                and (not t["resolved"] or (claim.time.start, claim.time.end) == (t["start"], t["end"])))
        if same:
            return []
    return [f"time {claim.time} != {accepted}"]


def _quantity_problems(claim: Claim, gold: dict, extras: list[dict]) -> list[str]:
    def matches(q, g) -> bool:
        return (q.min, q.max, q.approx, q.category) == (g["min"], g["max"], g["approx"], g["category"]) and (
            g["unit"].lower() in q.unit.lower() or q.unit.lower() in g["unit"].lower())

    problems = [f"quantity {g['expression']!r} missing" for g in gold["quantities"]
                if not any(matches(q, g) for q in claim.quantities)]
    allowed = gold["quantities"] + extras  # a clause may bundle counts the gold splits into sibling claims
    problems += [f"extra quantity {q.expression!r}" for q in claim.quantities if not any(matches(q, g) for g in allowed)]
    return problems


def _place_problems(claim: Claim, gold: dict) -> list[str]:
    """Each gold place must be among the claim's places (its words all in one place name). A place the
    gold names by description inside a city it also lists ("<city> city centre", "<city> presidential
    residence") is taken as met by that city: unnamed sub-places are not resolved yet."""
    names = [_name_words(p.name) for p in claim.places]
    missing = []
    for place in gold["places"]:
        described_in = [c for c in gold["places"] if c != place and place.startswith(c + " ")]
        wanted = _name_words(described_in[0]) if described_in else _name_words(place)
        if not any(wanted <= n for n in names):
            missing.append(place)
    return [f"places {[p.name for p in claim.places]} lack {missing}"] if missing else []


@pytest.mark.parametrize("file_name, gold", _gold_claims(), ids=lambda v: v["id"] if isinstance(v, dict) else "")
def test_seed_claim_is_found(extracted: dict, file_name: str, gold: dict) -> None:
    text, claims = extracted[file_name]
    span = _span(text, gold["evidence"])
    candidates = [c for c in claims if _covers(c, span)]
    assert candidates, f"{gold['id']}: no claim covers {gold['evidence']!r}"
    siblings = [g for f, g in _gold_claims() if f == file_name and g["evidence"] == gold["evidence"] and g is not gold]
    extras = [q for g in siblings for q in g["quantities"]]
    reports = {c.id: _problems(c, gold, extras) for c in candidates}
    if not any(not p for p in reports.values()):
        detail = "; ".join(f"{c.text!r}: {', '.join(reports[c.id])}" for c in candidates)
        pytest.fail(f"{gold['id']} ({gold['text']}): {detail}")


def test_claim_offsets_point_into_the_article_text(extracted: dict) -> None:
    for text, claims in extracted.values():
        assert claims
        assert all(0 <= c.start < c.end <= len(text) and text[c.start:c.end] == c.text for c in claims)


def test_comments_never_yield_claims(extracted: dict, seeds_dir: Path) -> None:
    gold = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    for name, entry in gold["files"].items():
        _, claims = extracted[name]
        for comment in entry["comments"]:
            assert not any(comment["text_start"][:30] in c.text for c in claims), comment["text_start"]


def test_claim_count_stays_near_the_gold(extracted: dict) -> None:
    """No claim spam: at most half as many claims again as the gold lists (the gold splits finely)."""
    gold = {}
    for name, claim in _gold_claims():
        gold[name] = gold.get(name, 0) + 1
    for name, (_, claims) in extracted.items():
        assert len(claims) <= 1.5 * gold[name], f"{name}: {len(claims)} claims for {gold[name]} in the gold"
