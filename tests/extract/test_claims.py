"""Claim assembly (``claims_of``): who says each clause, through whom, of what kind, and how sure.

Every sentence here was written for these tests (no seed sentence, no seed name). They run through the
real pipeline (``load_pipeline``, loaded once per module) and ``claims_of``; each table row reads as a spec:
the text, then the claims expected in text order. ``extract`` also checks, on every text, the invariants
every claim list must keep: offsets that cut the claim's text out of the article, ids numbered in text
order, chains that end with the article's outlet and a speaker that is the chain's first link.
"""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from wiretrace.extract.claims import ClaimContext, claims_of
from wiretrace.extract.model import load_english
from wiretrace.extract.nlp import load_pipeline, wiretrace_pipeline
from wiretrace.records import UNKNOWN_OUTLET, ChainLink, Claim, Segment, SegmentKind

OUTLET = "Daily Planet"  # an outlet the registry does not list: a "media" link under the given name
ARTICLE_ID = "0123456789abcdef0123456789abcdef"  # a sha256-like id: ids keep its first 16 characters
K = SegmentKind


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return load_pipeline()


def extract(
    nlp: spacy.language.Language, text: str, *, outlet: str | None = OUTLET, segments: tuple[Segment, ...] = (),
    article_id: str = ARTICLE_ID,
) -> list[Claim]:
    """The claims of ``text``, after checking the invariants every claim list keeps."""
    found = claims_of(nlp(text), context=ClaimContext(article_id=article_id, outlet=outlet, segments=segments))
    prefix = article_id[:16] or "claim"
    assert [c.id for c in found] == [f"{prefix}#{i + 1}" for i in range(len(found))]
    assert [c.start for c in found] == sorted(c.start for c in found)
    for claim in found:
        assert text[claim.start : claim.end] == claim.text
        assert claim.article_id == article_id
        assert claim.speaker == claim.chain[0].name
        assert claim.chain[-1].name == ((outlet or "").strip() or UNKNOWN_OUTLET)
    return found


def texts(claims: list[Claim]) -> list[str]:
    return [c.text for c in claims]


def attributed(claims: list[Claim]) -> list[tuple[str, str, list[str]]]:
    """Each claim as (text, kind, chain names): the shape of the attribution tables below."""
    return [(c.text, c.kind, [link.name for link in c.chain]) for c in claims]


def article(*parts: tuple[SegmentKind, str]) -> tuple[str, tuple[Segment, ...]]:
    """An article text of one segment per line, and its segments."""
    text, segments = "", []
    for kind, part in parts:
        text += "\n" if text else ""
        segments.append(Segment(kind, len(text), len(text) + len(part)))
        text += part
    return text, tuple(segments)


# ---------------------------------------------------------------------------------------------------
# Outlet voice: a sentence nobody is said to say is the outlet's own claim.


@pytest.mark.parametrize(
    "text",
    [
        "Two people were injured in a fire at a warehouse.",
        "The river burst its banks overnight.",
        "Riot police blocked the main road to the airport.",
    ],
)
def test_unattributed_sentence_is_the_outlets_claim(nlp, text):
    [claim] = extract(nlp, text)
    assert (claim.kind, claim.text, claim.speaker) == ("outlet-voice", text.rstrip("."), OUTLET)
    assert claim.chain == (ChainLink(OUTLET, None, "media"),)


@pytest.mark.parametrize("outlet", [None, "", "  "])
def test_without_an_outlet_the_chain_ends_with_the_unknown_outlet(nlp, outlet):
    found = extract(nlp, "The bridge was closed. The fire chief said the fire was under control.", outlet=outlet)
    assert attributed(found) == [
        ("The bridge was closed", "outlet-voice", [UNKNOWN_OUTLET]),
        ("the fire was under control", "indirect", ["fire chief", UNKNOWN_OUTLET]),
    ]
    assert found[0].chain == (ChainLink(UNKNOWN_OUTLET, None, "other"),)


