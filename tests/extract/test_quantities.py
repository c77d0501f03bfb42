"""Counts: exact, hedged and vague numbers, their counted noun and their category.

Sentences are written for these tests; they follow the shapes of crisis reports (vague casualty
figures, burned vehicles, group sizes, security forces) in words the seed reports do not use.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiretrace.extract import quantities_table as table
from wiretrace.extract.model import blank_english, load_english
from wiretrace.extract.quantities import Quantity, might_contain_quantity, quantities


BLANK = blank_english()


@pytest.fixture(scope="module")
def nlp():
    return load_english()


def _rows(found: list[Quantity]) -> list[tuple]:
    return [(q.category, q.min, q.max, q.unit, q.approx, q.expression) for q in found]


# (text, [(category, min, max, unit, approx, expression), ...])
CASES = [
    ("A hundred people were detained after the march.",
     [("detained", 100, 100, "people", False, "A hundred people")]),
    ("Dozens of rioters were detained in the capital.",
     [("detained", 24, 99, "rioters", True, "Dozens of rioters")]),
    ("Some 40 buses had been burned, although the town was quiet.",
     [("vehicles-burned", 40, 40, "buses", True, "Some 40 buses")]),
    ("Groups of 3-4 people ran from the stadium.",
     [("group-size", 3, 4, "people", False, "3-4 people")]),
    ("Several hundred soldiers in helmets blocked the bridge.",
     [("security-forces", 300, 900, "soldiers", True, "Several hundred soldiers")]),
    ("Hundreds detained after clashes near the port.",
     [("detained", 200, 999, "", True, "Hundreds")]),
    ("At least 12 people were killed and 1,200 injured.",
     [("killed", 12, None, "people", False, "At least 12 people"), ("wounded", 1200, 1200, "", False, "1,200")]),
    ("Four police stations and some 30 cars were set on fire.",
     [("buildings-burned", 4, 4, "police stations", False, "Four police stations"),
      ("vehicles-burned", 30, 30, "cars", True, "some 30 cars")]),
    ("Dozens of demonstrators killed in the square / photo AFP",
     [("killed", 24, 99, "demonstrators", True, "Dozens of demonstrators")]),
    ("Tens of thousands of people took to the streets.",
     [("crowd-size", 20000, 99999, "people", True, "Tens of thousands of people")]),
    ("Between 20 and 30 thousand people rallied in the square.",
     [("crowd-size", 20000, 30000, "people", False, "Between 20 and 30 thousand people")]),
    ("Police detained more than 50 demonstrators and five or more journalists.",
     [("detained", 51, None, "demonstrators", False, "more than 50 demonstrators"),
      ("detained", 5, None, "journalists", False, "five or more journalists")]),
    ("The death toll rose to 15.", [("killed", 15, 15, "", False, "15")]),
    ("About a dozen houses were looted.", [("buildings-damaged", 12, 12, "houses", True, "About a dozen houses")]),
    ("Up to 70 cars were damaged.", [("vehicles-damaged", None, 70, "cars", False, "Up to 70 cars")]),
    ("Fewer than 10 people came.", [(None, None, 9, "people", False, "Fewer than 10 people")]),
    ("Nearly 2,000 troops were deployed.", [("security-forces", 2000, 2000, "troops", True, "Nearly 2,000 troops")]),
    ("The blaze destroyed 2.5 million hectares.",
     [("damaged", 2500000, 2500000, "hectares", False, "2.5 million hectares")]),
    ("Scores of militants were eliminated overnight.",
     [("killed", 40, 199, "militants", True, "Scores of militants")]),
    ("A handful of passers-by were wounded.", [("wounded", 2, 9, "passers-by", True, "A handful of passers-by")]),
    ("Twenty-five people are missing.", [("missing", 25, 25, "people", False, "Twenty-five people")]),
    ("Three hundred law-enforcement officers cordoned off the area.",
     [("security-forces", 300, 300, "law-enforcement officers", False, "Three hundred law-enforcement officers")]),
    ("The square was cordoned off by several hundred riot police.",
     [("security-forces", 300, 900, "riot police", True, "several hundred riot police")]),
    ("Thousands fled the fighting, and 7 or 8 bodies were found.",
     [("displaced", 2000, 9999, "", True, "Thousands"), ("killed", 7, 8, "bodies", False, "7 or 8 bodies")]),
    ("Fighters killed dozens of civilians in the village.",
     [("killed", 24, 99, "civilians", True, "dozens of civilians")]),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", CASES)
def test_quantities(nlp, text, expected):
    assert _rows(quantities(nlp(text))) == expected


NOT_QUANTITIES = [
    "Some are wounded and an explosion was heard.",
    "Shots were heard 5 minutes ago.",
    "The rally began on 6 March and lasted three days.",
    "Protests have gone on since 2019.",
    "Channel 4 News broadcast the footage.",
    "The 25-year-old man was arrested at 5 pm.",
    "One of them said the situation was calm.",
    "An F-16 flew over the border at 11:30.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(nlp, text):
    assert quantities(nlp(text)) == []


def test_offsets_point_into_the_doc_from_a_span(nlp):
    doc = nlp("The city was calm. Some 60 shops had been looted by then.")
    sentence = list(doc.sents)[1]
    [found] = quantities(sentence)
    assert doc.text[found.start : found.end] == found.expression == "Some 60 shops"
    assert found.category == "buildings-damaged"


def test_unit_keeps_the_framing(nlp):
    """The same count in two framings keeps both nouns as written."""
    one = quantities(nlp("Dozens of insurgents were liquidated."))
    two = quantities(nlp("Dozens of students were killed."))
    assert [(q.category, q.unit) for q in one + two] == [("killed", "insurgents"), ("killed", "students")]


def test_untagged_doc_still_reads_numbers():
    """Without tags or a parse: numbers, the next content word, and the category its noun carries."""
    doc = BLANK("Dozens of rioters and 5-6 soldiers")
    found = [(q.min, q.max, q.unit, q.category) for q in quantities(doc)]
    assert found == [(24, 99, "rioters", "crowd-size"), (5, 6, "soldiers", "security-forces")]


@pytest.mark.parametrize(
    "text, expected",
    [("groups of 5-6 people", True), ("dozens", True), ("several hundred", True), ("nothing here", False),
     ("an explosion", False), ("F-16", False)],
)  # fmt: skip
def test_prefilter(text, expected):
    assert might_contain_quantity(text) is expected


def test_vague_table_is_well_formed():
    for word, (low, high) in table.VAGUE.items():
        assert low is not None and high is not None and 0 < low <= high, word
    assert table.VAGUE["dozens"] == (24, 99)
    assert table.VAGUE["hundreds"] == (200, 999)
    assert table.VAGUE["several hundred"] == (300, 900)


PIECES = st.sampled_from(
    [*table.VAGUE, *table.HEDGES, *table.NUMBER_WORDS, *table.SCALES, "of", "people", "police cars", "were",
     "killed", "detained", "burned", "5-6", "1,200", "2.5", "-", "–", "or", "to", "and", "between", "from",
     "January", "2022", "F-16", "Channel", "%", ",", ".", "groups", "the", "death toll", "rose"]
)  # fmt: skip
TEXTS = st.one_of(st.lists(PIECES, max_size=14).map(" ".join), st.text(max_size=60))


def _check(found: list[Quantity], text: str) -> None:
    for q in found:
        assert text[q.start : q.end] == q.expression and q.start < q.end
        if q.min is not None and q.max is not None:
            assert q.min <= q.max


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_raises_and_min_le_max_untagged(text):
    _check(quantities(BLANK(text)), text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_never_raises_and_min_le_max_parsed(nlp, text):
    _check(quantities(nlp(text)), text)


@pytest.mark.shared
def test_seed_quantities_are_found(nlp, seeds_dir):
    """Every quantity ``expected.json`` lists is read from its seed paragraph with the same fields."""
    import json

    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    for file_name, record in expected["files"].items():
        paragraphs = (seeds_dir / file_name).read_text(encoding="utf-8").split("\n\n")
        found = {row for paragraph in paragraphs for row in _rows(quantities(nlp(paragraph)))}
        for claim in record["claims"]:
            for q in claim.get("quantities", []):
                row = (q["category"], q["min"], q["max"], q["unit"], q["approx"], q["expression"])
                assert row in found, (file_name, claim["id"], row)
