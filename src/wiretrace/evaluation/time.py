"""``wiretrace eval time``: TIMEX3 tagging and normalisation on TempEval-3, beside dateparser alone.

Both systems read each document's text with its creation time (DCT, a date; taken at 12:00) as the
anchor. Scores are micro-averaged over all documents, as TempEval-3 reports them:

- relaxed span P/R/F1: a system expression matches a gold one when their character ranges overlap;
  pairs are matched one to one, largest overlap first (so '2009-2010' as one span matches one gold
  year, not two). This is the headline ``f1``.
- strict span P/R/F1: the same character range after trimming whitespace and punctuation at both ends.
- value F1: TempEval-3's attribute F1 for ``value``, relaxed F1 × value accuracy, where the accuracy is
  over the relaxed-matched pairs (UzZaman et al. 2013, section 4.1). It equals the F1 of "value
  precision" (correct values / system expressions) and "value recall" (correct values / gold
  expressions). Type F1 is reported the same way.

dateparser alone is ``dateparser.search.search_dates`` with ``RELATIVE_BASE`` = DCT; its spans are the
substrings it returns, found in the text in order. It gives a datetime, not a TIMEX3 value, so its value
is that datetime rendered at the granularity dateparser itself reports for the substring
(``DateDataParser.get_date_data(...).period``: year → "2013", month → "2013-03", week → "2013-W12",
day → "2013-03-22", time → "2013-03-22T20:00"): the closest TIMEX3 form its own output justifies. It
has no durations, sets or generic references, which is what it is measured against.
"""

from __future__ import annotations

import argparse
import json
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from dateparser.date import DateDataParser
from dateparser.search import search_dates

from wiretrace.evaluation.data import shared_data_dir
from wiretrace.evaluation.metrics import prf_from_counts
from wiretrace.evaluation.report import EvalReport, SystemScore
from wiretrace.evaluation.tempeval import GoldTimex, TempEvalDoc, read_tempeval
from wiretrace.extract.timex import TimexOptions, find_times

_TRIM = string.whitespace + string.punctuation + "“”‘’"


@dataclass(frozen=True, slots=True)
class Tagged:
    """One system expression: character range, TIMEX3 type and value."""

    start: int
    end: int
    timex_type: str
    value: str | None


@dataclass
class Counts:
    """Running totals over documents for one system."""

    system: int = 0
    gold: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0
    misses: list[str] = field(default_factory=list)

    def score(self) -> SystemScore:
        relaxed = prf_from_counts(self.relaxed, self.system - self.relaxed, self.gold - self.relaxed)
        strict = prf_from_counts(self.strict, self.system - self.strict, self.gold - self.strict)
        value_acc = self.value / self.relaxed if self.relaxed else 0.0
        type_acc = self.type / self.relaxed if self.relaxed else 0.0
        details = {
            "strict": strict.as_dict(),
            "value_f1": round(relaxed.f1 * value_acc, 4),
            "value_accuracy": round(value_acc, 4),
            "type_f1": round(relaxed.f1 * type_acc, 4),
            "n_gold": self.gold,
            "n_predicted": self.system,
        }
        return SystemScore(relaxed.precision, relaxed.recall, relaxed.f1, details)


def default_data_dir() -> Path:
    """``../shared/data/time/tempeval3`` beside the repository (the repo root's parent)."""
    return shared_data_dir("time", "tempeval3")


def anchor_of(doc: TempEvalDoc) -> datetime:
    """The DCT as an anchor: a date, taken at noon so that 'N hours ago' stays on the same day."""
    return datetime.combine(doc.dct, time(12))


def wiretrace_system(doc: TempEvalDoc) -> list[Tagged]:
    """Our tagger, TIMEX3s only (vague adverbs such as 'earlier' are not TIMEX3s)."""
    found = find_times(doc.text, anchor=anchor_of(doc), options=TimexOptions(include_vague=False))
    return [Tagged(t.start, t.end, t.timex_type, t.value) for t in found]


def dateparser_system(doc: TempEvalDoc) -> list[Tagged]:
    """dateparser alone: ``search_dates`` spans, values at the granularity dateparser reports."""
    settings = {"RELATIVE_BASE": anchor_of(doc)}
    parser = DateDataParser(languages=["en"], settings=settings)
    tagged, position = [], 0
    for substring, moment in search_dates(doc.text, languages=["en"], settings=settings) or []:
        start = doc.text.find(substring, position)
        if start < 0:
            continue
        position = start + len(substring)
        period = parser.get_date_data(substring).period or "day"
        tagged.append(Tagged(start, position, "TIME" if period == "time" else "DATE", render(moment, period)))
    return tagged


def render(moment: datetime, period: str) -> str:
    """A datetime as a TIMEX3 value of the given dateparser period."""
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "time":
        return moment.strftime("%Y-%m-%dT%H:%M")
    return moment.date().isoformat()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def match_relaxed(gold: list[GoldTimex], system: list[Tagged]) -> list[tuple[GoldTimex, Tagged]]:
    """One-to-one pairs of overlapping expressions, largest overlap first."""
    pairs = [
        (min(g.end, s.end) - max(g.start, s.start), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if min(g.end, s.end) > max(g.start, s.start)
    ]
    used_gold, used_system, matched = set(), set(), []
    for _, gi, si in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            matched.append((gold[gi], system[si]))
    return matched


def score_document(doc: TempEvalDoc, system: list[Tagged], counts: Counts) -> None:
    """Add one document's counts to ``counts``."""
    gold = list(doc.timexes)
    counts.gold += len(gold)
    counts.system += len(system)
    gold_exact = {_trimmed(doc.text, g.start, g.end) for g in gold}
    counts.strict += len(gold_exact & {_trimmed(doc.text, s.start, s.end) for s in system})
    matched = match_relaxed(gold, system)
    counts.relaxed += len(matched)
    for g, s in matched:
        counts.value += g.value == s.value
        counts.type += g.timex_type == s.timex_type
        if g.value != s.value:
            counts.misses.append(f"{doc.doc_id}: {g.text!r} gold {g.value} got {s.value} ({doc.text[s.start:s.end]!r})")


SYSTEMS: dict[str, Callable[[TempEvalDoc], list[Tagged]]] = {
    "wiretrace": wiretrace_system,
    "dateparser": dateparser_system,
}


def evaluate_time(data_dir: Path | None = None) -> EvalReport:
    """Score wiretrace and dateparser alone on a TempEval-3 folder (``input/``, ``gold/``)."""
    pairs = list(read_tempeval(data_dir or default_data_dir()))
    counts = {name: Counts() for name in SYSTEMS}
    for source, gold in pairs:
        for name, system in SYSTEMS.items():
            score_document(gold, system(source), counts[name])
    return EvalReport("time", len(pairs), {name: c.score() for name, c in counts.items()})


def _main(argv: Iterable[str] | None = None) -> None:
    """``python -m wiretrace.evaluation.time [DATA_DIR]``: print the report as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=None)
    args = parser.parse_args(list(argv) if argv is not None else None)
    print(json.dumps(evaluate_time(args.data_dir).as_dict(), indent=2))


if __name__ == "__main__":
    _main()