# ---------------------------------------------------------------------------------------------------
# One claim per clause.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police arrested three men and the mayor closed the market.",
         ["Police arrested three men", "the mayor closed the market"]),
        ("The river flooded, the bridge collapsed.", ["The river flooded", "the bridge collapsed"]),
        ("Troops left the palace, which had been occupied by protesters.",
         ["Troops left the palace", "which had been occupied by protesters"]),
        ("Two buses burned and 40 people were detained.", ["Two buses burned", "40 people were detained"]),
        ("The men who fled were arrested.", ["The men who fled were arrested"]),  # a restrictive relative
        ("The talks will resume or the strike will go on.", ["The talks will resume or the strike will go on"]),
    ],
)  # fmt: skip
def test_one_claim_per_clause(nlp, text, expected):
    found = extract(nlp, text)
    assert texts(found) == expected
    assert {c.kind for c in found} == {"outlet-voice"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("According to the police, two men were detained, three officers were injured.",
         ["two men were detained", "three officers were injured"]),
        ("The police said the men fled to the harbour, where they were arrested.",
         ["the men fled to the harbour", "where they were arrested"]),
        ('"The fire is under control. Nobody was hurt," the fire chief said.',
         ["The fire is under control", "Nobody was hurt"]),
    ],
)  # fmt: skip
def test_reported_content_is_cut_into_clauses_with_one_chain(nlp, text, expected):
    found = extract(nlp, text)
    assert texts(found) == expected
    assert len({c.chain for c in found}) == 1 and len(found[0].chain) == 2


# ---------------------------------------------------------------------------------------------------
# Kinds and chains: innermost first, the outlet last.


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"The fire is under control," the fire chief said.',
         [("The fire is under control", "direct", ["fire chief", OUTLET])]),
        ("The fire chief said that the fire was under control.",
         [("the fire was under control", "indirect", ["fire chief", OUTLET])]),
        ("The strike was called off, the union leader said.",
         [("The strike was called off", "indirect", ["union leader", OUTLET])]),
        ("According to the police, the suspect fled the scene.",
         [("the suspect fled the scene", "according-to", ["police", OUTLET])]),
        ("Earlier it was reported that two buses had been set on fire.",
         [("two buses had been set on fire", "indirect", ["unnamed source", OUTLET])]),
        ("Colonel Jean Martin said that the bridge was closed, the agency reported.",
         [("the bridge was closed", "indirect", ["Jean Martin", "agency", OUTLET])]),
        ("The ministry said that the mayor had left Madrid, the newspaper reported.",
         [("the mayor had left Madrid", "indirect", ["ministry", "newspaper", OUTLET])]),
        ("According to witnesses, the shops closed early, the newspaper reported.",
         [("the shops closed early", "according-to", ["witnesses", "newspaper", OUTLET])]),
        ("Gunfire was heard in the park, witnesses told the agency.",
         [("Gunfire was heard in the park", "indirect", ["witnesses", "agency", OUTLET])]),
    ],
)  # fmt: skip
def test_kind_and_chain(nlp, text, expected):
    assert attributed(extract(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A bomb exploded near the station, witnesses report gunfire, the agency informs.",
         [("A bomb exploded near the station", "indirect", ["agency", OUTLET]),
          ("witnesses report gunfire", "indirect", ["witnesses", "agency", OUTLET])]),
        ("A bomb exploded near the station, witnesses reported gunfire in the park, the agency said.",
         [("A bomb exploded near the station", "indirect", ["agency", OUTLET]),
          ("witnesses reported gunfire in the park", "indirect", ["witnesses", "agency", OUTLET])]),
    ],
)  # fmt: skip
def test_a_report_nested_in_anothers_content_keeps_its_own_chain(nlp, text, expected):
    assert attributed(extract(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("According to the police, two men were detained and three officers were injured.",
         ["two men were detained", "three officers were injured"]),
        ("According to the police, two men were detained, three officers were injured, a car was burned.",
         ["two men were detained", "three officers were injured", "a car was burned"]),
    ],
)  # fmt: skip
def test_according_to_covers_every_clause_after_it(nlp, text, expected):
    found = extract(nlp, text)
    assert attributed(found) == [(e, "according-to", ["police", OUTLET]) for e in expected]


# ---------------------------------------------------------------------------------------------------
# Acts are not statements; a verbless report is one claim with its frame.


