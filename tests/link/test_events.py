"""Cross-document event coreference within stories, and the same-lemma baseline."""

from __future__ import annotations

import pytest

from wiretrace.extract.nlp import load_pipeline
from wiretrace.link.events import (
    EVENT_FEATURES,
    EventMention,
    EventOptions,
    corefer_events,
    mention_from_span,
    pair_matrix,
    same_lemma_clusters,
)


def mention(key, trigger, lemma, *, story=1, document="a", pos="VERB", sentence=None) -> EventMention:
    return EventMention(key, story, document, trigger, lemma, pos, sentence or f"Someone {trigger} something.")


QUAKE = [
    mention("q1", "earthquake", "earthquake", pos="NOUN", sentence="A strong earthquake struck the island."),
    mention("q2", "quake", "quake", pos="NOUN", document="b", sentence="The quake struck the island at dawn."),
    mention("q3", "earthquake", "earthquake", pos="NOUN", document="c", sentence="The earthquake hit the coast."),
]
ELECTION = mention("e1", "voted", "vote", document="b", sentence="Residents voted in the mayoral election.")


def test_mentions_of_one_event_join_and_an_unrelated_one_stays_apart():
    events = corefer_events(QUAKE + [ELECTION])
    assert events["q1"] == events["q2"] == events["q3"]
    assert events["e1"] != events["q1"]


def test_mentions_of_different_stories_never_join():
    other_story = mention("q9", "earthquake", "earthquake", story=2, pos="NOUN",
                          sentence="A strong earthquake struck the island.")
    events = corefer_events(QUAKE + [other_story])
    assert events["q9"][0] == 2 and events["q9"] != events["q1"]


def test_a_zero_threshold_keeps_every_mention_apart():
    events = corefer_events(QUAKE, EventOptions(threshold=0.0))
    assert len(set(events.values())) == 3


def test_nothing_in_nothing_out():
    assert corefer_events([]) == {}


def test_pair_matrix_is_symmetric_with_one_column_per_feature():
    matrix = pair_matrix(QUAKE + [ELECTION])
    assert matrix.shape == (4, 4, len(EVENT_FEATURES))
    assert (matrix == matrix.transpose(1, 0, 2)).all()
    same_lemma = matrix[..., EVENT_FEATURES.index("same_lemma")]
    assert same_lemma[0, 2] == 1.0 and same_lemma[0, 1] == 0.0


def test_same_lemma_baseline_groups_by_story_and_lemma():
    mentions = QUAKE + [mention("q4", "earthquakes", "earthquake", story=2, pos="NOUN")]
    events = same_lemma_clusters(mentions)
    assert events["q1"] == events["q3"] != events["q2"]
    assert events["q4"] != events["q1"]


@pytest.mark.parametrize(
    "text, words, lemma, pos",
    [
        ("Police arrested two men after the robbery.", "arrested", "arrest", "VERB"),
        ("The robbery happened at noon.", "robbery", "robbery", "NOUN"),
        ("The singer checked into a clinic.", "checked into", "check", "VERB"),
    ],
)
def test_mention_from_span_takes_the_head(text, words, lemma, pos):
    doc = load_pipeline()(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    found = mention_from_span(span, key=1, story=0, document="d")
    assert (found.trigger, found.lemma, found.pos) == (words, lemma, pos)
    assert found.sentence == text
