"""Deep pages of the claim list start from kept keys and show exactly what ``OFFSET`` shows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from wiretrace.corpus import Corpus
from wiretrace.store.claims import claim_key_at, list_claims
from wiretrace.store.json_pages import claims_json
from wiretrace.web import seek
from wiretrace.web.seek import claim_start


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> int:
    """Keys every 7 claims, so the seed database (a few dozen claims) holds many of them."""
    monkeypatch.setattr(seek, "SEEK_STEP", 7)
    return 7


def test_every_page_from_a_kept_key_is_the_page_offset_gives(seed_db: Path, small_steps: int) -> None:
    with Corpus(seed_db, read_only=True) as corpus:
        conn, total, kept = corpus.connection, corpus.count_claims(), {}
        assert total > 3 * small_steps
        for offset in range(total + 3):
            start, rest = claim_start(corpus, kept, offset)
            assert rest < small_steps or start is None and offset < small_steps
            for limit in (1, 5):
                expected = list_claims(conn, limit=limit, offset=offset)
                assert list_claims(conn, limit=limit, offset=rest, start=start) == expected
                from_start = json.loads(claims_json(conn, limit=limit, offset=rest, start=start))
                assert from_start == json.loads(claims_json(conn, limit=limit, offset=offset))
                assert [i["claim"]["id"] for i in from_start] == [c.claim.id for c in expected]
        assert sorted(k[1] for k in kept) == list(range(small_steps, total, small_steps))


def test_a_key_is_found_once_and_from_the_one_before(seed_db: Path, small_steps: int) -> None:
    with Corpus(seed_db, read_only=True) as corpus:
        kept: dict = {}
        claim_start(corpus, kept, 3 * small_steps + 2)
        assert len(kept) == 3
        kept[("claim at", 2 * small_steps)] = claim_key_at(corpus.connection, 0)  # a wrong key, to see it is used
        start, rest = claim_start(corpus, kept, 2 * small_steps + 1)
        assert (start, rest) == (claim_key_at(corpus.connection, 0), 1)


def test_the_keys_are_found_again_once_the_database_changed(seed_db: Path, tmp_path: Path, small_steps: int) -> None:
    from wiretrace.web.state import Kept

    db = tmp_path / "seek.db"
    shutil.copy(seed_db, db)
    with Corpus(db, read_only=True) as reader:
        kept = Kept()
        start, _ = claim_start(reader, kept.current(reader), small_steps)
        with Corpus(db) as writer:
            first = writer.claims(limit=1)[0].claim.id
            for table, column in (("cluster_claims", "claim_id"), ("verdicts", "claim_id"), ("claims", "id")):
                writer.connection.execute(f"DELETE FROM {table} WHERE {column} = ?", (first,))  # noqa: S608
        moved, rest = claim_start(reader, kept.current(reader), small_steps)
        assert moved != start and rest == 0
        assert list_claims(reader.connection, limit=3, offset=rest, start=moved) == list_claims(
            reader.connection, limit=3, offset=small_steps
        )
