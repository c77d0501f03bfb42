"""The extract stage: cleaned articles in, one ``Extraction`` (claims, or why none) per article out.

The spaCy pipeline (``load_pipeline``: the English model, the wiretrace components and
``wiretrace_claims`` last) is loaded once and fed batches through ``nlp.pipe``; the claims are exactly
what the ``wiretrace_claims`` component of any user's pipeline gives. Each article's Doc carries what
the components need beside the text: its publication time (the anchor of relative times), a weak year
from its copyright line (to infer a missing year from a weekday) and its outlet and segments
(``ClaimContext``: chains and which segments yield claims). A failure on one article is recorded against
that article alone; the rest of its batch is extracted again one by one. Beside the claims, each
extraction keeps the article's story signals (``extract.signals``), so the link stage never parses again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from wiretrace.extract.claims import ClaimContext
from wiretrace.extract.nlp import load_pipeline
from wiretrace.extract.signals import story_signals
from wiretrace.records import Article, Extraction, SegmentKind, StorySignals

COVERED_LANGUAGES = frozenset({"en"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Settings of the extract stage. ``outlets_file``: the user's own outlet registry (TSV, see
    ``docs/outlets.md``), added to the shipped one."""

    outlets_file: Path | None = None
    batch_size: int = 16


class Extractor:
    """Extracts claims from batches of articles with one pipeline loaded once."""

    def __init__(self, options: ExtractOptions | None = None, *, nlp: Language | None = None) -> None:
        self.options = options or ExtractOptions()
        outlets = self.options.outlets_file
        self.nlp = nlp or load_pipeline(str(outlets.resolve()) if outlets else None)

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        """One ``Extraction`` per article, in order; never raises for one article's sake."""
        results: list[Extraction | None] = [self._unextractable(a) for a in articles]
        todo = [i for i, r in enumerate(results) if r is None]
        try:
            docs = self.nlp.pipe((self._doc(articles[i]) for i in todo), batch_size=self.options.batch_size)
            for i, doc in zip(todo, docs, strict=True):
                results[i] = _extraction(doc)
        except Exception:  # one bad article spoils nlp.pipe's batch: redo the unfinished one by one
            for i in todo:
                if results[i] is None:
                    results[i] = self.extract_one(articles[i])
        return [r for r in results if r is not None]

    def extract_one(self, article: Article) -> Extraction:
        """The extraction of one article; a failure becomes ``Extraction("failed", note=...)``."""
        refused = self._unextractable(article)
        if refused is not None:
            return refused
        try:
            return _extraction(self.nlp(self._doc(article)))
        except Exception as exc:  # recorded per article, never stops the run
            return Extraction("failed", note=f"{type(exc).__name__}: {exc}")

    def _unextractable(self, article: Article) -> Extraction | None:
        return _not_covered(article) or _too_long(article, self.nlp.max_length)

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.published_at = article.published_at
        doc._.year_hint = copyright_year(article)
        doc._.claim_context = ClaimContext(article.document_id, article.outlet, article.segments)
        return doc


def _extraction(doc: Doc) -> Extraction:
    warnings = list(doc._.extraction_warnings or [])
    try:
        signals = story_signals(doc)
    except Exception as exc:  # a defect here costs the article its story signals' detail, never its claims
        warnings.append(f"story signals: {type(exc).__name__}: {exc}")
        signals = StorySignals(title=doc.text[:120].strip(), lead=doc.text[:500], bags={})
    return Extraction("done", tuple(doc._.claims or ()), "; ".join(warnings) or None, signals)


def _too_long(article: Article, limit: int) -> Extraction | None:
    if len(article.text) <= limit:
        return None
    return Extraction(
        "failed",
        note=f"the text has {len(article.text):,} characters, over the {limit:,} the parser takes at once; "
        "the article is stored and searchable without claims (split it into parts to extract them)",
    )


def _not_covered(article: Article) -> Extraction | None:
    if article.language is None or article.language in COVERED_LANGUAGES:
        return None
    return Extraction(
        "not-covered",
        note=f"the article is in language {article.language!r}; claim extraction covers "
        f"{', '.join(sorted(COVERED_LANGUAGES))} only for now (the article is stored and searchable)",
    )


def copyright_year(article: Article) -> int | None:
    """The year of the article's copyright or provenance line ("(C) Agency 2021"), a weak anchor."""
    for segment in article.segments:
        if segment.kind is SegmentKind.PROVENANCE:
            found = _YEAR.search(article.text[segment.start : segment.end])
            if found:
                return int(found.group(0))
    return None
