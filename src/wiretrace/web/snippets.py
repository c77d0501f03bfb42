"""The passage of an article a search hit shows: a dozen words around its first hits, the searched words
marked ``[...]`` as FTS5's ``snippet()`` marks them.

FTS5's ``snippet()`` tokenises the whole text of every hit and scores each fragment of it: 60 µs an
article even on 2 KB texts, a fifth of what a search page costs. A reader needs a passage holding the
words, not the best-scored one, so it is cut here from the stored text: of the first
``STARTS_TRIED`` hits, the earliest whose passage holds the most distinct searched words. Words are
matched as FTS5's ``unicode61`` tokenizer matches them: runs of letters and digits, in any case, a word
typed with a trailing ``*`` as a prefix, a typed word holding punctuation ("Saint-Denis") as its
words in a row. What this does not match and FTS5 did (a word written with diacritics the search
left out, a hit in the title only) gets no passage here: the caller asks FTS5 for those.

Hits are found with ``str.find`` in the lowercased text and checked with a pattern where found: a
case-blind pattern searched over a whole text costs more than FTS5's snippet (Python's ``re`` tries it
at every character).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS_SHOWN = 12
WORDS_BEFORE = 2  # words shown before the first hit of the passage
HITS_LOOKED_AT = 8  # hits found, to count the distinct words a passage would show
STARTS_TRIED = 3  # of which the first few are tried as the passage's first hit
_TOKEN = re.compile(r"[^\W_]+")
_MORE_LETTERS = r"[^\W_]*"
_SPAN = re.compile(r"(?:\S+\s+){0,%d}\S+" % (WORDS_SHOWN - 1))
_WORD_START = re.compile(r"(?<!\S)\S")  # whitespace as Unicode has it: no-break and thin spaces too
MAX_CHARS = 300


@dataclass(frozen=True, slots=True)
class SearchedWords:
    """The searched words made ready to find: each word's first token (lowercased, for ``str.find``),
    each word's pattern (matched where its first token is found in the lowercased text) and a pattern
    of any of them in any case, one group a word (to mark a passage)."""

    firsts: tuple[str, ...]
    each: tuple[re.Pattern[str], ...]
    any: re.Pattern[str]


def searched_words(words: list[tuple[str, bool]]) -> SearchedWords | None:
    """``(word, is prefix)`` pairs made ready to find; None when no word holds a letter or digit."""
    firsts, each, bodies = [], [], []
    for word, prefix in words:
        tokens = [token.lower() for token in _TOKEN.findall(word)]
        if tokens:
            body = r"[\W_]+".join(re.escape(token) for token in tokens) + (_MORE_LETTERS if prefix else "")
            firsts.append(tokens[0])
            each.append(re.compile(rf"{body}(?![^\W_])"))
            bodies.append(body)
    if not bodies:
        return None
    groups = "|".join(f"({body})" for body in bodies)
    any_word = re.compile(rf"(?<![^\W_])(?:{groups})(?![^\W_])", re.IGNORECASE)
    return SearchedWords(tuple(firsts), tuple(each), any_word)


def passage(text: str, words: SearchedWords) -> str | None:
    """About ``WORDS_SHOWN`` words of ``text`` around its first hits of ``words``, hits in ``[...]``,
    ``…`` where the text goes on; None when ``text`` has no hit, or none a passage of at most
    ``MAX_CHARS`` can show (words run together without spaces: FTS5 cuts those better)."""
    best: tuple[int, int, int] | None = None  # (distinct words, start, end)
    hits = _first_hits(text, words)
    for hit_start, hit_end, _ in hits[:STARTS_TRIED]:
        start = _words_back(text, hit_start, WORDS_BEFORE)
        shown = _SPAN.match(text, start)
        end = shown.end() if shown else hit_end
        if end < hit_end or end - start > MAX_CHARS:
            continue
        distinct = len({word for s, e, word in hits if start <= s and e <= end})
        if best is None or distinct > best[0]:
            best = (distinct, start, end)
    if best is None:
        return None
    _, start, end = best
    marked = words.any.sub(lambda m: f"[{m.group(0)}]", " ".join(text[start:end].split()))
    return ("…" if text[:start].strip() else "") + marked + ("…" if text[end:].strip() else "")


def _first_hits(text: str, words: SearchedWords) -> list[tuple[int, int, int]]:
    """``(start, end, which word)`` of the first ``HITS_LOOKED_AT`` hits in ``text``, in text order."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lowercase is longer: find in the text itself
        found = words.any.finditer(text)
        return [(m.start(), m.end(), m.lastindex or 0) for _, m in zip(range(HITS_LOOKED_AT), found, strict=False)]
    hits = []
    for which, (first, pattern) in enumerate(zip(words.firsts, words.each, strict=True)):
        at, seen = lowered.find(first), 0
        while at >= 0 and seen < HITS_LOOKED_AT:
            if (at == 0 or not lowered[at - 1].isalnum()) and (matched := pattern.match(lowered, at)):
                hits.append((at, matched.end(), which))
                seen += 1
            at = lowered.find(first, at + 1)
    return sorted(hits)[:HITS_LOOKED_AT]


def _words_back(text: str, position: int, words: int) -> int:
    """Where the word ``words`` words before the one starting at ``position`` starts (the first word of
    the text when there are fewer; looked for in the 60 characters a word before ``position``)."""
    starts = [m.start() for m in _WORD_START.finditer(text, max(0, position - 60 * words), position)]
    if len(starts) >= words:
        return starts[-words]
    return starts[0] if starts else position
