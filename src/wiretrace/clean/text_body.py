"""Find the article body among the lines of a scraped page: the densest run of prose.

Each line gets a score from its shape (boilerpipe/jusText features that survive the loss of markup):
long lines that read as sentences (final punctuation, sentence stops inside, function words) score their
length; short lines, list items and headline-like lines (capitalised words, no final stop) score below
zero, as menus, link lists and footers are made of them. The body is the contiguous run of lines with
the highest total (a maximum-sum subarray, one linear pass), so short lines between paragraphs (a
heading, an "Advertisement") cost a little but do not cut the article, while a menu or a list of
related links costs more than it can bring.

Inside that run, furniture lines and short non-sentences that do not head a paragraph are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from wiretrace.clean.text_furniture import Furniture
from wiretrace.clean.text_lines import Line


MIN_REPEATED_WORDS = 5
MIN_SHOUTED_WORDS = 7  # headings in capitals are short; promoted links in capitals are not  # shorter lines ("Reply", "Advertisement") repeat on any page


@dataclass(frozen=True, slots=True)
class BodyOptions:
    """Weights of the line score (word-equivalents). Defaults were tuned on scraped news pages."""

    prose_min_words: int = 8  # a sentence-shaped line at least this long is prose
    long_line_words: int = 30  # a line this long counts as prose even without a final stop
    wordy_line_words: int = 15  # ... and one this long when function words make up ...
    wordy_stop_ratio: float = 0.35  # ... this share of it
    short_penalty: float = 2.0  # cost of a short non-sentence line (menu entry, label)
    headline_factor: float = 0.6  # cost per word of a medium line without a final stop (link text)
    list_factor: float = 0.5  # weight of prose inside a list item
    furniture_penalty: float = 1.0
    min_stop_ratio: float = 0.12  # English prose has many function words; lists of names do not
    isolated_factor: float = 0.5  # weight of a prose line with no prose line next to it
    tail_gap: int = 1  # blank lines allowed between the run and a closing sentence
    tail_min_words: int = 2
    lead_in_share: float = 0.2  # a run above the best one joins it when it weighs this share of it ...
    lead_in_gap: int = 12  # ... and ends at most this many lines above it
    off_indent_cost: float = 0.5  # share of a non-prose line's cost paid when it is not at the article's indent


def line_score(line: Line, furniture: Furniture | None, options: BodyOptions, english: bool) -> float:
    """How much a line speaks for being article prose (positive) or page furniture (negative)."""
    if furniture is not None:
        return -options.furniture_penalty
    size = line.size
    if is_prose(line, options, english):
        weight = size * (options.list_factor if line.marker else 1.0)
        if line.capital_ratio > 0.75 and size < 25:
            weight *= 0.3
        return weight
    if size < 4:
        return -options.short_penalty * (1.5 if line.marker else 1.0)
    return -options.short_penalty - size * options.headline_factor


def is_prose(line: Line, options: BodyOptions, english: bool) -> bool:
    """A line that reads as running text."""
    size = line.size
    if english and line.n_words >= 6 and line.stop_ratio < options.min_stop_ratio:
        return False
    if size >= options.long_line_words:
        return True
    if english and size >= options.wordy_line_words and line.stop_ratio >= options.wordy_stop_ratio:
        return True  # a long sentence whose stop was lost (it ended in a link or was cut)
    return size >= options.prose_min_words and (line.ends_sentence or line.inner_stops >= 1)


def densest_run(scores: Sequence[float]) -> tuple[int, int] | None:
    """The contiguous range ``[start, end]`` with the largest positive sum (Kadane), or None."""
    best, best_range = 0.0, None
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = score, i
        else:
            total += score
        if total > best:
            best, best_range = total, (start, i)
    return best_range


@dataclass(frozen=True, slots=True)
class Run:
    """The best run of lines for one indentation and its total score."""

    total: float
    indent: int
    start: int
    end: int


def find_body(
    lines: Sequence[Line], furniture: Sequence[Furniture | None], limit: int, options: BodyOptions
) -> list[int]:
    """Indexes of the body lines among ``lines[:limit]`` (furniture never included).

    Layout-preserving scrapers indent each line by its nesting on the page, and an article's paragraphs
    are siblings: they share one indentation. So the run is searched once per indentation, counting
    only prose at that indentation (prose elsewhere is neutral, the rest costs as usual), and the
    indentation whose best run weighs most is the article's. Flat text has one indentation: one search.
    A heavy run of paragraphs at another indentation just above it (an article cut in two containers
    by an inset box) is taken too.
    """
    english = is_english(lines[:limit])
    scores = [line_score(line, furniture[i], options, english) for i, line in enumerate(lines[:limit])]
    _neutralise_repeated(lines[:limit], scores)
    _discount_isolated(scores, furniture, options.isolated_factor)
    runs = _runs_by_indent(lines[:limit], scores, options)
    if not runs:
        return []
    chosen = [_with_tail(lines[:limit], furniture, runs[0], options)]
    lead = _lead_in(lines, runs, options)
    if lead is not None:
        chosen.insert(0, lead)
    return [
        i
        for run in chosen
        for i in range(run.start, run.end + 1)
        if furniture[i] is None and _keep(lines, scores, i, run.end, run.indent)
    ]


def _runs_by_indent(
    lines: Sequence[Line], scores: Sequence[float], options: BodyOptions
) -> list[Run]:
    """The best run for each indentation that holds prose, heaviest first."""
    runs: list[Run] = []
    for indent in sorted({line.indent for line, score in zip(lines, scores) if score > 0}):
        at = [_at_indent(line, score, indent, options) for line, score in zip(lines, scores)]
        run = densest_run(at)
        if run is not None:
            runs.append(Run(sum(at[run[0] : run[1] + 1]), indent, run[0], run[1]))
    runs.sort(key=lambda run: -run.total)
    return runs


def _with_tail(
    lines: Sequence[Line], furniture: Sequence[Furniture | None], run: Run, options: BodyOptions
) -> Run:
    """Extend the run over the sentences that close the article after its last long paragraph (a short
    sign-off, a last remark): lines at the run's indentation that end like sentences, up to the first
    furniture, label or list item."""
    end = run.end
    while end + 1 < len(lines):
        line = lines[end + 1]
        if furniture[end + 1] is not None or line.indent != run.indent or line.marker or line.gap > options.tail_gap:
            break
        if not (line.ends_sentence and line.n_words >= options.tail_min_words):
            break
        end += 1
    return Run(run.total, run.indent, run.start, end)


def _lead_in(lines: Sequence[Line], runs: Sequence[Run], options: BodyOptions) -> Run | None:
    """A run of paragraphs (not list items) at another indentation that ends shortly above the best run."""
    best = runs[0]
    for run in runs[1:]:
        if run.total < options.lead_in_share * best.total:
            break
        gap = best.start - run.end
        if 0 < gap <= options.lead_in_gap:
            items = sum(1 for i in range(run.start, run.end + 1) if lines[i].marker)
            if items * 2 < run.end - run.start + 1:
                return run
    return None


def _neutralise_repeated(lines: Sequence[Line], scores: list[float]) -> None:
    """Prose the page shows twice or more (galleries, repeated teasers, pull quotes) weighs nothing:
    it cannot pull the run towards itself, though the copy inside the article is still kept."""
    counts = Counter(line.content for line in lines if line.n_words >= MIN_REPEATED_WORDS)
    for i, line in enumerate(lines):
        if scores[i] > 0 and counts.get(line.content, 0) > 1:
            scores[i] = 0.0


def _discount_isolated(scores: list[float], furniture: Sequence[Furniture | None], factor: float) -> None:
    """Scale down prose lines with no prose line on either side (furniture lines between do not
    count): an article's paragraphs come in runs, while teasers in a list of related stories stand
    alone between their headline and date."""
    kept = [i for i in range(len(scores)) if furniture[i] is None]
    prose = [scores[i] > 0 for i in kept]
    for k, i in enumerate(kept):
        if prose[k] and not (k > 0 and prose[k - 1]) and not (k + 1 < len(kept) and prose[k + 1]):
            scores[i] *= factor


def _at_indent(line: Line, score: float, indent: int, options: BodyOptions) -> float:
    """A line's score when the article sits at ``indent``: prose elsewhere counts nothing, list items
    that read as text cost nothing (articles have lists), everything else costs as usual."""
    if line.indent == indent:
        return score
    if score > 0:
        return 0.0
    if line.marker and _texty(line):
        return 0.0
    return score * options.off_indent_cost


def _texty(line: Line) -> bool:
    """A list item or short line that reads as words of a text rather than a menu entry."""
    return line.n_words >= 4 and (line.stop_ratio >= 0.15 or line.ends_sentence)


def _keep(lines: Sequence[Line], scores: Sequence[float], i: int, end: int, indent: int) -> bool:
    """Inside the run: prose, headings over prose, and list items that read as text stay."""
    line = lines[i]
    if line.indent < indent and scores[i] <= 0:
        return False
    if scores[i] > 0:
        return line.indent >= indent or scores[i] > 20
    if line.marker:
        return _texty(line)
    if _shouted(line):
        return False  # a long line in capitals inside an article is a promoted link, not a heading
    return _heads_prose(lines, scores, i, end)


def _heads_prose(lines: Sequence[Line], scores: Sequence[float], i: int, end: int) -> bool:
    """A short line kept as a heading or short paragraph: it is followed by prose and is not a list item."""
    line = lines[i]
    if line.marker or i + 1 > end or scores[i + 1] <= 0:
        return line.ends_sentence and line.n_words >= 3 and not line.marker
    return line.n_words >= 2 or line.ends_sentence


def _shouted(line: Line) -> bool:
    """A line of several words in capitals only."""
    text = line.content
    return line.n_words >= MIN_SHOUTED_WORDS and text.upper() == text and text.lower() != text


def is_english(lines: Sequence[Line]) -> bool:
    """True when the lines' function words say English (the stop-word feature only applies then)."""
    words = stops = 0
    for line in lines:
        if line.n_words >= 8:
            words += line.n_words
            stops += round(line.stop_ratio * line.n_words)
    return words > 0 and stops / words >= 0.2
