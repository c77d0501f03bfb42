"""Reading MEANTIME English (Wikinews) factuality files: CoNLL with one token a line.

Each line is ``index  token  event  certainty  polarity  time`` (tab-separated), a blank line ends a
sentence. Annotated columns use BIO tags carrying the event id: ``B-E-13``, ``B-PROBABLE-13``,
``B-POS-13``, ``B-FUTURE-13``; ``_`` elsewhere. An event's head is its ``B-`` token. The first sentence of a
file is the headline, the second the dateline; both are kept (the dateline has no events).

Values: certainty ∈ CERTAIN, PROBABLE, POSSIBLE, UNDERSPECIFIED; polarity ∈ POS, NEG, UNDERSPECIFIED;
time ∈ NON_FUTURE, FUTURE, UNDERSPECIFIED.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wiretrace.errors import DataError


@dataclass(frozen=True, slots=True)
class MeantimeEvent:
    """One gold event: the index of its head token in the sentence and its three attributes."""

    token: int
    certainty: str
    polarity: str
    time: str


@dataclass(frozen=True, slots=True)
class MeantimeSentence:
    """One sentence: the file it comes from, its position there, its tokens and its events."""

    document: str
    index: int
    tokens: tuple[str, ...]
    events: tuple[MeantimeEvent, ...]


def read_meantime(data_dir: Path) -> Iterator[MeantimeSentence]:
    """Every sentence of every ``*.conll`` file under ``data_dir``, files in sorted order."""
    if not data_dir.is_dir():
        raise DataError(
            f"{data_dir}: no such folder; expected the MEANTIME CoNLL files (../shared/data/factuality/"
            "meantime/<topic>/*.conll); give the folder with --data"
        )
    paths = sorted(data_dir.rglob("*.conll"))
    if not paths:
        raise DataError(f"{data_dir}: no *.conll file found; is this the MEANTIME folder?")
    for path in paths:
        yield from read_conll(path, path.relative_to(data_dir).as_posix())


def read_conll(path: Path, name: str) -> Iterator[MeantimeSentence]:
    """The sentences of one MEANTIME CoNLL file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read the CoNLL file ({exc})") from exc
    rows: list[list[str]] = []
    index = 0
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            fields = line.split("\t")
            if len(fields) != 6:
                raise DataError(f"{path}:{number}: expected 6 tab-separated columns, found {len(fields)}")
            rows.append(fields)
            continue
        if rows:
            yield _sentence(name, index, rows)
            index += 1
            rows = []


def _sentence(name: str, index: int, rows: list[list[str]]) -> MeantimeSentence:
    events = tuple(
        MeantimeEvent(i, _value(row[3]), _value(row[4]), _value(row[5]))
        for i, row in enumerate(rows)
        if row[2].startswith("B-")
    )
    return MeantimeSentence(name, index, tuple(row[1] for row in rows), events)


def _value(tag: str) -> str:
    """``B-PROBABLE-13`` → ``PROBABLE``; ``B-NON_FUTURE-4`` → ``NON_FUTURE``; ``_`` → ``UNDERSPECIFIED``."""
    parts = tag.split("-")
    return "-".join(parts[1:-1]) if len(parts) >= 3 else "UNDERSPECIFIED"
