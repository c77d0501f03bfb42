"""``wiretrace eval factuality``: claim factuality on MEANTIME and on our own gold set, beside a cue-word-only
baseline.

MEANTIME annotates events (certainty × polarity × time); we label claims. Mapping (gold → our labels):

    polarity NEG (any certainty)                           → negated    (41 events in the dev part)
    certainty CERTAIN, polarity POS (any time)             → asserted   (1329; FUTURE included: MEANTIME's
                                                             CERTAIN FUTURE events are announced plans and
                                                             schedules, which our convention calls asserted)
    certainty PROBABLE or POSSIBLE, polarity POS/UNDERSP.  → hedged     (63: may/could, "is believed", "said
                                                             to", and predictions: "expects to", "forecast")
    certainty UNDERSPECIFIED, or CERTAIN + UNDERSP. polarity → not scored (91: purposes, intentions and
                                                             conditions — "plans to [cut]", "in an effort to
                                                             [evade]" — which are not claims; counted in details)

MEANTIME has one "uncertain" class where we have three, and its positive events carry no source, so our
labels are projected onto its classes before scoring: asserted, confirmed → asserted; negated, denied →
negated; hedged, opinion, not-confirmed → hedged. Accuracy is meaningless (asserted is 87.5%), so the
headline is the macro-F1 over the gold labels present.

Systems, on the same sentences:

- "wiretrace": ``factuality_of`` on each event's clause — the event token's own predicate, or for a
  nominal event the nearest predicate above it — with the sentence as context (frames above the clause
  count). The clause span stops before the predicate's complement clauses, so the event *said* in "GM said
  it would cut jobs" is judged on "GM said", not on the content.
- "cue-word-only": the label from the cue words anywhere in the sentence (same lexicon, same label
  order, lemmas but no syntax).

The gold set (``tests/data/factuality/``, see its README) is scored the same way with our own labels (no
projection), reported under ``details["gold_set"]`` of each system; there each item's target claim is the
span and the sentence is the context.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from wiretrace.evaluation.data import REPO_ROOT, shared_data_dir
from wiretrace.evaluation.factuality_gold import GoldClaim, load_gold
from wiretrace.evaluation.meantime import MeantimeSentence, read_meantime
from wiretrace.evaluation.metrics import harmonic
from wiretrace.evaluation.report import EvalReport, SystemScore
from wiretrace.extract import factuality_cues as cues
from wiretrace.extract.factuality import FactualityOptions, factuality_of
from wiretrace.extract.factuality_clause import COMPLEMENT_DEPS, PREDICATE_POS, clause_head
from wiretrace.extract.model import load_english

PROJECTION = {
    "asserted": "asserted", "confirmed": "asserted",
    "negated": "negated", "denied": "negated",
    "hedged": "hedged", "opinion": "hedged", "not-confirmed": "hedged",
}  # fmt: skip
BASELINE_ORDER = ("denied", "not-confirmed", "confirmed", "opinion", "negated", "hedged")
ClaimSystem = Callable[[Span], str]


def meantime_label(certainty: str, polarity: str) -> str | None:
    """Our label for a MEANTIME event, or ``None`` when the event is not a claim (see the module docstring)."""
    if polarity == "NEG":
        return "negated"
    if certainty == "CERTAIN":
        return "asserted" if polarity == "POS" else None
    if certainty in ("PROBABLE", "POSSIBLE"):
        return "hedged"
    return None


def default_data_dir() -> Path:
    """``../shared/data/factuality/meantime`` beside the repository (the repo root's parent)."""
    return shared_data_dir("factuality", "meantime")


def default_gold_set() -> Path:
    """The frozen test half of our gold set, ``tests/data/factuality/test.jsonl`` in the repository."""
    return REPO_ROOT / "tests" / "data" / "factuality" / "test.jsonl"


# --- systems --------------------------------------------------------------------------------------------


def wiretrace_system(options: FactualityOptions | None = None) -> ClaimSystem:
    def label(span: Span) -> str:
        return factuality_of(span, context=span.doc, options=options).label

    return label


def cue_word_label(tokens: Iterable[Token]) -> str:
    """The cue-word-only baseline: which label's cue words occur anywhere in the tokens (no syntax)."""
    words = [t.lower_ for t in tokens]
    lemmas = {t.lemma_.lower() for t in tokens} | set(words)
    text = " ".join(words)
    found = set()
    denial = cues.DENIAL_VERBS | cues.REJECTION_VERBS | cues.FALSE_WORDS | cues.FALSELY_ADVERBS
    if lemmas & denial or "not true" in text:
        found.add("denied")
    negation = bool(lemmas & cues.NEGATION_WORDS)
    if lemmas & cues.UNCONFIRMED_ADJECTIVES or (negation and lemmas & (cues.CONFIRM_VERBS | cues.SUPPORT_NOUNS)):
        found.add("not-confirmed")
    if lemmas & (cues.CONFIRM_VERBS | cues.CONFIRM_NOUNS):
        found.add("confirmed")
    opinion = cues.BELIEF_VERBS | cues.PREDICTION_VERBS | cues.PREDICTION_ADJECTIVES | cues.OBLIGATION_MODALS
    if lemmas & (opinion | cues.EVALUATIVE_ADJECTIVES | cues.EVALUATIVE_NOUNS | cues.OPINION_NOUNS):
        found.add("opinion")
    if negation:
        found.add("negated")
    hedges = cues.HEDGE_ADVERBS | cues.HEDGE_MODALS | cues.ALLEGATION_VERBS | cues.HEDGE_RAISING_VERBS
    if lemmas & (hedges | {"alleged", "purported"}):
        found.add("hedged")
    return next((label for label in BASELINE_ORDER if label in found), "asserted")


def baseline_system(span: Span) -> str:
    return cue_word_label(span.sent if span.doc.has_annotation("SENT_START") else span.doc)


# --- MEANTIME -------------------------------------------------------------------------------------------


def event_clause(token: Token, *, nominal: str = "own") -> Span:
    """The clause an event is judged on: its predicate (the nearest verb or adjective at or above the
    token), with the predicate's subtree but without its complement clauses."""
    if nominal == "own" and token.pos_ not in PREDICATE_POS and not _predicative_noun(token):
        return token.doc[token.i : token.i + 1]
    predicate = token
    while predicate.pos_ not in PREDICATE_POS and predicate.head.i != predicate.i:
        predicate = predicate.head
    if predicate.pos_ not in PREDICATE_POS:
        predicate = token
    predicate = clause_head(predicate)
    start, end = predicate.left_edge.i, predicate.right_edge.i + 1
    for child in predicate.children:
        if child.dep_ in COMPLEMENT_DEPS:
            if child.i > predicate.i:
                end = min(end, child.left_edge.i)
            else:
                start = max(start, child.right_edge.i + 1)
    return predicate.doc[start:end]


LIGHT_VERBS = frozenset({"have", "make", "take", "give", "do"})


def _predicative_noun(token: Token) -> bool:
    """A noun that is the predicate itself: "would be a terrible [setback]", "may have an [impact]"."""
    return token.dep_ in ("attr", "oprd") or (token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS)


def parse_meantime(sentences: Sequence[MeantimeSentence]) -> list[Doc]:
    """Parse MEANTIME sentences on their own tokens (one Doc each), so event indices stay valid."""
    nlp = load_english()
    docs = (Doc(nlp.vocab, words=list(s.tokens), spaces=[True] * len(s.tokens)) for s in sentences)
    return list(nlp.pipe(docs, batch_size=64))


@dataclass
class Tally:
    """Gold and predicted labels of one system on one set."""

    gold: list[str]
    predicted: list[str]

    def score(self) -> SystemScore:
        labels = sorted(set(self.gold))
        per_label = {label: _label_scores(label, self.gold, self.predicted) for label in labels}
        precision = sum(s["precision"] for s in per_label.values()) / len(labels) if labels else 0.0
        recall = sum(s["recall"] for s in per_label.values()) / len(labels) if labels else 0.0
        macro_f1 = sum(s["f1"] for s in per_label.values()) / len(labels) if labels else 0.0
        confusion = Counter(f"{g} -> {p}" for g, p in zip(self.gold, self.predicted, strict=True) if g != p)
        details = {"labels": per_label, "errors": dict(confusion.most_common(12)), "n": len(self.gold)}
        return SystemScore(precision, recall, macro_f1, details)


def _label_scores(label: str, gold: list[str], predicted: list[str]) -> dict:
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
    n_pred = predicted.count(label)
    n_gold = gold.count(label)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = harmonic(precision, recall)
    return {
        "n": n_gold,
        "predicted": n_pred,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def score_meantime(data_dir: Path, systems: dict[str, ClaimSystem]) -> tuple[dict[str, Tally], Counter]:
    """Run each system on every mapped MEANTIME event; also count the events left out, by attributes."""
    sentences = [s for s in read_meantime(data_dir) if s.events]
    tallies = {name: Tally([], []) for name in systems}
    excluded: Counter = Counter()
    for sentence, doc in zip(sentences, parse_meantime(sentences), strict=True):
        for event in sentence.events:
            gold = meantime_label(event.certainty, event.polarity)
            if gold is None:
                excluded[f"{event.certainty}/{event.polarity}"] += 1
                continue
            clause = event_clause(doc[event.token])
            for name, system in systems.items():
                tallies[name].gold.append(gold)
                tallies[name].predicted.append(PROJECTION[system(clause)])
    return tallies, excluded


def score_gold_set(path: Path, sources: Path, systems: dict[str, ClaimSystem]) -> dict[str, Tally]:
    """Run each system on every claim of our gold set (labels compared as they are, no projection)."""
    claims = load_gold(path, sources)
    nlp = load_english()
    tallies = {name: Tally([], []) for name in systems}
    for claim, doc in zip(claims, nlp.pipe(c.sentence for c in claims), strict=True):
        span = target_span(doc, claim)
        for name, system in systems.items():
            tallies[name].gold.append(claim.label)
            tallies[name].predicted.append(system(span))
    return tallies


def target_span(doc: Doc, claim: GoldClaim) -> Span:
    start, end = claim.target
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else doc[:]


def evaluate_factuality(
    data_dir: Path | None = None,
    *,
    gold_set: Path | None = None,
    sources: Path | None = None,
    options: FactualityOptions | None = None,
) -> EvalReport:
    """Score wiretrace and the cue-word-only baseline on MEANTIME and, when ``gold_set`` is given, on it.

    Args:
        data_dir: the MEANTIME folder (default ``../shared/data/factuality/meantime`` beside the repo).
        gold_set: a gold JSONL file (e.g. ``default_gold_set()``); its pointers resolve against ``sources``.
        sources: the shared ``data`` folder (default: two levels above ``data_dir``).
        options: factuality rule settings.

    Raises:
        DataError: a folder, a CoNLL file or a gold source is missing or malformed.
    """
    data_dir = data_dir or default_data_dir()
    systems = {"wiretrace": wiretrace_system(options), "cue-word-only": baseline_system}
    tallies, excluded = score_meantime(data_dir, systems)
    results = {name: tally.score() for name, tally in tallies.items()}
    for score in results.values():
        score.details["not_scored"] = dict(excluded)
    if gold_set is not None:
        gold = score_gold_set(gold_set, sources or data_dir.parent.parent, systems)
        for name, tally in gold.items():
            section = tally.score()
            results[name].details["gold_set"] = {
                "file": gold_set.name,
                "macro_f1": round(section.f1, 4),
                **section.details,
            }
    n = len(next(iter(tallies.values())).gold)
    return EvalReport("factuality", n, results)


def _main(argv: Iterable[str] | None = None) -> None:
    """``python -m wiretrace.evaluation.factuality [DATA_DIR] [--gold FILE|none]``: print the report as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=None)
    parser.add_argument("--gold", default=None, help="gold JSONL (default: the frozen test half; 'none' to skip)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    gold = None if args.gold == "none" else Path(args.gold) if args.gold else default_gold_set()
    print(json.dumps(evaluate_factuality(args.data_dir, gold_set=gold).as_dict(), indent=2))


if __name__ == "__main__":
    _main()
