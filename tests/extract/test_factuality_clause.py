"""Clause structure for the factuality rules, on hand-built Docs (words, heads, deps, tags set by hand)."""

from __future__ import annotations

from spacy.tokens import Doc

from wiretrace.extract.factuality_clause import (
    clause_tokens,
    complements_below,
    frames_above,
    is_unnamed_source,
    predicate_of,
)
from wiretrace.extract.model import blank_english


def build(words, heads, deps, pos, lemmas=None) -> Doc:
    nlp = blank_english()
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas or [w.lower() for w in words])


def said_doc() -> Doc:
    # "Police , who may err , said the man fled"
    words = ["Police", ",", "who", "may", "err", ",", "said", "the", "man", "fled"]
    heads = [6, 0, 4, 4, 0, 0, 6, 8, 9, 6]
    deps = ["nsubj", "punct", "nsubj", "aux", "relcl", "punct", "ROOT", "det", "nsubj", "ccomp"]
    pos = ["NOUN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT", "VERB", "DET", "NOUN", "VERB"]
    return build(words, heads, deps, pos)


def test_clause_tokens_stop_at_relative_and_complement_clauses():
    doc = said_doc()
    assert [t.text for t in clause_tokens(doc[6])] == ["Police", ",", ",", "said"]
    assert [t.text for t in clause_tokens(doc[9])] == ["the", "man", "fled"]
    assert [t.text for t in clause_tokens(doc[4])] == ["who", "may", "err"]


def test_frames_above_a_complement_is_its_reporting_verb():
    doc = said_doc()
    assert [t.text for t in frames_above(doc[9])] == ["said"]
    assert list(frames_above(doc[6])) == []


def test_complements_below_stay_inside_the_span():
    doc = said_doc()
    assert [t.text for t in complements_below(doc[6], doc[:])] == ["fled"]
    assert complements_below(doc[6], doc[0:7]) == []


def test_predicate_of_a_noun_rooted_span_is_its_clause():
    # "a charge that leaders denied"
    doc = build(
        ["a", "charge", "that", "leaders", "denied"],
        [1, 1, 4, 4, 1],
        ["det", "ROOT", "dobj", "nsubj", "relcl"],
        ["DET", "NOUN", "PRON", "NOUN", "VERB"],
    )
    assert predicate_of(doc[:]).text == "denied"


def test_unnamed_sources():
    # "a source" / "her spokesman" (a possessor identifies him) / "the ministry" (not a source noun)
    doc = build(
        ["a", "source", "her", "spokesman", "the", "ministry"],
        [1, 1, 3, 3, 5, 5],
        ["det", "ROOT", "poss", "ROOT", "det", "ROOT"],
        ["DET", "NOUN", "PRON", "NOUN", "DET", "NOUN"],
    )
    assert is_unnamed_source(doc[1])
    assert not is_unnamed_source(doc[3])
    assert not is_unnamed_source(doc[5])
    assert not is_unnamed_source(None)
