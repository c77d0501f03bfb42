"""Attribution rules on sentences written for these tests (none comes from the seeds or PolNeAR).

Each table row reads as a spec: the text, then what the first (or only) attribution must hold.
The small English model parses them; it is loaded once per process (``load_english`` is cached).
"""

from __future__ import annotations

import pytest
import spacy

from wiretrace.extract.attribution import (
    Attribution,
    AttributionOptions,
    attributions,
    quote_defects,
)
from wiretrace.extract.cues import default_lexicon
from wiretrace.extract.model import load_english


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return load_english()


def found(nlp: spacy.language.Language, text: str, **options: object) -> list[Attribution]:
    return list(attributions(nlp(text), options=AttributionOptions(**options) if options else None))


def row(attribution: Attribution) -> tuple[str, str | None, str, str]:
    """(kind, source, cue, content) as plain strings; discontinuous parts joined with " | "."""
    return (
        attribution.kind,
        attribution.source.text if attribution.source else None,
        " ".join(span.text for span in attribution.cue),
        " | ".join(part.text for part in attribution.content_parts),
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        # preposed reporting verb with a that-clause
        ("The mayor said that the bridge would reopen on Friday.",
         ("indirect", "The mayor", "said", "that the bridge would reopen on Friday")),
        # postposed: the reported clause first, then the speaker and the cue
        ("The harbour was closed overnight, the coast guard reported.",
         ("indirect", "the coast guard", "reported", "The harbour was closed overnight")),
        ("The strike will continue, union leaders insist.",
         ("indirect", "union leaders", "insist", "The strike will continue")),
        # a colon after the cue
        ("The interior ministry warns: anyone found looting will be arrested.",
         ("indirect", "The interior ministry", "warns", "anyone found looting will be arrested")),
        # a direct quotation with the speaker after it; straight quotation marks
        ('"We will rebuild the market," the governor told reporters.',
         ("direct", "the governor", "told", '"We will rebuild the market,"')),
        # curly marks, a quotation over two sentences, an inverted speaker with an apposition
        ("“The water is rising. We need more boats,” said Ana Ruiz, a volunteer with the Red Cross.",
         ("direct", "Ana Ruiz, a volunteer with the Red Cross", "said", "“The water is rising. We need more boats,”")),
        # a speaker's intro sentence ending in a colon, the quotation in the next paragraph
        ("The regional governor said this:\n\n“Roads to the north are blocked. Do not travel.”",
         ("direct", "The regional governor", "said", "“Roads to the north are blocked. Do not travel.”")),
        # the cue inside the reported clause: the content is on both sides
        ("The new rules, the minister said, will take effect in March.",
         ("indirect", "the minister", "said", "The new rules | will take effect in March")),
        # a quotation continued after the cue sentence
        ('"The shelters are full," she said. "We are turning families away."',
         ("direct", "she", "said", '"The shelters are full," | "We are turning families away."')),
        # according-to
        ("According to the fire brigade, three warehouses burned down.",
         ("according-to", "the fire brigade", "According to", "three warehouses burned down")),
        # impersonal reports: no speaker
        ("It was reported that the airport had been closed.",
         ("indirect", None, "was reported", "that the airport had been closed")),
        ("Later it became known that the convoy had turned back.",
         ("indirect", None, "became known", "that the convoy had turned back")),
        ("There is information that the dam was damaged.",
         ("according-to", None, "There is information", "that the dam was damaged")),
        ("Residents reportedly fled across the river.",
         ("indirect", None, "reportedly", "Residents | fled across the river")),
        # a noun of saying with its possessor
        ("The senator’s claim that the vote was rigged drew criticism.",
         ("indirect", "The senator", "claim", "that the vote was rigged")),
        # a quotation signed with a dash; a transcript speaker before a colon
        ("“We want our jobs back.” — Maria Gomez",
         ("direct", "Maria Gomez", "—", "“We want our jobs back.”")),
        ("HOST: Tell us what happened at the border last night.",
         ("indirect", "HOST", ":", "Tell us what happened at the border last night")),
    ],
)
def test_attribution_shapes(nlp, text, expected):
    assert row(found(nlp, text)[0]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The bridge will reopen on Friday.",
        "Tell us what you saw.",  # an imperative reports nothing
        "He wants a new car.",  # want with an object is not reported speech
        "UPDATE: The bridge has reopened.",  # a heading before a colon is no speaker
        'The band played "Yesterday" twice.',  # a quoted title with no cue
    ],
)
def test_no_attribution(nlp, text):
    assert found(nlp, text) == []


