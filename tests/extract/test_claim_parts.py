"""What a claim carries beside its words, chosen by scope (``claim_parts``): time, quantities, places, entities.

Sentences written for these tests (no seed sentence, no seed name; the cities are real ones the offline
gazetteer resolves and the small English model tags). Each text runs through the real pipeline
(``load_pipeline``, loaded once per module) and ``claims_of``; a table row lists, claim by claim in text
order, what that claim should carry.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import spacy

from wiretrace.extract.claims import ClaimContext, claims_of
from wiretrace.extract.nlp import load_pipeline
from wiretrace.records import Claim, Segment, SegmentKind

OUTLET = "Daily Planet"
K = SegmentKind
PUBLISHED = datetime(2024, 3, 14, 10, 0, tzinfo=timezone.utc)  # a Thursday


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return load_pipeline()


def extract(
    nlp: spacy.language.Language, text: str, *, segments: tuple[Segment, ...] = (),
    published_at: datetime | None = None, year_hint: int | None = None,
) -> list[Claim]:
    """The claims of ``text`` with the Doc anchors set as the extract stage sets them."""
    doc = nlp.make_doc(text)
    doc._.published_at = published_at
    doc._.year_hint = year_hint
    found = claims_of(nlp(doc), context=ClaimContext(article_id="a" * 64, outlet=OUTLET, segments=segments))
    assert all(text[c.start : c.end] == c.text for c in found)
    return found


def article(*parts: tuple[SegmentKind, str]) -> tuple[str, tuple[Segment, ...]]:
    """An article text of one segment per line, and its segments."""
    text, segments = "", []
    for kind, part in parts:
        text += "\n" if text else ""
        segments.append(Segment(kind, len(text), len(text) + len(part)))
        text += part
    return text, tuple(segments)


def times(claims: list[Claim]) -> list[tuple[str, str | None, str | None]]:
    return [(c.text, c.time.expression if c.time else None, c.time.of if c.time else None) for c in claims]


def places(claims: list[Claim]) -> list[list[str]]:
    return [[p.name for p in c.places] for c in claims]


# ---------------------------------------------------------------------------------------------------
# Time: the clause's own, else a fronted one of its sentence, else the frame's (statement time).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ministry said that the airport had been closed on Sunday.",
         [("the airport had been closed on Sunday", "on Sunday", "event")]),
        ("The ministry said on Tuesday that the airport had been closed.",
         [("the airport had been closed", "on Tuesday", "statement")]),
        ("The ministry said on Tuesday that the airport had been closed on Sunday.",
         [("the airport had been closed on Sunday", "on Sunday", "event")]),
        ("Earlier it was reported that two buses had been set on fire.",
         [("two buses had been set on fire", "Earlier", "statement")]),
        ("Earlier there was information about the closure of the bridge.",
         [("there was information about the closure of the bridge", "Earlier", "statement")]),
        ("The ministry on Friday announced the reopening of the bridge.",
         [("The ministry on Friday announced the reopening of the bridge", "on Friday", "statement")]),
        ("Witnesses said on Monday that shots were fired, the agency reported.",
         [("shots were fired", "on Monday", "statement")]),
        ("The bridge was closed.", [("The bridge was closed", None, None)]),
    ],
)  # fmt: skip
def test_time_of_the_event_or_of_the_statement(nlp, text, expected):
    assert times(extract(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On Sunday, the airport was closed, flights were cancelled.",
         [("On Sunday, the airport was closed", "On Sunday", "event"),
          ("flights were cancelled", "On Sunday", "event")]),
        ("On Sunday night, the airport was closed, flights were cancelled, the ministry said.",
         [("On Sunday night, the airport was closed", "On Sunday night", "event"),
          ("flights were cancelled", "On Sunday night", "event")]),
        ("The airport was closed, flights were cancelled on Sunday.",
         [("The airport was closed", None, None), ("flights were cancelled on Sunday", "on Sunday", "event")]),
        ("The airport was closed on Monday. Traffic was diverted.",
         [("The airport was closed on Monday", "on Monday", "event"), ("Traffic was diverted", None, None)]),
    ],
)  # fmt: skip
def test_a_fronted_time_dates_every_clause_of_its_sentence_and_no_other(nlp, text, expected):
    assert times(extract(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mayor said the bridge was closed, while police said it had reopened on Monday.",
         [("the bridge was closed", None, None), ("it had reopened on Monday", "on Monday", "event")]),
        ("The mayor said the bridge was closed, and police said it had reopened on Monday.",
         [("the bridge was closed", None, None), ("it had reopened on Monday", "on Monday", "event")]),
        ("On Monday, the mayor said the bridge was closed, and police said it had reopened.",
         [("the bridge was closed", "On Monday", "statement"), ("it had reopened", "On Monday", "statement")]),
    ],
)  # fmt: skip
def test_a_time_in_another_speakers_claim_does_not_date_this_statement(nlp, text, expected):
    assert times(extract(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, start, end, of",
    [
        ("Protesters gathered in the square yesterday.", "2024-03-13T00:00:00+00:00",
         "2024-03-14T00:00:00+00:00", "event"),
        ("Yesterday it was reported that the airport had been closed.", "2024-03-13T00:00:00+00:00",
         "2024-03-14T00:00:00+00:00", "statement"),
        ("The airport was closed on Monday.", "2024-03-11T00:00:00+00:00", "2024-03-12T00:00:00+00:00", "event"),
    ],
)  # fmt: skip
def test_relative_times_resolve_against_the_publication_time(nlp, text, start, end, of):
    [claim] = extract(nlp, text, published_at=PUBLISHED)
    assert claim.time is not None
    assert (claim.time.start, claim.time.end, claim.time.granularity, claim.time.of) == (start, end, "day", of)
    assert claim.time.resolved and not claim.time.year_inferred


def test_without_an_anchor_a_relative_time_keeps_its_expression_only(nlp):
    [claim] = extract(nlp, "Protesters gathered in the square yesterday.")
    assert claim.time is not None
    time = claim.time
    assert (time.expression, time.resolved, time.start, time.end) == ("yesterday", False, None, None)


@pytest.mark.parametrize("year_hint", [2025, 2026])
def test_a_year_hint_and_a_weekday_infer_the_year(nlp, year_hint):
    """6 March was a Thursday in 2025 (not in 2024 nor 2026): the weekday decides the year near the hint."""
    [claim] = extract(nlp, "Protesters gathered in the square on Thursday, 6 March.", year_hint=year_hint)
    assert claim.time is not None
    time = claim.time
    assert (time.start, time.year_inferred, time.resolved) == ("2025-03-06T00:00:00+00:00", True, True)


# ---------------------------------------------------------------------------------------------------
# Quantities: only those inside the clause.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police detained 40 people, 12 officers were injured.", [[(40, 40, "people")], [(12, 12, "officers")]]),
        ("Two buses burned and 40 people were detained.", [[(2, 2, "buses")], [(40, 40, "people")]]),
        ("Dozens of people were detained and the square was closed.", [[(24, 99, "people")], []]),
        ("According to the police, two men were detained, three officers were injured.",
         [[(2, 2, "men")], [(3, 3, "officers")]]),
        ("Three people said that the bridge was closed.", [[]]),  # the count is in the frame, not the claim
    ],
)  # fmt: skip
def test_quantities_belong_to_their_clause(nlp, text, expected):
    found = extract(nlp, text)
    assert [[(q.min, q.max, q.unit) for q in c.quantities] for c in found] == expected


# ---------------------------------------------------------------------------------------------------
# Places: clause, sentence, the claim answered, the paragraph's previous claim, the heading, the main city.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police fired tear gas in Boston and protesters marched in Denver.", [["Boston"], ["Denver"]]),
        ("Protesters marched in Denver. Police fired tear gas, protesters threw stones in Boston.",
         [["Denver"], ["Boston"], ["Boston"]]),  # the sentence's place before the previous claim's
        ("Protesters marched in Chicago. Police fired tear gas.", [["Chicago"], ["Chicago"]]),
        ("Protesters marched in Boston. Police fired tear gas in Boston.\nDenver stayed calm.\nShops were looted.",
         [["Boston"], ["Boston"], ["Denver"], ["Boston"]]),  # a new paragraph: the most mentioned city
        ("Denver stayed calm.\nBoston stayed calm.\nShops were looted.",
         [["Denver"], ["Boston"], ["Denver"]]),  # a tie goes to the city mentioned first
        ("Shops were looted. Police fired tear gas.", [[], []]),
    ],
)  # fmt: skip
def test_places_by_scope(nlp, text, expected):
    assert places(extract(nlp, text)) == expected


def test_a_section_heading_places_the_claims_under_it(nlp):
    text, segments = article(
        (K.TITLE, "Riot police clash with protesters in Boston"),
        (K.STANDFIRST, "Dozens were detained in Boston on Saturday."),
        (K.BODY, "Shops were looted."),
        (K.HEADING, "Unrest spreads to Denver"),
        (K.BODY, "Protesters marched in Chicago. Police fired tear gas."),
        (K.BODY, "Shops were looted."),
    )
    found = extract(nlp, text, segments=segments)
    assert [(c.where, *[p.name for p in c.places]) for c in found] == [
        ("title", "Boston"),
        ("standfirst", "Boston"),
        ("body", "Boston"),  # before the heading: the most mentioned city
        ("body", "Chicago"),
        ("body", "Chicago"),  # the previous claim of its paragraph comes before the heading
        ("body", "Denver"),  # the heading comes before the most mentioned city
    ]


def test_an_answer_takes_the_place_of_the_claim_it_answers(nlp):
    text = (
        "Protesters marched in Boston. Police fired tear gas in Boston.\n"
        "It was reported that a dam near Denver was damaged.\n"
        "This was not confirmed by the regional governor."
    )
    *_, reported, answer = extract(nlp, text)
    assert answer.denies == (reported.id,)
    assert places([reported, answer]) == [["Denver"], ["Denver"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Protesters gathered on Liberty Square in Boston. Police later cleared the square.",
         [["Liberty Square", "Boston"], ["Liberty Square", "Boston"]]),
        ("Protesters gathered on Liberty Square in Boston. Denver stayed calm and police cleared the square.",
         [["Liberty Square", "Boston"], ["Denver"], ["Liberty Square", "Boston"]]),
    ],
)  # fmt: skip
def test_the_square_is_the_last_named_square_listed_with_its_city(nlp, text, expected):
    found = extract(nlp, text)
    assert places(found) == expected
    assert [p.kind for p in found[0].places] == ["facility", "city"]


def test_a_place_record_keeps_the_mention_and_the_coordinates(nlp):
    [claim] = extract(nlp, "Protesters marched in Boston.")
    [place] = claim.places
    assert (place.name, place.kind, place.country, place.mention) == ("Boston", "city", "US", "Boston")
    assert place.lat == pytest.approx(42.36, abs=0.1) and place.lon == pytest.approx(-71.06, abs=0.1)


# ---------------------------------------------------------------------------------------------------
# Entities: the named ones inside the clause, determiner dropped.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Maria Lopez visited Madrid, the United Nations sent aid.",
         [[("Maria Lopez", "PERSON"), ("Madrid", "GPE")], [("United Nations", "ORG")]]),
        ("The Red Cross said that Maria Lopez had visited the Grand Tower.",
         [[("Maria Lopez", "PERSON"), ("Grand Tower", "FAC")]]),  # the speaker is not in the claim
        ("Two buses burned on Sunday.", [[]]),  # dates and numbers are not entities
    ],
)  # fmt: skip
def test_entities_inside_the_clause(nlp, text, expected):
    found = extract(nlp, text)
    assert [[(e.name, e.label) for e in c.entities] for c in found] == expected


def test_an_entity_keeps_its_mention_as_written(nlp):
    [claim] = extract(nlp, "The Red Cross said that Maria Lopez had visited the Grand Tower.")
    assert [(e.name, e.mention) for e in claim.entities] == [
        ("Maria Lopez", "Maria Lopez"),
        ("Grand Tower", "the Grand Tower"),
    ]
