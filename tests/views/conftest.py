"""One real run of ``wiretrace.analyze`` on the bundled seeds, shared by the views' end-to-end tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import wiretrace


@pytest.fixture(scope="session")
def seeded_views_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    """The seeds analyzed into a fresh database (ingest, clean, extract, link), closed again."""
    db = tmp_path_factory.mktemp("views") / "seeds.db"
    with wiretrace.analyze([examples_dir], db) as corpus:
        assert corpus.count_articles() == 2
    return db


@pytest.fixture
def seeded_corpus(seeded_views_db: Path):
    with wiretrace.Corpus(seeded_views_db, read_only=True) as corpus:
        yield corpus
