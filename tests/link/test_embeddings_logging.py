"""Loading the embedding model leaves the host program's logging as it was."""

from __future__ import annotations

import logging
import subprocess
import sys


def test_loading_wordllama_does_not_turn_on_info_logging():
    script = ("import logging; from wiretrace.link.embeddings import embed; embed(['a sentence']); "
              "root = logging.getLogger(); print(root.level, len(root.handlers))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str(logging.WARNING), "0"], done.stderr
    assert "INFO" not in done.stderr
