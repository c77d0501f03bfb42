"""Search as a person types it: words become an FTS5 query, hits become pages with a total.

FTS5 syntax treats ``-``, ``:``, quotes and parentheses as operators, so "Saint-Denis" or an unbalanced
quote would be a syntax error; each word is quoted instead (all words must match, prefixes with a
trailing ``*`` are kept). ``Corpus`` search has no count, so the total is counted over at most
``WebOptions.search_cap`` hits (and said to be a lower bound when the cap is reached).
"""

from __future__ import annotations

from dataclasses import dataclass

from wiretrace.corpus import Corpus
from wiretrace.store import StoredClaim
from wiretrace.web.models import ArticleHit
from wiretrace.web.pagination import Window

MAX_TERMS = 32


@dataclass(frozen=True, slots=True)
class Hits:
    """One page of hits and how many there are (``capped``: at least that many)."""

    items: list
    total: int
    capped: bool


def fts_query(text: str) -> str | None:
    """``text`` as an FTS5 query matching every word; None when it has no word to search for."""
    terms = []
    for word in text.split()[:MAX_TERMS]:
        prefix = word.endswith("*")
        word = word.rstrip("*").replace('"', '""')
        if any(c.isalnum() for c in word):
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def article_hits(corpus: Corpus, text: str, win: Window, cap: int) -> Hits:
    """Articles matching ``text``, best first, one window of them with their titles and outlets."""
    query = fts_query(text)
    if query is None:
        return Hits([], 0, False)
    found = corpus.search(query, limit=max(cap, win.offset + win.limit + 1))
    items = []
    for article_id, snippet in found[win.offset : win.offset + win.limit]:
        stored = corpus.article(article_id)
        title, outlet = (stored.article.title, stored.article.outlet) if stored else (None, None)
        items.append(ArticleHit(article_id, title, outlet, snippet))
    return _counted(items, len(found), win, cap)


def claim_hits(corpus: Corpus, text: str, win: Window, cap: int) -> Hits:
    """Claims whose text or speaker match ``text``, best first, one window of them (one ranked query
    serves both the window and the count: ranking every match is what a search costs)."""
    query = fts_query(text)
    if query is None:
        return Hits([], 0, False)
    found: list[StoredClaim] = corpus.search_claims(query, limit=max(cap, win.offset + win.limit + 1))
    return _counted(found[win.offset : win.offset + win.limit], len(found), win, cap)


def _counted(items: list, counted: int, win: Window, cap: int) -> Hits:
    """Hits with their total: exact below the cap (or past the window asked for), else "at least"."""
    return Hits(items, max(counted, win.offset + len(items)), counted >= max(cap, win.offset + win.limit + 1))


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """A snippet cut at its ``[``/``]`` hit marks into (text, is_hit) pieces, to draw each escaped."""
    pieces: list[tuple[str, bool]] = []
    rest, inside = snippet, False
    while rest:
        mark = "]" if inside else "["
        head, sep, rest = rest.partition(mark)
        if head:
            pieces.append((head, inside))
        inside = not inside if sep else inside
    return pieces
