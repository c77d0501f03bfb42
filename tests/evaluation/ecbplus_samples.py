"""Small ECB+ folders for tests: documents written here in the corpus's XML layout, and slices of the real
corpus copied from ``../shared`` into a temporary folder (ECB+ is CC BY 3.0, Cybulska and Vossen 2014)."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

Mention = tuple[str, str, Sequence[int]]  # m_id, tag, token ids


def document_xml(name: str, sentences: Sequence[Sequence[str]], mentions: Iterable[Mention] = (),
                 cross: Iterable[tuple[str, Sequence[str]]] = (), intra: Iterable[Sequence[str]] = ()) -> str:
    """One ECB+ XML document. Tokens are numbered from 1 across sentences (sentence numbers from 0);
    ``cross`` holds (instance id, mention ids) chains and ``intra`` within-document chains."""
    lines = [f'<Document doc_name="{name}.xml" doc_id="DOC_{name}">']
    t_id = 0
    for number, sentence in enumerate(sentences):
        for position, word in enumerate(sentence):
            t_id += 1
            lines.append(f'<token t_id="{t_id}" sentence="{number}" number="{position}">{escape(word)}</token>')
    lines.append("<Markables>")
    for m_id, tag, tokens in mentions:
        anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in tokens)
        lines.append(f'<{tag} m_id="{m_id}">{anchors}</{tag}>')
    descriptors, relations = [], []
    for number, (instance, members) in enumerate(cross, start=900):
        descriptors.append(f'<ACTION_OCCURRENCE m_id="{number}" TAG_DESCRIPTOR="d{number}" instance_id="{instance}"/>')
        sources = "".join(f'<source m_id="{m}"/>' for m in members)
        relations.append(f'<CROSS_DOC_COREF r_id="r{number}" note="{instance}">{sources}'
                         f'<target m_id="{number}"/></CROSS_DOC_COREF>')
    for number, members in enumerate(intra, start=800):
        descriptors.append(f'<UNKNOWN_INSTANCE_TAG m_id="{number}" TAG_DESCRIPTOR=""/>')
        sources = "".join(f'<source m_id="{m}"/>' for m in members)
        relations.append(f'<INTRA_DOC_COREF r_id="r{number}">{sources}<target m_id="{number}"/></INTRA_DOC_COREF>')
    lines += descriptors + ["</Markables>", "<Relations>"] + relations + ["</Relations>", "</Document>"]
    return "\n".join(lines)


def write_corpus(root: Path, documents: dict[str, str], clusters: Sequence[dict[str, str]],
                 selected: Iterable[tuple[str, str, int]]) -> Path:
    """Write ``ECB+/<topic>/<name>.xml``, ``doc_clusters.csv`` and ``ECBplus_coreference_sentences.csv``."""
    for row in clusters:
        folder = root / "ECB+" / row["topic"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{row['doc']}.xml").write_text(documents[row["doc"]], encoding="utf-8")
    with (root / "doc_clusters.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["doc", "topic", "subtopic", "split"])
        writer.writeheader()
        writer.writerows(clusters)
    with (root / "ECBplus_coreference_sentences.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Topic", "File", "Sentence Number"])
        writer.writerows(selected)
    return root


def copy_slice(source: Path, target: Path, topics: Sequence[str], per_story: int) -> Path:
    """A copy of ``source`` (the ECB+ folder) holding the first ``per_story`` documents of each story of
    ``topics``, with their rows of both CSV files."""
    with (source / "doc_clusters.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["topic"] in topics]
    kept: list[dict[str, str]] = []
    for story in dict.fromkeys(row["subtopic"] for row in rows):
        kept += sorted((r for r in rows if r["subtopic"] == story), key=lambda r: r["doc"])[:per_story]
    for row in kept:
        folder = target / "ECB+" / row["topic"]
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / "ECB+" / row["topic"] / f"{row['doc']}.xml", folder)
    names = {row["doc"] for row in kept}
    with (target / "doc_clusters.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(kept[0]))
        writer.writeheader()
        writer.writerows(kept)
    with (source / "ECBplus_coreference_sentences.csv").open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    with (target / "ECBplus_coreference_sentences.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([lines[0]] + [r for r in lines[1:] if f"{r[0]}_{r[1]}" in names])
    return target
