"""The views on the bundled seeds: the report golden files, and event rows that make sense.

Golden files: ``tests/golden/report_seeds.txt`` (the terminal report at a fixed width of 100 columns, no
colour) and ``report_seeds.md``. When a change to the pipeline changes the report on purpose, regenerate
them with ``WIRETRACE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/views/test_seed_views.py`` (the same
switch as the other golden files) and read the diff before committing it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from wiretrace.views.events import event_row
from wiretrace.views.options import ReportOptions
from wiretrace.views.report import print_report

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
WIDTH = 100


def report_text(corpus, fmt: str) -> str:
    console = Console(width=WIDTH, record=True, color_system=None, file=io.StringIO(), soft_wrap=False)
    print_report(console, corpus, ReportOptions(format=fmt))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


@pytest.mark.parametrize("fmt, name", [("text", "report_seeds.txt"), ("markdown", "report_seeds.md")])
def test_the_report_on_the_seeds_matches_the_golden_file(seeded_corpus, fmt, name):
    text = report_text(seeded_corpus, fmt)
    golden = GOLDEN / name
    if os.environ.get("WIRETRACE_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_report_is_the_same_twice(seeded_corpus):
    assert report_text(seeded_corpus, "text") == report_text(seeded_corpus, "text")


def _clusters(corpus):
    return [c for s in corpus.stories(limit=corpus.count_stories()) for c in corpus.clusters(story=s.id)]


def test_the_dozens_killed_cluster_is_an_event_with_24_to_99_dead_in_almaty(seeded_corpus):
    killed = [c for c in _clusters(seeded_corpus)
              if any(q.category == "killed" and (q.min, q.max) == (24, 99) for m in c.mentions for q in m.claim.quantities)]
    assert killed, "no cluster carries the 'dozens killed' count"
    for cluster in killed:
        row = event_row(cluster)
        assert row is not None
        assert (row.fatalities_min, row.fatalities_max) == (24, 99)
        assert (row.country, row.country_code, row.location) == ("Kazakhstan", "KZ", "Almaty")
        assert row.disorder_type.startswith("Political violence") or row.event_type == "Riots", row
        assert row.latitude == pytest.approx(43.25, abs=0.05) and row.geo_precision == 1


def test_the_square_cleared_of_protesters_is_a_protest_with_intervention(seeded_corpus):
    (cluster,) = [c for c in _clusters(seeded_corpus)
                  if any("was cleared of protesters" in m.claim.text for m in c.mentions)]  # fmt: skip
    row = event_row(cluster)
    assert row is not None and (row.event_type, row.sub_event_type) == ("Protests", "Protest with intervention")
    assert row.site == "Republic Square" and row.event_date == "2022-01-06" and row.time_precision == 1


def test_every_seed_event_row_names_its_sources_and_status(seeded_corpus):
    rows = [r for r in map(event_row, _clusters(seeded_corpus)) if r is not None]
    assert rows
    for row in rows:
        assert row.sources and row.reports >= 1 and row.status and row.notes
        assert set(row.sources.split("; ")) <= {"UNIAN", "unknown outlet"}
