"""The extract stage: cleaned articles in, one ``Extraction`` (claims, or why none) per article out.

The spaCy pipeline is loaded once per ``Extractor`` and fed batches through ``nlp.pipe``. Each article's
Doc carries what the components need beside the text: its publication time (the anchor of relative
times), a weak year from its copyright line (to infer a missing year from a weekday) and its outlet and
segments (for chains and for which segments yield claims). A failure on one article is caught and
recorded against that article alone; the others of its batch are extracted again one by one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from spacy.language import Language
from spacy.tokens import Doc

from wiretrace.extract.claims import ClaimContext, ClaimOptions, claims_of
from wiretrace.extract.nlp import load_pipeline
from wiretrace.extract.outlets import OutletRegistry, load_outlet_registry
from wiretrace.extract.timex import find_times
from wiretrace.records import Article, Extraction, SegmentKind

COVERED_LANGUAGES = frozenset({"en"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Settings of the extract stage. ``outlets_file``: the user's own outlet registry (TSV, see
    ``docs/outlets.md``), added to the shipped one."""

    outlets_file: Path | None = None
    batch_size: int = 16
    claims: ClaimOptions = field(default_factory=ClaimOptions)


class Extractor:
    """Extracts claims from batches of articles with one pipeline loaded once."""

    def __init__(self, options: ExtractOptions | None = None, *, nlp: Language | None = None) -> None:
        self.options = options or ExtractOptions()
        self.nlp = nlp or load_pipeline()
        self.registry: OutletRegistry = load_outlet_registry(self.options.outlets_file)

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        """One ``Extraction`` per article, in order; never raises for one article's sake."""
        results: list[Extraction | None] = [self._unextractable(a) for a in articles]
        todo = [i for i, r in enumerate(results) if r is None]
        try:
            docs = self.nlp.pipe((self._doc(articles[i]) for i in todo), batch_size=self.options.batch_size)
            for i, doc in zip(todo, docs, strict=True):
                results[i] = self._claims(articles[i], doc)
        except Exception:  # one bad article spoils nlp.pipe's batch: redo one by one to isolate it
            for i in todo:
                results[i] = self.extract_one(articles[i])
        return [r for r in results if r is not None]

    def extract_one(self, article: Article) -> Extraction:
        """The extraction of one article; a failure becomes ``Extraction("failed", note=...)``."""
        refused = self._unextractable(article)
        if refused is not None:
            return refused
        try:
            return self._claims(article, self.nlp(self._doc(article)))
        except Exception as exc:  # recorded per article, never stops the run
            return Extraction("failed", note=f"{type(exc).__name__}: {exc}")

    def _unextractable(self, article: Article) -> Extraction | None:
        return _not_covered(article) or _too_long(article, self.nlp.max_length)

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.published_at = article.published_at
        doc._.year_hint = copyright_year(article)
        return doc

    def _claims(self, article: Article, doc: Doc) -> Extraction:
        _relocate_times(doc)
        context = ClaimContext(article.document_id, article.outlet, article.segments)
        claims = claims_of(doc, context=context, registry=self.registry, options=self.options.claims)
        return Extraction("done", tuple(claims))


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


def _relocate_times(doc: Doc) -> None:
    """Read the times again in the local time of the place the article is about, when it names one.

    The times component runs before places are known; a text's clock times and dates are local, so
    once the main city is known (the most mentioned one with a time zone) they are read in its zone.
    """
    if doc._.timezone is not None or not doc._.times:
        return
    zone = main_timezone(doc)
    if zone is not None:
        doc._.timezone = zone
        doc._.times = find_times(doc.text, anchor=doc._.published_at, tz=zone, year_hint=doc._.year_hint)


def main_timezone(doc: Doc) -> ZoneInfo | None:
    """The time zone of the city (or facility in a city) the document mentions most, if any."""
    counts: dict[str, int] = {}
    for mention in doc._.places or ():
        if mention.place.timezone:
            counts[mention.place.timezone] = counts.get(mention.place.timezone, 0) + 1
    if not counts:
        return None
    try:
        return ZoneInfo(max(counts, key=lambda z: counts[z]))
    except (ZoneInfoNotFoundError, ValueError):
        return None