@pytest.mark.parametrize(
    "text",
    [
        "Residents demand new elections.",
        "Residents want new elections.",
        "The president decided to dissolve parliament.",
        "Farmers oppose the new tax.",
    ],
)
def test_a_verb_of_acting_is_the_outlets_report_of_the_act(nlp, text):
    assert attributed(extract(nlp, text)) == [(text.rstrip("."), "outlet-voice", [OUTLET])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Residents demand new elections, the newspaper reported.",
         [("Residents demand new elections", "indirect", ["newspaper", OUTLET])]),
        ("The president decided to dissolve parliament, state television reported.",
         [("The president decided to dissolve parliament", "indirect", ["state television", OUTLET])]),
        ("The union said workers want higher wages.",
         [("workers want higher wages", "indirect", ["union", OUTLET])]),
    ],
)  # fmt: skip
def test_an_act_someone_reports_is_that_sources_claim(nlp, text, expected):
    """The act is not a statement, but the source that passes it on still speaks (its frame is no claim)."""
    assert attributed(extract(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ministry announced the reopening of the bridge.",
         [("The ministry announced the reopening of the bridge", "indirect", ["ministry", OUTLET])]),
        ("Earlier there was information about the closure of the bridge.",
         [("there was information about the closure of the bridge", "according-to", ["unnamed source", OUTLET])]),
        ("Earlier there were reports of gunfire near the airport.",
         [("there were reports of gunfire near the airport", "according-to", ["unnamed source", OUTLET])]),
    ],
)  # fmt: skip
def test_a_verbless_report_is_one_claim_with_its_frame(nlp, text, expected):
    assert attributed(extract(nlp, text)) == expected


# ---------------------------------------------------------------------------------------------------
# Answers: confirmations, non-confirmations and denials of earlier claims.


@pytest.mark.parametrize(
    "text, answer",
    [
        ("This was confirmed by the regional governor.", "regional governor"),
        ("This was later confirmed by the Ministry of Energy.", "Ministry of Energy"),
        ("The regional governor confirmed this.", "regional governor"),
    ],
)
def test_a_named_confirmation_confirms_an_unnamed_claim(nlp, text, answer):
    first, second = extract(nlp, "It was reported that the dam was damaged. " + text)
    assert (first.text, first.speaker, first.factuality) == ("the dam was damaged", "unnamed source", "confirmed")
    assert first.cues[0] == "It was reported" and len(first.cues) == 2
    assert (second.text, second.kind, second.speaker) == (text.rstrip("."), "indirect", answer)
    assert second.chain[-1].name == OUTLET and len(second.chain) == 2
    assert (second.confirms, second.denies) == ((first.id,), ())


def test_a_hedge_cue_followed_by_a_named_confirmation_is_confirmed(nlp):
    first, second = extract(nlp, "The dam was reportedly damaged. This was confirmed by the regional governor.")
    assert (first.factuality, first.cues[0]) == ("confirmed", "reportedly")
    assert second.confirms == (first.id,)


@pytest.mark.parametrize("text", ["Nobody confirmed this.", "He denied it."])
def test_a_pronoun_answering_is_no_speaker(nlp, text):
    first, second = extract(nlp, "It was reported that the dam was damaged. " + text)
    assert (second.kind, second.speaker, second.denies) == ("outlet-voice", OUTLET, (first.id,))


def test_an_unnamed_confirmation_confirms_nothing(nlp):
    text = "It was reported that the dam was damaged. This was confirmed by a source in the ministry."
    first, second = extract(nlp, text)
    assert (first.factuality, second.speaker, second.confirms) == ("hedged", "source in the ministry", ())


@pytest.mark.parametrize(
    "text, answer",
    [
        ("This information was not confirmed by the Ministry of Energy.", "Ministry of Energy"),
        ("The ministry has not confirmed this information.", "ministry"),
    ],
)
def test_a_not_confirmed_answer_makes_the_claim_not_confirmed(nlp, text, answer):
    first, second = extract(nlp, "It was reported that the dam was damaged. " + text)
    assert (first.factuality, first.cues) == ("not-confirmed", ("It was reported", "not confirmed"))
    assert (second.speaker, second.factuality) == (answer, "not-confirmed")
    assert (second.confirms, second.denies) == ((), (first.id,))


