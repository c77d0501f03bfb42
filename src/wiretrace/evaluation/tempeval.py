"""Reading the TempEval-3 evaluation files: raw inputs (``*.TE3input``) and gold TimeML (``*.tml``).

Each input holds a document creation time (DCT) and the plain text of its ``<TEXT>`` element; each gold
file holds the same text with ``<TIMEX3>`` (and ``<EVENT>``, ``<SIGNAL>``) tags inside. Files are paired
by their ``<DOCID>``, never by file name: in the platinum set one input file name is spelt differently
from its gold file. Gold offsets are character offsets into the gold text with the tags removed, which
is checked to equal the input text (TempEval-3 byte-aligned them).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wiretrace.errors import DataError


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: its character range in the document text and its TimeML attributes."""

    start: int
    end: int
    text: str
    timex_type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TempEvalDoc:
    """One document: id, creation date, the text systems read, and the gold TIMEX3s in it."""

    doc_id: str
    dct: date
    text: str
    timexes: tuple[GoldTimex, ...]


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise DataError(f"{path.name}: not readable TimeML ({exc})") from exc


def _child(root: ET.Element, tag: str, path: Path) -> ET.Element:
    node = root.find(tag)
    if node is None:
        raise DataError(f"{path.name}: no <{tag}> element; is this a TempEval-3 file?")
    return node


def _dct(root: ET.Element, path: Path) -> date:
    timex = _child(root, "DCT", path).find("TIMEX3")
    value = timex.get("value", "") if timex is not None else ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise DataError(f"{path.name}: DCT value {value!r} is not a date") from exc


def _walk(node: ET.Element, parts: list[str], found: list[GoldTimex]) -> None:
    """Append the text under ``node`` to ``parts``, recording each TIMEX3 with its offsets."""
    start = sum(map(len, parts))
    if node.text:
        parts.append(node.text)
    for child in node:
        _walk(child, parts, found)
        if child.tail:
            parts.append(child.tail)
    if node.tag == "TIMEX3":
        text = "".join(node.itertext())
        found.append(
            GoldTimex(start, start + len(text), text, node.get("type", ""), node.get("value", ""), node.get("mod"))
        )


def read_gold(path: Path) -> TempEvalDoc:
    """One gold ``.tml`` file: its text with tags removed and the TIMEX3s inside ``<TEXT>``."""
    root = _parse(path)
    parts: list[str] = []
    found: list[GoldTimex] = []
    _walk(_child(root, "TEXT", path), parts, found)
    doc_id = (_child(root, "DOCID", path).text or "").strip()
    return TempEvalDoc(doc_id, _dct(root, path), "".join(parts), tuple(found))


def read_input(path: Path) -> TempEvalDoc:
    """One ``.TE3input`` file: document id, creation date and the plain text (no gold)."""
    root = _parse(path)
    text = "".join(_child(root, "TEXT", path).itertext())
    doc_id = (_child(root, "DOCID", path).text or "").strip()
    return TempEvalDoc(doc_id, _dct(root, path), text, ())


def read_tempeval(data_dir: Path) -> Iterator[tuple[TempEvalDoc, TempEvalDoc]]:
    """Pairs ``(input, gold)`` of a TempEval-3 folder with ``input/`` and ``gold/``, sorted by DOCID."""
    input_dir, gold_dir = data_dir / "input", data_dir / "gold"
    if not input_dir.is_dir() or not gold_dir.is_dir():
        raise DataError(
            f"{data_dir}: TempEval-3 data not found (expected input/*.TE3input and gold/*.tml); "
            "put the set at ../shared/data/time/tempeval3 beside the repository or pass its folder"
        )
    gold = {doc.doc_id: doc for doc in map(read_gold, sorted(gold_dir.glob("*.tml")))}
    inputs = {doc.doc_id: doc for doc in map(read_input, sorted(input_dir.glob("*.TE3input")))}
    missing = sorted(set(gold) ^ set(inputs))
    if missing or not gold:
        raise DataError(f"{data_dir}: inputs and gold files do not pair by DOCID (unpaired: {missing or 'none found'})")
    for doc_id in sorted(gold):
        source, truth = inputs[doc_id], gold[doc_id]
        if source.text != truth.text:
            raise DataError(f"{data_dir}: {doc_id}: the input text differs from the gold text with tags removed")
        yield source, truth
