"""The app's per-thread state: values worked out over whole lists are kept exactly until the database
changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from wiretrace import store
from wiretrace.corpus import Corpus
from wiretrace.web.state import Kept


def test_a_kept_value_lasts_until_another_connection_commits(seed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "counted.db"
    shutil.copy(seed_db, db)
    kept = Kept()

    with Corpus(db, read_only=True) as reader:
        kept.current(reader)["claims"] = first = reader.count_claims()
        assert kept.current(reader) == {"claims": first}
        with Corpus(db) as writer:
            claim = writer.claims(limit=1)[0].claim.id
            writer.connection.execute("DELETE FROM cluster_claims WHERE claim_id = ?", (claim,))
            writer.connection.execute("DELETE FROM verdicts WHERE claim_id = ?", (claim,))
            writer.connection.execute("DELETE FROM claims WHERE id = ?", (claim,))
        assert kept.current(reader) == {}
        assert store.count_claims(reader.connection) == first - 1
