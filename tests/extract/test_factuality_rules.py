"""Claim factuality rules, on sentences written for these tests (none from the seeds or the gold set).

Each case gives the sentence, the expected label and cue words that must appear among the returned cues
(each expected cue a substring of one returned cue, so "could not be verified" satisfies "not be verified").
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from wiretrace.extract.factuality import Factuality, FactualityOptions, factuality_of
from wiretrace.extract.model import load_english


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


CASES = [
    # asserted: the default, announced measures and warnings included
    ("The company opened a new plant in Ohio last year.", "asserted", ()),
    ("The government will raise fuel prices next month.", "asserted", ()),
    ("Officials warned that the roads will be closed on Sunday.", "asserted", ()),
    ("The Senate confirmed the nominee on Tuesday.", "asserted", ()),
    ("The judge denied bail to the suspect.", "asserted", ()),
    ("The suspect was denied bail.", "asserted", ()),
    ("The council rejected the proposal to build a stadium.", "asserted", ()),
    ("The alleged gunman was arrested on Friday.", "asserted", ()),
    ("She was dismissed from her job in March.", "asserted", ()),
    ("The mayor said the company would build a second factory.", "asserted", ()),
    ("The board decided that the plant should close.", "asserted", ()),
    # hedged
    ("The suspect allegedly fired three shots.", "hedged", ("allegedly",)),
    ("Rebels reportedly seized the airport.", "hedged", ("reportedly",)),
    ("The fire was presumably caused by a short circuit.", "hedged", ("presumably",)),
    ("The old bridge may collapse.", "hedged", ("may",)),
    ("The deal is believed to be worth two billion dollars.", "hedged", ("believed",)),
    ("It is believed that the ship sank near the coast.", "hedged", ("believed",)),
    ("There is evidence that the vote was rigged.", "hedged", ("evidence",)),
    ("The minister appears to have resigned.", "hedged", ("appears",)),
    ("Prosecutors alleged that the company hid its losses.", "hedged", ("alleged",)),
    ("Two models would be discontinued.", "hedged", ("would",)),
    # negated
    ("The army did not fire on the crowd.", "negated", ("not",)),
    ("No one was injured in the blast.", "negated", ("No",)),
    ("The rebels never reached the capital.", "negated", ("never",)),
    ("Police said the driver was not drunk.", "negated", ("not",)),
    ("The union refused to sign the agreement.", "negated", ("refused",)),
    # not-confirmed
    ("The report could not be independently verified.", "not-confirmed", ("not", "verified")),
    ("The ministry did not confirm the casualty figures.", "not-confirmed", ("not confirm",)),
    ("A spokesman declined to confirm the arrests.", "not-confirmed", ("declined", "confirm")),
    ("Unconfirmed reports said the mayor had fled the city.", "not-confirmed", ("Unconfirmed",)),
    ("There is no evidence that the documents were forged.", "not-confirmed", ("no evidence",)),
    ("It is too early to confirm the cause of the fire.", "not-confirmed", ("confirm",)),
    # denied
    ("The ministry denied that troops had fired on protesters.", "denied", ("denied",)),
    ("The company dismissed the reports as baseless.", "denied", ("dismissed",)),
    ("The spokesman said the story was not true.", "denied", ("not true",)),
    ("Officials called the claims false.", "denied", ("false",)),
    ("The governor rejected the allegation that he took bribes.", "denied", ("rejected",)),
    ("The agency refuted the claim.", "denied", ("refuted",)),
    # confirmed
    ("The police confirmed that two people died.", "confirmed", ("confirmed",)),
    ("The death toll was confirmed by the health ministry.", "confirmed", ("confirmed",)),
    ("Two people died in the fire, the hospital confirmed.", "confirmed", ("confirmed",)),
    ("A source confirmed the meeting on condition of anonymity.", "asserted", ()),
    # opinion
    ("Analysts expect prices to rise next year.", "opinion", ("expect",)),
    ("The minister believes the economy will recover.", "opinion", ("believes",)),
    ("Prices are likely to rise.", "opinion", ("likely",)),
    ("The government should resign.", "opinion", ("should",)),
    ("The decision was a terrible mistake.", "opinion", ("mistake",)),
]


@pytest.mark.parametrize("text, label, cues", CASES)
def test_label_and_cues(nlp: Language, text: str, label: str, cues: tuple[str, ...]):
    doc = nlp(text)
    result = factuality_of(doc[:], context=doc)
    assert result.label == label, result
    for cue in cues:
        assert any(cue.lower() in found.lower() for found in result.cues), (cue, result.cues)
    if label == "asserted":
        assert result.cues == ()


@pytest.mark.parametrize("text, label, _", CASES)
def test_cue_spans_point_at_the_cues(nlp: Language, text: str, label: str, _):
    doc = nlp(text)
    result = factuality_of(doc[:], context=doc)
    assert len(result.cues) == len(result.cue_spans)
    for cue, (start, end) in zip(result.cues, result.cue_spans, strict=True):
        assert doc.text[start:end] == cue


# A cue in another clause must not leak into the claim: (sentence, claim or None for all of it, label).
SCOPE = [
    ("Police, who may have been mistaken, said the man was arrested.", None, "asserted"),
    ("The minister, who denied the report, said prices will rise.", None, "asserted"),
    ("After reports that he allegedly fled, the mayor returned to the city.", None, "asserted"),
    ("The firm said it would not comment, but confirmed that the plant closed.", "confirmed that the plant closed", "confirmed"),
    ("The firm said it would not comment, but confirmed that the plant closed.", "The firm said it would not comment", "negated"),
    ("The army denied shelling the town, and a spokesman said troops withdrew.", "a spokesman said troops withdrew", "asserted"),
    ("Although the figures could not be verified, the agency said 20 people died.", "the agency said 20 people died", "asserted"),
    ("Although the figures could not be verified, the agency said 20 people died.", "the figures could not be verified", "not-confirmed"),
    ("The driver, who was allegedly drunk, hit a parked car.", None, "asserted"),
    ("The driver, who was allegedly drunk, hit a parked car.", "who was allegedly drunk", "hedged"),
]  # fmt: skip


@pytest.mark.parametrize("text, claim, label", SCOPE)
def test_cue_in_another_clause_does_not_leak(nlp: Language, text: str, claim: str | None, label: str):
    doc = nlp(text)
    claim = claim or text.rstrip(".")
    start = text.index(claim)
    span = doc.char_span(start, start + len(claim), alignment_mode="expand")
    assert factuality_of(span, context=doc).label == label


# The frame above a content span decides when the context is given, and only then.
FRAMED = [
    ("The ministry denied that troops had fired on protesters.", "troops had fired on protesters", "denied"),
    ("It is believed that the ship sank near the coast.", "the ship sank near the coast", "hedged"),
    ("The hospital confirmed that two patients died.", "two patients died", "confirmed"),
    ("Analysts predict that sales will fall.", "sales will fall", "opinion"),
    ("The mayor did not say that the bridge was closed.", "the bridge was closed", "asserted"),
]


@pytest.mark.parametrize("text, content, label", FRAMED)
def test_frame_above_the_span(nlp: Language, text: str, content: str, label: str):
    doc = nlp(text)
    start = text.index(content)
    span = doc.char_span(start, start + len(content), alignment_mode="expand")
    assert factuality_of(span, context=doc).label == label
    assert factuality_of(span).label == "asserted"  # judged alone, the content is a plain statement
    outside = FactualityOptions(look_outside=False)
    assert factuality_of(span, context=doc, options=outside).label == "asserted"


def test_reporting_verb_without_its_content_is_the_act_of_saying(nlp: Language):
    doc = nlp("Analysts expected that sales would fall.")
    assert factuality_of(doc[0:2], context=doc).label == "asserted"  # "Analysts expected": that happened
    assert factuality_of(doc[:], context=doc).label == "opinion"


def test_context_must_be_the_span_doc(nlp: Language):
    doc, other = nlp("Prices rose."), nlp("Prices fell.")
    with pytest.raises(ValueError):
        factuality_of(doc[:], context=other)


def test_a_doc_is_accepted_as_the_claim(nlp: Language):
    assert factuality_of(nlp("The rebels reportedly withdrew.")).label == "hedged"


def test_empty_span_is_plain(nlp: Language):
    doc = nlp("Prices rose.")
    assert factuality_of(doc[1:1], context=doc) == Factuality("asserted")


def test_a_parsed_away_source_clause_still_frames_its_content(nlp: Language):
    # spaCy tends to cut "..., her spokesman confirms." into a sentence of its own
    doc = nlp("The singer checked into a clinic in Arizona on Monday , for what is to be a long stay , her spokesman confirms .")
    assert factuality_of(doc[:], context=doc).label == "confirmed"


def test_would_is_a_hedge_only_when_asked_inside_reported_speech(nlp: Language):
    doc = nlp("The company said it would cut 500 jobs.")
    assert factuality_of(doc[:], context=doc).label == "asserted"
    assert factuality_of(doc[:], context=doc, options=FactualityOptions(would_is_hedge=True)).label == "hedged"


def test_record_is_frozen():
    record = Factuality("hedged", ("allegedly",), ((0, 9),))
    with pytest.raises(AttributeError):
        record.label = "asserted"  # type: ignore[misc]
