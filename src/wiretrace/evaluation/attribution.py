"""``wiretrace eval attribution``: source, cue and content spans on PolNeAR, ours beside textacy's.

Scoring follows ``../shared/data/README.md``: per span type, precision/recall/F1 micro-averaged over
the documents, *exact* (the same character range after trimming whitespace and punctuation at both
ends of each fragment) and *overlap* (token Jaccard >= 0.5, gold and predicted spans matched one to one,
greedily from the highest Jaccard). A discontinuous span is its set of fragments. Within a document
the spans of one type are a set: PolNeAR gives each token to at most one attribution, so a speaker
predicted twice (for "said" and "adding") can match only once.

PolNeAR is univocal, too: "X said that ..., the agency reported" is one attribution, the agency's,
whose content holds X's. Our relayed records are therefore scored as their outermost relay (its
source, cue and content, which holds the inner attribution); a relay that is also an attribution of its
own is scored once. textacy's ``direct_quotations`` yields (speaker, cue, content) directly; where it
gives up on a document (an odd number of quotation marks) it counts as finding nothing there.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from wiretrace.evaluation.metrics import PRF, prf_from_counts
from wiretrace.evaluation.polnear import ROLES, Fragments, PolnearArticle, default_data_dir, iter_articles
from wiretrace.evaluation.report import EvalReport, SystemScore
from wiretrace.extract.attribution import TextSpan, attributions
from wiretrace.extract.model import load_english

_WORD = re.compile(r"\w+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")  # whitespace and punctuation at either end
Triple = dict[str, Fragments]  # role -> fragments (empty when the role is absent)


@dataclass
class Counts:
    """Per role and matching mode: true positives, predicted and gold span counts."""

    tp: float = 0
    predicted: int = 0
    gold: int = 0

    def prf(self) -> PRF:
        return prf_from_counts(self.tp, self.predicted - self.tp, self.gold - self.tp)


def normalise(text: str, fragments: Fragments) -> Fragments:
    """Fragments trimmed of whitespace and punctuation, joined where only those separate them."""
    trimmed: list[tuple[int, int]] = []
    for start, end in sorted(fragments):
        piece = text[start:end]
        head = _EDGE.match(piece)
        tail = re.search(r"[\W_]+$", piece)
        new_start = start + (head.end() if head else 0)
        new_end = start + (tail.start() if tail else len(piece))
        if new_start >= new_end:
            continue
        if trimmed and not _WORD.search(text[trimmed[-1][1] : new_start]):
            trimmed[-1] = (trimmed[-1][0], max(new_end, trimmed[-1][1]))
        else:
            trimmed.append((new_start, new_end))
    return tuple(trimmed)


class Scorer:
    """Accumulates exact and overlap counts for the three roles over documents."""

    def __init__(self) -> None:
        self.counts = {(role, mode): Counts() for role in ROLES for mode in ("exact", "overlap")}
        self.given_up = 0  # documents the system returned nothing for, on purpose

    def add(self, text: str, gold: Iterable[Triple], predicted: Iterable[Triple]) -> None:
        words = [m.start() for m in _WORD.finditer(text)]
        gold, predicted = list(gold), list(predicted)
        for role in ROLES:
            gold_spans = {s for t in gold if (s := normalise(text, t.get(role, ())))}
            pred_spans = {s for t in predicted if (s := normalise(text, t.get(role, ())))}
            for mode in ("exact", "overlap"):
                counts = self.counts[(role, mode)]
                counts.gold += len(gold_spans)
                counts.predicted += len(pred_spans)
            self.counts[(role, "exact")].tp += len(gold_spans & pred_spans)
            self.counts[(role, "overlap")].tp += _greedy_matches(words, gold_spans, pred_spans)

    def score(self) -> SystemScore:
        details = {
            role: {mode: self.counts[(role, mode)].prf().as_dict() for mode in ("exact", "overlap")} for role in ROLES
        }
        details["documents_given_up"] = self.given_up
        head = self.counts[("source", "overlap")].prf()
        return SystemScore(head.precision, head.recall, head.f1, details)


def _token_set(words: list[int], fragments: Fragments) -> frozenset[int]:
    return frozenset(i for start, end in fragments for i in range(bisect_left(words, start), bisect_right(words, end - 1)))


def _greedy_matches(words: list[int], gold: set[Fragments], predicted: set[Fragments]) -> int:
    """Pairs with token Jaccard >= 0.5, taken one to one from the best."""
    gold_tokens = {g: _token_set(words, g) for g in gold}
    pairs = []
    for p in predicted:
        p_tokens = _token_set(words, p)
        for g, g_tokens in gold_tokens.items():
            union = len(p_tokens | g_tokens)
            jaccard = len(p_tokens & g_tokens) / union if union else 0.0
            if jaccard >= 0.5:
                pairs.append((jaccard, g, p))
    pairs.sort(key=lambda pair: -pair[0])
    used_gold, used_pred, matched = set(), set(), 0
    for _, g, p in pairs:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            matched += 1
    return matched


def _fragments(spans: Iterable[TextSpan | None]) -> Fragments:
    return tuple(sorted((s.start, s.end) for s in spans if s is not None))


def wiretrace_triples(doc: Doc) -> Iterator[Triple]:
    """Our attributions in PolNeAR's univocal view (see the module docstring)."""
    records = list(attributions(doc))
    own_cues = {_fragments(r.cue) for r in records}
    for record in records:
        relays = [relay for relay in record.relays if relay.kind != "addressee"]
        if not relays:
            yield {"source": _fragments([record.source]), "cue": _fragments(record.cue),
                   "content": _fragments(record.content_parts)}
            continue
        outer = relays[-1]
        if _fragments(outer.cue) in own_cues:
            continue
        yield {"source": _fragments([outer.source]), "cue": _fragments(outer.cue), "content": _fragments([outer.content])}


