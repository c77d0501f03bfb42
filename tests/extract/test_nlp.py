"""The wiretrace pipeline: order, declared requirements, Doc inputs through ``nlp.pipe``, one model per process."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import spacy

from wiretrace.errors import WiretraceError
from wiretrace.extract.model import load_english
from wiretrace.extract.nlp import load_pipeline, wiretrace_pipeline

PUBLISHED = [datetime(2022, 1, 3, 8, tzinfo=timezone.utc) + timedelta(days=40 * i) for i in range(3)]
TEXTS = [
    "Police in Bergen said yesterday that about 30 cars were burned.",
    "The mayor denied that the port would close.\n\nDozens of workers marched yesterday",
    "Nothing happened yesterday, the ministry said.",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _docs(nlp):
    docs = []
    for text, published in zip(TEXTS, PUBLISHED):
        doc = nlp.make_doc(text)
        doc._.published_at = published
        docs.append(doc)
    return docs


def test_pipeline_order(nlp):
    assert nlp.pipe_names == [
        "tok2vec", "tagger", "wiretrace_paragraphs", "parser", "attribute_ruler", "lemmatizer", "ner",
        "wiretrace_attribution", "wiretrace_quantities", "wiretrace_places", "wiretrace_times",
        "wiretrace_factuality", "wiretrace_claims",
    ]  # fmt: skip


def test_analyze_pipes_finds_no_problem(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}


def test_pipeline_is_cached_and_leaves_the_shared_model_alone(nlp):
    assert load_pipeline() is nlp
    assert load_english() is not nlp
    assert not any(name.startswith("wiretrace_") for name in load_english().pipe_names)


def _yesterday(doc) -> str:
    return next(t.value for t in doc._.times if t.text == "yesterday")


def test_doc_inputs_keep_their_own_anchor_through_pipe(nlp):
    out = list(nlp.pipe(_docs(nlp), batch_size=3))
    assert [d.text for d in out] == TEXTS
    assert [d._.published_at for d in out] == PUBLISHED
    assert [_yesterday(d) for d in out] == [(p - timedelta(days=1)).date().isoformat() for p in PUBLISHED]
    assert [len(d._.quantities) for d in out] == [1, 1, 0]
    assert [m.place.name for m in out[0]._.places] == ["Bergen"]
    assert [a.kind for a in out[2]._.attributions] == ["indirect"]


def test_extension_values_survive_two_processes(nlp):
    single = list(nlp.pipe(_docs(nlp)))
    multi = list(nlp.pipe(_docs(nlp), n_process=2, batch_size=1))
    names = ("published_at", "times", "quantities", "places", "attributions", "factuality_options")
    for one, two in zip(single, multi):
        assert [getattr(two._, n) for n in names] == [getattr(one._, n) for n in names]
        assert [s.text for s in two.sents] == [s.text for s in one.sents]
    assert multi[1][4:8]._.factuality.label == "denied"  # "the port would close", under "denied"


@pytest.mark.parametrize(
    "pipes, message",
    [
        ((), "has no parser or ner pipe"),
        (("parser",), "has no ner pipe"),
        (("parser", "ner", "wiretrace_times"), "already has wiretrace_times"),
    ],
)
def test_base_without_parser_or_with_wiretrace_pipes_is_refused(pipes, message):
    base = spacy.blank("en")
    for name in pipes:
        base.add_pipe(name)
    with pytest.raises(WiretraceError, match=message):
        wiretrace_pipeline(base)
    assert base.pipe_names == list(pipes)


def test_config_rebuilds_the_same_components(nlp):
    rebuilt = spacy.util.load_model_from_config(spacy.util.load_config_from_str(nlp.config.to_str()))
    assert rebuilt.pipe_names == nlp.pipe_names
    for name in ("wiretrace_times", "wiretrace_places", "wiretrace_factuality", "wiretrace_attribution"):
        assert rebuilt.get_pipe(name).options == nlp.get_pipe(name).options, name