@pytest.mark.parametrize(
    "text, answer",
    [
        ("This was denied by the regional governor.", "regional governor"),
        ("The regional governor denied this.", "regional governor"),
        ("The ministry denied the reports.", "ministry"),
    ],
)
def test_a_denial_lists_the_claim_it_rejects(nlp, text, answer):
    first, second = extract(nlp, "It was reported that the dam was damaged. " + text)
    assert first.factuality == "hedged"
    assert (second.speaker, second.factuality, second.denies) == (answer, "denied", (first.id,))


# ---------------------------------------------------------------------------------------------------
# Segments: which yield claims, and where each claim sits.


def test_headings_and_provenance_never_yield_claims(nlp):
    text, segments = article(
        (K.TITLE, "Bridge closed after the storm"),
        (K.HEADING, "Officials say the bridge is unsafe"),
        (K.BODY, "The bridge was closed on Monday."),
        (K.HEADING, "Two buses were burned"),
        (K.PROVENANCE, "Photo: Daily Planet, all rights reserved, reporters say"),
    )
    found = extract(nlp, text, segments=segments)
    assert [(c.text, c.where) for c in found] == [
        ("Bridge closed after the storm", "title"),
        ("The bridge was closed on Monday", "body"),
    ]


def test_where_names_the_segment_of_each_claim(nlp):
    text, segments = article(
        (K.TITLE, "Riot police clash with protesters"),
        (K.STANDFIRST, "Dozens were detained on Saturday."),
        (K.BODY, "Police fired tear gas. The fire chief said the fire was under control."),
        (K.CAPTION, "Police officers stand guard outside the station."),
    )
    found = extract(nlp, text, segments=segments)
    assert [(c.text, c.where, c.kind) for c in found] == [
        ("Riot police clash with protesters", "title", "outlet-voice"),
        ("Dozens were detained on Saturday", "standfirst", "outlet-voice"),
        ("Police fired tear gas", "body", "outlet-voice"),
        ("the fire was under control", "body", "indirect"),
        ("Police officers stand guard outside the station", "caption", "outlet-voice"),
    ]


def test_a_headline_can_carry_its_own_attribution(nlp):
    text, segments = article((K.TITLE, "Police: two men detained after the robbery"), (K.BODY, "The shop was closed."))
    assert [(c.text, c.where, c.kind, c.speaker) for c in extract(nlp, text, segments=segments)] == [
        ("two men detained after the robbery", "title", "indirect", "police"),
        ("The shop was closed", "body", "outlet-voice", OUTLET),
    ]


@pytest.mark.parametrize("text", ["Latest news", "Weather", "Sports and culture"])
def test_a_headline_without_a_predicate_is_no_claim(nlp, text):
    body = "The bridge was closed."
    full, segments = article((K.TITLE, text), (K.BODY, body))
    assert texts(extract(nlp, full, segments=segments)) == ["The bridge was closed"]


# ---------------------------------------------------------------------------------------------------
# Ids and offsets.


@pytest.mark.parametrize(
    "article_id, expected",
    [
        (ARTICLE_ID, ["0123456789abcdef#1", "0123456789abcdef#2", "0123456789abcdef#3"]),
        ("short", ["short#1", "short#2", "short#3"]),
        ("", ["claim#1", "claim#2", "claim#3"]),
    ],
)
def test_claim_ids_number_the_claims_in_text_order(nlp, article_id, expected):
    text = "Shops closed early. The mayor said the market would stay open, the agency reported. Rain fell."
    assert [c.id for c in extract(nlp, text, article_id=article_id)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "  Police  arrested three men,   the mayor closed the market.  ",
        "“The fire is under control,” the fire chief said.\n\n\nTwo houses burned.",
        "The bridge was closed.\tTraffic was diverted\u00a0through the tunnel.",
    ],
)
def test_offsets_point_into_the_text_whatever_the_spacing(nlp, text):
    assert len(extract(nlp, text)) >= 2  # ``extract`` checks text[start:end] == claim.text for each claim


