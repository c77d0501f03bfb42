"""``Corpus``'s claim and verdict methods on the analysed seeds: a claim found by its id is the one the
claim list holds; a verdict set through the corpus is read back one by one and in bulk, replaced,
kept across reopening; another label, an unknown claim and a read-only corpus are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import wiretrace
from wiretrace import store
from wiretrace.corpus import Corpus
from wiretrace.errors import WiretraceError


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "seeds.db"
    wiretrace.analyze([examples_dir], db).close()
    return db


@pytest.fixture
def db(analysed: Path, tmp_path: Path) -> Path:
    """A private copy of the analysed seeds, so each test's verdicts start from none."""
    copy = tmp_path / "seeds.db"
    shutil.copy(analysed, copy)
    return copy


@pytest.fixture
def corpus(db: Path):
    with Corpus(db) as opened:
        yield opened


def test_a_claim_found_by_id_is_the_one_the_claim_list_holds(corpus: Corpus) -> None:
    listed = corpus.claims()
    assert len(listed) > 20
    for row in listed:
        assert corpus.claim(row.claim.id) == row


@pytest.mark.parametrize("claim_id", ["nope#1", "", "#", "0" * 16 + "#1", "' OR 1=1 --"])
def test_an_unknown_claim_id_finds_nothing(corpus: Corpus, claim_id: str) -> None:
    assert corpus.claim(claim_id) is None
    assert corpus.verdict(claim_id) is None


def test_a_verdict_is_read_back_replaced_and_kept(db: Path) -> None:
    with Corpus(db) as corpus:
        first, second, third = (row.claim.id for row in corpus.claims(limit=3))
        given = corpus.set_verdict(first, "false", "the tower stands")
        assert (given.claim_id, given.verdict, given.note) == (first, "false", "the tower stands")
        assert corpus.verdict(first) == given and corpus.verdict(second) is None
        corpus.set_verdict(second, "misleading")
        replaced = corpus.set_verdict(first, "verified")
        assert replaced.note is None
    with Corpus(db, read_only=True) as reopened:
        found = reopened.verdicts([first, second, third, first, "nope#1"])
        assert {k: v.verdict for k, v in found.items()} == {first: "verified", second: "misleading"}
        assert found[first] == replaced


@pytest.mark.parametrize("label", ["true", "VERIFIED", "Verified", "verified ", "", "fake"])
def test_another_label_is_refused_naming_the_accepted_ones(corpus: Corpus, label: str) -> None:
    claim_id = corpus.claims(limit=1)[0].claim.id
    with pytest.raises(WiretraceError, match="verified, false, misleading, unverified"):
        corpus.set_verdict(claim_id, label)
    assert corpus.verdict(claim_id) is None


def test_every_accepted_label_is_stored(corpus: Corpus) -> None:
    claim_ids = [row.claim.id for row in corpus.claims(limit=len(store.VERDICTS))]
    for claim_id, label in zip(claim_ids, store.VERDICTS, strict=True):
        corpus.set_verdict(claim_id, label, f"note on {label}")
    assert {k: v.verdict for k, v in corpus.verdicts(claim_ids).items()} == dict(zip(claim_ids, store.VERDICTS))


def test_a_verdict_on_an_unknown_claim_is_refused(corpus: Corpus) -> None:
    with pytest.raises(WiretraceError, match="no such claim"):
        corpus.set_verdict("nope#1", "false")


def test_a_read_only_corpus_refuses_a_verdict(db: Path) -> None:
    with Corpus(db, read_only=True) as corpus:
        claim_id = corpus.claims(limit=1)[0].claim.id
        with pytest.raises(WiretraceError, match="cannot set the verdict"):
            corpus.set_verdict(claim_id, "false")
        assert corpus.verdict(claim_id) is None