def textacy_triples(doc: Doc) -> list[Triple] | None:
    """textacy's direct quotations, or None where it gives up on the whole document."""
    from textacy.extract.triples import direct_quotations

    try:
        found = list(direct_quotations(doc))
    except ValueError:
        return None
    return [
        {"source": _token_runs(doc, t.speaker), "cue": _token_runs(doc, t.cue),
         "content": ((t.content.start_char, t.content.end_char),)}
        for t in found
    ]


def _token_runs(doc: Doc, tokens: Iterable) -> Fragments:
    runs: list[list[int]] = []
    for index in sorted(t.i for t in tokens):
        if runs and index == runs[-1][1] + 1:
            runs[-1][1] = index
        else:
            runs.append([index, index])
    return tuple((doc[a].idx, doc[b].idx + len(doc[b])) for a, b in runs)


def _gold(article: PolnearArticle) -> list[Triple]:
    return [{role: gold.role(role) for role in ROLES} for gold in article.attributions]


def evaluate_attribution(
    data_dir: Path | None = None,
    *,
    split: str = "dev",
    limit: int | None = None,
    nlp: Language | None = None,
    batch_size: int = 16,
) -> EvalReport:
    """Score wiretrace and textacy on a PolNeAR split (``data_dir`` defaults to ``../shared``'s copy).

    Raises:
        DataError: the folder or the split is missing.
    """
    articles = list(iter_articles(data_dir or default_data_dir(), split, limit))
    nlp = nlp or load_english()
    systems: dict[str, tuple[Scorer, Callable[[Doc], Iterable[Triple] | None]]] = {
        "wiretrace": (Scorer(), wiretrace_triples),
        "textacy": (Scorer(), textacy_triples),
    }
    texts = (article.text for article in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=batch_size)):
        gold = _gold(article)
        for scorer, extract in systems.values():
            found = extract(doc)
            scorer.given_up += found is None
            scorer.add(article.text, gold, found or [])
    return EvalReport("attribution", len(articles), {name: scorer.score() for name, (scorer, _) in systems.items()})
