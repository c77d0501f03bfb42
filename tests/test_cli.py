"""The command line on the bundled seeds: summary line, listings, golden article output, error lines."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wiretrace.cli import app

GOLDEN = Path(__file__).parent / "golden"
runner = CliRunner()


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory, examples_dir) -> Path:
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    result = runner.invoke(app, ["analyze", str(examples_dir), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "run 1: 2 stored, 0 unchanged, 0 skipped" in result.output
    return db


def article_ids(db: Path) -> dict[str, int]:
    """Seed file name → article id."""
    result = runner.invoke(app, ["articles", "--db", str(db), "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return {Path(r["location"]).name: r["id"] for r in rows}


@pytest.mark.parametrize("seed", ["000_cbfcb67f82070b14.txt", "004_c5cc693d39008daf.txt"])
def test_show_json_matches_the_golden_file(seeded_db, seed):
    article_id = article_ids(seeded_db)[seed]
    result = runner.invoke(app, ["show", str(article_id), "--db", str(seeded_db), "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    shown.pop("locations")  # absolute paths of this machine
    golden = GOLDEN / f"article_{seed.removesuffix('.txt')}.json"
    if os.environ.get("WIRETRACE_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(shown, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert shown == json.loads(golden.read_text(encoding="utf-8"))


def test_show_prints_segments_and_comment_threads(seeded_db):
    article_id = article_ids(seeded_db)["004_c5cc693d39008daf.txt"]
    result = runner.invoke(app, ["show", str(article_id), "--db", str(seeded_db)])
    assert result.exit_code == 0, result.output
    assert "2 reader comment(s)" in result.output
    assert "3 likes" in result.output and "2 likes" in result.output
    assert "credit:" in result.output


def test_articles_table_lists_both_seeds(seeded_db):
    result = runner.invoke(app, ["articles", "--db", str(seeded_db)])
    assert result.exit_code == 0
    assert "UNIAN" in result.output


def test_a_missing_article_is_one_error_line_and_exit_1(seeded_db):
    result = runner.invoke(app, ["show", "999", "--db", str(seeded_db)])
    assert result.exit_code == 1
    assert "no article 999" in result.output
    assert "Traceback" not in result.output


def test_a_missing_database_says_how_to_create_it(tmp_path):
    result = runner.invoke(app, ["articles", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "wiretrace analyze" in result.output


def test_a_bad_publication_time_is_refused_before_any_work(tmp_path, examples_dir):
    result = runner.invoke(app, ["analyze", str(examples_dir), "--db", str(tmp_path / "x.db"), "--published-at", "noon"])
    assert result.exit_code == 2
    assert not (tmp_path / "x.db").exists()


def test_publication_time_and_outlet_options_fill_what_the_input_lacks(tmp_path, examples_dir):
    db = tmp_path / "o.db"
    seed = examples_dir / "000_cbfcb67f82070b14.txt"
    result = runner.invoke(app, ["analyze", str(seed), "--db", str(db), "--published-at", "2022-01-06T12:00+06:00",
                                 "--outlet", "Example Aggregator"])
    assert result.exit_code == 0, result.output
    shown = json.loads(runner.invoke(app, ["show", "1", "--db", str(db), "--json"]).stdout)
    assert shown["published_at"] == "2022-01-06T12:00:00+06:00"
    assert shown["outlet"] == "Example Aggregator"


def test_control_characters_in_scraped_text_never_reach_the_terminal(tmp_path):
    report = tmp_path / "esc\x1b[31m.txt"
    report.write_text("Dam \x1b]0;pwned\x07breached\n\n\x1b[31mWater rose two metres overnight after the dam "
                      "failed upstream, the regional emergency service said on Monday.\n")
    db = tmp_path / "e.db"
    assert runner.invoke(app, ["analyze", str(report), "--db", str(db)]).exit_code == 0
    for command in (["show", "1"], ["articles"]):
        result = runner.invoke(app, [*command, "--db", str(db)])
        assert result.exit_code == 0
        assert "\x1b" not in result.output and "\x07" not in result.output
    assert "Water rose two metres" in runner.invoke(app, ["show", "1", "--db", str(db)]).output


def test_a_partial_listing_says_how_much_it_shows(seeded_db):
    result = runner.invoke(app, ["articles", "--db", str(seeded_db), "--limit", "1"])
    assert result.exit_code == 0
    assert "showing 1–1 of 2" in result.output
    full = runner.invoke(app, ["articles", "--db", str(seeded_db)])
    assert "showing" not in full.output


def test_claims_json_lines_carry_the_record_fields(seeded_db):
    ids = article_ids(seeded_db)
    result = runner.invoke(app, ["claims", "--db", str(seeded_db), "--article", str(ids["004_c5cc693d39008daf.txt"]),
                                 "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows and all(r["article"] == ids["004_c5cc693d39008daf.txt"] for r in rows)
    assert set(rows[0]) >= {"id", "text", "kind", "speaker", "chain", "factuality", "cues", "time", "quantities",
                            "places", "start", "end", "proposition"}
    assert all(r["chain"][-1]["name"] == "UNIAN" for r in rows)
    relayed = [r for r in rows if len(r["chain"]) == 3]
    assert relayed and all(r["chain"][0]["name"] == r["speaker"] for r in relayed)


def test_claims_text_shows_chains_status_and_numbers(seeded_db):
    result = runner.invoke(app, ["claims", "--db", str(seeded_db)])
    assert result.exit_code == 0, result.output
    assert "←" in result.output and "hedged" in result.output and "24–99" in result.output


def test_claims_of_a_missing_article_is_one_error_line(seeded_db):
    result = runner.invoke(app, ["claims", "--db", str(seeded_db), "--article", "999"])
    assert result.exit_code == 1
    assert "no article 999" in result.output


def test_a_users_outlet_file_types_the_chain_links(tmp_path):
    registry = tmp_path / "mine.tsv"
    registry.write_text("# mine\nname\ttype\tkind\tcountry\taliases\nValley Courier\tstate-media\tnewspaper\tUS\t\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Flood news\n\nThe bridge was closed on Monday, the Valley Courier reported.\n")
    db = tmp_path / "w.db"
    for outlets, expected in ((["--outlets", str(registry)], "state-media"), ([], "other")):  # unknown: "other"
        db.unlink(missing_ok=True)
        result = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--db", str(db), "-q", *outlets])
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in runner.invoke(app, ["claims", "--db", str(db), "--json"]).stdout.splitlines()]
        assert rows[0]["chain"][0] == {"name": "Valley Courier", "role": None, "type": expected}


def test_stories_lists_the_seed_story_with_its_counts(seeded_db):
    result = runner.invoke(app, ["stories", "--db", str(seeded_db), "--json"])
    assert result.exit_code == 0, result.output
    (story,) = [json.loads(line) for line in result.output.splitlines()]
    assert story["articles"] == [1, 2] and story["claims"] == 52 and story["clusters"] >= 1
    table = runner.invoke(app, ["stories", "--db", str(seeded_db)])
    assert table.exit_code == 0 and "Latest news" in table.output


def test_story_shows_clusters_with_independence_reports_and_framing(seeded_db):
    result = runner.invoke(app, ["story", "1", "--db", str(seeded_db)])
    assert result.exit_code == 0, result.output
    assert "independence 1" in result.output and "framing" in result.output and "(own voice)" in result.output
    data = json.loads(runner.invoke(app, ["story", "1", "--db", str(seeded_db), "--json"]).output)
    assert data["id"] == 1 and len(data["claim_clusters"]) == data["clusters"]
    assert all({"mentions", "origins", "independence", "status", "history", "conflicts", "framing"} <= set(c)
               for c in data["claim_clusters"])
    assert sum(len(c["mentions"]) for c in data["claim_clusters"]) == 52


def test_a_missing_story_is_one_error_line(seeded_db):
    result = runner.invoke(app, ["story", "99", "--db", str(seeded_db)])
    assert result.exit_code == 1 and "no story 99" in result.output and "wiretrace stories" in result.output
