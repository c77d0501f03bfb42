"""Where the evaluation sets live by default: ``../shared/data`` beside the repository.

That holds for a source checkout (an editable install); elsewhere every ``wiretrace eval`` command takes
``--data DIR``.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]


def shared_data_dir(*parts: str) -> Path:
    """``../shared/data/<parts...>`` beside the repository."""
    return REPO_ROOT.parent.joinpath("shared", "data", *parts)
