"""Claim matching: the gates of ``claim_relation`` on hand-built views, the views of stored claims and of
parsed sentences, count keys, and the candidate index."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.errors import WiretraceError
from wiretrace.link.claim_match import (
    ClaimIndex,
    ClaimIndexOptions,
    ClaimMatchOptions,
    ClaimView,
    claim_relation,
    claim_view,
    compare_claims,
    quantity_conflict,
)
from wiretrace.link.claim_views import quantity_key, time_interval
from wiretrace.link.compatibility import places_compatible, same_actors, times_overlap
from wiretrace.records import ChainLink, Claim, ClaimPlace, ClaimQuantity, ClaimTime, Entity, Proposition


def vector(similarity: float) -> np.ndarray:
    """A unit vector whose cosine with ``BASE`` is ``similarity``."""
    return np.array([similarity, np.sqrt(1 - similarity**2), 0.0], dtype=np.float32)


BASE = vector(1.0)


def view(text: str = "Officials said people were killed in the blast", similarity: float = 1.0, **fields) -> ClaimView:
    return ClaimView(text=text, vector=vector(similarity), **fields)


def place(name: str, kind: str = "city", country: str | None = "FR", parent: str | None = "France") -> ClaimPlace:
    return ClaimPlace(name, kind, country, None, None, name, parent)


LYON, MARSEILLE = place("Lyon"), place("Marseille")
FRANCE = place("France", "country", "FR", None)
BERLIN = place("Berlin", country="DE", parent="Germany")
BAVARIA = place("Bavaria", "region", "DE", "Germany")
DAY_1 = ("2024-05-01T00:00:00+00:00", "2024-05-02T00:00:00+00:00")
DAY_2 = ("2024-05-02T00:00:00+00:00", "2024-05-03T00:00:00+00:00")
MAY = ("2024-05-01T00:00:00+00:00", "2024-06-01T00:00:00+00:00")


# --- counts -------------------------------------------------------------------------------------------

COUNTS = [
    # a's counts, b's counts, expected relation (same wording, a shared place as anchor)
    ((("killed", 3, 3),), (("killed", 10, 10),), "contradicting"),
    ((("killed", 3, 3),), (("killed", 3, 3),), "same"),
    ((("killed", 24, 99),), (("killed", 50, 50),), "same"),  # "dozens" holds 50
    ((("killed", 24, 99),), (("killed", 200, 999),), "contradicting"),  # "dozens" / "hundreds"
    ((("killed", 3, None),), (("killed", 10, 10),), "same"),  # "at least three" / "ten"
    ((("killed", 51, None),), (("killed", 40, 40),), "contradicting"),  # "more than 50" / "40"
    ((("killed", None, 20),), (("killed", 20, 20),), "same"),  # "up to 20"
    ((("wounded", 50, 50),), (("wounded", 52, 52),), "same"),  # within the tolerance
    ((("wounded", 50, 50),), (("wounded", 80, 80),), "contradicting"),
    ((("killed", 3, 3),), (("killed", 2, 2), ("killed", 1, 1)), "same"),  # "two women and one man"
    ((("killed", 10, 10), ("wounded", 80, 80)), (("killed", 10, 10), ("wounded", 70, 70)), "contradicting"),
    ((("money:$", 108e6, 108e6),), (("money:$", 161e6, None),), "contradicting"),
    ((("money:$", 108e6, 108e6),), (("money:€", 85e6, 85e6),), "same"),  # two currencies: not compared
    ((("killed", 3, 3),), (("wounded", 10, 10),), "same"),  # two keys: not compared
    ((("unit:", 3, 3),), (("unit:", 10, 10),), "same"),  # no counted noun: not compared
    ((), (("killed", 10, 10),), "same"),
]


@pytest.mark.parametrize("a_counts, b_counts, expected", COUNTS)
def test_counts_decide_between_same_and_contradicting(a_counts, b_counts, expected):
    a = view(similarity=0.8, quantities=a_counts, places=(LYON,))
    b = view(quantities=b_counts, places=(LYON,))
    assert claim_relation(a, b) == expected
    assert claim_relation(b, a) == expected


def test_conflict_reason_names_the_key_and_values():
    assert quantity_conflict((("killed", 3, 3),), (("killed", 10, 10),)) == "killed: 3 / 10"
    assert quantity_conflict((("killed", 3, 3),), (("killed", 4, 4),), tolerance=0.5) is None


def test_numbers_of_two_events_in_two_places_stay_different():
    """Counts of one kind that disagree, but another city: two events, not a conflict."""
    a = view("A quake injured five people in Lyon", similarity=0.6, quantities=(("wounded", 5, 5),), places=(LYON,))
    b = view("Storms injured eighty people in Marseille", quantities=(("wounded", 80, 80),), places=(MARSEILLE,))
    assert claim_relation(a, b) == "different"


def test_counts_alone_anchor_only_above_counted_similarity():
    a = view("A quake injured five people", similarity=0.15, quantities=(("wounded", 5, 5),))
    b = view("Storms injured eighty people", quantities=(("wounded", 80, 80),))
    assert claim_relation(a, b) == "different"
    assert claim_relation(a, b, ClaimMatchOptions(counted_similarity=0.1)) == "contradicting"


# --- places ------------------------------------------------------------------------------------------

PLACES = [
    ((LYON,), (LYON,), True),
    ((LYON,), (MARSEILLE,), False),  # two cities
    ((LYON,), (FRANCE,), True),  # a city in its country
    ((LYON, FRANCE), (MARSEILLE, FRANCE), False),  # compared at the finest level both name
    ((LYON,), (BERLIN,), False),
    ((FRANCE,), (place("Germany", "country", "DE", None),), False),
    ((BAVARIA,), (BERLIN,), True),  # a region and a city: no containment table, taken as compatible
    ((place("Old Port", "facility", "FR", "Marseille"),), (MARSEILLE,), True),  # a facility in its city
    ((place("Old Port", "facility", "FR", "Marseille"),), (LYON,), False),
    ((place("Hall 4", "facility", None, None),), (LYON,), True),  # a facility without a city says nothing
    ((), (LYON,), True),
]


@pytest.mark.parametrize("a, b, expected", PLACES)
def test_places_compatible(a, b, expected):
    assert places_compatible(a, b) is expected
    assert places_compatible(b, a) is expected


def test_other_city_makes_a_similar_pair_different():
    a = view(places=(LYON,), quantities=(("killed", 3, 3),))
    b = view(places=(MARSEILLE,), quantities=(("killed", 3, 3),))
    assert compare_claims(a, b).reason == "other place"
    assert claim_relation(a, b) == "different"


# --- times -------------------------------------------------------------------------------------------

TIMES = [
    (DAY_1, DAY_1, True),
    (DAY_1, DAY_2, False),  # half-open: the first day ends where the second begins
    (DAY_1, MAY, True),  # a day inside a month
    ((DAY_1[0], None), DAY_2, True),  # "since 1 May"
    ((None, DAY_1[0]), DAY_2, False),  # "before 1 May"
    (None, DAY_1, True),
]


@pytest.mark.parametrize("a, b, expected", TIMES)
def test_times_overlap(a, b, expected):
    assert times_overlap(a, b) is expected
    assert times_overlap(b, a) is expected


def test_time_interval_keeps_resolved_event_times_only():
    event = ClaimTime(DAY_1[0], DAY_1[1], "day", "on Wednesday", True)
    assert time_interval(event) == DAY_1
    assert time_interval(ClaimTime(None, None, None, "last night", False)) is None
    assert time_interval(ClaimTime(DAY_1[0], DAY_1[1], "day", "on Wednesday", True, of="statement")) is None


def test_other_day_makes_a_similar_pair_different():
    a, b = view(places=(LYON,), time=DAY_1), view(places=(LYON,), time=DAY_2)
    assert claim_relation(a, b) == "different"
    assert claim_relation(a, view(places=(LYON,), time=MAY)) == "same"


# --- actors ------------------------------------------------------------------------------------------

ACTORS = [
    ("Tara Reid checked into rehab", ("Tara Reid",), ("Tara Reid",),
     "Lindsay Lohan checked into rehab", ("Lindsay Lohan",), ("Lindsay Lohan",), False),
    ("Reid checked into rehab", ("Reid",), ("Reid",),
     "Actress Tara Reid entered a clinic", (), ("Tara Reid",), True),
    ("Klitschko stopped Rahman", ("Klitschko", "Rahman"), ("Klitschko", "Rahman"),
     "Klitschko stopped Thompson", ("Klitschko", "Thompson"), ("Klitschko", "Thompson"), False),
    ("The champion dropped Thompson, referee Sam Williams said", (), ("Sam Williams",),
     "Klitschko stopped Tony Thompson", ("Klitschko", "Tony Thompson"), ("Klitschko", "Tony Thompson"), True),
    ("A man was arrested", (), (), "Police arrested John Smith", ("John Smith",), ("John Smith",), True),
]  # fmt: skip


@pytest.mark.parametrize("a_text, a_actors, a_names, b_text, b_actors, b_names, expected", ACTORS)
def test_same_actors(a_text, a_actors, a_names, b_text, b_actors, b_names, expected):
    a = view(a_text, actors=a_actors, names=a_names)
    b = view(b_text, actors=b_actors, names=b_names)
    assert same_actors(a, b) is expected
    assert same_actors(b, a) is expected


# --- polarity and similarity -------------------------------------------------------------------------

RELATIONS = [
    # similarity, a negated, b negated, a shared city?, expected
    (0.9, False, True, True, "contradicting"),  # "troops fired on the crowd" / "troops did not fire"
    (0.9, True, True, True, "same"),
    (0.3, False, True, True, "same"),  # a flip below negation_similarity is not read as a denial
    (0.95, False, False, False, "same"),  # a near-duplicate needs no anchor
    (0.6, False, False, False, "different"),  # similar wording, nothing shared
    (0.6, False, False, True, "same"),
    (0.05, False, False, True, "different"),  # below min_similarity, whatever is shared
]


@pytest.mark.parametrize("similarity, a_negated, b_negated, shared, expected", RELATIONS)
def test_similarity_anchor_and_polarity(similarity, a_negated, b_negated, shared, expected):
    a = view("Troops fired on the crowd", similarity=similarity, negated=a_negated, places=(LYON,) if shared else ())
    b = view("Troops did not fire on the crowd", negated=b_negated, places=(LYON,) if shared else ())
    assert claim_relation(a, b) == expected


def test_options_switch_a_gate_off():
    a, b = view(places=(LYON,)), view(places=(MARSEILLE,))
    assert claim_relation(a, b) == "different"
    assert claim_relation(a, b, ClaimMatchOptions(check_places=False)) == "same"


# --- count keys --------------------------------------------------------------------------------------

KEYS = [
    (ClaimQuantity("killed", 3, 3, "people", False, "three people"), "three people killed", "killed"),
    (ClaimQuantity(None, 108e6, 108e6, "worth", False, "108 million worth"), "stole $108 million worth", "money:$"),
    (ClaimQuantity(None, 14e9, 14e9, "", False, "14 billion"), "a US$ 14 billion package", "money:$"),
    (ClaimQuantity(None, 1e9, 1e9, "", False, "1 billion"), "will receive CA$ 1 billion", "money:CA$"),
    (ClaimQuantity(None, 85e6, 85e6, "euros", False, "85 million euros"), "gems worth 85 million euros", "money:€"),
    (ClaimQuantity(None, 42, 42, "%", False, "42 %"), "sales dropped 42 %", "unit:percent"),
    (ClaimQuantity(None, 7, 7, "villages", False, "seven villages"), "flattening seven villages", "unit:village"),
    (ClaimQuantity(None, 26, 26, "Somali pirates", False, "26 Somali pirates"), "nabs 26 Somali pirates", "unit:pirate"),
    (ClaimQuantity(None, 3, 3, "", True, "dozens"), "dozens were hurt", "unit:"),
]


@pytest.mark.parametrize("quantity, text, expected", KEYS)
def test_quantity_key(quantity, text, expected):
    assert quantity_key(quantity, text) == expected


# --- views of stored claims --------------------------------------------------------------------------


def stored_claim(**fields) -> Claim:
    base = dict(
        id="a#1", article_id="a", start=0, end=40, text="Dozens of protesters were killed in Lyon", kind="outlet-voice",
        speaker="Example Daily", chain=(ChainLink("Example Daily", None, "media"),), factuality="asserted",
        quantities=(ClaimQuantity("killed", 24, 99, "protesters", True, "Dozens of protesters"),),
        places=(LYON,), proposition=Proposition("kill", None, "dozens of protesters", ("in:lyon",)),
    )  # fmt: skip
    return Claim(**{**base, **fields})


def test_claim_view_reads_a_stored_claim():
    result = claim_view(stored_claim(), BASE)
    assert (result.predicate, result.object, result.negated) == ("kill", "dozens of protesters", False)
    assert result.quantities == (("killed", 24, 99),)
    assert result.places == (LYON,) and result.time is None and result.factuality == "asserted"


def test_claim_view_polarity_comes_from_the_proposition_or_the_factuality():
    denied = claim_view(stored_claim(factuality="denied"), BASE)
    negated = claim_view(stored_claim(proposition=Proposition("kill", None, "protesters", negated=True)), BASE)
    hedged = claim_view(stored_claim(factuality="hedged"), BASE)
    assert denied.negated and negated.negated and not hedged.negated


def test_claim_view_drops_demonyms_and_names_read_as_places():
    ukrainian = ClaimPlace("Ukraine", "country", "UA", None, None, "Ukrainian", None)
    town = ClaimPlace("Obama", "city", "JP", None, None, "Obama", "Japan")
    result = claim_view(
        stored_claim(places=(ukrainian, town, LYON), entities=(Entity("Obama", "PERSON", "Obama"),)), BASE
    )
    assert result.places == (LYON,)
    assert result.names == ("Obama",)


def test_claim_view_participants_are_the_named_subject_and_object():
    claim = stored_claim(
        text="Klitschko stopped Rahman, referee Tony Weeks said",
        entities=(Entity("Wladimir Klitschko", "PERSON", "Klitschko"), Entity("Hasim Rahman", "PERSON", "Rahman"),
                  Entity("Tony Weeks", "PERSON", "Tony Weeks")),
        proposition=Proposition("stop", "klitschko", "rahman"),
    )  # fmt: skip
    assert claim_view(claim, BASE).actors == ("Wladimir Klitschko", "Hasim Rahman")


# --- the index ---------------------------------------------------------------------------------------


def test_index_returns_the_top_k_best_first():
    index = ClaimIndex(ClaimIndexOptions(block_rows=2, initial_capacity=1))
    for similarity in (0.1, 0.9, 0.5, 0.99, 0.3):
        index.add(view(similarity=similarity))
    found = index.candidates(view(), k=3)
    assert [c.position for c in found] == [3, 1, 2]
    assert [round(c.similarity, 2) for c in found] == [0.99, 0.9, 0.5]
    assert found[0].view.text == index[3].text and len(index) == 5
    assert np.allclose(found[0].view.vector, index[3].vector)  # the index's row: the vector is held once
    assert len(index.candidates(view(), k=10)) == 5
    assert index.candidates(view(), k=0) == [] and ClaimIndex().candidates(view()) == []


def test_index_min_similarity_and_dimension_check():
    index = ClaimIndex(ClaimIndexOptions(min_similarity=0.5))
    index.add(view(similarity=0.2))
    index.add(view(similarity=0.8))
    assert [c.position for c in index.candidates(view(), k=5)] == [1]
    with pytest.raises(WiretraceError, match="dimension"):
        index.add(ClaimView("x", np.ones(4, dtype=np.float32)))
    with pytest.raises(WiretraceError, match="block_rows"):
        ClaimIndex(ClaimIndexOptions(block_rows=0))


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(st.lists(st.floats(-1, 1), min_size=4, max_size=4), min_size=1, max_size=30),
    query=st.lists(st.floats(-1, 1), min_size=4, max_size=4),
    k=st.integers(1, 8),
    block=st.integers(1, 7),
)
def test_index_agrees_with_brute_force(rows, query, k, block):
    matrix = np.array(rows, dtype=np.float32) + np.float32(1e-3)  # no zero rows
    index = ClaimIndex(ClaimIndexOptions(block_rows=block, initial_capacity=2))
    for row in matrix:
        index.add(ClaimView("x", row))
    probe = np.array(query, dtype=np.float32) + np.float32(1e-3)
    found = index.candidates(ClaimView("q", probe), k=k)
    normalised = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    scores = normalised @ (probe / np.linalg.norm(probe))
    expected = np.sort(scores)[::-1][: min(k, len(rows))]
    assert np.allclose([c.similarity for c in found], expected, atol=1e-5)


# --- parsed sentences, end to end --------------------------------------------------------------------


def test_sentences_parsed_and_embedded_end_to_end():
    from wiretrace.link.claim_match import views_of_texts
    from wiretrace.link.embeddings import embed

    texts = [
        "Police said three people were killed in the explosion in Lyon on Tuesday.",
        "Officials said ten people were killed in the explosion in Lyon.",
        "Three people were killed in the explosion in Lyon, the mayor said.",
        "Three people were killed in an explosion in Marseille, police said.",
    ]
    views = views_of_texts(texts, embed(texts))
    assert views[0].quantities == (("killed", 3, 3),)
    assert [p.name for p in views[0].places] == ["Lyon"]
    assert claim_relation(views[0], views[1]) == "contradicting"
    assert claim_relation(views[0], views[2]) == "same"
    assert claim_relation(views[2], views[3]) == "different"


def test_a_publication_date_anchors_relative_times():
    from datetime import date

    from wiretrace.link.claim_match import views_of_texts

    texts = ["Car sales dropped 42% last month, the company said.", "Car sales dropped 42% last month, the company said."]
    dated = views_of_texts(texts, np.stack([BASE, BASE]), published=[date(2009, 2, 3), date(2009, 4, 1)])
    assert dated[0].time is not None and dated[0].time[0].startswith("2009-01")
    assert claim_relation(dated[0], dated[1]) == "different"  # January and March: two propositions
