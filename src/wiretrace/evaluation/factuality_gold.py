"""The factuality gold set: pointers into ``../shared/data`` resolved to sentences, with their labels.

The set lives in ``tests/data/factuality/`` (``test.jsonl`` frozen before any rule tuning, ``dev.jsonl`` for
tuning; its README gives sources, licences, method and label definitions). Each JSONL record points at one
sentence and names the claim in it:

    {"id", "source", "sha256", "format", "start", "end", "target": [a, b], "label", "cues": [...], "text"?}

- ``source`` is relative to the shared ``data`` folder; ``sha256`` is the hash of that whole file, checked
  before anything is read from it, so a changed file is an error rather than silently shifted offsets.
- ``format`` "text": ``start``/``end`` are character offsets into the UTF-8 file (PolNeAR; copyrighted,
  so only pointers are committed). "ecbplus-xml": ``start``/``end`` are character offsets of the sentence's
  ``<token>`` elements in the ECB+ XML file and the sentence is their text joined by single spaces; the
  record also carries that ``text`` verbatim (ECB+ is CC BY 3.0), which must equal the resolved one.
- ``target`` is the claim inside the sentence (character offsets into the resolved sentence); the label
  and the ``cues`` (verbatim words that decided it, ``[]`` for plain asserted) are about that claim.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from wiretrace.errors import DataError

_TOKEN = re.compile(r"<token\b[^>]*>(.*?)</token>", re.S)
FORMATS = ("text", "ecbplus-xml")


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One resolved gold item: the sentence text, the claim's range in it, its label and cues."""

    id: str
    source: str
    sentence: str
    target: tuple[int, int]
    label: str
    cues: tuple[str, ...]


def read_records(path: Path) -> list[dict]:
    """The raw records of a gold JSONL file (no resolution)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot read the gold set ({exc})") from exc
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}:{number}: not a JSON record ({exc.msg})") from exc
    return records


def load_gold(path: Path, sources: Path) -> list[GoldClaim]:
    """Resolve every record of ``path`` against the shared data folder ``sources``; ``DataError`` on any
    missing file, hash mismatch or offset that does not fit."""
    files: dict[str, str] = {}
    claims = []
    for record in read_records(path):
        source = record["source"]
        if source not in files:
            files[source] = _checked_text(sources / source, record["sha256"])
        sentence = resolve_sentence(record, files[source])
        start, end = record["target"]
        if not 0 <= start < end <= len(sentence):
            raise DataError(f"{path}: {record['id']}: target {start}-{end} outside its sentence")
        claims.append(GoldClaim(record["id"], source, sentence, (start, end), record["label"], tuple(record["cues"])))
    return claims


def _checked_text(path: Path, expected: str) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: gold source file missing ({exc.strerror}); is ../shared/data complete?") from exc
    actual = hashlib.sha256(raw).hexdigest()
    if actual != expected:
        raise DataError(f"{path}: sha256 {actual[:12]}… differs from the gold set's {expected[:12]}…; the file changed")
    return raw.decode("utf-8")


def resolve_sentence(record: dict, file_text: str) -> str:
    """The sentence a record points at, from the text of its source file."""
    fmt, start, end = record.get("format"), record["start"], record["end"]
    if fmt not in FORMATS:
        raise DataError(f"{record['id']}: unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if not 0 <= start < end <= len(file_text):
        raise DataError(f"{record['id']}: offsets {start}-{end} outside {record['source']}")
    chunk = file_text[start:end]
    if fmt == "text":
        return chunk
    sentence = " ".join(html.unescape(token) for token in _TOKEN.findall(chunk))
    if "text" in record and record["text"] != sentence:
        raise DataError(f"{record['id']}: the tokens at {start}-{end} do not spell the recorded sentence")
    return sentence
