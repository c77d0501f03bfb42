"""The spaCy components: each gives what its plain function gives, and its records survive serialisation.

Sentences, places and dates are written for these tests (place names are real cities and countries the
seed reports do not mention, or invented ones that must resolve to nothing).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from wiretrace.errors import WiretraceError
from wiretrace.extract.components import (
    decode_record,
    encode_record,
    ensure_doc_extension,
    might_contain_place,
    paragraph_sentences,
)
from wiretrace.extract.factuality import FactualityOptions, factuality_of
from wiretrace.extract.nlp import load_pipeline
from wiretrace.extract.places import places
from wiretrace.extract.quantities import might_contain_quantity, quantities
from wiretrace.extract.timex import TimexOptions, find_times

ANCHOR = datetime(2021, 6, 15, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def blank():
    """A blank pipeline to hold components built with a non-default config."""
    return spacy.blank("en")


def _run(nlp, text: str, anchor: datetime | None = None, zone=None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published_at = anchor
    doc._.timezone = zone
    [doc] = nlp.pipe([doc])
    return doc


# ---- paragraphs ----------------------------------------------------------------------------------

# (text, the tokens paragraph_sentences marks as sentence starts)
PARAGRAPHS = [
    ("Ferries stopped on Tuesday\n\nThe harbour reopened", ["The"]),
    ("one line\ntwo lines\n\n\nthree lines", ["two", "three"]),
    ("No break here. Not even after a period.", []),
    ("\n\nLeading break only", []),
    ("Trailing break only\n\n", []),
    ("A list:\n - first\n - second", ["-", "-"]),
]


@pytest.mark.parametrize("text, expected", PARAGRAPHS)
def test_paragraph_component_marks_the_token_after_each_line_break(nlp, text, expected):
    doc = paragraph_sentences(nlp.make_doc(text))
    assert [t.text for t in doc[1:] if t.is_sent_start] == expected


def test_sentence_ends_at_a_paragraph_break_without_a_period(nlp):
    text = "Officials met in Varnholt on Tuesday\n\nThe talks ended without a deal."
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == ["Officials met in Varnholt on Tuesday", "The talks ended without a deal."]


# ---- times ---------------------------------------------------------------------------------------

# (text, TIMEX3 values against ANCHOR, a Tuesday)
TIMES = [
    ("The ferry to Vell Island sank yesterday.", ["2021-06-14"]),
    ("Talks will resume on Friday, the envoy says.", ["2021-06-18"]),
    ("Prices rose 4 percent in March 2019.", ["2019-03"]),
    ("The dam was finished three years ago.", ["2018"]),
]


@pytest.mark.parametrize("text, values", TIMES)
def test_times_match_find_times_with_the_doc_anchor(nlp, text, values):
    doc = _run(nlp, text, ANCHOR)
    assert doc._.times == find_times(text, anchor=ANCHOR)
    assert [t.value for t in doc._.times] == values


def test_times_use_the_doc_timezone(nlp):
    late = datetime(2021, 6, 15, 23, 30, tzinfo=timezone.utc)  # already the 16th in Tokyo
    zone = ZoneInfo("Asia/Tokyo")
    doc = _run(nlp, "The bridge closed yesterday.", late, zone)
    assert doc._.times == find_times(doc.text, anchor=late, tz=zone)
    assert [t.value for t in doc._.times] == ["2021-06-15"]


def test_times_without_anchor_are_unresolved(nlp):
    doc = _run(nlp, "The bridge closed yesterday.")
    assert [(t.text, t.resolved) for t in doc._.times] == [("yesterday", False)]


def test_times_config_reaches_the_options(nlp, blank):
    component = blank.add_pipe("wiretrace_times", name="times_strict", config={"include_vague": False})
    assert component.options == TimexOptions(include_vague=False)
    doc = _run(nlp, "Earlier, the mayor said the road was shut.", ANCHOR)
    assert [t.text for t in doc._.times] == ["Earlier"]
    assert component(doc)._.times == []


def test_times_refuse_a_published_at_that_is_not_a_datetime(nlp):
    doc = nlp.make_doc("The bridge closed yesterday.")
    doc._.published_at = "2021-06-15"
    with pytest.raises(WiretraceError, match="published_at"):
        nlp.get_pipe("wiretrace_times")(doc)


# ---- quantities ----------------------------------------------------------------------------------

# (text, [(min, max, unit)])
QUANTITIES = [
    ("Some 40 buses had been burned near the depot.", [(40, 40, "buses")]),
    ("Between 200 and 300 workers marched to the port.", [(200, 300, "workers")]),
    ("Dozens of fishermen were detained.", [(24, 99, "fishermen")]),
]


@pytest.mark.parametrize("text, expected", QUANTITIES)
def test_quantities_match_the_function(nlp, text, expected):
    doc = _run(nlp, text)
    assert doc._.quantities == quantities(doc)
    assert [(q.min, q.max, q.unit) for q in doc._.quantities] == expected


@pytest.mark.parametrize("text", ["The committee met again and adjourned.", "Nobody was hurt, the mayor said."])
def test_text_without_numbers_has_no_quantities(nlp, text):
    assert not might_contain_quantity(text)
    assert _run(nlp, text)._.quantities == []


# ---- places --------------------------------------------------------------------------------------

# (text, canonical place names)
PLACES = [
    ("Protesters gathered in Bergen and later in Oslo.", ["Bergen", "Oslo"]),
    ("Flights from Lyon to Portugal were cancelled.", ["Lyon", "Portugal"]),
    ("Residents of Varnholt said nothing had changed.", []),
    ("the storm passed over the valley.", []),
]


@pytest.mark.parametrize("text, names", PLACES)
def test_places_match_the_function(nlp, text, names):
    doc = _run(nlp, text)
    assert doc._.places == places(doc)
    assert [m.place.name for m in doc._.places] == names


@pytest.mark.parametrize("text", ["the storm passed over the valley.", "the ferry left and the crowd went home."])
def test_place_prefilter_skips_only_texts_places_cannot_read(nlp, text):
    doc = _run(nlp, text)
    assert not might_contain_place(doc)
    assert places(doc) == []


def test_places_config_reaches_the_options(blank):
    component = blank.add_pipe(
        "wiretrace_places", name="places_custom", config={"prepositions": ["in"], "min_city_population": 15000}
    )
    assert component.options.prepositions == frozenset({"in"})
    assert component.options.min_city_population == 15000


def test_places_config_rejects_a_population_floor_without_a_city_list(blank):
    with pytest.raises(WiretraceError, match="min_city_population"):
        blank.add_pipe("wiretrace_places", name="places_bad", config={"min_city_population": 1234})


# ---- factuality ----------------------------------------------------------------------------------

# (text, (start, end) of the claim span in tokens, label)
FACTUALITY = [
    ("The port authority denied that the crane had collapsed.", (4, 9), "denied"),
    ("The crane may have collapsed overnight.", (0, 6), "hedged"),
    ("The crane did not collapse.", (0, 5), "negated"),
    ("The crane collapsed on Monday.", (0, 5), "asserted"),
]


@pytest.mark.parametrize("text, bounds, label", FACTUALITY)
def test_factuality_getter_matches_the_function(nlp, text, bounds, label):
    doc = _run(nlp, text)
    span = doc[bounds[0] : bounds[1]]
    assert span._.factuality == factuality_of(span, context=doc)
    assert span._.factuality.label == label


def test_factuality_config_travels_on_the_doc(nlp, blank):
    doc = _run(nlp, "The minister said the plant would close.")
    assert doc[:]._.factuality.label == "asserted"
    component = blank.add_pipe("wiretrace_factuality", name="factuality_would", config={"would_is_hedge": True})
    component(doc)
    assert doc._.factuality_options == FactualityOptions(would_is_hedge=True)
    assert doc[:]._.factuality.label == "hedged"


# ---- extensions ----------------------------------------------------------------------------------


def test_an_existing_value_extension_is_reused():
    Doc.set_extension("wt_test_value", default=7)
    try:
        ensure_doc_extension("wt_test_value")
        assert Doc.get_extension("wt_test_value")[0] == 7
    finally:
        Doc.remove_extension("wt_test_value")


def test_an_existing_read_only_extension_is_an_error():
    Doc.set_extension("wt_test_read_only", getter=lambda doc: 1)
    try:
        with pytest.raises(WiretraceError, match="wt_test_read_only"):
            ensure_doc_extension("wt_test_read_only")
    finally:
        Doc.remove_extension("wt_test_read_only")


# ---- serialisation -------------------------------------------------------------------------------


def test_records_survive_doc_to_bytes(nlp):
    text = "Police in Lyon said about 30 cars were burned yesterday.\n\n“It is over,” the mayor said."
    doc = _run(nlp, text, ANCHOR, ZoneInfo("Europe/Paris"))
    doc._.year_hint = 2021
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    names = ("published_at", "timezone", "year_hint", "times", "quantities", "places", "attributions")
    for name in (*names, "attribution_defects", "factuality_options"):
        assert getattr(again._, name) == getattr(doc._, name), name
    assert all(getattr(doc._, name) for name in names)  # the check above compared something
    assert again._.timezone is ZoneInfo("Europe/Paris")
    assert again[:]._.factuality == doc[:]._.factuality


ZONES = st.sampled_from([None, timezone.utc, timezone(timedelta(hours=5, minutes=45)), ZoneInfo("America/Santiago")])


@settings(max_examples=200, deadline=None)
@given(moment=st.datetimes(timezones=ZONES))
def test_datetimes_round_trip(moment):
    back = decode_record(encode_record(moment))
    assert back == moment
    assert back.utcoffset() == moment.utcoffset()
    assert back.tzinfo == moment.tzinfo


def test_a_tagged_dict_naming_another_class_stays_a_dict():
    data = {"__wiretrace__": "Path", "fields": {"x": 1}}
    assert decode_record(data) == data


def test_values_msgpack_knows_are_left_to_it():
    assert encode_record(object()) is not None  # returned unchanged, so msgpack raises as before
    with pytest.raises(TypeError):
        Doc(spacy.blank("en").vocab, words=["x"], user_data={("._.", "v", None, None): object()}).to_bytes()
