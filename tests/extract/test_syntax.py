"""The voice and agent of a verb, read off hand-built parses (so the rule, not the model, is tested)."""

from __future__ import annotations

from spacy.tokens import Doc

from wiretrace.extract.model import blank_english
from wiretrace.extract.syntax import agent_of, has_passive_mark


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(blank_english().vocab, words=words, heads=heads, deps=deps)


def test_a_passive_with_its_agent() -> None:
    doc = parsed(["It", "was", "confirmed", "by", "police"], [2, 2, 2, 2, 3],
                 ["nsubjpass", "auxpass", "ROOT", "agent", "pobj"])  # fmt: skip
    assert has_passive_mark(doc[2]) and agent_of(doc[2]) == doc[4]
    assert agent_of(doc[4]) is None


def test_an_active_verb_has_no_mark_and_no_agent() -> None:
    doc = parsed(["Police", "confirmed", "it"], [1, 1, 1], ["nsubj", "ROOT", "dobj"])
    assert not has_passive_mark(doc[1]) and agent_of(doc[1]) is None


def test_a_by_phrase_without_its_object_gives_no_agent() -> None:
    doc = parsed(["It", "was", "done", "by"], [2, 2, 2, 2], ["nsubjpass", "auxpass", "ROOT", "agent"])
    assert agent_of(doc[2]) is None


def test_a_passive_clausal_subject_counts_only_when_asked() -> None:
    doc = parsed(["That", "it", "happened", "was", "denied"], [2, 2, 4, 4, 4],
                 ["mark", "nsubj", "csubjpass", "auxpass", "ROOT"])  # fmt: skip
    doc_without_aux = parsed(["That", "it", "happened", "denied"], [2, 2, 3, 3],
                             ["mark", "nsubj", "csubjpass", "ROOT"])  # fmt: skip
    assert has_passive_mark(doc[4]) and has_passive_mark(doc[4], clausal_subject=True)
    assert not has_passive_mark(doc_without_aux[3])
    assert has_passive_mark(doc_without_aux[3], clausal_subject=True)
