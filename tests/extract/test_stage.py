"""The extract stage over batches of articles: one article's failure stays its own."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from wiretrace.extract.model import load_english
from wiretrace.extract.nlp import wiretrace_pipeline
from wiretrace.extract.stage import Extractor, copyright_year
from wiretrace.records import Article, Segment, SegmentKind

MARKER = "XYZZY"


@Language.component("raise_on_marker")
def raise_on_marker(doc: Doc) -> Doc:
    """A stand-in for any defect a text can trigger inside a pipeline (a third-party pipe, a model bug)."""
    if MARKER in doc.text:
        raise RuntimeError("a defect triggered by this text")
    return doc


def article(text: str, language: str = "en", provenance: str = "") -> Article:
    full = text + ("\n\n" + provenance if provenance else "")
    segments = [Segment(SegmentKind.BODY, 0, len(text))]
    if provenance:
        segments.append(Segment(SegmentKind.PROVENANCE, len(text) + 2, len(full)))
    return Article(document_id=f"{abs(hash(full)):064d}", text=full, segments=tuple(segments), language=language)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    nlp = wiretrace_pipeline(load_english.__wrapped__())
    nlp.add_pipe("raise_on_marker", before="wiretrace_claims")
    return Extractor(nlp=nlp)


def test_a_failing_article_fails_alone_and_the_others_of_its_batch_are_extracted(extractor):
    good = article("The mayor said the bridge was closed on Monday.")
    bad = article(f"The mayor said {MARKER} was closed.")
    other = article("Two people were hurt in the flood, officials said.")
    results = extractor.extract([good, bad, other])
    assert [r.status for r in results] == ["done", "failed", "done"]
    assert "RuntimeError" in results[1].note and not results[1].claims
    assert results[0] == extractor.extract_one(good) and results[2] == extractor.extract_one(other)
    assert [c.speaker for c in results[2].claims] == ["officials"]


def test_other_languages_and_overlong_texts_are_refused_with_a_note(extractor):
    german = article("Der Bürgermeister sagte, die Brücke sei geschlossen.", language="de")
    long = article("The bridge was closed. " * (extractor.nlp.max_length // 23 + 1))
    results = extractor.extract([german, long])
    assert [r.status for r in results] == ["not-covered", "failed"]
    assert "'de'" in results[0].note and "characters" in results[1].note


def test_the_copyright_year_is_a_weak_anchor_for_a_weekday_date(extractor):
    text = "Shops reopened on Thursday, January 6, the council said."
    assert copyright_year(article(text, provenance="(C) Example Wire 2021")) == 2021
    [result] = extractor.extract([article(text, provenance="(C) Example Wire 2021")])
    time = next(c.time for c in result.claims if c.time)
    assert time.start.startswith("2022-01-06") and time.year_inferred