@pytest.mark.parametrize(
    "text, chain",
    [
        # "X said that ..., the newspaper reported": innermost first
        ("A police spokeswoman said that the fire was not arson, the local newspaper reported.",
         ["A police spokeswoman", "the local newspaper"]),
        ("Witnesses reported two explosions near the station, the news service says.",
         ["Witnesses", "the news service"]),
        # "writes, citing ...": the cited source speaks, the writer relays
        ("The agency writes, citing the health ministry, that the hospital is full.",
         ["the health ministry", "The agency"]),
        ("Referring to the defence ministry, the agency announced that the airport had been retaken.",
         ["the defence ministry", "the agency"]),
        # a fronted poll relays what its respondents said
        ("In a poll released on Monday, most voters said the tax was unfair.",
         ["most voters", "a poll released on Monday"]),
        # an outlet the speaker told is a link of its own
        ("The mayor told the regional broadcaster Channel 9 that schools would stay shut.",
         ["The mayor", "the regional broadcaster Channel 9"]),
    ],
)
def test_relayed_attribution_is_one_chain(nlp, text, chain):
    records = found(nlp, text)
    assert len(records) == 1
    record = records[0]
    assert [record.source.text, *(relay.source.text for relay in record.relays)] == chain


def test_outer_report_with_more_content_is_kept_beside_the_nested_one(nlp):
    text = "The channel reported: the bridge is closed, traffic is diverted, and drivers say the detour is slow."
    records = found(nlp, text)
    by_source = {r.source.text: r for r in records}
    assert set(by_source) == {"The channel", "drivers"}
    assert by_source["The channel"].relays == ()
    assert [relay.source.text for relay in by_source["drivers"].relays] == ["The channel"]
    assert by_source["drivers"].content.text == "the detour is slow"


@pytest.mark.parametrize(
    "text, speaker, role",
    [
        ("Tom Baker, a spokesman for the port authority, said the cranes were damaged.",
         "Tom Baker", "spokesman for the port authority"),
        ("An official representative of the city transport department, Olga Petrova, said the trams had stopped.",
         "Olga Petrova", "official representative of the city transport department"),
        ("Spokesman for the Fire Department Ivan Sokolov told reporters that two people were injured.",
         "Ivan Sokolov", "Spokesman for the Fire Department"),
        ("A hospital spokeswoman said ten people were treated.", None, "hospital spokeswoman"),
        ("She said the trams had stopped.", None, None),
    ],
)
def test_described_speaker_keeps_name_and_role(nlp, text, speaker, role):
    record = found(nlp, text)[0]
    assert (record.speaker, record.speaker_role) == (speaker, role)


def test_unclosed_quotation_fails_locally(nlp):
    text = 'The minister said "we will act.\n\nThe roads are open, the police said.\n\n"It is calm," a witness said.'
    doc = nlp(text)
    sources = [r.source.text for r in attributions(doc)]
    assert sources == ["The minister", "the police", "a witness"]
    assert len(quote_defects(doc)) == 1


def test_offsets_point_into_the_text(nlp):
    text = "Officials said on Tuesday that the curfew, in place since May, would end."
    record = found(nlp, text)[0]
    for span in (record.source, record.content, *record.cue, *record.content_parts):
        assert text[span.start : span.end] == span.text


def test_options_switch_rules_off(nlp):
    assert found(nlp, "Residents reportedly fled across the river.", hearsay=False) == []
    lexicon = default_lexicon()
    assert found(nlp, "HOST: What happened at the border last night?", colon_speakers=False) == []
    assert found(nlp, "The harbour was closed, the coast guard grumbled.") == []
    extended = lexicon.extended(speech=frozenset({"grumble"}))
    assert row(found(nlp, "The harbour was closed, the coast guard grumbled.", lexicon=extended)[0])[2] == "grumbled"


def test_component_wraps_the_function(nlp):
    pipeline = load_english.__wrapped__(("ner",))  # a fresh pipeline: the cached one stays as it is
    pipeline.add_pipe("wiretrace_attribution")
    doc = pipeline("The harbour was closed overnight, the coast guard reported.")
    assert [row(r) for r in doc._.attributions] == [row(r) for r in attributions(doc)]
    assert doc._.attribution_defects == []
    problems = pipeline.analyze_pipes()["problems"]
    assert problems["wiretrace_attribution"] == []
