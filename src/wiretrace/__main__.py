"""``python -m wiretrace`` runs the command line."""

from wiretrace.cli import app

app(prog_name="wiretrace")
