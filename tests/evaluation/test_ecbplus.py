"""The ECB+ reader: text rebuilt from tokens, gold event mentions and their chains, splits and errors."""

from __future__ import annotations

import pytest
from ecbplus_samples import document_xml, write_corpus

from wiretrace.errors import DataError
from wiretrace.evaluation.ecbplus import read_ecbplus

FLOOD = [
    ["http", ":", "/", "/", "example", ".", "org", "/", "flood"],
    ["River", "floods", "town"],
    ["The", "mayor", "'s", "office", "said", "``", "water", "rose", "''", "overnight", "."],
    ["Rescuers", "evacuated", "200", "people", "and", "the", "evacuation", "continued", "."],
]
# tokens: 1-9 URL, 10-12, 13-23, 24-32
FLOOD_MENTIONS = [
    ("1", "ACTION_OCCURRENCE", [11]),        # floods (sentence 1)
    ("2", "ACTION_REPORTING", [17]),         # said (sentence 2, not selected)
    ("3", "ACTION_OCCURRENCE", [25]),        # evacuated
    ("4", "ACTION_OCCURRENCE", [30]),        # evacuation
    ("5", "NEG_ACTION_OCCURRENCE", [31]),    # continued: a singleton
    ("6", "HUMAN_PART_PER", [24]),           # Rescuers: not an event
]


@pytest.fixture()
def corpus(tmp_path):
    documents = {
        "7_1ecbplus": document_xml("7_1ecbplus", FLOOD, FLOOD_MENTIONS,
                                   cross=[("ACT_FLOOD", ["1"]), ("ACT_EVAC", ["3"])], intra=[["4"]]),
        "7_2ecb": document_xml("7_2ecb", [["Floods", "hit", "the", "valley", "."]], [("1", "ACTION_OCCURRENCE", [2])],
                               cross=[("ACT_FLOOD", ["1"])]),
    }
    clusters = [
        {"doc": "7_1ecbplus", "topic": "7", "subtopic": "7_ecbplus", "split": "dev"},
        {"doc": "7_2ecb", "topic": "7", "subtopic": "7_ecb", "split": "train"},
    ]
    selected = [("7", "1ecbplus", 1), ("7", "1ecbplus", 3), ("7", "2ecb", 0)]
    return write_corpus(tmp_path, documents, clusters, selected)


def test_text_is_rebuilt_without_the_url_line(corpus):
    (document,) = read_ecbplus(corpus, "dev")
    assert document.text.splitlines() == [
        "River floods town",
        'The mayor\'s office said "water rose" overnight.',
        "Rescuers evacuated 200 people and the evacuation continued.",
    ]
    assert 0 not in document.sentences
    start, end = document.sentences[2]
    assert document.text[start:end].startswith("The mayor's")


def test_mentions_are_events_of_the_selected_sentences_with_their_chains(corpus):
    (document,) = read_ecbplus(corpus, "dev")
    found = {m.text: m.chain for m in document.mentions}
    assert found == {
        "floods": "ACT_FLOOD",
        "evacuated": "ACT_EVAC",
        "evacuation": "7_1ecbplus/intra/800",
        "continued": "7_1ecbplus/singleton/5",
    }
    assert all(document.text[m.start:m.end] == m.text for m in document.mentions)


def test_a_chain_spans_documents_through_its_instance(corpus):
    documents = read_ecbplus(corpus, "all")
    assert [d.name for d in documents] == ["7_1ecbplus", "7_2ecb"]
    floods = [m for d in documents for m in d.mentions if m.chain == "ACT_FLOOD"]
    assert {m.doc for m in floods} == {"7_1ecbplus", "7_2ecb"}
    assert {d.story for d in documents} == {"7_ecb", "7_ecbplus"}


def test_an_absent_split_names_the_ones_present(corpus):
    with pytest.raises(DataError, match="no document in split 'test'.*dev, train"):
        read_ecbplus(corpus, "test")


@pytest.mark.parametrize("split", ["validation", ""])
def test_an_unknown_split_is_refused(corpus, split):
    with pytest.raises(DataError, match="unknown ECB\\+ split"):
        read_ecbplus(corpus, split)


def test_a_missing_folder_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="doc_clusters.csv"):
        read_ecbplus(tmp_path / "nowhere")


def test_the_shared_corpus_reads_as_documented(shared_dir):
    documents = read_ecbplus(shared_dir / "data" / "clustering" / "ecbplus", "dev")
    assert len(documents) == 197
    assert len({d.story for d in documents}) == 16
    mentions = [m for d in documents for m in d.mentions]
    assert len(mentions) > 1000
    assert all(d.text[m.start:m.end] == m.text for d in documents for m in d.mentions)
    assert not any(d.text.startswith("http") for d in documents)
