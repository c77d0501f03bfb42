"""``wiretrace eval attribution``: the PolNeAR reader, the span scorer, and a smoke run on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiretrace.errors import DataError
from wiretrace.evaluation.attribution import (
    Scorer,
    evaluate_attribution,
    normalise,
    textacy_triples,
    wiretrace_triples,
)
from wiretrace.evaluation.polnear import iter_articles, parse_ann
from wiretrace.extract.model import load_english

TEXT = 'Rain is due, the forecaster said. "Stay home," police urged, and "keep off the roads."'
ANN = "\n".join(
    [
        "T1\tContent 0 11\tRain is due",
        "T2\tSource 13 27\tthe forecaster",
        "T3\tCue 28 32\tsaid",
        "T4\tAttribution 28 32\tsaid",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        "T5\tContent 34 46;65 86\t\"Stay home,\" \"keep off the roads.\"",
        "T6\tSource 47 53\tpolice",
        "T7\tCue 54 59\turged",
        "T8\tAttribution-no-source 54 59\turged",
        "E2\tAttribution-no-source:T8 Cue:T7 Content:T5 Source:T6",
        "T9\tDiscuss 0 4\tRain",
        "#1\tAnnotatorNotes T9\ta note",
    ]
)


def test_parse_ann_reads_roles_and_fragments():
    first, second = parse_ann(ANN)
    assert (first.source, first.cue, first.content) == (((13, 27),), ((28, 32),), ((0, 11),))
    assert second.content == ((34, 46), (65, 86))
    assert TEXT[65:86] == '"keep off the roads."'


def write_split(root: Path, split: str, files: dict[str, str]) -> None:
    for name, content in files.items():
        folder = root / split / ("text" if name.endswith(".txt") else "attributions")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content, encoding="utf-8")


def test_iter_articles_takes_the_first_annotator_file(tmp_path):
    write_split(tmp_path, "dev", {"a.txt": TEXT, "a_0001.ann": ANN, "a_0002.ann": "", "b.txt": "no file"})
    (article,) = iter_articles(tmp_path, "dev")
    assert article.name == "a"
    assert len(article.attributions) == 2


def test_missing_folder_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="--data"):
        list(iter_articles(tmp_path / "nowhere", "dev"))


@pytest.mark.parametrize(
    "fragments, expected",
    [
        (((0, 12),), ((0, 11),)),  # the trailing comma goes
        (((33, 47),), ((35, 44),)),  # the quotation marks and the comma go
        (((0, 11), (13, 27)), ((0, 27),)),  # fragments separated by ", " join
        (((32, 34),), ()),  # nothing but punctuation and space
    ],
)
def test_normalise(fragments, expected):
    assert normalise(TEXT, fragments) == expected


def score(gold: list[dict], predicted: list[dict]) -> dict:
    scorer = Scorer()
    scorer.add(TEXT, gold, predicted)
    return scorer.score().details


def test_exact_and_overlap_matching():
    gold = [{"source": ((13, 27),), "cue": ((28, 32),), "content": ((0, 11),)}]
    near = [{"source": ((17, 27),), "cue": ((28, 32),), "content": ((0, 4), (5, 11))}]
    details = score(gold, near)
    assert details["source"]["exact"]["f1"] == 0.0
    assert details["source"]["overlap"]["f1"] == 1.0  # "forecaster" against "the forecaster": Jaccard 1/2
    assert details["content"]["exact"]["f1"] == 1.0  # two fragments with only a space between are one
    far = [{"source": ((47, 53),), "cue": (), "content": ()}]
    assert score(gold, far)["source"]["overlap"]["recall"] == 0.0


def test_one_prediction_matches_one_gold_span():
    gold = [{"source": ((13, 27),)}, {"source": ((17, 27),)}]
    predicted = [{"source": ((13, 27),)}]
    details = score(gold, predicted)
    assert details["source"]["overlap"]["precision"] == 1.0
    assert details["source"]["overlap"]["recall"] == 0.5


@pytest.fixture(scope="module")
def nlp():
    return load_english()


def test_relayed_record_is_scored_as_its_outer_attribution(nlp):
    text = "A police spokeswoman said that the fire was not arson, the local newspaper reported."
    (triple,) = wiretrace_triples(nlp(text))
    assert text[slice(*triple["source"][0])] == "the local newspaper"
    assert text[slice(*triple["content"][0])] == "A police spokeswoman said that the fire was not arson"


def test_textacy_gives_up_on_a_stray_mark(nlp):
    text = 'He said "we will.\n\n"It is calm," said the tired old witness at the gate.'
    assert textacy_triples(nlp(text)) is None
    assert len(list(wiretrace_triples(nlp(text)))) == 2


def test_polnear_smoke(shared_dir, nlp):
    report = evaluate_attribution(shared_dir / "data" / "attribution" / "polnear", limit=3, nlp=nlp)
    data = report.as_dict()
    assert data["task"] == "attribution" and data["n"] == 3
    assert set(data["results"]) == {"wiretrace", "textacy"}
    for result in data["results"].values():
        assert set(result["details"]) == {"source", "cue", "content", "documents_given_up"}
        assert set(result["details"]["source"]) == {"exact", "overlap"}
        assert result["f1"] == result["details"]["source"]["overlap"]["f1"]
    assert data["results"]["wiretrace"]["f1"] > data["results"]["textacy"]["f1"]


# Floors a change may not lower without saying so: the dev figures when they were pinned, rounded down.
DEV_FLOORS = {"source": 0.75, "cue": 0.71, "content": 0.67}


@pytest.mark.slow
def test_polnear_dev_floors(shared_dir, nlp):
    details = evaluate_attribution(shared_dir / "data" / "attribution" / "polnear", nlp=nlp).as_dict()["results"]
    for role, floor in DEV_FLOORS.items():
        ours = details["wiretrace"]["details"][role]["overlap"]["f1"]
        assert ours >= floor, f"{role} overlap F1 {ours} fell below {floor}"
        assert ours > details["textacy"]["details"][role]["overlap"]["f1"]
