"""The wiretrace spaCy pipeline: an English pipeline plus the wiretrace components.

    >>> from datetime import datetime, timezone
    >>> nlp = load_pipeline()
    >>> doc = nlp.make_doc("Police said two men were detained yesterday.")
    >>> doc._.published_at = datetime(2024, 5, 3, 9, tzinfo=timezone.utc)
    >>> [doc] = nlp.pipe([doc])
    >>> doc._.times[0].value, doc._.quantities[0].min, doc._.attributions[0].kind
    ('2024-05-02', 2, 'indirect')

Order: ``wiretrace_paragraphs`` before the parser (sentences never cross a line break), then after the
NER ``wiretrace_attribution``, ``wiretrace_quantities``, ``wiretrace_places``, ``wiretrace_times`` (after
the places, to read clock times in the local zone of the city the text is about) and
``wiretrace_factuality``, and last ``wiretrace_claims`` (see ``wiretrace.extract.components`` for what each assigns). No pipe of the
small English model is disabled: attribution reads lemmas, so tok2vec, tagger, parser, attribute_ruler,
lemmatizer and ner are all used (its ``senter`` is disabled already; the parser sets sentences).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

import wiretrace.extract.attribution  # noqa: F401  (registers the wiretrace_attribution factory)
import wiretrace.extract.claims  # noqa: F401  (registers the wiretrace_claims factory)
import wiretrace.extract.components  # noqa: F401  (registers the other factories and the record codec)
from wiretrace.errors import WiretraceError
from wiretrace.extract.model import load_english

__all__ = ["AFTER_NER", "BEFORE_PARSER", "load_pipeline", "wiretrace_pipeline"]

BEFORE_PARSER = ("wiretrace_paragraphs",)
AFTER_NER = (
    "wiretrace_attribution",
    "wiretrace_quantities",
    "wiretrace_places",
    "wiretrace_times",
    "wiretrace_factuality",
    "wiretrace_claims",
)


def wiretrace_pipeline(base: Language | None = None, *, outlets_file: str | None = None) -> Language:
    """Add the wiretrace components to ``base`` (in place) and return it.

    Args:
        base: an English pipeline with a ``parser`` and an ``ner`` pipe and none of the wiretrace ones;
            by default a freshly loaded small English model. The cached ``load_english()`` object is
            never used as the default, because adding pipes to it would change it for every caller.
        outlets_file: the user's outlet registry (TSV), added to the shipped one for chains.

    Raises:
        WiretraceError: ``base`` lacks the parser or the NER, or already has a wiretrace pipe.
    """
    nlp = base if base is not None else load_english.__wrapped__()  # the uncached loader: a new object
    _check_base(nlp)
    for name in BEFORE_PARSER:
        nlp.add_pipe(name, before="parser")
    previous = "ner"
    for name in AFTER_NER:
        config = {"outlets_file": outlets_file} if name == "wiretrace_claims" else {}
        nlp.add_pipe(name, after=previous, config=config)
        previous = name
    return nlp


def _check_base(nlp: Language) -> None:
    names = nlp.pipe_names
    missing = [name for name in ("parser", "ner") if name not in names]
    present = [name for name in (*BEFORE_PARSER, *AFTER_NER) if name in names]
    if missing or present:
        problem = f"has no {' or '.join(missing)} pipe" if missing else f"already has {', '.join(present)}"
        raise WiretraceError(
            f"pipeline {nlp.meta.get('name', '?')} ({', '.join(names) or 'no pipes'}) {problem}: "
            "pass an English pipeline with a parser and an ner and without the wiretrace pipes"
        )


@lru_cache(maxsize=2)
def load_pipeline(outlets_file: str | None = None) -> Language:
    """``wiretrace_pipeline()`` built once per process (per outlet file) and shared: do not add or
    remove pipes on it."""
    return wiretrace_pipeline(outlets_file=outlets_file)
