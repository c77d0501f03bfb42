"""The claim-pair gold set: pairs of sentences resolved from ``../shared/data``, with their relation.

The set lives in ``tests/data/claim_pairs/`` (``test.jsonl`` frozen before tuning, ``dev.jsonl``; its
README gives sources, licences, method and label definitions). One JSON record a line:

    {"id", "label", "a": {side}, "b": {side}, "note"}
    side = {"text", "source_file", "sha256", "format", "start", "end", "published"?}

Both sources are CC BY, so each side carries its sentence verbatim; the loader still resolves the pointer
and checks it: the file's sha256 first (a changed file is an error, never a silent shift), then the
sentence at the offsets must equal ``text``. Formats: "ecbplus-xml" (as in the factuality gold set:
``<token>`` elements joined by single spaces) and "meantime-conll" (the token column of the CoNLL lines
between the offsets, joined by single spaces). ``published`` is an ISO date that anchors relative times.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wiretrace.errors import DataError
from wiretrace.evaluation.factuality_gold import read_records, resolve_sentence

__all__ = ["LABELS", "ClaimPair", "PairSide", "detokenize", "load_pairs", "resolve_side"]

LABELS = ("same", "different", "contradicting")
FORMATS = ("ecbplus-xml", "meantime-conll")


@dataclass(frozen=True, slots=True)
class PairSide:
    """One resolved sentence of a pair: its text as the corpus tokenised it, its file, its date if known."""

    text: str
    source_file: str
    published: date | None = None


@dataclass(frozen=True, slots=True)
class ClaimPair:
    id: str
    a: PairSide
    b: PairSide
    label: str
    note: str


def load_pairs(path: Path, sources: Path, *, limit: int | None = None) -> list[ClaimPair]:
    """The pairs of ``path`` resolved against the shared data folder ``sources`` (the first ``limit``
    only, when given); ``DataError`` on a missing file, a changed file, a bad label or a pointer that
    does not spell its text."""
    files: dict[str, str] = {}
    pairs = []
    for record in read_records(path)[:limit]:
        if record.get("label") not in LABELS:
            raise DataError(f"{path}: {record.get('id')}: label {record.get('label')!r} is not one of {', '.join(LABELS)}")
        sides = [resolve_side(record["id"], record[k], sources, files) for k in ("a", "b")]
        pairs.append(ClaimPair(record["id"], sides[0], sides[1], record["label"], record.get("note", "")))
    return pairs


def resolve_side(pair_id: str, side: dict, sources: Path, files: dict[str, str] | None = None) -> PairSide:
    """Check one side's pointer against its source file (read once per ``files`` cache) and return it."""
    files = files if files is not None else {}
    name = side["source_file"]
    if name not in files:
        files[name] = _checked_text(sources / name, side["sha256"])
    text = files[name]
    fmt, start, end = side.get("format"), side["start"], side["end"]
    if fmt not in FORMATS:
        raise DataError(f"{pair_id}: unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "ecbplus-xml":
        record = {"id": pair_id, "format": fmt, "start": start, "end": end, "source": name, "text": side["text"]}
        resolve_sentence(record, text)
    elif _conll_sentence(text, start, end, pair_id, name) != side["text"]:
        raise DataError(f"{pair_id}: the CoNLL lines at {start}-{end} of {name} do not spell the recorded sentence")
    published = date.fromisoformat(side["published"]) if side.get("published") else None
    return PairSide(side["text"], name, published)


def _conll_sentence(text: str, start: int, end: int, pair_id: str, name: str) -> str:
    if not 0 <= start < end <= len(text):
        raise DataError(f"{pair_id}: offsets {start}-{end} outside {name}")
    rows = [line.split("\t") for line in text[start:end].split("\n") if line.strip()]
    if any(len(row) < 2 for row in rows):
        raise DataError(f"{pair_id}: the lines at {start}-{end} of {name} are not CoNLL token lines")
    return " ".join(row[1] for row in rows)


def _checked_text(path: Path, expected: str) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: gold source file missing ({exc.strerror}); is ../shared/data complete?") from exc
    actual = hashlib.sha256(raw).hexdigest()
    if actual != expected:
        raise DataError(f"{path}: sha256 {actual[:12]}… differs from the gold set's {expected[:12]}…; the file changed")
    return raw.decode("utf-8")


_DETOKENIZE = (
    (re.compile(r"(?<=\d) ([.,:]) (?=\d)"), r"\1"),  # "5 . 9" → "5.9", "120 , 000" → "120,000", "2 : 56"
    (re.compile(r"\b(\w{1,3}|\d+) - (?=\w)|\b(?<=\w) - (?=\w{1,3}\b)"), r"\1-"),  # "co - workers", "year - old"
    (re.compile(r"\b([A-Z]) \. ([A-Z]) \."), r"\1.\2."),  # "U . S ." → "U.S."
    (re.compile(r"([$€£#]) (?=\d)"), r"\1"),  # "$ 108 million" → "$108 million"
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r" ([’']) (s|re|ve|ll|d|m|t)\b"), r"\1\2"),  # "Gray ’ s"
    (re.compile(r" (n't|['’](?:s|re|ve|ll|d|m)\b)"), r"\1"),  # "do n't", "Reid 's"
    (re.compile(r"([(\[]) | (?=[)\]])"), r"\1"),
    (re.compile(r" (?=[,.;:!?%](?:\s|$|[\"”’']))"), ""),  # no space before punctuation
)


def detokenize(text: str) -> str:
    """Undo the corpus tokenisation ("6 . 1 - magnitude", "do n't", "$ 108") so that the parser and the
    number reader see ordinary news text. Both systems of the evaluation get the same text."""
    for pattern, replacement in _DETOKENIZE:
        text = pattern.sub(replacement, text)
    return text.strip()
