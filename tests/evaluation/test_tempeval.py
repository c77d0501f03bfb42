"""Reading TempEval-3 inputs and gold TimeML, paired by DOCID."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiretrace.errors import DataError
from wiretrace.evaluation.tempeval import read_gold, read_input, read_tempeval

GOLD = """<?xml version="1.0" ?>
<TimeML><DOCID>{doc_id}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TITLE>A title</TITLE>
<TEXT>
The talks <EVENT eid="e1" class="OCCURRENCE">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D" mod="APPROX">three days</TIMEX3> &amp; more.
</TEXT></TimeML>
"""
INPUT = """<?xml version="1.0" ?>
<TimeML><DOCID>{doc_id}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
The talks ended Friday after three days &amp; more.
</TEXT></TimeML>
"""


def write_set(root: Path, gold_id: str = "doc_a", input_id: str = "doc_a") -> Path:
    (root / "gold").mkdir(parents=True)
    (root / "input").mkdir()
    (root / "gold" / "doc_a.tml").write_text(GOLD.format(doc_id=gold_id))
    (root / "input" / "doc_alpha.tml.TE3input").write_text(INPUT.format(doc_id=input_id))  # name differs on purpose
    return root


def test_gold_offsets_point_into_the_text_without_tags(tmp_path: Path) -> None:
    doc = read_gold(write_set(tmp_path) / "gold" / "doc_a.tml")
    assert [(doc.text[t.start : t.end], t.timex_type, t.value, t.mod) for t in doc.timexes] == [
        ("Friday", "DATE", "2013-03-22", None),
        ("three days", "DURATION", "P3D", "APPROX"),
    ]
    assert str(doc.dct) == "2013-03-22"


def test_pairs_by_docid_not_file_name(tmp_path: Path) -> None:
    pairs = list(read_tempeval(write_set(tmp_path)))
    assert [(source.doc_id, gold.doc_id) for source, gold in pairs] == [("doc_a", "doc_a")]
    assert pairs[0][0].text == pairs[0][1].text == read_input(tmp_path / "input" / "doc_alpha.tml.TE3input").text


def test_unpaired_documents_are_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="do not pair by DOCID"):
        list(read_tempeval(write_set(tmp_path, input_id="doc_b")))


def test_the_shared_set_pairs_all_ten_documents(shared_dir: Path) -> None:
    pairs = list(read_tempeval(shared_dir / "data" / "time" / "tempeval3"))
    assert len(pairs) == 10
    assert sum(len(gold.timexes) for _, gold in pairs) == 81
