"""Reading ECB+ (Cybulska and Vossen 2014) for ``wiretrace eval stories`` and ``wiretrace eval events``.

Layout (see the corpus README): ``<data_dir>/ECB+/<topic>/<topic>_<n>ecb[plus].xml``, one document each;
``doc_clusters.csv`` gives each document's topic, story (``subtopic``) and split; and
``ECBplus_coreference_sentences.csv`` lists the sentences whose event mentions are gold for coreference.

A document's text is rebuilt from its ``<token>`` elements: one line per sentence, tokens joined by a space
except before closing punctuation and clitics ("Lohan 's" → "Lohan's"), PTB quotes (`` '') as straight ones.
The first "sentence" of the newer ``ecbplus`` files is the URL the text was found at, not article text; it
is left out, because a URL (like the file name) can give the story away.

Event mentions are the markables tagged ``ACTION_*`` or ``NEG_ACTION_*`` that have token anchors. Their gold
chain: the ``instance_id`` (the ``note``) of the ``CROSS_DOC_COREF`` relation they are a source of; else
the ``INTRA_DOC_COREF`` chain of the document (which takes the cross-document instance when its target is
also a cross-document target); else the mention is a singleton.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wiretrace.errors import DataError
from wiretrace.evaluation.data import shared_data_dir

SPLITS = ("train", "dev", "test", "all")
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]+|['’][sS]|n't|N'T|'re|'ve|'ll|'d|'m|''|”)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“"}
_QUOTES = {"``": '"', "''": '"'}
_URL = re.compile(r"^(?:https?|www)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Token:
    """One corpus token: its id, sentence number and character range in the rebuilt text."""

    t_id: int
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventMention:
    """One gold event mention: ``[start, end)`` in the document text (first to last anchor token)."""

    doc: str
    m_id: str
    tag: str
    sentence: int
    start: int
    end: int
    text: str
    chain: str


@dataclass(frozen=True, slots=True)
class EcbDocument:
    """One ECB+ document: ``name`` is the file stem ("1_10ecbplus"); ``story`` is the gold subtopic."""

    name: str
    topic: str
    story: str
    split: str
    text: str
    sentences: dict[int, tuple[int, int]]
    mentions: tuple[EventMention, ...]


def default_data_dir() -> Path:
    """``../shared/data/clustering/ecbplus`` beside the repository (the repo root's parent)."""
    return shared_data_dir("clustering", "ecbplus")


def available_splits(data_dir: Path | None = None) -> set[str]:
    """The splits ``doc_clusters.csv`` of ``data_dir`` holds (our copy lacks the test topics)."""
    return {row["split"] for row in _read_clusters(data_dir or default_data_dir())}


def read_ecbplus(data_dir: Path | None = None, split: str = "all") -> list[EcbDocument]:
    """The documents of ``split`` (train, dev, test or all), sorted by name, with their gold mentions
    restricted to the sentences listed in ``ECBplus_coreference_sentences.csv``.

    Raises:
        DataError: the folder or one of its files is missing, or the split has no document there.
    """
    root = data_dir or default_data_dir()
    if split not in SPLITS:
        raise DataError(f"{split!r}: unknown ECB+ split; use one of {', '.join(SPLITS)}")
    rows = _read_clusters(root)
    selected = read_selected_sentences(root)
    chosen = [row for row in rows if split == "all" or row["split"] == split]
    if not chosen:
        found = sorted({row["split"] for row in rows})
        raise DataError(
            f"{root / 'doc_clusters.csv'}: no document in split {split!r} (this copy has {', '.join(found)}); "
            "pass --split with one of those or --data with a copy that holds it"
        )
    return [_read_document(root, row, selected.get(row["doc"], frozenset())) for row in sorted(chosen, key=_key)]


def _key(row: dict[str, str]) -> tuple[int, str]:
    return (int(row["topic"]) if row["topic"].isdigit() else 0, row["doc"])


def _read_clusters(root: Path) -> list[dict[str, str]]:
    path = root / "doc_clusters.csv"
    if not path.is_file():
        raise DataError(f"{path}: not found; pass --data with an ECB+ folder holding doc_clusters.csv and ECB+/")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = {"doc", "topic", "subtopic", "split"} - set(rows[0] if rows else {})
    if missing:
        raise DataError(f"{path}: columns {', '.join(sorted(missing))} missing; expected doc,topic,subtopic,split")
    return rows


def read_selected_sentences(root: Path) -> dict[str, frozenset[int]]:
    """Document name → the sentence numbers annotated for coreference."""
    path = root / "ECBplus_coreference_sentences.csv"
    if not path.is_file():
        raise DataError(f"{path}: not found; the ECB+ release ships it beside ECB+/")
    chosen: dict[str, set[int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = f"{row['Topic'].strip()}_{row['File'].strip()}"
            chosen.setdefault(name, set()).add(int(row["Sentence Number"]))
    return {name: frozenset(numbers) for name, numbers in chosen.items()}


def _read_document(root: Path, row: dict[str, str], selected: frozenset[int]) -> EcbDocument:
    path = root / "ECB+" / row["topic"] / f"{row['doc']}.xml"
    try:
        tree = ET.parse(path)
    except (OSError, ET.ParseError) as error:
        raise DataError(f"{path}: cannot read the ECB+ document ({error}); check the copy of the corpus") from error
    text, tokens, sentences = rebuild_text(tree.getroot().iter("token"))
    mentions = tuple(
        m for m in _event_mentions(row["doc"], tree.getroot(), tokens, text) if m.sentence in selected
    )
    return EcbDocument(row["doc"], row["topic"], row["subtopic"], row["split"], text, sentences, mentions)


def rebuild_text(elements: Iterable[ET.Element]) -> tuple[str, dict[int, Token], dict[int, tuple[int, int]]]:
    """The text of ``<token>`` elements, one sentence a line (a URL line left out), with each token's range."""
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for element in elements:
        sentence, t_id = int(element.get("sentence", "0")), int(element.get("t_id", "0"))
        by_sentence.setdefault(sentence, []).append((t_id, element.text or ""))
    parts: list[str] = []
    tokens: dict[int, Token] = {}
    sentences: dict[int, tuple[int, int]] = {}
    position = 0
    for number in sorted(by_sentence):
        words = by_sentence[number]
        if _URL.match(words[0][1]) and number == min(by_sentence):
            continue
        if parts:
            parts.append("\n")
            position += 1
        line_start, previous = position, None
        for t_id, raw in words:
            if previous is not None and not _NO_SPACE_BEFORE.match(raw) and previous not in _NO_SPACE_AFTER:
                parts.append(" ")
                position += 1
            word = _QUOTES.get(raw, raw)
            tokens[t_id] = Token(t_id, number, position, position + len(word))
            parts.append(word)
            position += len(word)
            previous = raw
        sentences[number] = (line_start, position)
    return "".join(parts), tokens, sentences


def _event_mentions(doc: str, root: ET.Element, tokens: dict[int, Token], text: str) -> list[EventMention]:
    chains = _gold_chains(doc, root)
    found = []
    for markable in _children(root, "Markables"):
        anchors = [tokens[int(a.get("t_id", "0"))] for a in markable.iter("token_anchor")
                   if int(a.get("t_id", "0")) in tokens]
        if not anchors or not markable.tag.startswith(("ACTION", "NEG_ACTION")):
            continue
        m_id = markable.get("m_id", "")
        first, last = min(anchors, key=lambda t: t.start), max(anchors, key=lambda t: t.end)
        chain = chains.get(m_id, f"{doc}/singleton/{m_id}")
        found.append(EventMention(doc, m_id, markable.tag, first.sentence, first.start, last.end,
                                  text[first.start:last.end], chain))
    return found


def _gold_chains(doc: str, root: ET.Element) -> dict[str, str]:
    """Mention id → chain id, from the document's CROSS_DOC_COREF and INTRA_DOC_COREF relations."""
    relations = _children(root, "Relations")
    instance_of_target: dict[str, str] = {}
    for relation in relations:
        if relation.tag == "CROSS_DOC_COREF":
            for target in relation.iter("target"):
                instance_of_target[target.get("m_id", "")] = relation.get("note", "")
    chains: dict[str, str] = {}
    for relation in relations:
        targets = [t.get("m_id", "") for t in relation.iter("target")]
        if not targets:
            continue
        if relation.tag == "CROSS_DOC_COREF":
            chain = relation.get("note") or instance_of_target.get(targets[0], "")
        elif relation.tag == "INTRA_DOC_COREF":
            chain = instance_of_target.get(targets[0]) or f"{doc}/intra/{targets[0]}"
        else:
            continue
        for source in relation.iter("source"):
            chains.setdefault(source.get("m_id", ""), chain)
    return chains


def _children(root: ET.Element, tag: str) -> list[ET.Element]:
    section = root.find(tag)
    return [] if section is None else list(section)
