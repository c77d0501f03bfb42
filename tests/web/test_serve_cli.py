"""``wiretrace serve``: its options, and the one-line errors before anything is served."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from wiretrace.cli import app

runner = CliRunner()


def test_serve_help_lists_its_options() -> None:
    result = runner.invoke(app, ["serve", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token-file"):
        assert option in result.output
    assert "127.0.0.1" in result.output


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output


def test_serve_refuses_an_empty_token_file(tmp_path: Path, seed_db: Path) -> None:
    token = tmp_path / "token"
    token.write_text("\n")
    result = runner.invoke(app, ["serve", "--db", str(seed_db), "--token-file", str(token)])
    assert result.exit_code == 1
    assert "token file is empty" in result.output
