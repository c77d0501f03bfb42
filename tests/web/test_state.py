"""The app's per-thread state: counts of whole lists are kept exactly until the database changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from wiretrace import store
from wiretrace.corpus import Corpus
from wiretrace.web.state import Counts


def test_a_count_is_kept_until_another_connection_commits(seed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "counted.db"
    shutil.copy(seed_db, db)
    counts, calls = Counts(), []

    def count(corpus: Corpus) -> int:
        calls.append(1)
        return corpus.count_claims()

    with Corpus(db, read_only=True) as reader:
        first = counts.get(reader, "claims", lambda: count(reader))
        assert counts.get(reader, "claims", lambda: count(reader)) == first and len(calls) == 1
        with Corpus(db) as writer:
            claim = writer.claims(limit=1)[0].claim.id
            writer.connection.execute("DELETE FROM cluster_claims WHERE claim_id = ?", (claim,))
            writer.connection.execute("DELETE FROM verdicts WHERE claim_id = ?", (claim,))
            writer.connection.execute("DELETE FROM claims WHERE id = ?", (claim,))
        assert counts.get(reader, "claims", lambda: count(reader)) == first - 1 and len(calls) == 2
        assert store.count_claims(reader.connection) == first - 1
