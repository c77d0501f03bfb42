"""Clause splitting: one proposition per clause, on sentences parsed by the small English model, plus rule
logic on hand-built Docs and invariants on random sub-spans (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Span

from wiretrace.errors import WiretraceError
from wiretrace.extract.clauses import Clause, ClauseOptions, clauses
from wiretrace.extract.model import blank_english, load_english


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


def split(nlp: Language, text: str, options: ClauseOptions | None = None) -> list[str]:
    doc = nlp(text)
    return [c.text for c in clauses(doc[:], options=options)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # coordinated finite clauses
        ("Floodwaters rose overnight and two bridges collapsed.",
         ["Floodwaters rose overnight", "two bridges collapsed"]),
        ("Police fired tear gas, but the crowd did not disperse.",
         ["Police fired tear gas", "the crowd did not disperse"]),
        ("Officials counted the ballots, and results are expected tomorrow.",
         ["Officials counted the ballots", "results are expected tomorrow"]),
        ("Rain fell all day and the roads were closed, but the trains kept running.",
         ["Rain fell all day", "the roads were closed", "the trains kept running"]),
        # comma splices (and a semicolon)
        ("An operation continues in the city, explosions are heard.",
         ["An operation continues in the city", "explosions are heard"]),
        ("Turnout was low, the count is continuing.", ["Turnout was low", "the count is continuing"]),
        ("Nobody was hurt; the building was evacuated.", ["Nobody was hurt", "the building was evacuated"]),
        ("There were clashes, police used tear gas.", ["There were clashes", "police used tear gas"]),
        # verb phrases sharing a subject
        ("The square was cordoned off by soldiers and fired at the crowd.",
         ["The square was cordoned off by soldiers", "fired at the crowd"]),
        ("Residents demand new elections, oppose the reform.",
         ["Residents demand new elections", "oppose the reform"]),
        ("Rescuers searched the rubble, found three survivors.",
         ["Rescuers searched the rubble", "found three survivors"]),
        ("Protesters gathered in the square, chanted slogans and marched to parliament.",
         ["Protesters gathered in the square", "chanted slogans", "marched to parliament"]),
        # non-restrictive relative clauses
        ("Troops left the palace, which had been occupied by protesters earlier.",
         ["Troops left the palace", "which had been occupied by protesters earlier"]),
        ("Police arrested the organiser, whose brother had been detained earlier.",
         ["Police arrested the organiser", "whose brother had been detained earlier"]),
        ("Aid workers reached the town, where food was distributed.",
         ["Aid workers reached the town", "where food was distributed"]),
        ("Troops left the palace, which had been occupied by protesters, and moved to the airport.",
         ["Troops left the palace", "which had been occupied by protesters", "moved to the airport"]),
        # concessive and contrastive clauses
        ("The town was calm in the morning, although two cars had been burned.",
         ["The town was calm in the morning", "two cars had been burned"]),
        ("Although the river had receded, hundreds of homes remained flooded.",
         ["the river had receded", "hundreds of homes remained flooded"]),
        ("The storm hit the coast, whereas the interior was spared.",
         ["The storm hit the coast", "the interior was spared"]),
        ("The capital stayed quiet, while the north saw fierce clashes.",
         ["The capital stayed quiet", "the north saw fierce clashes"]),
        ("The dam held, even though the river rose by two metres.", ["The dam held", "the river rose by two metres"]),
        # headlines and fragments
        ("Cleanup of the capital: scores of victims reported",
         ["Cleanup of the capital", "scores of victims reported"]),
        ("Floods in the north: thousands evacuated", ["Floods in the north", "thousands evacuated"]),
        ("Heavy rain across the region", ["Heavy rain across the region"]),
        ("Update: police say the road is open.", ["Update: police say the road is open"]),
        ("Police listed their demands: new elections and a free press.",
         ["Police listed their demands: new elections and a free press"]),
        # what stays inside its clause
        ("The men who fled were arrested.", ["The men who fled were arrested"]),
        ("The mayor, who arrived on Monday, promised aid.", ["The mayor, who arrived on Monday, promised aid"]),
        ("Protesters tried to storm the building.", ["Protesters tried to storm the building"]),
        ("The electoral commission decided to declare the vote invalid.",
         ["The electoral commission decided to declare the vote invalid"]),
        ("Voters queued for hours while officials counted ballots.",
         ["Voters queued for hours while officials counted ballots"]),
        ("Shops closed because protesters blocked the roads.", ["Shops closed because protesters blocked the roads"]),
        ("If the dam fails, the valley will flood.", ["If the dam fails, the valley will flood"]),
        ("When troops arrived, the crowd dispersed.", ["When troops arrived, the crowd dispersed"]),
        ("Protesters will march or the unions will strike.", ["Protesters will march or the unions will strike"]),
        ("Police surrounded and stormed the building.", ["Police surrounded and stormed the building"]),
        ("The river burst its banks, flooding dozens of houses.",
         ["The river burst its banks, flooding dozens of houses"]),
        ("Residents said that the water was rising.", ["Residents said that the water was rising"]),
        # quotation marks and edges
        ('He called the vote "a farce" and left the hall.', ['He called the vote "a farce"', "left the hall"]),
        ("And the bridge was closed.", ["the bridge was closed"]),
        ("...", []),
    ],
)
def test_clauses(nlp, text, expected):
    assert split(nlp, text) == expected


@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("Residents demand new elections, oppose the reform.", 1, "Residents"),
        ("The square was cordoned off by soldiers and fired at the crowd.", 1, "soldiers"),
        ("The minister was criticised by protesters and resigned.", 1, "minister"),
        ("The man was detained by police and later released.", 1, "man"),
        ("Floodwaters rose overnight and two bridges collapsed.", 1, None),
        ("Troops left the palace, which had been occupied by protesters earlier.", 1, None),
        ("Residents demand new elections, oppose the reform.", 0, None),
    ],
)
def test_borrowed_subject(nlp, text, index, expected):
    doc = nlp(text)
    clause = clauses(doc[:])[index]
    assert (doc[clause.subject].text if clause.subject is not None else None) == expected


@pytest.mark.parametrize(
    "text, heads",
    [
        ("Floodwaters rose overnight and two bridges collapsed.", ["rose", "collapsed"]),
        ("Troops left the palace, which had been occupied by protesters earlier.", ["left", "occupied"]),
        ("Heavy rain across the region", ["rain"]),
    ],
)
def test_heads_are_the_predicates(nlp, text, heads):
    doc = nlp(text)
    assert [doc[c.head].text for c in clauses(doc[:])] == heads


@pytest.mark.parametrize(
    "text",
    [
        "Shops were looted and cars were burned.",
        "Turnout was low, the count is continuing.",
        "Troops left the palace, which had been occupied by protesters earlier.",
    ],
)
def test_quotation_marks_are_just_text(nlp, text):
    assert split(nlp, f"“{text}”") == split(nlp, text)


@pytest.mark.parametrize(
    "switch, text, expected",
    [
        ("split_coordination", "Floodwaters rose overnight and two bridges collapsed.",
         ["Floodwaters rose overnight and two bridges collapsed"]),
        ("split_comma_splices",
         "Turnout was low, the count is continuing.", ["Turnout was low, the count is continuing"]),
        ("split_shared_subject", "Residents demand new elections, oppose the reform.",
         ["Residents demand new elections, oppose the reform"]),
        ("split_relatives", "Troops left the palace, which had been occupied by protesters earlier.",
         ["Troops left the palace, which had been occupied by protesters earlier"]),
        ("split_concessives", "The storm hit the coast, whereas the interior was spared.",
         ["The storm hit the coast, whereas the interior was spared"]),
        ("split_colons", "Floods in the north: thousands evacuated", ["Floods in the north: thousands evacuated"]),
    ],
)
def test_each_rule_can_be_switched_off(nlp, switch, text, expected):
    assert split(nlp, text, ClauseOptions(**{switch: False})) == expected


def test_disjunctions_split_on_request(nlp):
    options = ClauseOptions(split_disjunctions=True)
    assert split(nlp, "Protesters will march or the unions will strike.", options) == [
        "Protesters will march", "the unions will strike"
    ]


def test_agent_subject_can_be_switched_off(nlp):
    doc = nlp("The square was cordoned off by soldiers and fired at the crowd.")
    second = clauses(doc[:], options=ClauseOptions(agent_subject=False))[1]
    assert second.subject is not None and doc[second.subject].text == "square"


def test_a_content_span_keeps_its_offsets(nlp):
    doc = nlp("Witnesses said shops were looted and cars were burned in the centre.")
    content = doc[2:-1]
    found = clauses(content)
    assert [c.text for c in found] == ["shops were looted", "cars were burned in the centre"]
    assert all(c.text == doc.text[c.start : c.end] for c in found)
    assert found[0].start == doc[2].idx


def test_an_unparsed_doc_is_refused():
    doc = blank_english()("Rain fell and roads closed.")
    with pytest.raises(WiretraceError, match="no dependency parse"):
        clauses(doc[:])


# --- rule logic on hand-built Docs (independent of the model's parses) -------------------------------------


def build(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str]) -> Doc:
    return Doc(blank_english().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_fronted_complement_after_a_comma_is_a_splice():
    # "Banks shut , markets fell" with "shut" filed as a complement of "fell"
    doc = build(
        ["Banks", "shut", ",", "markets", "fell"],
        [1, 4, 4, 4, 4],
        ["nsubj", "ccomp", "punct", "nsubj", "ROOT"],
        ["NOUN", "VERB", "PUNCT", "NOUN", "VERB"],
        ["NNS", "VBD", ",", "NNS", "VBD"],
    )
    assert [(c.text, doc[c.head].text) for c in clauses(doc[:])] == [("Banks shut", "shut"), ("markets fell", "fell")]


def test_complement_after_its_verb_stays():
    # "Banks said markets fell"
    doc = build(
        ["Banks", "said", "markets", "fell"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp"],
        ["NOUN", "VERB", "NOUN", "VERB"],
        ["NNS", "VBD", "NNS", "VBD"],
    )
    assert [c.text for c in clauses(doc[:])] == ["Banks said markets fell"]


def test_that_relative_is_restrictive():
    # "Police found the car , that burned" (a that-relative restricts, comma or not)
    doc = build(
        ["Police", "found", "the", "car", ",", "that", "burned"],
        [1, 1, 3, 1, 3, 6, 3],
        ["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "relcl"],
        ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PRON", "VERB"],
        ["NNS", "VBD", "DT", "NN", ",", "WDT", "VBD"],
    )
    assert len(clauses(doc[:])) == 1


# --- invariants on random sub-spans ------------------------------------------------------------------------

OWN_TEXTS = (
    "Floods hit the north: thousands evacuated. The river, which rose overnight, burst its banks and two bridges "
    "collapsed, officials said. “Shops were looted,” a witness told reporters, “and cars burned.” Although aid "
    "arrived, residents demand new elections, oppose the reform and march daily.",
    "Police fired tear gas, but the crowd did not disperse; several people were injured when troops arrived. "
    "The square was cordoned off by soldiers and fired at the crowd, whereas the suburbs stayed calm (for now).",
)


@pytest.fixture(scope="module")
def docs(nlp: Language, examples_dir: Path) -> list[Doc]:
    texts = list(OWN_TEXTS) + [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]
    return [nlp(text) for text in texts]


def check_invariants(span: Span, found: list[Clause]) -> None:
    doc = span.doc
    previous_end = span.start_char
    for clause in found:
        assert span.start_char <= previous_end <= clause.start < clause.end <= span.end_char
        assert clause.text == doc.text[clause.start : clause.end]
        assert any(ch.isalnum() for ch in clause.text)
        assert clause.start <= doc[clause.head].idx < clause.end
        assert clause.subject is None or 0 <= clause.subject < len(doc)
        previous_end = clause.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_sub_spans_keep_the_invariants(docs, data):
    doc = data.draw(st.sampled_from(docs))
    start = data.draw(st.integers(0, len(doc)))
    end = data.draw(st.integers(start, min(len(doc), start + 80)))
    span = doc[start:end]
    found = clauses(span)
    check_invariants(span, found)
    if found:
        assert found[0].start >= span.start_char
    elif any(t.is_alpha and t.dep_ != "cc" for t in span):
        pytest.fail(f"no clause for {span.text!r}")