POOL = [
    "Police arrested three men and the mayor closed the market.",
    "“The fire is under control,” the fire chief said.",
    "According to the police, two men were detained, three officers were injured.",
    "Colonel Jean Martin said that the bridge was closed, the agency reported.",
    "A bomb exploded near the station, witnesses report gunfire, the agency informs.",
    "Residents demand new elections, the newspaper reported.",
    "It was reported that the dam was damaged.",
    "This was confirmed by the regional governor.",
    "Protesters marched in Boston on Sunday.",
    "Latest news",
]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sentences=st.lists(st.sampled_from(POOL), min_size=1, max_size=4),
    separators=st.lists(st.sampled_from([" ", "  ", "\n", "\n\n"]), min_size=4, max_size=4),
)
@example(sentences=["Latest news", "Residents demand new elections, the newspaper reported."], separators=[" "] * 4)
def test_invariants_hold_on_any_sequence_of_sentences(nlp, sentences, separators):
    text = "".join(s + sep for s, sep in zip(sentences, separators, strict=False))
    found = extract(nlp, text)
    assert len(found) >= sum(s != "Latest news" for s in sentences)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))  # clauses never overlap
    earlier = [{c.id for c in found[:i]} for i in range(len(found))]
    assert all(set(c.confirms) | set(c.denies) <= earlier[i] for i, c in enumerate(found))  # answers look back


# ---------------------------------------------------------------------------------------------------
# The pipeline component.


@pytest.fixture(scope="module")
def nlp_with_claims() -> spacy.language.Language:
    """A fresh pipeline built from a bare model (not the cached one): the claims component comes last."""
    pipeline = wiretrace_pipeline(load_english.__wrapped__())
    assert pipeline.pipe_names[-1] == "wiretrace_claims"
    return pipeline


def test_the_component_stores_what_claims_of_returns(nlp_with_claims):
    text = "The fire chief said that the fire was under control. Two houses burned in Boston."
    doc = nlp_with_claims.make_doc(text)
    doc._.claim_context = ClaimContext(article_id=ARTICLE_ID, outlet=OUTLET)
    doc = nlp_with_claims(doc)
    assert doc._.claims == claims_of(doc, context=doc._.claim_context)
    assert [(c.id, c.kind, c.speaker) for c in doc._.claims] == [
        ("0123456789abcdef#1", "indirect", "fire chief"),
        ("0123456789abcdef#2", "outlet-voice", OUTLET),
    ]


def test_the_component_without_a_context_uses_the_defaults(nlp_with_claims):
    doc = nlp_with_claims("Two houses burned.")
    assert [(c.id, c.speaker, c.article_id) for c in doc._.claims] == [("claim#1", UNKNOWN_OUTLET, "")]


def test_the_component_leaves_the_shared_pipeline_alone(nlp_with_claims, nlp):
    assert nlp_with_claims is not nlp and nlp.pipe_names == nlp_with_claims.pipe_names


def test_the_component_needs_are_met_in_the_wiretrace_pipeline(nlp_with_claims):
    analysis = nlp_with_claims.analyze_pipes(pretty=False)
    assert analysis["problems"]["wiretrace_claims"] == []
    assert all(problems == [] for problems in analysis["problems"].values())


def test_the_component_alone_reports_what_it_misses():
    bare = spacy.blank("en")
    bare.add_pipe("wiretrace_claims")
    missing = bare.analyze_pipes(pretty=False)["problems"]["wiretrace_claims"]
    assert {"doc._.attributions", "doc._.times", "token.dep"} <= set(missing)
    assert Doc.has_extension("claims") and Doc.has_extension("claim_context")


def test_claims_survive_doc_to_bytes(nlp_with_claims):
    doc = nlp_with_claims.make_doc("The fire chief said two houses burned in Boston on Monday.")
    doc._.claim_context = ClaimContext(article_id=ARTICLE_ID, outlet=OUTLET)
    doc = nlp_with_claims(doc)
    again = Doc(nlp_with_claims.vocab).from_bytes(doc.to_bytes())
    assert again._.claims == doc._.claims and again._.claims
    assert again._.claim_context == doc._.claim_context
