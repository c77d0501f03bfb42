"""Reading PolNeAR (Political News Attribution Relations) for ``wiretrace eval attribution``.

Layout (see the corpus README): ``<data_dir>/<split>/text/<name>.txt`` and
``<data_dir>/<split>/attributions/<name>_<annotator>.ann`` in BRAT standoff. ``T`` lines are spans
(``T3<TAB>Content 315 448;463 553<TAB>text``: several ``start end`` fragments when the span is
discontinuous) and ``E`` lines tie one attribution's ``Source``, ``Cue`` and ``Content`` spans to its
``Attribution`` (or ``Attribution-no-source``) anchor. Where a text has several annotator files the first
in sorted order is used, as the data README asks. Only spans an ``E`` line refers to are gold; ``Discuss``
and ``Discard`` notes are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wiretrace.evaluation.data import shared_data_dir
from wiretrace.errors import DataError

Fragments = tuple[tuple[int, int], ...]
ROLES = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: each role is a tuple of ``(start, end)`` fragments (empty when absent)."""

    id: str
    source: Fragments
    cue: Fragments
    content: Fragments

    def role(self, name: str) -> Fragments:
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def default_data_dir() -> Path:
    """``../shared/data/attribution/polnear`` beside the repository (the repo root's parent)."""
    return shared_data_dir("attribution", "polnear")


def _parse_fragments(spec: str) -> Fragments:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in spec.split(";")))


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one ``.ann`` file's text, in the order of their ``E`` lines."""
    spans: dict[str, Fragments] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue  # the tail of a span text that held a newline
        if line.startswith("T"):
            label, _, spec = fields[1].partition(" ")
            if spec and label in {"Source", "Cue", "Content"}:
                spans[fields[0]] = _parse_fragments(spec)
        elif line.startswith("E"):
            args = [arg.partition(":") for arg in fields[1].split()]
            events.append((fields[0], [(role, ref) for role, _, ref in args]))
    return tuple(_attribution(eid, args, spans) for eid, args in events)


def _attribution(eid: str, args: list[tuple[str, str]], spans: dict[str, Fragments]) -> GoldAttribution:
    roles: dict[str, list[tuple[int, int]]] = {name: [] for name in ROLES}
    for role, ref in args:
        name = role.rstrip("0123456789").lower()
        if name in roles and ref in spans:
            roles[name].extend(spans[ref])
    return GoldAttribution(eid, *(tuple(sorted(roles[name])) for name in ROLES))


def iter_articles(data_dir: Path, split: str = "dev", limit: int | None = None) -> Iterator[PolnearArticle]:
    """The articles of one split in file-name order, each with its first annotator's attributions."""
    text_dir, ann_dir = data_dir / split / "text", data_dir / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise DataError(
            f"{data_dir}: no PolNeAR {split!r} split here (expected {split}/text and {split}/attributions); "
            "point --data at the PolNeAR folder"
        )
    first: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        first.setdefault(ann.stem.rpartition("_")[0], ann)
    names = sorted(name for name in first if (text_dir / f"{name}.txt").is_file())
    for name in names[:limit] if limit is not None else names:
        with open(text_dir / f"{name}.txt", encoding="utf-8", newline="") as handle:
            text = handle.read()  # newline="" keeps "\r\n" as two characters: the offsets count them
        yield PolnearArticle(name, text, parse_ann(first[name].read_text(encoding="utf-8")))
