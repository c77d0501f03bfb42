"""Incremental story clustering: features from a parsed Doc, the pair score, and the clusterer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import numpy as np
import pytest

from wiretrace.extract.nlp import load_pipeline
from wiretrace.link.embeddings import embed
from wiretrace.link.stories import (
    DocumentFrequencies,
    StoryClusterer,
    StoryFeatures,
    StoryOptions,
    features_from_doc,
    features_from_docs,
)


def item(title: str, *, names: str = "", terms: str = "", years: tuple[int, ...] = (),
         dates: tuple[date, ...] = (), places: tuple[str, ...] = ()) -> StoryFeatures:
    """Hand-built features: ``names`` fill the name channels, ``terms`` (plus the title) the word ones."""
    words = f"{title} {terms}".lower().split()
    people = names.lower().split()
    bag = lambda keys: {k: 1.0 for k in keys}  # noqa: E731
    bags = {"terms": bag(words), "lead_terms": bag(words + people), "entities": bag(people),
            "lead_entities": bag(people), "persons": bag(people), "names": bag(people), "places": bag(places)}
    return StoryFeatures(title, bags, embed([title])[0], frozenset(years), dates, tuple(people), places)


REHAB_A = [
    item("Singer checks into rehab clinic", names="Dana Vale", terms="clinic rehab treatment publicist"),
    item("Dana Vale enters treatment centre", names="Dana Vale", terms="rehab treatment publicist"),
    item("Vale in rehab, her publicist confirms", names="Dana Vale", terms="clinic rehab publicist"),
]
REHAB_B = [
    item("Actor checks into rehab clinic", names="Omar Pike", terms="clinic rehab treatment court"),
    item("Omar Pike ordered to rehab by court", names="Omar Pike", terms="rehab court treatment"),
]
BUDGET = item("Parliament passes the spring budget", names="Finance Ministry", terms="budget vote deficit")


def run(items, options=None):
    clusterer = StoryClusterer(options)
    return clusterer, [clusterer.add(i) for i in items]


def test_same_actors_and_words_make_one_story_other_actors_another():
    _, labels = run([REHAB_A[0], REHAB_B[0], REHAB_A[1], BUDGET, REHAB_B[1], REHAB_A[2]])
    a, b = labels[0], labels[1]
    assert a != b
    assert labels == [a, b, a, labels[3], b, a]
    assert labels[3] not in {a, b}


def test_a_later_article_joins_without_changing_earlier_assignments():
    clusterer, labels = run(REHAB_A[:2] + [BUDGET])
    before = clusterer.assignments
    assert clusterer.add(REHAB_A[2]) == labels[0]
    assert clusterer.assignments[:3] == before and len(clusterer) == 4


def test_a_higher_threshold_splits_more():
    loose = len(set(run(REHAB_A + REHAB_B)[1]))
    strict = len(set(run(REHAB_A + REHAB_B, StoryOptions(threshold=50.0))[1]))
    assert strict == 5 and loose < strict


def test_years_that_differ_lower_the_score():
    clusterer, _ = run(REHAB_A)
    base = item("Quake hits coastal town", names="Port Ria", terms="quake magnitude", years=(2009,))
    same = item("Quake hits coastal town", names="Port Ria", terms="quake magnitude", years=(2009,))
    other = item("Quake hits coastal town", names="Port Ria", terms="quake magnitude", years=(2016,))
    undated = item("Quake hits coastal town", names="Port Ria", terms="quake magnitude")
    assert clusterer.score(base, same) > clusterer.score(base, undated) > clusterer.score(base, other)


def test_only_candidate_stories_are_scored(monkeypatch):
    unrelated = [item(f"Story number {i} about topic{i}", names=f"person{i}", terms=f"word{i} thing{i}")
                 for i in range(60)]
    clusterer, _ = run(unrelated, StoryOptions(threshold=50.0))
    scored = []
    original = StoryClusterer._story_score
    monkeypatch.setattr(StoryClusterer, "_story_score",
                        lambda self, it, story: scored.append(story) or original(self, it, story))
    clusterer.add(REHAB_A[0])
    assert 0 < len(scored) <= 2 * clusterer.options.candidate_stories


def test_story_summary_has_title_span_places_and_actors():
    dated = [item("Storm floods harbour district", names="Lena Ortiz", terms="storm flood harbour",
                  dates=(date(2021, 3, d),), places=("Valparaiso",)) for d in (4, 2, 6)]
    clusterer, labels = run(dated)
    (story,) = clusterer.stories()
    assert story.members == (0, 1, 2) and set(labels) == {0}
    assert (story.start, story.end) == (date(2021, 3, 2), date(2021, 3, 6))
    assert story.title == "Storm floods harbour district"
    assert story.places == ("Valparaiso",) and "lena" in story.actors


def test_idf_falls_as_a_key_spreads():
    frequencies = DocumentFrequencies()
    for i in REHAB_A + REHAB_B:
        frequencies.add(i)
    assert frequencies.idf("terms", "rehab") < frequencies.idf("terms", "court") < frequencies.idf("terms", "unseen")


TEXT = (
    "Marta Lindqvist wins the Nobel Prize in Chemistry\n"
    "Oct. 4, 2023\n"
    "Swedish chemist Marta Lindqvist won the Nobel Prize in Chemistry on Wednesday in Stockholm.\n"
    "Lindqvist, who studied in Uppsala, thanked her team. She first worked on catalysts in 1998."
)


@pytest.fixture(scope="module")
def parsed():
    nlp = load_pipeline()
    doc = nlp.make_doc(TEXT)
    return next(iter(nlp.pipe([doc])))


def test_features_from_a_parsed_doc(parsed):
    features = features_from_doc(parsed)
    assert features.title == "Marta Lindqvist wins the Nobel Prize in Chemistry"
    assert {"lindqvist", "marta"} <= set(features.bags["names"])
    assert "lindqvist" in features.bags["lead_entities"]
    assert "win" in features.bags["lead_terms"] and "catalyst" in features.bags["terms"]
    assert "Stockholm" in features.places
    assert features.years == frozenset({1998, 2023})
    assert date(2023, 10, 4) in features.dates
    assert features.bags["names"]["lindqvist"] > 1.0  # named three times: 1 + ln 3


def test_the_publication_date_gives_the_span_and_a_year(parsed):
    parsed._.published_at = datetime(2023, 10, 5, 9, tzinfo=timezone.utc)
    try:
        features = features_from_doc(parsed)
    finally:
        parsed._.published_at = None
    assert features.dates == (date(2023, 10, 5),)
    assert 2023 in features.years


def test_batched_features_match_one_by_one(parsed):
    (batched,) = features_from_docs([parsed])
    single = features_from_doc(parsed, options=StoryOptions())
    assert batched.bags == single.bags
    assert np.allclose(batched.embedding, single.embedding, atol=1e-6)


def test_memory_is_bounded_and_a_dormant_story_can_still_be_joined():
    options = StoryOptions(members_kept=2, dormant_after=3, dormant_members=1)
    clusterer, labels = run([*REHAB_A, BUDGET, *(item(f"Parliament debates the budget, day {i}", names="Finance Ministry",
                                                      terms="budget vote deficit") for i in range(4))], options)
    rehab = labels[0]
    kept = [i for i, label in enumerate(clusterer.assignments) if label == rehab and clusterer._items[i] is not None]
    assert kept == [2]  # dormant: its latest member only
    budget = [i for i, label in enumerate(clusterer.assignments) if label == labels[3] and clusterer._items[i] is not None]
    assert len(budget) == 2  # active: its two latest
    assert clusterer.add(item("Dana Vale leaves the rehab clinic", names="Dana Vale", terms="rehab clinic")) == rehab
    assert clusterer.story(rehab).title and len(clusterer.story(rehab).members) == 4  # summaries keep everyone


def test_trimmed_and_untrimmed_runs_agree_while_stories_stay_small():
    items = REHAB_A + REHAB_B + [BUDGET]
    assert run(items)[1] == run(items, StoryOptions(members_kept=3, dormant_after=10))[1]


def test_a_dormant_story_keeps_its_summary_when_its_members_are_dropped():
    dated = [replace(it, dates=(date(2022, 1, 5 + i),), places=("Almaty",) if i else ("Almaty", "Astana"))
             for i, it in enumerate(REHAB_A)]
    quiet = [item(f"Parliament debates the budget, day {i}", names="Finance Ministry", terms="budget vote")
             for i in range(4)]
    full, _ = run([*dated, *quiet])
    trimmed, labels = run([*dated, *quiet], StoryOptions(members_kept=2, dormant_after=2, dormant_members=1))
    assert sum(it is not None for it in trimmed._items[: len(dated)]) == 1  # the rehab story went dormant
    assert trimmed.story(labels[0]) == full.story(labels[0])  # title, span, places, actors, members
